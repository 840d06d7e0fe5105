//! Markdown to HTML, returning data: body HTML, table of contents, summary text
//! and the internal links found (for anchor checks).

use std::cell::Cell;
use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use super::{headings, links, summary};
use crate::diagnostics::{line_col, Diagnostic};
use crate::output::nesting::too_deep;
use crate::script;

/// Characters in a summary cut from the body.
pub const SUMMARY_CHARS: usize = 120;

/// Deepest nesting of HTML elements a body may have: a blockquote or an
/// emphasis is one level, a list level two (list and item). Far above what a
/// report needs (30 levels of lists are 60), and within what recursive HTML
/// tools (browsers' print pipelines, other minifiers) handle.
pub const MAX_NESTING: usize = 128;

/// One heading in the table of contents.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TocEntry {
    /// 1 to 6.
    pub level: u8,
    /// The heading's `id`.
    pub id: String,
    /// Plain text of the heading.
    pub title: String,
}

/// An internal link, kept for checking its `#fragment` once all pages are rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    /// Source key of the target.
    pub key: String,
    /// Fragment, if any.
    pub fragment: Option<String>,
    /// Line in the whole file.
    pub line: usize,
    /// Column.
    pub column: usize,
}

/// A link or image by URL within the site (`/data/t/`, `#anchor`), kept for
/// checking against the site model once all pages are rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathRef {
    /// The destination as written.
    pub dest: String,
    /// Line in the whole file.
    pub line: usize,
    /// Column.
    pub column: usize,
}

impl PathRef {
    /// `dest`, written at byte `offset` of `body` (whose first line is line
    /// `line_offset + 1` of its file).
    fn at(dest: &str, body: &str, offset: usize, line_offset: usize) -> Self {
        let (line, column) = line_col(body, offset);
        PathRef {
            dest: dest.to_string(),
            line: line + line_offset,
            column,
        }
    }
}

/// True for destinations naming a place in this site by URL: root-relative
/// (`/measures/`, not `//host/`) or a `#fragment` of the page itself.
fn is_site_path(dest: &str) -> bool {
    (dest.starts_with('/') && !dest.starts_with("//")) || (dest.starts_with('#') && dest.len() > 1)
}

/// What rendering one page produced.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Body HTML.
    pub html: String,
    /// Every heading, in order.
    pub toc: Vec<TocEntry>,
    /// Summary cut from the body (plain text).
    pub summary: String,
    /// All text of the body, plain, as written (for search).
    pub text: String,
    /// Internal links with their positions.
    pub links: Vec<LinkRef>,
    /// Links and images by root-relative URL or `#fragment`.
    pub paths: Vec<PathRef>,
    /// Problems: unresolvable links.
    pub diagnostics: Vec<Diagnostic>,
}

/// Where a page sits, for resolving its links.
pub struct LinkContext<'a> {
    /// Path for messages.
    pub path: &'a Path,
    /// Lines before the body in the file.
    pub line_offset: usize,
    /// Folder of the page relative to `content/`.
    pub dir: &'a str,
    /// Language codes of the site (for `page.mn.md` links).
    pub languages: &'a [&'a str],
    /// On pages not in Chinese: the tag given to runs of Chinese characters in
    /// the text, so they get a Chinese font (`zh-Hans`).
    pub tag_han: Option<&'a str>,
    /// The page most likely meant by a link to a source key that does not
    /// exist, as `(key, path)`; asked only when a link is broken.
    pub nearest_page: Option<NearestPage<'a>>,
}

/// Finds the page most likely meant by a missing source key: `(key, path)`.
pub type NearestPage<'a> = &'a dyn Fn(&str) -> Option<(String, String)>;

/// A heading being collected until its end tag, to give it an id.
struct OpenHeading<'a> {
    start: usize,
    level: HeadingLevel,
    explicit: Option<String>,
    text: Vec<String>,
    inner: Vec<Event<'a>>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders `body`. `resolve` maps a source key to the URL of that page in the
/// page's language, or `None` when there is no such page.
pub fn render(
    body: &str,
    ctx: &LinkContext<'_>,
    resolve: &dyn Fn(&str) -> Option<String>,
) -> Rendered {
    let mut out = Rendered::default();
    let mut events: Vec<Event<'_>> = Vec::new();
    // Where each event starts in `body`, to place a nesting diagnostic.
    let mut starts: Vec<usize> = Vec::new();
    let mut used_ids = HashSet::new();
    let mut heading: Option<OpenHeading<'_>> = None;
    let mut summary_text = String::new();
    let mut in_paragraph = false;

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = match links::classify(&dest_url, ctx.dir, ctx.languages) {
                    None => {
                        if is_site_path(&dest_url) {
                            out.paths.push(PathRef::at(
                                &dest_url,
                                body,
                                range.start,
                                ctx.line_offset,
                            ));
                        }
                        dest_url
                    }
                    Some(result) => {
                        let (line, column) = line_col(body, range.start);
                        let line = line + ctx.line_offset;
                        let mut nearest = None;
                        match result.and_then(|t| match resolve(&t.key) {
                            Some(u) => Ok((t, u)),
                            None => {
                                nearest = ctx.nearest_page.and_then(|f| f(&t.key));
                                Err(format!("link to `{dest_url}`: no such page"))
                            }
                        }) {
                            Ok((t, url)) => {
                                let href = match &t.fragment {
                                    Some(f) => format!("{url}#{f}"),
                                    None => url,
                                };
                                out.links.push(LinkRef {
                                    key: t.key,
                                    fragment: t.fragment,
                                    line,
                                    column,
                                });
                                CowStr::from(href)
                            }
                            Err(message) => {
                                let how = "link to a source file from the content root (`@/measures/finance.md`) or relative to this file";
                                let hint = match nearest.take() {
                                    Some((key, path)) => {
                                        format!("did you mean `@/{key}` ({path})? {how}")
                                    }
                                    None => how.to_string(),
                                };
                                out.diagnostics.push(
                                    Diagnostic::error(ctx.path, line, column, message)
                                        .with_hint(hint),
                                );
                                dest_url
                            }
                        }
                    }
                };
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image { ref dest_url, .. }) if is_site_path(dest_url) => {
                out.paths
                    .push(PathRef::at(dest_url, body, range.start, ctx.line_offset));
                event
            }
            other => other,
        };
        if let Some(OpenHeading { text, inner, .. }) = heading.as_mut() {
            match event {
                Event::End(TagEnd::Heading(_)) => {
                    let Some(OpenHeading {
                        start,
                        level,
                        explicit,
                        text,
                        inner,
                    }) = heading.take()
                    else {
                        continue;
                    };
                    let title = text.concat();
                    out.text.push_str(&title);
                    out.text.push(' ');
                    let id = match explicit {
                        Some(id) => {
                            used_ids.insert(id.clone());
                            id
                        }
                        None => headings::heading_id(&title, &mut used_ids),
                    };
                    let n = level as u8;
                    let mut inner_html = String::new();
                    html::push_html(&mut inner_html, tag_han(inner, ctx.tag_han).into_iter());
                    events.push(Event::Html(CowStr::from(format!(
                        "<h{n} id=\"{}\">{inner_html}</h{n}>\n",
                        escape_attr(&id)
                    ))));
                    starts.push(start);
                    out.toc.push(TocEntry {
                        level: n,
                        id,
                        title,
                    });
                }
                e => {
                    if let Event::Text(t) | Event::Code(t) = &e {
                        text.push(t.to_string());
                    }
                    inner.push(e);
                }
            }
            continue;
        }
        match &event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some(OpenHeading {
                    start: range.start,
                    level: *level,
                    explicit: id.as_ref().map(|s| s.to_string()),
                    text: Vec::new(),
                    inner: Vec::new(),
                });
                continue;
            }
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) => {
                in_paragraph = false;
                summary_text.push(' ');
                out.text.push(' ');
            }
            Event::Text(t) | Event::Code(t) => {
                if in_paragraph && summary_text.len() < SUMMARY_CHARS * 8 {
                    summary_text.push_str(t);
                }
                out.text.push_str(t);
            }
            Event::End(
                TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock | TagEnd::BlockQuote(_),
            ) => {
                out.text.push(' ');
            }
            _ => {}
        }
        events.push(event);
        starts.push(range.start);
    }
    join_cjk_soft_breaks(&mut events);
    let marks = write_html(&mut out.html, tag_han(events, ctx.tag_han), &starts);
    if let Some(deep) = too_deep(&out.html, MAX_NESTING) {
        // The event whose HTML holds the opening tag that went past the limit.
        let i = marks.partition_point(|&html_at| html_at <= deep.offset);
        let at = i
            .checked_sub(1)
            .and_then(|i| starts.get(i))
            .copied()
            .unwrap_or(0);
        let (line, column) = line_col(body, at);
        out.diagnostics.push(
            Diagnostic::error(
                ctx.path,
                line + ctx.line_offset,
                column,
                format!(
                    "{} nested {} deep: at most {MAX_NESTING} levels of HTML elements",
                    deep.what, deep.count
                ),
            )
            .with_hint(
                "flatten the structure: each blockquote, emphasis, link or HTML element is one level, each list level two",
            ),
        );
    }
    out.summary = summary::cut(&summary_text, SUMMARY_CHARS, ctx.tag_han.is_some());
    out
}

/// Writes `events` as HTML into `out`; returns where each event's HTML starts.
fn write_html(out: &mut String, events: Vec<Event<'_>>, starts: &[usize]) -> Vec<usize> {
    struct Sink<'a> {
        out: &'a mut String,
        len: &'a Cell<usize>,
    }
    impl fmt::Write for Sink<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.out.push_str(s);
            self.len.set(self.out.len());
            Ok(())
        }
    }
    let len = Cell::new(out.len());
    let mut marks = Vec::with_capacity(starts.len());
    let events = events.into_iter().inspect(|_| marks.push(len.get()));
    // Writing to a `String` cannot fail.
    let _ = html::write_html_fmt(Sink { out, len: &len }, events);
    marks
}

/// Wraps Chinese runs of text events in `<span lang>` (outside code), except
/// inside an element the editor already gave a `lang` (`<span
/// lang="zh-Hans">突泉县</span>` stays one span).
fn tag_han<'a>(events: Vec<Event<'a>>, tag: Option<&str>) -> Vec<Event<'a>> {
    let Some(tag) = tag else { return events };
    let mut in_code = 0usize;
    // Open inline `<span>`s, each with whether it sets `lang`.
    let mut spans: Vec<bool> = Vec::new();
    events
        .into_iter()
        .map(|e| match e {
            Event::Start(Tag::CodeBlock(_)) => {
                in_code += 1;
                e
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = in_code.saturating_sub(1);
                e
            }
            Event::InlineHtml(ref html) | Event::Html(ref html) => {
                track_spans(html, &mut spans);
                e
            }
            Event::Text(t)
                if in_code == 0 && !spans.contains(&true) && t.chars().any(script::is_han) =>
            {
                Event::InlineHtml(CowStr::from(crate::html::escape_tagging_han(
                    &t, false, tag,
                )))
            }
            e => e,
        })
        .collect()
}

/// Follows the `<span …>` and `</span>` tags of raw HTML, pushing for each
/// opening tag whether it has a `lang` attribute and popping at each close.
fn track_spans(html: &str, spans: &mut Vec<bool>) {
    let lower = html.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if tag.starts_with("/span") {
            spans.pop();
        } else if let Some(attrs) = tag.strip_prefix("span") {
            // `<span …>` but not `<spanx>` or a self-closed `<span/>`.
            let opens = (attrs.is_empty() || attrs.starts_with(char::is_whitespace))
                && !attrs.trim_end().ends_with('/');
            if opens {
                let lang = attrs
                    .split(char::is_whitespace)
                    .any(|a| a.starts_with("lang=") || a == "lang");
                spans.push(lang);
            }
        }
        rest = &rest[end..];
    }
}

/// A line break inside Chinese text must not become a space between characters.
fn join_cjk_soft_breaks(events: &mut [Event<'_>]) {
    let is_cjk = |c: Option<char>| c.is_some_and(script::is_cjk);
    for i in 1..events.len().saturating_sub(1) {
        if !matches!(events[i], Event::SoftBreak) {
            continue;
        }
        let before = matches!(&events[i - 1], Event::Text(t) if is_cjk(t.chars().last()));
        let after = matches!(&events[i + 1], Event::Text(t) if is_cjk(t.chars().next()));
        if before && after {
            events[i] = Event::Text(CowStr::Borrowed(""));
        }
    }
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(body: &str) -> Rendered {
        let ctx = LinkContext {
            path: Path::new("content/m/p.md"),
            line_offset: 3,
            dir: "m",
            languages: &["zh", "mn"],
            tag_han: None,
            nearest_page: None,
        };
        render(body, &ctx, &|key| match key {
            "m/finance.md" => Some("/m/finance/".to_string()),
            "overview/causes.md" => Some("/overview/causes/".to_string()),
            _ => None,
        })
    }

    #[test]
    fn gfm_features() {
        let out = r("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~ y[^1]\n\n[^1]: note\n");
        assert!(out.html.contains("<table>"));
        assert!(out.html.contains("<del>x</del>"));
        assert!(out.html.contains("footnote-definition"));
    }

    #[test]
    fn headings_get_ids_and_toc() {
        let out = r("## 贫困人口\n\n### Key *figures*\n\n## 其他 {#other}\n");
        assert_eq!(out.toc.len(), 3);
        assert!(out.toc[0].id.starts_with("h-"));
        assert_eq!(out.toc[1].id, "key-figures");
        assert_eq!(out.toc[1].title, "Key figures");
        assert_eq!(out.toc[2].id, "other");
        assert!(
            out.html
                .contains("<h3 id=\"key-figures\">Key <em>figures</em></h3>"),
            "{}",
            out.html
        );
    }

    #[test]
    fn internal_links_resolve() {
        let out = r("[a](finance.md) [b](@/overview/causes.md#top) [c](https://e.org/x.md)");
        assert!(out.html.contains("href=\"/m/finance/\""));
        assert!(out.html.contains("href=\"/overview/causes/#top\""));
        assert!(out.html.contains("href=\"https://e.org/x.md\""));
        assert_eq!(out.links.len(), 2);
        assert_eq!(out.links[1].fragment.as_deref(), Some("top"));
        assert!(out.diagnostics.is_empty());
    }

    #[test]
    fn missing_link_target_reports_line_in_file() {
        let out = r("第一行\n\n见[缺失](missing.md)。");
        assert_eq!(out.diagnostics.len(), 1);
        let d = &out.diagnostics[0];
        assert_eq!((d.line, d.column), (6, 2));
        assert!(d.message.contains("missing.md"));
    }

    #[test]
    fn summary_from_paragraphs_and_cjk_soft_breaks() {
        let out = r("## 标题\n\n第一段\n继续。\n\n第二段。");
        assert_eq!(out.summary, "第一段继续。 第二段。");
        assert!(out.html.contains("<p>第一段继续。</p>"), "{}", out.html);
    }

    #[test]
    fn soft_breaks_join_every_han_block() {
        // Compatibility ideographs (U+F900) and Extension B (U+20000) included.
        let out = r("第一\u{F900}\n\u{20000}二\n");
        assert!(
            out.html.contains("<p>第一\u{F900}\u{20000}二</p>"),
            "{}",
            out.html
        );
    }

    #[test]
    fn extension_b_in_mongolian_text_is_tagged() {
        let ctx = LinkContext {
            path: Path::new("a.mn.md"),
            line_offset: 0,
            dir: "",
            languages: &["zh", "mn"],
            tag_han: Some("zh-Hans"),
            nearest_page: None,
        };
        let out = render("ᠬᠣᠲᠠ \u{20000}\n", &ctx, &|_| None);
        assert!(
            out.html
                .contains("<p>ᠬᠣᠲᠠ <span lang=\"zh-Hans\">\u{20000}</span></p>"),
            "{}",
            out.html
        );
    }

    #[test]
    fn chinese_runs_in_mongolian_text_are_tagged() {
        let ctx = LinkContext {
            path: Path::new("a.mn.md"),
            line_offset: 0,
            dir: "",
            languages: &["zh", "mn"],
            tag_han: Some("zh-Hans"),
            nearest_page: None,
        };
        let out = render("## ᠬᠣᠲᠠ 突泉县\n\nᠬᠣᠲᠠ 突泉县 `代码`\n", &ctx, &|_| None);
        assert!(out.html.contains("<h2 id=\"h-"), "{}", out.html);
        assert!(
            out.html
                .contains("ᠬᠣᠲᠠ <span lang=\"zh-Hans\">突泉县</span></h2>"),
            "{}",
            out.html
        );
        assert!(
            out.html
                .contains("<p>ᠬᠣᠲᠠ <span lang=\"zh-Hans\">突泉县</span> <code>代码</code></p>"),
            "{}",
            out.html
        );
    }

    #[test]
    fn chinese_in_a_written_span_is_tagged_once() {
        let ctx = LinkContext {
            path: Path::new("a.mn.md"),
            line_offset: 0,
            dir: "",
            languages: &["zh", "mn"],
            tag_han: Some("zh-Hans"),
            nearest_page: None,
        };
        let resolve = |_: &str| None;
        let once = "<span lang=\"zh-Hans\">突泉县</span>";
        for body in [
            "ᠬᠣᠲᠠ <span lang=\"zh-Hans\">突泉县</span> ᠪᠠ 突泉县\n",
            "ᠬᠣᠲᠠ 突泉县 ᠪᠠ 突泉县\n",
        ] {
            let html = render(body, &ctx, &resolve).html;
            assert_eq!(html.matches("<span").count(), 2, "{html}");
            assert!(!html.contains("<span lang=\"zh-Hans\"><span"), "{html}");
            assert_eq!(html.matches(once).count(), 2, "{html}");
        }
        // A span without `lang` does not stop the tagging.
        let html = render("ᠬᠣᠲᠠ <span class=\"x\">突泉县</span>\n", &ctx, &resolve).html;
        assert!(
            html.contains("<span class=\"x\"><span lang=\"zh-Hans\">突泉县</span></span>"),
            "{html}"
        );
    }

    #[test]
    fn plain_text_for_search() {
        let out = r("## 标题\n\n第一段 *强调*。\n\n- 甲\n- 乙\n");
        assert_eq!(
            out.text.split_whitespace().collect::<Vec<_>>(),
            ["标题", "第一段", "强调。", "甲", "乙"]
        );
    }

    #[test]
    fn ordinary_nesting_renders() {
        let lists: String = (0..30)
            .map(|i| format!("{}- l{i}\n", "  ".repeat(i)))
            .collect();
        let quotes = format!("{}q\n", "> ".repeat(30));
        let em = format!("{0}e{1}", "*".repeat(30), "*".repeat(30));
        for body in [lists, quotes, em] {
            let out = r(&body);
            assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        }
    }

    #[test]
    fn deep_nesting_is_a_diagnostic_at_its_line() {
        let quotes = format!("intro\n\n{}deep\n", "> ".repeat(5000));
        let d = &r(&quotes).diagnostics;
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            (d[0].line, d[0].message.as_str()),
            (
                6,
                "blockquotes nested 5000 deep: at most 128 levels of HTML elements"
            )
        );
        // One `>` more per line: the limit is passed on the 128th line.
        let lines: String = (1..=300)
            .map(|i| format!("{} q{i}\n", ">".repeat(i)))
            .collect();
        let d = &r(&lines).diagnostics;
        assert_eq!(d[0].line, 3 + 128, "{d:?}");
        assert!(d[0].message.starts_with("blockquotes nested 300 deep"));
        let lists: String = (0..300)
            .map(|i| format!("{}- l{i}\n", "  ".repeat(i)))
            .collect();
        let d = &r(&lists).diagnostics;
        assert_eq!(d[0].line, 3 + 64 + 1, "{d:?}");
        assert!(d[0].message.starts_with("lists nested 300 deep"), "{d:?}");
        let em = format!("a\n\n## {0}e{1}\n", "**".repeat(2000), "**".repeat(2000));
        let d = &r(&em).diagnostics;
        assert_eq!(d[0].line, 6, "{d:?}");
        assert!(
            d[0].message.starts_with("emphasis nested 2000 deep"),
            "{d:?}"
        );
    }

    #[test]
    fn mongolian_control_characters_survive() {
        let text = "ᠭᠠᠵᠠᠷ\u{180B}\u{202F}ᠤᠨ \u{200C}\u{200D}\u{180E}\u{180F}\u{180C}\u{180D}";
        let out = r(text);
        use script::{FVS1, FVS2, FVS3, FVS4, MVS, NNBSP, ZWJ, ZWNJ};
        for c in [FVS1, FVS2, FVS3, MVS, FVS4, ZWNJ, ZWJ, NNBSP] {
            assert!(out.html.contains(c), "{c:?} lost in HTML");
            assert!(out.summary.contains(c), "{c:?} lost in summary");
            assert!(out.text.contains(c), "{c:?} lost in search text");
        }
    }
}
