//! Markdown bodies of entries: rendered with data shortcodes and internal
//! links, then `#anchor` checks across pages.

use std::collections::HashSet;
use std::path::Path;

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
    // Every body is kept until the print pages are made: no spare capacity.
    rendered.html.shrink_to_fit();
    rendered.text.shrink_to_fit();
    rendered.summary.shrink_to_fit();
    rendered
}

/// Links must name something of the site: the `#fragment` of an internal
/// link a heading of its target page, a root-relative URL (`/measures/x/`) a
/// page, generated page, alias or static file of the model (and its
/// `#fragment` a heading of that page), a `#fragment` alone a heading of the
/// page itself.
pub(super) fn check_links(site: &Site, rendered: &[Rendered]) -> Vec<Diagnostic> {
    let ids: Vec<HashSet<&str>> = rendered
        .iter()
        .map(|r| r.toc.iter().map(|t| t.id.as_str()).collect())
        .collect();
    let paths = site.output_paths();
    let mut problems = Vec::new();
    for (i, (entry, r)) in site.entries.iter().zip(rendered).enumerate() {
        // A fallback shows the original: report its problems once, on the original.
        if entry.fallback && !entry.lang.is_default() {
            continue;
        }
        let path = &site.source(entry).path;
        let anchor = |target: usize, fragment: &str, line: usize, column: usize| {
            (!ids[target].contains(fragment)).then(|| {
                let key = &site.entries[target].key;
                no_heading(path, line, column, fragment, key, &rendered[target])
            })
        };
        for link in &r.links {
            if let (Some(fragment), Some(target)) =
                (&link.fragment, site.index_of(&link.key, entry.lang))
            {
                problems.extend(anchor(target, fragment, link.line, link.column));
            }
        }
        for link in &r.paths {
            let fragment = link.dest.split_once('#').map(|(_, f)| f);
            let target = if link.dest.starts_with('#') {
                Some(i)
            } else {
                match site.find_path(&paths, &link.dest) {
                    Some(target) => target,
                    None => {
                        problems.push(unknown_path(path, link.line, link.column, &link.dest));
                        continue;
                    }
                }
            };
            if let (Some(target), Some(fragment)) = (target, fragment.filter(|f| !f.is_empty())) {
                problems.extend(anchor(target, fragment, link.line, link.column));
            }
        }
    }
    problems
}

/// A root-relative link to nothing the site has.
pub fn unknown_path(path: &Path, line: usize, column: usize, dest: &str) -> Diagnostic {
    Diagnostic::error(path, line, column, format!("link to `{dest}`: no such page or file in the site"))
        .with_hint("link to pages by their source file (`@/measures/finance.md`); check the path of data pages (`/data/<id>/`)")
}

/// A `#fragment` naming no heading of the page `key`, listing the ids it has.
fn no_heading(
    path: &Path,
    line: usize,
    column: usize,
    fragment: &str,
    key: &str,
    target: &Rendered,
) -> Diagnostic {
    const SHOWN: usize = 12;
    let mut ids: Vec<&str> = target
        .toc
        .iter()
        .take(SHOWN)
        .map(|t| t.id.as_str())
        .collect();
    let more = target.toc.len().saturating_sub(SHOWN);
    let list = match (ids.is_empty(), more) {
        (true, _) => format!("{key} has no headings"),
        (false, 0) => format!("headings of {key}: {}", ids.join(", ")),
        (false, n) => {
            ids.push("…");
            format!("headings of {key}: {} ({n} more)", ids.join(", "))
        }
    };
    Diagnostic::error(
        path,
        line,
        column,
        format!("`#{fragment}`: no such heading in {key}"),
    )
    .with_hint(format!("{list}; set an id with `## Title {{#my-id}}`"))
}
