//! Render stage, Markdown part: pulldown-cmark with stable heading ids, a table of
//! contents, CJK-aware summaries and internal links resolved to URLs.

mod headings;
pub mod links;
mod render;
pub mod shortcodes;
pub mod summary;

pub use headings::heading_id;
pub use render::{
    render, LinkContext, LinkRef, PathRef, Rendered, TocEntry, MAX_NESTING, SUMMARY_CHARS,
};
