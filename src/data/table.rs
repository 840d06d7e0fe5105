//! The typed table and its validation from YAML (pure).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::origin::{Places, Problem, YamlPlaces};
use super::validate::{build, RawRow};
use crate::config::Localized;
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
    pub(crate) key: String,
    #[serde(default)]
    pub(crate) label: Option<Localized>,
    #[serde(default, rename = "type")]
    pub(crate) kind: Option<ColumnType>,
    #[serde(default)]
    pub(crate) unit: Option<String>,
    #[serde(default)]
    pub(crate) precision: Option<usize>,
}

/// A table file as written (rows absent in a CSV sidecar).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTable {
    pub(crate) title: Localized,
    pub(crate) source: String,
    pub(crate) as_of: String,
    #[serde(default)]
    pub(crate) note: Option<Localized>,
    pub(crate) columns: Vec<RawColumn>,
    #[serde(default)]
    pub(crate) rows: Option<Vec<RawRow>>,
}

impl RawTable {
    /// Keys of the columns declared with a numeric type, whose CSV cells are
    /// read as numbers.
    pub(crate) fn numeric_keys(&self) -> HashSet<&str> {
        self.columns
            .iter()
            .filter(|c| c.kind.is_some_and(|k| k != ColumnType::Text))
            .map(|c| c.key.as_str())
            .collect()
    }
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
    let mut raw: RawTable = yaml::parse(src, path, 0).map_err(|d| vec![d])?;
    let rows = raw.rows.take().unwrap_or_default();
    let places = YamlPlaces::new(path, src);
    let located = |problems: Vec<Problem>| -> Problems {
        problems.into_iter().map(|p| places.diagnostic(p)).collect()
    };
    build(id, path, raw, rows, languages, source_exists)
        .map(|(t, w)| (t, located(w)))
        .map_err(located)
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

    /// The problem whose message contains `needle`, as (line, column).
    fn at(e: &[Diagnostic], needle: &str) -> (usize, usize) {
        let d = e
            .iter()
            .find(|d| d.message.contains(needle))
            .unwrap_or_else(|| panic!("{needle}: {e:?}"));
        (d.line, d.column)
    }

    #[test]
    fn a_value_error_points_at_its_cell_in_any_row_layout() {
        // Rows indented by four, one flow row, one block row.
        let src = OK.replace(
            "rows:\n  - { id: illness, cause: { zh: 因病致贫, mn: ᠡᠪᠡᠳᠴᠢᠨ }, share: 41.44, people: 23.1 }\n  - { id: funds, cause: { zh: 缺资金致贫, mn: ᠮᠥᠩᠭᠦ }, share: 16.74, people: null }\n",
            "rows:\n    - { id: illness, share: lots }\n    - id: funds\n      share: 16.74\n      people: many\n",
        );
        assert_ne!(src, OK);
        let e = parse(&src).unwrap_err();
        assert_eq!(at(&e, "row `illness`, column `share`"), (9, 29));
        assert_eq!(at(&e, "row `funds`, column `people`"), (12, 15));
    }

    #[test]
    fn a_repeated_row_id_names_both_lines() {
        let src = OK.replace("id: funds", "id: illness");
        let e = parse(&src).unwrap_err();
        let d = e.iter().find(|d| d.message.contains("used twice")).unwrap();
        assert_eq!((d.line, d.column), (10, 11));
        assert!(d.message.ends_with("(first on line 9)"), "{}", d.message);
    }

    #[test]
    fn column_problems_point_at_the_column_whatever_its_style() {
        let src = OK.replace(
            "  - { key: people, label: { zh: 人口 }, type: amount, unit: 万人 }\n",
            "  - key: \"share\"\n    type: amount\n",
        );
        let e = parse(&src).unwrap_err();
        assert_eq!(at(&e, "column `share` is declared twice"), (7, 5));
        assert_eq!(at(&e, "amount column `share` needs a `unit`"), (7, 5));
    }

    #[test]
    fn an_unknown_column_points_at_its_key() {
        let e = parse(&OK.replace("people: null", "pople: 3")).unwrap_err();
        assert_eq!(at(&e, "unknown column `pople`"), (10, 65));
    }
}
