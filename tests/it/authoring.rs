//! The editor's and translator's workflow: unwritten translations, what
//! changed since a translation, links by URL and anchor, `new`.

use std::path::Path;
use std::process::Command;

use crate::support::SiteTest;

const ORG_MN: &str = "content/measures/organisation.mn.md";

fn read(site: &SiteTest, rel: &str) -> String {
    std::fs::read_to_string(site.root().join(rel)).unwrap()
}

/// `new --lang mn` of organisation.md, then its text written in.
fn translated(site: &SiteTest) {
    let r = site.run(&["new", "measures/organisation.md", "--lang", "mn"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    fill(site);
}

/// Writes text into the scaffold of organisation.mn.md.
fn fill(site: &SiteTest) {
    let text = read(site, ORG_MN).replace(
        "<!-- Translate content/measures/organisation.md here. -->",
        "ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠤᠯᠲᠠ᠃",
    );
    site.write(ORG_MN, text);
}

#[test]
fn unfilled_scaffold_is_the_fallback_until_written() {
    let site = SiteTest::new("bilingual");
    let r = site.run(&["new", "measures/organisation.md", "--lang", "mn"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let before = site.run(&["status"]).stdout;
    assert!(
        before.contains("mn     measures             3        0     1     0        2      33.3%"),
        "{before}"
    );
    let check = site.run(&["check"]);
    assert!(
        check.stdout.contains(&format!(
            "{ORG_MN}:9:1: warning: translation has no text yet: published as the fallback showing the original"
        )),
        "{}",
        check.stdout
    );
    assert_eq!(check.code, 0, "{}", check.stdout);
    site.build();
    let html = site.read("mn/measures/organisation/index.html");
    assert!(html.contains("fallback-notice"), "{html}");
    assert!(
        html.contains("<p>成立了自治区扶贫开发领导小组。</p>"),
        "{html}"
    );

    fill(&site);
    let after = site.run(&["status"]).stdout;
    assert!(
        after.contains("mn     measures             3        0     2     0        1      66.7%"),
        "{after}"
    );
    assert!(!site.run(&["check"]).stdout.contains("no text yet"));
    site.build();
    let html = site.read("mn/measures/organisation/index.html");
    assert!(!html.contains("fallback-notice"), "{html}");
    assert!(html.contains("ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠤᠯᠲᠠ᠃"), "{html}");
}

#[test]
fn original_without_text_is_warned_about() {
    let site = SiteTest::new("bilingual");
    site.write(
        "content/measures/empty.md",
        "---\ntitle: 空白\n---\n\n<!-- 以后写 -->\n",
    );
    let r = site.run(&["check"]);
    assert!(
        r.stdout
            .contains("content/measures/empty.md:5:1: warning: page has no text"),
        "{}",
        r.stdout
    );
}

#[test]
fn weight_change_leaves_the_translation_up_to_date() {
    let site = SiteTest::new("bilingual");
    translated(&site);
    let original = read(&site, "content/measures/organisation.md");
    site.write(
        "content/measures/organisation.md",
        original
            .replace("weight: 2", "weight: 5")
            .replace("date: 2017-10-17", "date: 2017-10-18"),
    );
    let r = site.run(&["status"]);
    assert!(!r.stdout.contains("stale:"), "{}", r.stdout);
    assert!(r
        .stdout
        .contains("mn     measures             3        0     2     0        1"));
    site.write(
        "content/measures/organisation.md",
        original.replace("领导小组", "领导小组和指挥部"),
    );
    let r = site.run(&["status"]);
    assert!(
        r.stdout
            .contains("stale: content/measures/organisation.mn.md"),
        "{}",
        r.stdout
    );
}

fn git(root: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn status_diff_from_git_history() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("skipped: git is not installed (status_diff_from_git_history)");
        return;
    }
    let site = SiteTest::new("bilingual");
    translated(&site);
    // No kept copy: the old text can only come from git.
    std::fs::remove_dir_all(site.root().join(".bichig")).unwrap();
    git(site.root(), &["init", "-q"]);
    git(site.root(), &["add", "."]);
    git(site.root(), &["commit", "-q", "-m", "first"]);
    let original = read(&site, "content/measures/organisation.md");
    site.write(
        "content/measures/organisation.md",
        format!(
            "{}\n第二段。\n",
            original.replace("领导小组", "领导小组和指挥部")
        ),
    );
    git(site.root(), &["commit", "-q", "-am", "second"]);
    let r = site.run(&["status", "--diff", ORG_MN]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("(translated from: git commit "),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("@@ -1,2 +1,3 @@\n title: 强化组织保障\n-\n-成立了自治区扶贫开发领导小组。\n+\n+成立了自治区扶贫开发领导小组和指挥部。\n+\n+第二段。\n"),
        "{}",
        r.stdout
    );
    let r = site.run(&["status"]);
    assert!(
        r.stdout.contains("  since git commit ") && r.stdout.contains(": 1 paragraph removed, 2 added (bichig status --diff content/measures/organisation.mn.md)"),
        "{}",
        r.stdout
    );
}

#[test]
fn status_diff_from_the_kept_copy_and_accept() {
    let site = SiteTest::new("bilingual");
    translated(&site);
    assert!(site
        .root()
        .join(".bichig/originals/mn/measures/organisation.md")
        .is_file());
    let original = read(&site, "content/measures/organisation.md");
    site.write(
        "content/measures/organisation.md",
        original.replace("领导小组", "领导小组和指挥部"),
    );
    let r = site.run(&["status", "--diff", "measures/organisation.mn.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "(translated from: the copy in .bichig/originals/mn/measures/organisation.md)"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "-成立了自治区扶贫开发领导小组。\n+\n+成立了自治区扶贫开发领导小组和指挥部。\n"
        ),
        "{}",
        r.stdout
    );
    let r = site.run(&["status", "--accept", ORG_MN]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = site.run(&["status"]);
    assert!(!r.stdout.contains("stale:"), "{}", r.stdout);
    let r = site.run(&["status", "--diff", ORG_MN]);
    assert!(r.stdout.contains("is up to date"), "{}", r.stdout);
}

#[test]
fn broken_absolute_link_fails_build_as_check_reports_it() {
    let site = SiteTest::new("bilingual");
    let page = "---\ntitle: 链接\n---\n\n见[金融](/measures/finance/)、[蒙古文](/mn/measures/)、[样式](/css/style.css)、[订阅](/mn/atom.xml)。\n\n[就业](/measures/jiuye/)\n";
    site.write("content/measures/links.md", page);
    let message = "content/measures/links.md:7:1: error: link to `/measures/jiuye/`: no such page or file in the site";
    let build = site.run(&["build"]);
    build.fails_with(1, &[message]);
    let check = site.run(&["check"]);
    assert_eq!(check.code, 1);
    assert!(check.stdout.contains(message), "{}", check.stdout);
    // The good ones are not reported.
    assert_eq!(
        build.stderr.matches("no such page or file").count(),
        1,
        "{}",
        build.stderr
    );
    site.write(
        "content/measures/links.md",
        page.replace("/measures/jiuye/", "/measures/organisation/"),
    );
    site.build();
}

#[test]
fn wrong_anchor_lists_the_heading_ids() {
    let site = SiteTest::new("bilingual");
    site.write(
        "content/measures/anchors.md",
        "---\ntitle: 锚点\n---\n\n## 第一 {#one}\n\n## 第二 {#two}\n\n[a](@/measures/anchors.md#three) [b](/measures/anchors/#four) [c](#one)\n",
    );
    let r = site.run(&["build"]);
    r.fails_with(
        1,
        &[
            "content/measures/anchors.md:9:1: error: `#three`: no such heading in measures/anchors.md",
            "content/measures/anchors.md:9:34: error: `#four`: no such heading in measures/anchors.md",
            "hint: headings of measures/anchors.md: one, two;",
        ],
    );
    assert!(!r.stderr.contains("`#one`"), "{}", r.stderr);
}

#[test]
fn new_takes_a_date_or_the_section_date() {
    let site = SiteTest::new("bilingual");
    let r = site.run(&[
        "new",
        "measures/a.md",
        "--title",
        "甲",
        "--date",
        "2018-01-02",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(read(&site, "content/measures/a.md").contains("date: 2018-01-02\n"));
    // The section's latest page.
    site.run(&["new", "measures/b.md", "--title", "乙"]);
    assert!(read(&site, "content/measures/b.md").contains("date: 2018-01-02\n"));
    site.run(&["new", "c.md", "--title", "丙"]);
    site.add_config("date: 2019-05-01\n");
    site.run(&["new", "measures/d.md", "--title", "丁"]);
    assert!(read(&site, "content/measures/d.md").contains("date: 2019-05-01\n"));
    site.run(&["new", "measures/e.md", "--date", "2018-02-30"])
        .fails_with(2, &["--date 2018-02-30"]);
    let r = site.run(&["new", "measures/f.md", "--title", "强化组织保障"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "warning: content/measures/organisation.md has the same title `强化组织保障`"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn chinese_in_mongolian_text_is_wrapped_once() {
    let site = SiteTest::new("bilingual");
    let mn = read(&site, "content/measures/finance.mn.md");
    site.write(
        "content/measures/finance.mn.md",
        format!("{mn}\nᠬᠣᠲᠠ <span lang=\"zh-Hans\">突泉县</span> ᠪᠠ 突泉县᠃\n"),
    );
    site.build();
    let html = site.read("mn/measures/finance/index.html");
    assert!(
        html.contains("ᠬᠣᠲᠠ <span lang=zh-Hans>突泉县</span> ᠪᠠ <span lang=zh-Hans>突泉县</span>᠃"),
        "{html}"
    );
    assert!(!html.contains("<span lang=zh-Hans><span"), "{html}");
}
