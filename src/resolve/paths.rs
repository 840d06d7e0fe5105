//! Every output path the site model names, for checking `/absolute/` links:
//! pages and sections (with their listing pages), aliases, and each
//! language's generated pages (404, feed, search and its index, tags and term
//! pages, data pages and CSV files, the glossary), plus the static files.

use std::collections::HashMap;

use super::Site;

/// Output path → the entry whose page it is (`None` for other files).
pub type OutputPaths = HashMap<String, Option<usize>>;

impl Site {
    /// Every output path of the site (see the module docs).
    pub fn output_paths(&self) -> OutputPaths {
        let mut paths = OutputPaths::new();
        let mut add = |p: &str| {
            paths.entry(p.to_string()).or_insert(None);
        };
        for e in &self.entries {
            e.listing.iter().for_each(|t| add(&t.out_path));
            e.aliases.iter().for_each(|a| add(a));
        }
        for l in &self.langs {
            for t in [
                &l.not_found,
                &l.feed,
                &l.search,
                &l.search_index,
                &l.tags_index,
                &l.data_index,
                &l.cite.bib,
                &l.cite.ris,
                &l.cite.json,
                &l.corrections_page,
                &l.accessibility,
            ] {
                add(&t.out_path);
            }
            if self.glossary.is_some() {
                add(&l.glossary.out_path);
            }
            for term in &l.tags {
                term.listing.iter().for_each(|t| add(&t.out_path));
            }
            for d in &l.data {
                add(&d.page.out_path);
                d.downloads().iter().for_each(|(_, t)| add(&t.out_path));
            }
        }
        self.static_paths.iter().for_each(|p| add(p));
        for (i, e) in self.entries.iter().enumerate() {
            paths.insert(e.out_path.clone(), Some(i));
        }
        paths
    }

    /// What a root-relative link (`/measures/finance/`, `/mn/data/t/`,
    /// `/css/style.css`, with or without the base path, `?query` or
    /// `#fragment`) names: `Some(Some(entry))` for a page, `Some(None)` for
    /// another file of the site, `None` when the site has no such file.
    pub fn find_path(&self, paths: &OutputPaths, dest: &str) -> Option<Option<usize>> {
        let clean = dest.split(['#', '?']).next().unwrap_or("");
        let rel = clean
            .strip_prefix(self.urls.base_path())
            .or_else(|| clean.strip_prefix('/'))
            .unwrap_or(clean);
        let rel = percent_encoding::percent_decode_str(rel).decode_utf8_lossy();
        [
            rel.to_string(),
            format!("{rel}index.html"),
            format!("{rel}/index.html"),
        ]
        .iter()
        .find_map(|p| paths.get(p).copied())
    }
}
