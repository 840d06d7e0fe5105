//! The typed table and its validation from YAML (pure).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::config::Localized;
use crate::content::slug;
use crate::content::SourceDate;
use crate::diagnostics::Diagnostic;
use crate::yaml;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColumnType {
    /// Text, one string or one per language.
    Text,
    /// Whole numbers.
    Integer,
    /// Numbers with `precision` decimals.
    Number,
    /// A share in percent (`41.44` is 41.44 %).
    Percent,
    /// A quantity in `unit` (万人, 亿元…).
    Amount,
    /// A year (printed without grouping or decimals).
    Year,
}

/// A validated column.
#[derive(Debug, Clone)]
pub struct Column {
    /// Key used in rows and references.
    pub key: String,
    /// Header label per language.
    pub label: Localized,
    /// Type of its cells.
    pub kind: ColumnType,
    /// Unit of an amount (`万人`), `%` for percent.
    pub unit: Option<String>,
    /// Decimals; `None` prints numbers as written.
    pub precision: Option<usize>,
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value (printed as —).
    Empty,
    /// Text.
    Text(Localized),
    /// A number.
    Number(f64),
}

/// A validated row.
#[derive(Debug, Clone)]
pub struct Row {
    /// Row id, unique in the table.
    pub id: String,
    /// Cells, one per column.
    pub cells: Vec<Cell>,
}

/// A validated data table.
#[derive(Debug, Clone)]
pub struct DataTable {
    /// Table id (file stem).
    pub id: String,
    /// File shown in messages.
    pub path: PathBuf,
    /// Title per language.
    pub title: Localized,
    /// File under the site root where every number can be read.
    pub source: String,
    /// Date the figures refer to.
    pub as_of: SourceDate,
    /// Note shown under the table.
    pub note: Option<Localized>,
    /// Columns.
    pub columns: Vec<Column>,
    /// Rows.
    pub rows: Vec<Row>,
}

impl DataTable {
    /// Index of a column by key.
    pub fn column(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }

    /// A row by id.
    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// Index of the first text column (the row header), if any.
    pub fn header_column(&self) -> Option<usize> {
        self.columns.iter().position(|c| c.kind == ColumnType::Text)
    }
}

/// A cell as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawCell {
    Number(f64),
    Text(String),
    Localized(BTreeMap<String, String>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawColumn {
    key: String,
    #[serde(default)]
    label: Option<Localized>,
    #[serde(default, rename = "type")]
    kind: Option<ColumnType>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    precision: Option<usize>,
}

/// A table file as written (rows absent in a CSV sidecar).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTable {
    title: Localized,
    source: String,
    as_of: String,
    #[serde(default)]
    note: Option<Localized>,
    columns: Vec<RawColumn>,
    #[serde(default)]
    pub(crate) rows: Option<Vec<BTreeMap<String, Option<RawCell>>>>,
}

/// Problems of one table file: errors and warnings.
pub type Problems = Vec<Diagnostic>;

/// Parses a YAML table (`id` from the file name). `languages` lists the site's
/// language codes, for missing-label warnings; `source_exists` checks `source:`.
pub fn parse_yaml(
    id: &str,
    path: &Path,
    src: &str,
    languages: &[&str],
    source_exists: &dyn Fn(&str) -> bool,
) -> Result<(DataTable, Problems), Problems> {
    let raw: RawTable = yaml::parse(src, path, 0).map_err(|d| vec![d])?;
    let rows = raw.rows.clone().unwrap_or_default();
    let row_lines = row_lines(src);
    build(
        id,
        path,
        src,
        raw,
        rows,
        &|i| row_lines.get(i).copied().unwrap_or(0),
        languages,
        source_exists,
    )
}

/// 1-based line of each row item (`- …`) under `rows:`.
fn row_lines(src: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut in_rows = false;
    for (i, l) in src.lines().enumerate() {
        if l.starts_with("rows:") {
            in_rows = true;
        } else if in_rows
            && !l.starts_with(' ')
            && !l.starts_with('-')
            && !l.trim().is_empty()
            && !l.starts_with('#')
        {
            in_rows = false;
        } else if in_rows && l.trim_start().starts_with("- ") && l.len() - l.trim_start().len() <= 2
        {
            lines.push(i + 1);
        }
    }
    lines
}

/// Validates a raw table with its rows; `row_line(i)` gives the line of row `i`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn build(
    id: &str,
    path: &Path,
    src: &str,
    raw: RawTable,
    rows: Vec<BTreeMap<String, Option<RawCell>>>,
    row_line: &dyn Fn(usize) -> usize,
    languages: &[&str],
    source_exists: &dyn Fn(&str) -> bool,
) -> Result<(DataTable, Problems), Problems> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let at = |key: &str| yaml::key_line(src, key, 0);
    if !slug::is_valid(id) {
        errors.push(Diagnostic::error(
            path,
            0,
            0,
            format!("table id `{id}` (the file name) must be lowercase ASCII, digits, `-` or `_`"),
        ));
    }
    let source_ok =
        !raw.source.contains("..") && !raw.source.starts_with('/') && source_exists(&raw.source);
    if !source_ok {
        errors.push(
            Diagnostic::error(path, at("source"), 0, format!("source `{}` not found", raw.source))
                .with_hint("name a file under the site root, e.g. seeds/report.txt, where every number can be read"),
        );
    }
    let as_of = match SourceDate::parse(&raw.as_of) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(Diagnostic::error(path, at("as_of"), 0, e));
            None
        }
    };
    let mut check_langs = |what: &str, l: &Localized, line: usize| {
        if let Localized::Many(m) = l {
            for lang in languages {
                if !m.contains_key(*lang) {
                    warnings.push(Diagnostic::warning(
                        path,
                        line,
                        0,
                        format!("{what} has no `{lang}` text"),
                    ));
                }
            }
        }
    };
    check_langs("title", &raw.title, at("title"));
    let mut columns = Vec::new();
    let mut seen = HashSet::new();
    for c in raw.columns {
        let line = at(&format!("key: {}", c.key)).max(yaml::key_line(src, "key", 0));
        let line = line_of_key(src, &c.key).unwrap_or(line);
        if !seen.insert(c.key.clone()) || c.key == "id" {
            errors.push(Diagnostic::error(
                path,
                line,
                0,
                format!("column `{}` is declared twice (or is named `id`)", c.key),
            ));
        }
        let kind = c.kind.unwrap_or(ColumnType::Text);
        let unit = match kind {
            ColumnType::Percent => Some("%".to_string()),
            ColumnType::Amount if c.unit.as_deref().is_none_or(str::is_empty) => {
                errors.push(
                    Diagnostic::error(
                        path,
                        line,
                        0,
                        format!("amount column `{}` needs a `unit`", c.key),
                    )
                    .with_hint("e.g. unit: 万人"),
                );
                None
            }
            _ => c.unit,
        };
        let label = c.label.unwrap_or_else(|| Localized::One(c.key.clone()));
        check_langs(&format!("label of column `{}`", c.key), &label, line);
        columns.push(Column {
            key: c.key,
            label,
            kind,
            unit,
            precision: c.precision,
        });
    }
    let mut out_rows = Vec::new();
    let mut ids = HashSet::new();
    for (i, raw_row) in rows.into_iter().enumerate() {
        let line = row_line(i);
        let id = match raw_row.get("id") {
            Some(Some(RawCell::Text(s))) if slug::is_valid(s) => s.clone(),
            Some(Some(RawCell::Number(n))) if n.fract() == 0.0 && *n >= 0.0 => format!("{n}"),
            _ => {
                errors.push(
                    Diagnostic::error(path, line, 0, format!("row {} has no valid `id`", i + 1))
                        .with_hint("give every row an ASCII `id:`, e.g. id: y2016"),
                );
                continue;
            }
        };
        if !ids.insert(id.clone()) {
            errors.push(Diagnostic::error(
                path,
                line,
                0,
                format!("row id `{id}` is used twice"),
            ));
        }
        for key in raw_row.keys().filter(|k| *k != "id") {
            if !columns.iter().any(|c| &c.key == key) {
                errors.push(
                    Diagnostic::error(path, line, 0, format!("row `{id}`: unknown column `{key}`"))
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
                    check_langs(&format!("row `{id}`, column `{}`", c.key), &l, line);
                    Cell::Text(l)
                }
                (Some(RawCell::Number(n)), ColumnType::Text) => {
                    Cell::Text(Localized::One(format!("{n}")))
                }
                (Some(RawCell::Number(n)), ColumnType::Integer | ColumnType::Year)
                    if n.fract() != 0.0 =>
                {
                    errors.push(Diagnostic::error(
                        path,
                        line,
                        0,
                        format!("row `{id}`, column `{}`: {n} is not a whole number", c.key),
                    ));
                    Cell::Empty
                }
                (Some(RawCell::Number(n)), _) => Cell::Number(n),
                (Some(other), kind) => {
                    errors.push(Diagnostic::error(
                        path,
                        line,
                        0,
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

fn line_of_key(src: &str, key: &str) -> Option<usize> {
    src.lines()
        .position(|l| {
            l.contains(&format!("key: {key} "))
                || l.contains(&format!("key: {key},"))
                || l.trim_end().ends_with(&format!("key: {key}"))
        })
        .map(|i| i + 1)
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

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = "title: { zh: 主要致贫原因, mn: ᠰᠢᠯᠲᠠᠭᠠᠨ }
source: seeds/a.txt
as_of: 2016-12-31
columns:
  - { key: cause, label: { zh: 致贫原因, mn: ᠰᠢᠯᠲᠠᠭᠠᠨ } }
  - { key: share, label: { zh: 占比, mn: ᠬᠤᠪᠢ }, type: percent, precision: 2 }
  - { key: people, label: { zh: 人口 }, type: amount, unit: 万人 }
rows:
  - { id: illness, cause: { zh: 因病致贫, mn: ᠡᠪᠡᠳᠴᠢᠨ }, share: 41.44, people: 23.1 }
  - { id: funds, cause: { zh: 缺资金致贫, mn: ᠮᠥᠩᠭᠦ }, share: 16.74, people: null }
";

    fn parse(src: &str) -> Result<(DataTable, Problems), Problems> {
        parse_yaml(
            "poverty_causes",
            Path::new("content/data/poverty_causes.yaml"),
            src,
            &["zh", "mn"],
            &|s| s == "seeds/a.txt",
        )
    }

    #[test]
    fn valid_table_with_a_missing_label_warning() {
        let (t, warnings) = parse(OK).unwrap();
        assert_eq!(t.columns.len(), 3);
        assert_eq!(t.columns[1].unit.as_deref(), Some("%"));
        assert_eq!(t.row("illness").unwrap().cells[1], Cell::Number(41.44));
        assert_eq!(t.row("funds").unwrap().cells[2], Cell::Empty);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].message.contains("`people` has no `mn`"));
        assert_eq!(warnings[0].line, 7);
    }

    #[test]
    fn as_of_is_a_date() {
        let (t, _) = parse(OK).unwrap();
        assert_eq!(t.as_of.date().to_string(), "2016-12-31");
        let e = parse(&OK.replace("as_of: 2016-12-31", "as_of: 2016-11-31")).unwrap_err();
        assert_eq!(
            (e.len(), e[0].line, e[0].message.as_str()),
            (1, 3, "`2016-11-31` is not a day of the month")
        );
    }

    #[test]
    fn unknown_column_wrong_type_and_missing_source_have_lines() {
        let src = OK
            .replace("source: seeds/a.txt", "source: seeds/missing.txt")
            .replace("people: null", "pople: 3")
            .replace("share: 41.44", "share: lots");
        let e = parse(&src).unwrap_err();
        let find = |s: &str| {
            e.iter()
                .find(|d| d.message.contains(s))
                .unwrap_or_else(|| panic!("{s}: {e:?}"))
        };
        assert_eq!(find("not found").line, 2);
        assert_eq!(find("unknown column `pople`").line, 10);
        assert_eq!(find("expected a percentage").line, 9);
    }

    #[test]
    fn rows_need_unique_ids_and_amounts_need_units() {
        let src = OK
            .replace("id: funds", "id: illness")
            .replace(", unit: 万人", "");
        let e = parse(&src).unwrap_err();
        assert!(e.iter().any(|d| d.message.contains("used twice")));
        assert!(e
            .iter()
            .any(|d| d.message.contains("needs a `unit`") && d.line == 7));
    }

    #[test]
    fn broken_yaml_is_an_error_with_line() {
        let e = parse("title: x\ncolumns: [\n").unwrap_err();
        assert!(e[0].line >= 2, "{e:?}");
    }
}
