//! Reading `content/` from disk (the thin I/O part of content loading).

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::page::SourcePage;
use crate::diagnostics::Diagnostic;

/// Reads a text file; a missing file or invalid UTF-8 is a diagnostic naming `shown`.
pub fn read_text(file: &Path, shown: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(file)
        .map_err(|e| Diagnostic::error(shown, 0, 0, format!("cannot read file: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        Diagnostic::error(shown, line, 0, "file is not valid UTF-8")
            .with_hint("save the file as UTF-8")
    })
}

/// Walks `root/content` and parses every Markdown file. Symlinks are followed only
/// when they stay inside the site root.
pub fn load(root: &Path, default_lang: &str) -> Result<Vec<SourcePage>, Vec<Diagnostic>> {
    let content = root.join("content");
    if !content.is_dir() {
        return Err(vec![Diagnostic::error(
            root.join("content"),
            0,
            0,
            "content folder not found",
        )
        .with_hint("create content/_index.md for the home page")]);
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut problems = Vec::new();
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    let walker = WalkDir::new(&content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.path_is_symlink() {
                let inside = e
                    .path()
                    .canonicalize()
                    .is_ok_and(|t| t.starts_with(&canonical_root));
                if !inside {
                    problems.push(
                        Diagnostic::error(
                            shown(root, e.path()),
                            0,
                            0,
                            "symlink points outside the site root",
                        )
                        .with_hint("copy the file into the site instead of linking to it"),
                    );
                }
                return inside;
            }
            true
        });
    let mut walk_errors = Vec::new();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let p = e.path().map_or_else(|| content.clone(), Path::to_path_buf);
                walk_errors.push(Diagnostic::error(
                    shown(root, &p),
                    0,
                    0,
                    format!("cannot read: {e}"),
                ));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file() || !name.ends_with(".md") || name.starts_with('.') {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(&content) else {
            continue;
        };
        let Some(rel) = rel.to_str() else {
            walk_errors.push(Diagnostic::error(
                shown(root, entry.path()),
                0,
                0,
                "file name is not valid UTF-8",
            ));
            continue;
        };
        files.push((rel.replace('\\', "/"), entry.path().to_path_buf()));
    }
    problems.extend(walk_errors);

    let parsed: Vec<Result<SourcePage, Vec<Diagnostic>>> = files
        .par_iter()
        .map(|(rel, file)| {
            let shown = shown(root, file);
            let text = read_text(file, &shown).map_err(|d| vec![d])?;
            SourcePage::parse(rel, &shown, &text, default_lang)
        })
        .collect();
    let mut pages = Vec::with_capacity(parsed.len());
    for p in parsed {
        match p {
            Ok(p) => pages.push(p),
            Err(d) => problems.extend(d),
        }
    }
    if problems.is_empty() {
        Ok(pages)
    } else {
        Err(problems)
    }
}

/// The path shown in messages: relative to the site root when possible.
fn shown(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}
