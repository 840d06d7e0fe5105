use super::*;
use std::path::Path;

fn config() -> Config {
    let src = "title: T\nbase_url: https://e.org/r/\nlanguages:\n  zh: {name: 中文, tag: zh-Hans}\n  mn: {name: M, tag: mn-Mong}\n";
    Config::parse(src, Path::new("site.yaml")).unwrap()
}

fn page(rel: &str, front: &str) -> SourcePage {
    // A translation needs text of its language, or it is published as a fallback.
    let body = if rel.contains(".mn.") {
        "ᠲᠡᠺᠰᠲ"
    } else {
        "body"
    };
    let src = format!("---\ntitle: {rel}\n{front}\n---\n{body}");
    SourcePage::parse(rel, Path::new(rel), &src, "zh").unwrap()
}

fn site(files: &[(&str, &str)]) -> Site {
    let sources = files.iter().map(|(rel, front)| page(rel, front)).collect();
    resolve(config(), sources, &[], false).unwrap()
}

const ZH: LangId = LangId::DEFAULT;

fn mn(site: &Site) -> LangId {
    site.lang_by_code("mn").unwrap().id
}

#[test]
fn urls_parents_order_and_fallbacks() {
    let site = site(&[
        ("_index.md", ""),
        ("m/_index.md", ""),
        ("m/b.md", "weight: 2"),
        ("m/a.md", "weight: 1"),
        ("m/c.md", ""),
        ("m/a.mn.md", "translation: draft"),
        ("m/d.md", "draft: true"),
    ]);
    let mn = mn(&site);
    let a = site.lookup("m/a.md", ZH).unwrap();
    assert_eq!(a.url, "/r/m/a/");
    assert_eq!(a.permalink, "https://e.org/r/m/a/");
    assert_eq!(a.out_path, "m/a/index.html");
    let a_mn = site.lookup("m/a.md", mn).unwrap();
    assert_eq!((a_mn.url.as_str(), a_mn.fallback), ("/r/mn/m/a/", false));
    assert_eq!(a_mn.text_lang, mn);
    let b_mn = site.lookup("m/b.md", mn).unwrap();
    assert!(b_mn.fallback);
    assert_eq!((b_mn.lang, b_mn.text_lang), (mn, ZH));
    assert!(site.lookup("m/d.md", ZH).is_none(), "drafts are left out");
    let m = site.lookup("m/_index.md", ZH).unwrap();
    let order: Vec<&str> = m
        .pages
        .iter()
        .map(|&i| site.entries[i].key.as_str())
        .collect();
    assert_eq!(order, ["m/a.md", "m/b.md", "m/c.md"]);
    assert_eq!(site.home(ZH).sections.len(), 1);
    assert_eq!(site.default_lang().menu, site.home(ZH).sections);
    assert_eq!(site.lang(mn).feed.url, "/r/mn/atom.xml");
    assert_eq!(
        site.lang(mn).not_found.permalink,
        "https://e.org/r/mn/404.html"
    );
    assert_eq!(site.lang(ZH).search_index.out_path, "search/index.json");
}

#[test]
fn duplicate_urls_name_both_files() {
    let e = resolve(
        config(),
        vec![
            page("_index.md", ""),
            page("x.md", ""),
            page("y.md", "slug: x"),
        ],
        &[],
        false,
    )
    .unwrap_err();
    assert_eq!(e.len(), 1);
    // Originals are taken in key order: `y.md` is the second to claim /x/.
    assert_eq!(e[0].path, Path::new("y.md"));
    assert_eq!(e[0].message, "URL /x/ is also produced by x.md");
}

#[test]
fn unknown_language_and_missing_home() {
    let e = resolve(config(), vec![page("a.fr.md", "")], &[], false).unwrap_err();
    assert!(e.iter().any(|d| d.message.contains("`fr`")));
    assert!(e.iter().any(|d| d.message.contains("home page")));
}

#[test]
fn reading_order_merges_pages_and_sections_by_weight() {
    let s = site(&[
        ("_index.md", ""),
        ("a/_index.md", "weight: 1"),
        ("a/p1.md", "weight: 1"),
        ("a/sub/_index.md", "weight: 2"),
        ("a/sub/q.md", "weight: 1"),
        ("a/p3.md", "weight: 3"),
        ("b/_index.md", "weight: 2"),
        ("series/x/_index.md", "weight: 3"),
    ]);
    let name = |i: Option<usize>| i.map(|i| s.entries[i].key.as_str());
    let at = |k: &str| s.lookup(k, ZH).unwrap();
    assert_eq!(name(at("_index.md").prev), None);
    assert_eq!(name(at("a/p1.md").next), Some("a/sub/_index.md"));
    assert_eq!(name(at("a/sub/q.md").next), Some("a/p3.md"));
    assert_eq!(name(at("a/p3.md").next), Some("b/_index.md"));
    assert_eq!(
        name(at("b/_index.md").next),
        None,
        "series indexes are not chapters"
    );
}

#[test]
fn installments_by_edition_and_order() {
    let s = site(&[
        ("_index.md", ""),
        (
            "series/day/_index.md",
            "recurring: { first_year: 2014, month: 10, day: 17 }",
        ),
        ("a.md", "date: 2017-10-17\nseries: { id: day, order: 2 }"),
        ("b.md", "date: 2017-10-17\nseries: { id: day, order: 1 }"),
        ("c.md", "date: 2015-10-17\nseries: { id: day, order: 1 }"),
    ]);
    let day = s.series.iter().find(|x| x.lang == ZH).unwrap();
    let keys: Vec<&str> = day
        .installments
        .iter()
        .map(|x| s.entries[x.entry].key.as_str())
        .collect();
    assert_eq!(keys, ["c.md", "b.md", "a.md"]);
    assert_eq!(day.installments[1].year, 2017);
    let years: Vec<(i64, Option<i64>)> = day.editions.iter().map(|e| (e.year, e.number)).collect();
    assert_eq!(years, [(2017, Some(4)), (2015, Some(2))], "newest first");
    assert_eq!(
        day.editions[0].date.map(|d| d.to_string()).as_deref(),
        Some("2017-10-17")
    );
    let next = day.next.expect("a recurring series has a next edition");
    assert_eq!(
        (next.number, next.date.to_string()),
        (5, "2018-10-17".to_string())
    );
    let b = s.lookup("b.md", ZH).unwrap();
    assert_eq!(b.series.map(|p| p.pos), Some(1));
    assert!(s
        .lookup("series/day/_index.md", ZH)
        .unwrap()
        .series_index_of
        .is_some());
}

#[test]
fn a_translated_series_index_follows_the_originals_recurring() {
    let s = site(&[
        ("_index.md", ""),
        ("_index.mn.md", ""),
        (
            "series/day/_index.md",
            "recurring: { first_year: 2014, month: 10, day: 17 }",
        ),
        ("series/day/_index.mn.md", ""),
        ("a.md", "date: 2017-10-17\nseries: { id: day, order: 1 }"),
        ("a.mn.md", "date: 2017-10-17\nseries: { id: day, order: 1 }"),
    ]);
    let m = mn(&s);
    let day = s.series.iter().find(|x| x.lang == m).unwrap();
    assert_eq!(day.editions[0].number, Some(4));
    assert_eq!(
        day.next.map(|n| n.date.to_string()).as_deref(),
        Some("2018-10-17")
    );
}

#[test]
fn unknown_series_or_missing_date_is_an_error() {
    let e = resolve(
        config(),
        vec![
            page("_index.md", ""),
            page("a.md", "series: { id: nope, order: 1 }"),
        ],
        &[],
        false,
    )
    .unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].message, "series `nope` has no index");
    let e = resolve(
        config(),
        vec![
            page("_index.md", ""),
            page("series/day/_index.md", ""),
            page("a.md", "series: { id: day, order: 1 }"),
        ],
        &[],
        false,
    )
    .unwrap_err();
    assert_eq!(e.len(), 1);
    assert!(e[0].message.contains("needs a `date`"), "{}", e[0].message);
}

#[test]
fn tags_data_and_listing_pages() {
    let src = "title: T\nbase_url: https://e.org/\npaginate_by: 2\nlanguages:\n  zh: {name: 中文, tag: zh-Hans}\n  mn: {name: M, tag: mn-Mong}\n";
    let config = Config::parse(src, Path::new("site.yaml")).unwrap();
    let sources = vec![
        page("_index.md", ""),
        page("m/_index.md", ""),
        page("m/a.md", "tags: [金融扶贫, Micro Loans]"),
        page("m/b.md", "tags: [金融扶贫]"),
        page("m/c.md", ""),
    ];
    let site = resolve(config, sources, &["causes"], false).unwrap();
    let mn = mn(&site);
    let m = site.lookup("m/_index.md", mn).unwrap();
    let urls: Vec<&str> = m.listing.iter().map(|t| t.url.as_str()).collect();
    assert_eq!(urls, ["/mn/m/", "/mn/m/page/2/"]);
    let terms: Vec<(&str, usize)> = site
        .lang(mn)
        .tags
        .iter()
        .map(|t| (t.slug.as_str(), t.entries.len()))
        .collect();
    assert_eq!(terms, [("micro-loans", 1), ("金融扶贫", 2)]);
    let a = site.lookup("m/a.md", mn).unwrap();
    assert_eq!(a.tags[0].url.as_deref(), Some("/mn/tags/金融扶贫/"));
    let d = &site.lang(mn).data[0];
    assert_eq!(d.page.url, "/mn/data/causes/");
    assert_eq!(d.csv.out_path, "mn/data/causes/causes.csv");
    assert_eq!(d.xlsx.url, "/mn/data/causes/causes.xlsx");
    assert_eq!(d.json.out_path, "mn/data/causes/causes.json");
    assert_eq!(
        d.csvw.permalink,
        "https://e.org/mn/data/causes/causes.csv-metadata.json"
    );
    let kinds: Vec<&str> = d.downloads().iter().map(|(k, _)| *k).collect();
    assert_eq!(kinds, ["csv", "xlsx", "json", "csvw"]);
}

#[test]
fn print_page_and_pdf_per_language() {
    let site = site(&[("_index.md", "")]);
    let mn = mn(&site);
    let zh = site.lang(ZH);
    assert_eq!(zh.print.url, "/r/print/");
    assert_eq!(zh.print.out_path, "print/index.html");
    assert_eq!(zh.pdf.url, "/r/report.zh.pdf");
    assert_eq!(zh.pdf.out_path, "report.zh.pdf");
    assert_eq!(site.lang(mn).print.out_path, "mn/print/index.html");
    assert_eq!(site.lang(mn).pdf.url, "/r/mn/report.mn.pdf");
    assert_eq!(site.lang(mn).pdf.out_path, "mn/report.mn.pdf");
    assert_eq!(
        site.lang(mn).pdf.permalink,
        "https://e.org/r/mn/report.mn.pdf"
    );
}

#[test]
fn figures_are_numbered_per_language_in_reading_order() {
    let page = |rel: &str, front: &str, body: &str| {
        let src = format!("---\ntitle: {rel}\n{front}\n---\n{body}");
        SourcePage::parse(rel, Path::new(rel), &src, "zh").unwrap()
    };
    let sources = vec![
        page("_index.md", "", "{{ chart(id=\"a\", kind=\"line\") }}"),
        // Listed first on disk, read second.
        page("m/b.md", "weight: 2", "{{ table(id=\"a\") }}\n{{ table(id=\"b\") }}"),
        page(
            "m/a.md",
            "weight: 1",
            "{{ table(id=\"b\") }} {{ table(id=\"nope\") }} `{{ table(id=\"a\") }}`\n\n{{ table(id=\"b\") }}\n{{ chart(id=\"b\") }}",
        ),
        page("m/_index.md", "", ""),
        page("m/a.mn.md", "translation: draft\nweight: 1", "{{ table(id=\"a\") }}"),
    ];
    let site = resolve(config(), sources, &["a", "b"], false).unwrap();
    let zh = &site.lang(ZH).figures;
    let shown: Vec<(FigureKind, &str, usize, &str, &str)> = zh
        .list
        .iter()
        .map(|f| {
            let e = &site.entries[f.entry];
            (
                f.kind,
                f.table.as_str(),
                f.number,
                e.key.as_str(),
                f.anchor.as_str(),
            )
        })
        .collect();
    use FigureKind::{Chart, Table};
    assert_eq!(
        shown,
        [
            (Chart, "a", 1, "_index.md", "chart-a-line"),
            (Table, "b", 1, "m/a.md", "data-b"),
            (Table, "b", 2, "m/a.md", "data-b-2"),
            (Chart, "b", 2, "m/a.md", "chart-b-bar"),
            (Table, "a", 3, "m/b.md", "data-a"),
            (Table, "b", 4, "m/b.md", "data-b"),
        ]
    );
    assert_eq!(zh.first(Table, "b").map(|f| f.number), Some(1));
    assert_eq!(zh.first(Chart, "b").map(|f| f.number), Some(2));
    assert!(zh.first(Table, "nope").is_none());
    let a = site.index_of("m/a.md", ZH).unwrap();
    assert_eq!(zh.of_entry(a).count(), 3);
    // Mongolian: its own translation of m/a.md, the fallback of m/b.md.
    let mn = &site.lang(mn(&site)).figures;
    let numbers: Vec<(FigureKind, &str, usize)> = mn
        .list
        .iter()
        .map(|f| (f.kind, f.table.as_str(), f.number))
        .collect();
    assert_eq!(
        numbers,
        [
            (Chart, "a", 1),
            (Table, "a", 1),
            (Table, "a", 2),
            (Table, "b", 3)
        ]
    );
    let reading: Vec<&str> = site
        .lang(ZH)
        .reading_order
        .iter()
        .map(|&i| site.entries[i].key.as_str())
        .collect();
    assert_eq!(reading, ["_index.md", "m/_index.md", "m/a.md", "m/b.md"]);
}

#[test]
fn unwritten_translations_are_fallbacks() {
    let mut sources: Vec<SourcePage> = [("_index.md", ""), ("a.md", ""), ("b.md", "")]
        .iter()
        .map(|(rel, front)| page(rel, front))
        .collect();
    let scaffold =
        "---\ntitle: a\ntranslation: draft\n---\n\n<!-- Translate content/a.md here. -->\n";
    sources.push(SourcePage::parse("a.mn.md", Path::new("a.mn.md"), scaffold, "zh").unwrap());
    sources.push(page("b.mn.md", ""));
    let site = resolve(config(), sources, &[], false).unwrap();
    let mn = mn(&site);
    let a = site.lookup("a.md", mn).unwrap();
    assert!(a.fallback);
    assert_eq!(site.source(a).path, Path::new("a.md"));
    assert_eq!(a.text_lang, ZH);
    assert!(!site.lookup("b.md", mn).unwrap().fallback);
    assert_eq!(site.unwritten.len(), 1);
    assert_eq!(site.sources[site.unwritten[0]].path, Path::new("a.mn.md"));
}
