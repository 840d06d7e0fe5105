//! Validation of a table as written into a [`DataTable`] (pure). Problems name
//! the element they are about ([`Origin`]); the caller knows the files.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use super::origin::{Origin, Problem};
use super::table::{Cell, Column, ColumnType, DataTable, RawCell, RawTable, Row};
use crate::config::Localized;
use crate::content::SourceDate;
use crate::slug;

/// One row as written: column key to cell (`None`: empty).
pub(crate) type RawRow = BTreeMap<String, Option<RawCell>>;

/// Validates a raw table with its rows. `path` is the file shown for the table.
pub(crate) fn build(
    id: &str,
    path: &Path,
    raw: RawTable,
    rows: Vec<RawRow>,
    languages: &[&str],
    source_exists: &dyn Fn(&str) -> bool,
) -> Result<(DataTable, Vec<Problem>), Vec<Problem>> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    if !slug::is_valid(id) {
        errors.push(Problem::error(
            Origin::File,
            format!("table id `{id}` (the file name) must be lowercase ASCII, digits, `-` or `_`"),
        ));
    }
    let source_ok =
        !raw.source.contains("..") && !raw.source.starts_with('/') && source_exists(&raw.source);
    if !source_ok {
        errors.push(
            Problem::error(Origin::Field("source"), format!("source `{}` not found", raw.source))
                .with_hint("name a file under the site root, e.g. seeds/report.txt, where every number can be read"),
        );
    }
    let as_of = match SourceDate::parse(&raw.as_of) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(Problem::error(Origin::Field("as_of"), e));
            None
        }
    };
    let mut check_langs = |what: &str, l: &Localized, origin: Origin| {
        if let Localized::Many(m) = l {
            for lang in languages {
                if !m.contains_key(*lang) {
                    warnings.push(Problem::warning(
                        origin.clone(),
                        format!("{what} has no `{lang}` text"),
                    ));
                }
            }
        }
    };
    check_langs("title", &raw.title, Origin::Field("title"));
    let mut columns = Vec::new();
    let mut seen = HashSet::new();
    for (index, c) in raw.columns.into_iter().enumerate() {
        let at = |field| Origin::Column { index, field };
        if !seen.insert(c.key.clone()) || c.key == "id" {
            errors.push(Problem::error(
                at(Some("key")),
                format!("column `{}` is declared twice (or is named `id`)", c.key),
            ));
        }
        let kind = c.kind.unwrap_or(ColumnType::Text);
        let unit = match kind {
            ColumnType::Percent => Some("%".to_string()),
            ColumnType::Amount if c.unit.as_deref().is_none_or(str::is_empty) => {
                errors.push(
                    Problem::error(
                        at(Some("unit")),
                        format!("amount column `{}` needs a `unit`", c.key),
                    )
                    .with_hint("e.g. unit: 万人"),
                );
                None
            }
            _ => c.unit,
        };
        let label = c.label.unwrap_or_else(|| Localized::One(c.key.clone()));
        check_langs(
            &format!("label of column `{}`", c.key),
            &label,
            at(Some("label")),
        );
        columns.push(Column {
            key: c.key,
            label,
            kind,
            unit,
            precision: c.precision,
        });
    }
    let mut out_rows = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for (index, raw_row) in rows.into_iter().enumerate() {
        let cell_at = |key: &str| Origin::Cell {
            index,
            key: key.to_string(),
        };
        let id = match raw_row.get("id") {
            Some(Some(RawCell::Text(s))) if slug::is_valid(s) => s.clone(),
            Some(Some(RawCell::Number(n))) if n.fract() == 0.0 && *n >= 0.0 => format!("{n}"),
            _ => {
                errors.push(
                    Problem::error(
                        Origin::Row(index),
                        format!("row {} has no valid `id`", index + 1),
                    )
                    .with_hint("give every row an ASCII `id:`, e.g. id: y2016"),
                );
                continue;
            }
        };
        if let Some(&first) = ids.get(&id) {
            errors.push(
                Problem::error(cell_at("id"), format!("row id `{id}` is used twice")).first_at(
                    Origin::Cell {
                        index: first,
                        key: "id".to_string(),
                    },
                ),
            );
        } else {
            ids.insert(id.clone(), index);
        }
        for key in raw_row.keys().filter(|k| *k != "id") {
            if !columns.iter().any(|c| &c.key == key) {
                errors.push(
                    Problem::error(
                        Origin::RowKey {
                            index,
                            key: key.clone(),
                        },
                        format!("row `{id}`: unknown column `{key}`"),
                    )
                    .with_hint("declare it under `columns:`"),
                );
            }
        }
        let mut cells = Vec::new();
        for c in &columns {
            let cell = match (raw_row.get(&c.key).cloned().flatten(), c.kind) {
                (None, _) => Cell::Empty,
                (Some(RawCell::Text(s)), ColumnType::Text) => Cell::Text(Localized::One(s)),
                (Some(RawCell::Localized(m)), ColumnType::Text) => {
                    let l = Localized::Many(m);
                    check_langs(
                        &format!("row `{id}`, column `{}`", c.key),
                        &l,
                        cell_at(&c.key),
                    );
                    Cell::Text(l)
                }
                (Some(RawCell::Number(n)), ColumnType::Text) => {
                    Cell::Text(Localized::One(format!("{n}")))
                }
                (Some(RawCell::Number(n)), ColumnType::Integer | ColumnType::Year)
                    if n.fract() != 0.0 =>
                {
                    errors.push(Problem::error(
                        cell_at(&c.key),
                        format!("row `{id}`, column `{}`: {n} is not a whole number", c.key),
                    ));
                    Cell::Empty
                }
                (Some(RawCell::Number(n)), _) => Cell::Number(n),
                (Some(other), kind) => {
                    errors.push(Problem::error(
                        cell_at(&c.key),
                        format!(
                            "row `{id}`, column `{}`: expected {}, found {}",
                            c.key,
                            kind_name(kind),
                            raw_name(&other)
                        ),
                    ));
                    Cell::Empty
                }
            };
            cells.push(cell);
        }
        out_rows.push(Row { id, cells });
    }
    let Some(as_of) = as_of.filter(|_| errors.is_empty()) else {
        return Err(errors);
    };
    let table = DataTable {
        id: id.to_string(),
        path: path.to_path_buf(),
        title: raw.title,
        source: raw.source,
        as_of,
        note: raw.note,
        columns,
        rows: out_rows,
    };
    Ok((table, warnings))
}

fn kind_name(k: ColumnType) -> &'static str {
    match k {
        ColumnType::Text => "text",
        ColumnType::Integer => "an integer",
        ColumnType::Number | ColumnType::Amount => "a number",
        ColumnType::Percent => "a percentage (a number)",
        ColumnType::Year => "a year",
    }
}

fn raw_name(c: &RawCell) -> String {
    match c {
        RawCell::Number(n) => format!("the number {n}"),
        RawCell::Text(s) => format!("the text `{s}`"),
        RawCell::Localized(_) => "a text per language".to_string(),
    }
}
