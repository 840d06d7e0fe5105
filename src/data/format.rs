//! Cells and headers written for a language (pure).

use super::table::{Cell, Column, ColumnType};
use crate::i18n::Strings;
use crate::locale::{format_number, unit_label, Style};

/// A number as written in the table: with the column's precision, or as given.
pub fn number(value: f64, column: &Column) -> String {
    match (column.kind, column.precision) {
        (ColumnType::Year | ColumnType::Integer, _) => format!("{value:.0}"),
        (_, Some(p)) => format_number(value, p),
        (_, None) => format!("{value}"),
    }
}

/// The text of a cell (`—` when empty); numbers without their unit.
pub fn cell(cell: &Cell, column: &Column, lang: &str, default: &str) -> String {
    match cell {
        Cell::Empty => "—".to_string(),
        Cell::Text(t) => t.get(lang, default),
        Cell::Number(n) => number(*n, column),
    }
}

/// A column header with its unit: `人口(万人)`, `ᠬᠦᠮᠦᠨ (ᠲᠦᠮᠡ ᠬᠦᠮᠦᠨ)`.
pub fn header(
    column: &Column,
    lang: &str,
    default: &str,
    style: Style,
    strings: &Strings,
) -> String {
    let label = column.label.get(lang, default);
    match column.unit.as_deref() {
        None | Some("") => label,
        Some(unit) => {
            let unit = unit_label(unit, style, strings);
            match style {
                Style::Chinese => format!("{label}({unit})"),
                _ => format!("{label} ({unit})"),
            }
        }
    }
}

/// One figure with its unit, for `stat`: `55.6万人`, `41.44%`, `55.6 ᠲᠦᠮᠡ ᠬᠦᠮᠦᠨ`.
pub fn figure(
    cell: &Cell,
    column: &Column,
    lang: &str,
    default: &str,
    style: Style,
    strings: &Strings,
) -> String {
    match (cell, column.unit.as_deref()) {
        (Cell::Number(n), Some("%")) => format!("{}%", number(*n, column)),
        (Cell::Number(n), Some(unit)) if !unit.is_empty() => {
            let unit = unit_label(unit, style, strings);
            match style {
                Style::Chinese => format!("{}{unit}", number(*n, column)),
                _ => format!("{} {unit}", number(*n, column)),
            }
        }
        _ => self::cell(cell, column, lang, default),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Localized;

    fn col(kind: ColumnType, unit: Option<&str>, precision: Option<usize>) -> Column {
        Column {
            key: "k".into(),
            label: Localized::One("人口".into()),
            kind,
            unit: unit.map(str::to_string),
            precision,
            derived: None,
            at: String::new(),
        }
    }

    #[test]
    fn numbers_keep_their_written_precision() {
        assert_eq!(
            number(55.6, &col(ColumnType::Amount, Some("万人"), None)),
            "55.6"
        );
        assert_eq!(
            number(13.0, &col(ColumnType::Percent, Some("%"), None)),
            "13"
        );
        assert_eq!(
            number(4.3, &col(ColumnType::Percent, Some("%"), Some(2))),
            "4.30"
        );
        assert_eq!(number(2017.0, &col(ColumnType::Year, None, None)), "2017");
    }

    #[test]
    fn headers_and_figures_per_language() {
        let s = Strings::from([("unit_人".to_string(), "ᠬᠦᠮᠦᠨ".to_string())]);
        let c = col(ColumnType::Amount, Some("万人"), None);
        assert_eq!(header(&c, "zh", "zh", Style::Chinese, &s), "人口(万人)");
        assert_eq!(
            figure(&Cell::Number(55.6), &c, "zh", "zh", Style::Chinese, &s),
            "55.6万人"
        );
        assert_eq!(
            figure(&Cell::Number(55.6), &c, "mn", "zh", Style::Mongolian, &s),
            "55.6 ᠲᠦᠮᠡ ᠬᠦᠮᠦᠨ"
        );
        let p = col(ColumnType::Percent, Some("%"), None);
        assert_eq!(
            figure(&Cell::Number(41.44), &p, "mn", "zh", Style::Mongolian, &s),
            "41.44%"
        );
        assert_eq!(cell(&Cell::Empty, &p, "zh", "zh"), "—");
    }
}
