//! `/search/` per language: the page (template `search.html`) and its index.

use std::path::Path;

use super::builder::ViewBuilder;
use super::views::SearchView;
use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use crate::resolve::Site;
use crate::search::{index_files, Doc};
use crate::templates::Templates;

/// The index files of every language (pages in the language, fallbacks
/// included: their text is what the reader sees there), beside its manifest
/// `search/index.json`, each given to `put` once made; the languages in
/// parallel.
pub fn indexes(site: &Site, texts: &[String], put: &(dyn Fn(OutputFile) + Sync)) {
    use rayon::prelude::*;
    site.langs.par_iter().for_each(|lang| {
        let docs: Vec<Doc<'_>> = site
            .entries
            .iter()
            .zip(texts)
            .filter(|(e, _)| e.lang == lang.id)
            .map(|(e, text)| Doc {
                title: &site.source(e).title,
                url: &e.url,
                text,
            })
            .collect();
        let manifest = &lang.search_index.out_path;
        let dir = manifest.rsplit_once('/').map_or("", |(d, _)| d);
        index_files(&lang.code, &docs, &|f| {
            let path = if dir.is_empty() {
                f.path
            } else {
                format!("{dir}/{}", f.path)
            };
            put(OutputFile::bytes(path, f.bytes));
        });
    });
}

/// The search page of every language, when the theme has `search.html`.
pub(super) fn pages(
    b: &ViewBuilder<'_>,
    templates: &Templates,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    if !templates.has("search.html") {
        return Ok(Vec::new());
    }
    let site = b.site;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for lang in &site.langs {
        let mut ctx = b.generated(lang.id, |l| &l.search);
        ctx.search = Some(SearchView {
            index_url: &lang.search_index.url,
            script_url: site.urls.asset("js/search.js"),
            han_tag: (lang.style != crate::locale::Style::Chinese).then_some(site.han_tag.as_str()),
        });
        match templates.render(lang.id, "search.html", &ctx, Path::new("search")) {
            Ok(html) => files.push(OutputFile::page(
                site.config.minify,
                lang.search.out_path.clone(),
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
