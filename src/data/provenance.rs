//! Provenance: every figure of a table can be read in its source's text
//! (`file:` of the source it cites), except derived figures, which must equal
//! the computation their column declares ([`crate::data::Derived`]). Pure:
//! a table and the text in, problems at each cell's `path:line:col` out
//! ([`check_table`]); [`check_site`] reads the files for `bichig check`.

use std::collections::HashMap;
use std::path::Path;

use super::{Cell, ColumnType, DataTable};
use crate::diagnostics::{excerpt, Diagnostic};

use super::numbers::Numbers;

/// What checking one table found.
#[derive(Debug, Default)]
pub struct Checked {
    /// Figures looked for in the source text and found there or not.
    pub looked_up: usize,
    /// Derived figures checked against their computation.
    pub derived: usize,
    /// One error per figure that is not in the text or not its computation.
    pub problems: Vec<Diagnostic>,
}

/// Checks the figures of `table`. `text` is its source's text (`None` when
/// the source has no `file:`: only derived figures are checked); `rows_src`
/// the text of [`DataTable::rows_path`], for quoting the line.
pub fn check_table(table: &DataTable, text: Option<&str>, rows_src: Option<&str>) -> Checked {
    let numbers = text.map(Numbers::of);
    let file = table.source.file.as_deref().unwrap_or_default();
    let mut out = Checked::default();
    for row in &table.rows {
        for (i, (column, cell)) in table.columns.iter().zip(&row.cells).enumerate() {
            let Cell::Number(value) = cell else { continue };
            if column.kind == ColumnType::Text {
                continue;
            }
            let pos = row.cells_at.get(i).copied().unwrap_or_default();
            let error = |message: String, hint: String| {
                Diagnostic::error(&table.rows_path, pos.line, pos.column, message)
                    .with_hint(hint)
                    .with_excerpt(rows_src.and_then(|s| excerpt(s, pos.line, pos.column, pos.line)))
            };
            if let Some(d) = &column.derived {
                out.derived += 1;
                let computed = d.compute(
                    &table.columns,
                    &row.cells,
                    column.kind == ColumnType::Percent,
                );
                let wrong = match computed {
                    Ok(c) if super::derived::matches(*value, c, column.precision) => None,
                    Ok(c) => Some(format!("is {}", shown(c))),
                    Err(why) => Some(format!("cannot be computed: {why}")),
                };
                if let Some(wrong) = wrong {
                    out.problems.push(error(
                        format!(
                            "row `{}`, column `{}`: `{value}` is derived as the {}, which {wrong}",
                            row.id,
                            column.key,
                            d.describe()
                        ),
                        format!(
                            "correct the figure, or the computation under `derived:` ({})",
                            column.at
                        ),
                    ));
                }
                continue;
            }
            let Some(numbers) = &numbers else { continue };
            out.looked_up += 1;
            if !numbers.contains(*value, column.unit.as_deref()) {
                out.problems.push(error(
                    format!(
                        "row `{}`, column `{}`: `{value}` does not appear in {file} (source `{}`)",
                        row.id, column.key, table.source.id
                    ),
                    "check the figure against the source, or mark its column `derived:` with the computation that gives it".to_string(),
                ));
            }
        }
    }
    out
}

/// A computed value for a message: at most four decimals, no trailing zeros.
fn shown(v: f64) -> String {
    let s = format!("{v:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Checks every table of the site in `root` ([`check_table`]), reading each
/// source's text once and each table's rows file for quoting.
pub fn check_site(root: &Path, tables: &[DataTable]) -> Checked {
    let mut texts: HashMap<&str, Result<String, Diagnostic>> = HashMap::new();
    let mut all = Checked::default();
    for t in tables {
        let text = match t.source.file.as_deref() {
            Some(f) => match texts
                .entry(f)
                .or_insert_with(|| crate::content::read_text(&root.join(f), Path::new(f)))
            {
                Ok(s) => Some(s.as_str()),
                Err(d) => {
                    all.problems.push(d.clone());
                    continue;
                }
            },
            None => None,
        };
        let rows_src = std::fs::read_to_string(root.join(&t.rows_path)).ok();
        let c = check_table(t, text, rows_src.as_deref());
        all.looked_up += c.looked_up;
        all.derived += c.derived;
        all.problems.extend(c.problems);
    }
    all.problems.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "title: t
source: report
as_of: 2016-12-31
columns:
  - { key: poor, type: amount, unit: 万人 }
  - { key: all, type: amount, unit: 万人 }
  - { key: share, type: percent, derived: { ratio: [poor, all] } }
rows:
  - { id: a, poor: 55.6, all: 1390, share: 4 }
";

    fn check(src: &str, text: &str) -> Checked {
        let (t, _) = crate::data::parse_yaml(
            "t",
            Path::new("t.yaml"),
            src,
            &["zh"],
            &crate::sources::for_tests(),
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        check_table(&t, Some(text), Some(src))
    }

    #[test]
    fn figures_found_and_derived_checked() {
        let c = check(TABLE, "贫困人口55.6万人,全区1390万人");
        assert_eq!(
            (c.looked_up, c.derived, c.problems.len()),
            (2, 1, 0),
            "{:?}",
            c.problems
        );
    }

    #[test]
    fn a_missing_figure_and_a_wrong_derivation_at_their_cells() {
        let c = check(
            &TABLE.replace("share: 4 ", "share: 5 "),
            "贫困人口55.6万人,全区1391万人",
        );
        let at: Vec<(usize, usize)> = c.problems.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(at, [(9, 31), (9, 44)], "{:?}", c.problems);
        assert_eq!(
            c.problems[0].message,
            "row `a`, column `all`: `1390` does not appear in seeds/a.txt (source `report`)"
        );
        assert!(
            c.problems[1]
                .message
                .contains("ratio of `poor`, `all`, which is 4"),
            "{}",
            c.problems[1].message
        );
    }
}
