use super::*;

/// minify-html as the pages were minified before, the reference the
/// streaming minifier is held to.
pub(crate) fn reference(html: &[u8]) -> Vec<u8> {
    let cfg = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        minify_css: false,
        minify_js: false,
        ..minify_html::Cfg::default()
    };
    minify_html::minify(html, &cfg)
}

fn ours(html: &str) -> String {
    String::from_utf8(minify_html(html)).unwrap()
}

/// Our output is minify-html's, byte for byte.
fn same_as_reference(html: &str) -> String {
    let out = ours(html);
    let want = reference(html.as_bytes());
    assert_eq!(out, String::from_utf8_lossy(&want), "input: {html:?}");
    out
}

#[test]
fn collapses_whitespace_but_keeps_text() {
    let html = "<!doctype html><html lang=\"zh-Hans\"><body>\n  <p>金融   扶贫</p>\n</body></html>";
    let out = same_as_reference(html);
    assert_eq!(
        out,
        "<!doctype html><html lang=zh-Hans><body><p>金融 扶贫</p></body></html>"
    );
}

#[test]
fn inline_whitespace_stays_and_layout_whitespace_goes() {
    let html = "<ul>\n  <li> <a href=\"/a/\">甲</a> <a href=\"/b/\">乙</a> </li>\n</ul>\n\
                <p>\n text <em>em</em>\n more \n</p><div>  <span>x</span>  </div>";
    let out = same_as_reference(html);
    assert_eq!(
        out,
        "<ul><li><a href=/a/>甲</a> <a href=/b/>乙</a></li></ul>\
         <p>text <em>em</em> more</p><div><span>x</span></div>"
    );
}

#[test]
fn pre_code_script_and_textarea_keep_their_text() {
    let html = "<pre>  a\n   b <b> c  </b>\n</pre><code>x   y</code>\
                <script type=\"application/ld+json\">{\"a\":  \"<b>\"}</script>\
                <textarea>  t\n </textarea><title> T  </title><style>a  { }</style>";
    let out = same_as_reference(html);
    assert!(out.contains("<pre>  a\n   b <b> c  </b>\n</pre>"), "{out}");
    assert!(out.contains("<code>x   y</code>"), "{out}");
    assert!(out.contains("{\"a\":  \"<b>\"}</script>"), "{out}");
    assert!(out.contains("<textarea>  t\n </textarea>"), "{out}");
}

#[test]
fn attributes_are_unquoted_collapsed_or_dropped_where_that_changes_nothing() {
    let html = "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
                <div class=\" a   b \" id=\"x\" title=\"two words\" data-x=\"\" hidden=\"hidden\">\
                <script type=\"text/javascript\" src=\"/j.js\" defer=\"\"></script>\
                <a title='say \"hi\"' href=\"/?a=1&amp;b=2\">x</a></div>";
    let out = same_as_reference(html);
    assert_eq!(
        out,
        "<meta content=\"width=device-width,initial-scale=1\" name=viewport>\
         <div class=\"a b\" title=\"two words\" data-x hidden id=x>\
         <script defer src=/j.js></script>\
         <a href=\"/?a=1&b=2\" title='say \"hi\"'>x</a></div>"
    );
}

#[test]
fn text_entities_take_their_short_form_only_where_unambiguous() {
    let html =
        "<p>&quot;引&quot; &#39;a&#39; 1 &gt; 0 &lt;b&gt; AT&amp;T &amp;amp; &amp;#1; &amp; x</p>";
    let out = same_as_reference(html);
    assert_eq!(
        out,
        "<p>\"引\" 'a' 1 > 0 &lt;b> AT&T &amp;amp; &amp;#1; & x</p>"
    );
}

#[test]
fn svg_tags_in_lower_case_keep_self_closing() {
    let html = "<figure>\n<svg viewBox=\"0 0 10 10\">\n  <linearGradient id=\"g\"/>\n  \
                <rect x=\"1\" y=\"2\"/>\n  <text x=\"1\"> 甲 乙 </text>\n</svg>\n</figure>";
    let out = same_as_reference(html);
    assert_eq!(
        out,
        "<figure><svg viewbox=\"0 0 10 10\"><lineargradient id=g /><rect x=1 y=2 />\
         <text x=1>甲 乙</text></svg></figure>"
    );
}

#[test]
fn comments_go_and_odd_markup_survives() {
    // minify-html keeps the text on each side of a comment apart (`a  b`),
    // and reads its own output as one text node: so compare with its output.
    let html = "<p>a <!-- c --> b</p><p>1 < 2 and 3<4</p><br/><img src=\"i.png\" alt=\"\"/>";
    assert_eq!(
        ours(html),
        "<p>a  b</p><p>1 &lt; 2 and 3&lt;4</p><br><img alt src=i.png>"
    );
    let html = "<p>1 < 2</p><br/><img src=\"i.png\" alt=\"\"/><!-- end -->";
    assert_eq!(
        same_as_reference(html),
        "<p>1 &lt; 2</p><br><img alt src=i.png>"
    );
}

#[test]
fn unreadable_markup_is_kept_as_it_is() {
    // An unclosed quote: the rest of the document is copied unchanged.
    let html = "<p>a   b</p><a href=\"x>y  z";
    assert_eq!(ours(html), "<p>a b</p><a href=\"x>y  z");
    // A closing tag with no opening one, and one never closed.
    assert_eq!(ours("<div> x </span> </div>"), "<div>x </span></div>");
    assert_eq!(ours("<p>  a"), "<p>a");
}

#[test]
fn deep_nesting_needs_no_deep_stack() {
    let depth = 100_000;
    let html = format!(
        "<!doctype html><html><body>{}x{}</body></html>",
        "<div>\n".repeat(depth),
        "</div>\n".repeat(depth)
    );
    let out = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || minify_html(&html))
        .unwrap()
        .join()
        .unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("<div><div>x</div></div>"), "not minified");
    assert_eq!(
        out.len(),
        "<!doctype html><html><body>x</body></html>".len() + depth * 11
    );
}

#[test]
fn mongolian_control_characters_survive() {
    let text = "ᠭᠠᠵᠠᠷ\u{180B}\u{202F}ᠤᠨ \u{200C}\u{200D}\u{180E}\u{180F}\u{180C}\u{180D}";
    let out = same_as_reference(&format!("<p>{text}</p>"));
    assert!(out.contains(text), "{out:?}");
}

#[test]
fn title_and_textarea_text_keeps_only_the_escapes_it_needs() {
    let html = "<title>a &lt;b&gt; &amp; &amp;amp; &quot;q&quot; &lt;/title&gt;</title>\
                <textarea>&lt;/textarea> &lt;p></textarea>";
    assert_eq!(
        same_as_reference(html),
        "<title>a <b> & &amp;amp; \"q\" &lt;/title></title>\
         <textarea>&lt;/textarea> <p></textarea>"
    );
    // Other named entities stay as written (minify-html writes their
    // characters): the same text either way.
    assert_eq!(
        ours("<title>&nbsp;&lt;/TITLE></title>"),
        "<title>&nbsp;&lt;/TITLE></title>"
    );
}
