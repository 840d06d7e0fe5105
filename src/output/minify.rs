//! HTML minification with minify-html, keeping closing tags and every character
//! of the text (Mongolian joiners included: only ASCII whitespace is collapsed).

/// Minifies one HTML document.
pub fn minify_html(html: &str) -> Vec<u8> {
    let cfg = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        // Pages carry no inline CSS and only tiny scripts (JSON-LD, which a JS
        // minifier must not touch anyway).
        minify_css: false,
        minify_js: false,
        ..minify_html::Cfg::default()
    };
    minify_html::minify(html.as_bytes(), &cfg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_whitespace_but_keeps_text() {
        let html =
            "<!doctype html><html lang=\"zh-Hans\"><body>\n  <p>金融   扶贫</p>\n</body></html>";
        let out = String::from_utf8(minify_html(html)).unwrap();
        assert!(out.contains("<p>金融 扶贫</p>"), "{out}");
        assert!(out.len() < html.len());
    }

    #[test]
    fn mongolian_control_characters_survive() {
        let text = "ᠭᠠᠵᠠᠷ\u{180B}\u{202F}ᠤᠨ \u{200C}\u{200D}\u{180E}\u{180F}\u{180C}\u{180D}";
        let out = String::from_utf8(minify_html(&format!("<p>{text}</p>"))).unwrap();
        assert!(out.contains(text), "{out:?}");
    }
}
