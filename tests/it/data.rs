//! Data tables: shortcodes in pages, data pages, CSV downloads, and bad data.

use crate::support::SiteTest;

#[test]
fn figures_tables_and_charts_in_both_languages() {
    let site = SiteTest::new("data");
    site.build();
    let zh = site.read("index.html");
    assert!(
        zh.contains("贫困人口为<span class=stat data-table=headline>55.6万人</span>"),
        "{zh}"
    );
    assert!(zh.contains("<caption>主要致贫原因</caption>"));
    assert!(zh.contains("<th class=num scope=col>占比(%)</th>"), "{zh}");
    assert!(zh.contains("<td class=num>41.44</td>"));
    assert!(zh.contains("2016年12月31日"));
    assert!(zh.contains("role=img"), "stacked chart");
    let mn = site.read("mn/index.html");
    assert!(
        mn.contains("<span class=stat data-table=headline>55.6 ᠲᠦᠮᠡ ᠬᠦᠮᠦᠨ</span>"),
        "{mn}"
    );
    assert!(mn.contains("<caption>ᠶᠠᠳᠠᠭᠤ ᠪᠣᠯᠬᠤ ᠰᠢᠯᠲᠠᠭᠠᠨ</caption>"));
    assert!(mn.contains("<polyline"), "line chart");
    assert!(
        mn.contains("href=/mn/data/causes/"),
        "the table links to its page in the same language"
    );
}

#[test]
fn data_pages_and_csv_downloads() {
    let site = SiteTest::new("data");
    site.build();
    for page in [
        "data/index.html",
        "data/causes/index.html",
        "data/headline/index.html",
        "mn/data/index.html",
        "mn/data/causes/index.html",
    ] {
        assert!(site.has(page), "{page}");
    }
    let index = site.read("data/index.html");
    assert!(index.contains("href=/data/causes/") && index.contains("href=/data/headline/"));
    let page = site.read("mn/data/headline/index.html");
    assert!(page.contains("<svg"), "a chart on the table's page");
    assert!(page.contains("href=/mn/data/headline/headline.csv"));
    let csv = site.read("data/headline/headline.csv");
    assert!(
        csv.starts_with("\u{feff}id,年份,贫困人口(万人),贫困发生率(%)\n"),
        "{csv}"
    );
    assert!(csv.contains("now,目前,55.6,4.1\n"));
    let sitemap = site.read("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://example.org/mn/data/causes/</loc>"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("404"));
}

#[test]
fn bad_data_fails_with_file_and_line() {
    let cases: &[(&str, &[&str])] = &[
        (
            "unknown-table",
            &["content/broken.md:7:2", "no data table `nope`"],
        ),
        ("unknown-row", &["content/broken.md:4:1", "no row `y1999`"]),
        (
            "unclosed-shortcode",
            &["content/broken.md:5:1", "unclosed shortcode"],
        ),
        (
            "unknown-column",
            &["content/data/extra.yaml:8", "unknown column `value`"],
        ),
        (
            "missing-source",
            &["content/data/extra.yaml:2", "seeds/missing.txt"],
        ),
        (
            "wrong-type",
            &[
                "content/data/extra.yaml:9",
                "3.5 is not a whole number",
                "content/data/extra.yaml:10",
                "expected an integer",
            ],
        ),
        ("ragged-csv", &["content/data/headline.csv:3", "4 fields"]),
        (
            "csv-bad-cell",
            &[
                "content/data/headline.csv:3:17",
                "row `now`, column `rate`: expected a percentage",
            ],
        ),
        (
            "sidecar-bad-column",
            &[
                "content/data/headline.meta.yaml:7:5",
                "amount column `people` needs a `unit`",
            ],
        ),
        (
            "csv-without-sidecar",
            &["content/data/orphan.csv", "sidecar", "orphan.meta.yaml"],
        ),
    ];
    for (case, needles) in cases {
        let site = SiteTest::new("data");
        site.build();
        let before = site.snapshot();
        let site = site.overlay(&format!("bad-data/{case}"));
        site.run(&["build"]).fails_with(1, needles);
        assert_eq!(site.snapshot(), before, "{case}");
    }
}

#[test]
fn a_label_missing_in_one_language_is_a_warning() {
    let site = SiteTest::new("data");
    let path = site.root().join("content/data/causes.yaml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("label: { zh: 占比, mn: ᠬᠤᠪᠢ }", "label: { zh: 占比 }");
    std::fs::write(&path, text).unwrap();
    let r = site.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "content/data/causes.yaml:7:19: warning: label of column `share` has no `mn` text"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn table_figures_are_searchable() {
    let site = SiteTest::new("data");
    site.build();
    let index = site.read("search/index.json");
    assert!(index.contains("因病致贫 41.44%"), "{index}");
    assert!(site
        .read("mn/search/index.json")
        .contains("55.6 ᠲᠦᠮᠡ ᠬᠦᠮᠦᠨ"));
}
