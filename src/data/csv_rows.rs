//! CSV rows: a header of column keys (`id`, `share`, bilingual `cause.zh`,
//! `cause.mn`) and one record per row, turned into the raw rows YAML would give,
//! with the position of each record (from the csv crate) and of each field.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use super::table::RawCell;
use super::table::RawRow;
use crate::diagnostics::Diagnostic;
use crate::yaml::Pos;

/// The rows of a CSV file, with the header and where each record starts.
#[derive(Debug)]
pub(crate) struct CsvRows {
    /// Rows as YAML would give them.
    pub rows: Vec<RawRow>,
    /// Header fields (`id`, `cause.zh`…).
    header: Vec<String>,
    /// Start of each row's record: 1-based line and byte offset in the text.
    records: Vec<(usize, usize)>,
}

/// Strips the UTF-8 BOM a CSV file may start with; positions are in what is left.
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parses CSV text (after [`without_bom`]); cells of the `numeric` columns are
/// read as numbers.
pub(crate) fn parse(
    path: &Path,
    text: &str,
    numeric: &HashSet<&str>,
) -> Result<CsvRows, Vec<Diagnostic>> {
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
    let mut records = Vec::new();
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
        let start = record.position().map_or((0, 0), |p| {
            record_start(text, p.line() as usize, p.byte() as usize)
        });
        if record.len() != header.len() {
            problems.push(Diagnostic::error(
                path,
                start.0,
                0,
                format!(
                    "row has {} fields, the header has {}",
                    record.len(),
                    header.len()
                ),
            ));
            continue;
        }
        let mut row = RawRow::new();
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
                        let pos = field_pos(text, start, col);
                        problems.push(Diagnostic::error(
                            path,
                            pos.line,
                            pos.column,
                            format!("column `{name}` clashes with `{key}`"),
                        ));
                    }
                }
                None if value.is_empty() => {
                    row.insert(name.clone(), None);
                }
                None => {
                    let cell = match value.parse::<f64>() {
                        Ok(n) if numeric.contains(name.as_str()) => RawCell::Number(n),
                        _ => RawCell::Text(value.to_string()),
                    };
                    row.insert(name.clone(), Some(cell));
                }
            }
        }
        rows.push(row);
        records.push(start);
    }
    if problems.is_empty() {
        Ok(CsvRows {
            rows,
            header,
            records,
        })
    } else {
        Err(problems)
    }
}

impl CsvRows {
    /// Where row `row` is in `text` (the text given to [`parse`]): the start of
    /// the field holding `key` (a bilingual key's first language), else of the record.
    pub fn pos(&self, text: &str, row: usize, key: Option<&str>) -> Pos {
        let Some(&start) = self.records.get(row) else {
            return Pos::default();
        };
        let field = key
            .and_then(|k| {
                self.header
                    .iter()
                    .position(|h| h == k || h.split_once('.').is_some_and(|(base, _)| base == k))
            })
            .unwrap_or(0);
        field_pos(text, start, field)
    }
}

/// Where a record really starts: the csv crate's position is where the reader
/// began, before any blank lines it skipped.
fn record_start(text: &str, line: usize, byte: usize) -> (usize, usize) {
    let rest = text.get(byte..).unwrap_or_default();
    let blank = &rest[..rest.len() - rest.trim_start_matches(['\r', '\n']).len()];
    (line + blank.matches('\n').count(), byte + blank.len())
}

/// Position of field `field` of the record starting at `(line, byte)`: csv_core
/// reads the record again, counting the bytes each field takes (delimiter and
/// quotes included), which the csv crate does not report.
fn field_pos(text: &str, (line, byte): (usize, usize), field: usize) -> Pos {
    let bytes = text.as_bytes();
    let Some(mut input) = bytes.get(byte..) else {
        return Pos::default();
    };
    let mut reader = csv_core::Reader::new();
    let mut scratch = [0u8; 256];
    let mut offset = byte;
    let mut field_start = byte;
    let mut index = 0;
    loop {
        let (result, read, _) = reader.read_field(input, &mut scratch);
        input = &input[read..];
        offset += read;
        match result {
            csv_core::ReadFieldResult::Field { record_end } => {
                if index == field {
                    break;
                }
                if record_end {
                    return Pos::default();
                }
                index += 1;
                field_start = offset;
            }
            csv_core::ReadFieldResult::End => return Pos::default(),
            csv_core::ReadFieldResult::InputEmpty | csv_core::ReadFieldResult::OutputFull => {}
        }
    }
    // Offsets fall after ASCII delimiters, so on character boundaries; `get`
    // keeps a surprise from panicking.
    let Some(before) = text.get(byte..field_start) else {
        return Pos::default();
    };
    let this_line = before.rsplit('\n').next().unwrap_or(before);
    Pos {
        line: line + before.matches('\n').count(),
        column: this_line.chars().count() + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<CsvRows, Vec<Diagnostic>> {
        parse(Path::new("t.csv"), text, &HashSet::from(["share"]))
    }

    #[test]
    fn bilingual_text_and_numbers() {
        let text = without_bom(
            "\u{feff}id,cause.zh,cause.mn,share\nillness,因病致贫,ᠡᠪᠡᠳᠴᠢᠨ,41.44\nfunds,缺资金,,\n",
        );
        let t = p(text).unwrap();
        assert_eq!(t.records.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 3]);
        assert!(matches!(t.rows[0]["share"], Some(RawCell::Number(n)) if n == 41.44));
        assert!(matches!(&t.rows[0]["cause"], Some(RawCell::Localized(m)) if m["mn"] == "ᠡᠪᠡᠳᠴᠢᠨ"));
        assert!(t.rows[1]["share"].is_none());
    }

    #[test]
    fn only_declared_numeric_columns_hold_numbers() {
        let t = p("id,share,share_2\na,007,007\n").unwrap();
        assert!(matches!(t.rows[0]["share"], Some(RawCell::Number(n)) if n == 7.0));
        assert!(matches!(&t.rows[0]["share_2"], Some(RawCell::Text(s)) if s == "007"));
    }

    #[test]
    fn fields_have_line_and_column_in_characters() {
        let text = "id,cause.zh,cause.mn,share\n\n\"a\",\"因病\n致贫\",ᠡᠪ,41.44\r\nb, 缺,,\n";
        let t = p(text).unwrap();
        let at = |row, key| {
            let pos = t.pos(text, row, key);
            (pos.line, pos.column)
        };
        assert_eq!(at(0, None), (3, 1));
        assert_eq!(at(0, Some("cause")), (3, 5));
        // The quoted field spans a line break; `share` is on the next line.
        assert_eq!(at(0, Some("share")), (4, 8));
        assert_eq!(at(1, Some("cause")), (5, 3));
        assert_eq!(at(1, Some("share")), (5, 7));
        assert_eq!(at(2, None), (0, 0));
    }

    #[test]
    fn ragged_rows_name_their_line() {
        let e = p("id,share\na,1\nb,2,3\n").unwrap_err();
        assert_eq!(e[0].line, 3);
        assert!(e[0].message.contains("3 fields"));
        let e = p("id,share\n\nb,2,3\n").unwrap_err();
        assert_eq!(e[0].line, 3, "{e:?}");
    }

    #[test]
    fn a_clash_names_the_field_column() {
        let e = p("id,share,share.zh\nab,1,x\n").unwrap_err();
        assert_eq!((e[0].line, e[0].column), (2, 6), "{e:?}");
    }

    #[test]
    fn header_must_start_with_id() {
        assert!(p("share,id\n1,a\n").is_err());
    }
}
