//! Entries: one per original and language, with URLs, output paths, aliases,
//! parents and ordered children.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use super::lang::Lang;
use super::urls::Urls;
use super::Entry;
use crate::config::LangId;
use crate::content::{SourceDate, SourcePage};
use crate::diagnostics::Diagnostic;
use crate::slug;
use crate::suggest::{self, Known};

/// The entries of the site and their index by `(key, language)`.
pub(super) struct Built {
    pub entries: Vec<Entry>,
    pub by_key: HashMap<(String, LangId), usize>,
}

/// Validates the sources (known languages, originals, home page, folder names,
/// unique URLs and aliases) and makes the entries. Translations marked in
/// `unwritten` (by source index) are published as fallbacks, as if missing.
pub(super) fn build(
    urls: &Urls,
    langs: &[Lang],
    sources: &[SourcePage],
    unwritten: &[bool],
) -> Result<Built, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let lang_of = |code: &str| langs.iter().find(|l| l.code == code).map(|l| l.id);
    let mut by_source: HashMap<(&str, LangId), usize> = HashMap::new();
    let mut source_lang = vec![LangId::DEFAULT; sources.len()];
    for (i, s) in sources.iter().enumerate() {
        let Some(id) = lang_of(&s.lang) else {
            problems.push(
                Diagnostic::error(
                    &s.path,
                    0,
                    0,
                    format!("language `{}` is not defined in site.yaml", s.lang),
                )
                .with_hint(language_hint(&s.lang, langs)),
            );
            continue;
        };
        source_lang[i] = id;
        by_source.insert((s.key.as_str(), id), i);
    }
    for s in sources {
        let is_original = lang_of(&s.lang) == Some(LangId::DEFAULT);
        if !is_original && !by_source.contains_key(&(s.key.as_str(), LangId::DEFAULT)) {
            problems.push(
                Diagnostic::error(&s.path, 0, 0, "translation without an original").with_hint(
                    format!("add the original `{}` in the default language", s.key),
                ),
            );
        }
    }
    if !by_source.contains_key(&("_index.md", LangId::DEFAULT)) {
        problems.push(
            Diagnostic::error("content/_index.md", 0, 0, "the home page is missing")
                .with_hint("create content/_index.md with a `title`"),
        );
    }
    let mut bad_dirs = BTreeSet::new();
    for s in sources {
        for seg in s.dir.split('/').filter(|s| !s.is_empty()) {
            if !slug::is_valid(seg) && bad_dirs.insert(seg.to_string()) {
                problems.push(Diagnostic::error(&s.path, 0, 0, format!("folder name `{seg}` cannot be a URL segment"))
                    .with_hint("name folders with lowercase ASCII letters, digits and `-` (never romanised Chinese)"));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    // Originals in a stable order; each gives one entry per language.
    let mut originals: Vec<usize> = (0..sources.len())
        .filter(|&i| source_lang[i] == LangId::DEFAULT)
        .collect();
    originals.sort_by(|&a, &b| sources[a].key.cmp(&sources[b].key));

    let mut entries = Vec::new();
    let mut by_key = HashMap::new();
    let mut outputs: HashMap<String, PathBuf> = HashMap::new();
    let mut reported: BTreeSet<(PathBuf, PathBuf)> = BTreeSet::new();
    for lang in langs {
        for &o in &originals {
            let orig = &sources[o];
            let translated = by_source
                .get(&(orig.key.as_str(), lang.id))
                .copied()
                .filter(|&t| !unwritten[t]);
            let source = translated.unwrap_or(o);
            let mut dir = lang.prefix.clone();
            for seg in orig.dir.split('/').filter(|s| !s.is_empty()) {
                dir.push_str(seg);
                dir.push('/');
            }
            if !orig.is_section {
                dir.push_str(&orig.slug);
                dir.push('/');
            }
            let target = urls.page(&dir);
            let here = sources[source].path.clone();
            if let Some(other) = outputs.insert(target.out_path.clone(), here.clone()) {
                if !reported.insert((here.clone(), other.clone())) {
                    continue;
                }
                problems.push(
                    Diagnostic::error(
                        &sources[source].path,
                        0,
                        0,
                        format!("URL /{dir} is also produced by {}", other.display()),
                    )
                    .with_hint("give one of the two pages another `slug:`"),
                );
            }
            let mut aliases = Vec::new();
            if translated.is_some() || lang.id.is_default() {
                for alias in &sources[source].front.aliases {
                    // Checked when the file was parsed.
                    let Ok(path) = slug::alias_path(alias) else {
                        continue;
                    };
                    let path = format!("{}{path}", lang.prefix);
                    if let Some(other) = outputs.insert(path.clone(), here.clone()) {
                        problems.push(
                            Diagnostic::error(
                                &sources[source].path,
                                0,
                                0,
                                format!("alias `{alias}` is also produced by {}", other.display()),
                            )
                            .with_hint("an alias must name an URL no page has"),
                        );
                    }
                    aliases.push(path);
                }
            }
            by_key.insert((orig.key.clone(), lang.id), entries.len());
            entries.push(Entry {
                key: orig.key.clone(),
                lang: lang.id,
                text_lang: source_lang[source],
                source,
                fallback: translated.is_none(),
                is_section: orig.is_section,
                url: target.url,
                permalink: target.permalink,
                out_path: target.out_path,
                parent: None,
                pages: Vec::new(),
                sections: Vec::new(),
                listing: Vec::new(),
                prev: None,
                next: None,
                series: None,
                series_index_of: None,
                tags: Vec::new(),
                aliases,
                corrections: Vec::new(),
                sources: Vec::new(),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    link_tree(&mut entries, &by_key, sources);
    Ok(Built { entries, by_key })
}

/// Sort key of an entry among its siblings: weight, then date (newest first),
/// then source path.
pub(super) fn order_key(
    entries: &[Entry],
    sources: &[SourcePage],
    i: usize,
) -> (i64, std::cmp::Reverse<Option<SourceDate>>, String) {
    let s = &sources[entries[i].source];
    (
        s.front.weight.unwrap_or(i64::MAX),
        std::cmp::Reverse(s.front.date.clone()),
        s.key.clone(),
    )
}

/// Sets parents and ordered children. A page's parent is the nearest section
/// among its folder and the folders above it.
fn link_tree(
    entries: &mut [Entry],
    by_key: &HashMap<(String, LangId), usize>,
    sources: &[SourcePage],
) {
    for i in 0..entries.len() {
        let src = &sources[entries[i].source];
        let mut dir = src.dir.clone();
        if entries[i].is_section {
            if dir.is_empty() {
                continue;
            }
            dir = parent_dir(&dir);
        }
        let parent = loop {
            let key = if dir.is_empty() {
                "_index.md".to_string()
            } else {
                format!("{dir}/_index.md")
            };
            if let Some(&p) = by_key.get(&(key, entries[i].lang)) {
                break Some(p);
            }
            if dir.is_empty() {
                break None;
            }
            dir = parent_dir(&dir);
        };
        entries[i].parent = parent;
        if let Some(p) = parent {
            if entries[i].is_section {
                entries[p].sections.push(i);
            } else {
                entries[p].pages.push(i);
            }
        }
    }
    let sorted: Vec<(Vec<usize>, Vec<usize>)> = entries
        .iter()
        .map(|e| {
            let mut pages = e.pages.clone();
            pages.sort_by_cached_key(|&i| order_key(entries, sources, i));
            let mut sections = e.sections.clone();
            sections.sort_by_cached_key(|&i| order_key(entries, sources, i));
            (pages, sections)
        })
        .collect();
    for (e, (pages, sections)) in entries.iter_mut().zip(sorted) {
        e.pages = pages;
        e.sections = sections;
    }
}

fn parent_dir(dir: &str) -> String {
    dir.rsplit_once('/')
        .map_or(String::new(), |(p, _)| p.to_string())
}

/// The nearest language of the site to `code`, the site's languages, and how
/// to add one.
fn language_hint(code: &str, langs: &[Lang]) -> String {
    let known: Vec<Known> = langs
        .iter()
        .map(|l| Known::at(&l.code, "site.yaml"))
        .collect();
    let add = "add it under `languages:` in site.yaml, or rename the file";
    match suggest::hint(code, "languages", &known) {
        Some(h) => format!("{h}; or {add}"),
        None => add.to_string(),
    }
}
