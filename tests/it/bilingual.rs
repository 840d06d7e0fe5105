//! Chinese and traditional Mongolian: URLs, switcher, hreflang, fallbacks, UI
//! strings, text safety, `status` and `new --lang`.

use crate::support::SiteTest;

#[test]
fn every_page_exists_in_both_languages() {
    let site = SiteTest::new("bilingual");
    site.build();
    for page in [
        "index.html",
        "measures/index.html",
        "measures/finance/index.html",
        "measures/organisation/index.html",
        "404.html",
    ] {
        assert!(site.has(page), "{page}");
        assert!(site.has(&format!("mn/{page}")), "mn/{page}");
    }
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/mn/measures/organisation/</loc>"));
    assert!(sitemap.contains("<loc>https://example.org/measures/organisation/</loc>"));
}

#[test]
fn language_tags_switcher_and_hreflang() {
    let site = SiteTest::new("bilingual");
    site.build();
    let mn = site.read("mn/measures/finance/index.html");
    assert!(
        mn.contains("<html class=wm-vertical-lr lang=mn-Mong>"),
        "{mn}"
    );
    assert!(mn.contains(
        "<link href=https://example.org/measures/finance/ hreflang=zh-Hans rel=alternate>"
    ));
    assert!(mn.contains(
        "<link href=https://example.org/mn/measures/finance/ hreflang=mn-Mong rel=alternate>"
    ));
    assert!(mn.contains(
        "<link href=https://example.org/measures/finance/ hreflang=x-default rel=alternate>"
    ));
    assert!(
        mn.contains("<a href=/measures/finance/ hreflang=zh-Hans lang=zh-Hans>中文</a>"),
        "switcher links to the same page"
    );
    assert!(mn.contains("<span lang=zh-Hans>包商银行</span>"), "{mn}");
    assert!(
        mn.contains("href=/mn/measures/organisation/"),
        "links resolve within the language"
    );
    assert!(mn.contains("vertical-scroll.js"));
    let zh = site.read("measures/finance/index.html");
    assert!(zh.contains("<html class=wm-horizontal-tb lang=zh-Hans>"));
    assert!(zh.contains("<a href=/mn/measures/finance/ hreflang=mn-Mong lang=mn-Mong>ᠮᠣᠩᠭᠣᠯ</a>"));
    assert!(!zh.contains("vertical-scroll.js"));
}

#[test]
fn missing_translation_falls_back_with_a_notice() {
    let site = SiteTest::new("bilingual");
    site.build();
    let html = site.read("mn/measures/organisation/index.html");
    assert!(html.contains("fallback-notice"), "{html}");
    assert!(html.contains("<div class=content lang=zh-Hans><p>成立了自治区扶贫开发领导小组。</p>"));
    assert!(
        html.contains("<link href=https://example.org/mn/measures/organisation/ rel=canonical>")
    );
    assert!(!site
        .read("mn/measures/finance/index.html")
        .contains("fallback-notice"));
    assert!(!site
        .read("measures/organisation/index.html")
        .contains("fallback-notice"));
}

#[test]
fn titles_in_the_original_language_say_so_in_menu_breadcrumbs_and_pager() {
    let site = SiteTest::new("bilingual");
    site.build();
    // `measures` has no Mongolian `_index`: its title stays Chinese, tagged.
    let mn = site.read("mn/measures/finance/index.html");
    assert!(
        mn.contains("<a aria-current=page href=/mn/measures/ lang=zh-Hans>"),
        "{mn}"
    );
    let zh = site.read("measures/finance/index.html");
    assert!(zh.contains("<a aria-current=page href=/measures/>"), "{zh}");
    // So do its breadcrumb and a pager link to it, on Mongolian pages only.
    assert!(
        mn.contains("<li><a href=/mn/measures/ lang=zh-Hans>"),
        "{mn}"
    );
    let pager = |html: &str| html[html.find("class=pager").expect("a pager")..].to_string();
    assert!(
        pager(&mn).contains("<a href=/mn/measures/ lang=zh-Hans>"),
        "{mn}"
    );
    assert!(zh.contains("<li><a href=/measures/>"), "{zh}");
    assert!(pager(&zh).contains("<a href=/measures/>"), "{zh}");
}

#[test]
fn ui_strings_come_from_the_theme_and_the_site() {
    let site = SiteTest::new("bilingual");
    site.build();
    let zh = site.read("index.html");
    assert!(zh.contains("跳到正文"), "theme string");
    // The site's i18n/zh.yaml overrides `toc` only.
    let site2 = SiteTest::new("bilingual");
    site2.write(
        "content/measures/long.md",
        "---\ntitle: 长页\n---\n## 一\n\n## 二\n\n## 三\n",
    );
    site2.build();
    assert!(site2.read("measures/long/index.html").contains("本页目录"));
    // A key missing in Mongolian falls back to Chinese with a warning.
    site2.write("i18n/mn.yaml", "toc: ᠭᠠᠷᠴᠠᠭ\n");
    site2.write("i18n/zh.yaml", "toc: 本页目录\nextra_key: 额外\n");
    let r = site2.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("i18n/mn.yaml: warning: UI string `extra_key` is missing"),
        "{}",
        r.stderr
    );
}

#[test]
fn dates_are_written_per_language() {
    let site = SiteTest::new("bilingual");
    site.build();
    assert!(site
        .read("measures/finance/index.html")
        .contains("2017年10月17日"));
    let mn = site.read("mn/measures/finance/index.html");
    assert!(
        mn.contains("2017 ᠣᠨ\u{202F}ᠤ 10\u{202F}ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ\u{202F}ᠶᠢᠨ 17\u{202F}ᠤ ᠡᠳᠦᠷ"),
        "{mn}"
    );
}

#[test]
fn mongolian_control_characters_survive_the_whole_pipeline() {
    let site = SiteTest::new("bilingual");
    site.build();
    let html = site.read("mn/measures/finance/index.html");
    let controls =
        "ᠭᠠᠵᠠᠷ\u{180B}\u{202F}ᠤᠨ ᠠ\u{200C}ᠠ ᠠ\u{200D}ᠠ ᠨ\u{180E}ᠠ ᠭ\u{180F} ᠭ\u{180C} ᠭ\u{180D}";
    assert!(
        html.contains(controls),
        "control characters changed in the minified page"
    );
    let description = html.split("name=description").next().unwrap();
    assert!(
        description.contains("\u{180B}\u{202F}"),
        "kept in the meta description"
    );
}

#[test]
fn a_translation_for_an_undefined_language_is_an_error() {
    let site = SiteTest::new("bilingual");
    site.write(
        "content/measures/finance.en.md",
        "---\ntitle: Finance\n---\n",
    );
    site.run(&["build"]).fails_with(
        1,
        &["content/measures/finance.en.md", "`en` is not defined"],
    );
}

#[test]
fn status_counts_and_fails_under_a_threshold() {
    let site = SiteTest::new("bilingual");
    let r = site.run(&["status"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("mn     measures             3        0     1     0        2      33.3%"),
        "{}",
        r.stdout
    );
    assert!(r
        .stdout
        .contains("mn     (all)                4        0     2     0        2      50.0%"));
    assert_eq!(site.run(&["status", "--fail-under", "50"]).code, 0);
    let r = site.run(&["status", "--fail-under", "60"]);
    r.fails_with(1, &["below 60%"]);
}

#[test]
fn new_translation_records_the_hash_and_goes_stale() {
    let site = SiteTest::new("bilingual");
    let r = site.run(&["new", "measures/organisation.md", "--lang", "mn"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text =
        std::fs::read_to_string(site.root().join("content/measures/organisation.mn.md")).unwrap();
    assert!(text.contains("translation: draft\nsource_hash: "), "{text}");
    // Translated: counted as a draft.
    std::fs::write(
        site.root().join("content/measures/organisation.mn.md"),
        text.replace("<!-- Translate", "ᠵᠣᠬᠢᠶᠠᠨ ᠪᠠᠢᠭᠤᠯᠤᠯᠲᠠ᠃\n<!-- Translate"),
    )
    .unwrap();
    assert!(site
        .run(&["status"])
        .stdout
        .contains("mn     measures             3        0     2     0        1"));
    // Refuses to overwrite.
    site.run(&["new", "measures/organisation.md", "--lang", "mn"])
        .fails_with(2, &["already exists"]);
    // Changing the original makes the translation stale.
    let original = site.root().join("content/measures/organisation.md");
    let changed = std::fs::read_to_string(&original)
        .unwrap()
        .replace("小组", "小组和指挥部");
    std::fs::write(&original, changed).unwrap();
    let r = site.run(&["status"]);
    assert!(
        r.stdout
            .contains("mn     measures             3        0     1     1        1"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("stale: content/measures/organisation.mn.md (original changed; update it and set source_hash: "));
}

#[test]
fn new_page_gets_the_next_weight_and_today() {
    let site = SiteTest::new("bilingual");
    let r = site.run(&[
        "new",
        "content/measures/health.md",
        "--title",
        "组织健康扶贫",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(site.root().join("content/measures/health.md")).unwrap();
    assert!(
        text.contains("title: \"组织健康扶贫\"\nweight: 3\ndate: 20"),
        "{text}"
    );
    site.run(&["new", "measures/健康.md"])
        .fails_with(2, &["ASCII"]);
    site.build();
    assert!(site.has("measures/health/index.html"));
}

/// `aliases:` write redirect pages at old URLs, in the language of the file that
/// names them, kept out of the sitemap.
#[test]
fn aliases_redirect_old_urls_to_the_page() {
    let site = SiteTest::new("bilingual");
    let zh = std::fs::read_to_string(site.root().join("content/measures/finance.md")).unwrap();
    let mn = std::fs::read_to_string(site.root().join("content/measures/finance.mn.md")).unwrap();
    site.write(
        "content/measures/finance.md",
        zh.replacen("---\n", "---\naliases: [/2017/jinrong/, /old.html]\n", 1),
    );
    site.write(
        "content/measures/finance.mn.md",
        mn.replacen("---\n", "---\naliases: [\"/2017/ᠰᠠᠩᠬᠦᠦ/\"]\n", 1),
    );
    site.build();
    let redirect = site.read("2017/jinrong/index.html");
    assert!(
        redirect.contains(r#"url=https://example.org/measures/finance/""#),
        "{redirect}"
    );
    assert!(
        redirect.contains(r#"<link rel="canonical" href="https://example.org/measures/finance/">"#)
    );
    assert!(redirect.contains("noindex"));
    assert!(site.has("old.html"));
    let mn_redirect = site.read("mn/2017/ᠰᠠᠩᠬᠦᠦ/index.html");
    assert!(mn_redirect.contains("https://example.org/mn/measures/finance/"));
    assert!(!site.has("mn/2017/jinrong/index.html"));
    let sitemap = site.read("sitemap.xml");
    assert!(!sitemap.contains("2017/"), "{sitemap}");
}

#[test]
fn chinese_names_in_mongolian_summaries_keep_their_language() {
    let site = SiteTest::new("bilingual");
    site.build();
    let mn = site.read("mn/measures/index.html");
    let summary = mn
        .split("<p class=summary>")
        .nth(1)
        .and_then(|s| s.split("</p>").next())
        .unwrap_or_default();
    assert!(
        summary.contains(" <span lang=zh-Hans>包商银行</span> ᠡᠷᠬᠢᠯᠡᠭᠴᠢ"),
        "{summary}"
    );
    // Plain text where markup cannot go: the description.
    let page = site.read("mn/measures/finance/index.html");
    let meta = page
        .split("name=description>")
        .next()
        .and_then(|s| s.rsplit("<meta content=").next())
        .unwrap_or_default();
    assert!(
        meta.contains(" 包商银行 ") && !meta.contains("<span"),
        "{meta}"
    );
    // Atom carries it as escaped HTML (`type="html"`), never as raw markup.
    let feed = site.read("mn/atom.xml");
    assert!(!feed.contains("<span lang"), "{feed}");
    assert!(
        feed.contains("<summary type=\"html\">")
            && feed.contains(" &lt;span lang=&quot;zh-Hans&quot;&gt;包商银行&lt;/span&gt; "),
        "{feed}"
    );
    assert!(!site.read("atom.xml").contains("type=\"html\""));
    // Chinese summaries are Chinese already: no span.
    let zh = site.read("measures/index.html");
    assert!(zh.contains("<p class=summary>"), "{zh}");
    assert!(!zh.contains("<span lang=zh-Hans>"), "{zh}");
}

#[test]
fn glossary_pages_in_both_languages_with_switcher_and_footer_link() {
    let site = SiteTest::new("bilingual");
    site.build();
    assert!(
        !site.has("glossary/index.html"),
        "no glossary file, no page"
    );
    assert!(!site
        .read("measures/finance/index.html")
        .contains("footer-glossary"));
    site.write(
        "content/glossary.yaml",
        "- zh: 金融\n  mn: ᠰᠠᠩᠬᠦᠦ\n  note: { zh: 银行与保险, mn: ᠪᠠᠨᠺ }\n",
    );
    site.build();
    let zh = site.read("glossary/index.html");
    let mn = site.read("mn/glossary/index.html");
    assert!(zh.contains("<dt lang=zh-Hans>金融</dt>"), "{zh}");
    assert!(zh.contains("lang=mn-Mong>ᠰᠠᠩᠬᠦᠦ</dd>"), "{zh}");
    assert!(zh.contains("银行与保险") && mn.contains("lang=mn-Mong>ᠪᠠᠨᠺ</dd>"));
    assert!(zh.contains("<title>术语表"), "{zh}");
    assert!(
        mn.contains("<html class=wm-vertical-lr lang=mn-Mong>"),
        "{mn}"
    );
    // The switcher links each page to the other language's.
    assert!(
        zh.contains("<a href=/mn/glossary/ hreflang=mn-Mong"),
        "{zh}"
    );
    assert!(mn.contains("<a href=/glossary/ hreflang=zh-Hans"), "{mn}");
    // Every page's footer links this language's glossary.
    let page = site.read("mn/measures/finance/index.html");
    assert!(
        page.contains("footer-glossary><a href=/mn/glossary/>"),
        "{page}"
    );
    assert!(site
        .read("measures/finance/index.html")
        .contains("footer-glossary><a href=/glossary/>术语表</a>"));
    assert!(site.read("sitemap.xml").contains("/mn/glossary/"));
}
