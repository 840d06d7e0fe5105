//! A table as an XLSX workbook in one language (pure: bytes in memory).
//! Numbers stay numbers: percents as fractions with a percent format (41.44
//! is written 0.4144, shown `41.44%`), years and integers as whole numbers;
//! the title, source and date sit above the header row, units in the header.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::datatable::{labelled, LangCtx};
use crate::data::{format, Cell, Column, ColumnType, DataTable};
use crate::locale::format_date;

/// Rows above the header: title, source, date, then the note when there is one.
fn header_row(t: &DataTable) -> u32 {
    if t.note.is_some() {
        5
    } else {
        4
    }
}

/// Decimals of a column: its `precision`, else the most any of its cells is
/// written with (so `16.7` and `8.32` both show as written).
fn decimals(t: &DataTable, col: usize, c: &Column) -> usize {
    c.precision.unwrap_or_else(|| {
        t.rows
            .iter()
            .filter_map(|r| match r.cells[col] {
                Cell::Number(n) => Some(format::number(n, c)),
                _ => None,
            })
            .map(|s| s.split_once('.').map_or(0, |(_, d)| d.len()))
            .max()
            .unwrap_or(0)
    })
}

/// The number format of a column's cells.
fn num_format(t: &DataTable, col: usize, c: &Column) -> String {
    let d = decimals(t, col, c);
    let frac = if d > 0 {
        format!(".{}", "0".repeat(d))
    } else {
        String::new()
    };
    match c.kind {
        ColumnType::Year => "0".to_string(),
        ColumnType::Integer => "#,##0".to_string(),
        ColumnType::Percent => format!("0{frac}%"),
        _ => format!("#,##0{frac}"),
    }
}

/// The workbook of `t` in the language of `ctx` (sheet named by the table id).
pub fn table_xlsx(t: &DataTable, ctx: &LangCtx<'_>, company: &str) -> Result<Vec<u8>, String> {
    build(t, ctx, company).map_err(|e| format!("cannot write the XLSX of `{}`: {e}", t.id))
}

fn build(t: &DataTable, ctx: &LangCtx<'_>, company: &str) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let date = t.as_of.date();
    // A fixed creation date (the figures' date) keeps the build reproducible.
    let created = ExcelDateTime::from_ymd(date.year() as u16, u8::from(date.month()), date.day())?;
    let title = t.title.get(ctx.lang, ctx.default);
    wb.set_properties(
        &DocProperties::new()
            .set_title(&title)
            .set_company(company)
            .set_creation_datetime(&created),
    );
    let sheet = wb.add_worksheet();
    // Sheet names are at most 31 characters; table ids are ASCII slugs.
    sheet.set_name(t.id.chars().take(31).collect::<String>())?;
    write_sheet(sheet, t, ctx, &title)?;
    wb.save_to_buffer()
}

fn write_sheet(
    sheet: &mut Worksheet,
    t: &DataTable,
    ctx: &LangCtx<'_>,
    title: &str,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(0, 0, title, &Format::new().set_bold().set_font_size(14))?;
    sheet.write_string(
        1,
        0,
        format!(
            "{}{}",
            labelled(ctx, "data_source"),
            t.source
                .citation(ctx.lang, ctx.default, ctx.style, ctx.strings)
        ),
    )?;
    sheet.write_string(
        2,
        0,
        format!(
            "{}{}",
            labelled(ctx, "data_as_of"),
            format_date(t.as_of.date(), ctx.style, ctx.strings)
        ),
    )?;
    if let Some(note) = &t.note {
        sheet.write_string(3, 0, note.get(ctx.lang, ctx.default))?;
    }
    let top = header_row(t);
    sheet.write_string_with_format(top, 0, "id", &bold)?;
    sheet.set_column_width(0, 14)?;
    let formats: Vec<Format> = t
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| Format::new().set_num_format(num_format(t, i, c)))
        .collect();
    for (i, c) in t.columns.iter().enumerate() {
        let col = i as u16 + 1;
        let header = format::header(c, ctx.lang, ctx.default, ctx.style, ctx.strings);
        sheet.write_string_with_format(top, col, header, &bold)?;
        sheet.set_column_width(col, if c.kind == ColumnType::Text { 24 } else { 14 })?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let y = top + 1 + r as u32;
        sheet.write_string(y, 0, &row.id)?;
        for (i, (c, cell)) in t.columns.iter().zip(&row.cells).enumerate() {
            let col = i as u16 + 1;
            match cell {
                Cell::Empty => {}
                Cell::Text(l) => {
                    sheet.write_string(y, col, l.get(ctx.lang, ctx.default))?;
                }
                Cell::Number(n) => {
                    let v = if c.kind == ColumnType::Percent {
                        n / 100.0
                    } else {
                        *n
                    };
                    sheet.write_number_with_format(y, col, v, &formats[i])?;
                }
            }
        }
    }
    sheet.set_freeze_panes(top + 1, 0)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::datatable::tests::{ctx, table};
    use super::*;
    use crate::i18n::Strings;
    use crate::locale::Style;

    #[test]
    fn formats_follow_the_column_types() {
        let t = table();
        assert_eq!(num_format(&t, 1, &t.columns[1]), "0.00%");
        assert_eq!(num_format(&t, 2, &t.columns[2]), "#,##0.0");
        let mut year = t.columns[2].clone();
        year.kind = ColumnType::Year;
        assert_eq!(num_format(&t, 2, &year), "0");
    }

    #[test]
    fn the_same_table_gives_the_same_bytes() {
        let s = Strings::new();
        let c = ctx("zh", Style::Chinese, &s);
        let a = table_xlsx(&table(), &c, "P").unwrap();
        assert!(a.starts_with(b"PK"), "a zip file");
        // Past a second boundary: a clock in the file would differ.
        std::thread::sleep(std::time::Duration::from_millis(1100));
        assert_eq!(a, table_xlsx(&table(), &c, "P").unwrap());
    }
}
