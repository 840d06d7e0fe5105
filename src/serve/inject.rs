//! What `serve` adds to every HTML page: the live-reload script and, after a
//! failed build, an overlay with the problems (pure).

use crate::html::escape;

/// Path of the server-sent events stream.
pub const EVENTS_PATH: &str = "/__bichig/events";

/// Reloads the page when the server reports a new build.
const SCRIPT: &str = "<script>(function(){var v=null;var es=new EventSource(\"/__bichig/events\");es.onmessage=function(e){if(v!==null&&e.data!==v){location.reload();}v=e.data;};})();</script>";

/// The overlay's own words in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverlayText {
    /// BCP 47 tag of the words.
    pub tag: &'static str,
    /// The heading: the build failed.
    pub heading: &'static str,
    /// What to do: fix, save, the page reloads.
    pub note: &'static str,
    /// The close button.
    pub close: &'static str,
}

/// Chinese, for pages in Chinese and any language without its own words.
pub const ZH: OverlayText = OverlayText {
    tag: "zh-Hans",
    heading: "构建失败",
    note: "改正下面的问题并保存文件，页面会自动刷新；现在显示的是上一次成功构建的页面。",
    close: "关闭",
};

/// Traditional Mongolian (draft): "build error", "fix the errors below and
/// save the file: the page loads again", "close".
pub const MN: OverlayText = OverlayText {
    tag: "mn-Mong",
    heading: "ᠪᠦᠲᠦᠭᠡᠬᠦ ᠠᠯᠳᠠᠭ᠎ᠠ",
    note: "ᠳᠣᠣᠷᠠᠬᠢ ᠠᠯᠳᠠᠭ᠎ᠠ\u{202F}ᠶᠢ ᠵᠠᠰᠠᠭᠠᠳ ᠹᠠᠢᠯ\u{202F}ᠢ ᠬᠠᠳᠠᠭᠠᠯᠠᠪᠠᠯ ᠨᠢᠭᠤᠷ ᠠᠬᠢᠵᠤ ᠠᠴᠢᠶᠠᠯᠠᠨ᠎ᠠ᠃",
    close: "ᠬᠠᠭᠠᠬᠤ",
};

/// The overlay's words for a page in language `code`.
pub fn overlay_text(code: &str) -> &'static OverlayText {
    match code {
        "mn" => &MN,
        _ => &ZH,
    }
}

/// What goes before `</body>`: the reload script, and the error overlay when
/// `error` is set, in the words of `text`. The close button only hides it:
/// the next build reloads the page, so a new failure shows it again.
pub fn extra(error: Option<&str>, text: &OverlayText) -> String {
    let mut extra = String::from(SCRIPT);
    if let Some(error) = error {
        extra.push_str(&format!(
            "<div id=\"bichig-error\" role=\"alert\" style=\"position:fixed;inset:1rem;z-index:99999;overflow:auto;background:#fff;color:#000;border:4px solid #b00020;padding:1rem;writing-mode:horizontal-tb;font:14px/1.5 monospace\"><button type=\"button\" onclick=\"this.parentNode.remove()\" lang=\"{tag}\" style=\"float:right;font:inherit;padding:.25rem .75rem;cursor:pointer\">× {close}</button><h2 lang=\"{tag}\" style=\"margin:0 0 .5rem;color:#b00020\">{heading}</h2><p lang=\"{tag}\" style=\"margin:0 0 .5rem\">{note}</p><pre style=\"white-space:pre-wrap\">{error}</pre></div>",
            tag = text.tag,
            close = escape(text.close),
            heading = escape(text.heading),
            note = escape(text.note),
            error = escape(error)
        ));
    }
    extra
}

/// Where [`extra`] goes in a page: before its last `</body>`, else at the end.
pub fn insert_at(html: &[u8]) -> usize {
    const END: &[u8] = b"</body>";
    html.windows(END.len())
        .rposition(|w| w == END)
        .unwrap_or(html.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inject(html: &str, error: Option<&str>, text: &OverlayText) -> String {
        let at = insert_at(html.as_bytes());
        format!("{}{}{}", &html[..at], extra(error, text), &html[at..])
    }

    #[test]
    fn script_and_escaped_overlay_go_before_body_end() {
        let out = inject(
            "<html><body><p>x</p></body></html>",
            Some("content/a.md:3:1: <bad>"),
            &ZH,
        );
        assert!(out.ends_with("</div></body></html>"));
        assert!(out.contains("EventSource"));
        assert!(out.contains("content/a.md:3:1: &lt;bad&gt;"));
        assert!(out.contains(
            "<h2 lang=\"zh-Hans\" style=\"margin:0 0 .5rem;color:#b00020\">构建失败</h2>"
        ));
        assert!(!inject("<body></body>", None, &ZH).contains("bichig-error"));
        assert_eq!(insert_at(b"<p>no end tag"), 13);
        assert_eq!(insert_at(b"<body></body></body>"), 13, "the last one");
    }

    #[test]
    fn the_overlay_speaks_the_page_language_and_can_be_closed() {
        let mn = extra(Some("x"), overlay_text("mn"));
        assert!(mn.contains(
            "<button type=\"button\" onclick=\"this.parentNode.remove()\" lang=\"mn-Mong\""
        ));
        assert!(mn.contains(">× ᠬᠠᠭᠠᠬᠤ</button>"));
        assert!(mn.contains(">ᠪᠦᠲᠦᠭᠡᠬᠦ ᠠᠯᠳᠠᠭ᠎ᠠ</h2>"));
        assert!(
            mn.contains("ᠠᠯᠳᠠᠭ᠎ᠠ\u{202F}ᠶᠢ"),
            "suffixes joined with U+202F"
        );
        let zh = extra(Some("x"), overlay_text("zh"));
        assert!(zh.contains(">× 关闭</button>"));
        assert!(zh.contains("改正下面的问题并保存文件"));
        assert_eq!(overlay_text("fr"), &ZH);
    }

    #[test]
    fn a_quoted_line_keeps_its_caret_column_in_the_overlay() {
        let report = "  1. a.md:2:8: error: x\n    2 | title: @a\n      |        ^\n";
        let out = extra(Some(report), &ZH);
        assert!(out.contains("<pre style=\"white-space:pre-wrap\">  1. a.md:2:8: error: x\n    2 | title: @a\n      |        ^\n</pre>"));
    }
}
