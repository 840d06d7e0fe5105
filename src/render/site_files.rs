//! Site-wide files: Atom feed per language, `sitemap.xml` with hreflang
//! alternates, `robots.txt`.

use std::collections::{BTreeMap, HashSet};

use rayon::prelude::*;

use crate::content::SourceDate;
use crate::diagnostics::Diagnostic;
use crate::render::html::escape;

use crate::output::{atom, robots_txt, sitemap_xml, FeedEntry, OutputFile, SitemapUrl};
use crate::resolve::Site;

/// `atom.xml` (and `<code>/atom.xml`): the dated pages of each language, newest first.
pub fn feeds(site: &Site, summaries: &[String]) -> Vec<OutputFile> {
    let base = &site.config.base_url;
    let default = &site.config.default_language().code;
    site.config
        .languages
        .par_iter()
        .enumerate()
        .map(|(li, lang)| {
            let prefix = if li == 0 {
                String::new()
            } else {
                format!("{}/", lang.code)
            };
            let mut entries: Vec<(SourceDate, FeedEntry)> = site
                .entries
                .iter()
                .enumerate()
                .filter(|(_, e)| e.lang == lang.code && !e.is_section)
                .filter_map(|(i, e)| {
                    let src = site.source(e);
                    let date = src.front.date.clone()?;
                    let text_lang = site
                        .config
                        .language(&src.lang)
                        .map_or(lang.tag.clone(), |l| l.tag.clone());
                    let rel = e.url.strip_prefix(&site.config.base_path).unwrap_or(&e.url);
                    Some((
                        date.clone(),
                        FeedEntry {
                            title: src.title.clone(),
                            url: format!("{base}{rel}"),
                            date: date.date(),
                            summary: summaries[i].clone(),
                            lang: text_lang,
                        },
                    ))
                })
                .collect();
            entries.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.url.cmp(&b.1.url)));
            let entries: Vec<FeedEntry> = entries.into_iter().map(|(_, e)| e).collect();
            let title = site.config.title.get(&lang.code, default);
            let feed_url = format!("{base}{prefix}atom.xml");
            let xml = atom(
                &title,
                &feed_url,
                &format!("{base}{prefix}"),
                &lang.tag,
                &entries,
            );
            OutputFile::bytes(format!("{prefix}atom.xml"), xml.into_bytes())
        })
        .collect()
}

/// `sitemap.xml` of every HTML page but the 404s, each with the same page in the
/// other languages (`<code>/` prefix swapped), and `robots.txt`.
pub fn sitemap_and_robots(site: &Site, files: &[OutputFile]) -> Vec<OutputFile> {
    let base = &site.config.base_url;
    let languages = &site.config.languages;
    // Logical path (without language prefix) → (language index, path).
    let mut groups: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    for dir in files
        .iter()
        .filter_map(|f| f.path.strip_suffix("index.html"))
    {
        let (li, logical) = languages
            .iter()
            .enumerate()
            .skip(1)
            .find_map(|(li, l)| {
                dir.strip_prefix(&format!("{}/", l.code))
                    .map(|rest| (li, rest))
            })
            .unwrap_or((0, dir));
        groups
            .entry(logical.to_string())
            .or_default()
            .push((li, dir.to_string()));
    }
    let mut urls = Vec::new();
    for members in groups.values() {
        let mut alternates: Vec<(String, String)> = Vec::new();
        if members.len() > 1 {
            for (li, dir) in members {
                alternates.push((languages[*li].tag.clone(), format!("{base}{dir}")));
            }
            if let Some((_, dir)) = members.iter().find(|(li, _)| *li == 0) {
                alternates.push(("x-default".to_string(), format!("{base}{dir}")));
            }
        }
        for (_, dir) in members {
            urls.push(SitemapUrl {
                loc: format!("{base}{dir}"),
                alternates: alternates.clone(),
            });
        }
    }
    urls.sort_by(|a, b| a.loc.cmp(&b.loc));
    vec![
        OutputFile::bytes("sitemap.xml", sitemap_xml(&urls).into_bytes()),
        OutputFile::bytes("robots.txt", robots_txt(base).into_bytes()),
    ]
}

/// Redirect pages for `aliases:`: a `noindex` page pointing (refresh and
/// canonical link) at the entry's permalink, as Hugo and Zola write them. An
/// alias landing on a generated page (tags, data, search…) is an error.
pub fn aliases(site: &Site, files: &[OutputFile]) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    if site.entries.iter().all(|e| e.aliases.is_empty()) {
        return Ok(Vec::new());
    }
    let taken: HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for e in site.entries.iter().filter(|e| !e.aliases.is_empty()) {
        let rel = e.url.strip_prefix(&site.config.base_path).unwrap_or(&e.url);
        let target = escape(&format!("{}{rel}", site.config.base_url));
        for path in &e.aliases {
            if taken.contains(path.as_str()) {
                problems.push(
                    Diagnostic::error(
                        &site.source(e).path,
                        0,
                        0,
                        format!("alias `/{path}` would replace a generated page"),
                    )
                    .with_hint("choose an old URL the site does not use"),
                );
                continue;
            }
            let html = format!(
                "<!doctype html><html><head><meta charset=\"utf-8\"><title>{target}</title>\
                 <link rel=\"canonical\" href=\"{target}\"><meta name=\"robots\" content=\"noindex\">\
                 <meta http-equiv=\"refresh\" content=\"0; url={target}\"></head>\
                 <body><a href=\"{target}\">{target}</a></body></html>\n"
            );
            out.push(OutputFile::bytes(path.clone(), html.into_bytes()));
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}
