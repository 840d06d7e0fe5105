//! Sources as citations and provenance: tables cite `content/sources.yaml` by
//! id, readers see publisher, title and date (never the seed file), and
//! `bichig check` finds every figure in the source's text or checks its
//! derived computation.

use std::path::Path;

use crate::support::{build_shipped, repo, SiteTest};

const CITED_ZH: &str = "内蒙古扶贫开发宣传平台，《脱贫攻坚综述》，2017年10月17日";
const CITED_MN: &str =
    "ᠲᠠᠪᠴᠠᠩ᠂ 《ᠲᠣᠶᠢᠮ》᠂ 2017 ᠣᠨ\u{202F}ᠤ 10\u{202F}ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ\u{202F}ᠶᠢᠨ 17\u{202F}ᠤ ᠡᠳᠦᠷ";

/// The text a reader sees in `html`: scripts, styles and tags left out.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tag = &rest[start..];
        let skip_to = ["script", "style"].iter().find_map(|name| {
            let open = tag.get(1..=name.len())?;
            open.eq_ignore_ascii_case(name)
                .then(|| tag.find(&format!("</{name}>")).map(|e| e + name.len() + 3))
                .flatten()
        });
        let end = skip_to
            .or_else(|| tag.find('>').map(|e| e + 1))
            .unwrap_or(tag.len());
        rest = &tag[end..];
    }
    out.push_str(rest);
    out
}

/// Every HTML page under `out` whose visible text names a `seeds/` file.
fn pages_showing_seeds(out: &Path) -> Vec<String> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .filter(|e| {
            let html = std::fs::read_to_string(e.path()).unwrap();
            visible_text(&html).contains("seeds/")
        })
        .map(|e| e.path().display().to_string())
        .collect()
}

#[test]
fn the_visible_text_leaves_out_tags_and_scripts() {
    let html = "<p title=\"seeds/a\">见<a href=\"/seeds/x\">来源</a></p><script>var s = \"seeds/b\";</script><p>seeds/c</p>";
    assert_eq!(visible_text(html), "见来源seeds/c");
}

#[test]
fn pages_cite_the_source_in_words_linked_to_it() {
    let site = SiteTest::new("sources");
    site.build();
    let link = "<a href=https://example.org/report>";
    let zh = site.read("index.html");
    assert!(zh.contains(&format!("来源：{link}{CITED_ZH}</a>")), "{zh}");
    let page = site.read("data/people/index.html");
    assert!(
        page.contains(&format!("<dd>{link}{CITED_ZH}</a></dd>")),
        "{page}"
    );
    let mn = site.read("mn/data/people/index.html");
    assert!(mn.contains(&format!("{link}{CITED_MN}</a>")), "{mn}");
    assert!(site.read("mn/index.html").contains(CITED_MN));
    assert_eq!(
        pages_showing_seeds(&site.root().join("public")),
        Vec::<String>::new()
    );
}

#[test]
fn an_unknown_source_fails_the_build_at_its_line_with_the_nearest_id() {
    let site = SiteTest::new("sources");
    let path = "content/data/people.yaml";
    let text = std::fs::read_to_string(site.root().join(path)).unwrap();
    site.write(path, text.replace("source: report", "source: reprot"));
    site.run(&["build"]).fails_with(
        1,
        &[
            "content/data/people.yaml:2:9: error: unknown source `reprot`",
            "hint: did you mean `report` (content/sources.yaml:1)? sources: `report`, `census`",
        ],
    );
    // A seed path where an id belongs names the source that reads that file.
    site.write(
        path,
        text.replace("source: report", "source: seeds/report.txt"),
    );
    site.run(&["build"]).fails_with(
        1,
        &["the source with `file: seeds/report.txt` is `report` (content/sources.yaml:1)"],
    );
}

#[test]
fn check_is_clean_on_figures_from_the_source() {
    let site = SiteTest::new("sources");
    let r = site.run(&["check"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

/// `check` failed and printed every `needle`.
fn stdout_has(r: &crate::support::Run, needles: &[&str]) {
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    for n in needles {
        assert!(r.stdout.contains(n), "lacks {n:?}:\n{}", r.stdout);
    }
}

#[test]
fn check_reports_a_changed_figure_at_its_cell() {
    let site = SiteTest::new("sources");
    let path = "content/data/people.yaml";
    let text = std::fs::read_to_string(site.root().join(path)).unwrap();
    site.write(path, text.replace("poor: 8.2,", "poor: 8.3,"));
    // The build does not read sources' texts: only `check` does.
    assert_eq!(site.run(&["build"]).code, 0);
    let r = site.run(&["check"]);
    stdout_has(
        &r,
        &[
            "content/data/people.yaml:11:63: error: row `chifeng`, column `poor`: `8.3` does not appear in seeds/report.txt (source `report`)",
            "hint: check the figure against the source, or mark its column `derived:` with the computation that gives it",
        ],
    );
    assert_eq!(r.stdout.matches("error:").count(), 1, "{}", r.stdout);
}

#[test]
fn check_reports_a_derived_figure_that_is_not_its_computation() {
    let site = SiteTest::new("sources");
    let path = "content/data/people.yaml";
    let text = std::fs::read_to_string(site.root().join(path)).unwrap();
    site.write(path, text.replace("share: 6.6 }", "share: 6.7 }"));
    let r = site.run(&["check"]);
    stdout_has(
        &r,
        &[
            "content/data/people.yaml:10:83: error: row `xingan`, column `share`: `6.7` is derived as the ratio of `poor`, `total`, which is 6.5625",
            "hint: correct the figure, or the computation under `derived:` (content/data/people.yaml:8)",
        ],
    );
    assert_eq!(r.stdout.matches("error:").count(), 1, "{}", r.stdout);
    // A derived column naming a column that does not exist fails the build.
    site.write(
        path,
        text.replace("ratio: [poor, total]", "ratio: [poor, totl]"),
    );
    site.run(&["build"]).fails_with(
        1,
        &[
            "content/data/people.yaml:8:",
            "column `share` is derived from `totl`, which is not another numeric column",
            "did you mean `total`",
        ],
    );
}

#[test]
fn the_shipped_report_cites_its_source_and_every_figure_is_in_it() {
    let root = repo();
    let loaded = bichig::load(&root, None).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let figures: usize = loaded
        .tables
        .iter()
        .map(|t| {
            let numeric = |i: usize| t.columns[i].derived.is_none();
            t.rows
                .iter()
                .flat_map(|r| r.cells.iter().enumerate())
                .filter(|(i, c)| matches!(c, bichig::data::Cell::Number(_)) && numeric(*i))
                .count()
        })
        .sum();
    let checked = bichig::data::provenance::check_site(&root, &loaded.tables);
    assert!(checked.problems.is_empty(), "{:#?}", checked.problems);
    assert!(figures > 100, "{figures}");
    assert_eq!(
        checked.looked_up, figures,
        "every figure was looked up in the text"
    );
    for t in &loaded.tables {
        assert_eq!(t.source.id, "report2017", "{}", t.id);
        assert_eq!(
            t.source.file.as_deref(),
            Some("seeds/000_424cb6e161ab8233.txt")
        );
    }
}

#[test]
fn no_shipped_page_shows_a_seed_file() {
    let out = tempfile::tempdir().unwrap();
    let r = build_shipped(out.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(pages_showing_seeds(out.path()), Vec::<String>::new());
    let cited = "内蒙古扶贫开发宣传平台，《十八大以来内蒙古自治区脱贫攻坚综述》，2017年10月17日";
    let page = std::fs::read_to_string(out.path().join("data/poverty_causes/index.html")).unwrap();
    assert!(page.contains(cited), "{page}");
    let mn = std::fs::read_to_string(out.path().join("mn/data/poverty_causes/index.html")).unwrap();
    assert!(mn.contains("ᠲᠠᠪᠴᠠᠩ᠂ 《"), "{mn}");
    assert!(mn.contains("》᠂ 2017 ᠣᠨ\u{202F}ᠤ 10\u{202F}ᠳ᠋ᠤᠭᠠᠷ"), "{mn}");
}

#[test]
fn a_page_cites_its_front_matter_sources_and_its_translation_inherits_them() {
    let site = SiteTest::new("sources");
    site.build();
    let zh = site.read("method/index.html");
    assert!(
        zh.contains(&format!(
            "<div class=page-sources><p class=page-source>来源：<a href=https://example.org/report>{CITED_ZH}</a></p><p class=page-source>来源：统计局，《人口普查》，2011年4月28日</p></div>"
        )),
        "{zh}"
    );
    // The translation has no `sources:` of its own: it cites the original's, in Mongolian.
    let mn = site.read("mn/method/index.html");
    assert!(
        mn.contains(&format!(
            "<p class=page-source>ᠡᠬᠢ ᠰᠤᠷᠪᠤᠯᠵᠢ᠄ <a href=https://example.org/report>{CITED_MN}</a></p>"
        )),
        "{mn}"
    );
    assert!(mn.contains("ᠲᠣᠭ᠎ᠠ᠂ 《ᠬᠦᠮᠦᠨ》᠂ "), "{mn}");
    // A page citing nothing shows no source line.
    assert!(!site.read("index.html").contains("page-sources"));
}

#[test]
fn an_unknown_page_source_fails_at_its_front_matter_line_with_the_nearest_id() {
    let site = SiteTest::new("sources");
    site.write(
        "content/method.md",
        "---\ntitle: 方法说明\nsources: [report, censsu]\n---\n正文\n",
    );
    site.run(&["build"]).fails_with(
        1,
        &[
            "content/method.md:3:1: error: unknown source `censsu`",
            "hint: did you mean `census` (content/sources.yaml:7)?",
        ],
    );
}
