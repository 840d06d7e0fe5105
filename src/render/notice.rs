//! The correction notice of a data table placed on a content page, written
//! as the theme's `correction_notice` macro writes it on the data page
//! (partials/macros.html), so readers see the same notice in both places.

use super::datatable::LangCtx;
use super::views::CorrectionView;
use crate::html::escape;

/// The notice listing `items` (newest first), each linked to its entry on
/// the corrections page; empty without corrections. `title_id` names its
/// heading: a page may hold several notices, so each needs its own id.
pub fn correction_notice_html(
    ctx: &LangCtx<'_>,
    items: &[CorrectionView<'_>],
    title_id: &str,
) -> String {
    if items.is_empty() {
        return String::new();
    }
    let id = escape(title_id);
    let mut h = format!(
        "<aside class=\"correction-notice\" aria-labelledby=\"{id}\"><h2 id=\"{id}\" class=\"correction-notice-title\">{}</h2><ul role=\"list\">",
        escape(&ctx.t("corrections"))
    );
    for c in items {
        h.push_str(&format!(
            "<li><strong><time datetime=\"{}\">{}</time></strong>{}<span lang=\"{}\">{}</span> <a href=\"{}\">{}</a></li>",
            escape(&c.date),
            escape(&c.notice),
            escape(&ctx.t("correction_separator")),
            escape(c.what_tag),
            escape(c.what),
            escape(&c.link),
            escape(&ctx.t("correction_details")),
        ));
    }
    h.push_str("</ul></aside>");
    h
}
