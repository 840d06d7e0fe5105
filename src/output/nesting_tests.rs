use super::*;

fn depth(html: &str) -> usize {
    // The deepest nesting is the smallest limit that is not passed.
    (0..).find(|&l| too_deep(html, l).is_none()).unwrap_or(0)
}

#[test]
fn counts_open_elements() {
    assert_eq!(depth("text"), 0);
    assert_eq!(depth("<p>a</p><p>b</p>"), 1);
    assert_eq!(depth("<div><p><em>a</em></p></div>"), 3);
    let deep = "<div>".repeat(5000);
    assert_eq!(too_deep(&deep, 4999).map(|d| d.depth), Some(5000));
    assert_eq!(too_deep(&deep, 5000), None);
}

#[test]
fn void_comments_and_raw_text_do_not_nest() {
    assert_eq!(depth("<p><br><img src=x><hr></p>"), 1);
    assert_eq!(
        depth("<!doctype html><!-- <div><div> --><?x <div> ?><p>a</p>"),
        1
    );
    assert_eq!(depth("<script>if (a<b) { '<div><div>' }</script>"), 1);
    assert_eq!(depth("<style>a<b{}</style><title><i><i></title>"), 1);
    assert_eq!(depth("<p title=\"<div><div>\" data-x='>'>a</p>"), 1);
}

#[test]
fn closing_rules_follow_minify_html() {
    // Omitted closing tags, as minify-html reads them.
    assert_eq!(depth("<ul><li>a<li>b<li>c</ul>"), 2);
    assert_eq!(depth("<p>a<p>b<p>c"), 1);
    assert_eq!(depth("<table><tr><td>a<td>b</tr><tr><td>c</table>"), 3);
    // A closing tag that does not close the current element is dropped, so
    // the elements after it nest inside.
    assert_eq!(depth("<blockquote><span></blockquote><p>x</p>"), 3);
    assert_eq!(depth("</div></div><div>a</div>"), 1);
    // Self-closing only counts in SVG.
    assert_eq!(depth("<svg><g><path/><path/><path/></g></svg>"), 2);
    assert_eq!(depth("<div/><div/>"), 2);
}

#[test]
fn never_below_minify_html_on_odd_markup() {
    // Every case minify-html parses is at most as deep as scanned: the parse
    // would overflow a small stack if the scan said otherwise.
    for html in [
        "<div><span></div></span>".repeat(50),
        "<li><p>a".repeat(50),
        "<DIV>".repeat(50) + &"</div>".repeat(50),
        "<a href=x/>".repeat(50),
        "<td><tr>".repeat(50),
    ] {
        let scanned = depth(&html);
        let out = minify_html::minify(html.as_bytes(), &minify_html::Cfg::default());
        assert!(scanned >= depth(&String::from_utf8_lossy(&out)), "{html}");
    }
}

#[test]
fn names_what_is_nested_most() {
    let quotes = "<blockquote>".repeat(300) + "<p>x</p>";
    let d = too_deep(&quotes, 128).unwrap();
    assert_eq!(
        (d.what.as_str(), d.count, d.depth),
        ("blockquotes", 300, 301)
    );
    assert_eq!(d.offset, 128 * "<blockquote>".len());
    let lists = "<ul><li>".repeat(100);
    let d = too_deep(&lists, 128).unwrap();
    assert_eq!((d.what.as_str(), d.count, d.depth), ("lists", 100, 200));
    let em = "<p>".to_string() + &"<em><strong>".repeat(200);
    let d = too_deep(&em, 128).unwrap();
    assert_eq!((d.what.as_str(), d.count), ("emphasis", 400));
    let divs = "<div>".repeat(200);
    assert_eq!(too_deep(&divs, 128).unwrap().what, "`<div>` elements");
    assert!(too_deep(&divs, 200).is_none());
}
