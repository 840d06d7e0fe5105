//! Tags: term pages per language (`/tags/<tag>/`), the tag kept in its own
//! script, and each page's links to them.

use std::collections::BTreeMap;

use super::urls::{listing_pages, Target};
use super::Site;
use crate::script;

/// A tag of one language, with the pages that carry it.
#[derive(Debug, Clone)]
pub struct Term {
    /// The tag as first written.
    pub name: String,
    /// URL segment ([`tag_slug`]).
    pub slug: String,
    /// Listing pages of the term (`paginate_by`); the first is `/tags/<slug>/`.
    pub listing: Vec<Target>,
    /// Pages (not sections) of this language carrying the tag, in entry order.
    pub entries: Vec<usize>,
}

/// A tag of a page as written, with its term.
#[derive(Debug, Clone)]
pub struct TagRef {
    /// The tag as written on the page.
    pub name: String,
    /// The term's page, `None` when the tag has no usable slug.
    pub url: Option<String>,
}

/// A URL segment for a tag: the tag as written (Chinese stays Chinese), lowercased,
/// spaces as `-`, characters that mean something in URLs or paths dropped.
pub fn tag_slug(tag: &str) -> Option<String> {
    let mut out = String::new();
    for c in tag.trim().chars().flat_map(char::to_lowercase) {
        if script::is_mongolian_control(c) {
            // Mongolian joiners belong to the word: kept as they are.
            out.push(c);
        } else if c.is_whitespace() || c == '-' {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        } else if c.is_alphanumeric() || c == '_' || script::is_mongolian(c) {
            out.push(c);
        }
    }
    let out = out.trim_matches('-').to_string();
    (!out.is_empty()).then_some(out)
}

/// Gathers the terms of every language and links each page's tags to them.
pub(super) fn resolve(site: &mut Site) {
    for li in 0..site.langs.len() {
        let lang = site.langs[li].id;
        let mut by_slug: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
        for (i, e) in site.entries.iter().enumerate() {
            if e.lang != lang || e.is_section {
                continue;
            }
            for t in &site.sources[e.source].front.tags {
                if let Some(slug) = tag_slug(t) {
                    by_slug
                        .entry(slug)
                        .or_insert_with(|| (t.clone(), Vec::new()))
                        .1
                        .push(i);
                }
            }
        }
        let prefix = site.langs[li]
            .tags_index
            .out_path
            .trim_end_matches("index.html");
        let terms: Vec<Term> = by_slug
            .into_iter()
            .map(|(slug, (name, entries))| {
                let first = site.urls.page(&format!("{prefix}{slug}/"));
                Term {
                    listing: listing_pages(
                        &site.urls,
                        &first,
                        entries.len(),
                        site.config.paginate_by,
                    ),
                    name,
                    slug,
                    entries,
                }
            })
            .collect();
        site.langs[li].tags = terms;
    }
    for e in &mut site.entries {
        let lang = &site.langs[e.lang.index()];
        e.tags = site.sources[e.source]
            .front
            .tags
            .iter()
            .map(|t| TagRef {
                name: t.clone(),
                url: tag_slug(t).map(|s| format!("{}{s}/", lang.tags_index.url)),
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_slugs_keep_the_script() {
        assert_eq!(tag_slug("金融扶贫").as_deref(), Some("金融扶贫"));
        assert_eq!(tag_slug(" Micro Loans ").as_deref(), Some("micro-loans"));
        assert_eq!(tag_slug("a/../b?#").as_deref(), Some("ab"));
        assert_eq!(
            tag_slug("ᠪᠢᠴᠢᠭ\u{202F}ᠦᠨ").as_deref(),
            Some("ᠪᠢᠴᠢᠭ\u{202F}ᠦᠨ")
        );
        assert_eq!(tag_slug("../"), None);
    }
}
