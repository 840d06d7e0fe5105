//! What `serve` adds to every HTML page: the live-reload script and, after a
//! failed build, an overlay with the problems (pure).

use crate::html::escape;

/// Path of the server-sent events stream.
pub const EVENTS_PATH: &str = "/__bichig/events";

/// Reloads the page when the server reports a new build.
const SCRIPT: &str = "<script>(function(){var v=null;var es=new EventSource(\"/__bichig/events\");es.onmessage=function(e){if(v!==null&&e.data!==v){location.reload();}v=e.data;};})();</script>";

/// What goes before `</body>`: the reload script, and the error overlay
/// when `error` is set; `heading` is the overlay's heading.
pub fn extra(error: Option<&str>, heading: &str) -> String {
    let mut extra = String::from(SCRIPT);
    if let Some(error) = error {
        extra.push_str(&format!(
            "<div id=\"bichig-error\" role=\"alert\" style=\"position:fixed;inset:1rem;z-index:99999;overflow:auto;background:#fff;color:#000;border:4px solid #b00020;padding:1rem;writing-mode:horizontal-tb;font:14px/1.5 monospace\"><h2 style=\"margin:0 0 .5rem;color:#b00020\">{}</h2><pre style=\"white-space:pre-wrap\">{}</pre></div>",
            escape(heading),
            escape(error)
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

    fn inject(html: &str, error: Option<&str>, heading: &str) -> String {
        let at = insert_at(html.as_bytes());
        format!("{}{}{}", &html[..at], extra(error, heading), &html[at..])
    }

    #[test]
    fn script_and_escaped_overlay_go_before_body_end() {
        let out = inject(
            "<html><body><p>x</p></body></html>",
            Some("content/a.md:3:1: <bad>"),
            "构建失败",
        );
        assert!(out.ends_with("</div></body></html>"));
        assert!(out.contains("EventSource"));
        assert!(out.contains("content/a.md:3:1: &lt;bad&gt;"));
        assert!(out.contains("构建失败"));
        assert!(!inject("<body></body>", None, "x").contains("bichig-error"));
        assert_eq!(insert_at(b"<p>no end tag"), 13);
        assert_eq!(insert_at(b"<body></body></body>"), 13, "the last one");
    }
}
