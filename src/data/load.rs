//! Reading `content/data/` from disk.

use std::path::Path;

use walkdir::WalkDir;

use super::csv_rows::{self, CsvRows};
use super::origin::{Origin, Places, Problem, YamlPlaces};
use super::table::{DataTable, RawTable};

use super::validate::{build_located, parse_yaml_with_units, UnitStrings};
use crate::content::read_text;
use crate::diagnostics::Diagnostic;
use crate::sources::Sources;
use crate::yaml::{self, Pos};

/// Loads every table under `root/content/data`, sorted by id, each citing one
/// of `sources`. Returns the tables and warnings, or all errors (among them
/// units `unit_strings` finds unwritable).
pub fn load(
    root: &Path,
    languages: &[&str],
    sources: &Sources,
    unit_strings: UnitStrings<'_>,
) -> Result<(Vec<DataTable>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let dir = root.join("content").join("data");
    let mut tables = Vec::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    if !dir.is_dir() {
        return Ok((tables, warnings));
    }
    for entry in WalkDir::new(&dir)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let shown = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        let result = if let Some(id) = name.strip_suffix(".csv") {
            let meta = dir.join(format!("{id}.meta.yaml"));
            let meta_shown = meta.strip_prefix(root).unwrap_or(&meta).to_path_buf();
            load_csv(
                id,
                entry.path(),
                &shown,
                &meta,
                &meta_shown,
                languages,
                sources,
                unit_strings,
            )
        } else if let Some(id) = name.strip_suffix(".yaml") {
            if id.ends_with(".meta") || dir.join(format!("{}.csv", id)).exists() {
                continue;
            }
            read_text(entry.path(), &shown)
                .map_err(|d| vec![d])
                .and_then(|src| {
                    parse_yaml_with_units(id, &shown, &src, languages, sources, unit_strings)
                })
        } else {
            continue;
        };
        match result {
            Ok((t, w)) => {
                tables.push(t);
                warnings.extend(w);
            }
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok((tables, warnings))
    } else {
        Err(errors)
    }
}

#[allow(clippy::too_many_arguments)]
fn load_csv(
    id: &str,
    file: &Path,
    shown: &Path,
    meta: &Path,
    meta_shown: &Path,
    languages: &[&str],
    sources: &Sources,
    unit_strings: UnitStrings<'_>,
) -> Result<(DataTable, Vec<Diagnostic>), Vec<Diagnostic>> {
    if !meta.is_file() {
        return Err(vec![Diagnostic::error(
            shown,
            0,
            0,
            "CSV table without its sidecar",
        )
        .with_hint(format!(
            "add {} with title, source, as_of and columns",
            meta_shown.display()
        ))]);
    }
    let meta_src = read_text(meta, meta_shown).map_err(|d| vec![d])?;
    let raw: RawTable = yaml::parse(&meta_src, meta_shown, 0).map_err(|d| vec![d])?;
    let sidecar = YamlPlaces::new(meta_shown, &meta_src);
    if raw.rows.is_some() {
        return Err(vec![sidecar.diagnostic(Problem::error(
            Origin::Field("rows"),
            "rows belong in the CSV file, not in its sidecar",
        ))]);
    }
    let text = read_text(file, shown).map_err(|d| vec![d])?;
    let text = csv_rows::without_bom(&text);
    // Which cells are numbers comes from the parsed sidecar's column types.
    let mut csv = csv_rows::parse(shown, text, &raw.numeric_keys())?;
    let rows = std::mem::take(&mut csv.rows);
    let places = CsvPlaces {
        path: shown,
        text,
        csv: &csv,
        sidecar,
    };
    build_located(
        id,
        meta_shown,
        raw,
        rows,
        languages,
        sources,
        unit_strings,
        &places,
    )
}

/// Places of a CSV table: rows and cells in the CSV file, the rest in its sidecar.
struct CsvPlaces<'a> {
    path: &'a Path,
    text: &'a str,
    csv: &'a CsvRows,
    sidecar: YamlPlaces,
}

impl Places for CsvPlaces<'_> {
    fn place(&self, origin: &Origin) -> (&Path, Pos) {
        match origin {
            // The table id is the CSV file's name.
            Origin::File => (self.path, Pos::default()),
            Origin::Row(index) => (self.path, self.csv.pos(self.text, *index, None)),
            Origin::RowKey { index, key } | Origin::Cell { index, key } => {
                (self.path, self.csv.pos(self.text, *index, Some(key)))
            }
            Origin::Field(_) | Origin::Value(_) | Origin::Column { .. } | Origin::Correction(_) => {
                self.sidecar.place(origin)
            }
        }
    }

    fn text(&self, path: &Path) -> Option<&str> {
        if path == self.path {
            Some(self.text)
        } else {
            self.sidecar.text(path)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Cell, ColumnType, MissingUnitString};
    use std::fs;

    const META_HEAD: &str = "title: { zh: 标题, mn: ᠭᠠᠷᠴᠠᠭ }\nsource: report\nas_of: 2016-12-31\n";

    /// A site holding `files` (path under content/data, text) and seeds/a.txt.
    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("content/data");
        fs::create_dir_all(&data).unwrap();
        fs::create_dir_all(dir.path().join("seeds")).unwrap();
        fs::write(dir.path().join("seeds/a.txt"), "figures").unwrap();
        for (name, text) in files {
            fs::write(data.join(name), text).unwrap();
        }
        dir
    }

    fn tables(files: &[(&str, &str)]) -> Vec<DataTable> {
        let dir = site(files);
        load(
            dir.path(),
            &["zh", "mn"],
            &crate::sources::for_tests(),
            &|_| Vec::new(),
        )
        .unwrap()
        .0
    }

    fn errors(files: &[(&str, &str)]) -> Vec<String> {
        let dir = site(files);
        let e = load(
            dir.path(),
            &["zh", "mn"],
            &crate::sources::for_tests(),
            &|_| Vec::new(),
        )
        .unwrap_err();
        e.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn a_block_style_percent_column_is_numeric() {
        let meta = format!(
            "{META_HEAD}columns:\n  - key: cause\n  -\n    key: share\n    type: percent\n"
        );
        let t = tables(&[
            ("c.meta.yaml", &meta),
            ("c.csv", "id,cause,share\nill,病,41.44\n"),
        ]);
        assert_eq!(t[0].columns[1].kind, ColumnType::Percent);
        assert_eq!(t[0].rows[0].cells[1], Cell::Number(41.44));
    }

    #[test]
    fn a_text_column_is_not_numeric_beside_a_numeric_one_of_a_longer_name() {
        let meta = format!(
            "{META_HEAD}columns:\n  - {{ key: share }}\n  - {{ key: share_2, type: percent }}\n"
        );
        let t = tables(&[
            ("c.meta.yaml", &meta),
            ("c.csv", "id,share,share_2\na,007,7\n"),
        ]);
        let text = |c: &Cell| match c {
            Cell::Text(l) => l.get("zh", "zh").to_string(),
            other => panic!("{other:?}"),
        };
        assert_eq!(text(&t[0].rows[0].cells[0]), "007");
        assert_eq!(t[0].rows[0].cells[1], Cell::Number(7.0));
    }

    #[test]
    fn each_problem_names_its_file_and_position() {
        let meta = format!(
            "{META_HEAD}columns:\n  - key: cause\n  - key: share\n    type: percent\n  - key: people\n    type: amount\n"
        );
        let yaml = format!(
            "{META_HEAD}columns:\n  - {{ key: n, type: integer }}\nrows:\n  - {{ id: a, n: 1 }}\n  - {{ id: b, n: 2.5 }}\n"
        );
        let e = errors(&[
            ("c.meta.yaml", &meta),
            (
                "c.csv",
                "id,cause,share,people\nill,病,41.44,\nfunds,钱,lots,\nill,又,,\n",
            ),
            ("y.yaml", &yaml),
        ]);
        let has = |s: &str| assert!(e.iter().any(|d| d.starts_with(s)), "{s}: {e:#?}");
        has("content/data/c.meta.yaml:8:5: error: amount column `people` needs a `unit`");
        has("content/data/c.csv:3:9: error: row `funds`, column `share`: expected a percentage");
        has("content/data/c.csv:4:1: error: row id `ill` is used twice (first on line 2)");
        has("content/data/y.yaml:8:17: error: row `b`, column `n`: 2.5 is not a whole number");
        assert_eq!(e.len(), 4, "{e:#?}");
    }

    #[test]
    fn a_unit_without_its_string_points_at_the_unit_in_the_sidecar() {
        let meta = format!(
            "{META_HEAD}columns:\n  - key: cause\n  - key: herds\n    type: amount\n    unit: 万头\n"
        );
        let dir = site(&[
            ("c.meta.yaml", &meta),
            ("c.csv", "id,cause,herds\na,羊,1.5\n"),
        ]);
        let missing = |unit: &str| {
            (unit == "万头")
                .then(|| MissingUnitString {
                    lang: "mn".into(),
                    key: "unit_头".into(),
                    file: "themes/default/i18n/mn.yaml".into(),
                    nearest: None,
                })
                .into_iter()
                .collect()
        };
        let e = load(
            dir.path(),
            &["zh", "mn"],
            &crate::sources::for_tests(),
            &missing,
        )
        .unwrap_err();
        let e: Vec<String> = e.iter().map(|d| d.to_string()).collect();
        assert_eq!(e.len(), 1, "{e:#?}");
        assert!(
            e[0].starts_with("content/data/c.meta.yaml:8:5: error: unit `万头` of column `herds` has no `mn` string `unit_头`"),
            "{e:#?}"
        );
        assert!(
            e[0].contains("add `unit_头: …` to themes/default/i18n/mn.yaml"),
            "{e:#?}"
        );
    }

    #[test]
    fn rows_in_a_sidecar_point_at_the_sidecar() {
        let meta = format!("{META_HEAD}columns:\n  - {{ key: n }}\nrows: []\n");
        let e = errors(&[("c.meta.yaml", &meta), ("c.csv", "id,n\na,1\n")]);
        assert!(
            e[0].starts_with("content/data/c.meta.yaml:6:1: error: rows belong in the CSV"),
            "{e:?}"
        );
    }
}
