//! Mongolian proofing for `bichig check`: which files hold text (pages, data,
//! UI strings), their problems as diagnostics, and `check --fix`, which joins
//! suffixes with U+202F in place.

pub mod figures;
pub mod glossary;
pub mod harmony;
pub mod scan;
pub mod suffixes;
pub mod variants;

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::locale::Style;
use crate::Error;
use scan::{Finding, Kind, Syntax};

/// A file whose text is proofed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextFile {
    /// Path relative to the site root.
    pub path: PathBuf,
    /// Markdown or plain YAML/CSV text.
    pub syntax: Syntax,
    /// Whether the whole file is in a Mongolian language.
    pub mongolian: bool,
}

/// The files with text: every `content/**/*.md`, `content/data/*.yaml|*.csv`,
/// `i18n/*.yaml` and `themes/*/i18n/*.yaml`, sorted.
pub fn text_files(root: &Path, config: &Config) -> Vec<TextFile> {
    let is_mongolian = |code: &str| {
        config
            .language(code)
            .is_some_and(|l| Style::for_tag(&l.tag) == Style::Mongolian)
    };
    let default_mongolian = config
        .languages
        .first()
        .is_some_and(|l| is_mongolian(&l.code));
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let name = entry.file_name().to_string_lossy();
        if let Some((_, lang)) = crate::content::page::split_name(&name) {
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
            out.push(TextFile {
                path: rel.to_path_buf(),
                syntax: Syntax::Markdown,
                mongolian: lang.map_or(default_mongolian, is_mongolian),
            });
        }
    }
    let mut dirs = vec![PathBuf::from("content/data"), PathBuf::from("i18n")];
    if let Ok(themes) = std::fs::read_dir(root.join("themes")) {
        let mut names: Vec<_> = themes
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        names.sort();
        dirs.extend(
            names
                .into_iter()
                .map(|n| Path::new("themes").join(n).join("i18n")),
        );
    }
    for dir in dirs {
        let Ok(list) = std::fs::read_dir(root.join(&dir)) else {
            continue;
        };
        for entry in list.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().to_string();
            let data = dir.starts_with("content");
            if name.ends_with(".yaml") || (data && name.ends_with(".csv")) {
                let stem = name.split('.').next().unwrap_or("");
                out.push(TextFile {
                    path: dir.join(&name),
                    syntax: Syntax::Text,
                    mongolian: !data && is_mongolian(stem),
                });
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// A finding as a diagnostic of `path`.
pub fn diagnostic(path: &Path, f: &Finding) -> Diagnostic {
    let (line, col) = (f.line, f.column);
    match f.kind {
        Kind::SuffixSpace => Diagnostic::error(path, line, col, format!("suffix `{}` after a plain space", f.text))
            .with_kind(crate::diagnostics::Kind::SuffixSpace).with_hint("join a case suffix to its word or number with U+202F (narrow no-break space); `bichig check --fix` does it"),
        Kind::Mvs => Diagnostic::error(path, line, col, "Mongolian vowel separator (U+180E) not before a word-final ᠠ or ᠡ")
            .with_kind(crate::diagnostics::Kind::Mvs).with_hint("U+180E separates only a final ᠠ/ᠡ from its stem (ᠪᠣᠳᠣᠯᠭ᠎ᠠ): move it before the final vowel or remove it"),
        Kind::PrivateUse => Diagnostic::error(path, line, col, format!("private-use code point U+{:04X} in Mongolian text", f.text.chars().next().map_or(0, u32::from)))
            .with_kind(crate::diagnostics::Kind::PrivateUse).with_hint("legacy font encodings use private-use code points: retype the text in Unicode (U+1800–U+18AF)"),
        Kind::LineStartPunctuation => Diagnostic::error(path, line, col, format!("a line starts with Mongolian punctuation `{}`", f.text))
            .with_kind(crate::diagnostics::Kind::LineStartPunctuation).with_hint("put the punctuation mark at the end of the line before"),
    }
}

/// A suffix that does not fit its stem as a warning of `path`: the message
/// names the stem's vowel class or last letter, the hint the form that fits.
pub fn mismatch_diagnostic(path: &Path, m: &harmony::Mismatch) -> Diagnostic {
    Diagnostic::warning(
        path,
        m.line,
        m.column,
        format!(
            "suffix `{}` does not fit `{}` ({})",
            m.suffix, m.stem, m.reason
        ),
    )
    .with_kind(match m.problem {
        harmony::Problem::Harmony => crate::diagnostics::Kind::SuffixHarmony,
        harmony::Problem::Form => crate::diagnostics::Kind::SuffixForm,
    })
    .with_hint(format!("write `{}\u{202F}{}`", m.stem, m.expected))
}

/// Proofing problems of every text file of the site: the scan's errors and
/// the warnings of suffixes that do not fit their stems.
pub fn problems(root: &Path, config: &Config) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for file in text_files(root, config) {
        // Unreadable or non-UTF-8 files are reported by loading.
        let Ok(text) = std::fs::read_to_string(root.join(&file.path)) else {
            continue;
        };
        out.extend(
            scan::scan(&text, file.syntax, file.mongolian)
                .iter()
                .map(|f| diagnostic(&file.path, f)),
        );
        out.extend(
            harmony::check(&text, file.syntax)
                .iter()
                .map(|m| mismatch_diagnostic(&file.path, m)),
        );
    }
    out
}

/// Glossary problems of the site: rejected variants in every Mongolian text
/// file (and the data files, which hold Mongolian columns), and terms of an
/// original missing from its Mongolian translation.
pub fn glossary_problems(
    root: &Path,
    config: &Config,
    glossary: &crate::glossary::Glossary,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for file in text_files(root, config) {
        let data = file.path.starts_with("content/data");
        if !(file.mongolian || data) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(root.join(&file.path)) else {
            continue;
        };
        out.extend(glossary::rejected(&file.path, &text, file.syntax, glossary));
        if file.syntax != Syntax::Markdown || data {
            continue;
        }
        let Some(original) = original_of(&file.path) else {
            continue;
        };
        if let Ok(orig) = std::fs::read_to_string(root.join(&original)) {
            out.extend(glossary::missing(&file.path, &text, &orig, glossary));
        }
    }
    out
}

/// `a/b.md` for the translation `a/b.<lang>.md`.
fn original_of(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    match crate::content::page::split_name(name)? {
        (base, Some(_)) => Some(path.with_file_name(format!("{base}.md"))),
        (_, None) => None,
    }
}

/// One suffix joined by `check --fix`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// File, relative to the site root.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column of the replaced space.
    pub column: usize,
    /// The suffix now joined.
    pub suffix: String,
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: joined suffix {}",
            self.path.display(),
            self.line,
            self.column,
            self.suffix
        )
    }
}

/// What `check --fix` did.
#[derive(Debug, Default)]
pub struct Fixed {
    /// Suffixes joined, in file order.
    pub changes: Vec<Change>,
    /// Files that could not be rewritten (left as they were).
    pub failed: Vec<Diagnostic>,
}

/// Joins every suffix after a plain space with U+202F, in place, one file at a
/// time: the new text goes to a temporary file beside the old one, which is then
/// renamed over it, so a file is either fully fixed or untouched.
pub fn fix(root: &Path) -> Result<Fixed, Error> {
    let config = crate::load_config(root)?;
    let mut fixed = Fixed::default();
    for file in text_files(root, &config) {
        let full = root.join(&file.path);
        let Ok(text) = std::fs::read_to_string(&full) else {
            continue;
        };
        let findings: Vec<Finding> = scan::scan(&text, file.syntax, file.mongolian)
            .into_iter()
            .filter(|f| f.kind == Kind::SuffixSpace)
            .collect();
        if findings.is_empty() {
            continue;
        }
        let new = scan::join_suffixes(&text, &findings);
        match write_atomic(&full, &new) {
            Ok(()) => fixed.changes.extend(findings.into_iter().map(|f| Change {
                path: file.path.clone(),
                line: f.line,
                column: f.column,
                suffix: f.text,
            })),
            Err(e) => fixed.failed.push(
                Diagnostic::error(&file.path, 0, 0, format!("could not write the fixed file: {e}"))
                    .with_hint("the file is left as it was; make it writable and run `bichig check --fix` again"),
            ),
        }
    }
    Ok(fixed)
}

fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.bichig-fix.tmp"));
    let result = std::fs::write(&tmp, text).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() && tmp.is_file() {
        // Leaves no half-written file behind; the original is untouched.
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_messages() {
        let f = |kind, text: &str| Finding {
            kind,
            line: 1,
            column: 1,
            range: 0..1,
            text: text.to_string(),
        };
        let names: Vec<&str> = [
            f(Kind::SuffixSpace, "ᠶᠢᠨ"),
            f(Kind::Mvs, "\u{180E}"),
            f(Kind::PrivateUse, "\u{E000}"),
            f(Kind::LineStartPunctuation, "᠃"),
        ]
        .iter()
        .map(|x| diagnostic(Path::new("a"), x).kind.name())
        .collect();
        assert_eq!(
            names,
            [
                "suffix-space",
                "mvs",
                "private-use",
                "line-start-punctuation"
            ]
        );
        assert_eq!(
            Diagnostic::error("a", 1, 1, "translation is stale: its original changed")
                .kind
                .name(),
            "other"
        );
        let m = |problem, reason: &str| harmony::Mismatch {
            problem,
            line: 1,
            column: 6,
            suffix: "ᠡᠴᠡ".to_string(),
            stem: "ᠶᠠᠳᠠᠭᠤ".to_string(),
            expected: "ᠠᠴᠠ",
            reason: reason.to_string(),
        };
        let harmony =
            mismatch_diagnostic(Path::new("a"), &m(harmony::Problem::Harmony, "back vowels"));
        assert_eq!(
            harmony.message,
            "suffix `ᠡᠴᠡ` does not fit `ᠶᠠᠳᠠᠭᠤ` (back vowels)"
        );
        assert_eq!(harmony.hint.as_deref(), Some("write `ᠶᠠᠳᠠᠭᠤ\u{202F}ᠠᠴᠠ`"));
        assert!(!harmony.is_error());
        assert_eq!(harmony.kind.name(), "suffix-harmony");
        for (problem, reason, kind) in [
            (
                harmony::Problem::Harmony,
                "read with front vowels",
                "suffix-harmony",
            ),
            (harmony::Problem::Form, "ending in a vowel", "suffix-form"),
            (harmony::Problem::Form, "read ending in ᠷ", "suffix-form"),
        ] {
            let d = mismatch_diagnostic(Path::new("a"), &m(problem, reason));
            assert_eq!(d.kind.name(), kind, "{}", d.message);
        }
    }
}
