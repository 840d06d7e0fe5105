//! Reading `content/data/` from disk.

use std::path::Path;

use walkdir::WalkDir;

use super::csv_rows;
use super::table::{build, parse_yaml, DataTable, RawTable};
use crate::content::read_text;
use crate::diagnostics::Diagnostic;
use crate::yaml;

/// Loads every table under `root/content/data`, sorted by id. Returns the tables
/// and warnings, or all errors.
pub fn load(
    root: &Path,
    languages: &[&str],
) -> Result<(Vec<DataTable>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let dir = root.join("content").join("data");
    let mut tables = Vec::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    if !dir.is_dir() {
        return Ok((tables, warnings));
    }
    let source_exists = |s: &str| root.join(s).is_file();
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
                &source_exists,
            )
        } else if let Some(id) = name.strip_suffix(".yaml") {
            if id.ends_with(".meta") || dir.join(format!("{}.csv", id)).exists() {
                continue;
            }
            read_text(entry.path(), &shown)
                .map_err(|d| vec![d])
                .and_then(|src| parse_yaml(id, &shown, &src, languages, &source_exists))
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
    source_exists: &dyn Fn(&str) -> bool,
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
    if raw.rows.is_some() {
        return Err(vec![Diagnostic::error(
            meta_shown,
            yaml::key_line(&meta_src, "rows", 0),
            0,
            "rows belong in the CSV file, not in its sidecar",
        )]);
    }
    let numeric = |key: &str| {
        meta_src.lines().any(|l| {
            l.contains(&format!("key: {key}"))
                && ["integer", "number", "percent", "amount", "year"]
                    .iter()
                    .any(|t| l.contains(&format!("type: {t}")))
        })
    };
    let text = read_text(file, shown).map_err(|d| vec![d])?;
    let (rows, lines) = csv_rows::parse(shown, &text, &numeric)?;
    // Row errors point into the CSV file; everything else into the sidecar.
    let result = build(
        id,
        meta_shown,
        &meta_src,
        raw,
        rows,
        &|i| lines.get(i).copied().unwrap_or(0),
        languages,
        source_exists,
    );
    let relocate = |mut d: Diagnostic| {
        if d.message.starts_with("row") {
            d.path = shown.to_path_buf();
        }
        d
    };
    match result {
        Ok((t, w)) => Ok((t, w.into_iter().map(relocate).collect())),
        Err(e) => Err(e.into_iter().map(relocate).collect()),
    }
}
