//! `bichig check` on fixture sites: each kind of problem, numbered with
//! `path:line`, exit codes, and JSON output.

use crate::support::SiteTest;

#[test]
fn a_clean_site_passes_with_fallbacks_listed() {
    let site = SiteTest::new("bilingual");
    let r = site.run(&["check"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("content/measures/organisation.md: warning: no `mn` translation"),
        "{}",
        r.stdout
    );
    assert!(!site.root().join("public").exists(), "check writes nothing");
}

#[test]
fn each_kind_of_problem_is_found() {
    let site = SiteTest::new("bilingual");
    // Broken anchor (to a page in another language's file, resolved per language).
    site.write(
        "content/measures/anchors.md",
        "---\ntitle: 锚点\n---\n\n见[组织](organisation.mn.md#nope)。\n",
    );
    // Cyrillic in traditional script, misplaced selector, line starting with NNBSP.
    site.write(
        "content/measures/organisation.mn.md",
        "---\ntitle: ᠵᠣᠬᠢᠶᠠᠨ\ntranslation: draft\nsource_hash: 0000000000000000\n---\n\nᠮᠣᠩᠭᠣᠯ мongol\n\na\u{180B}ᠠ\n\u{202F}ᠤᠨ\n",
    );
    // Half-width punctuation in Chinese.
    site.write(
        "content/measures/punct.md",
        "---\ntitle: 标点\n---\n\n贫困人口,减少。\n",
    );
    let r = site.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    for needle in [
        "content/measures/anchors.md:5:2: error: `#nope`: no such heading",
        "content/measures/organisation.mn.md:7:8: error: Cyrillic letter",
        "content/measures/organisation.mn.md:9:2: error: free variation selector U+180B",
        "content/measures/organisation.mn.md:10:1: error: a line starts with U+202F",
        "content/measures/organisation.mn.md: error: translation is stale",
        "content/measures/punct.md:5:5: warning: half-width `,`",
    ] {
        assert!(
            r.stdout.contains(needle),
            "missing {needle:?} in:\n{}",
            r.stdout
        );
    }
    assert!(
        r.stdout.contains("  1. ") && r.stdout.contains("  6. "),
        "numbered"
    );
}

#[test]
fn data_references_are_checked() {
    let site = SiteTest::new("data");
    site.write(
        "content/bad.md",
        "---\ntitle: 坏\n---\n{{ stat(id=\"headline\", row=\"now\", col=\"nope\") }}\n",
    );
    let r = site.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("content/bad.md:4:1: error: table `headline` has no column `nope`"),
        "{}",
        r.stdout
    );
}

#[test]
fn json_format_for_tooling() {
    let site = SiteTest::new("bilingual");
    site.write(
        "content/measures/punct.md",
        "---\ntitle: 标点\n---\n\n贫困人口,减少。\n",
    );
    let r = site.run(&["check", "--format", "json"]);
    assert_eq!(r.code, 0, "warnings only");
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let punct = v
        .as_array()
        .unwrap()
        .iter()
        .find(|p| {
            p["path"] == "content/measures/punct.md"
                && p["message"].as_str().unwrap().contains("half-width")
        })
        .unwrap();
    assert_eq!(punct["severity"], "warning");
    assert_eq!(punct["line"], 5);
    assert_eq!(punct["column"], 5);
}

#[test]
fn links_to_pages_in_other_languages_and_data_pages_are_checked() {
    let site = SiteTest::new("data");
    site.write(
        "content/links.md",
        "---\ntitle: 链接\n---\n[表](/data/causes/) [CSV](/mn/data/causes/causes.csv) [蒙古文](/mn/)\n\n[坏表](/data/nope/) [坏页](/mn/nowhere/#x)\n",
    );
    let r = site.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout
            .contains("content/links.md:6:1: error: link to `/data/nope/`: no such page"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("content/links.md:6:19: error: link to `/mn/nowhere/#x`"),
        "{}",
        r.stdout
    );
    assert!(
        !r.stdout.contains("`/data/causes/`")
            && !r.stdout.contains("causes.csv`")
            && !r.stdout.contains("`/mn/`")
    );
}
