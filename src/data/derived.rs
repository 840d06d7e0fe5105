//! Derived columns: figures a table computes from its other columns instead
//! of copying them from the source, declared as
//! `derived: { sum: [a, b] }`, `{ difference: [a, b] }` (a − b − …) or
//! `{ ratio: [a, b] }` (a ÷ b, × 100 in a percent column). Provenance does not
//! look for them in the source text: it checks each against its computation
//! instead, rounded to the decimals the cell is written with (pure).

use super::origin::{Origin, Problem};
pub use super::table::Derived;
use super::table::{Cell, Column, ColumnType};
use crate::suggest::{self, Known};

impl Derived {
    /// The columns it reads.
    pub fn operands(&self) -> &[String] {
        match self {
            Derived::Sum(c) | Derived::Difference(c) | Derived::Ratio(c) => c,
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Derived::Sum(_) => "sum",
            Derived::Difference(_) => "difference",
            Derived::Ratio(_) => "ratio",
        }
    }

    /// The value of the computation over `cells` (a row, in column order),
    /// `Err` with the reason when it has none (an empty operand, a zero
    /// divisor). `percent` multiplies a ratio by 100.
    pub fn compute(
        &self,
        columns: &[Column],
        cells: &[Cell],
        percent: bool,
    ) -> Result<f64, String> {
        let mut values = Vec::new();
        for key in self.operands() {
            let i = columns.iter().position(|c| &c.key == key);
            match i.and_then(|i| cells.get(i)) {
                Some(Cell::Number(n)) => values.push(*n),
                _ => return Err(format!("`{key}` is empty")),
            }
        }
        match (self, values.as_slice()) {
            (Derived::Sum(_), v) => Ok(v.iter().sum()),
            (Derived::Difference(_), [first, rest @ ..]) => Ok(first - rest.iter().sum::<f64>()),
            (Derived::Ratio(_), [_, b]) if *b == 0.0 => Err("the divisor is 0".to_string()),
            (Derived::Ratio(_), [a, b]) => Ok(if percent { a / b * 100.0 } else { a / b }),
            _ => Err("it has the wrong number of columns".to_string()),
        }
    }

    /// The computation in words for messages: `sum of `a`, `b``.
    pub fn describe(&self) -> String {
        format!(
            "{} of {}",
            self.name(),
            suggest::list(self.operands().iter().map(String::as_str))
        )
    }
}

/// Problems of the `derived:` of column `index` among `columns`: operands that
/// are no numeric column (or the column itself), a ratio not of two columns.
pub(crate) fn validate(index: usize, columns: &[Column]) -> Vec<Problem> {
    let column = &columns[index];
    let Some(d) = &column.derived else {
        return Vec::new();
    };
    let at = Origin::Column {
        index,
        field: Some("derived"),
    };
    let mut problems = Vec::new();
    if column.kind == ColumnType::Text {
        problems.push(
            Problem::error(
                at.clone(),
                format!("text column `{}` cannot be derived", column.key),
            )
            .with_hint("give the column a numeric `type`, or remove `derived`"),
        );
    }
    let count_ok = match d {
        Derived::Ratio(c) => c.len() == 2,
        Derived::Difference(c) => c.len() >= 2,
        Derived::Sum(c) => !c.is_empty(),
    };
    if !count_ok {
        problems.push(
            Problem::error(at.clone(), format!("`{}` of column `{}` names {} columns", d.name(), column.key, d.operands().len()))
                .with_hint("a ratio takes two columns, `[numerator, denominator]`; a difference two or more; a sum one or more"),
        );
    }
    let numeric: Vec<Known> = columns
        .iter()
        .filter(|c| c.kind != ColumnType::Text && c.key != column.key)
        .map(|c| Known::at(&c.key, &c.at))
        .collect();
    for key in d.operands() {
        if !numeric.iter().any(|k| &k.name == key) {
            let mut p = Problem::error(
                at.clone(),
                format!(
                    "column `{}` is derived from `{key}`, which is not another numeric column",
                    column.key
                ),
            );
            if let Some(h) = suggest::hint(key, "numeric columns", &numeric) {
                p = p.with_hint(h);
            }
            problems.push(p);
        }
    }
    problems
}

/// Decimals `value` is written with (shortest form: `4.50` and `4.5` both 1).
pub fn decimals(value: f64) -> usize {
    let s = format!("{value}");
    s.split_once('.').map_or(0, |(_, f)| f.len())
}

/// True when `value` is `computed` rounded to `value`'s decimals (or the
/// column's `precision`, when larger).
pub fn matches(value: f64, computed: f64, precision: Option<usize>) -> bool {
    let d = decimals(value).max(precision.unwrap_or(0)).min(12);
    let scale = 10f64.powi(d as i32);
    super::numbers::same((computed * scale).round() / scale, value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Localized;

    fn col(key: &str, kind: ColumnType, derived: Option<Derived>) -> Column {
        Column {
            key: key.into(),
            label: Localized::One(key.into()),
            kind,
            unit: None,
            precision: None,
            derived,
            at: format!("t.yaml:{key}"),
        }
    }

    #[test]
    fn computations() {
        let cols = [
            col("a", ColumnType::Number, None),
            col("b", ColumnType::Number, None),
        ];
        let cells = [Cell::Number(3.0), Cell::Number(8.0)];
        let v = |d: Derived, pct| d.compute(&cols, &cells, pct);
        let ab = || vec!["a".to_string(), "b".to_string()];
        assert_eq!(v(Derived::Sum(ab()), false), Ok(11.0));
        assert_eq!(v(Derived::Difference(ab()), false), Ok(-5.0));
        assert_eq!(v(Derived::Ratio(ab()), true), Ok(37.5));
        let empty = [Cell::Number(3.0), Cell::Empty];
        assert_eq!(
            Derived::Sum(ab()).compute(&cols, &empty, false),
            Err("`b` is empty".into())
        );
    }

    #[test]
    fn rounding_to_the_written_decimals() {
        assert!(matches(37.5, 37.5, None));
        assert!(matches(41.44, 41.4397, None));
        assert!(!matches(41.45, 41.4397, None));
        assert!(matches(2.0, 2.4, None));
        assert!(!matches(2.0, 2.4, Some(1)));
        assert_eq!(decimals(4.50), 1);
        assert_eq!(decimals(56.0), 0);
    }

    #[test]
    fn operands_must_be_other_numeric_columns() {
        let d = Derived::Ratio(vec!["a".into(), "totl".into()]);
        let cols = [
            col("a", ColumnType::Number, None),
            col("total", ColumnType::Number, None),
            col("name", ColumnType::Text, None),
            col("share", ColumnType::Percent, Some(d)),
        ];
        let p = validate(3, &cols);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].message.contains("`totl`"), "{}", p[0].message);
        assert!(
            p[0].hint
                .as_deref()
                .is_some_and(|h| h.contains("did you mean `total`")),
            "{p:?}"
        );
        let bad = Derived::Sum(vec!["name".into(), "share".into()]);
        let mut cols = cols;
        cols[3].derived = Some(bad);
        assert_eq!(validate(3, &cols).len(), 2);
    }
}
