//! Markdown bodies of entries: rendered with data shortcodes and internal
//! links, then `#anchor` checks across pages.

use std::collections::HashSet;

use super::data::{self, DataSet};
use crate::diagnostics::Diagnostic;
use crate::i18n::Strings;
use crate::locale::Style;
use crate::markdown::{self, LinkContext, Rendered};
use crate::resolve::{Entry, Site};
use crate::suggest;

/// Renders an entry's Markdown body, with its data shortcodes expanded in
/// the language of its text.
pub(super) fn render(
    site: &Site,
    entry: &Entry,
    codes: &[&str],
    data: &DataSet<'_>,
    strings: &[Strings],
) -> Rendered {
    let src = site.source(entry);
    let (body, data_problems) = data::expand(site, entry, &src.body, data, strings);
    let nearest = |key: &str| {
        let keys: Vec<&str> = site
            .entries
            .iter()
            .filter(|e| e.lang == entry.lang)
            .map(|e| e.key.as_str())
            .collect();
        let best = suggest::closest_page(key, &keys)?;
        let e = site.lookup(best, entry.lang)?;
        Some((best.to_string(), site.source(e).path.display().to_string()))
    };
    let ctx = LinkContext {
        nearest_page: Some(&nearest),
        path: &src.path,
        line_offset: src.body_line_offset,
        dir: &src.dir,
        languages: codes,
        tag_han: (site.lang(entry.text_lang).style != Style::Chinese)
            .then_some(site.han_tag.as_str()),
    };
    let mut rendered = markdown::render(&body, &ctx, &|key| {
        site.lookup(key, entry.lang).map(|e| e.url.clone())
    });
    rendered.diagnostics.extend(data_problems);
    rendered.text.push_str(&data::tables_text(
        site,
        entry.text_lang,
        &src.body,
        data,
        strings,
    ));
    rendered
}

/// `#fragment`s of internal links must name a heading of the target page.
pub(super) fn check_anchors(site: &Site, rendered: &[Rendered]) -> Vec<Diagnostic> {
    let ids: Vec<HashSet<&str>> = rendered
        .iter()
        .map(|r| r.toc.iter().map(|t| t.id.as_str()).collect())
        .collect();
    let mut problems = Vec::new();
    for (entry, r) in site.entries.iter().zip(rendered) {
        // A fallback shows the original: report its problems once, on the original.
        if entry.fallback && !entry.lang.is_default() {
            continue;
        }
        for link in &r.links {
            let Some(fragment) = &link.fragment else {
                continue;
            };
            let Some(target) = site.index_of(&link.key, entry.lang) else {
                continue;
            };
            if !ids[target].contains(fragment.as_str()) {
                problems.push(
                    Diagnostic::error(
                        &site.source(entry).path,
                        link.line,
                        link.column,
                        format!("`#{fragment}`: no such heading in {}", link.key),
                    )
                    .with_hint(
                        "headings get ids like `h-1a2b3c4d`; set one with `## Title {#my-id}`",
                    ),
                );
            }
        }
    }
    problems
}
