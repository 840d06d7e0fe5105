//! `/search/` per language: the page (template `search.html`) and its index.

use std::path::Path;

use super::views::{SearchView, SiteView, TemplateContext, TranslationLink};
use crate::diagnostics::Diagnostic;
use crate::markdown::Rendered;
use crate::output::OutputFile;
use crate::resolve::Site;
use crate::search::{index_json, Doc};
use crate::templates::Templates;

fn prefix(site: &Site, li: usize) -> String {
    if li == 0 {
        String::new()
    } else {
        format!("{}/", site.config.languages[li].code)
    }
}

/// The index JSON of every language (pages in the language, fallbacks included:
/// their text is what the reader sees there).
pub fn indexes(site: &Site, rendered: &[Rendered]) -> Vec<OutputFile> {
    site.config
        .languages
        .iter()
        .enumerate()
        .map(|(li, lang)| {
            let docs: Vec<Doc<'_>> = site
                .entries
                .iter()
                .zip(rendered)
                .filter(|(e, _)| e.lang == lang.code)
                .map(|(e, r)| Doc {
                    title: &site.source(e).title,
                    url: &e.url,
                    text: &r.text,
                })
                .collect();
            OutputFile::bytes(
                format!("{}search/index.json", prefix(site, li)),
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
    let base = &site.config.base_url;
    let url_of = |li: usize| format!("{}{}search/", site.config.base_path, prefix(site, li));
    let absolute = |li: usize| format!("{base}{}search/", prefix(site, li));
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for (li, sv) in sites.iter().enumerate() {
        let translations: Vec<TranslationLink> = site
            .config
            .languages
            .iter()
            .enumerate()
            .map(|(i, l)| TranslationLink {
                code: l.code.clone(),
                name: l.name.clone(),
                tag: l.tag.clone(),
                url: url_of(i),
                permalink: absolute(i),
                current: i == li,
            })
            .collect();
        let ctx = TemplateContext {
            site: sv,
            canonical: absolute(li),
            description: String::new(),
            x_default: absolute(0),
            translations,
            fallback: false,
            content_lang_tag: sv.lang_tag.clone(),
            section: None,
            page: None,
            data: None,
            data_index: None,
            og_type: "website",
            jsonld: String::new(),
            search: Some(SearchView {
                index_url: format!("{}index.json", url_of(li)),
                script_url: format!("{}js/search.js", site.config.base_path),
            }),
        };
        match templates.render(li, "search.html", &ctx, Path::new("search")) {
            Ok(html) => files.push(OutputFile::html(
                format!("{}search/index.html", prefix(site, li)),
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
