//! Validation of a table as written into a [`DataTable`] (pure). Problems name
//! the element they are about ([`Origin`]); the caller knows the files.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::origin::{Origin, Problem};
use super::origin::{Places, YamlPlaces};
use super::table::{Cell, Column, ColumnType, DataTable, RawCell, RawRow, RawTable, Row};
use super::{cite, derived};
use crate::config::Localized;
use crate::content::SourceDate;
use crate::diagnostics::Diagnostic;
use crate::slug;
use crate::sources::Sources;
use crate::suggest::{self, Known};
use crate::yaml;

/// A UI string that a language needs to write a unit and does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingUnitString {
    /// Language code (`mn`).
    pub lang: String,
    /// The missing key (`unit_名`).
    pub key: String,
    /// The i18n file to add it to (`themes/default/i18n/mn.yaml`).
    pub file: String,
    /// The nearest unit that language can write (`万人` for `万入`), if any.
    pub nearest: Option<String>,
}

/// Finds the UI strings a unit lacks in the site's languages (none: every
/// language can write it).
pub type UnitStrings<'a> = &'a dyn Fn(&str) -> Vec<MissingUnitString>;

/// Validates a raw table with its rows. `path` is the file shown for the table;
/// `places` says where an element is written; `source:` must name one of `sources`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn build(
    id: &str,
    path: &Path,
    raw: RawTable,
    rows: Vec<RawRow>,
    languages: &[&str],
    sources: &Sources,
    unit_strings: UnitStrings<'_>,
    places: &dyn Places,
) -> Result<(DataTable, Vec<Problem>), Vec<Problem>> {
    let place = |o: &Origin| places.at(o);
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    if !slug::is_valid(id) {
        errors.push(Problem::error(
            Origin::File,
            format!("table id `{id}` (the file name) must be lowercase ASCII, digits, `-` or `_`"),
        ));
    }
    let source = cite::resolve(&raw.source, sources)
        .map_err(|p| errors.push(*p))
        .ok();
    let as_of =
        match SourceDate::parse(&raw.as_of) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.push(Problem::error(Origin::Value("as_of"), e).with_hint(
                    "dates are written year-month-day with `-`, e.g. `as_of: 2016-12-31`",
                ));
                None
            }
        };
    let mut check_langs = |what: &str, l: &Localized, origin: Origin| {
        if let Localized::Many(m) = l {
            for lang in languages {
                if !m.contains_key(*lang) {
                    warnings.push(Problem::warning(
                        origin.clone(),
                        format!("{what} has no `{lang}` text"),
                    ));
                }
            }
        }
    };
    check_langs("title", &raw.title, Origin::Field("title"));
    let mut columns = Vec::new();
    let mut seen = HashSet::new();
    for (index, c) in raw.columns.into_iter().enumerate() {
        let at = |field| Origin::Column { index, field };
        if !seen.insert(c.key.clone()) || c.key == "id" {
            errors.push(Problem::error(
                at(Some("key")),
                format!("column `{}` is declared twice (or is named `id`)", c.key),
            ));
        }
        let kind = c.kind.unwrap_or(ColumnType::Text);
        // Without a numeric type the column would be text: figures printed bare,
        // no chart.
        if kind == ColumnType::Text && c.unit.as_deref().is_some_and(|u| !u.is_empty()) {
            errors.push(
                Problem::error(
                    at(Some("unit")),
                    format!(
                        "column `{}` has a `unit` but no numeric `type`, so its figures would be read as text",
                        c.key
                    ),
                )
                .with_hint(format!(
                    "add `type: amount` (a quantity in {}), or `type: number`/`integer`; remove `unit` if the column is text",
                    c.unit.as_deref().unwrap_or_default()
                )),
            );
        }
        let unit = match kind {
            ColumnType::Percent => Some("%".to_string()),
            ColumnType::Amount if c.unit.as_deref().is_none_or(str::is_empty) => {
                errors.push(
                    Problem::error(
                        at(Some("unit")),
                        format!("amount column `{}` needs a `unit`", c.key),
                    )
                    .with_hint("e.g. unit: 万人"),
                );
                None
            }
            _ => c.unit,
        };
        // A unit without its word would show Chinese on the other language's pages.
        if kind != ColumnType::Percent {
            for m in unit_strings(unit.as_deref().unwrap_or_default()) {
                errors.push(
                    Problem::error(
                        at(Some("unit")),
                        format!(
                            "unit `{}` of column `{}` has no `{}` string `{}`",
                            unit.as_deref().unwrap_or_default(),
                            c.key,
                            m.lang,
                            m.key
                        ),
                    )
                    .with_hint(match &m.nearest {
                        Some(n) => {
                            format!("did you mean `{n}`? or add `{}: …` to {}", m.key, m.file)
                        }
                        None => format!("add `{}: …` to {}", m.key, m.file),
                    }),
                );
            }
        }
        let label = c.label.unwrap_or_else(|| Localized::One(c.key.clone()));
        check_langs(
            &format!("label of column `{}`", c.key),
            &label,
            at(Some("label")),
        );
        columns.push(Column {
            key: c.key,
            label,
            kind,
            unit,
            precision: c.precision,
            derived: c.derived,
            at: place(&at(None)),
        });
    }
    for index in 0..columns.len() {
        errors.extend(derived::validate(index, &columns));
    }
    let mut out_rows = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    // Undeclared row keys, each with the rows (index, id) that use it: one
    // problem per key, not one per row.
    let mut unknown: Vec<(String, Vec<(usize, String)>)> = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    for (index, raw_row) in rows.into_iter().enumerate() {
        let cell_at = |key: &str| Origin::Cell {
            index,
            key: key.to_string(),
        };
        let id = match raw_row.get("id") {
            Some(Some(RawCell::Text(s))) if slug::is_valid(s) => s.clone(),
            Some(Some(RawCell::Number(n))) if n.fract() == 0.0 && *n >= 0.0 => format!("{n}"),
            _ => {
                errors.push(
                    Problem::error(
                        Origin::Row(index),
                        format!("row {} has no valid `id`", index + 1),
                    )
                    .with_hint("give every row an ASCII `id:`, e.g. id: y2016"),
                );
                continue;
            }
        };
        if let Some(&first) = ids.get(&id) {
            errors.push(
                Problem::error(cell_at("id"), format!("row id `{id}` is used twice")).first_at(
                    Origin::Cell {
                        index: first,
                        key: "id".to_string(),
                    },
                ),
            );
        } else {
            ids.insert(id.clone(), index);
        }
        for key in raw_row.keys().filter(|k| *k != "id") {
            used.insert(key.clone());
            if !columns.iter().any(|c| &c.key == key) {
                match unknown.iter_mut().find(|(k, _)| k == key) {
                    Some((_, rows)) => rows.push((index, id.clone())),
                    None => unknown.push((key.clone(), vec![(index, id.clone())])),
                }
            }
        }
        let mut cells = Vec::new();
        for c in &columns {
            let cell = match (raw_row.get(&c.key).cloned().flatten(), c.kind) {
                (None, _) => Cell::Empty,
                (Some(RawCell::Text(s)), ColumnType::Text) => Cell::Text(Localized::One(s)),
                (Some(RawCell::Localized(m)), ColumnType::Text) => {
                    let l = Localized::Many(m);
                    check_langs(
                        &format!("row `{id}`, column `{}`", c.key),
                        &l,
                        cell_at(&c.key),
                    );
                    Cell::Text(l)
                }
                (Some(RawCell::Number(n)), ColumnType::Text) => {
                    Cell::Text(Localized::One(format!("{n}")))
                }
                (Some(RawCell::Number(n)), ColumnType::Integer | ColumnType::Year)
                    if n.fract() != 0.0 =>
                {
                    errors.push(Problem::error(
                        cell_at(&c.key),
                        format!("row `{id}`, column `{}`: {n} is not a whole number", c.key),
                    ));
                    Cell::Empty
                }
                (Some(RawCell::Number(n)), _) => Cell::Number(n),
                (Some(other), kind) => {
                    let mut p = Problem::error(
                        cell_at(&c.key),
                        format!(
                            "row `{id}`, column `{}`: expected {}, found {}",
                            c.key,
                            kind_name(kind),
                            raw_name(&other)
                        ),
                    );
                    if let Some(hint) = number_hint(&other, kind) {
                        p = p.with_hint(hint);
                    }
                    errors.push(p);
                    Cell::Empty
                }
            };
            cells.push(cell);
        }
        let at = place(&Origin::Row(index));
        let cells_at = columns
            .iter()
            .map(|c| places.place(&cell_at(&c.key)).1)
            .collect();
        out_rows.push(Row {
            id,
            cells,
            cells_at,
            at,
        });
    }
    errors.extend(undeclared_keys(&columns, &unknown, &used));
    let corrections = match &as_of {
        Some(d) => crate::content::corrections::validate(&raw.corrections, Some(d.date()), "as_of")
            .unwrap_or_else(|problems| {
                errors.extend(problems.into_iter().map(|p| {
                    Problem::error(Origin::Correction(p.index), p.message).with_hint(p.hint)
                }));
                Vec::new()
            }),
        None => Vec::new(),
    };
    let (Some(as_of), Some(source), true) = (as_of, source, errors.is_empty()) else {
        return Err(errors);
    };
    let table = DataTable {
        id: id.to_string(),
        path: path.to_path_buf(),
        title: raw.title,
        source,
        rows_path: places.place(&Origin::Row(0)).0.to_path_buf(),
        as_of,
        note: raw.note,
        columns,
        rows: out_rows,
        corrections,
    };
    Ok((table, warnings))
}

/// One problem per undeclared row key. A key that is a typo of a declared
/// column no row uses is reported once, at that column under `columns:`, where
/// the typo most likely is.
fn undeclared_keys(
    columns: &[Column],
    unknown: &[(String, Vec<(usize, String)>)],
    used: &HashSet<String>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (key, rows) in unknown {
        let Some((first, first_id)) = rows.first() else {
            continue;
        };
        let first_at = Origin::RowKey {
            index: *first,
            key: key.clone(),
        };
        let unused = columns.iter().filter(|c| !used.contains(&c.key));
        let typo = suggest::closest(key, unused.map(|c| c.key.as_str()))
            .and_then(|name| columns.iter().position(|c| c.key == name));
        let in_rows = match rows.len() {
            1 => format!("row `{first_id}`"),
            n => format!("{n} rows"),
        };
        if let Some(index) = typo {
            let declared = &columns[index].key;
            problems.push(
                Problem::error(
                    Origin::Column {
                        index,
                        field: Some("key"),
                    },
                    format!(
                        "column `{declared}` is used by no row; {in_rows} use the undeclared `{key}` instead"
                    ),
                )
                .with_hint(format!(
                    "did you mean `{key}`? rename the column to `{key}`, or the rows' key to `{declared}`"
                ))
                .first_at(first_at),
            );
            continue;
        }
        let known: Vec<Known> = columns.iter().map(|c| Known::at(&c.key, &c.at)).collect();
        let declare = format!("declare `{key}` under `columns:`");
        let hint = match suggest::hint(key, "columns", &known) {
            Some(h) => format!("{h}; or {declare}"),
            None => declare,
        };
        let message = if rows.len() == 1 {
            format!("row `{first_id}`: unknown column `{key}`")
        } else {
            format!("unknown column `{key}` in {in_rows}")
        };
        problems.push(Problem::error(first_at, message).with_hint(hint));
    }
    problems
}

/// How to write a figure given as text: the digits alone (`2017年` → `2017`),
/// since the column's type prints the unit.
fn number_hint(cell: &RawCell, kind: ColumnType) -> Option<String> {
    let RawCell::Text(text) = cell else {
        return None;
    };
    let digits: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if digits.is_empty() || digits == *text {
        return None;
    }
    Some(match kind {
        ColumnType::Year => format!("write the year as a number: `{digits}`"),
        ColumnType::Percent => {
            format!("write the number alone: `{digits}` (the column prints `%`)")
        }
        _ => format!("write the number alone: `{digits}` (the column's `unit` is printed with it)"),
    })
}

fn kind_name(k: ColumnType) -> &'static str {
    match k {
        ColumnType::Text => "text",
        ColumnType::Integer => "an integer",
        ColumnType::Number | ColumnType::Amount => "a number",
        ColumnType::Percent => "a percentage (a number)",
        ColumnType::Year => "a year",
    }
}

fn raw_name(c: &RawCell) -> String {
    match c {
        RawCell::Number(n) => format!("the number {n}"),
        RawCell::Text(s) => format!("the text `{s}`"),
        RawCell::Localized(_) => "a text per language".to_string(),
    }
}
/// Problems of one table file: errors and warnings.
pub type Problems = Vec<Diagnostic>;

/// Parses a YAML table (`id` from the file name). `languages` lists the site's
/// language codes, for missing-label warnings; `source:` must name one of `sources`.
/// Units are not checked against UI strings (see [`parse_yaml_with_units`]).
pub fn parse_yaml(
    id: &str,
    path: &Path,
    src: &str,
    languages: &[&str],
    sources: &Sources,
) -> Result<(DataTable, Problems), Problems> {
    parse_yaml_with_units(id, path, src, languages, sources, &|_| Vec::new())
}

/// [`parse_yaml`], refusing units that `unit_strings` finds without a string.
pub fn parse_yaml_with_units(
    id: &str,
    path: &Path,
    src: &str,
    languages: &[&str],
    sources: &Sources,
    unit_strings: UnitStrings<'_>,
) -> Result<(DataTable, Problems), Problems> {
    let mut raw: RawTable = yaml::parse(src, path, 0).map_err(|d| vec![d])?;
    let rows = raw.rows.take().unwrap_or_default();
    let places = YamlPlaces::new(path, src);
    build_located(
        id,
        path,
        raw,
        rows,
        languages,
        sources,
        unit_strings,
        &places,
    )
}

/// [`build`], with its problems turned into diagnostics at their places.
#[allow(clippy::too_many_arguments)]
pub(crate) fn build_located(
    id: &str,
    path: &Path,
    raw: RawTable,
    rows: Vec<RawRow>,
    languages: &[&str],
    sources: &Sources,
    unit_strings: UnitStrings<'_>,
    places: &dyn Places,
) -> Result<(DataTable, Problems), Problems> {
    let located = |problems: Vec<Problem>| -> Problems {
        problems.into_iter().map(|p| places.diagnostic(p)).collect()
    };
    build(
        id,
        path,
        raw,
        rows,
        languages,
        sources,
        unit_strings,
        places,
    )
    .map(|(t, w)| (t, located(w)))
    .map_err(located)
}

#[cfg(test)]
mod yaml_table_tests {
    use super::*;

    const OK: &str = "title: { zh: 主要致贫原因, mn: ᠰᠢᠯᠲᠠᠭᠠᠨ }
source: report
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
            &crate::sources::for_tests(),
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
            .replace("source: report", "source: reprot")
            .replace("people: null", "pople: 3")
            .replace("share: 41.44", "share: lots");
        let e = parse(&src).unwrap_err();
        let find = |s: &str| {
            e.iter()
                .find(|d| d.message.contains(s))
                .unwrap_or_else(|| panic!("{s}: {e:?}"))
        };
        let source = find("unknown source `reprot`");
        assert_eq!((source.line, source.column), (2, 9));
        let hint = source.hint.as_deref().unwrap_or_default();
        assert!(
            hint.starts_with("did you mean `report` (content/sources.yaml:1)?"),
            "{hint}"
        );
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

    const TRAINING: &str = "title: { zh: 培训, mn: ᠰᠤᠷᠭᠠᠯᠲᠠ }
source: report
as_of: 2016-12-31
columns:
  - { key: year, label: { zh: 年份, mn: ᠵᠢᠯ }, type: year }
  - { key: traned, label: { zh: 培训人次, mn: ᠬᠦᠮᠦᠨ }, type: amount, unit: 万人 }
rows:
  - { id: y2015, year: 2015, trained: 1.2 }
  - { id: y2016, year: 2016, trained: 1.5 }
  - { id: y2017, year: 2017, trained: 1.9 }
";

    #[test]
    fn a_column_typo_is_one_problem_at_the_column() {
        let e = parse(TRAINING).unwrap_err();
        let shown: Vec<String> = e.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            ["content/data/poverty_causes.yaml:6:7: error: column `traned` is used by no row; 3 rows use the undeclared `trained` instead (first on line 8)\n    6 |   - { key: traned, label: { zh: 培训人次, mn: ᠬᠦᠮᠦᠨ }, type: amount, unit: 万人 }\n      |       ^\n    hint: did you mean `trained`? rename the column to `trained`, or the rows' key to `traned`"]
        );
    }

    #[test]
    fn an_undeclared_key_in_many_rows_is_one_problem_naming_the_columns() {
        let src = TRAINING
            .replace("key: traned", "key: trained")
            .replace("trained: 1.5", "trained: 1.5, tranied: 2")
            .replace("trained: 1.9", "trained: 1.9, tranied: 3");
        let e = parse(&src).unwrap_err();
        let shown: Vec<String> = e.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            ["content/data/poverty_causes.yaml:9:44: error: unknown column `tranied` in 2 rows\n    9 |   - { id: y2016, year: 2016, trained: 1.5, tranied: 2 }\n      |                                            ^\n    hint: did you mean `trained` (content/data/poverty_causes.yaml:6)? columns: `year`, `trained`; or declare `tranied` under `columns:`"]
        );
    }

    #[test]
    fn a_unit_needs_a_numeric_type() {
        let e = parse(
            &TRAINING
                .replace("key: traned", "key: trained")
                .replace(", type: amount", ""),
        )
        .unwrap_err();
        let shown: Vec<String> = e.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            ["content/data/poverty_causes.yaml:6:53: error: column `trained` has a `unit` but no numeric `type`, so its figures would be read as text\n    6 |   - { key: trained, label: { zh: 培训人次, mn: ᠬᠦᠮᠦᠨ }, unit: 万人 }\n      |                                                         ^\n    hint: add `type: amount` (a quantity in 万人), or `type: number`/`integer`; remove `unit` if the column is text"]
        );
    }

    #[test]
    fn a_chinese_date_names_the_expected_form() {
        let e = parse(&OK.replace("as_of: 2016-12-31", "as_of: 2017年6月30日")).unwrap_err();
        let shown: Vec<String> = e.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            ["content/data/poverty_causes.yaml:3:8: error: `2017年6月30日` is not a date: write it as `2017-06-30` (year-month-day)\n    3 | as_of: 2017年6月30日\n      |        ^\n    hint: dates are written year-month-day with `-`, e.g. `as_of: 2016-12-31`"]
        );
    }

    #[test]
    fn a_year_written_with_its_unit_is_told_to_drop_it() {
        let src = TRAINING
            .replace("key: traned", "key: trained")
            .replace("year: 2016", "year: 2016年");
        let e = parse(&src).unwrap_err();
        assert_eq!(
            e[0].hint.as_deref(),
            Some("write the year as a number: `2016`")
        );
    }

    #[test]
    fn columns_and_rows_know_where_they_are_written() {
        let (t, _) = parse(OK).unwrap();
        assert_eq!(t.columns[1].at, "content/data/poverty_causes.yaml:6");
        assert_eq!(t.rows[1].at, "content/data/poverty_causes.yaml:10");
    }
}
