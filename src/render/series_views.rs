//! Views of reading order and series for one entry.

use std::collections::BTreeMap;

use super::context::ViewBuilder;
use super::navigation::{Series, SERIES_DIR};
use super::views::{EditionView, NavLink, SeriesNav};
use crate::locale::{format_date, ordinal, Style};
use crate::resolve::Entry;

/// Reading order and series of the site, computed once.
pub(super) struct Navigation {
    /// Previous/next per entry.
    pub order: Vec<(Option<usize>, Option<usize>)>,
    /// `(series id, lang)` → series.
    pub series: BTreeMap<(String, String), Series>,
}

impl ViewBuilder<'_> {
    pub(super) fn nav_link(&self, i: usize) -> NavLink {
        let e = &self.site.entries[i];
        NavLink {
            title: self.site.source(e).title.clone(),
            url: e.url.clone(),
            lang_tag: super::context::title_tag(self.site, e),
        }
    }

    fn style(&self, entry: &Entry) -> (Style, usize) {
        let li = super::lang_index(self.site, &entry.lang);
        (Style::for_tag(&self.site.config.languages[li].tag), li)
    }

    /// The edition number and date of `year` in a series whose index is `index`.
    fn edition(&self, entry: &Entry, index: usize, year: i64) -> (i64, String, String, String) {
        let (style, li) = self.style(entry);
        let recurring = self
            .site
            .source(&self.site.entries[index])
            .front
            .recurring
            .clone();
        match recurring {
            Some(r) => {
                let number = year - r.first_year + 1;
                // The index's `recurring` was checked when it was read.
                let date = r.date_in(year);
                let shown = match style {
                    Style::Chinese => format!("第{number}届"),
                    _ => ordinal(number.max(0) as u64, style),
                };
                (
                    number,
                    shown,
                    date.map(|d| d.to_string()).unwrap_or_default(),
                    date.map(|d| format_date(d, style, &self.strings[li]))
                        .unwrap_or_default(),
                )
            }
            None => (0, String::new(), String::new(), String::new()),
        }
    }

    /// Previous and next installment, and the edition, of a series member.
    pub(super) fn series_nav(&self, nav: &Navigation, entry_index: usize) -> Option<SeriesNav> {
        let entry = &self.site.entries[entry_index];
        let sref = self.site.source(entry).front.series.as_ref()?;
        let series = nav.series.get(&(sref.id.clone(), entry.lang.clone()))?;
        let pos = series
            .installments
            .iter()
            .position(|x| x.entry == entry_index)?;
        let (_, edition_display, _, _) =
            self.edition(entry, series.index, series.installments[pos].year);
        let index = &self.site.entries[series.index];
        Some(SeriesNav {
            title: self.site.source(index).title.clone(),
            url: index.url.clone(),
            edition_display,
            prev: pos
                .checked_sub(1)
                .map(|p| self.nav_link(series.installments[p].entry)),
            next: series
                .installments
                .get(pos + 1)
                .map(|x| self.nav_link(x.entry)),
        })
    }

    /// Editions of the series whose index is `entry`, newest first.
    pub(super) fn editions(&self, nav: &Navigation, entry: &Entry) -> Vec<EditionView> {
        let Some(id) = entry
            .key
            .strip_prefix(SERIES_DIR)
            .and_then(|k| k.strip_suffix("/_index.md"))
        else {
            return Vec::new();
        };
        let Some(series) = nav.series.get(&(id.to_string(), entry.lang.clone())) else {
            return Vec::new();
        };
        let mut by_year: BTreeMap<i64, Vec<NavLink>> = BTreeMap::new();
        for x in &series.installments {
            by_year
                .entry(x.year)
                .or_default()
                .push(self.nav_link(x.entry));
        }
        by_year
            .into_iter()
            .rev()
            .map(|(year, installments)| {
                let (number, number_display, date, date_display) =
                    self.edition(entry, series.index, year);
                EditionView {
                    year,
                    number,
                    number_display,
                    date,
                    date_display,
                    installments,
                }
            })
            .collect()
    }
}
