//! CSV rows: a header of column keys (`id`, `share`, bilingual `cause.zh`,
//! `cause.mn`) and one record per row, turned into the raw rows YAML would give.

use std::collections::BTreeMap;
use std::path::Path;

use super::table::RawCell;
use crate::diagnostics::Diagnostic;

/// Raw rows of a CSV file with the line of each row.
pub(crate) type RawRows = (Vec<BTreeMap<String, Option<RawCell>>>, Vec<usize>);

/// Parses CSV text (a UTF-8 BOM is accepted); `numeric(key)` tells which columns
/// hold numbers.
pub(crate) fn parse(
    path: &Path,
    text: &str,
    numeric: &dyn Fn(&str) -> bool,
) -> Result<RawRows, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
        Err(e) => {
            return Err(vec![Diagnostic::error(
                path,
                1,
                0,
                format!("invalid CSV header: {e}"),
            )])
        }
    };
    if header.first().map(String::as_str) != Some("id") {
        return Err(vec![Diagnostic::error(
            path,
            1,
            1,
            "the first CSV column must be `id`",
        )]);
    }
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(Diagnostic::error(
                    path,
                    line,
                    0,
                    format!("invalid CSV: {e}"),
                ));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.len() != header.len() {
            problems.push(Diagnostic::error(
                path,
                line,
                0,
                format!(
                    "row has {} fields, the header has {}",
                    record.len(),
                    header.len()
                ),
            ));
            continue;
        }
        let mut row: BTreeMap<String, Option<RawCell>> = BTreeMap::new();
        for (col, (name, value)) in header.iter().zip(record.iter()).enumerate() {
            let value = value.trim();
            match name.split_once('.') {
                Some((key, lang)) => {
                    let entry = row
                        .entry(key.to_string())
                        .or_insert_with(|| Some(RawCell::Localized(BTreeMap::new())));
                    if let Some(RawCell::Localized(m)) = entry {
                        if !value.is_empty() {
                            m.insert(lang.to_string(), value.to_string());
                        }
                    } else {
                        problems.push(Diagnostic::error(
                            path,
                            line,
                            col + 1,
                            format!("column `{name}` clashes with `{key}`"),
                        ));
                    }
                }
                None if value.is_empty() => {
                    row.insert(name.clone(), None);
                }
                None => {
                    let cell = match value.parse::<f64>() {
                        Ok(n) if numeric(name) => RawCell::Number(n),
                        _ => RawCell::Text(value.to_string()),
                    };
                    row.insert(name.clone(), Some(cell));
                }
            }
        }
        rows.push(row);
        lines.push(line);
    }
    if problems.is_empty() {
        Ok((rows, lines))
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<RawRows, Vec<Diagnostic>> {
        parse(Path::new("t.csv"), text, &|k| k == "share")
    }

    #[test]
    fn bilingual_text_and_numbers() {
        let (rows, lines) = p(
            "\u{feff}id,cause.zh,cause.mn,share\nillness,因病致贫,ᠡᠪᠡᠳᠴᠢᠨ,41.44\nfunds,缺资金,,\n",
        )
        .unwrap();
        assert_eq!(lines, [2, 3]);
        assert!(matches!(rows[0]["share"], Some(RawCell::Number(n)) if n == 41.44));
        assert!(matches!(&rows[0]["cause"], Some(RawCell::Localized(m)) if m["mn"] == "ᠡᠪᠡᠳᠴᠢᠨ"));
        assert!(rows[1]["share"].is_none());
    }

    #[test]
    fn ragged_rows_name_their_line() {
        let e = p("id,share\na,1\nb,2,3\n").unwrap_err();
        assert_eq!(e[0].line, 3);
        assert!(e[0].message.contains("3 fields"));
    }

    #[test]
    fn header_must_start_with_id() {
        assert!(p("share,id\n1,a\n").is_err());
    }
}
