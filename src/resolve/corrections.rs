//! Corrections of pages and data tables, per language: what the corrections
//! page lists (newest first), what each corrected page and table shows, and the
//! anchors the feed and the notices link to.
//!
//! A page's original records corrections for every language; a translation
//! may record its own (a fix of the translation alone), shown in its language
//! only. A table's corrections show in every language.

use std::collections::HashMap;

use super::{Site, Target};
use crate::config::{LangId, Localized};
use crate::content::corrections::What;
use crate::content::date::Date;
use crate::content::Correction;

/// What a correction corrects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corrected {
    /// A page: the entry index.
    Page(usize),
    /// A data table: its index in [`super::Lang::data`].
    Table(usize),
}

/// One correction as a language shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionItem {
    /// The day of the correction.
    pub date: Date,
    /// What changed, in this language (else in the default language).
    pub what: String,
    /// Language of `what`.
    pub what_lang: LangId,
    /// What was corrected.
    pub on: Corrected,
    /// Title of the corrected page or table in this language.
    pub title: String,
    /// Language of `title` (the original's on a fallback page).
    pub title_lang: LangId,
    /// The corrected page or table page.
    pub target: Target,
    /// Id of the correction on the corrections page (`c-measures-finance-2017-10-20`),
    /// stable while the correction stays: also its feed entry's id.
    pub anchor: String,
}

/// A data table's corrections, as loaded.
#[derive(Debug, Clone, Copy)]
pub struct TableCorrections<'a> {
    /// Table id.
    pub id: &'a str,
    /// Table title per language.
    pub title: &'a Localized,
    /// Its corrections.
    pub corrections: &'a [Correction],
}

/// Fills in [`super::Lang::corrections`], [`super::Entry::corrections`] and
/// [`super::DataTarget::corrections`] from the pages' and `tables`' corrections.
pub fn attach(site: &mut Site, tables: &[TableCorrections<'_>]) {
    let default = site.config.default_language().code.clone();
    for li in 0..site.langs.len() {
        let lang_id = site.langs[li].id;
        let code = site.langs[li].code.clone();
        // (item, entry or table slot) in no particular order yet.
        let mut items: Vec<CorrectionItem> = Vec::new();
        for (i, e) in site.entries.iter().enumerate() {
            if e.lang != lang_id {
                continue;
            }
            let own = site.source(e);
            let original = site
                .lookup(&e.key, LangId::DEFAULT)
                .map(|o| site.source(o))
                .filter(|o| o.path != own.path);
            let all = original.into_iter().chain([own]);
            for c in all.flat_map(|s| &s.corrections) {
                let (what, what_lang) = what_in(&c.what, &code, &default, lang_id);
                items.push(CorrectionItem {
                    date: c.date,
                    what,
                    what_lang,
                    on: Corrected::Page(i),
                    title: own.title.clone(),
                    title_lang: e.text_lang,
                    target: Target {
                        url: e.url.clone(),
                        permalink: e.permalink.clone(),
                        out_path: e.out_path.clone(),
                    },
                    anchor: format!("c-{}-{}", key_anchor(&e.key), c.date),
                });
            }
        }
        for t in tables {
            let Some(slot) = site.langs[li].data.iter().position(|d| d.id == t.id) else {
                continue;
            };
            let (title, title_lang) = text(t.title, &code, &default, lang_id);
            for c in t.corrections {
                let (what, what_lang) = what_in(&c.what, &code, &default, lang_id);
                items.push(CorrectionItem {
                    date: c.date,
                    what,
                    what_lang,
                    on: Corrected::Table(slot),
                    title: title.clone(),
                    title_lang,
                    target: site.langs[li].data[slot].page.clone(),
                    anchor: format!("c-data-{}-{}", t.id, c.date),
                });
            }
        }
        items.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.anchor.cmp(&b.anchor)));
        // Two corrections of one thing on one day: `-2`, `-3`…
        let mut seen: HashMap<String, usize> = HashMap::new();
        for item in &mut items {
            let n = seen.entry(item.anchor.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                item.anchor = format!("{}-{n}", item.anchor);
            }
        }
        for (n, item) in items.iter().enumerate() {
            match item.on {
                Corrected::Page(i) => site.entries[i].corrections.push(n),
                Corrected::Table(slot) => site.langs[li].data[slot].corrections.push(n),
            }
        }
        site.langs[li].corrections = items;
    }
}

/// `what` in `code`, else in the default language, with the language it is in.
fn text(what: &Localized, code: &str, default: &str, lang: LangId) -> (String, LangId) {
    match what {
        Localized::Many(m) if !m.contains_key(code) => {
            (what.get(default, default), LangId::DEFAULT)
        }
        _ => (what.get(code, default), lang),
    }
}

/// [`What`] in `code`, else in the default language, else any, with the
/// language it is in (`LangId::DEFAULT` for any but `code`).
fn what_in(what: &What, code: &str, default: &str, lang: LangId) -> (String, LangId) {
    if let Some(t) = what.get(code) {
        return (t.to_string(), lang);
    }
    let text = match what {
        What::Many(m) => m.get(default).or_else(|| m.values().next()),
        What::One(_) => None,
    };
    (text.cloned().unwrap_or_default(), LangId::DEFAULT)
}

/// A source key as an anchor: `measures/finance.md` → `measures-finance`,
/// `measures/_index.md` → `measures`, the home page `home`.
fn key_anchor(key: &str) -> String {
    let path = key.trim_end_matches(".md").trim_end_matches("_index");
    let path = path.trim_end_matches('/');
    if path.is_empty() {
        "home".to_string()
    } else {
        path.replace('/', "-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_of_keys() {
        assert_eq!(key_anchor("measures/finance.md"), "measures-finance");
        assert_eq!(key_anchor("measures/_index.md"), "measures");
        assert_eq!(key_anchor("_index.md"), "home");
    }

    #[test]
    fn text_falls_back_to_the_default_language() {
        let mut m = std::collections::BTreeMap::new();
        m.insert("zh".to_string(), "改".to_string());
        let what = Localized::Many(m);
        let mn = LangId::from_index(1);
        assert_eq!(text(&what, "mn", "zh", mn), ("改".into(), LangId::DEFAULT));
        assert_eq!(text(&what, "zh", "zh", LangId::DEFAULT).0, "改");
        assert_eq!(
            text(&Localized::One("x".into()), "mn", "zh", mn),
            ("x".into(), mn)
        );
    }
}
