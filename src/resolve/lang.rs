//! Languages of the site, with what each needs computed once: its URL prefix,
//! writing style and the addresses of its generated pages.

use super::urls::{Target, Urls};
use crate::config::{Config, LangId, WritingMode};
use crate::locale::Style;

/// The pages of one data table in one language.
#[derive(Debug, Clone)]
pub struct DataTarget {
    /// Table id.
    pub id: String,
    /// `/data/<id>/`.
    pub page: Target,
    /// `/data/<id>/<id>.csv`: the cells in this language (UTF-8 with BOM).
    pub csv: Target,
    /// Corrections of the table: indexes into [`Lang::corrections`], newest first.
    pub corrections: Vec<usize>,
    /// `/data/<id>/<id>.xlsx`: typed cells, with title, source and date above.
    pub xlsx: Target,
    /// `/data/<id>/<id>.json`: columns and rows, labels in every language.
    pub json: Target,
    /// `/data/<id>/<id>.csv-metadata.json`: CSVW metadata of the CSV beside it.
    pub csvw: Target,
}

impl DataTarget {
    /// The downloads of the table, in the order a data page lists them.
    pub fn downloads(&self) -> [(&'static str, &Target); 4] {
        [
            ("csv", &self.csv),
            ("xlsx", &self.xlsx),
            ("json", &self.json),
            ("csvw", &self.csvw),
        ]
    }
}

/// The report's citation files of one language (`/cite/report.bib`, `.ris`,
/// `.json`); a language whose report title is the default language's shares
/// the default language's files.
#[derive(Debug, Clone)]
pub struct CiteTargets {
    /// BibTeX.
    pub bib: Target,
    /// RIS.
    pub ris: Target,
    /// CSL-JSON.
    pub json: Target,
}

/// A language and its generated pages.
#[derive(Debug, Clone)]
pub struct Lang {
    /// Its id.
    pub id: LangId,
    /// Code (`zh`, `mn`).
    pub code: String,
    /// Name in the language itself.
    pub name: String,
    /// BCP 47 tag (`mn-Mong`).
    pub tag: String,
    /// Writing mode of its pages.
    pub writing_mode: WritingMode,
    /// How it writes dates and numbers.
    pub style: Style,
    /// Output-path prefix: `""` for the default language, `"<code>/"` otherwise.
    pub prefix: String,
    /// Site title in this language.
    pub title: String,
    /// Site description in this language (may be empty).
    pub description: String,
    /// Home entry.
    pub home: usize,
    /// Entries of the main menu (the home page's sections), ordered.
    pub menu: Vec<usize>,
    /// Entries in reading order (the home page, then each section and its
    /// pages, depth first; series indexes left out): what `prev`/`next` follow.
    pub reading_order: Vec<usize>,
    /// Tables and charts placed by this language's pages, numbered.
    pub figures: super::Figures,
    /// `404.html`.
    pub not_found: Target,
    /// `atom.xml`.
    pub feed: Target,
    /// `/search/`.
    pub search: Target,
    /// `/search/index.json`.
    pub search_index: Target,
    /// `/tags/`.
    pub tags_index: Target,
    /// Tag terms of this language's pages, by slug.
    pub tags: Vec<super::Term>,
    /// `/data/`.
    pub data_index: Target,
    /// Pages of each data table, in table order.
    pub data: Vec<DataTarget>,
    /// `/glossary/` (written only when the site has a glossary).
    pub glossary: Target,
    /// `/print/`: the whole report on one page (written when the theme has
    /// `print.html`).
    pub print: Target,
    /// `/report.<code>.pdf`: the print page as a PDF (made by `bichig pdf`,
    /// never by `build`).
    pub pdf: Target,
    /// The report's citation files.
    pub cite: CiteTargets,
    /// `og:locale` value (`zh_CN`, `mn_MN`): see [`og_locale`].
    pub og_locale: String,
    /// `/corrections/`: every correction of the site (written when the theme
    /// has `corrections.html`, also when there is none).
    pub corrections_page: Target,
    /// Corrections shown in this language, newest first.
    pub corrections: Vec<super::CorrectionItem>,
    /// `/accessibility/`: the accessibility statement (written when the theme
    /// has `accessibility.html`).
    pub accessibility: Target,
}

/// The languages of `config`, with their generated pages (homes and menus are
/// set once the entries exist).
pub(super) fn langs(config: &Config, urls: &Urls, table_ids: &[&str]) -> Vec<Lang> {
    let default = &config.default_language().code;
    let default_title = config.title.get(default, default);
    let cite = |prefix: &str| CiteTargets {
        bib: urls.file(&format!("{prefix}cite/report.bib")),
        ris: urls.file(&format!("{prefix}cite/report.ris")),
        json: urls.file(&format!("{prefix}cite/report.json")),
    };
    config
        .languages
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let id = LangId::from_index(i);
            let prefix = Urls::lang_prefix(&l.code, id.is_default());
            let title = config.title.get(&l.code, default);
            let cite = if title == default_title {
                cite("")
            } else {
                cite(&prefix)
            };
            Lang {
                id,
                code: l.code.clone(),
                name: l.name.clone(),
                tag: l.tag.clone(),
                writing_mode: l.writing_mode,
                style: Style::for_tag(&l.tag),
                title,
                cite,
                og_locale: og_locale(&l.tag),
                description: config
                    .description
                    .as_ref()
                    .map(|d| d.get(&l.code, default))
                    .unwrap_or_default(),
                home: 0,
                menu: Vec::new(),
                reading_order: Vec::new(),
                figures: Default::default(),
                not_found: urls.file(&format!("{prefix}404.html")),
                feed: urls.file(&format!("{prefix}atom.xml")),
                search: urls.page(&format!("{prefix}search/")),
                search_index: urls.file(&format!("{prefix}search/index.json")),
                tags_index: urls.page(&format!("{prefix}tags/")),
                tags: Vec::new(),
                data_index: urls.page(&format!("{prefix}data/")),
                data: table_ids
                    .iter()
                    .map(|id| DataTarget {
                        id: id.to_string(),
                        page: urls.page(&format!("{prefix}data/{id}/")),
                        csv: urls.file(&format!("{prefix}data/{id}/{id}.csv")),
                        corrections: Vec::new(),
                        xlsx: urls.file(&format!("{prefix}data/{id}/{id}.xlsx")),
                        json: urls.file(&format!("{prefix}data/{id}/{id}.json")),
                        csvw: urls.file(&format!("{prefix}data/{id}/{id}.csv-metadata.json")),
                    })
                    .collect(),
                glossary: urls.page(&format!("{prefix}glossary/")),
                print: urls.page(&format!("{prefix}print/")),
                pdf: urls.file(&format!("{prefix}report.{}.pdf", l.code)),
                corrections_page: urls.page(&format!("{prefix}corrections/")),
                corrections: Vec::new(),
                accessibility: urls.page(&format!("{prefix}accessibility/")),
                prefix,
            }
        })
        .collect()
}

/// The tag of the first Chinese language, `zh-Hans` when there is none.
pub(super) fn han_tag(langs: &[Lang]) -> String {
    langs
        .iter()
        .find(|l| l.style == Style::Chinese)
        .map_or("zh-Hans", |l| l.tag.as_str())
        .to_string()
}

/// The `og:locale` of a BCP 47 tag, in the `language_TERRITORY` form Open
/// Graph readers take, from the locales Facebook accepts: Chinese by script
/// (`zh-Hans` → `zh_CN`, `zh-Hant` → `zh_TW`), Mongolian `mn_MN` whatever the
/// script (the only Mongolian locale on that list), other tags their language
/// and region (`en-GB` → `en_GB`), or the language alone.
pub fn og_locale(tag: &str) -> String {
    let mut parts = tag.split(['-', '_']);
    let lang = parts.next().unwrap_or("").to_ascii_lowercase();
    let rest: Vec<&str> = parts.collect();
    let region = rest
        .iter()
        .find(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(|r| r.to_ascii_uppercase());
    let script = rest
        .iter()
        .find(|p| p.len() == 4)
        .map(|s| s.to_ascii_lowercase());
    match (lang.as_str(), script.as_deref(), region) {
        ("zh", _, Some(r)) => format!("zh_{r}"),
        ("zh", Some("hant"), None) => "zh_TW".to_string(),
        ("zh", _, None) => "zh_CN".to_string(),
        ("mn", _, _) => "mn_MN".to_string(),
        (l, _, Some(r)) => format!("{l}_{r}"),
        (l, _, None) => l.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::og_locale;

    #[test]
    fn og_locales() {
        assert_eq!(og_locale("zh-Hans"), "zh_CN");
        assert_eq!(og_locale("zh-Hans-CN"), "zh_CN");
        assert_eq!(og_locale("zh-Hant"), "zh_TW");
        assert_eq!(og_locale("mn-Mong"), "mn_MN");
        assert_eq!(og_locale("mn-Mong-CN"), "mn_MN");
        assert_eq!(og_locale("en-GB"), "en_GB");
        assert_eq!(og_locale("fr"), "fr");
    }
}
