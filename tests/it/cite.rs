//! Citations (GB/T 7714-2015 text, BibTeX, RIS, CSL-JSON), release
//! information, and machine-readable URLs and locales.

use std::path::Path;

use crate::support::{build_shipped, SiteTest};

const RELEASE: &str = "date: 2026-12-01\nauthors:\n  - { zh: 内蒙古扶贫开发宣传平台, mn: ᠲᠠᠪᠴᠠᠩ }\npublisher: { zh: 内蒙古扶贫开发宣传平台, mn: ᠲᠠᠪᠴᠠᠩ }\nedition: { zh: 双语版, mn: ᠬᠡᠪᠯᠡᠯ }\ncontact: { email: desk@example.org, name: { zh: 编辑部, mn: ᠨᠠᠢᠷᠠᠭᠤᠯᠬᠤ }}\n";

fn series_site() -> SiteTest {
    let site = SiteTest::new("series");
    site.add_config(RELEASE);
    site
}

/// The text of the "cite this" block of a minified page.
fn cite_text(html: &str) -> &str {
    let start = "class=cite-text tabindex=0>";
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("no citation in {html}"))
        + start.len();
    let len = html[from..].find("</p>").unwrap_or(0);
    &html[from..from + len]
}

#[test]
fn gbt_7714_citations_of_the_report_and_its_pages() {
    let site = series_site();
    site.write(
        "content/articles/c2017.md",
        "---\ntitle: 第二篇\nweight: 3\ndate: 2017-10-17\nupdated: 2018-01-05\nseries: { id: day, order: 2 }\n---\n正文。\n",
    );
    site.build();
    assert_eq!(
        cite_text(&site.read("index.html")),
        "内蒙古扶贫开发宣传平台. 系列测试[EB/OL]. 双语版. (2026-12-01)[2026-12-01]. https://example.org/."
    );
    assert_eq!(
        cite_text(&site.read("articles/b2017/index.html")),
        "内蒙古扶贫开发宣传平台. 二〇一七年综述[EB/OL]//内蒙古扶贫开发宣传平台. 系列测试. 双语版. (2017-10-17)[2026-12-01]. https://example.org/articles/b2017/."
    );
    assert_eq!(
        cite_text(&site.read("articles/c2017/index.html")),
        "内蒙古扶贫开发宣传平台. 第二篇[EB/OL]//内蒙古扶贫开发宣传平台. 系列测试. 双语版. (2018-01-05)[2026-12-01]. https://example.org/articles/c2017/.",
        "the last revision is the date in parentheses"
    );
    assert_eq!(
        cite_text(&site.read("mn/index.html")),
        "ᠲᠠᠪᠴᠠᠩ. ᠴᠤᠪᠷᠠᠯ[EB/OL]. ᠬᠡᠪᠯᠡᠯ. (2026-12-01)[2026-12-01]. https://example.org/mn/."
    );
    // A Mongolian page showing the Chinese original keeps the title's language.
    assert!(
        cite_text(&site.read("mn/articles/b2017/index.html")).starts_with(
            "ᠲᠠᠪᠴᠠᠩ. <span lang=zh-Hans>二〇一七年综述</span>[EB/OL]//ᠲᠠᠪᠴᠠᠩ. ᠴᠤᠪᠷᠠᠯ. "
        ),
        "{}",
        cite_text(&site.read("mn/articles/b2017/index.html"))
    );
    let c = site.read("articles/c2017/index.html");
    assert!(
        c.contains("<dt>更新日期</dt><dd><time datetime=2018-01-05>2018年1月5日</time>"),
        "{c}"
    );
}

#[test]
fn citation_files_parse() {
    let site = series_site();
    site.build();
    let bib = site.read("cite/report.bib");
    assert!(bib.starts_with("@misc{report-zh-2026,\n"), "{bib}");
    assert!(bib.contains("  title = {{系列测试}},\n"), "{bib}");
    assert!(
        bib.contains("  author = {{内蒙古扶贫开发宣传平台}},\n"),
        "{bib}"
    );
    assert!(bib.contains("  urldate = {2026-12-01},\n"), "{bib}");
    let depth = bib.chars().try_fold(0i32, |d, c| {
        let d = d + i32::from(c == '{') - i32::from(c == '}');
        (d >= 0).then_some(d)
    });
    assert_eq!(depth, Some(0), "balanced braces: {bib}");

    let ris = site.read("mn/cite/report.ris");
    let lines: Vec<&str> = ris.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.first(), Some(&"TY  - ELEC"));
    assert_eq!(lines.last(), Some(&"ER  - "));
    assert!(lines.contains(&"TI  - ᠴᠤᠪᠷᠠᠯ"), "{ris}");
    assert!(lines.contains(&"UR  - https://example.org/mn/"), "{ris}");
    for l in &lines {
        assert_eq!(&l[2..6], "  - ", "RIS tag line: {l}");
    }

    let json: serde_json::Value = serde_json::from_str(&site.read("cite/report.json")).unwrap();
    let item = &json[0];
    assert_eq!(item["title"], "系列测试");
    assert_eq!(item["URL"], "https://example.org/");
    assert_eq!(item["publisher"], "内蒙古扶贫开发宣传平台");
    assert_eq!(
        item["accessed"]["date-parts"][0],
        serde_json::json!([2026, 12, 1])
    );
    let home = site.read("index.html");
    assert!(home.contains("href=/cite/report.bib"), "{home}");
    assert!(site
        .read("mn/index.html")
        .contains("href=/mn/cite/report.json"));
}

#[test]
fn home_shows_edition_publisher_and_contact() {
    let site = series_site();
    site.build();
    let home = site.read("index.html");
    for needle in [
        "<dt>版本</dt><dd>双语版</dd>",
        "<dt>发布者</dt><dd>内蒙古扶贫开发宣传平台</dd>",
        "<dd>编辑部 <a href=mailto:desk@example.org>desk@example.org</a></dd>",
    ] {
        assert!(home.contains(needle), "{needle} missing in {home}");
    }
    assert!(!site
        .read("articles/b2017/index.html")
        .contains("class=release"));
}

#[test]
fn series_index_and_installments_name_the_next_edition() {
    let site = SiteTest::new("series");
    site.build();
    let index = site.read("series/day/index.html");
    assert!(
        index.contains("<p class=next-edition>下一届：2018年10月17日</p>"),
        "{index}"
    );
    let b = site.read("articles/b2017/index.html");
    assert!(b.contains("下一届：2018年10月17日"), "{b}");
    let mn = site.read("mn/series/day/index.html");
    assert!(mn.contains("2018 ᠣᠨ\u{202F}ᠤ 10"), "{mn}");
}

#[test]
fn updated_before_date_is_an_error_at_its_line() {
    let site = SiteTest::new("series");
    site.write(
        "content/articles/late.md",
        "---\ntitle: 晚\ndate: 2017-10-17\nupdated: 2017-10-01\n---\n正文。\n",
    );
    site.run(&["build"]).fails_with(
        1,
        &[
            "content/articles/late.md:4",
            "`updated: 2017-10-01` is before",
        ],
    );
}

#[test]
fn bad_release_config_is_an_error_at_its_line() {
    let site = SiteTest::new("series");
    let before = site.add_config("contact: { name: N }\n");
    let line = before.lines().count() + 1;
    site.run(&["build"]).fails_with(
        1,
        &[&format!("site.yaml:{line}"), "neither `email` nor `url`"],
    );
}

#[test]
fn og_locale_and_its_alternate() {
    let site = SiteTest::new("series");
    site.build();
    let zh = site.read("articles/b2017/index.html");
    assert!(
        zh.contains("<meta content=zh_CN property=og:locale>"),
        "{zh}"
    );
    assert!(
        zh.contains("<meta content=mn_MN property=og:locale:alternate>"),
        "{zh}"
    );
    let mn = site.read("mn/index.html");
    assert!(
        mn.contains("<meta content=mn_MN property=og:locale>"),
        "{mn}"
    );
    assert!(
        mn.contains("<meta content=zh_CN property=og:locale:alternate>"),
        "{mn}"
    );
    assert!(!mn.contains("mn_Mong") && !zh.contains("zh_Hans"));
}

/// The `content` of `<meta name=description>` (minified or not).
fn meta_description(html: &str) -> Option<&str> {
    html.split("<meta ").skip(1).find_map(|tag| {
        let tag = &tag[..tag.find('>')?];
        if !tag.contains("name=description") && !tag.contains("name=\"description\"") {
            return None;
        }
        let value = &tag[tag.find("content=")? + "content=".len()..];
        Some(match value.strip_prefix('"') {
            Some(q) => &q[..q.find('"')?],
            None => &value[..value.find(' ').unwrap_or(value.len())],
        })
    })
}

fn html_files(dir: &Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect()
}

#[test]
fn shipped_build_every_page_has_a_description_and_the_sitemap_is_ascii() {
    let out = tempfile::tempdir().unwrap();
    let r = build_shipped(out.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let pages = html_files(out.path());
    assert!(pages.len() > 200, "{} pages", pages.len());
    for p in &pages {
        let html = std::fs::read_to_string(p).unwrap();
        let description = meta_description(&html);
        assert!(
            description.is_some_and(|d| !d.trim().is_empty()),
            "{}: meta description {description:?}",
            p.display()
        );
    }

    let sitemap = std::fs::read_to_string(out.path().join("sitemap.xml")).unwrap();
    assert!(sitemap.is_ascii(), "non-ASCII in the sitemap");
    let mut locs = 0;
    let mut encoded = 0;
    for url in sitemap
        .split("<loc>")
        .skip(1)
        .map(|s| &s[..s.find("</loc>").unwrap()])
        .chain(
            sitemap
                .split(" href=\"")
                .skip(1)
                .map(|s| &s[..s.find('"').unwrap()]),
        )
    {
        let path = url
            .strip_prefix("https://example.org/")
            .unwrap_or_else(|| panic!("{url}"));
        let decoded = percent_encoding::percent_decode_str(path)
            .decode_utf8()
            .unwrap();
        assert!(
            out.path()
                .join(decoded.as_ref())
                .join("index.html")
                .is_file(),
            "{url} → {decoded}: no page"
        );
        encoded += usize::from(path.contains('%'));
        locs += 1;
    }
    assert!(locs > 200 && encoded > 10, "{locs} URLs, {encoded} encoded");
    assert!(
        sitemap.contains("%E2%80%AF"),
        "U+202F of a Mongolian tag, encoded"
    );
}
