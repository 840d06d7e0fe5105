//! The print edition: `/print/` (the report on one page), numbered tables and
//! charts with `ref()`, and the PDF link (fixture `print`: two chapters of one
//! page each, a table and a chart on each chapter's pages).

use std::collections::HashSet;

use crate::support::SiteTest;

/// The part of a page inside `<main>`.
fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>");
    &html[start..end]
}

/// Every `id` attribute value of minified HTML, in order.
fn ids(html: &str) -> Vec<String> {
    html.match_indices(" id=")
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            match rest.strip_prefix('"') {
                Some(quoted) => quoted[..quoted.find('"').unwrap()].to_string(),
                None => rest[..rest.find([' ', '>']).unwrap()].to_string(),
            }
        })
        .collect()
}

/// Where `needle` is in `html` (it must be there).
fn at(html: &str, needle: &str) -> usize {
    html.find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not found in:\n{html}"))
}

#[test]
fn print_page_holds_the_chapters_in_reading_order_with_a_numbered_toc() {
    let site = SiteTest::new("print");
    site.build();
    let page = site.read("print/index.html");
    let main = main_of(&page);
    // Cover: title, publisher, date.
    assert!(
        main.contains("<h1 class=cover-title>打印报告</h1>"),
        "{main}"
    );
    assert!(main.contains("测试出版者"));
    assert!(main.contains("2017年10月17日"));
    // Table of contents, in reading order, linking each chapter.
    let toc = &main[at(main, "class=print-toc")..at(main, "id=c-home")];
    let entries = [
        "<a href=#c-alpha><span class=chapter-number>1</span> <span>第一章</span>",
        "<a href=#c-alpha-one><span class=chapter-number>1.1</span> <span>第一节</span>",
        "<a href=#c-beta><span class=chapter-number>2</span> <span>第二章</span>",
        "<a href=#c-beta-two><span class=chapter-number>2.1</span> <span>第二节</span>",
    ];
    let positions: Vec<usize> = entries.iter().map(|e| at(toc, e)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{toc}");
    // Chapters: home, then each section and its page, headings numbered.
    let chapters = [
        "<section class=\"chapter chapter-level-0\" id=c-home>",
        "<section class=\"chapter chapter-level-1\" id=c-alpha><h2 class=chapter-title><span class=chapter-number>1</span> <span>第一章</span></h2>",
        "<section class=\"chapter chapter-level-2\" id=c-alpha-one><h3 class=chapter-title><span class=chapter-number>1.1</span> <span>第一节</span></h3>",
        "<section class=\"chapter chapter-level-1\" id=c-beta><h2 class=chapter-title><span class=chapter-number>2</span>",
        "<section class=\"chapter chapter-level-2\" id=c-beta-two><h3 class=chapter-title><span class=chapter-number>2.1</span>",
        "<section class=\"chapter print-sources\" id=print-sources>",
    ];
    let positions: Vec<usize> = chapters.iter().map(|c| at(main, c)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{main}");
    // The sources of the data, each table once.
    let sources = &main[positions[5]..];
    let cited = "内蒙古扶贫开发宣传平台，《脱贫攻坚综述》，2017年10月17日";
    assert_eq!(sources.matches(cited).count(), 2, "{sources}");
    assert!(!sources.contains("seeds/"), "{sources}");
    // Linked from the home page; a page of the sitemap.
    assert!(site.read("index.html").contains("href=/print/"));
    assert!(site.read("mn/index.html").contains("href=/mn/print/"));
    assert!(site
        .read("sitemap.xml")
        .contains("<loc>https://example.org/mn/print/</loc>"));
}

#[test]
fn links_between_chapters_stay_inside_the_document_and_ids_are_unique() {
    let site = SiteTest::new("print");
    site.build();
    let page = site.read("print/index.html");
    let main = main_of(&page);
    // Home → a heading of another page; a page → a section; a page → a page.
    assert!(
        main.contains("<a href=#c-beta-two:details>第二章细节</a>"),
        "{main}"
    );
    assert!(main.contains("<a href=#c-alpha>第一章</a>"));
    assert!(main.contains("<a href=#c-home:overview>首页概况</a>"));
    assert!(main.contains("<a href=#c-alpha-one>第一节</a>"));
    assert!(main.contains("id=c-beta-two:details"));
    for page_url in [
        "href=/alpha/",
        "href=/beta/",
        "href=/alpha/one/",
        "href=/beta/two/",
    ] {
        assert!(!main.contains(page_url), "{page_url} left in the document");
    }
    // The two `## 概况` of chapter 1 get the same id on their pages, not here.
    let all = ids(&page);
    let unique: HashSet<&String> = all.iter().collect();
    assert_eq!(unique.len(), all.len(), "repeated ids: {all:?}");
    let one = ids(&site.read("alpha/one/index.html"));
    let alpha = ids(&site.read("alpha/index.html"));
    let shared = one
        .iter()
        .find(|id| id.starts_with("h-") && alpha.contains(id));
    assert!(shared.is_some(), "{one:?} {alpha:?}");
    // Body headings move below their chapter's heading.
    assert!(main.contains(&format!("<h4 id=c-alpha-one:{}>概况</h4>", shared.unwrap())));
}

#[test]
fn mongolian_print_page_is_vertical_and_tags_chinese() {
    let site = SiteTest::new("print");
    site.build();
    let page = site.read("mn/print/index.html");
    assert!(
        page.contains("<html class=wm-vertical-lr lang=mn-Mong>"),
        "{}",
        &page[..200]
    );
    let main = main_of(&page);
    assert!(main.contains("<h1 class=cover-title>ᠬᠡᠪᠯᠡᠯ</h1>"), "{main}");
    // A fallback chapter shows the Chinese original, marked as such.
    assert!(main.contains("<span lang=zh-Hans>第一章</span>"), "{main}");
    assert!(main.contains("<div class=content lang=zh-Hans>"));
    // Mongolian labels in a translated chapter, links inside the document.
    assert!(
        main.contains("<a class=figure-ref href=#c-alpha:data-causes>ᠬᠦᠰᠦᠨᠦᠭ 1</a>"),
        "{main}"
    );
}

#[test]
fn tables_and_charts_are_numbered_in_reading_order_on_the_site_and_in_print() {
    let site = SiteTest::new("print");
    site.build();
    let alpha = site.read("alpha/index.html");
    assert!(
        alpha.contains("<figure class=data-table id=data-causes>"),
        "{alpha}"
    );
    assert!(alpha.contains("<caption><span class=figure-number>表1</span> 主要致贫原因 <a class=figure-link href=/data/causes/ title=数据表页面>链接</a></caption>"));
    let one = site.read("alpha/one/index.html");
    assert!(
        one.contains("<figure class=data-chart id=chart-headline-line>"),
        "{one}"
    );
    assert!(one.contains("<figcaption><span class=figure-number>图1</span> 贫困人口 <span class=chart-column>按「贫困人口」绘制</span> <a class=figure-link href=/data/headline/ title=数据表页面>链接</a></figcaption>"));
    let two = site.read("beta/two/index.html");
    assert!(
        two.contains("<caption><span class=figure-number>表2</span> 贫困人口 <a class=figure-link href=/data/headline/ title=数据表页面>链接</a></caption>"),
        "{two}"
    );
    let mn_two = site.read("mn/beta/two/index.html");
    assert!(
        mn_two
            .contains("<caption><span class=figure-number>ᠬᠦᠰᠦᠨᠦᠭ 2</span> ᠶᠠᠳᠠᠭᠤ ᠬᠦᠮᠦᠨ <a title="),
        "{mn_two}"
    );
    // The same numbers in print, in the same order.
    let page = site.read("print/index.html");
    let t1 = at(&page, "<span class=figure-number>表1</span> 主要致贫原因");
    let c1 = at(&page, "<span class=figure-number>图1</span> 贫困人口");
    let t2 = at(&page, "<span class=figure-number>表2</span> 贫困人口");
    assert!(t1 < c1 && c1 < t2);
    assert!(page.contains("<figure class=data-table id=c-beta-two:data-headline>"));
    // A fallback page shows the original's figure with the reader's number.
    let mn_alpha = site.read("mn/alpha/index.html");
    assert!(
        mn_alpha.contains("<span class=figure-number>表1</span>"),
        "{mn_alpha}"
    );
}

#[test]
fn ref_prints_the_number_linked_to_the_figure() {
    let site = SiteTest::new("print");
    site.build();
    let one = site.read("alpha/one/index.html");
    assert!(
        one.contains("如<a class=figure-ref href=/beta/two/#data-headline>表2</a>所示"),
        "{one}"
    );
    let alpha = site.read("alpha/index.html");
    assert!(
        alpha.contains("<a class=figure-ref href=/alpha/one/#chart-headline-line>图1</a>"),
        "{alpha}"
    );
    let mn_two = site.read("mn/beta/two/index.html");
    assert!(
        mn_two.contains("<a class=figure-ref href=/mn/alpha/#data-causes>ᠬᠦᠰᠦᠨᠦᠭ 1</a>"),
        "{mn_two}"
    );
    let page = site.read("print/index.html");
    assert!(page.contains("<a class=figure-ref href=#c-beta-two:data-headline>表2</a>"));
    assert!(page.contains("<a class=figure-ref href=#c-alpha-one:chart-headline-line>图1</a>"));
}

#[test]
fn unknown_ref_is_an_error_at_its_line() {
    let site = SiteTest::new("print");
    site.write(
        "content/beta/_index.md",
        "---\ntitle: 第二章\nweight: 2\n---\n\n见{{ ref(table=\"nope\") }}。\n\n{{ ref(chart=\"causes\") }}\n",
    );
    site.run(&["build"]).fails_with(
        1,
        &[
            "content/beta/_index.md:6:2:",
            "data table `nope`",
            "content/beta/_index.md:8:1:",
            "chart of data table `causes`",
        ],
    );
    assert!(!site.has("index.html"), "nothing written");
}

/// The shipped theme's home page and print page of the fixture rendered in
/// memory, with the given PDF sizes.
fn rendered(site: &SiteTest, sizes: Vec<Option<u64>>) -> Vec<(String, String)> {
    let loaded = bichig::load(site.root(), None).unwrap();
    let mut resolved = bichig::resolve_site(loaded, false).unwrap();
    resolved.pdf_sizes = sizes;
    let generated = bichig::render_site(resolved).unwrap();
    generated
        .files
        .into_iter()
        .filter_map(|f| match f.contents {
            bichig::output::files::Contents::Html(html) => Some((f.path, html)),
            // Pages are minified as they are rendered.
            bichig::output::files::Contents::Bytes(b) if f.path.ends_with(".html") => {
                Some((f.path, String::from_utf8(b).unwrap()))
            }
            _ => None,
        })
        .collect()
}

fn file<'a>(files: &'a [(String, String)], path: &str) -> &'a str {
    &files.iter().find(|(p, _)| p == path).unwrap().1
}

#[test]
fn pdf_link_shows_its_size_only_when_the_size_is_known() {
    let site = SiteTest::new("print");
    let none = rendered(&site, vec![None, None]);
    for (path, html) in &none {
        assert!(!html.contains(".pdf"), "{path} links a PDF of unknown size");
    }
    let some = rendered(&site, vec![Some(1_800_000), None]);
    let home = file(&some, "index.html");
    assert!(
        home.contains(
            "<a class=pdf-link href=/report.zh.pdf type=application/pdf>下载 PDF（1.8 MB）</a>"
        ),
        "{home}"
    );
    assert!(file(&some, "print/index.html").contains("href=/report.zh.pdf"));
    for (path, html) in some.iter().filter(|(p, _)| p.starts_with("mn/")) {
        assert!(
            !html.contains(".pdf"),
            "{path}: the Mongolian PDF has no size"
        );
    }
    let mn = rendered(&site, vec![None, Some(45_300)]);
    assert!(file(&mn, "mn/index.html").contains("PDF ᠪᠠᠭᠤᠯᠭᠠᠬᠤ (45 KB)</a>"));
    assert!(!file(&mn, "index.html").contains(".pdf"));
}

#[test]
fn series_index_links_the_pdf_when_its_size_is_known() {
    let site = SiteTest::new("series");
    let files = rendered(&site, vec![Some(2_000_000), Some(2_000_000)]);
    let index = file(&files, "series/day/index.html");
    assert!(
        index.contains(
            "<a class=pdf-link href=/report.zh.pdf type=application/pdf>下载 PDF（2.0 MB）</a>"
        ),
        "{index}"
    );
    assert!(file(&files, "mn/series/day/index.html").contains("href=/mn/report.mn.pdf"));
    // Other sections do not.
    assert!(!file(&files, "articles/index.html").contains(".pdf"));
    let none = rendered(&site, vec![None, None]);
    assert!(!file(&none, "series/day/index.html").contains(".pdf"));
}
