//! Series (editions and installments) and reading order.

use crate::support::SiteTest;

#[test]
fn series_index_lists_editions_with_numbers_and_installments_in_order() {
    let site = SiteTest::new("series");
    site.build();
    let html = site.read("series/day/index.html");
    let pos = |s: &str| {
        html.find(s)
            .unwrap_or_else(|| panic!("{s} missing in {html}"))
    };
    assert!(
        pos("2017 · 第4届") < pos("2015 · 第2届"),
        "newest edition first"
    );
    assert!(html.contains("<time datetime=2017-10-17>2017年10月17日</time>"));
    assert!(
        pos("/articles/b2017/") < pos("/articles/c2017/"),
        "installments in order"
    );
    assert!(!html.contains("/articles/other/"));
    let mn = site.read("mn/series/day/index.html");
    assert!(
        mn.contains("4\u{202F}ᠳ᠋ᠦ᠋ᠭᠡᠷ"),
        "Mongolian ordinal of 4 (dörben: front vowels)"
    );
    assert!(mn.contains("href=/mn/articles/b2017/"));
}

#[test]
fn installments_link_to_previous_and_next_in_the_series() {
    let site = SiteTest::new("series");
    site.build();
    let b = site.read("articles/b2017/index.html");
    assert!(
        b.contains("<a href=/series/day/>全国扶贫日</a> · 第4届"),
        "{b}"
    );
    assert!(b.contains("<a href=/articles/a2015/ rel=prev>二〇一五年综述</a>"));
    assert!(b.contains("<a href=/articles/c2017/ rel=next>二〇一七年专题</a>"));
    let a = site.read("articles/a2015/index.html");
    assert!(!a.contains("rel=prev"));
    let other = site.read("articles/other/index.html");
    assert!(!other.contains("series-nav"));
}

#[test]
fn chapters_have_previous_and_next_in_reading_order() {
    let site = SiteTest::new("series");
    site.build();
    let c = site.read("articles/c2017/index.html");
    assert!(c.contains("pager-prev"), "{c}");
    assert!(c.contains("href=/articles/b2017/>二〇一七年综述</a>"));
    assert!(c.contains("href=/articles/other/>非系列文章</a>"));
    let home = site.read("index.html");
    assert!(
        home.contains("href=/articles/>文章</a>"),
        "home's next is the first section"
    );
    assert!(
        home.contains("href=/series/day/"),
        "home links to the series index"
    );
}

#[test]
fn an_installment_of_an_unknown_series_is_an_error() {
    let site = SiteTest::new("series");
    site.write(
        "content/articles/bad.md",
        "---\ntitle: 坏\ndate: 2017-10-17\nseries: { id: nope, order: 1 }\n---\n",
    );
    site.run(&["build"]).fails_with(
        1,
        &["content/articles/bad.md", "series `nope` has no index"],
    );
}
