//! Listings: section pages split by `paginate_by`, and tag pages per language.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use super::context::ViewBuilder;
use super::views::{Crumb, Paginator, PaginatorLink, SectionView, SiteView, TagLink};
use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use crate::script;
use crate::templates::Templates;

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

/// URL of page `n` (1-based) of a listing at `url`.
pub fn page_url(url: &str, n: usize) -> String {
    if n <= 1 {
        url.to_string()
    } else {
        format!("{url}page/{n}/")
    }
}

/// Splits a section's pages into pages of `per`; returns (path suffix, view) for
/// each: the first at the section's own URL, the others under `page/N/`.
pub fn paginate(mut view: SectionView, per: Option<usize>) -> Vec<(String, SectionView)> {
    let per = match per {
        Some(p) if p > 0 && view.pages.len() > p => p,
        _ => return vec![(String::new(), view)],
    };
    // Cloned once per listing page without its pages: cloning the full list for
    // every page made pagination quadratic.
    let pages = std::mem::take(&mut view.pages);
    let total = pages.len().div_ceil(per);
    let links: Vec<PaginatorLink> = (1..=total)
        .map(|n| PaginatorLink {
            number: n,
            url: page_url(&view.url, n),
        })
        .collect();
    (1..=total)
        .map(|n| {
            let mut v = view.clone();
            v.pages = pages[(n - 1) * per..(n * per).min(pages.len())].to_vec();
            if n > 1 {
                // Later pages list; the section's text and subsections stay on page 1.
                v.content.clear();
                v.toc.clear();
                v.subsections.clear();
            }
            v.paginator = Some(Paginator {
                current: n,
                total,
                prev_url: (n > 1).then(|| page_url(&view.url, n - 1)),
                next_url: (n < total).then(|| page_url(&view.url, n + 1)),
                pages: links.clone(),
            });
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("page/{n}/")
            };
            (suffix, v)
        })
        .collect()
}

/// Tag links of a page in language index `li`.
pub(super) fn tag_links(b: &ViewBuilder<'_>, li: usize, tags: &[String]) -> Vec<TagLink> {
    tags.iter()
        .map(|t| TagLink {
            name: t.clone(),
            url: tag_slug(t)
                .map(|s| format!("{}{s}/", tags_url(b, li)))
                .unwrap_or_default(),
        })
        .collect()
}

fn tags_url(b: &ViewBuilder<'_>, li: usize) -> String {
    let site = b.site;
    let prefix = if li == 0 {
        String::new()
    } else {
        format!("{}/", site.config.languages[li].code)
    };
    format!("{}{prefix}tags/", site.config.base_path)
}

fn empty_section(
    title: String,
    url: String,
    permalink: String,
    breadcrumbs: Vec<Crumb>,
) -> SectionView {
    SectionView {
        title,
        url,
        permalink,
        content: String::new(),
        summary: String::new(),
        date: String::new(),
        date_display: String::new(),
        toc: Vec::new(),
        breadcrumbs,
        pages: Vec::new(),
        subsections: Vec::new(),
        prev: None,
        next: None,
        series: None,
        editions: Vec::new(),
        paginator: None,
    }
}

/// `/tags/` and `/tags/<tag>/` in every language (rendered with `section.html`).
pub(super) fn tag_pages(
    b: &ViewBuilder<'_>,
    templates: &Templates,
    sites: &[SiteView],
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let site = b.site;
    let base_path = &site.config.base_path;
    let absolute = |url: &str| {
        format!(
            "{}{}",
            site.config.base_url,
            url.strip_prefix(base_path.as_str()).unwrap_or(url)
        )
    };
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for (li, sv) in sites.iter().enumerate() {
        let lang = &site.config.languages[li].code;
        let mut by_tag: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
        for (i, e) in site
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| &e.lang == lang && !e.is_section)
        {
            for t in &site.source(e).front.tags {
                if let Some(slug) = tag_slug(t) {
                    by_tag
                        .entry(slug)
                        .or_insert_with(|| (t.clone(), Vec::new()))
                        .1
                        .push(i);
                }
            }
        }
        if by_tag.is_empty() {
            continue;
        }
        let index_url = tags_url(b, li);
        let out_prefix = index_url
            .strip_prefix(base_path.as_str())
            .unwrap_or(&index_url)
            .to_string();
        let home = Crumb {
            title: sv.title.clone(),
            url: sv.home_url.clone(),
            lang_tag: sv.lang_tag.clone(),
        };
        let title = b.strings[li]
            .get("tags")
            .cloned()
            .unwrap_or_else(|| "tags".into());
        // A term exists in one language only: other languages link to their tag index.
        // Listing pages to render: (view, canonical URL, output path).
        let mut jobs: Vec<(SectionView, String, String)> = Vec::new();
        let mut index = empty_section(
            title.clone(),
            index_url.clone(),
            absolute(&index_url),
            vec![home.clone()],
        );
        for (slug, (name, entries)) in &by_tag {
            let url = format!("{index_url}{slug}/");
            index.pages.push(super::views::PageRef {
                title: format!("{name} ({})", entries.len()),
                url: url.clone(),
                summary: String::new(),
                date: String::new(),
                date_display: String::new(),
                lang_tag: sv.lang_tag.clone(),
            });
            let mut term = empty_section(
                name.clone(),
                url.clone(),
                absolute(&url),
                vec![
                    home.clone(),
                    Crumb {
                        title: title.clone(),
                        url: index_url.clone(),
                        lang_tag: sv.lang_tag.clone(),
                    },
                ],
            );
            term.pages = entries.iter().map(|&i| b.page_ref(i)).collect();
            for (suffix, view) in paginate(term, site.config.paginate_by) {
                jobs.push((
                    view,
                    absolute(&format!("{url}{suffix}")),
                    format!("{out_prefix}{slug}/{suffix}index.html"),
                ));
            }
        }
        jobs.push((
            index,
            absolute(&index_url),
            format!("{out_prefix}index.html"),
        ));
        let rendered: Vec<Result<OutputFile, Diagnostic>> = jobs
            .into_par_iter()
            .map(|(view, canonical, out)| {
                let mut ctx = super::generated::context(site, sv, li, "tags/");
                ctx.canonical = canonical;
                ctx.section = Some(view);
                templates
                    .render(li, "section.html", &ctx, Path::new("tags"))
                    .map(|html| OutputFile::page(site.config.minify, out, html))
            })
            .collect();
        for r in rendered {
            match r {
                Ok(f) => files.push(f),
                Err(d) => problems.push(d),
            }
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
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

    #[test]
    fn page_urls() {
        assert_eq!(page_url("/m/", 1), "/m/");
        assert_eq!(page_url("/m/", 3), "/m/page/3/");
    }
}
