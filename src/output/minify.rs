//! HTML minification with minify-html, keeping closing tags and every character
//! of the text (Mongolian joiners included: only ASCII whitespace is collapsed).

/// Deepest element nesting handed to minify-html. Its parser and minifier
/// recurse per element: in a debug build about 450 levels fill a 2 MiB stack
/// (rayon's worker threads), in release far more. Markdown bodies are held to
/// [`crate::markdown::MAX_NESTING`] with a diagnostic, so only generated HTML
/// could come near this.
pub const MAX_PAGE_NESTING: usize = 256;

/// Minifies one HTML document. A document nested deeper than
/// [`MAX_PAGE_NESTING`] is returned as it is: minifying it would overflow the
/// stack, and unminified HTML is still the same page.
pub fn minify_html(html: &str) -> Vec<u8> {
    if super::nesting::too_deep(html, MAX_PAGE_NESTING).is_some() {
        return html.as_bytes().to_vec();
    }
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

    fn nested(depth: usize) -> String {
        format!(
            "<!doctype html><html><body>{}x{}</body></html>",
            "<div>\n".repeat(depth - 2),
            "</div>\n".repeat(depth - 2)
        )
    }

    /// On a stack the size of rayon's workers, in the test (debug) profile.
    fn on_small_stack(html: String) -> Vec<u8> {
        std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || minify_html(&html))
            .unwrap()
            .join()
            .unwrap()
    }

    #[test]
    fn nesting_at_the_limit_is_minified_on_a_small_stack() {
        let html = nested(MAX_PAGE_NESTING);
        let out = on_small_stack(html.clone());
        assert!(out.len() < html.len(), "not minified");
        assert!(String::from_utf8(out)
            .unwrap()
            .contains("<div><div>x</div></div></div>"));
    }

    #[test]
    fn deeper_nesting_is_kept_unminified_instead_of_overflowing() {
        let html = nested(100_000);
        assert_eq!(on_small_stack(html.clone()), html.into_bytes());
        let html = nested(MAX_PAGE_NESTING + 1);
        assert_eq!(on_small_stack(html.clone()), html.into_bytes());
    }

    #[test]
    fn mongolian_control_characters_survive() {
        let text = "ᠭᠠᠵᠠᠷ\u{180B}\u{202F}ᠤᠨ \u{200C}\u{200D}\u{180E}\u{180F}\u{180C}\u{180D}";
        let out = String::from_utf8(minify_html(&format!("<p>{text}</p>"))).unwrap();
        assert!(out.contains(text), "{out:?}");
    }
}
