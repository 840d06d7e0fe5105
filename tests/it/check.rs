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

/// A source file of the site.
fn source(site: &SiteTest, rel: &str) -> String {
    std::fs::read_to_string(site.root().join(rel)).unwrap()
}

/// Every file of the site with its bytes.
fn tree(site: &SiteTest) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(site.root())
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// Mongolian text with suffixes after plain spaces, next to near-misses that
/// must stay as they are.
const SUFFIX_BODY: &str =
    "\nᠰᠤᠮᠤ ᠶᠢᠨ ᠬᠦᠮᠦᠨ 2015 ᠤ ᠣᠨ `ᠰᠤᠮᠤ ᠶᠢᠨ` ᠰᠤᠮᠤ ᠶᠢᠨᠢ\n\n[ᠰᠤᠮᠤ](https://e.org/ᠠ ᠶᠢᠨ)\n";

#[test]
fn suffixes_after_plain_spaces_are_found_and_fixed_in_place() {
    let site = SiteTest::new("bilingual");
    let page = "content/measures/finance.mn.md";
    let original = source(&site, page);
    let lines = original.lines().count();
    site.write(page, format!("{original}{SUFFIX_BODY}"));
    site.write(
        "content/measures/chinese.md",
        "---\ntitle: 中文\n---\n\n贫困人口 减少 2015 年\n",
    );
    // Front matter strings are Mongolian text too.
    let with_title = source(&site, page).replacen("title: ", "title: 12 ᠳ᠋ᠤᠭᠠᠷ ", 1);
    site.write(page, &with_title);

    let r = site.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    let suffix_errors: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.contains("after a plain space"))
        .collect();
    assert_eq!(
        suffix_errors.len(),
        3,
        "only the two in the body and the one in the title:\n{}",
        r.stdout
    );
    for needle in [
        format!(
            "{page}:{}:5: error: suffix `ᠶᠢᠨ` after a plain space",
            lines + 2
        ),
        format!(
            "{page}:{}:20: error: suffix `ᠤ` after a plain space",
            lines + 2
        ),
        format!("{page}:2:10: error: suffix `ᠳ᠋ᠤᠭᠠᠷ`"),
    ] {
        assert!(
            r.stdout.contains(&needle),
            "missing {needle:?} in:\n{}",
            r.stdout
        );
    }

    let r = site.run(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let kinds: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == "suffix-space").count(),
        3,
        "{kinds:?}"
    );
    assert!(kinds.contains(&"other"), "{kinds:?}");

    let before = tree(&site);
    let r = site.run(&["check", "--fix"]);
    assert!(
        r.stdout
            .contains(&format!("{page}:{}:5: joined suffix ᠶᠢᠨ", lines + 2)),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("after a plain space"), "{}", r.stdout);
    let after = tree(&site);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "no file added or left behind"
    );
    for (path, old) in &before {
        let new = &after[path];
        let changed = path.ends_with("finance.mn.md");
        if !changed {
            assert_eq!(old, new, "{path:?} changed");
            continue;
        }
        // Each changed byte sequence is one space (0x20) became U+202F.
        let expected = String::from_utf8_lossy(new).replace('\u{202F}', " ");
        let old_text = String::from_utf8_lossy(old).replace('\u{202F}', " ");
        assert_eq!(old_text, expected, "{path:?}: only the spaces changed");
    }
    let fixed = source(&site, page);
    assert!(fixed.contains("ᠰᠤᠮᠤ\u{202F}ᠶᠢᠨ ᠬᠦᠮᠦᠨ 2015\u{202F}ᠤ ᠣᠨ `ᠰᠤᠮᠤ ᠶᠢᠨ` ᠰᠤᠮᠤ ᠶᠢᠨᠢ"));
    assert!(fixed.contains("(https://e.org/ᠠ ᠶᠢᠨ)"), "URL untouched");
    assert_eq!(site.run(&["check"]).code, 0, "the fixed site passes");
}

#[test]
fn a_file_that_cannot_be_rewritten_is_left_as_it_was() {
    let site = SiteTest::new("bilingual");
    let page = "content/measures/finance.mn.md";
    let text = format!("{}{SUFFIX_BODY}", source(&site, page));
    site.write(page, &text);
    // The temporary file's place is taken by a folder: writing fails even for
    // root, who ignores permissions.
    std::fs::create_dir(
        site.root()
            .join("content/measures/.finance.mn.md.bichig-fix.tmp"),
    )
    .unwrap();
    let r = site.run(&["check", "--fix"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout
            .contains(&format!("{page}: error: could not write the fixed file")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("after a plain space"),
        "still reported:\n{}",
        r.stdout
    );
    assert_eq!(source(&site, page), text, "left as it was");
}

/// A glossary for the `bilingual` fixture: 金融 is present in the translation
/// only with a suffix, 贷款 has a rejected variant, 银行 is missing.
const GLOSSARY: &str = "- zh: 金融\n  mn: ᠰᠠᠩᠬᠦᠦ\n- zh: 贷款\n  mn: ᠵᠡᠭᠡᠯ ᠮᠥᠩᠭᠥ\n  rejected: [ᠵᠡᠭᠡᠯ]\n- zh: 银行\n  mn: ᠪᠠᠨᠺ\n";

#[test]
fn glossary_rejected_variants_and_missing_terms() {
    let site = SiteTest::new("bilingual");
    site.write("content/glossary.yaml", GLOSSARY);
    site.write(
        "content/measures/finance.mn.md",
        "---\ntitle: ᠭᠠᠷᠴᠠᠭ\nweight: 1\ndate: 2017-10-17\ntranslation: draft\n---\n\nᠪᠠ ᠵᠡᠭᠡᠯ\u{202F}ᠢ ᠪᠠ\nᠵᠡᠭᠡᠯᠡᠬᠦ `ᠵᠡᠭᠡᠯ` ᠰᠠᠩᠬᠦᠦ\u{202F}ᠶᠢᠨ [ᠵᠣᠬᠢᠶᠠᠨ](organisation.md)᠃\n",
    );
    let r = site.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    for needle in [
        "content/measures/finance.mn.md:8:4: error: `ᠵᠡᠭᠡᠯ` is a rejected form of 贷款",
        "hint: write `ᠵᠡᠭᠡᠯ ᠮᠥᠩᠭᠥ` (content/glossary.yaml, line 3)",
        "content/measures/finance.mn.md:1:1: warning: the original uses 银行 but the translation has no `ᠪᠠᠨᠺ`",
    ] {
        assert!(r.stdout.contains(needle), "missing {needle:?} in:\n{}", r.stdout);
    }
    // Near misses: a longer word and a code span (line 9) are no variant; the
    // preferred form with a suffix is present; a rejected variant is not also
    // reported as a missing term.
    assert!(!r.stdout.contains("finance.mn.md:9:"), "{}", r.stdout);
    assert!(!r.stdout.contains("uses 金融"), "{}", r.stdout);
    assert!(!r.stdout.contains("uses 贷款"), "{}", r.stdout);
    assert_eq!(
        r.stdout.matches("is a rejected form").count(),
        1,
        "{}",
        r.stdout
    );
}

#[test]
fn glossary_load_errors_name_the_line() {
    let site = SiteTest::new("bilingual");
    site.write(
        "content/glossary.yaml",
        "- zh: 金融\n  mn: ᠰᠠᠩᠬᠦᠦ\n- zh: 贷款\n",
    );
    site.run(&["check"]).fails_with(1, &[]);
    let r = site.run(&["build"]);
    r.fails_with(
        1,
        &["content/glossary.yaml:3:3: error: glossary entry 2 has no `mn`"],
    );
    site.write("content/glossary.yaml", "- zh: 金融\n  mn: [ᠰᠠᠩᠬᠦᠦ\n");
    site.run(&["build"]).fails_with(
        1,
        &["content/glossary.yaml:2:7: error: `[0].mn` should be a string, not a list"],
    );
    site.write("content/glossary.yaml", "- mn: ᠰᠠᠩᠬᠦᠦ\n");
    site.run(&["build"]).fails_with(
        1,
        &["content/glossary.yaml:1:3: error: glossary entry 1 has no `zh`"],
    );
}

#[test]
fn figures_and_spelling_variants_in_json() {
    let site = SiteTest::new("figures");
    let r = site.run(&["check", "--format", "json"]);
    assert_eq!(r.code, 0, "warnings only: {}", r.stdout);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let ours = [
        "stat-missing",
        "stat-extra",
        "number-missing",
        "typed-figure",
        "spelling-variant",
    ];
    let got: Vec<(String, String, u64, u64)> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| ours.contains(&p["kind"].as_str().unwrap()))
        .map(|p| {
            assert_eq!(p["severity"], "warning", "{p}");
            (
                p["kind"].as_str().unwrap().to_string(),
                p["path"].as_str().unwrap().to_string(),
                p["line"].as_u64().unwrap(),
                p["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let mn = "content/_index.mn.md";
    let want: Vec<(String, String, u64, u64)> = [
        // Both stats of the original's first paragraph, at the same paragraph.
        ("stat-missing", mn, 6, 1),
        ("stat-missing", mn, 6, 1),
        ("typed-figure", mn, 6, 32),
        ("stat-extra", mn, 6, 43),
        // `1,234` of the original's second paragraph.
        ("number-missing", mn, 8, 1),
        ("spelling-variant", mn, 8, 36),
    ]
    .iter()
    .map(|&(k, p, l, c)| (k.to_string(), p.to_string(), l, c))
    .collect();
    // The Chinese-only page (content/solo.md) has numbers but no translation: silent.
    assert_eq!(got, want, "{}", r.stdout);
    let missing = v
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "number-missing")
        .unwrap();
    assert_eq!(
        missing["message"],
        "number `1234` of the original (content/_index.md:7:17) is missing here"
    );
}

/// Suffixes that do not fit their stems: warnings of kind `suffix-harmony` or
/// `suffix-form` at the suffix, next to near-misses (code, a Chinese page, ᠣᠨ
/// "year", a loan word, ᠳᠤᠭᠠᠷ "issue") that stay silent.
#[test]
fn suffix_harmony_and_form_warnings_in_json() {
    let site = SiteTest::new("harmony");
    let r = site.run(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let found: Vec<(String, &str, u64, u64, &str)> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["path"].as_str().unwrap().starts_with("content/"))
        // The fixture's numbers and spellings are other checks' business.
        .filter(|p| {
            ["suffix-harmony", "suffix-form", "suffix-space"].contains(&p["kind"].as_str().unwrap())
        })
        .map(|p| {
            (
                p["path"].as_str().unwrap().to_string(),
                p["kind"].as_str().unwrap(),
                p["line"].as_u64().unwrap(),
                p["column"].as_u64().unwrap(),
                p["severity"].as_str().unwrap(),
            )
        })
        .collect();
    let page = "content/_index.mn.md".to_string();
    let w = |kind, line, column| (page.clone(), kind, line, column, "warning");
    assert_eq!(
        found,
        [
            w("suffix-harmony", 7, 8),
            w("suffix-form", 9, 6),
            w("suffix-form", 9, 14),
            w("suffix-form", 9, 22),
            w("suffix-form", 11, 6),
            w("suffix-harmony", 11, 13),
            (page.clone(), "suffix-space", 19, 3, "error"),
            w("suffix-harmony", 19, 4),
        ]
    );
    let hints: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["kind"] == "suffix-harmony" || p["kind"] == "suffix-form")
        .map(|p| p["hint"].as_str().unwrap())
        .collect();
    assert_eq!(hints[0], "write `ᠶᠠᠳᠠᠭᠤ\u{202F}ᠠᠴᠠ`");
    assert_eq!(hints[5], "write `19\u{202F}ᠳ\u{180B}ᠦ\u{180B}ᠭᠡᠷ`");
    assert!(r.stdout.contains("does not fit `ᠶᠠᠳᠠᠭᠤ` (back vowels)"));
}
