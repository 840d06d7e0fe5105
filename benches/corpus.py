#!/usr/bin/env python3
"""Benchmark corpus: the same bilingual (Chinese / traditional Mongolian) site for
bichig, Zola and Hugo.

    python3 benches/corpus.py N OUTDIR [--stats]

writes OUTDIR/bichig/ (site.yaml, content/, glossary, themes/default copied from
this repo), OUTDIR/zola/ (config.toml, content/, templates/, static/) and
OUTDIR/hugo/ (hugo.toml, content/, layouts/, static/), each with N logical pages
over 10 sections of N/10 pages, every page in Chinese (pNNNNN.md) and in traditional
Mongolian (pNNNNN.mn.md, `translation: draft`). A page is about 2.4 KB of source:
three paragraphs, a heading, a 4-item list, a 5x4 table of numbers, one link to
another page and three of the 20 tags of its language. The text comes from
benches/corpus_text.py (real-like variety: distinct Chinese bigrams keep growing
with N). `--stats` prints the distinct Chinese bigrams and Mongolian words.
Deterministic: the text depends on N only. Python 3 standard library only.
"""

import json
import random
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_peers import HUGO_LAYOUTS, HUGO_TOML, ZOLA_TEMPLATES, ZOLA_TOML  # noqa: E402
from corpus_text import Chinese, Mongolian, mn_words, zh_bigrams  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
THEME = REPO / "themes" / "default"
SECTIONS = 10
PAGINATE = 20
TAGS = 20


def q(s):
    """A YAML or TOML double-quoted string (JSON strings are valid in both)."""
    return json.dumps(s, ensure_ascii=False)


def yaml_front(title, weight=None, day=None, tags=None, draft=False):
    lines = ["---", f"title: {q(title)}"]
    if weight is not None:
        lines.append(f"weight: {weight}")
    if day is not None:
        lines.append(f"date: {day.isoformat()}")
    if tags:
        lines.append("tags: [" + ", ".join(q(t) for t in tags) + "]")
    if draft:
        lines.append("translation: draft")
    return "\n".join(lines + ["---"]) + "\n\n"


def zola_front(title, weight=None, day=None, tags=None, section=False):
    lines = ["+++", f"title = {q(title)}"]
    if weight is not None:
        lines.append(f"weight = {weight}")
    if day is not None:
        lines.append(f"date = {day.isoformat()}")
    if section:
        lines += ['sort_by = "weight"', f"paginate_by = {PAGINATE}"]
    if tags:
        lines += ["[taxonomies]", "tags = [" + ", ".join(q(t) for t in tags) + "]"]
    return "\n".join(lines + ["+++"]) + "\n\n"


def table(r, head, labels):
    out = ["| " + " | ".join(head) + " |", "| --- | ---: | ---: | ---: |"]
    for name in labels:
        out.append(f"| {name} | {r.randint(10, 99999)} | {r.randint(1, 9999) / 10:.1f} "
                   f"| {r.randint(1, 999) / 10:.1f}% |")
    return "\n".join(out)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def body(r, lang, link):
    """A page's Markdown; LINK stands for the link target."""
    if lang == "zh":
        para = lambda: lang_zh.para(r, 160)  # noqa: E731
        title, item = lang_zh.title, lambda: lang_zh.sentence(r, 1, 2)
        label = lambda: lang_zh.title(r, 1)  # noqa: E731
        see = "见[{}](LINK)。".format(lang_zh.title(r, 2))
    else:
        para = lambda: lang_mn.para(r, 165)  # noqa: E731
        title, item = lang_mn.title, lambda: lang_mn.sentence(r, 3, 5)
        label = lambda: lang_mn.title(r, 1)  # noqa: E731
        see = "[{}](LINK)᠃".format(lang_mn.title(r, 2))
    return "\n\n".join([
        para(),
        "## " + title(r, 2),
        para(),
        "\n".join("- " + item() for _ in range(4)),
        para(),
        table(r, [label() for _ in range(4)], [label() for _ in range(5)]),
        see,
    ]).replace("LINK", link) + "\n"


lang_zh = lang_mn = None


def generate(n, out, stats=False):
    global lang_zh, lang_mn
    lang_zh, lang_mn = Chinese(), Mongolian()
    r = random.Random(n)
    roots = {t: out / t for t in ("bichig", "zola", "hugo")}
    for d in roots.values():
        if d.exists():
            shutil.rmtree(d)
    content = {t: d / "content" for t, d in roots.items()}
    texts = {"zh": [], "mn": []}

    site_zh, site_mn = "双语基准站点", "ᠬᠣᠣᠰ ᠬᠡᠯᠡᠨ\u202fᠦ ᠰᠠᠢᠲ"
    write(roots["bichig"] / "site.yaml", f"""# Benchmark corpus, {n} pages (benches/corpus.py).
title: {{ zh: {q(site_zh)}, mn: {q(site_mn)} }}
description: {{ zh: {q(lang_zh.title(r, 4))}, mn: {q(lang_mn.title(r, 4))} }}
publisher: {{ zh: {q(lang_zh.title(r, 2))}, mn: {q(lang_mn.title(r, 2))} }}
base_url: "https://example.org/"
default_language: zh
languages:
  zh: {{ name: "中文", tag: "zh-Hans" }}
  mn: {{ name: "ᠮᠣᠩᠭᠣᠯ", tag: "mn-Mong", writing_mode: vertical-lr }}
minify: true
paginate_by: {PAGINATE}
""")
    shutil.copytree(THEME, roots["bichig"] / "themes" / "default")
    content["bichig"].mkdir(parents=True)
    shutil.copy(REPO / "content" / "glossary.yaml", content["bichig"] / "glossary.yaml")
    write(roots["hugo"] / "hugo.toml", HUGO_TOML.format(site_zh=site_zh, site_mn=site_mn, paginate=PAGINATE))
    for name, text in HUGO_LAYOUTS.items():
        write(roots["hugo"] / "layouts" / name, text.lstrip("\n"))
    write(roots["zola"] / "config.toml", ZOLA_TOML.format(site_zh=site_zh, site_mn=site_mn))
    for name, text in ZOLA_TEMPLATES.items():
        write(roots["zola"] / "templates" / name, text.lstrip("\n"))
    for t in ("hugo", "zola"):
        shutil.copytree(THEME / "static", roots[t] / "static")

    # Home and sections.
    day0 = date(2020, 1, 1)
    for path, zh, mn, weight, is_section in [("", site_zh, site_mn, None, False)] + [
        (f"s{s:02d}/", lang_zh.title(r, 2), lang_mn.title(r, 2), s + 1, True) for s in range(SECTIONS)
    ]:
        tzh, tmn = lang_zh.para(r, 150), lang_mn.para(r, 150)
        for t in ("bichig", "hugo"):
            write(content[t] / f"{path}_index.md", yaml_front(zh, weight, day0) + tzh + "\n")
            write(content[t] / f"{path}_index.mn.md", yaml_front(mn, weight, day0, draft=True) + tmn + "\n")
        write(content["zola"] / f"{path}_index.md", zola_front(zh, weight, section=is_section) + tzh + "\n")
        write(content["zola"] / f"{path}_index.mn.md", zola_front(mn, weight, section=is_section) + tmn + "\n")

    zh_tags, mn_tags = lang_zh.tags[:TAGS], lang_mn.tags[:TAGS]
    start = date(2015, 1, 1)
    for i in range(n):
        sec = f"s{i % SECTIONS:02d}"
        weight = i // SECTIONS + 1
        day = start + timedelta(days=r.randrange(2000))
        tags = r.sample(range(TAGS), 3)
        target = r.randrange(n - 1) if n > 1 else 0
        if target >= i and n > 1:
            target += 1  # another page
        link = f"s{target % SECTIONS:02d}/p{target:05d}"
        for lang, tag_names, ext in (("zh", zh_tags, ".md"), ("mn", mn_tags, ".mn.md")):
            title = (lang_zh if lang == "zh" else lang_mn).title(r)
            tg = [tag_names[t] for t in tags]
            draft = lang == "mn"
            text = body(r, lang, "LINK")
            if stats:
                texts[lang].append(title + "\n" + text)
            write(content["bichig"] / sec / f"p{i:05d}{ext}",
                  yaml_front(title, weight, day, tg, draft) + text.replace("LINK", f"@/{link}.md"))
            write(content["hugo"] / sec / f"p{i:05d}{ext}",
                  yaml_front(title, weight, day, tg, draft)
                  + text.replace("LINK", '{{< ref "/' + link + '.md" >}}'))
            write(content["zola"] / sec / f"p{i:05d}{ext}",
                  zola_front(title, weight, day, tg) + text.replace("LINK", f"@/{link}{ext}"))
    if stats:
        size = sum(p.stat().st_size for p in (content["bichig"]).glob("s*/p*.md"))
        print(f"N={n}: distinct Chinese bigrams {zh_bigrams(texts['zh'])}, "
              f"distinct Mongolian words {mn_words(texts['mn'])}, "
              f"distinct Han characters {len(set(c for t in texts['zh'] for c in t if '一' <= c <= '鿿'))}, "
              f"mean page source {size / (2 * n) / 1000:.2f} KB")


def main(argv):
    stats = "--stats" in argv
    argv = [a for a in argv if a != "--stats"]
    if len(argv) != 3 or not argv[1].isdigit() or int(argv[1]) < 1:
        sys.exit("usage: corpus.py N OUTDIR [--stats]   (N pages, N >= 1)")
    n, out = int(argv[1]), Path(argv[2])
    if n > 99999:
        sys.exit("corpus.py: N must be at most 99999 (5-digit page names)")
    generate(n, out, stats)


if __name__ == "__main__":
    main(sys.argv)
