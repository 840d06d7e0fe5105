//! Numbered tables and charts: every `{{ table }}` and `{{ chart }}` a page
//! places gets a number per language (表1, 图1), in the report's reading order
//! (pages outside it, such as series indexes, follow in entry order), and an
//! anchor on its page. Render prints the numbers and resolves `{{ ref() }}`
//! from here; nothing else numbers figures.

use std::collections::{HashMap, HashSet};

use super::Entry;
use crate::content::SourcePage;
use crate::markdown::shortcodes;

/// What a numbered figure shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FigureKind {
    /// `{{ table(id=…) }}`.
    Table,
    /// `{{ chart(id=…) }}`.
    Chart,
}

impl FigureKind {
    /// The kind of a shortcode name, for `table` and `chart`.
    pub fn of_shortcode(name: &str) -> Option<FigureKind> {
        match name {
            "table" => Some(FigureKind::Table),
            "chart" => Some(FigureKind::Chart),
            _ => None,
        }
    }

    /// The UI string of its label (`table_label`: `表{n}`).
    pub fn label_key(self) -> &'static str {
        match self {
            FigureKind::Table => "table_label",
            FigureKind::Chart => "chart_label",
        }
    }
}

/// One table or chart placed on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Table or chart.
    pub kind: FigureKind,
    /// The data table's id.
    pub table: String,
    /// Its number among figures of its kind in this language, from 1.
    pub number: usize,
    /// The entry that places it.
    pub entry: usize,
    /// Its `id` on that page (`data-<id>`, `chart-<id>-<kind>`; `-2`, `-3`…
    /// when a page places the same one again).
    pub anchor: String,
}

/// The numbered figures of one language.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// Every figure, in numbering order.
    pub list: Vec<Figure>,
    by_entry: HashMap<usize, Vec<usize>>,
    first: HashMap<(FigureKind, String), usize>,
}

impl Figures {
    /// The figures entry `entry` places, in the order of its shortcodes.
    pub fn of_entry(&self, entry: usize) -> impl Iterator<Item = &Figure> {
        self.by_entry
            .get(&entry)
            .into_iter()
            .flatten()
            .map(|&i| &self.list[i])
    }

    /// The first placement of table `table` as `kind` (what `ref()` links).
    pub fn first(&self, kind: FigureKind, table: &str) -> Option<&Figure> {
        self.first
            .get(&(kind, table.to_string()))
            .map(|&i| &self.list[i])
    }
}

/// A table or chart shortcode of a body: its kind, table id, and the chart
/// kind (`bar` by default) for charts.
pub fn placements(body: &str) -> Vec<(FigureKind, String, &'static str)> {
    shortcodes::find(body)
        .0
        .into_iter()
        .filter_map(|call| {
            let kind = FigureKind::of_shortcode(&call.name)?;
            let id = call.args.get("id")?.clone();
            let chart = match call.args.get("kind").map(String::as_str) {
                None | Some("bar") => "bar",
                Some("hbar") => "hbar",
                Some("line") => "line",
                Some("stacked") => "stacked",
                // An unknown kind is reported when the page renders.
                Some(_) => "other",
            };
            Some((kind, id, chart))
        })
        .collect()
}

/// Numbers the figures placed by the entries in `order` (the entries of one
/// language: the reading order first, then the rest), on tables that exist.
pub(super) fn number(
    entries: &[Entry],
    sources: &[SourcePage],
    order: &[usize],
    table_ids: &[&str],
) -> Figures {
    let known: HashSet<&str> = table_ids.iter().copied().collect();
    let mut figures = Figures::default();
    let mut counts: HashMap<FigureKind, usize> = HashMap::new();
    for &e in order {
        let mut on_page: HashMap<String, usize> = HashMap::new();
        for (kind, table, chart) in placements(&sources[entries[e].source].body) {
            if !known.contains(table.as_str()) {
                continue;
            }
            let base = match kind {
                FigureKind::Table => format!("data-{table}"),
                FigureKind::Chart => format!("chart-{table}-{chart}"),
            };
            let seen = on_page.entry(base.clone()).or_insert(0);
            *seen += 1;
            let anchor = match *seen {
                1 => base,
                n => format!("{base}-{n}"),
            };
            let count = counts.entry(kind).or_insert(0);
            *count += 1;
            let i = figures.list.len();
            figures.by_entry.entry(e).or_default().push(i);
            figures.first.entry((kind, table.clone())).or_insert(i);
            figures.list.push(Figure {
                kind,
                table,
                number: *count,
                entry: e,
                anchor,
            });
        }
    }
    figures
}

/// The entries of a language in numbering order: `reading` (the reading order
/// from the home page), then the language's other entries in entry order.
pub(super) fn numbering_order(
    entries: &[Entry],
    reading: &[usize],
    lang: super::LangId,
) -> Vec<usize> {
    let in_reading: HashSet<usize> = reading.iter().copied().collect();
    reading
        .iter()
        .copied()
        .chain(
            entries
                .iter()
                .enumerate()
                .filter(|(i, e)| e.lang == lang && !in_reading.contains(i))
                .map(|(i, _)| i),
        )
        .collect()
}
