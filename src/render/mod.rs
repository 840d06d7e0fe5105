//! Render stage: Markdown for every entry, anchor checks, then templates, in
//! parallel. Each output file goes to a [`Sink`] as soon as it is made;
//! nothing here touches disk.

mod body;
pub use body::unknown_path;
mod builder;
pub mod chart;
mod cite_files;
mod context;
pub mod data;
pub mod datatable;
mod glossary_page;
pub mod jsonld;
pub mod listing;
mod notice;
pub mod open_data;
mod out;
pub mod print;
pub mod print_view;
mod search_page;
mod site_files;
mod statements;
pub mod views;
pub mod xlsx;

use std::path::Path;

use rayon::prelude::*;

use crate::data::DataTable;
use crate::diagnostics::Diagnostic;
use crate::i18n::Strings;
use crate::markdown::Rendered;
use crate::output::{OutputFile, Sink};
use crate::progress::Progress;
use crate::resolve::Site;
use crate::templates::Templates;
use crate::timing;
use crate::Error;
use builder::ViewBuilder;
use data::DataSet;
use out::Out;

/// What every page's context takes from the whole site beyond the [`Site`]:
/// the summaries cut from the rendered bodies. `serve` keeps it so an edit to
/// the text of one page re-renders that page alone.
pub struct SiteContext {
    summaries: Vec<String>,
    pdf_sizes: Vec<Option<u64>>,
}

/// What a render gave its sink.
pub struct Made {
    /// Files given.
    pub files: usize,
    /// HTML pages among them (404 pages included).
    pub pages: usize,
}

/// Renders every page of the site (all languages), plus one `404.html` per
/// language, giving each file to `sink` as soon as it is made. `pdf_sizes`: the
/// size of each language's PDF, by `LangId`, where it is known (pages link a
/// PDF only then). Problems in the content end the render before any file is
/// made; problems of templates, after the rest is rendered (every one is
/// reported); an error of the sink, at once. `progress` counts the pages of
/// entries and tags as they render ([`counted_pages`] of them).
pub fn render_site(
    site: &Site,
    templates: &Templates,
    strings: &[Strings],
    tables: &[DataTable],
    pdf_sizes: Vec<Option<u64>>,
    sink: &dyn Sink,
    progress: Option<&Progress>,
) -> Result<(Made, SiteContext), Error> {
    let t0 = std::time::Instant::now();
    if let Some(p) = progress {
        p.set_total(counted_pages(site));
    }
    let data = DataSet::new(tables);
    let codes = site.lang_codes();
    let mut rendered: Vec<Rendered> = site
        .entries
        .par_iter()
        .map(|e| body::render(site, e, &codes, &data, strings))
        .collect();
    timing::report("render: markdown", t0.elapsed());
    let mut problems: Vec<Diagnostic> = rendered
        .iter()
        .flat_map(|r| r.diagnostics.iter().cloned())
        .collect();
    problems.extend(body::check_links(site, &rendered));
    if !problems.is_empty() {
        // A fallback shows its original's problems again: report each once.
        problems.sort_by(|a, b| {
            (&a.path, a.line, a.column, &a.message).cmp(&(&b.path, b.line, b.column, &b.message))
        });
        problems.dedup();
        return Err(Error::Content(problems));
    }

    // Views read the summaries from here: the bodies' copies are taken.
    let summaries: Vec<String> = site
        .entries
        .iter()
        .zip(&mut rendered)
        .map(|(e, r)| {
            site.source(e)
                .front
                .summary
                .clone()
                .unwrap_or_else(|| std::mem::take(&mut r.summary))
        })
        .collect();
    let builder = ViewBuilder {
        site,
        summaries: &summaries,
        strings,
        pdf_sizes: &pdf_sizes,
        print: templates.has(print::TEMPLATE),
        corrections_page: templates.has(statements::CORRECTIONS),
        accessibility_page: templates.has(statements::ACCESSIBILITY),
    };
    let out = Out::new(sink);
    // The search index (largely sequential) is built while the pages render.
    let texts: Vec<String> = rendered
        .iter_mut()
        .map(|r| std::mem::take(&mut r.text))
        .collect();
    let ((), results) = rayon::join(
        || search_page::indexes(site, &texts, &|f| out.put(f)),
        || {
            rendered
                .par_iter()
                .enumerate()
                .map(|(i, r)| {
                    if !out.failed() {
                        let files = render_entry(&builder, templates, i, r, None)?;
                        if let Some(p) = progress {
                            p.inc(files.len());
                        }
                        out.put_all(files);
                    }
                    Ok(())
                })
                .collect::<Vec<Result<(), Diagnostic>>>()
        },
    );
    drop(texts);
    problems.extend(results.into_iter().filter_map(Result::err));
    timing::report("render: pages and search", t0.elapsed());
    for lang in &site.langs {
        let home = site.home(lang.id);
        let translations = builder.translations(home);
        let mut ctx = builder.generated(lang.id, |l| &l.not_found);
        ctx.canonical = &lang.not_found.permalink;
        ctx.x_default = translations.first().map_or("", |t| t.permalink);
        ctx.translations = translations;
        match templates.render(lang.id, "404.html", &ctx, Path::new("404.html")) {
            Ok(html) => out.put(OutputFile::page(
                site.config.minify,
                lang.not_found.out_path.clone(),
                html,
            )),
            Err(d) => problems.push(d),
        }
    }
    out.stage(&mut problems, data::data_pages(&builder, templates, &data));
    out.stage(&mut problems, search_page::pages(&builder, templates));
    out.stage(&mut problems, glossary_page::pages(&builder, templates));
    out.stage(&mut problems, statements::pages(&builder, templates));
    // Feeds (serial per language) are written while the tag pages render.
    let (tags, feeds) = rayon::join(
        || listing::tag_pages(&builder, templates, progress),
        || site_files::feeds(site, &summaries, strings),
    );
    out.stage(&mut problems, tags);
    out.put_all(feeds);
    out.put_all(cite_files::files(site));
    timing::report("render: lists and feeds", t0.elapsed());
    // Last and alone, when the other pages are made and their memory is free:
    // a print page holds the whole report. The languages render side by side
    // (the two of the corpus in benches/ stay below the peak of the pages
    // above); the bodies go with their language's page. Its problems are
    // reported first.
    let mut bodies: Vec<String> = rendered.into_iter().map(|r| r.html).collect();
    let print_problems = print::pages(&builder, templates, &mut bodies, &data, &|f| out.put(f));
    drop(bodies);
    problems.splice(0..0, print_problems);
    timing::report("render: print", t0.elapsed());
    out.put_all(site_files::sitemap_and_robots(site, &out.paths()));
    out.stage(&mut problems, site_files::aliases(site, &out.paths()));
    timing::report("render: site files", t0.elapsed());
    let made = out.finish()?;
    if problems.is_empty() {
        Ok((
            made,
            SiteContext {
                summaries,
                pdf_sizes,
            },
        ))
    } else {
        Err(Error::Content(problems))
    }
}

/// The pages a [`Progress`] counts: every entry's (a section's listing pages,
/// one for a page) and every tag page (see [`listing::tag_pages`]).
pub fn counted_pages(site: &Site) -> usize {
    let entries: usize = site.entries.iter().map(|e| e.listing.len().max(1)).sum();
    let tags: usize = site
        .langs
        .iter()
        .filter(|l| !l.tags.is_empty())
        .map(|l| 1 + l.tags.iter().map(|t| t.listing.len()).sum::<usize>())
        .sum();
    entries + tags
}

/// The HTML of entry `index`: its page, or every page of a paginated section
/// (with `listing`, only the listing pages that list the page at that URL).
fn render_entry(
    builder: &ViewBuilder<'_>,
    templates: &Templates,
    index: usize,
    r: &Rendered,
    listing: Option<&str>,
) -> Result<Vec<OutputFile>, Diagnostic> {
    let site = builder.site;
    let entry = &site.entries[index];
    let mut ctx = builder.context(index, r);
    let name = match (entry.is_section, entry.parent) {
        (true, None) => "home.html",
        (true, Some(_)) => "section.html",
        _ => "page.html",
    };
    let path = &site.source(entry).path;
    let Some(section) = ctx.section.take() else {
        let html = templates.render(entry.lang, name, &ctx, path)?;
        return Ok(vec![OutputFile::page(
            site.config.minify,
            entry.out_path.clone(),
            html,
        )]);
    };
    let mut out = Vec::new();
    let pages = listing::paginate(section, &entry.listing, site.config.paginate_by);
    let paginated = pages.len() > 1;
    for (target, view) in pages {
        if let (Some(url), true) = (listing, paginated) {
            if !view.pages.iter().any(|p| p.url == url) {
                continue;
            }
        }
        ctx.canonical = &target.permalink;
        ctx.section = Some(view);
        let html = templates.render(entry.lang, name, &ctx, path)?;
        out.push(OutputFile::page(
            site.config.minify,
            target.out_path.clone(),
            html,
        ));
    }
    Ok(out)
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
    let codes = site.lang_codes();
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
        let r = body::render(site, e, &codes, &data, strings);
        if !r.diagnostics.is_empty() {
            return Err(r.diagnostics);
        }
        // A link to a URL the site lacks: the full build reports it.
        if e.source == source && !r.paths.is_empty() {
            let paths = site.output_paths();
            if r.paths
                .iter()
                .any(|p| !p.dest.starts_with('#') && site.find_path(&paths, &p.dest).is_none())
            {
                return Err(Vec::new());
            }
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
        pdf_sizes: &cx.pdf_sizes,
        print: templates.has(print::TEMPLATE),
        corrections_page: templates.has(statements::CORRECTIONS),
        accessibility_page: templates.has(statements::ACCESSIBILITY),
    };
    // On this thread: rayon's pool may be busy with a full build.
    let mut files = Vec::new();
    for (i, r, listing) in &rendered {
        files.extend(render_entry(&builder, templates, *i, r, *listing).map_err(|d| vec![d])?);
    }
    Ok(files)
}
