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
    assert!(zh.contains("<caption><span class=figure-number>表1</span> 主要致贫原因</caption>"));
    assert!(zh.contains("<th class=num scope=col>占比(%)</th>"), "{zh}");
    assert!(zh.contains("<td class=num>41.44</td>"));
    assert!(zh.contains("2016年12月31日"));
    assert!(zh.contains("role=img"), "stacked chart");
    let mn = site.read("mn/index.html");
    assert!(
        mn.contains("<span class=stat data-table=headline>55.6 ᠲᠦᠮᠡ ᠬᠦᠮᠦᠨ</span>"),
        "{mn}"
    );
    assert!(mn.contains(
        "<caption><span class=figure-number>ᠬᠦᠰᠦᠨᠦᠭ 1</span> ᠶᠠᠳᠠᠭᠤ ᠪᠣᠯᠬᠤ ᠰᠢᠯᠲᠠᠭᠠᠨ</caption>"
    ));
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
    let text = |dir| {
        site.search_fragments(dir)
            .iter()
            .map(|f| f[2].as_str().unwrap().to_string())
            .collect::<String>()
    };
    let zh = text("");
    assert!(zh.contains("因病致贫 41.44%"), "{zh}");
    assert!(text("mn/").contains("55.6 ᠲᠦᠮᠡ ᠬᠦᠮᠦᠨ"));
}

/// A herd table in a unit the theme has no Mongolian word for.
const HERDS: &str = "title: { zh: 牲畜, mn: ᠮᠠᠯ }
source: seeds/report.txt
as_of: 2016-12-31
columns:
  - { key: kind, label: { zh: 种类, mn: ᠲᠥᠷᠥᠯ } }
  - { key: sheep, label: { zh: 羊, mn: ᠬᠣᠨᠢ }, type: amount, unit: 万头 }
rows:
  - { id: y2016, kind: { zh: 2016年, mn: \"2016\" }, sheep: 12.5 }
";

#[test]
fn a_unit_without_a_string_in_a_language_fails_the_build() {
    let site = SiteTest::new("data");
    site.write("content/data/herds.yaml", HERDS);
    site.run(&["build"]).fails_with(
        1,
        &[
            "content/data/herds.yaml:6:61: error: unit `万头` of column `sheep` has no `mn` string `unit_头`",
            "hint: add `unit_头: …` to themes/default/i18n/mn.yaml",
        ],
    );
    assert!(!site.has("index.html"), "nothing is written");
    // The site's own i18n file supplies the word, key by key as for any UI string.
    site.write("i18n/mn.yaml", "unit_头: ᠲᠣᠯᠤᠭᠠᠢ\n");
    site.write(
        "content/herds.mn.md",
        "---\ntitle: ᠮᠠᠯ\ntranslation: draft\n---\n\n{{ stat(id=\"herds\", row=\"y2016\", col=\"sheep\") }}\n\n{{ table(id=\"herds\") }}\n",
    );
    site.write(
        "content/herds.md",
        "---\ntitle: 牲畜\n---\n\n{{ stat(id=\"herds\", row=\"y2016\", col=\"sheep\") }}\n",
    );
    site.build();
    let mn = site.read("mn/herds/index.html");
    assert!(
        mn.contains("<span class=stat data-table=herds>12.5 ᠲᠦᠮᠡ ᠲᠣᠯᠤᠭᠠᠢ</span>"),
        "{mn}"
    );
    assert!(mn.contains("ᠬᠣᠨᠢ (ᠲᠦᠮᠡ ᠲᠣᠯᠤᠭᠠᠢ)</th>"), "{mn}");
    assert!(!mn.contains('头'), "{mn}");
    assert!(site.read("herds/index.html").contains(">12.5万头</span>"));
}

#[test]
fn shipped_mongolian_units_are_words() {
    let site = SiteTest::new("data");
    site.write("content/data/herds.yaml", HERDS.replace("万头", "个百分点"));
    site.write(
        "content/herds.mn.md",
        "---\ntitle: ᠮᠠᠯ\ntranslation: draft\n---\n\n{{ stat(id=\"herds\", row=\"y2016\", col=\"sheep\") }}\n",
    );
    site.write("content/herds.md", "---\ntitle: 牲畜\n---\n\n正文\n");
    site.build();
    let mn = site.read("mn/herds/index.html");
    assert!(
        mn.contains("<span class=stat data-table=herds>12.5 ᠬᠤᠪᠢ\u{202F}ᠶᠢᠨ ᠨᠢᠭᠡᠴᠡ</span>"),
        "{mn}"
    );
}

#[test]
fn stat_without_its_unit() {
    let site = SiteTest::new("data");
    site.write(
        "content/_index.mn.md",
        "---\ntitle: ᠲᠣᠭ᠎ᠠ\ntranslation: draft\n---\n\n{{ stat(id=\"headline\", row=\"now\", col=\"people\", unit=false) }} ᠲᠦᠮᠡ ᠬᠦᠮᠦᠨ; {{ stat(id=\"headline\", row=\"now\", col=\"rate\", unit=false) }}; {{ stat(id=\"headline\", row=\"now\", col=\"people\", unit=true) }}\n",
    );
    site.build();
    let mn = site.read("mn/index.html");
    assert!(
        mn.contains("<span class=stat data-table=headline>55.6</span> ᠲᠦᠮᠡ ᠬᠦᠮᠦᠨ; <span class=stat data-table=headline>4.1</span>; <span class=stat data-table=headline>55.6 ᠲᠦᠮᠡ ᠬᠦᠮᠦᠨ</span>"),
        "{mn}"
    );
    site.write(
        "content/_index.mn.md",
        "---\ntitle: ᠲᠣᠭ᠎ᠠ\ntranslation: draft\n---\n\n{{ stat(id=\"headline\", row=\"now\", col=\"people\", unit=no) }}\n",
    );
    site.run(&["build"]).fails_with(
        1,
        &[
            "content/_index.mn.md:6:1",
            "`unit` is true or false, not `no`",
        ],
    );
}

#[test]
fn the_shipped_mongolian_pages_write_units_in_mongolian() {
    let out = tempfile::tempdir().unwrap();
    let r = crate::support::build_shipped(out.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page =
        std::fs::read_to_string(out.path().join("mn/data/organisation_cadres/index.html")).unwrap();
    assert!(
        page.contains(" (ᠬᠦᠮᠦᠨ)</th><th class=num scope=col>"),
        "{page}"
    );
    assert!(
        page.contains(">39 ᠬᠦᠮᠦᠨ</text>"),
        "the chart's value label: {page}"
    );
    assert!(!page.contains('位') && !page.contains('名'), "{page}");
    let text = std::fs::read_to_string(out.path().join("mn/measures/policy/index.html")).unwrap();
    assert!(
        text.contains("<span class=stat data-table=policy_documents>14 ᠵᠦᠢᠯ</span>"),
        "{text}"
    );
}
