#!/usr/bin/env python3
"""Benchmark corpus: the same bilingual (Chinese / traditional Mongolian) site for
bichig and for Hugo.

    python3 benches/corpus.py N OUTDIR

writes OUTDIR/bichig/ (site.yaml, content/, themes/default copied from this repo)
and OUTDIR/hugo/ (hugo.toml, content/, layouts/, static/), each with N logical
pages spread over 10 sections, every page in Chinese (pNNNNN.md) and in traditional
Mongolian (pNNNNN.mn.md, `translation: draft`). Deterministic: the text depends on
N only (random.Random seeded with N). Python 3 standard library only.
"""

import json
import random
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
THEME = REPO / "themes" / "default"
SECTIONS = 10
PAGINATE = 20

# Common words of a public report, Chinese.
ZH_WORDS = """
我们 发展 工作 经济 社会 建设 人民 国家 地区 政府 城市 农村 群众 企业 项目
产业 资金 政策 服务 管理 制度 改革 创新 提高 加强 推进 实施 落实 完成 实现
全面 重点 基础 保障 教育 医疗 卫生 住房 交通 水利 电力 网络 文化 旅游 生态
环境 保护 治理 农业 牧业 草原 土地 粮食 收入 就业 培训 技能 合作 组织 干部
帮扶 扶贫 脱贫 贫困 家庭 人口 旗县 乡镇 嘎查 村庄 牧民 农民 学生 学校 医院
银行 贷款 金融 保险 市场 产品 销售 质量 标准 规划 目标 任务 措施 机制 体系
能力 水平 条件 问题 情况 结果 效果 数据 统计 增长 提升 稳定 持续 长期 当前
今年 去年 全区 自治区 内蒙古 各级 部门 单位 领导 小组 会议 方案 文件 考核
监督 检查 评估 资金 安排 投入 支持 补助 补贴 覆盖 到户 到人 精准 识别 退出
""".split()
ZH_CHARS = "的了在是和有也就都而及与对把被从向为以于并或"

# Tags: 30 per language, the Mongolian ones in traditional script.
ZH_TAGS = """
产业扶贫 易地搬迁 生态补偿 教育扶贫 健康扶贫 社会保障 金融扶贫 危房改造 饮水安全
交通建设 电网改造 光伏扶贫 旅游扶贫 电商扶贫 劳务输出 技能培训 驻村工作 结对帮扶
社会扶贫 东西协作 牧区发展 草原保护 农业合作 基础设施 公共服务 兜底保障 考核评估
资金监管 脱贫摘帽 乡村振兴
""".split()

# Mongolian words, traditional script (U+1820–U+18AA), some with U+180E before a
# final vowel as written.
MN_WORDS = """
ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ ᠤᠯᠤᠰ ᠠᠷᠠᠳ ᠬᠥᠭᠵᠢᠯ ᠠᠵᠢᠯ ᠶᠠᠳᠠᠭᠤ ᠲᠥᠰᠥᠯ ᠰᠠᠩᠬᠦᠦ ᠪᠣᠯᠪᠠᠰᠤᠷᠠᠯ
ᠡᠷᠡᠭᠦᠯ ᠮᠡᠨᠳᠦ ᠭᠠᠵᠠᠷ ᠬᠣᠲᠠ ᠰᠤᠮᠤ ᠬᠣᠰᠢᠭᠤ ᠠᠢᠯ ᠬᠦᠮᠦᠨ ᠣᠷᠣᠯᠭ᠎ᠠ ᠵᠠᠰᠠᠭ ᠮᠠᠯ
ᠲᠠᠷᠢᠶᠠᠯᠠᠩ ᠰᠤᠷᠭᠠᠭᠤᠯᠢ ᠵᠢᠯ ᠰᠠᠷ᠎ᠠ ᠰᠢᠨ᠎ᠡ ᠶᠡᠬᠡ ᠰᠠᠶᠢᠨ ᠪᠠᠶᠢᠳᠠᠯ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ
ᠬᠡᠷᠡᠭᠵᠢᠭᠦᠯᠬᠦ ᠪᠣᠯᠪᠠ ᠪᠠᠶᠢᠨ᠎ᠠ ᠠᠷᠢᠯᠭᠠᠬᠤ ᠲᠡᠮᠡᠴᠡᠯ ᠲᠣᠶᠢᠮ ᠥᠪᠥᠷ ᠨᠡᠶᠢᠭᠡᠮ ᠡᠳ
ᠠᠰᠢᠭ ᠬᠠᠮᠲᠤ ᠪᠦᠬᠦ ᠣᠯᠠᠨ ᠨᠢᠭᠡ ᠬᠣᠶᠠᠷ ᠭᠤᠷᠪᠠ ᠮᠢᠩᠭ᠎ᠠ ᠲᠦᠮᠡᠨ ᠬᠤᠪᠢ ᠭᠠᠵᠠᠷ
ᠰᠤᠷᠭᠠᠯᠲᠠ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠤᠯᠲᠠ ᠡᠮᠨᠡᠯᠭ᠎ᠡ ᠤᠰᠤ ᠵᠠᠮ ᠴᠠᠬᠢᠯᠭᠠᠨ
ᠪᠣᠳᠣᠯᠭ᠎ᠠ ᠬᠢᠨᠠᠯᠲᠠ ᠳᠡᠮᠵᠢᠯᠭᠡ ᠲᠣᠭ᠎ᠠ ᠬᠡᠮᠵᠢᠶ᠎ᠡ ᠦᠷ᠎ᠡ ᠳ᠋ᠦᠩ ᠨᠡᠮᠡᠭᠳᠡᠯ ᠪᠠᠲᠤᠯᠠᠬᠤ
ᠡᠬᠢᠯᠡᠬᠦ ᠳᠠᠭᠤᠰᠬᠠᠬᠤ ᠰᠢᠢᠳᠬᠡᠬᠦ ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ ᠬᠥᠳᠡᠭᠡ ᠨᠤᠲᠤᠭ ᠪᠠᠢᠭᠠᠯᠢ ᠣᠷᠴᠢᠨ
""".split()
# Case and plural suffixes, attached to the previous word with U+202F.
MN_SUFFIXES = "ᠤᠨ ᠦᠨ ᠤ ᠦ ᠢ ᠶᠢ ᠳᠤ ᠲᠤ ᠳᠦ ᠢᠶᠠᠷ ᠡᠴᠡ ᠠᠴᠠ ᠲᠠᠢ ᠲᠡᠢ ᠤᠳ".split()
# Two-word tags ("ᠣᠷᠣᠨ ᠪᠠᠢᠷ") get `-` for the space in URLs.
MN_TAGS = """
ᠦᠢᠯᠡᠳᠪᠦᠷᠢ ᠨᠡᠭᠦᠯᠲᠡ ᠡᠺᠣᠯᠣᠭᠢ ᠪᠣᠯᠪᠠᠰᠤᠷᠠᠯ ᠡᠷᠡᠭᠦᠯ ᠨᠡᠶᠢᠭᠡᠮ ᠰᠠᠩᠬᠦᠦ ᠣᠷᠣᠨ_ᠪᠠᠢᠷ
ᠤᠰᠤ ᠵᠠᠮ ᠴᠠᠬᠢᠯᠭᠠᠨ ᠨᠠᠷᠠ ᠠᠶᠠᠯᠠᠯ ᠬᠤᠳᠠᠯᠳᠤᠭ᠎ᠠ ᠬᠥᠳᠡᠯᠮᠦᠷᠢ ᠰᠤᠷᠭᠠᠯᠲᠠ ᠭᠠᠴᠠᠭ᠎ᠠ
ᠬᠠᠮᠲᠤᠷᠠᠯ ᠣᠯᠠᠨ_ᠨᠡᠶᠢᠲᠡ ᠬᠠᠮᠲᠤᠷᠠᠨ ᠮᠠᠯᠵᠢᠯ ᠪᠡᠯᠴᠢᠭᠡᠷ ᠲᠠᠷᠢᠶᠠᠯᠠᠩ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠲᠠ
ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠪᠠᠲᠤᠯᠠᠮᠵᠢ ᠦᠨᠡᠯᠡᠭᠡ ᠬᠢᠨᠠᠯᠲᠠ ᠲᠣᠭᠲᠠᠨ ᠰᠡᠷᠭᠦᠭᠡᠯᠲᠡ
""".split()
MN_TAGS = [t.replace("_", " ") for t in MN_TAGS]
ZH_HEAD = ["项目", "数量", "比例"]
MN_HEAD = ["ᠲᠥᠰᠥᠯ", "ᠲᠣᠭ᠎ᠠ", "ᠬᠤᠪᠢ"]


def check_lists():
    assert len(ZH_TAGS) == 30 and len(set(ZH_TAGS)) == 30, len(ZH_TAGS)
    assert len(MN_TAGS) == 30 and len(set(MN_TAGS)) == 30, len(MN_TAGS)
    for w in MN_WORDS + MN_SUFFIXES + MN_HEAD + MN_TAGS:
        for c in w:
            assert "\u1820" <= c <= "\u18aa" or c in "\u180b\u180e ", (w, hex(ord(c)))


def zh_sentence(r, lo=12, hi=22):
    words = []
    for _ in range(r.randint(lo, hi)):
        words.append(r.choice(ZH_WORDS))
        if r.random() < 0.3:
            words.append(r.choice(ZH_CHARS))
    mid = r.randrange(1, len(words))
    return "".join(words[:mid]) + "，" + "".join(words[mid:]) + "。"


def zh_para(r, sentences):
    return "".join(zh_sentence(r) for _ in range(sentences))


def mn_word(r):
    w = r.choice(MN_WORDS)
    if r.random() < 0.25:
        w += "\u202f" + r.choice(MN_SUFFIXES)
    return w


def mn_sentence(r, lo=5, hi=10):
    words = [mn_word(r) for _ in range(r.randint(lo, hi))]
    mid = r.randrange(1, len(words))
    return " ".join(words[:mid]) + "᠂ " + " ".join(words[mid:]) + "᠃"


def mn_para(r, sentences):
    return " ".join(mn_sentence(r) for _ in range(sentences))


def zh_title(r, n=3):
    return "".join(r.choice(ZH_WORDS) for _ in range(n))


def mn_title(r, n=3):
    return " ".join(r.choice(MN_WORDS) for _ in range(n))


def yq(s):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def front(title, weight=None, day=None, tags=None, extra=()):
    lines = ["---", f"title: {yq(title)}"]
    if weight is not None:
        lines.append(f"weight: {weight}")
    if day is not None:
        lines.append(f"date: {day.isoformat()}")
    if tags is not None:
        lines.append("tags: [" + ", ".join(yq(t) for t in tags) + "]")
    lines.extend(extra)
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def table(r, head, rows):
    out = ["| " + " | ".join(head) + " |", "| --- | ---: | ---: |"]
    for name in rows:
        out.append(f"| {name} | {r.randint(10, 99999)} | {r.randint(1, 999) / 10:.1f}% |")
    return "\n".join(out)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def link_target(i):
    return f"s{i % SECTIONS:02d}/p{i:05d}.md"


def generate(n, out):
    check_lists()
    r = random.Random(n)
    bichig = out / "bichig"
    hugo = out / "hugo"
    for d in (bichig, hugo):
        if d.exists():
            shutil.rmtree(d)
    both = (bichig / "content", hugo / "content")

    site_zh, site_mn = "双语基准站点", "ᠬᠣᠣᠰ ᠬᠡᠯᠡᠨ ᠦ ᠰᠠᠢᠲ"
    write(bichig / "site.yaml", f"""# Benchmark corpus, {n} pages (benches/corpus.py).
title: {{ zh: {yq(site_zh)}, mn: {yq(site_mn)} }}
base_url: "https://example.org/"
default_language: zh
languages:
  zh: {{ name: "中文", tag: "zh-Hans" }}
  mn: {{ name: "ᠮᠣᠩᠭᠣᠯ", tag: "mn-Mong", writing_mode: vertical-lr }}
paginate_by: {PAGINATE}
""")
    shutil.copytree(THEME, bichig / "themes" / "default")
    write(hugo / "hugo.toml", HUGO_TOML.format(site_zh=site_zh, site_mn=site_mn, paginate=PAGINATE))
    for name, text in HUGO_LAYOUTS.items():
        write(hugo / "layouts" / name, text.lstrip("\n"))
    shutil.copytree(THEME / "static", hugo / "static")

    # Home and sections.
    home_zh = front(site_zh, day=date(2020, 1, 1)) + zh_para(r, 3) + "\n"
    home_mn = front(site_mn, day=date(2020, 1, 1), extra=["translation: draft"]) + mn_para(r, 3) + "\n"
    for c in both:
        write(c / "_index.md", home_zh)
        write(c / "_index.mn.md", home_mn)
    for s in range(SECTIONS):
        zh = front(zh_title(r, 2), weight=s + 1) + zh_para(r, 2) + "\n"
        mn = front(mn_title(r, 2), weight=s + 1, extra=["translation: draft"]) + mn_para(r, 2) + "\n"
        for c in both:
            write(c / f"s{s:02d}" / "_index.md", zh)
            write(c / f"s{s:02d}" / "_index.mn.md", mn)

    start = date(2015, 1, 1)
    for i in range(n):
        sec = f"s{i % SECTIONS:02d}"
        weight = i // SECTIONS + 1
        day = start + timedelta(days=r.randrange(2000))
        tags = r.sample(range(len(ZH_TAGS)), 2)
        target = r.randrange(n - 1) if n > 1 else 0
        if target >= i and n > 1:
            target += 1  # another page
        link = link_target(target)
        rows = r.sample(range(len(ZH_WORDS)), 3)

        zh_body = [
            zh_para(r, 3),
            "## " + zh_title(r, 2),
            zh_para(r, r.randint(2, 3)),
            "\n".join("- " + zh_sentence(r, 3, 5) for _ in range(3)),
            table(r, ZH_HEAD, [ZH_WORDS[k] for k in rows]),
            "见[{}](LINK)。".format(zh_title(r, 2)) + zh_sentence(r),
        ]
        mn_body = [
            mn_para(r, 2),
            "## " + mn_title(r, 2),
            mn_para(r, r.randint(1, 2)),
            "\n".join("- " + mn_sentence(r, 3, 5) for _ in range(3)),
            table(r, MN_HEAD, [mn_title(r, 1) for _ in rows]),
            "[{}](LINK)᠃ ".format(mn_title(r, 2)) + mn_sentence(r),
        ]
        zh_front = front(zh_title(r), weight, day, [ZH_TAGS[t] for t in tags])
        mn_front = front(mn_title(r), weight, day, [MN_TAGS[t] for t in tags], ["translation: draft"])
        for root, href in (
            (both[0], f"@/{link}"),
            (both[1], '{{< ref "/' + link + '" >}}'),
        ):
            write(root / sec / f"p{i:05d}.md",
                  zh_front + "\n\n".join(zh_body).replace("LINK", href) + "\n")
            write(root / sec / f"p{i:05d}.mn.md",
                  mn_front + "\n\n".join(mn_body).replace("LINK", href) + "\n")


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
    # Like bichig's tag pages: paginated as sections are.
    "_default/term.html": """
{{ define "main" }}
<article class="section">
<h1>{{ .Title }}</h1>
<ul class="listing">
{{- range .Paginator.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time><p>{{ .Summary | plainify | truncate 120 }}</p></li>
{{- end }}
</ul>
{{ template "_internal/pagination.html" . }}
</article>
{{ end }}
""",
}


def main(argv):
    if len(argv) != 3 or not argv[1].isdigit() or int(argv[1]) < 1:
        sys.exit("usage: corpus.py N OUTDIR   (N pages, N >= 1)")
    n, out = int(argv[1]), Path(argv[2])
    if n > 99999:
        sys.exit("corpus.py: N must be at most 99999 (5-digit page names)")
    generate(n, out)


if __name__ == "__main__":
    main(sys.argv)
