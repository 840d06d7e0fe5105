//! Render stage: Markdown for every entry, anchor checks, then templates, in
//! parallel. Produces the output files in memory; nothing here touches disk.

pub mod chart;
mod context;
pub mod data;
pub mod datatable;
mod generated;
pub mod html;
pub mod jsonld;
pub mod listing;
pub mod navigation;
mod search_page;
mod series_views;
mod site_files;
pub mod views;

use std::collections::HashSet;
use std::path::Path;

use rayon::prelude::*;

use crate::data::DataTable;
use crate::diagnostics::Diagnostic;
use crate::i18n::Strings;
use crate::locale::Style;
use crate::markdown::{self, LinkContext, Rendered};
use crate::output::OutputFile;
use crate::resolve::{Entry, Site};
use crate::templates::Templates;
use context::{site_view, ViewBuilder};
use data::DataSet;
use views::{SiteView, TemplateContext};

/// What every page's context takes from the whole site (summaries, the site as
/// seen from each language, reading order and series). `serve` keeps it so an
/// edit to the text of one page re-renders that page alone.
pub struct SiteContext {
    summaries: Vec<String>,
    sites: Vec<SiteView>,
    nav: series_views::Navigation,
}

/// Renders every page of the site (all languages), plus one `404.html` per language.
pub fn render_site(
    site: &Site,
    templates: &Templates,
    strings: &[Strings],
    tables: &[DataTable],
) -> Result<(Vec<OutputFile>, SiteContext), Vec<Diagnostic>> {
    let t0 = std::time::Instant::now();
    let data = DataSet::new(tables);
    let codes = language_codes(site);
    let mut rendered: Vec<Rendered> = site
        .entries
        .par_iter()
        .map(|e| render_markdown(site, e, &codes, &data, strings))
        .collect();
    crate::timing("render: markdown", t0.elapsed());
    let mut problems: Vec<Diagnostic> = rendered
        .iter()
        .flat_map(|r| r.diagnostics.iter().cloned())
        .collect();
    problems.extend(check_anchors(site, &rendered));
    if !problems.is_empty() {
        // A fallback shows its original's problems again: report each once.
        problems.sort_by(|a, b| {
            (&a.path, a.line, a.column, &a.message).cmp(&(&b.path, b.line, b.column, &b.message))
        });
        problems.dedup();
        return Err(problems);
    }

    let summaries: Vec<String> = site
        .entries
        .iter()
        .zip(&rendered)
        .map(|(e, r)| {
            site.source(e)
                .front
                .summary
                .clone()
                .unwrap_or_else(|| r.summary.clone())
        })
        .collect();
    let sites: Vec<SiteView> = (0..site.config.languages.len())
        .map(|i| site_view(site, i))
        .collect();
    let nav = series_views::Navigation {
        order: navigation::reading_order(site),
        series: navigation::series(site)?,
    };
    let builder = ViewBuilder {
        site,
        summaries: &summaries,
        strings,
        nav: &nav,
    };

    crate::timing("render: views", t0.elapsed());
    // The search index (largely sequential) is built while the pages render.
    let texts: Vec<String> = rendered
        .iter_mut()
        .map(|r| std::mem::take(&mut r.text))
        .collect();
    let (search_indexes, results) = rayon::join(
        || search_page::indexes(site, &texts),
        || {
            site.entries
                .par_iter()
                .zip(rendered.into_par_iter())
                .map(|(entry, r)| render_entry(&builder, templates, &sites, entry, r, None))
                .collect::<Vec<Result<Vec<OutputFile>, Diagnostic>>>()
        },
    );
    drop(texts);
    crate::timing("render: pages and search", t0.elapsed());
    let mut files = Vec::with_capacity(results.len() + sites.len());
    for r in results {
        match r {
            Ok(f) => files.extend(f),
            Err(d) => problems.push(d),
        }
    }
    for (li, sv) in sites.iter().enumerate() {
        let prefix = if li == 0 {
            String::new()
        } else {
            format!("{}/", sv.lang)
        };
        let translations = builder.translations(&site.entries[site.homes[li]]);
        let ctx = TemplateContext {
            site: sv,
            canonical: format!("{}{prefix}404.html", site.config.base_url),
            description: String::new(),
            x_default: translations
                .first()
                .map(|t| t.permalink.clone())
                .unwrap_or_default(),
            translations,
            fallback: false,
            content_lang_tag: sv.lang_tag.clone(),
            section: None,
            page: None,
            data: None,
            data_index: None,
            og_type: "website",
            jsonld: String::new(),
            search: None,
        };
        match templates.render(li, "404.html", &ctx, Path::new("404.html")) {
            Ok(html) => files.push(OutputFile::page(
                site.config.minify,
                format!("{prefix}404.html"),
                html,
            )),
            Err(d) => problems.push(d),
        }
    }
    crate::timing("render: 404", t0.elapsed());
    match data::data_pages(site, templates, strings, &data, &sites) {
        Ok(f) => files.extend(f),
        Err(d) => problems.extend(d),
    }
    crate::timing("render: data", t0.elapsed());
    match search_page::pages(site, templates, &sites) {
        Ok(f) => files.extend(f),
        Err(d) => problems.extend(d),
    }
    files.extend(search_indexes);
    // Feeds (serial per language) are written while the tag pages render.
    let (tags, feeds) = rayon::join(
        || listing::tag_pages(&builder, templates, &sites),
        || site_files::feeds(site, &summaries),
    );
    match tags {
        Ok(f) => files.extend(f),
        Err(d) => problems.extend(d),
    }
    files.extend(feeds);
    crate::timing("render: lists and feeds", t0.elapsed());
    let extra = site_files::sitemap_and_robots(site, &files);
    files.extend(extra);
    match site_files::aliases(site, &files) {
        Ok(f) => files.extend(f),
        Err(d) => problems.extend(d),
    }
    crate::timing("render: site files", t0.elapsed());
    if problems.is_empty() {
        Ok((
            files,
            SiteContext {
                summaries,
                sites,
                nav,
            },
        ))
    } else {
        Err(problems)
    }
}

/// The HTML of one entry: its page, or every page of a paginated section (with
/// `listing`, only the listing pages that list the page at that URL).
fn render_entry(
    builder: &ViewBuilder<'_>,
    templates: &Templates,
    sites: &[SiteView],
    entry: &Entry,
    r: Rendered,
    listing: Option<&str>,
) -> Result<Vec<OutputFile>, Diagnostic> {
    let site = builder.site;
    let li = lang_index(site, &entry.lang);
    let mut sv = sites[li].clone();
    for item in &mut sv.nav {
        item.active = entry.url.starts_with(&item.url);
    }
    let mut ctx = builder.context(entry, r, &sv);
    let name = match (entry.is_section, entry.parent) {
        (true, None) => "home.html",
        (true, Some(_)) => "section.html",
        _ => "page.html",
    };
    let path = &site.source(entry).path;
    let Some(section) = ctx.section.take() else {
        let html = templates.render(li, name, &ctx, path)?;
        return Ok(vec![OutputFile::page(
            site.config.minify,
            entry.out_path.clone(),
            html,
        )]);
    };
    let dir = entry.out_path.trim_end_matches("index.html").to_string();
    let mut out = Vec::new();
    let canonical = ctx.canonical.clone();
    let pages = listing::paginate(section, site.config.paginate_by);
    let paginated = pages.len() > 1;
    for (suffix, view) in pages {
        if let (Some(url), true) = (listing, paginated) {
            if !view.pages.iter().any(|p| p.url == url) {
                continue;
            }
        }
        ctx.canonical = format!("{canonical}{suffix}");
        ctx.section = Some(view);
        let html = templates.render(li, name, &ctx, path)?;
        out.push(OutputFile::page(
            site.config.minify,
            format!("{dir}{suffix}index.html"),
            html,
        ));
    }
    Ok(out)
}

/// The site's language codes, in configured order.
fn language_codes(site: &Site) -> Vec<&str> {
    site.config
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .collect()
}

/// Re-renders the pages showing source `source` (the page and the fallbacks that
/// show it) and the listing pages of their sections that list them, with the
/// context of the last full render, updating its summaries. Feeds, the search
/// index and tag pages are left to the next full render.
pub fn render_source(
    site: &Site,
    templates: &Templates,
    strings: &[Strings],
    tables: &[DataTable],
    cx: &mut SiteContext,
    source: usize,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let data = DataSet::new(tables);
    let codes = language_codes(site);
    // Entry, and the URL of the edited page it lists (for its parent sections).
    let mut targets: Vec<(usize, Option<&str>)> = Vec::new();
    for (i, e) in site.entries.iter().enumerate() {
        if e.source == source {
            targets.push((i, None));
            targets.extend(e.parent.map(|p| (p, Some(e.url.as_str()))));
        }
    }
    targets.sort_unstable();
    targets.dedup_by_key(|t| t.0);
    let mut rendered = Vec::new();
    for (i, listing) in targets {
        let e = &site.entries[i];
        let r = render_markdown(site, e, &codes, &data, strings);
        if !r.diagnostics.is_empty() {
            return Err(r.diagnostics);
        }
        if e.source == source {
            cx.summaries[i] = site
                .source(e)
                .front
                .summary
                .clone()
                .unwrap_or_else(|| r.summary.clone());
        }
        rendered.push((i, r, listing));
    }
    let builder = ViewBuilder {
        site,
        summaries: &cx.summaries,
        strings,
        nav: &cx.nav,
    };
    // On this thread: rayon's pool may be busy with a full build.
    let mut files = Vec::new();
    for (i, r, listing) in rendered {
        let entry = &site.entries[i];
        files.extend(
            render_entry(&builder, templates, &cx.sites, entry, r, listing).map_err(|d| vec![d])?,
        );
    }
    Ok(files)
}

pub(crate) fn lang_index(site: &Site, code: &str) -> usize {
    site.config
        .languages
        .iter()
        .position(|l| l.code == code)
        .unwrap_or(0)
}

fn render_markdown(
    site: &Site,
    entry: &Entry,
    codes: &[&str],
    data: &DataSet<'_>,
    strings: &[Strings],
) -> Rendered {
    let src = site.source(entry);
    // Figures are written in the language of the text around them.
    let (body, data_problems) = data::expand(
        site,
        entry,
        lang_index(site, &src.lang),
        &src.body,
        data,
        strings,
    );
    let ctx = LinkContext {
        path: &src.path,
        line_offset: src.body_line_offset,
        dir: &src.dir,
        languages: codes,
        tag_han: (Style::for_tag(&site.config.languages[lang_index(site, &src.lang)].tag)
            != Style::Chinese)
            .then_some(data::lang_ctx(site, 0, strings).zh_tag),
    };
    let mut rendered = markdown::render(&body, &ctx, &|key| {
        site.lookup(key, &entry.lang).map(|e| e.url.clone())
    });
    rendered.diagnostics.extend(data_problems);
    rendered.text.push_str(&data::tables_text(
        site,
        lang_index(site, &src.lang),
        &src.body,
        data,
        strings,
    ));
    rendered
}

/// `#fragment`s of internal links must name a heading of the target page.
fn check_anchors(site: &Site, rendered: &[Rendered]) -> Vec<Diagnostic> {
    let ids: Vec<HashSet<&str>> = rendered
        .iter()
        .map(|r| r.toc.iter().map(|t| t.id.as_str()).collect())
        .collect();
    let mut problems = Vec::new();
    for (entry, r) in site.entries.iter().zip(rendered) {
        // A fallback shows the original: report its problems once, on the original.
        if entry.fallback && entry.lang != site.config.default_language().code {
            continue;
        }
        for link in &r.links {
            let Some(fragment) = &link.fragment else {
                continue;
            };
            let Some(&target) = site.by_key.get(&(link.key.clone(), entry.lang.clone())) else {
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
