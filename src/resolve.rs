//! Resolve stage: languages and translations, sections, URLs, order.
//!
//! Turns the loaded [`SourcePage`]s into a [`Site`]: one [`Entry`] per output page
//! and language, each with its URL, parent section, ordered children and
//! translations. Pure: no disk access.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use crate::config::Config;
use crate::content::{slug, SourceDate, SourcePage};
use crate::diagnostics::Diagnostic;

/// One output page in one language.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Language-free source key (`measures/finance.md`).
    pub key: String,
    /// Language of this entry.
    pub lang: String,
    /// Index into [`Site::sources`] of the file shown (the original when `fallback`).
    pub source: usize,
    /// True when the language has no translation and the original is shown.
    pub fallback: bool,
    /// True for sections (`_index.md`).
    pub is_section: bool,
    /// Root-relative URL including the base path (`/report/measures/finance/`).
    pub url: String,
    /// Output file relative to the output folder (`measures/finance/index.html`).
    pub out_path: String,
    /// Parent section entry, `None` for the home page.
    pub parent: Option<usize>,
    /// Child pages, ordered.
    pub pages: Vec<usize>,
    /// Child sections, ordered.
    pub sections: Vec<usize>,
    /// Output files of the redirects from old URLs (`aliases:`) to this entry.
    pub aliases: Vec<String>,
}

/// The resolved site.
#[derive(Debug)]
pub struct Site {
    /// The configuration.
    pub config: Config,
    /// All loaded content files that take part in the build.
    pub sources: Vec<SourcePage>,
    /// Output pages, all languages.
    pub entries: Vec<Entry>,
    /// `(key, lang)` → entry index.
    pub by_key: HashMap<(String, String), usize>,
    /// Home entry per language, in `config.languages` order.
    pub homes: Vec<usize>,
}

impl Site {
    /// The source file shown by an entry.
    pub fn source(&self, entry: &Entry) -> &SourcePage {
        &self.sources[entry.source]
    }

    /// Entry for a source key in a language.
    pub fn lookup(&self, key: &str, lang: &str) -> Option<&Entry> {
        self.by_key
            .get(&(key.to_string(), lang.to_string()))
            .map(|&i| &self.entries[i])
    }

    /// Sort key of an entry among its siblings: weight, then date (newest first),
    /// then source path.
    pub fn order_key(&self, i: usize) -> (i64, std::cmp::Reverse<Option<SourceDate>>, String) {
        let s = self.source(&self.entries[i]);
        (
            s.front.weight.unwrap_or(i64::MAX),
            std::cmp::Reverse(s.front.date.clone()),
            s.key.clone(),
        )
    }

    /// The same page in every language, in `config.languages` order.
    pub fn translations(&self, entry: &Entry) -> Vec<&Entry> {
        self.config
            .languages
            .iter()
            .filter_map(|l| self.lookup(&entry.key, &l.code))
            .collect()
    }
}

/// Builds the site model; drafts are dropped unless `drafts`.
pub fn resolve(
    config: Config,
    sources: Vec<SourcePage>,
    drafts: bool,
) -> Result<Site, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let default = config.default_language().code.clone();
    let sources: Vec<SourcePage> = sources
        .into_iter()
        .filter(|s| drafts || !s.front.draft)
        .collect();

    let mut by_source: HashMap<(String, String), usize> = HashMap::new();
    for (i, s) in sources.iter().enumerate() {
        if config.language(&s.lang).is_none() {
            problems.push(
                Diagnostic::error(
                    &s.path,
                    0,
                    0,
                    format!("language `{}` is not defined in site.yaml", s.lang),
                )
                .with_hint("add it under `languages:` in site.yaml, or rename the file"),
            );
            continue;
        }
        by_source.insert((s.key.clone(), s.lang.clone()), i);
    }
    for s in &sources {
        if s.lang != default && !by_source.contains_key(&(s.key.clone(), default.clone())) {
            problems.push(
                Diagnostic::error(&s.path, 0, 0, "translation without an original").with_hint(
                    format!("add the original `{}` in the default language", s.key),
                ),
            );
        }
    }
    if !by_source.contains_key(&("_index.md".to_string(), default.clone())) {
        problems.push(
            Diagnostic::error("content/_index.md", 0, 0, "the home page is missing")
                .with_hint("create content/_index.md with a `title`"),
        );
    }
    let mut bad_dirs = BTreeSet::new();
    for s in &sources {
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
        .filter(|&i| sources[i].lang == default)
        .collect();
    originals.sort_by(|&a, &b| sources[a].key.cmp(&sources[b].key));

    let mut entries = Vec::new();
    let mut by_key = HashMap::new();
    let mut outputs: HashMap<String, PathBuf> = HashMap::new();
    let mut reported: BTreeSet<(PathBuf, PathBuf)> = BTreeSet::new();
    for lang in &config.languages {
        let prefix = if lang.code == default {
            String::new()
        } else {
            format!("{}/", lang.code)
        };
        for &o in &originals {
            let orig = &sources[o];
            let translated = by_source
                .get(&(orig.key.clone(), lang.code.clone()))
                .copied();
            let source = translated.unwrap_or(o);
            let mut rel = prefix.clone();
            for seg in orig.dir.split('/').filter(|s| !s.is_empty()) {
                rel.push_str(seg);
                rel.push('/');
            }
            if !orig.is_section {
                rel.push_str(&orig.slug);
                rel.push('/');
            }
            let out_path = format!("{rel}index.html");
            let here = sources[source].path.clone();
            if let Some(other) = outputs.insert(out_path.clone(), here.clone()) {
                if !reported.insert((here.clone(), other.clone())) {
                    continue;
                }
                problems.push(
                    Diagnostic::error(
                        &sources[source].path,
                        0,
                        0,
                        format!("URL /{rel} is also produced by {}", other.display()),
                    )
                    .with_hint("give one of the two pages another `slug:`"),
                );
            }
            let mut aliases = Vec::new();
            if translated.is_some() || lang.code == default {
                for alias in &sources[source].front.aliases {
                    // Checked when the file was parsed.
                    let Ok(path) = slug::alias_path(alias) else {
                        continue;
                    };
                    let path = format!("{prefix}{path}");
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
            by_key.insert((orig.key.clone(), lang.code.clone()), entries.len());
            entries.push(Entry {
                key: orig.key.clone(),
                lang: lang.code.clone(),
                source,
                fallback: translated.is_none(),
                is_section: orig.is_section,
                url: format!("{}{rel}", config.base_path),
                out_path,
                parent: None,
                pages: Vec::new(),
                sections: Vec::new(),
                aliases,
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    link_tree(&mut entries, &by_key, &sources);
    let homes = config
        .languages
        .iter()
        .filter_map(|l| {
            by_key
                .get(&("_index.md".to_string(), l.code.clone()))
                .copied()
        })
        .collect();
    Ok(Site {
        config,
        sources,
        entries,
        by_key,
        homes,
    })
}

/// Sets parents and ordered children. A page's parent is the nearest section
/// among its folder and the folders above it.
fn link_tree(
    entries: &mut [Entry],
    by_key: &HashMap<(String, String), usize>,
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
            if let Some(&p) = by_key.get(&(key, entries[i].lang.clone())) {
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
    let order_key = |i: usize| {
        let s = &sources[entries[i].source];
        (
            s.front.weight.unwrap_or(i64::MAX),
            std::cmp::Reverse(s.front.date.clone()),
            s.key.clone(),
        )
    };
    let sorted: Vec<(Vec<usize>, Vec<usize>)> = entries
        .iter()
        .map(|e| {
            let mut pages = e.pages.clone();
            pages.sort_by_key(|&i| order_key(i));
            let mut sections = e.sections.clone();
            sections.sort_by_key(|&i| order_key(i));
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn config() -> Config {
        let src = "title: T\nbase_url: https://e.org/r/\nlanguages:\n  zh: {name: 中文, tag: zh-Hans}\n  mn: {name: M, tag: mn-Mong}\n";
        Config::parse(src, Path::new("site.yaml")).unwrap()
    }

    fn page(rel: &str, front: &str) -> SourcePage {
        let src = format!("---\ntitle: t\n{front}\n---\nbody");
        SourcePage::parse(rel, Path::new(rel), &src, "zh").unwrap()
    }

    #[test]
    fn urls_parents_order_and_fallbacks() {
        let site = resolve(
            config(),
            vec![
                page("_index.md", ""),
                page("m/_index.md", ""),
                page("m/b.md", "weight: 2"),
                page("m/a.md", "weight: 1"),
                page("m/c.md", ""),
                page("m/a.mn.md", "translation: draft"),
                page("m/d.md", "draft: true"),
            ],
            false,
        )
        .unwrap();
        let a = site.lookup("m/a.md", "zh").unwrap();
        assert_eq!(a.url, "/r/m/a/");
        assert_eq!(a.out_path, "m/a/index.html");
        let a_mn = site.lookup("m/a.md", "mn").unwrap();
        assert_eq!((a_mn.url.as_str(), a_mn.fallback), ("/r/mn/m/a/", false));
        assert!(site.lookup("m/b.md", "mn").unwrap().fallback);
        assert!(site.lookup("m/d.md", "zh").is_none(), "drafts are left out");
        let m = site.lookup("m/_index.md", "zh").unwrap();
        let order: Vec<&str> = m
            .pages
            .iter()
            .map(|&i| site.entries[i].key.as_str())
            .collect();
        assert_eq!(order, ["m/a.md", "m/b.md", "m/c.md"]);
        assert_eq!(site.entries[site.homes[0]].sections.len(), 1);
    }

    #[test]
    fn duplicate_urls_name_both_files() {
        let e = resolve(
            config(),
            vec![
                page("_index.md", ""),
                page("x.md", ""),
                page("y.md", "slug: x"),
            ],
            false,
        )
        .unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(e[0].message.contains("x.md") || e[0].path.ends_with("x.md"));
        assert!(e[0].path.ends_with("y.md") || e[0].message.contains("y.md"));
    }

    #[test]
    fn unknown_language_and_missing_home() {
        let e = resolve(config(), vec![page("a.fr.md", "")], false).unwrap_err();
        assert!(e.iter().any(|d| d.message.contains("`fr`")));
        assert!(e.iter().any(|d| d.message.contains("home page")));
    }
}
