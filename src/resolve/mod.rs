//! Resolve stage: the one typed model of the site.
//!
//! Turns the loaded [`SourcePage`]s into a [`Site`]: its languages ([`Lang`],
//! addressed by [`LangId`]), one [`Entry`] per output page and language with its
//! URL, output path, parent, ordered children, listing pages, reading order,
//! series position and tags; the series with their editions; the tag terms and
//! data-table pages of each language. Render, check, status, serve and the
//! search index read this model; none of them builds a URL. Pure: no disk access.

pub mod corrections;
mod entries;
mod figures;
mod lang;
mod order;
pub mod page_sources;
mod paths;
mod series;
mod tags;
pub mod unwritten;
pub mod urls;

use std::collections::HashMap;

use crate::config::Config;
use crate::content::SourcePage;
use crate::diagnostics::Diagnostic;

pub use crate::config::LangId;
pub use corrections::{Corrected, CorrectionItem, TableCorrections};
pub use figures::{placements, Figure, FigureKind, Figures};
pub use lang::{og_locale, CiteTargets, DataTarget, Lang};
pub use paths::OutputPaths;
pub use series::{Edition, Installment, NextEdition, Series, SeriesPos, SERIES_DIR};
pub use tags::{tag_slug, TagRef, Term};
pub use urls::{Target, Urls};

/// One output page in one language.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Language-free source key (`measures/finance.md`).
    pub key: String,
    /// Language of this entry (the reader's).
    pub lang: LangId,
    /// Language of the text shown: `lang`, or the original's on a fallback.
    pub text_lang: LangId,
    /// Index into [`Site::sources`] of the file shown (the original when `fallback`).
    pub source: usize,
    /// True when the language has no translation and the original is shown.
    pub fallback: bool,
    /// True for sections (`_index.md`).
    pub is_section: bool,
    /// Root-relative URL including the base path (`/report/measures/finance/`).
    pub url: String,
    /// Absolute URL.
    pub permalink: String,
    /// Output file relative to the output folder (`measures/finance/index.html`).
    pub out_path: String,
    /// Parent section entry, `None` for the home page.
    pub parent: Option<usize>,
    /// Child pages, ordered.
    pub pages: Vec<usize>,
    /// Child sections, ordered.
    pub sections: Vec<usize>,
    /// A section's listing pages (`paginate_by`): the first is the section itself.
    pub listing: Vec<Target>,
    /// Previous entry in reading order.
    pub prev: Option<usize>,
    /// Next entry in reading order.
    pub next: Option<usize>,
    /// Place in a series, for installments.
    pub series: Option<SeriesPos>,
    /// Index into [`Site::series`] of the series this entry is the index of.
    pub series_index_of: Option<usize>,
    /// Tags as written, with their term pages.
    pub tags: Vec<TagRef>,
    /// Output files of the redirects from old URLs (`aliases:`) to this entry.
    pub aliases: Vec<String>,
    /// Corrections of this page: indexes into its language's
    /// [`Lang::corrections`], newest first.
    pub corrections: Vec<usize>,
    /// Sources the page cites (its own `sources:`, else its original's).
    pub sources: Vec<crate::sources::Source>,
}

/// The resolved site.
#[derive(Debug)]
pub struct Site {
    /// The configuration.
    pub config: Config,
    /// The URL rules of the site.
    pub urls: Urls,
    /// Languages, the default first.
    pub langs: Vec<Lang>,
    /// All loaded content files that take part in the build.
    pub sources: Vec<SourcePage>,
    /// Output pages, all languages.
    pub entries: Vec<Entry>,
    /// Series, per language.
    pub series: Vec<Series>,
    /// Tag of the first Chinese language (`zh-Hans` when there is none): Han
    /// text inside another language's page is marked with it.
    pub han_tag: String,
    /// The translation glossary (`content/glossary.yaml`), when there is one.
    pub glossary: Option<crate::glossary::Glossary>,
    /// Indexes into [`Site::sources`] of translations with no text of their
    /// language yet ([`unwritten::has_text`]): published as fallbacks.
    pub unwritten: Vec<usize>,
    /// Output paths of the static files (set with the loaded files).
    pub static_paths: Vec<String>,
    by_key: HashMap<(String, LangId), usize>,
}

impl Site {
    /// The source file shown by an entry.
    pub fn source(&self, entry: &Entry) -> &SourcePage {
        &self.sources[entry.source]
    }

    /// A language.
    pub fn lang(&self, id: LangId) -> &Lang {
        &self.langs[id.index()]
    }

    /// The default language.
    pub fn default_lang(&self) -> &Lang {
        &self.langs[0]
    }

    /// The language with `code`, if the site has it.
    pub fn lang_by_code(&self, code: &str) -> Option<&Lang> {
        self.langs.iter().find(|l| l.code == code)
    }

    /// Entry index of a source key in a language.
    pub fn index_of(&self, key: &str, lang: LangId) -> Option<usize> {
        self.by_key.get(&(key.to_string(), lang)).copied()
    }

    /// Entry for a source key in a language.
    pub fn lookup(&self, key: &str, lang: LangId) -> Option<&Entry> {
        self.index_of(key, lang).map(|i| &self.entries[i])
    }

    /// The home entry of a language.
    pub fn home(&self, lang: LangId) -> &Entry {
        &self.entries[self.lang(lang).home]
    }

    /// The same page in every language, in language order.
    pub fn translations(&self, entry: &Entry) -> Vec<&Entry> {
        self.langs
            .iter()
            .filter_map(|l| self.lookup(&entry.key, l.id))
            .collect()
    }

    /// True when `source` is a translation with no text of its language yet,
    /// which the site publishes as a fallback.
    pub fn is_unwritten(&self, source: &SourcePage) -> bool {
        let original = self
            .lookup(&source.key, LangId::DEFAULT)
            .map(|e| self.source(e));
        unwritten::is_unwritten(&self.langs, source, original)
    }

    /// Language codes, in language order.
    pub fn lang_codes(&self) -> Vec<&str> {
        self.langs.iter().map(|l| l.code.as_str()).collect()
    }
}

/// Builds the site model from the loaded content and the ids of the data
/// tables; drafts are dropped unless `drafts`. Every problem found is returned.
pub fn resolve(
    config: Config,
    sources: Vec<SourcePage>,
    table_ids: &[&str],
    drafts: bool,
) -> Result<Site, Vec<Diagnostic>> {
    let sources: Vec<SourcePage> = sources
        .into_iter()
        .filter(|s| drafts || !s.front.draft)
        .collect();
    let urls = Urls::new(&config.base_url, &config.base_path);
    let mut langs = lang::langs(&config, &urls, table_ids);
    let default_code = &config.default_language().code;
    let originals: HashMap<&str, &SourcePage> = sources
        .iter()
        .filter(|s| &s.lang == default_code)
        .map(|s| (s.key.as_str(), s))
        .collect();
    let unwritten: Vec<bool> = sources
        .iter()
        .map(|s| unwritten::is_unwritten(&langs, s, originals.get(s.key.as_str()).copied()))
        .collect();
    let built = entries::build(&urls, &langs, &sources, &unwritten)?;
    let mut entries = built.entries;
    let by_key = built.by_key;
    for l in &mut langs {
        // Checked by `entries::build`: every language has a home.
        l.home = by_key
            .get(&("_index.md".to_string(), l.id))
            .copied()
            .unwrap_or_default();
        l.menu = entries[l.home].sections.clone();
    }
    order::link(&mut entries, &mut langs, &sources);
    for l in &mut langs {
        let order = figures::numbering_order(&entries, &l.reading_order, l.id);
        l.figures = figures::number(&entries, &sources, &order, table_ids);
    }
    let mut site = Site {
        han_tag: lang::han_tag(&langs),
        config,
        urls,
        langs,
        sources,
        entries,
        series: Vec::new(),
        glossary: None,
        unwritten: (0..unwritten.len()).filter(|&i| unwritten[i]).collect(),
        static_paths: Vec::new(),
        by_key,
    };
    site.series = series::resolve(&mut site)?;
    tags::resolve(&mut site);
    for i in 0..site.entries.len() {
        if site.entries[i].is_section {
            let e = &site.entries[i];
            let first = Target {
                url: e.url.clone(),
                permalink: e.permalink.clone(),
                out_path: e.out_path.clone(),
            };
            let listing =
                urls::listing_pages(&site.urls, &first, e.pages.len(), site.config.paginate_by);
            site.entries[i].listing = listing;
        }
    }
    Ok(site)
}

#[cfg(test)]
mod tests;
