//! Load stage, data part: tables in `content/data/` (YAML, or CSV with a
//! `.meta.yaml` sidecar), validated into typed [`DataTable`]s.

mod cite;
mod csv_rows;
pub mod derived;
pub mod format;
mod load;
pub mod numbers;
mod origin;
pub mod provenance;
mod table;
mod validate;

pub use derived::Derived;
pub use load::load;
pub use table::{Cell, Column, ColumnType, DataTable, Row};
pub use validate::{parse_yaml, parse_yaml_with_units, MissingUnitString, Problems, UnitStrings};
