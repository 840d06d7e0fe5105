//! The typed table and its validation from YAML (pure).

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use serde::Deserialize;

use crate::config::Localized;
use crate::content::SourceDate;
use crate::sources::Source;
use crate::yaml::Pos;

/// The computation a derived column declares.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "RawDerived")]
pub enum Derived {
    /// The sum of these columns.
    Sum(Vec<String>),
    /// The first column less the others.
    Difference(Vec<String>),
    /// The first column divided by the second (× 100 in a percent column).
    Ratio(Vec<String>),
}

/// `derived:` as written: a mapping with one computation (serde_yaml reads
/// an enum only from a YAML tag).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDerived {
    sum: Option<Vec<String>>,
    difference: Option<Vec<String>>,
    ratio: Option<Vec<String>>,
}

impl TryFrom<RawDerived> for Derived {
    type Error = String;

    fn try_from(r: RawDerived) -> Result<Self, String> {
        match (r.sum, r.difference, r.ratio) {
            (Some(c), None, None) => Ok(Derived::Sum(c)),
            (None, Some(c), None) => Ok(Derived::Difference(c)),
            (None, None, Some(c)) => Ok(Derived::Ratio(c)),
            _ => Err(
                "`derived` takes one of `sum: [a, b]`, `difference: [a, b]`, `ratio: [a, b]`"
                    .to_string(),
            ),
        }
    }
}

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
    /// The computation its figures come from, when they are not copied from
    /// the source.
    pub derived: Option<Derived>,
    /// `path:line` of its declaration under `columns:`, for messages.
    pub at: String,
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
    /// Where each cell is written in [`DataTable::rows_path`] (0: not written).
    pub cells_at: Vec<Pos>,
    /// `path:line` where the row is written, for messages.
    pub at: String,
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
    /// The source it cites (`source:` names it by id in `content/sources.yaml`).
    pub source: Source,
    /// The file its rows are written in (the CSV file of a CSV table).
    pub rows_path: PathBuf,
    /// Date the figures refer to.
    pub as_of: SourceDate,
    /// Note shown under the table.
    pub note: Option<Localized>,
    /// Columns.
    pub columns: Vec<Column>,
    /// Rows.
    pub rows: Vec<Row>,
    /// Corrections made since publication, as written (each on or after `as_of`).
    pub corrections: Vec<crate::content::Correction>,
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
    #[serde(default)]
    pub(crate) derived: Option<Derived>,
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
    #[serde(default)]
    pub(crate) corrections: Vec<crate::content::corrections::RawCorrection>,
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

/// One row as written: column key to cell (`None`: empty).
pub(crate) type RawRow = BTreeMap<String, Option<RawCell>>;
