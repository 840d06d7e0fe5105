//! HTML escaping, shared by Markdown, templates, tables, charts and the preview
//! server (pure).

use crate::script::is_cjk;

/// Escapes text for HTML content and attribute values: `& < > " '`, nothing
/// else (a `/` needs no escape once `<` is escaped). Also the templates' escaper.
pub fn escape(s: &str) -> String {
    crate::output::escape_markup(s, "&#39;")
}

/// Escapes `s`; on a page whose language is not Chinese, wraps runs of Chinese
/// characters in `<span lang="…">` with `zh_tag`, so they get a Chinese font.
pub fn escape_tagging_han(s: &str, page_is_chinese: bool, zh_tag: &str) -> String {
    if page_is_chinese || !s.chars().any(is_cjk) {
        return escape(s);
    }
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if !run.is_empty() {
            out.push_str(&format!(
                "<span lang=\"{}\">{}</span>",
                escape(zh_tag),
                escape(run)
            ));
            run.clear();
        }
    };
    for c in s.chars() {
        if is_cjk(c) || (!run.is_empty() && (c.is_ascii_digit() || c == '-' || c == '·')) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push_str(&escape(&c.to_string()));
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_dangerous() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn escapes_between_multibyte_text_and_keeps_slashes() {
        assert_eq!(
            escape("ᠮᠣᠩᠭᠣᠯ\u{180E}<突泉>/s/&"),
            "ᠮᠣᠩᠭᠣᠯ\u{180E}&lt;突泉&gt;/s/&amp;"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("无须转义"), "无须转义");
    }

    #[test]
    fn tags_chinese_runs_on_other_pages() {
        assert_eq!(escape_tagging_han("突泉县", true, "zh-Hans"), "突泉县");
        assert_eq!(
            escape_tagging_han("ᠬᠣᠲᠠ 突泉县<", false, "zh-Hans"),
            "ᠬᠣᠲᠠ <span lang=\"zh-Hans\">突泉县</span>&lt;"
        );
    }
}
