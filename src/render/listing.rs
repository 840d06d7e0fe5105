//! Listings: section pages split by `paginate_by`, and tag pages per language.

use std::borrow::Cow;
use std::path::Path;

use rayon::prelude::*;

use super::builder::ViewBuilder;
use super::views::{Crumb, PageRef, Paginator, PaginatorLink, SectionView};
use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use crate::progress::Progress;
use crate::resolve::Target;
use crate::templates::Templates;

/// Splits a section's pages over its listing pages (`listing`, from resolve);
/// returns each listing page with its view. Later pages list only: the
/// section's text and subsections stay on the first.
pub fn paginate<'a>(
    mut view: SectionView<'a>,
    listing: &'a [Target],
    per: Option<usize>,
) -> Vec<(&'a Target, SectionView<'a>)> {
    let (Some(per), true) = (per, listing.len() > 1) else {
        return listing.first().map(|t| (t, view)).into_iter().collect();
    };
    let total = listing.len();
    let links: Vec<PaginatorLink<'a>> = listing
        .iter()
        .enumerate()
        .map(|(n, t)| PaginatorLink {
            number: n + 1,
            url: &t.url,
        })
        .collect();
    // Taken out so that no listing page clones the full list or the body.
    let pages = std::mem::take(&mut view.pages);
    let content = std::mem::take(&mut view.content);
    let toc = std::mem::take(&mut view.toc);
    let subsections = std::mem::take(&mut view.subsections);
    let mut first = Some((content, toc, subsections));
    listing
        .iter()
        .enumerate()
        .map(|(i, target)| {
            let n = i + 1;
            let mut v = view.clone();
            v.pages = pages[i * per..(n * per).min(pages.len())].to_vec();
            if let Some((content, toc, subsections)) = first.take() {
                v.content = content;
                v.toc = toc;
                v.subsections = subsections;
            }
            v.paginator = Some(Paginator {
                current: n,
                total,
                prev_url: i.checked_sub(1).map(|p| listing[p].url.as_str()),
                next_url: listing.get(n).map(|t| t.url.as_str()),
                pages: links.clone(),
            });
            (target, v)
        })
        .collect()
}

fn empty_section<'a>(
    title: Cow<'a, str>,
    target: &'a Target,
    breadcrumbs: Vec<Crumb<'a>>,
) -> SectionView<'a> {
    SectionView {
        title,
        url: &target.url,
        permalink: &target.permalink,
        content: "",
        summary: "",
        date: String::new(),
        date_display: String::new(),
        updated: String::new(),
        updated_display: String::new(),
        toc: &[],
        breadcrumbs,
        pages: Vec::new(),
        subsections: Vec::new(),
        prev: None,
        next: None,
        series: None,
        editions: Vec::new(),
        next_edition: String::new(),
        paginator: None,
    }
}

/// `/tags/` and `/tags/<tag>/` in every language (rendered with `section.html`),
/// each counted into `progress` once rendered.
pub(super) fn tag_pages(
    b: &ViewBuilder<'_>,
    templates: &Templates,
    progress: Option<&Progress>,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let site = b.site;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for lang in site.langs.iter().filter(|l| !l.tags.is_empty()) {
        let home_entry = site.home(lang.id);
        let home = Crumb {
            title: Cow::Borrowed(&lang.title),
            url: &home_entry.url,
            lang_tag: &lang.tag,
            lang: "",
        };
        let title: &str = b
            .strings(lang.id)
            .get("tags")
            .map_or("tags", |s| s.as_str());
        // A term exists in one language only: other languages link to their tag index.
        // Listing pages to render: (view, its page).
        let mut jobs: Vec<(SectionView<'_>, &Target)> = Vec::new();
        let mut index = empty_section(Cow::Borrowed(title), &lang.tags_index, vec![home.clone()]);
        for term in &lang.tags {
            let Some(first) = term.listing.first() else {
                continue;
            };
            index.pages.push(PageRef {
                title: Cow::Owned(format!("{} ({})", term.name, term.entries.len())),
                url: &first.url,
                summary: "",
                summary_html: None,
                date: String::new(),
                date_display: String::new(),
                lang_tag: &lang.tag,
            });
            let mut view = empty_section(
                Cow::Borrowed(&term.name),
                first,
                vec![
                    home.clone(),
                    Crumb {
                        title: Cow::Borrowed(title),
                        url: &lang.tags_index.url,
                        lang_tag: &lang.tag,
                        lang: "",
                    },
                ],
            );
            view.pages = term.entries.iter().map(|&i| b.page_ref(i)).collect();
            for (target, v) in paginate(view, &term.listing, site.config.paginate_by) {
                jobs.push((v, target));
            }
        }
        jobs.push((index, &lang.tags_index));
        let rendered: Vec<Result<OutputFile, Diagnostic>> = jobs
            .into_par_iter()
            .map(|(view, target)| {
                let mut ctx = b.generated(lang.id, |l| &l.tags_index);
                ctx.canonical = &target.permalink;
                ctx.section = Some(view);
                let page = templates
                    .render(lang.id, "section.html", &ctx, Path::new("tags"))
                    .map(|html| {
                        OutputFile::page(site.config.minify, target.out_path.clone(), html)
                    });
                if let (Some(p), Ok(_)) = (progress, &page) {
                    p.inc(1);
                }
                page
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
