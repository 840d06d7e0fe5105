//! `bichig build` on fixture sites: the HTML it writes, and how it fails.

use crate::support::{bichig, build_shipped, SiteTest};

#[test]
fn basic_site_has_pretty_urls_and_metadata() {
    let site = SiteTest::new("basic");
    site.build();
    for page in [
        "index.html",
        "measures/index.html",
        "measures/finance/index.html",
        "measures/notice/index.html",
        "404.html",
    ] {
        assert!(site.has(page), "{page} missing");
    }
    assert!(
        !site.has("measures/unfinished/index.html"),
        "drafts are left out"
    );
    let html = site.read("measures/finance/index.html");
    assert!(html.contains("lang=zh-Hans"), "{html}");
    // `<title>` holds text only, so the minifier leaves its `<` literal; in the
    // heading, where `<script>` would be markup, it stays escaped.
    assert!(
        html.contains("<title>金融扶贫 <script> - 测试报告</title>"),
        "{html}"
    );
    assert!(html.contains("<h1>金融扶贫 &lt;script></h1>"), "{html}");
    assert!(
        html.contains("<link href=https://example.org/report/measures/finance/ rel=canonical>"),
        "{html}"
    );
    assert!(
        html.contains("<meta content=\"累计撬动金融扶贫贷款400多亿元"),
        "description from the summary"
    );
    assert!(html.contains("href=/report/css/style.css"));
    assert!(!html.contains("\n  "), "minified");
}

/// `</title>` in a page title, in any case, is text: the only end tag of the
/// `<title>` element is the one the template writes.
#[test]
fn a_closing_tag_in_a_title_cannot_end_the_title_element() {
    let site = SiteTest::new("basic");
    site.write(
        "content/measures/close.md",
        "---\ntitle: 'a </title><script>alert(1)</script>'\n---\n正文。\n",
    );
    site.write(
        "content/measures/upper.md",
        "---\ntitle: 'b </TITLE><img src=x onerror=alert(1)>'\n---\n正文。\n",
    );
    site.build();
    let html = site.read("measures/close/index.html");
    assert!(
        html.contains("<title>a &lt;/title><script>alert(1)</script> - 测试报告</title>"),
        "{html}"
    );
    for page in ["measures/close/index.html", "measures/upper/index.html"] {
        let html = site.read(page).to_ascii_lowercase();
        let end = html
            .find("</title")
            .unwrap_or_else(|| panic!("{page}: no </title>"));
        assert!(
            html[..end].ends_with(" - 测试报告"),
            "{page}: the title ends early:\n{html}"
        );
    }
}

#[test]
fn markdown_features_and_internal_links() {
    let site = SiteTest::new("basic");
    site.build();
    let html = site.read("measures/finance/index.html");
    assert!(html.contains("<table>"));
    assert!(html.contains("<del>旧</del>"));
    assert!(html.contains("footnote-definition"));
    assert!(html.contains("<h2 id=h-fbb0f8d2>贷款情况</h2>"), "{html}");
    assert!(
        html.contains("href=/report/measures/notice/#h-cb4029b4"),
        "{html}"
    );
    assert!(html.contains("href=/report/measures/organisation/#overview"));
    let home = site.read("index.html");
    assert!(
        home.contains("href=/report/measures/finance/"),
        "@/ links resolve"
    );
}

#[test]
fn section_lists_pages_by_weight() {
    let site = SiteTest::new("basic");
    site.build();
    let html = site.read("measures/index.html");
    let pos = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} not listed"));
    assert!(pos("/report/measures/organisation/") < pos("/report/measures/finance/"));
    assert!(pos("/report/measures/finance/") < pos("/report/measures/notice/"));
}

#[test]
fn sitemap_robots_and_static_files() {
    let site = SiteTest::new("basic");
    site.build();
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/report/measures/notice/</loc>"));
    assert!(!sitemap.contains("unfinished"));
    assert!(site
        .read("robots.txt")
        .contains("Sitemap: https://example.org/report/sitemap.xml"));
    assert_eq!(site.read("extra.txt"), "robots-test\n");
    assert!(site.has("css/style.css"));
}

#[test]
fn flags_drafts_base_url_and_output() {
    let site = SiteTest::new("basic");
    let out = site.root().join("elsewhere");
    let r = site.run(&[
        "build",
        "--drafts",
        "--base-url",
        "http://localhost:1111",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = std::fs::read_to_string(out.join("measures/unfinished/index.html")).unwrap();
    assert!(
        html.contains("href=http://localhost:1111/measures/unfinished/ rel=canonical"),
        "{html}"
    );
}

#[test]
fn minify_can_be_switched_off() {
    let site = SiteTest::new("basic");
    site.add_config("minify: false\n");
    site.build();
    assert!(site.read("index.html").contains("<html lang=\"zh-Hans\""));
}

#[test]
fn site_templates_override_the_theme() {
    let site = SiteTest::new("basic").overlay("override");
    site.build();
    assert!(site
        .read("measures/finance/index.html")
        .contains("site-override"));
    assert!(!site.read("measures/index.html").contains("site-override"));
}

/// Each bad input: exit 1 (2 for usage), `path:line` in the message, the previous
/// output byte-for-byte unchanged and no staging folder left behind.
#[test]
fn bad_inputs_fail_cleanly() {
    let cases: &[(&str, &[&str])] = &[
        (
            "unclosed-front-matter",
            &["content/measures/broken.md:1:1", "not closed"],
        ),
        (
            "invalid-yaml",
            &[
                "content/measures/broken.md:3:7: error: the `[` opened here is not closed\n    3 | tags: [金融, 贷款\n      |       ^\n",
            ],
        ),
        (
            "wrong-type",
            &["content/measures/broken.md:3:9: error: `weight` should be a whole number, not the text \"heavy\""],
        ),
        (
            "template-syntax",
            &["templates/page.html:3:", "template error"],
        ),
        (
            "duplicate-url",
            &[
                "finance-copy.md",
                "content/measures/finance.md",
                "/measures/finance/",
            ],
        ),
        (
            "missing-link",
            &["content/measures/broken.md:7:2", "missing.md"],
        ),
        ("non-ascii-stem", &["content/measures/公式.md:1", "slug"]),
        ("unknown-config-key", &["site.yaml:4:", "minfy"]),
        ("bad-base-url", &["site.yaml:2", "base_url"]),
        (
            "unknown-language",
            &["content/measures/finance.fr.md: error: language `fr` is not defined in site.yaml\n    hint: languages: `zh`; or add it under `languages:` in site.yaml, or rename the file"],
        ),
        (
            "impossible-date",
            &["content/measures/broken.md:3", "2017-02-30"],
        ),
        (
            "impossible-recurring",
            &[
                "content/series/day/_index.md:3",
                "`recurring`: month 2 has no day 30",
            ],
        ),
        ("invalid-utf8", &["content/measures/broken.md:5", "UTF-8"]),
        (
            "slug-escape",
            &["content/measures/escape.md:3", "invalid slug"],
        ),
        (
            "broken-i18n",
            &["i18n/zh.yaml:2:7: error: `home` should be a string, not a list"],
        ),
        (
            "missing-title",
            &["content/measures/untitled.md:1", "no `title`"],
        ),
        (
            "orphan-translation",
            &["content/measures/orphan.fr.md", "`fr`"],
        ),
        (
            "site-yaml-syntax",
            &["site.yaml:1:8: error: the `{` opened here is not closed"],
        ),
        (
            "unknown-shortcode",
            &[
                "content/measures/shortcode.md:5:1",
                "unknown shortcode `youtube`",
            ],
        ),
        (
            "alias-escape",
            &["content/measures/moved.md:3", "alias `/../../outside/`"],
        ),
        (
            "alias-collision",
            &[
                "content/measures/moved.md",
                "alias `/measures/finance/` is also produced by",
            ],
        ),
        (
            "template-include-escape",
            &["templates/page.html", "../../../../etc/passwd"],
        ),
        (
            "data-id-escape",
            &["content/measures/table.md:7", "../../../etc/passwd"],
        ),
        (
            "link-escapes-content",
            &[
                "content/measures/escape-link.md:5:1",
                "leaves the content folder",
            ],
        ),
    ];
    for (case, needles) in cases {
        let site = SiteTest::new("basic");
        site.build();
        let before = site.snapshot();
        let site = site.overlay(&format!("bad/{case}"));
        let names = site.root_names();
        let r = site.run(&["build"]);
        r.fails_with(1, needles);
        assert!(
            r.stderr.contains("  1. "),
            "{case}: problems are numbered:\n{}",
            r.stderr
        );
        assert_eq!(site.snapshot(), before, "{case}: previous output changed");
        assert_eq!(
            site.root_names(),
            names,
            "{case}: leftovers in the site root"
        );
    }
}

#[test]
fn problems_are_reported_together() {
    let site = SiteTest::new("basic")
        .overlay("bad/wrong-type")
        .overlay("bad/non-ascii-stem");
    site.write(
        "content/measures/third.md",
        "---\ntitle: t\ncolour: red\n---\n",
    );
    let r = site.run(&["build"]);
    r.fails_with(
        1,
        &[
            "  1. ",
            "  2. ",
            "  3. ",
            "weight",
            "公式.md",
            "content/measures/third.md:3:1",
            "3 error(s)",
        ],
    );
}

#[test]
fn dangerous_output_folders_are_refused() {
    let site = SiteTest::new("basic");
    site.build();
    let before = site.snapshot();
    for out in [".", "..", "content", "themes/default"] {
        let r = site.run(&["build", "--output", out]);
        r.fails_with(2, &["refusing"]);
    }
    assert_eq!(site.snapshot(), before);
    assert!(site.root().join("content/_index.md").exists());
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_site_are_refused() {
    let site = SiteTest::new("basic");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        "---\ntitle: secret\n---\nSECRET",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        site.root().join("content/measures/secret.md"),
    )
    .unwrap();
    site.run(&["build"])
        .fails_with(1, &["content/measures/secret.md", "outside the site root"]);
    std::fs::remove_file(site.root().join("content/measures/secret.md")).unwrap();
    // Data files and static files are held to the same rule.
    std::fs::write(
        outside.path().join("secret.yaml"),
        "columns: [a]\nrows: [[1]]\n",
    )
    .unwrap();
    std::fs::create_dir_all(site.root().join("content/data")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.yaml"),
        site.root().join("content/data/secret.yaml"),
    )
    .unwrap();
    site.run(&["build"])
        .fails_with(1, &["content/data/secret.yaml", "outside the site root"]);
    std::fs::remove_file(site.root().join("content/data/secret.yaml")).unwrap();
    std::os::unix::fs::symlink(outside.path(), site.root().join("static/outside")).unwrap();
    site.run(&["build"])
        .fails_with(1, &["static/outside", "outside the site root"]);
    std::fs::remove_file(site.root().join("static/outside")).unwrap();
    assert!(!site.root().join("public").exists());
    // A symlink inside the site is fine.
    std::os::unix::fs::symlink(
        site.root().join("content/measures/organisation.md"),
        site.root().join("content/org.md"),
    )
    .unwrap();
    site.build();
    assert!(site.has("org/index.html"));
}

#[test]
fn usage_errors_exit_2_and_help_lists_build() {
    let site = SiteTest::new("basic");
    assert_eq!(site.run(&["build", "--no-such-flag"]).code, 2);
    let r = site.run(&["build", "--base-url", "not a url"]);
    r.fails_with(2, &["--base-url"]);
    let help = bichig(["--help"]);
    assert_eq!(help.code, 0);
    for command in ["build", "serve", "check", "status", "new"] {
        assert!(
            help.stdout.contains(&format!("\n  {command} ")),
            "{}",
            help.stdout
        );
    }
}

#[test]
fn missing_site_yaml_is_a_usage_error() {
    SiteTest::empty()
        .run(&["build"])
        .fails_with(2, &["site.yaml"]);
}

#[test]
fn shipped_report_builds() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("public");
    let r = build_shipped(&target);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let pages = walkdir::WalkDir::new(&target)
        .into_iter()
        .flatten()
        .filter(|e| e.file_name() == "index.html")
        .count();
    assert!(pages >= 18 + 1 + 3 + 2 + 7 + 5, "only {pages} pages");
    let measures =
        std::fs::read_to_string(target.join("measures/key-projects/index.html")).unwrap();
    assert!(measures.contains("实施易地扶贫搬迁"));
}
