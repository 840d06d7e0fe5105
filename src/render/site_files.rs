//! Site-wide files: Atom feed per language, `sitemap.xml` with hreflang
//! alternates (percent-encoded URLs), `robots.txt`.

use std::collections::{BTreeMap, HashSet};

use rayon::prelude::*;

use crate::content::SourceDate;
use crate::diagnostics::Diagnostic;
use crate::html::escape;
use crate::i18n::Strings;
use crate::resolve::Lang;

use crate::output::{atom, robots_txt, sitemap_xml, FeedEntry, OutputFile, SitemapUrl};
use crate::resolve::Site;

/// `atom.xml` (and `<code>/atom.xml`): the dated pages of each language, newest first.
/// Each correction is an entry of its own besides the corrected page's (whose
/// `<updated>` moves to the correction's day): tables have no entry, and feed
/// readers rarely show an entry again when only its `<updated>` changes.
pub fn feeds(site: &Site, summaries: &[String], strings: &[Strings]) -> Vec<OutputFile> {
    site.langs
        .par_iter()
        .map(|lang| {
            let mut entries: Vec<(SourceDate, FeedEntry)> = site
                .entries
                .iter()
                .enumerate()
                .filter(|(_, e)| e.lang == lang.id && !e.is_section)
                .filter_map(|(i, e)| {
                    let src = site.source(e);
                    let date = src.front.date.clone()?;
                    Some((
                        date.clone(),
                        FeedEntry {
                            title: src.title.clone(),
                            url: e.permalink.clone(),
                            id: e.permalink.clone(),
                            date: date.date(),
                            updated: e
                                .corrections
                                .first()
                                .and_then(|&n| lang.corrections.get(n))
                                .map(|c| c.date)
                                .filter(|&d| d > date.date()),
                            summary: summaries[i].clone(),
                            summary_html: super::builder::tagged_summary(site, e, &summaries[i]),
                            lang: site.lang(e.text_lang).tag.clone(),
                        },
                    ))
                })
                .collect();
            entries.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.url.cmp(&b.1.url)));
            let pages = entries.into_iter().map(|(_, e)| e);
            let entries = with_corrections(pages, correction_entries(site, lang, strings));
            let xml = atom(
                &lang.title,
                &lang.feed.permalink,
                &site.home(lang.id).permalink,
                &lang.tag,
                &entries,
            );
            OutputFile::bytes(lang.feed.out_path.clone(), xml.into_bytes())
        })
        .collect()
}

/// A feed entry per correction of `lang`, newest first: its id is the
/// correction's anchor on the corrections page, its link the corrected page.
fn correction_entries(site: &Site, lang: &Lang, strings: &[Strings]) -> Vec<FeedEntry> {
    let title = strings
        .get(lang.id.index())
        .and_then(|s| s.get("correction_feed_title"));
    lang.corrections
        .iter()
        .map(|c| FeedEntry {
            title: title.map_or_else(|| c.title.clone(), |t| t.replace("{title}", &c.title)),
            url: c.target.permalink.clone(),
            id: format!("{}#{}", lang.corrections_page.permalink, c.anchor),
            date: c.date,
            updated: None,
            summary: c.what.clone(),
            // The title is in the feed's language; text of another keeps its own.
            summary_html: (c.what_lang != lang.id).then(|| {
                format!(
                    "<span lang=\"{}\">{}</span>",
                    site.lang(c.what_lang).tag,
                    escape(&c.what)
                )
            }),
            lang: lang.tag.clone(),
        })
        .collect()
}

/// `pages` and `corrections` (each newest first) merged, newest first; a
/// correction goes before a page of the same day.
fn with_corrections(
    pages: impl Iterator<Item = FeedEntry>,
    corrections: Vec<FeedEntry>,
) -> Vec<FeedEntry> {
    let mut out = Vec::new();
    let mut corrections = corrections.into_iter().peekable();
    for page in pages {
        while let Some(c) = corrections.next_if(|c| c.date >= page.date) {
            out.push(c);
        }
        out.push(page);
    }
    out.extend(corrections);
    out
}

/// `sitemap.xml` of every HTML page but the 404s among the output `paths`,
/// each with the same page in the other languages (`<code>/` prefix swapped,
/// languages in the site's order), and `robots.txt`.
pub fn sitemap_and_robots(site: &Site, paths: &[String]) -> Vec<OutputFile> {
    let langs = &site.langs;
    // Logical path (without language prefix) → (language index, path).
    let mut groups: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    for dir in paths.iter().filter_map(|p| p.strip_suffix("index.html")) {
        let (li, logical) = langs
            .iter()
            .skip(1)
            .find_map(|l| {
                dir.strip_prefix(l.prefix.as_str())
                    .map(|rest| (l.id.index(), rest))
            })
            .unwrap_or((0, dir));
        groups
            .entry(logical.to_string())
            .or_default()
            .push((li, dir.to_string()));
    }
    let mut urls = Vec::new();
    for members in groups.values_mut() {
        members.sort();
    }
    for members in groups.values() {
        let mut alternates: Vec<(String, String)> = Vec::new();
        if members.len() > 1 {
            for (li, dir) in members {
                alternates.push((langs[*li].tag.clone(), site.urls.absolute_ascii(dir)));
            }
            if let Some((_, dir)) = members.iter().find(|(li, _)| *li == 0) {
                alternates.push(("x-default".to_string(), site.urls.absolute_ascii(dir)));
            }
        }
        for (_, dir) in members {
            urls.push(SitemapUrl {
                // The sitemaps protocol takes URIs: Mongolian and Chinese
                // segments (tags) percent-encoded.
                loc: site.urls.absolute_ascii(dir),
                alternates: alternates.clone(),
            });
        }
    }
    urls.sort_by(|a, b| a.loc.cmp(&b.loc));
    vec![
        OutputFile::bytes("sitemap.xml", sitemap_xml(&urls).into_bytes()),
        OutputFile::bytes(
            "robots.txt",
            robots_txt(&site.urls.absolute("sitemap.xml")).into_bytes(),
        ),
    ]
}

/// Redirect pages for `aliases:`: a `noindex` page pointing (refresh and
/// canonical link) at the entry's permalink, as Hugo and Zola write them. An
/// alias landing on a generated page (tags, data, search…), one of the output
/// `paths`, is an error.
pub fn aliases(site: &Site, paths: &[String]) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    if site.entries.iter().all(|e| e.aliases.is_empty()) {
        return Ok(Vec::new());
    }
    let taken: HashSet<&str> = paths.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for e in site.entries.iter().filter(|e| !e.aliases.is_empty()) {
        let target = escape(&e.permalink);
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
