//! Reading order (previous/next through the report) and series (editions and
//! installments of a recurring publication), per language (pure).

use std::collections::BTreeMap;

use crate::diagnostics::Diagnostic;
use crate::resolve::Site;

/// Folder of series indexes: `content/series/<id>/_index.md`.
pub const SERIES_DIR: &str = "series/";

/// Previous and next entry of every entry in reading order (`None` at the ends).
/// The order is depth first: a section, then its pages and subsections merged
/// by weight. Series indexes are not part of it.
pub fn reading_order(site: &Site) -> Vec<(Option<usize>, Option<usize>)> {
    let mut out = vec![(None, None); site.entries.len()];
    for &home in &site.homes {
        let mut order = Vec::new();
        walk(site, home, &mut order);
        for (pos, &i) in order.iter().enumerate() {
            out[i] = (
                pos.checked_sub(1).map(|p| order[p]),
                order.get(pos + 1).copied(),
            );
        }
    }
    out
}

fn walk(site: &Site, i: usize, order: &mut Vec<usize>) {
    let e = &site.entries[i];
    if e.key.starts_with(SERIES_DIR) {
        return;
    }
    order.push(i);
    let mut children: Vec<usize> = e.pages.iter().chain(&e.sections).copied().collect();
    children.sort_by_key(|&c| site.order_key(c));
    for c in children {
        walk(site, c, order);
    }
}

/// One installment of a series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installment {
    /// Entry index.
    pub entry: usize,
    /// Edition year (from the installment's date).
    pub year: i64,
    /// Order inside the series.
    pub order: u32,
}

/// A series in one language: its index entry and installments in order.
#[derive(Debug, Clone)]
pub struct Series {
    /// Series id.
    pub id: String,
    /// Entry of `content/series/<id>/_index.md` in this language.
    pub index: usize,
    /// Installments ordered by year, then order.
    pub installments: Vec<Installment>,
}

/// The series of the site: `(series id, language)` → series. An installment
/// naming a series without an index, or without a date, is an error.
pub fn series(site: &Site) -> Result<BTreeMap<(String, String), Series>, Vec<Diagnostic>> {
    let mut map: BTreeMap<(String, String), Series> = BTreeMap::new();
    let mut problems = Vec::new();
    for (i, e) in site.entries.iter().enumerate() {
        let src = site.source(e);
        let Some(sref) = &src.front.series else {
            continue;
        };
        let index_key = format!("{SERIES_DIR}{}/_index.md", sref.id);
        let Some(&index) = site.by_key.get(&(index_key.clone(), e.lang.clone())) else {
            if e.lang == site.config.default_language().code {
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
            if e.lang == site.config.default_language().code {
                problems.push(Diagnostic::error(
                    &src.path,
                    1,
                    1,
                    "a series installment needs a `date` (its edition is the date's year)",
                ));
            }
            continue;
        };
        let s = map
            .entry((sref.id.clone(), e.lang.clone()))
            .or_insert_with(|| Series {
                id: sref.id.clone(),
                index,
                installments: Vec::new(),
            });
        s.installments.push(Installment {
            entry: i,
            year,
            order: sref.order,
        });
    }
    for s in map.values_mut() {
        s.installments.sort_by_key(|x| (x.year, x.order, x.entry));
    }
    if problems.is_empty() {
        Ok(map)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::content::SourcePage;
    use crate::resolve::resolve;
    use std::path::Path;

    fn site(files: &[(&str, &str)]) -> Site {
        let config = Config::parse(
            "title: T\nbase_url: https://e.org/\n",
            Path::new("site.yaml"),
        )
        .unwrap();
        let sources = files
            .iter()
            .map(|(rel, front)| {
                SourcePage::parse(
                    rel,
                    Path::new(rel),
                    &format!("---\ntitle: {rel}\n{front}\n---\n"),
                    "zh",
                )
                .unwrap()
            })
            .collect();
        resolve(config, sources, false).unwrap()
    }

    #[test]
    fn reading_order_merges_pages_and_sections_by_weight() {
        let s = site(&[
            ("_index.md", ""),
            ("a/_index.md", "weight: 1"),
            ("a/p1.md", "weight: 1"),
            ("a/sub/_index.md", "weight: 2"),
            ("a/sub/q.md", "weight: 1"),
            ("a/p3.md", "weight: 3"),
            ("b/_index.md", "weight: 2"),
            ("series/x/_index.md", "weight: 3"),
        ]);
        let order = reading_order(&s);
        let name = |i: Option<usize>| i.map(|i| s.entries[i].key.as_str());
        let at = |k: &str| &order[s.by_key[&(k.to_string(), "zh".to_string())]];
        assert_eq!(name(at("_index.md").0), None);
        assert_eq!(name(at("a/p1.md").1), Some("a/sub/_index.md"));
        assert_eq!(name(at("a/sub/q.md").1), Some("a/p3.md"));
        assert_eq!(name(at("a/p3.md").1), Some("b/_index.md"));
        assert_eq!(
            name(at("b/_index.md").1),
            None,
            "series indexes are not chapters"
        );
    }

    #[test]
    fn installments_by_edition_and_order() {
        let s = site(&[
            ("_index.md", ""),
            ("series/day/_index.md", ""),
            ("a.md", "date: 2017-10-17\nseries: { id: day, order: 2 }"),
            ("b.md", "date: 2017-10-17\nseries: { id: day, order: 1 }"),
            ("c.md", "date: 2015-10-17\nseries: { id: day, order: 1 }"),
        ]);
        let map = series(&s).unwrap();
        let day = &map[&("day".to_string(), "zh".to_string())];
        let keys: Vec<&str> = day
            .installments
            .iter()
            .map(|x| s.entries[x.entry].key.as_str())
            .collect();
        assert_eq!(keys, ["c.md", "b.md", "a.md"]);
        assert_eq!(day.installments[1].year, 2017);
    }

    #[test]
    fn unknown_series_or_missing_date_is_an_error() {
        let s = site(&[
            ("_index.md", ""),
            ("a.md", "series: { id: nope, order: 1 }"),
        ]);
        assert!(series(&s).unwrap_err()[0]
            .message
            .contains("`nope` has no index"));
        let s = site(&[
            ("_index.md", ""),
            ("series/day/_index.md", ""),
            ("a.md", "series: { id: day, order: 1 }"),
        ]);
        assert!(series(&s).unwrap_err()[0]
            .message
            .contains("needs a `date`"));
    }
}
