//! Feeds, sitemap alternates, Open Graph, JSON-LD, tags and pagination.

use crate::support::SiteTest;

#[test]
fn atom_feed_per_language() {
    let site = SiteTest::new("bilingual");
    site.build();
    let zh = site.read("atom.xml");
    assert!(zh.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-Hans\">"));
    assert!(zh.contains("<link href=\"https://example.org/measures/finance/\"/>"));
    let mn = site.read("mn/atom.xml");
    assert!(mn.contains("<link href=\"https://example.org/mn/measures/finance/\"/>"));
    assert!(
        mn.contains("<entry xml:lang=\"zh-Hans\">"),
        "a fallback entry is marked Chinese"
    );
    assert!(site.read("mn/index.html").contains("href=/mn/atom.xml"));
}

#[test]
fn sitemap_has_hreflang_alternates() {
    let site = SiteTest::new("bilingual");
    site.build();
    let xml = site.read("sitemap.xml");
    let entry = xml
        .lines()
        .find(|l| l.contains("<loc>https://example.org/mn/measures/finance/</loc>"))
        .unwrap();
    assert!(
        entry.contains("hreflang=\"zh-Hans\" href=\"https://example.org/measures/finance/\""),
        "{entry}"
    );
    assert!(
        entry.contains("hreflang=\"mn-Mong\" href=\"https://example.org/mn/measures/finance/\"")
    );
    assert!(entry.contains("hreflang=\"x-default\" href=\"https://example.org/measures/finance/\""));
}

#[test]
fn open_graph_and_json_ld() {
    let site = SiteTest::new("basic");
    site.build();
    let html = site.read("measures/finance/index.html");
    assert!(
        html.contains("<meta content=article property=og:type>"),
        "{html}"
    );
    assert!(html
        .contains("<meta content=https://example.org/report/measures/finance/ property=og:url>"));
    let json = html
        .split("<script type=application/ld+json>")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(v["@type"], "Article");
    assert_eq!(
        v["headline"], "金融扶贫 <script>",
        "the title's <script> stays text inside JSON"
    );
    assert!(!json.contains('<'));
    let data = SiteTest::new("data");
    data.build();
    let page = data.read("data/causes/index.html");
    let json = page
        .split("<script type=application/ld+json>")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(v["@type"], "Dataset");
    assert_eq!(
        v["distribution"][0]["contentUrl"],
        "https://example.org/data/causes/causes.csv"
    );
}

#[test]
fn tags_have_term_pages() {
    let site = SiteTest::new("basic");
    site.build();
    let page = site.read("measures/finance/index.html");
    assert!(
        page.contains("<a href=/report/tags/金融/ rel=tag>金融</a>"),
        "{page}"
    );
    let term = site.read("tags/金融/index.html");
    assert!(term.contains("href=/report/measures/finance/"));
    let index = site.read("tags/index.html");
    assert!(index.contains("金融 (1)") && index.contains("贷款 (1)"));
}

#[test]
fn section_listings_are_paginated() {
    let site = SiteTest::new("series");
    site.add_config("paginate_by: 2\n");
    site.build();
    let first = site.read("articles/index.html");
    assert!(first.contains("href=/articles/a2015/") && first.contains("href=/articles/b2017/"));
    assert!(
        !first.contains("href=/articles/c2017/") && !first.contains("href=/articles/other/"),
        "the third and fourth pages are on page 2: {first}"
    );
    assert!(
        first.contains("<a href=/articles/page/2/ rel=next>"),
        "{first}"
    );
    let second = site.read("articles/page/2/index.html");
    assert!(second.contains("href=/articles/c2017/") && second.contains("href=/articles/other/"));
    assert!(second.contains("<link href=https://example.org/articles/page/2/ rel=canonical>"));
    assert!(second.contains("<span aria-current=page>2</span>"));
}

#[test]
fn home_cards_list_a_listing_page_of_pages_and_link_the_rest() {
    let site = SiteTest::new("series");
    let config = site.add_config("paginate_by: 2\n");
    site.build();
    let home = site.read("index.html");
    let card = home
        .split("<section class=card>")
        .skip(1)
        .find(|c| c.contains("href=/articles/>"))
        .unwrap();
    let listed = ["a2015", "b2017", "c2017", "other"]
        .iter()
        .filter(|p| card.contains(&format!("href=/articles/{p}/")))
        .count();
    assert_eq!(listed, 2, "{card}");
    assert!(
        card.contains("<a href=/articles/>查看全部 (4)</a>"),
        "{card}"
    );
    // Unpaginated, a card lists every page and needs no link.
    site.write("site.yaml", &config);
    site.build();
    let home = site.read("index.html");
    assert!(home.contains("href=/articles/other/") && !home.contains("查看全部"));
}

#[test]
fn tag_term_pages_are_paginated_like_sections() {
    let site = SiteTest::paginated_basic();
    site.build();
    let first = site.read("tags/金融/index.html");
    let second = site.read("tags/金融/page/2/index.html");
    let count = |html: &str| {
        [
            "href=/report/measures/finance/",
            "href=/report/measures/organisation/",
        ]
        .iter()
        .filter(|l| html.contains(*l))
        .count()
    };
    assert_eq!((count(&first), count(&second)), (1, 1), "{first}\n{second}");
    assert!(
        second.contains("/report/tags/金融/page/2/ rel=canonical>"),
        "{second}"
    );
    assert!(site.read("tags/index.html").contains("金融 (2)"));
}
