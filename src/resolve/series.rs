//! Series: installments of a recurring publication, ordered, grouped into
//! editions (one a year), per language.

use std::collections::BTreeMap;

use super::Site;
use crate::config::LangId;
use crate::diagnostics::Diagnostic;
use time::Date;

/// Folder of series indexes: `content/series/<id>/_index.md`.
pub const SERIES_DIR: &str = "series/";

/// One installment of a series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installment {
    /// Entry index.
    pub entry: usize,
    /// Edition year (from the installment's date).
    pub year: i64,
    /// Order inside the series.
    pub order: u32,
    /// Index into [`Series::editions`].
    pub edition: usize,
}

/// One year of a series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    /// The year.
    pub year: i64,
    /// Number of the edition (1 in `recurring.first_year`), when the series
    /// index has `recurring`.
    pub number: Option<i64>,
    /// Date of the edition (from `recurring`).
    pub date: Option<Date>,
    /// Its installments, in order.
    pub installments: Vec<usize>,
}

/// A series in one language.
#[derive(Debug, Clone)]
pub struct Series {
    /// Series id.
    pub id: String,
    /// Language.
    pub lang: LangId,
    /// Entry of `content/series/<id>/_index.md` in this language.
    pub index: usize,
    /// Installments ordered by year, then order.
    pub installments: Vec<Installment>,
    /// Editions, newest first.
    pub editions: Vec<Edition>,
    /// The edition after the newest one, when the index has `recurring`:
    /// relative to the newest edition (never to today), so builds repeat.
    pub next: Option<NextEdition>,
}

/// The edition a recurring series expects next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextEdition {
    /// Its number (the newest edition's plus one).
    pub number: i64,
    /// Its date, from `recurring`.
    pub date: Date,
}

/// Where an entry stands in its series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeriesPos {
    /// Index into [`Site::series`].
    pub series: usize,
    /// Index into [`Series::installments`].
    pub pos: usize,
}

/// The series of the site, linked into its entries. An installment naming a
/// series without an index, or without a date, is an error.
pub(super) fn resolve(site: &mut Site) -> Result<Vec<Series>, Vec<Diagnostic>> {
    let mut map: BTreeMap<(String, LangId), Series> = BTreeMap::new();
    let mut problems = Vec::new();
    for (i, e) in site.entries.iter().enumerate() {
        let src = site.source(e);
        let Some(sref) = &src.front.series else {
            continue;
        };
        let index_key = format!("{SERIES_DIR}{}/_index.md", sref.id);
        let Some(index) = site.index_of(&index_key, e.lang) else {
            if e.lang.is_default() {
                problems.push(
                    Diagnostic::error(
                        &src.path,
                        0,
                        0,
                        format!("series `{}` has no index", sref.id),
                    )
                    .with_hint(format!("create content/{index_key} with the series' title")),
                );
            }
            continue;
        };
        let Some(year) = src.front.date.as_ref().map(|d| i64::from(d.year())) else {
            if e.lang.is_default() {
                problems.push(Diagnostic::error(
                    &src.path,
                    1,
                    1,
                    "a series installment needs a `date` (its edition is the date's year)",
                ));
            }
            continue;
        };
        map.entry((sref.id.clone(), e.lang))
            .or_insert_with(|| Series {
                id: sref.id.clone(),
                lang: e.lang,
                index,
                installments: Vec::new(),
                editions: Vec::new(),
                next: None,
            })
            .installments
            .push(Installment {
                entry: i,
                year,
                order: sref.order,
                edition: 0,
            });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut all: Vec<Series> = map.into_values().collect();
    for (n, s) in all.iter_mut().enumerate() {
        s.installments.sort_by_key(|x| (x.year, x.order, x.entry));
        // `recurring` is a setting, not text: a translated index without it
        // follows the original's.
        let index = &site.entries[s.index];
        let recurring = site.source(index).front.recurring.clone().or_else(|| {
            let original = site.lookup(&index.key, LangId::DEFAULT)?;
            site.source(original).front.recurring.clone()
        });
        let mut years: Vec<i64> = s.installments.iter().map(|x| x.year).collect();
        years.dedup();
        s.editions = years
            .iter()
            .rev()
            .map(|&year| Edition {
                year,
                number: recurring.as_ref().map(|r| year - r.first_year + 1),
                // The index's `recurring` was checked when it was read.
                date: recurring.as_ref().and_then(|r| r.date_in(year)),
                installments: Vec::new(),
            })
            .collect();
        s.next = recurring.as_ref().and_then(|r| {
            let year = s.editions.first()?.year + 1;
            Some(NextEdition {
                number: year - r.first_year + 1,
                date: r.date_in(year)?,
            })
        });
        for (pos, x) in s.installments.iter_mut().enumerate() {
            // Editions are newest first, years oldest first.
            x.edition = s
                .editions
                .iter()
                .position(|ed| ed.year == x.year)
                .unwrap_or(0);
            s.editions[x.edition].installments.push(x.entry);
            site.entries[x.entry].series = Some(SeriesPos { series: n, pos });
        }
        site.entries[s.index].series_index_of = Some(n);
    }
    Ok(all)
}
