//! Data tables: shortcodes in pages, data pages, downloads (CSV, XLSX, JSON,
//! CSVW), and bad data.

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
    assert!(
        zh.contains("<caption><span class=figure-number>表1</span> 主要致贫原因 <a class=figure-link href=/data/causes/ title=数据表页面>链接</a></caption>"),
        "the number and the permanent link next to the caption: {zh}"
    );
    assert!(zh.contains("<figure class=data-table id=data-causes>"));
    assert!(
        zh.contains("<figcaption><span class=figure-number>图1</span> 主要致贫原因 <span class=chart-column>按「占比」绘制</span> <a class=figure-link href=/data/causes/ title=数据表页面>链接</a></figcaption>"),
        "{zh}"
    );
    assert!(zh.contains("<span class=data-source>来源：内蒙古扶贫开发宣传平台，《脱贫攻坚综述》，2017年10月17日</span>"));
    assert!(!zh.contains("来源:") && !zh.contains("数据截至:"), "{zh}");
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
        "<caption><span class=figure-number>ᠬᠦᠰᠦᠨᠦᠭ 1</span> ᠶᠠᠳᠠᠭᠤ ᠪᠣᠯᠬᠤ ᠰᠢᠯᠲᠠᠭᠠᠨ <a title="
    ));
    assert!(mn.contains("class=figure-link href=/mn/data/causes/>ᠬᠣᠯᠪᠣᠭᠠᠰᠤ</a></caption>"));
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
            &[
                "content/data/extra.yaml:2:9: error: unknown source `reprot`",
                "hint: did you mean `report` (content/sources.yaml:1)?",
            ],
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
source: report
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
        page.contains(">409 ᠬᠦᠮᠦᠨ</text>"),
        "the chart's value label: {page}"
    );
    assert!(!page.contains('位') && !page.contains('名'), "{page}");
    let text = std::fs::read_to_string(out.path().join("mn/measures/policy/index.html")).unwrap();
    assert!(
        text.contains("<span class=stat data-table=policy_documents>14 ᠵᠦᠢᠯ</span>"),
        "{text}"
    );
}

/// A table with a year, an integer and a percent column and an empty cell.
const COUNTIES: &str = "title: { zh: 贫困旗县, mn: ᠶᠠᠳᠠᠭᠤ ᠬᠣᠰᠢᠭᠤ }
source: report
as_of: 2017-10-17
columns:
  - { key: year, label: { zh: 年份, mn: ᠣᠨ }, type: year }
  - { key: counties, label: { zh: 旗县数, mn: ᠬᠣᠰᠢᠭᠤ }, type: integer }
  - { key: share, label: { zh: 占比, mn: ᠬᠤᠪᠢ }, type: percent, precision: 1 }
rows:
  - { id: y2012, year: 2012, counties: 57, share: 50.5 }
  - { id: y2016, year: 2016, counties: 31, share: null }
";

fn count(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

#[test]
fn a_data_page_shows_each_element_once() {
    let site = SiteTest::new("data");
    site.build();
    let page = site.read("data/headline/index.html");
    assert_eq!(count(&page, "<h1"), 1, "{page}");
    assert!(
        !page.contains("<caption"),
        "the heading is the table's title: {page}"
    );
    assert_eq!(
        count(
            &page,
            "<dd>内蒙古扶贫开发宣传平台，《脱贫攻坚综述》，2017年10月17日</dd>"
        ),
        1,
        "{page}"
    );
    assert!(!page.contains("data-source"), "one source line: {page}");
    assert_eq!(
        count(&page, "datetime=2017-10-17"),
        1,
        "one as-of date: {page}"
    );
    assert_eq!(count(&page, "class=data-downloads"), 1, "{page}");
    assert_eq!(count(&page, " download href="), 4, "{page}");
    for (format, file) in [
        ("CSV", "headline.csv"),
        ("XLSX", "headline.xlsx"),
        ("JSON", "headline.json"),
        ("CSVW", "headline.csv-metadata.json"),
    ] {
        let bytes = std::fs::metadata(site.root().join("public/data/headline").join(file))
            .unwrap()
            .len();
        let size = if bytes < 1000 {
            format!("{bytes} B")
        } else {
            format!("{:.1} KB", bytes as f64 / 1000.0)
        };
        assert!(
            page.contains(&format!("href=/data/headline/{file} type="))
                && page.contains(&format!(
                    ">{format}</a> · <span class=data-size>{size}</span>"
                )),
            "{format} · {size}: {page}"
        );
    }
    assert!(
        !page.contains("数据表页面"),
        "no link to the page itself: {page}"
    );
    assert!(!page.contains("href=/data/headline/>"), "{page}");
    // One chart per numeric column, each saying which column it draws.
    assert_eq!(count(&page, "<figure class=data-chart>"), 2, "{page}");
    assert!(page.contains("<span class=chart-column>按「贫困人口」绘制</span>"));
    assert!(page.contains("<span class=chart-column>按「贫困发生率」绘制</span>"));
    let mn = site.read("mn/data/headline/index.html");
    assert!(
        mn.contains("<span class=chart-column>ᠶᠠᠳᠠᠭᠤ ᠬᠦᠮᠦᠨ ᠪᠠᠭᠠᠨ᠎ᠠ\u{202F}ᠪᠠᠷ ᠵᠢᠷᠤᠭᠰᠠᠨ</span>"),
        "{mn}"
    );
}

/// The CSV's rows as strings, BOM and header row included.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap();
    csv::Reader::from_reader(text.as_bytes())
        .into_records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn xlsx_holds_the_cells_of_the_csv_as_numbers() {
    use calamine::{Data, Reader, Xlsx};
    let site = SiteTest::new("data");
    site.write("content/data/counties.yaml", COUNTIES);
    site.build();
    let tables = [
        ("counties", ["贫困旗县", "ᠶᠠᠳᠠᠭᠤ ᠬᠣᠰᠢᠭᠤ"], 3),
        ("headline", ["贫困人口", "ᠶᠠᠳᠠᠭᠤ ᠬᠦᠮᠦᠨ"], 3),
        ("causes", ["主要致贫原因", "ᠶᠠᠳᠠᠭᠤ ᠪᠣᠯᠬᠤ ᠰᠢᠯᠲᠠᠭᠠᠨ"], 2),
    ];
    for (id, titles, percent_col) in tables {
        for (prefix, title, source) in [
            ("", titles[0], "来源：内蒙古扶贫开发宣传平台，《脱贫攻坚综述》，2017年10月17日"),
            ("mn/", titles[1], "ᠡᠬᠢ ᠰᠤᠷᠪᠤᠯᠵᠢ᠄ ᠲᠠᠪᠴᠠᠩ᠂ 《ᠲᠣᠶᠢᠮ》᠂ 2017 ᠣᠨ\u{202F}ᠤ 10\u{202F}ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ\u{202F}ᠶᠢᠨ 17\u{202F}ᠤ ᠡᠳᠦᠷ"),
        ] {
            let dir = site.root().join(format!("public/{prefix}data/{id}"));
            let csv_text = std::fs::read_to_string(dir.join(format!("{id}.csv"))).unwrap();
            let header = csv_text
                .lines()
                .next()
                .unwrap()
                .trim_start_matches('\u{feff}');
            let rows = csv_rows(&csv_text);
            let bytes = std::fs::read(dir.join(format!("{id}.xlsx"))).unwrap();
            let mut book: Xlsx<_> =
                calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
            let range = book.worksheet_range(id).unwrap();
            let sheet: Vec<&[Data]> = range.rows().collect();
            // Title, source and date above the table.
            assert_eq!(sheet[0][0], Data::String(title.into()), "{prefix}{id}");
            assert_eq!(sheet[1][0], Data::String(source.into()), "{prefix}{id}");
            if prefix.is_empty() {
                assert!(sheet[2][0].to_string().starts_with("数据截至："), "{id}");
            }
            let top = sheet
                .iter()
                .position(|r| r[0] == Data::String("id".into()))
                .unwrap();
            let xlsx_header: Vec<String> = sheet[top].iter().map(|c| c.to_string()).collect();
            assert_eq!(
                xlsx_header.join(","),
                header,
                "{prefix}{id}: units in the header"
            );
            assert_eq!(sheet.len() - top - 1, rows.len(), "{prefix}{id}");
            for (r, csv_row) in rows.iter().enumerate() {
                for (c, want) in csv_row.iter().enumerate() {
                    let got = &sheet[top + 1 + r][c];
                    match (want.parse::<f64>(), got) {
                        (_, Data::Empty) => assert_eq!(want, "", "{id} {r} {c}"),
                        (Ok(n), Data::Float(f)) if c == percent_col => {
                            assert!((f * 100.0 - n).abs() < 1e-9, "{id}: percent {f} for {n}")
                        }
                        (Ok(n), Data::Float(f)) => assert_eq!(*f, n, "{id} {r} {c}"),
                        (_, Data::String(s)) => assert_eq!(s, want, "{id} {r} {c}"),
                        (w, g) => {
                            panic!("{prefix}{id} row {r} col {c}: CSV {w:?} {want}, XLSX {g:?}")
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn csvw_metadata_names_every_csv_column() {
    let site = SiteTest::new("data");
    site.write("content/data/counties.yaml", COUNTIES);
    site.build();
    let csv = site.read("data/counties/counties.csv");
    let meta: serde_json::Value =
        serde_json::from_str(&site.read("data/counties/counties.csv-metadata.json")).unwrap();
    assert_eq!(meta["@context"][0], "http://www.w3.org/ns/csvw");
    assert_eq!(meta["url"], "counties.csv");
    assert_eq!(meta["dc:title"][0]["@value"], "贫困旗县");
    assert_eq!(meta["dc:title"][1]["@language"], "mn-Mong");
    assert_eq!(
        meta["dc:source"][0]["@value"],
        "内蒙古扶贫开发宣传平台，《脱贫攻坚综述》，2017年10月17日"
    );
    assert!(meta.get("dc:license").is_none(), "no licence in site.yaml");
    let columns = meta["tableSchema"]["columns"].as_array().unwrap();
    let first_line: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap()
        .split(',')
        .collect();
    let names: Vec<&str> = columns
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["id", "year", "counties", "share"]);
    let titles: Vec<String> = columns
        .iter()
        .map(|c| {
            c["titles"]
                .get("zh-Hans")
                .unwrap_or(&c["titles"])
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(titles, first_line, "titles as the CSV header writes them");
    let types: Vec<&str> = columns
        .iter()
        .map(|c| c["datatype"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["string", "gYear", "integer", "number"]);
    assert_eq!(columns[3]["schema:unitText"], "%");
    let mn: serde_json::Value =
        serde_json::from_str(&site.read("mn/data/counties/counties.csv-metadata.json")).unwrap();
    let mn_header = site.read("mn/data/counties/counties.csv");
    assert!(mn_header.contains(
        mn["tableSchema"]["columns"][2]["titles"]["mn-Mong"]
            .as_str()
            .unwrap()
    ));
}

#[test]
fn json_download_and_dataset_json_ld() {
    let site = SiteTest::new("data");
    site.write("content/data/counties.yaml", COUNTIES);
    site.build();
    let json: serde_json::Value =
        serde_json::from_str(&site.read("data/counties/counties.json")).unwrap();
    assert_eq!(json["columns"][0]["label"]["mn"], "ᠣᠨ");
    assert_eq!(json["columns"][2]["type"], "percent");
    assert_eq!(json["rows"][0]["year"], 2012);
    assert!(json["rows"][0]["year"].is_i64(), "years are integers");
    assert_eq!(json["rows"][0]["share"], 50.5);
    assert_eq!(json["rows"][1]["share"], serde_json::Value::Null);
    let page = site.read("data/counties/index.html");
    let ld = page
        .split("<script type=application/ld+json>")
        .nth(1)
        .and_then(|s| s.split("</script>").next())
        .unwrap();
    let ld: serde_json::Value = serde_json::from_str(ld).unwrap();
    assert_eq!(ld["@type"], "Dataset");
    let formats: Vec<(&str, &str)> = ld["distribution"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            assert_eq!(d["@type"], "DataDownload");
            (
                d["encodingFormat"].as_str().unwrap(),
                d["contentUrl"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        formats,
        [
            ("text/csv", "https://example.org/data/counties/counties.csv"),
            (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "https://example.org/data/counties/counties.xlsx"
            ),
            (
                "application/json",
                "https://example.org/data/counties/counties.json"
            ),
            (
                "application/csvm+json",
                "https://example.org/data/counties/counties.csv-metadata.json"
            ),
        ]
    );
    assert_eq!(ld["temporalCoverage"], "2012/2016");
    assert_eq!(ld["variableMeasured"][0]["name"], "旗县数");
    assert_eq!(ld["variableMeasured"][1]["unitText"], "%");
    assert!(ld.get("license").is_none());
    assert!(ld.get("spatialCoverage").is_none());
    // license_url and region in site.yaml reach every description of the data.
    site.add_config("license_url: https://creativecommons.org/licenses/by/4.0/\nregion: { zh: 内蒙古自治区, mn: ᠥᠪᠥᠷ }\n");
    site.build();
    let page = site.read("mn/data/counties/index.html");
    assert!(
        page.contains("\"license\":\"https://creativecommons.org/licenses/by/4.0/\""),
        "{page}"
    );
    assert!(
        page.contains("\"spatialCoverage\":{\"@type\":\"Place\",\"name\":\"ᠥᠪᠥᠷ\"}"),
        "{page}"
    );
    assert!(site
        .read("data/counties/counties.csv-metadata.json")
        .contains("\"@id\": \"https://creativecommons.org/licenses/by/4.0/\""));
    assert!(site
        .read("data/counties/counties.json")
        .contains("\"license\": \"https://creativecommons.org/licenses/by/4.0/\""));
}
