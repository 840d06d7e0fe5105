//! The open-data downloads of a table besides its CSV: JSON (typed values,
//! labels in every language) and CSVW metadata (W3C "Metadata Vocabulary for
//! Tabular Data") describing the CSV beside it (pure).

use serde_json::{json, Map, Value};

use super::datatable::LangCtx;
use crate::config::Localized;
use crate::data::{format, Cell, Column, ColumnType, DataTable};
use crate::locale::unit_label;
use crate::sources::Source;

/// A language of the site, as the downloads name it.
pub struct DataLang<'a> {
    /// BCP 47 tag (`mn-Mong`), the key of CSVW's language maps.
    pub tag: &'a str,
    /// Its code, UI strings and style.
    pub ctx: LangCtx<'a>,
}

/// What the downloads say about the whole publication.
pub struct Publication<'a> {
    /// Every language of the site, the default one first.
    pub langs: Vec<DataLang<'a>>,
    /// `license:` of `site.yaml`.
    pub license: Option<&'a str>,
    /// `publisher:` of `site.yaml`.
    pub publisher: Option<&'a Localized>,
}

/// The file format of a download kind (`csv`, `xlsx`, `json`, `csvw`): its
/// name on the data page and its media type.
pub fn format_of(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "csv" => ("CSV", "text/csv"),
        "xlsx" => (
            "XLSX",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        "json" => ("JSON", "application/json"),
        _ => ("CSVW", "application/csvm+json"),
    }
}

/// The years the figures cover: the span of the table's year columns
/// (`2012/2017`, or `2016` for one year), else the date of `as_of`.
pub fn temporal_coverage(t: &DataTable) -> String {
    let years: Vec<i64> = t
        .rows
        .iter()
        .flat_map(|r| t.columns.iter().zip(&r.cells))
        .filter_map(|(c, cell)| match (c.kind, cell) {
            (ColumnType::Year, Cell::Number(n)) => Some(*n as i64),
            _ => None,
        })
        .collect();
    match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}/{b}"),
        _ => t.as_of.date().to_string(),
    }
}

/// `{code: text}` for every language.
fn by_code(l: &Localized, p: &Publication<'_>) -> Value {
    let default = p.langs.first().map_or("", |l| l.ctx.lang);
    Value::Object(
        p.langs
            .iter()
            .map(|d| (d.ctx.lang.to_string(), json!(l.get(d.ctx.lang, default))))
            .collect(),
    )
}

/// The citation of `source` as a reader of `d` sees it.
fn citation(source: &Source, d: &DataLang<'_>, default: &str) -> String {
    source.citation(d.ctx.lang, default, d.ctx.style, d.ctx.strings)
}

/// The source in words per language code, with its URL when it has one.
fn citations_by_code(source: &Source, p: &Publication<'_>) -> Value {
    let default = p.langs.first().map_or("", |l| l.ctx.lang);
    let mut v = json!({
        "citation": Value::Object(
            p.langs
                .iter()
                .map(|d| (d.ctx.lang.to_string(), json!(citation(source, d, default))))
                .collect(),
        ),
    });
    if let Some(url) = &source.url {
        v["url"] = json!(url);
    }
    v
}

/// A column's type as written in the table files.
fn type_name(kind: ColumnType) -> &'static str {
    match kind {
        ColumnType::Text => "text",
        ColumnType::Integer => "integer",
        ColumnType::Number => "number",
        ColumnType::Percent => "percent",
        ColumnType::Amount => "amount",
        ColumnType::Year => "year",
    }
}

/// A cell as a typed JSON value: whole numbers for integers and years.
fn cell_value(cell: &Cell, c: &Column, p: &Publication<'_>) -> Value {
    match cell {
        Cell::Empty => Value::Null,
        Cell::Number(n) if matches!(c.kind, ColumnType::Integer | ColumnType::Year) => {
            json!(*n as i64)
        }
        Cell::Number(n) => json!(n),
        Cell::Text(l) => by_code(l, p),
    }
}

/// `<id>.json`: the table's title, source and date, its columns (key, label in
/// every language, type, unit as written and per language, precision) and
/// its rows with typed values.
pub fn table_json(t: &DataTable, p: &Publication<'_>) -> Vec<u8> {
    let columns: Vec<Value> = t
        .columns
        .iter()
        .map(|c| {
            let mut col = Map::new();
            col.insert("key".into(), json!(c.key));
            col.insert("label".into(), by_code(&c.label, p));
            col.insert("type".into(), json!(type_name(c.kind)));
            if let Some(unit) = c.unit.as_deref().filter(|u| !u.is_empty()) {
                col.insert("unit".into(), json!(unit));
                let shown: Map<String, Value> = p
                    .langs
                    .iter()
                    .map(|d| {
                        let s = unit_label(unit, d.ctx.style, d.ctx.strings);
                        (d.ctx.lang.to_string(), json!(s))
                    })
                    .collect();
                col.insert("unit_label".into(), Value::Object(shown));
            }
            if let Some(precision) = c.precision {
                col.insert("precision".into(), json!(precision));
            }
            Value::Object(col)
        })
        .collect();
    let rows: Vec<Value> = t
        .rows
        .iter()
        .map(|r| {
            let mut row = Map::new();
            row.insert("id".into(), json!(r.id));
            for (c, cell) in t.columns.iter().zip(&r.cells) {
                row.insert(c.key.clone(), cell_value(cell, c, p));
            }
            Value::Object(row)
        })
        .collect();
    let mut v = json!({
        "id": t.id,
        "title": by_code(&t.title, p),
        "source": citations_by_code(&t.source, p),
        "as_of": t.as_of.date().to_string(),
        "temporal_coverage": temporal_coverage(t),
        "columns": columns,
        "rows": rows,
    });
    if let Some(note) = &t.note {
        v["note"] = by_code(note, p);
    }
    if let Some(license) = p.license {
        v["license"] = json!(license);
    }
    pretty(&v)
}

fn pretty(v: &Value) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(v).unwrap_or_default();
    out.push(b'\n');
    out
}

/// A CSVW natural-language value: `{tag: text}` for every language.
fn by_tag(text: impl Fn(&DataLang<'_>) -> String, p: &Publication<'_>) -> Value {
    Value::Object(
        p.langs
            .iter()
            .map(|d| (d.tag.to_string(), json!(text(d))))
            .collect(),
    )
}

/// A CSVW common property in every language: `[{"@value", "@language"}]`.
fn values_by_tag(text: impl Fn(&DataLang<'_>) -> String, p: &Publication<'_>) -> Value {
    Value::Array(
        p.langs
            .iter()
            .map(|d| json!({ "@value": text(d), "@language": d.tag }))
            .collect(),
    )
}

/// The CSVW datatype of a column's cells as the CSV writes them.
fn datatype(kind: ColumnType) -> &'static str {
    match kind {
        ColumnType::Text => "string",
        ColumnType::Integer => "integer",
        ColumnType::Year => "gYear",
        ColumnType::Number | ColumnType::Percent | ColumnType::Amount => "number",
    }
}

/// `<id>.csv-metadata.json`, the CSVW metadata of `csv_name` (the CSV beside
/// it): title in every language, source, date, publisher and licence, and a
/// schema naming every CSV column with its header in every language (as each
/// language's CSV writes it), datatype and unit (`schema:unitText`, as written
/// in the data).
pub fn table_csvw(t: &DataTable, csv_name: &str, p: &Publication<'_>) -> Vec<u8> {
    let default = p.langs.first().map_or("", |l| l.ctx.lang);
    let mut columns = vec![json!({
        "name": "id",
        "titles": "id",
        "datatype": "string",
        "required": true,
    })];
    for c in &t.columns {
        let mut col = Map::new();
        col.insert("name".into(), json!(c.key));
        col.insert(
            "titles".into(),
            by_tag(
                |d| format::header(c, d.ctx.lang, default, d.ctx.style, d.ctx.strings),
                p,
            ),
        );
        col.insert("datatype".into(), json!(datatype(c.kind)));
        if let Some(unit) = c.unit.as_deref().filter(|u| !u.is_empty()) {
            col.insert("schema:unitText".into(), json!(unit));
        }
        columns.push(Value::Object(col));
    }
    let lang = p.langs.first().map_or("und", |l| l.tag);
    let mut v = json!({
        "@context": ["http://www.w3.org/ns/csvw", { "@language": lang }],
        "url": csv_name,
        "dc:title": values_by_tag(|d| t.title.get(d.ctx.lang, default), p),
        "dc:source": t.source.url.as_ref().map_or_else(
            || values_by_tag(|d| citation(&t.source, d, default), p),
            |url| json!(url),
        ),
        "dc:date": { "@value": t.as_of.date().to_string(), "@type": "xsd:date" },
        "dc:temporal": temporal_coverage(t),
        "tableSchema": { "columns": columns, "primaryKey": "id" },
    });
    if let Some(publisher) = p.publisher {
        v["dc:publisher"] = values_by_tag(|d| publisher.get(d.ctx.lang, default), p);
    }
    if let Some(license) = p.license {
        v["dc:license"] = json!({ "@id": license });
    }
    pretty(&v)
}

#[cfg(test)]
mod tests {
    use super::super::datatable::tests::{ctx, table};
    use super::*;
    use crate::i18n::Strings;
    use crate::locale::Style;

    fn with<T>(license: Option<&str>, f: impl FnOnce(&Publication<'_>) -> T) -> T {
        let zh = Strings::new();
        let mn = Strings::from([
            ("unit_wan".to_string(), "ᠲᠦᠮᠡ".to_string()),
            ("unit_人".to_string(), "ᠬᠦᠮᠦᠨ".to_string()),
        ]);
        let p = Publication {
            langs: vec![
                DataLang {
                    tag: "zh-Hans",
                    ctx: ctx("zh", Style::Chinese, &zh),
                },
                DataLang {
                    tag: "mn-Mong",
                    ctx: ctx("mn", Style::Mongolian, &mn),
                },
            ],
            license,
            publisher: None,
        };
        f(&p)
    }

    #[test]
    fn json_has_typed_values_and_labels_in_every_language() {
        let v: Value = serde_json::from_slice(&with(None, |p| table_json(&table(), p))).unwrap();
        assert_eq!(v["columns"][1]["type"], "percent");
        assert_eq!(v["columns"][2]["unit"], "万人");
        assert_eq!(v["columns"][2]["unit_label"]["mn"], "ᠲᠦᠮᠡ ᠬᠦᠮᠦᠨ");
        assert_eq!(v["columns"][0]["label"]["mn"], "ᠰᠢᠯᠲᠠᠭᠠᠨ");
        assert_eq!(v["rows"][0]["share"], 41.44);
        assert_eq!(v["rows"][0]["cause"]["zh"], "因病致贫");
        assert_eq!(v["rows"][1]["people"], Value::Null);
        assert!(v.get("license").is_none());
    }

    #[test]
    fn csvw_names_every_csv_column() {
        let v: Value = serde_json::from_slice(&with(Some("https://l.org/by/"), |p| {
            table_csvw(&table(), "causes.csv", p)
        }))
        .unwrap();
        assert_eq!(v["url"], "causes.csv");
        assert_eq!(v["dc:title"][1]["@language"], "mn-Mong");
        assert_eq!(v["dc:title"][1]["@value"], "ᠰᠢᠯᠲᠠᠭᠠᠨ");
        assert_eq!(v["dc:license"]["@id"], "https://l.org/by/");
        let cols = v["tableSchema"]["columns"].as_array().unwrap();
        let names: Vec<&str> = cols.iter().map(|c| c["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["id", "cause", "share", "people"]);
        assert_eq!(cols[2]["datatype"], "number");
        assert_eq!(cols[3]["titles"]["zh-Hans"], "人口(万人)");
        assert_eq!(cols[3]["titles"]["mn-Mong"], "ᠬᠦᠮᠦᠨ (ᠲᠦᠮᠡ ᠬᠦᠮᠦᠨ)");
        assert_eq!(cols[3]["schema:unitText"], "万人");
    }

    #[test]
    fn temporal_coverage_spans_the_year_columns() {
        let mut t = table();
        assert_eq!(temporal_coverage(&t), "2016-12-31");
        t.columns[2].kind = ColumnType::Year;
        t.rows[1].cells[2] = Cell::Number(2012.0);
        t.rows[0].cells[2] = Cell::Number(2017.0);
        assert_eq!(temporal_coverage(&t), "2012/2017");
    }
}
