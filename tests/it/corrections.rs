//! Corrections of pages and tables (notices, the corrections page, the feeds)
//! and the accessibility statement.

use crate::support::SiteTest;

#[test]
fn a_corrected_page_and_table_show_a_notice_linking_the_corrections_page() {
    let site = SiteTest::new("corrections");
    site.build();
    let page = site.read("measures/finance/index.html");
    assert!(
        page.contains("<time datetime=\"2017-10-20\">本页于2017年10月20日更正</time>"),
        "{page}"
    );
    assert!(page.contains("<a href=\"/corrections/#c-measures-finance-2017-10-20\">更正说明</a>"));
    // The Mongolian translation's own correction shows on its page alone.
    assert!(!page.contains("2017-10-25"));
    let mn = site.read("mn/measures/finance/index.html");
    assert!(mn.contains("ᠡᠨᠡ ᠨᠢᠭᠤᠷ\u{202F}ᠢ 2017 ᠣᠨ\u{202F}ᠤ 10\u{202F}ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ\u{202F}ᠶᠢᠨ 25\u{202F}ᠤ ᠡᠳᠦᠷ\u{202F}ᠲᠦ ᠵᠠᠰᠠᠪᠠ"), "{mn}");
    assert!(mn.contains("href=\"/mn/corrections/#c-measures-finance-2017-10-20\""));
    // Text missing in Mongolian is shown in Chinese, marked as such.
    assert!(mn.contains("<span lang=\"zh-Hans\">补充了数据来源。</span>"));
    let table = site.read("data/causes/index.html");
    assert!(table.contains("本表于2017年10月30日更正"), "{table}");
    assert!(table.contains("href=\"/corrections/#c-data-causes-2017-10-30\""));
    let uncorrected = site.read("measures/health/index.html");
    assert!(!uncorrected.contains("correction-notice"));
}

#[test]
fn the_corrections_page_lists_every_correction_newest_first() {
    let site = SiteTest::new("corrections");
    site.build();
    let zh = site.read("corrections/index.html");
    let at = |needle: &str| {
        zh.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing:\n{zh}"))
    };
    let (nov, oct30, oct20) = (
        at("id=\"c-measures-finance-2017-11-02\""),
        at("id=\"c-data-causes-2017-10-30\""),
        at("id=\"c-measures-finance-2017-10-20\""),
    );
    assert!(nov < oct30 && oct30 < oct20, "newest first");
    assert!(zh.contains("<a href=\"/data/causes/\" lang=\"zh-Hans\">主要致贫原因</a>"));
    assert!(zh.contains("<time datetime=\"2017-10-20\">2017年10月20日</time>"));
    assert!(
        !zh.contains("2017-10-25"),
        "a translation's correction stays in its language"
    );
    let mn = site.read("mn/corrections/index.html");
    assert!(mn.contains("id=\"c-measures-finance-2017-10-25\""), "{mn}");
    assert!(mn.contains("<a href=\"/mn/data/causes/\""));
}

#[test]
fn each_correction_is_a_feed_entry_and_moves_the_page_entry_updated() {
    let site = SiteTest::new("corrections");
    site.build();
    let feed = site.read("atom.xml");
    assert!(feed.contains(
        "<title>更正：金融扶贫</title>\n<link href=\"https://example.org/measures/finance/\"/>\n<id>https://example.org/corrections/#c-measures-finance-2017-10-20</id>\n<updated>2017-10-20T00:00:00Z</updated>\n<summary>贷款金额更正为 12 亿元。</summary>"
    ), "{feed}");
    assert!(feed.contains("<id>https://example.org/corrections/#c-data-causes-2017-10-30</id>"));
    assert!(feed.contains(
        "<id>https://example.org/measures/finance/</id>\n<published>2017-10-17T00:00:00Z</published>\n<updated>2017-11-02T00:00:00Z</updated>"
    ));
    assert!(feed.contains(
        "<id>https://example.org/atom.xml</id>\n<updated>2017-11-02T00:00:00Z</updated>"
    ));
    let first = feed.find("<entry").unwrap();
    assert!(feed[first..].starts_with("<entry xml:lang=\"zh-Hans\">\n<title>更正：金融扶贫</title>\n<link href=\"https://example.org/measures/finance/\"/>\n<id>https://example.org/corrections/#c-measures-finance-2017-11-02</id>"));
    let mn = site.read("mn/atom.xml");
    assert!(
        mn.contains("<title>ᠵᠠᠰᠠᠪᠤᠷᠢ᠄ ᠶᠠᠳᠠᠭᠤ ᠪᠣᠯᠬᠤ ᠰᠢᠯᠲᠠᠭᠠᠨ</title>"),
        "{mn}"
    );
    assert!(mn.contains(
        "<summary type=\"html\">&lt;span lang=&quot;zh-Hans&quot;&gt;补充了数据来源。&lt;/span&gt;</summary>"
    ));
}

#[test]
fn a_correction_dated_before_publication_fails_at_its_line() {
    let site = SiteTest::new("corrections");
    site.write(
        "content/measures/health.md",
        "---\ntitle: 健康扶贫\ndate: 2017-10-18\ncorrections:\n  - { date: 2017-10-19, what: 改 }\n  - { date: 2016-10-19, what: 改 }\n---\n正文\n",
    );
    site.write(
        "content/data/late.yaml",
        "title: 表\nsource: report\nas_of: 2016-12-31\ncolumns:\n  - { key: a, label: A }\nrows:\n  - { id: x, a: y }\ncorrections:\n  - date: 2016-12-30\n    what: { zh: 改 }\n",
    );
    site.run(&["build"]).fails_with(
        1,
        &[
            "content/measures/health.md:6:",
            "correction dated 2016-10-19 precedes the `date: 2017-10-18` it corrects",
            "content/data/late.yaml:9:",
            "correction dated 2016-12-30 precedes the `as_of: 2016-12-31` it corrects",
        ],
    );
}

#[test]
fn without_corrections_the_page_says_there_are_none() {
    let site = SiteTest::new("bilingual");
    site.build();
    let zh = site.read("corrections/index.html");
    assert!(zh.contains("本报告发布以来尚未作过更正。"), "{zh}");
    assert!(!zh.contains("corrections-list"));
    assert!(site
        .read("mn/corrections/index.html")
        .contains("ᠵᠠᠰᠠᠪᠤᠷᠢ ᠦᠭᠡᠢ"));
}

#[test]
fn the_accessibility_statement_in_both_languages_linked_from_every_footer() {
    let site = SiteTest::new("corrections");
    site.build();
    let zh = site.read("accessibility/index.html");
    assert!(
        zh.contains("本网站的无障碍目标是符合 WCAG 2.1 AA。"),
        "{zh}"
    );
    assert!(zh.contains("<a href=\"mailto:a11y@example.org\">a11y@example.org</a>"));
    assert!(zh.contains("本站另提供纸质版。"));
    assert!(zh.contains("axe-core"));
    assert!(
        zh.contains("<time datetime=\"2017-10-17\">2017年10月17日</time>"),
        "the home page's date"
    );
    assert!(zh.contains("主流屏幕阅读器和语音合成对传统蒙古文的支持很有限"));
    let mn = site.read("mn/accessibility/index.html");
    assert!(
        mn.contains("<h2 id=\"a11y-limits\">ᠮᠡᠳᠡᠭᠳᠡᠭᠰᠡᠨ ᠳᠤᠲᠠᠭᠳᠠᠯ</h2>"),
        "{mn}"
    );
    assert!(mn.contains("ᠳᠡᠯᠭᠡᠴᠡ ᠤᠩᠱᠢᠭᠤᠷ ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ\u{202F}ᠢ"));
    assert!(mn.contains("ᠴᠠᠭᠠᠰᠤᠨ ᠬᠡᠪ ᠪᠠᠢᠨ᠎ᠠ᠃"));
    assert!(mn.contains("mailto:a11y@example.org"));
    for page in [
        "index.html",
        "measures/health/index.html",
        "data/causes/index.html",
        "404.html",
    ] {
        let html = site.read(page);
        assert!(
            html.contains("<a href=\"/accessibility/\">无障碍声明</a>"),
            "{page}"
        );
        assert!(
            html.contains("<a href=\"/corrections/\">更正</a>"),
            "{page}"
        );
    }
    assert!(site
        .read("mn/index.html")
        .contains("<a href=\"/mn/accessibility/\">ᠬᠦᠷᠲᠡᠮᠵᠢᠲᠦ ᠴᠢᠨᠠᠷ\u{202F}ᠤᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ</a>"));
    // Pages in the sitemap, like the glossary.
    assert!(site
        .read("sitemap.xml")
        .contains("https://example.org/mn/accessibility/"));
}

#[test]
fn a_theme_without_the_templates_writes_neither_page_nor_link() {
    let site = SiteTest::new("corrections");
    std::fs::remove_file(
        site.root()
            .join("themes/default/templates/accessibility.html"),
    )
    .unwrap();
    std::fs::remove_file(
        site.root()
            .join("themes/default/templates/corrections.html"),
    )
    .unwrap();
    site.build();
    assert!(!site.has("accessibility/index.html"));
    assert!(!site.has("corrections/index.html"));
    let html = site.read("index.html");
    assert!(!html.contains("/accessibility/"));
    assert!(!html.contains("href=\"/corrections/\""));
}

#[test]
fn a_page_placing_a_corrected_table_shows_its_notice_inside_the_figure() {
    let site = SiteTest::new("corrections");
    site.write(
        "content/measures/causes.md",
        "---\ntitle: 致贫原因\ndate: 2017-10-18\n---\n正文。\n\n{{ table(id=\"causes\") }}\n",
    );
    site.build();
    let page = site.read("measures/causes/index.html");
    let figure = page
        .find("<figure class=\"data-table\"")
        .map(|at| &page[at..])
        .unwrap_or_else(|| panic!("no table figure: {page}"));
    let figure = &figure[..figure.find("</figure>").unwrap_or(figure.len())];
    assert!(
        figure.contains("<aside class=\"correction-notice\" aria-labelledby=\"data-causes-corrections\"><h2 id=\"data-causes-corrections\" class=\"correction-notice-title\">更正</h2>"),
        "{figure}"
    );
    assert!(
        figure.contains("<time datetime=\"2017-10-30\">本表于2017年10月30日更正</time>"),
        "{figure}"
    );
    assert!(
        figure.contains("<a href=\"/corrections/#c-data-causes-2017-10-30\">更正说明</a>"),
        "{figure}"
    );
    // A page whose tables are uncorrected shows no notice.
    assert!(!site
        .read("measures/health/index.html")
        .contains("correction-notice"));
}
