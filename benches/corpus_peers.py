"""Configuration and templates of the peers (Hugo, Zola) for benches/corpus.py: the
same work as bichig's shipped theme where both can do it: section listings
paginated by 20, tag pages (unpaginated), previous/next, a table of contents, a
language switcher with hreflang links, feeds and sitemap, minified HTML; no search
index (the peers' is off).
"""

# Hugo 0.111 (Debian 12): top-level `paginate`; `[pagination] pagerSize` from 0.128.
HUGO_TOML = """\
baseURL = "https://example.org/"
defaultContentLanguage = "zh"
defaultContentLanguageInSubdir = false
hasCJKLanguage = true
paginate = {paginate}
enableRobotsTXT = false
disableHugoGeneratorInject = true

[taxonomies]
  tag = "tags"

[minify]
  minifyOutput = true

[languages.zh]
  weight = 1
  languageCode = "zh-Hans"
  languageName = "中文"
  title = "{site_zh}"
  [languages.zh.params]
    writingMode = "horizontal-tb"

[languages.mn]
  weight = 2
  languageCode = "mn-Mong"
  languageName = "ᠮᠣᠩᠭᠣᠯ"
  title = "{site_mn}"
  [languages.mn.params]
    writingMode = "vertical-lr"
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """
<!doctype html>
<html lang="{{ .Site.LanguageCode }}" class="wm-{{ .Site.Params.writingMode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }} - {{ .Site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ .Summary | plainify | truncate 160 }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{- if .IsTranslated }}
{{- range .AllTranslations }}
<link rel="alternate" hreflang="{{ .Site.LanguageCode }}" href="{{ .Permalink }}">
{{- if eq .Language.Lang $.Sites.First.Language.Lang }}
<link rel="alternate" hreflang="x-default" href="{{ .Permalink }}">
{{- end }}
{{- end }}
{{- end }}
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "css/style.css" | relURL }}">
{{- if eq .Site.Params.writingMode "vertical-lr" }}
<script src="{{ "js/vertical-scroll.js" | relURL }}" defer></script>
{{- end }}
</head>
<body>
<header class="site-header">
{{- if .IsTranslated }}
<nav class="lang-switch"><ul>
<li><span lang="{{ .Site.LanguageCode }}" aria-current="true">{{ .Language.LanguageName }}</span></li>
{{- range .Translations }}
<li><a href="{{ .RelPermalink }}" lang="{{ .Site.LanguageCode }}" hreflang="{{ .Site.LanguageCode }}">{{ .Language.LanguageName }}</a></li>
{{- end }}
</ul></nav>
{{- end }}
<a class="site-title" href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav class="site-nav"><ul>
{{- $cur := . }}
{{- range .Site.Sections }}
<li><a href="{{ .RelPermalink }}"{{ if or (eq $cur .) ($cur.IsDescendant .) }} aria-current="page"{{ end }}>{{ .Title }}</a></li>
{{- end }}
</ul></nav>
</header>
<main id="main">
{{- block "main" . }}{{ end }}
</main>
</body>
</html>
""",
    "_default/single.html": """
{{ define "main" }}
<article class="page">
<h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time>
{{- with .TableOfContents }}
<nav class="toc">{{ . }}</nav>
{{- end }}
<div class="content">{{ .Content }}</div>
{{- with .GetTerms "tags" }}
<ul class="tags">
{{- range . }}
<li><a href="{{ .RelPermalink }}" rel="tag">{{ .LinkTitle }}</a></li>
{{- end }}
</ul>
{{- end }}
<nav class="pager">
{{- with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{- with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
</nav>
</article>
{{ end }}
""",
    "_default/list.html": """
{{ define "main" }}
<article class="section">
<h1>{{ .Title }}</h1>
{{- if eq .Paginator.PageNumber 1 }}
<div class="content">{{ .Content }}</div>
{{- end }}
<ul class="listing">
{{- range .Paginator.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time><p>{{ .Summary | plainify | truncate 120 }}</p></li>
{{- end }}
</ul>
{{ template "_internal/pagination.html" . }}
</article>
{{ end }}
""",
    "index.html": """
{{ define "main" }}
<article class="home">
<h1>{{ .Title }}</h1>
<div class="content">{{ .Content }}</div>
<ul class="listing">
{{- range .Sections }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
</ul>
</article>
{{ end }}
""",
    "_default/taxonomy.html": """
{{ define "main" }}
<article class="section">
<h1>{{ .Title }}</h1>
<ul class="listing">
{{- range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }} ({{ .Count }})</a></li>
{{- end }}
</ul>
</article>
{{ end }}
""",
    # Term pages list all their pages on one page (unpaginated), as Zola's do.
    "_default/term.html": """
{{ define "main" }}
<article class="section">
<h1>{{ .Title }}</h1>
<ul class="listing">
{{- range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time><p>{{ .Summary | plainify | truncate 120 }}</p></li>
{{- end }}
</ul>
</article>
{{ end }}
""",
}


# Zola 0.22: per-language titles and taxonomies; "safe" slugs keep Han and
# Mongolian letters in URLs as bichig does (the default would transliterate).
ZOLA_TOML = """\
base_url = "https://example.org"
title = "{site_zh}"
default_language = "zh"
compile_sass = false
minify_html = true
build_search_index = false
generate_feeds = true
feed_filenames = ["atom.xml"]
taxonomies = [{{ name = "tags" }}]

[slugify]
paths = "safe"
taxonomies = "safe"
anchors = "safe"

[markdown]
smart_punctuation = false

[languages.mn]
title = "{site_mn}"
generate_feeds = true
feed_filenames = ["atom.xml"]
build_search_index = false
taxonomies = [{{ name = "tags" }}]
"""

ZOLA_TEMPLATES = {
    "base.html": """
<!doctype html>
<html lang="{% if lang == "mn" %}mn-Mong{% else %}zh-Hans{% endif %}" class="wm-{% if lang == "mn" %}vertical-lr{% else %}horizontal-tb{% endif %}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock %}</title>
<link rel="canonical" href="{{ current_url | default(value=config.base_url) }}">
{%- block alternates %}{% endblock %}
<link rel="stylesheet" href="{{ get_url(path="css/style.css") }}">
{%- if lang == "mn" %}
<script src="{{ get_url(path="js/vertical-scroll.js") }}" defer></script>
{%- endif %}
</head>
<body>
<header class="site-header">
{%- block langswitch %}{% endblock %}
{%- if lang == "mn" %}{% set root = get_section(path="_index.mn.md", metadata_only=true) %}{% else %}{% set root = get_section(path="_index.md", metadata_only=true) %}{% endif %}
<a class="site-title" href="{{ root.permalink }}">{{ config.title }}</a>
<nav class="site-nav"><ul>
{%- for s in root.subsections %}
{%- set sec = get_section(path=s, metadata_only=true) %}
<li><a href="{{ sec.permalink }}"{% if current_path and current_path is starting_with(sec.path) %} aria-current="page"{% endif %}>{{ sec.title }}</a></li>
{%- endfor %}
</ul></nav>
</header>
<main id="main">
{%- block main %}{% endblock %}
</main>
</body>
</html>
""",
    "macros.html": """
{% macro alternates(translations) %}
{%- for t in translations %}
<link rel="alternate" hreflang="{% if t.lang == "mn" %}mn-Mong{% else %}zh-Hans{% endif %}" href="{{ t.permalink }}">
{%- if t.lang == "zh" %}<link rel="alternate" hreflang="x-default" href="{{ t.permalink }}">{% endif %}
{%- endfor %}
{% endmacro %}
{% macro langswitch(translations, lang) %}
<nav class="lang-switch"><ul>
{%- for t in translations %}
{%- if t.lang == lang %}<li><span aria-current="true">{% if t.lang == "mn" %}ᠮᠣᠩᠭᠣᠯ{% else %}中文{% endif %}</span></li>
{%- else %}<li><a href="{{ t.permalink }}" hreflang="{{ t.lang }}">{% if t.lang == "mn" %}ᠮᠣᠩᠭᠣᠯ{% else %}中文{% endif %}</a></li>{% endif %}
{%- endfor %}
</ul></nav>
{% endmacro %}
{% macro listing(pages) %}
<ul class="listing">
{%- for p in pages %}
<li><a href="{{ p.permalink }}">{{ p.title }}</a> <time datetime="{{ p.date }}">{{ p.date }}</time><p>{{ p.content | striptags | truncate(length=120) }}</p></li>
{%- endfor %}
</ul>
{% endmacro %}
""",
    "index.html": """
{% extends "base.html" %}
{% import "macros.html" as m %}
{% block alternates %}{{ m::alternates(translations=section.translations) }}{% endblock %}
{% block langswitch %}{{ m::langswitch(translations=section.translations, lang=lang) }}{% endblock %}
{% block main %}
<article class="home">
<h1>{{ section.title }}</h1>
<div class="content">{{ section.content | safe }}</div>
<ul class="listing">
{%- for s in section.subsections %}{% set sec = get_section(path=s, metadata_only=true) %}
<li><a href="{{ sec.permalink }}">{{ sec.title }}</a></li>
{%- endfor %}
</ul>
</article>
{% endblock %}
""",
    "section.html": """
{% extends "base.html" %}
{% import "macros.html" as m %}
{% block title %}{{ section.title }} - {{ config.title }}{% endblock %}
{% block alternates %}{{ m::alternates(translations=section.translations) }}{% endblock %}
{% block langswitch %}{{ m::langswitch(translations=section.translations, lang=lang) }}{% endblock %}
{% block main %}
<article class="section">
<h1>{{ section.title }}</h1>
{%- if paginator.current_index == 1 %}<div class="content">{{ section.content | safe }}</div>{% endif %}
{{ m::listing(pages=paginator.pages) }}
<nav class="pagination">
{%- if paginator.previous %}<a rel="prev" href="{{ paginator.previous }}">&laquo;</a>{% endif %}
{%- for i in range(start=1, end=paginator.number_pagers + 1) %}
{%- if i == paginator.current_index %}<span aria-current="page">{{ i }}</span>{% else %}<a href="{% if i == 1 %}{{ paginator.first }}{% else %}{{ paginator.base_url }}{{ i }}/{% endif %}">{{ i }}</a>{% endif %}
{%- endfor %}
{%- if paginator.next %}<a rel="next" href="{{ paginator.next }}">&raquo;</a>{% endif %}
</nav>
</article>
{% endblock %}
""",
    "page.html": """
{% extends "base.html" %}
{% import "macros.html" as m %}
{% block title %}{{ page.title }} - {{ config.title }}{% endblock %}
{% block alternates %}{{ m::alternates(translations=page.translations) }}{% endblock %}
{% block langswitch %}{{ m::langswitch(translations=page.translations, lang=lang) }}{% endblock %}
{% block main %}
<article class="page">
<h1>{{ page.title }}</h1>
<time datetime="{{ page.date }}">{{ page.date }}</time>
{%- if page.toc %}
<nav class="toc"><ul>
{%- for h in page.toc %}<li><a href="#{{ h.id }}">{{ h.title }}</a>
{%- if h.children %}<ul>{% for c in h.children %}<li><a href="#{{ c.id }}">{{ c.title }}</a></li>{% endfor %}</ul>{% endif %}</li>
{%- endfor %}
</ul></nav>
{%- endif %}
<div class="content">{{ page.content | safe }}</div>
{%- if page.taxonomies.tags %}
<ul class="tags">
{%- for t in page.taxonomies.tags %}
<li><a href="{{ get_taxonomy_url(kind="tags", name=t, lang=lang) }}" rel="tag">{{ t }}</a></li>
{%- endfor %}
</ul>
{%- endif %}
<nav class="pager">
{%- if page.lower %}<a rel="prev" href="{{ page.lower.permalink }}">{{ page.lower.title }}</a>{% endif %}
{%- if page.higher %}<a rel="next" href="{{ page.higher.permalink }}">{{ page.higher.title }}</a>{% endif %}
</nav>
</article>
{% endblock %}
""",
    "tags/list.html": """
{% extends "base.html" %}
{% block title %}{{ taxonomy.name }} - {{ config.title }}{% endblock %}
{% block main %}
<article class="section">
<h1>{{ taxonomy.name }}</h1>
<ul class="listing">
{%- for t in terms %}
<li><a href="{{ t.permalink }}">{{ t.name }} ({{ t.page_count }})</a></li>
{%- endfor %}
</ul>
</article>
{% endblock %}
""",
    "tags/single.html": """
{% extends "base.html" %}
{% import "macros.html" as m %}
{% block title %}{{ term.name }} - {{ config.title }}{% endblock %}
{% block main %}
<article class="section">
<h1>{{ term.name }}</h1>
{{ m::listing(pages=term.pages) }}
</article>
{% endblock %}
""",
}
