//! `/search/` per language: the page (template `search.html`) and its index.

use std::path::Path;

use super::generated;
use super::views::{SearchView, SiteView};
use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use crate::resolve::Site;
use crate::search::{index_json, Doc};
use crate::templates::Templates;

/// The index JSON of every language (pages in the language, fallbacks included:
/// their text is what the reader sees there).
pub fn indexes(site: &Site, texts: &[String]) -> Vec<OutputFile> {
    use rayon::prelude::*;
    site.config
        .languages
        .par_iter()
        .enumerate()
        .map(|(li, lang)| {
            let docs: Vec<Doc<'_>> = site
                .entries
                .iter()
                .zip(texts)
                .filter(|(e, _)| e.lang == lang.code)
                .map(|(e, text)| Doc {
                    title: &site.source(e).title,
                    url: &e.url,
                    text,
                })
                .collect();
            OutputFile::bytes(
                format!("{}search/index.json", generated::lang_prefix(site, li)),
                index_json(&lang.code, &docs).into_bytes(),
            )
        })
        .collect()
}

/// The search page of every language, when the theme has `search.html`.
pub fn pages(
    site: &Site,
    templates: &Templates,
    sites: &[SiteView],
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    if !templates.has("search.html") {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for (li, sv) in sites.iter().enumerate() {
        let mut ctx = generated::context(site, sv, li, "search/");
        ctx.search = Some(SearchView {
            index_url: generated::url_in(site, li, "search/index.json"),
            script_url: format!("{}js/search.js", site.config.base_path),
        });
        match templates.render(li, "search.html", &ctx, Path::new("search")) {
            Ok(html) => files.push(OutputFile::page(
                site.config.minify,
                format!("{}search/index.html", generated::lang_prefix(site, li)),
                html,
            )),
            Err(d) => problems.push(d),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}
