//! Problems found in user content, as values.
//!
//! Every stage collects [`Diagnostic`]s instead of stopping at the first one, so
//! an editor sees all problems of a build at once, numbered, each with
//! `path:line:col`, a message and a hint.

mod excerpt;

use std::fmt;
use std::path::{Path, PathBuf};

pub use excerpt::excerpt;

/// How serious a problem is: errors fail the build, warnings are only printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Printed, the build goes on.
    Warning,
    /// The build fails with exit code 1.
    Error,
}

/// What kind of problem a [`Diagnostic`] is, for tools that group findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    /// `other`: every problem without a kind of its own.
    #[default]
    Other,
    /// `suffix-space`.
    SuffixSpace,
    /// `suffix-harmony`.
    SuffixHarmony,
    /// `suffix-form`.
    SuffixForm,
    /// `mvs`.
    Mvs,
    /// `private-use`.
    PrivateUse,
    /// `line-start-punctuation`.
    LineStartPunctuation,
    /// `spelling-variant`.
    SpellingVariant,
    /// `stat-missing`.
    StatMissing,
    /// `stat-extra`.
    StatExtra,
    /// `number-missing`.
    NumberMissing,
    /// `typed-figure`.
    TypedFigure,
    /// `glossary-rejected`.
    GlossaryRejected,
    /// `glossary-missing`.
    GlossaryMissing,
}

impl Kind {
    /// The name `check --format json` prints.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Other => "other",
            Kind::SuffixSpace => "suffix-space",
            Kind::SuffixHarmony => "suffix-harmony",
            Kind::SuffixForm => "suffix-form",
            Kind::Mvs => "mvs",
            Kind::PrivateUse => "private-use",
            Kind::LineStartPunctuation => "line-start-punctuation",
            Kind::SpellingVariant => "spelling-variant",
            Kind::StatMissing => "stat-missing",
            Kind::StatExtra => "stat-extra",
            Kind::NumberMissing => "number-missing",
            Kind::TypedFigure => "typed-figure",
            Kind::GlossaryRejected => "glossary-rejected",
            Kind::GlossaryMissing => "glossary-missing",
        }
    }
}

/// One problem in user content, pointing at a file and (where known) a position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    /// 1-based line in the whole file (front matter included); 0 when unknown.
    pub line: usize,
    /// 1-based column (in characters); 0 when unknown.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when there is something useful to say.
    pub hint: Option<String>,
    /// What kind of problem, for tools grouping findings (`check --format json`).
    pub kind: Kind,
    /// The offending line quoted with a caret under the column ([`excerpt`]);
    /// boxed to keep `Result<_, Diagnostic>` small.
    pub excerpt: Option<Box<str>>,
}

impl Diagnostic {
    /// An error at `path:line:column`.
    pub fn error(
        path: impl AsRef<Path>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.as_ref().to_path_buf(),
            line,
            column,
            message: message.into(),
            hint: None,
            kind: Kind::Other,
            excerpt: None,
        }
    }

    /// A warning at `path:line:column`.
    pub fn warning(
        path: impl AsRef<Path>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, line, column, message)
        }
    }

    /// Sets the kind (see [`Diagnostic::kind`]).
    pub fn with_kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds `more` after the hint it has (`hint; more`), or as the hint.
    pub fn with_more_hint(self, more: &str) -> Self {
        let hint = match &self.hint {
            Some(h) => format!("{h}; {more}"),
            None => more.to_string(),
        };
        self.with_hint(hint)
    }

    /// Adds the quoted line with its caret (see [`excerpt`]).
    pub fn with_excerpt(mut self, excerpt: Option<String>) -> Self {
        self.excerpt = excerpt.map(String::into_boxed_str);
        self
    }

    /// Moves the position down by `lines` (for text embedded in a larger file).
    pub fn shifted(mut self, lines: usize) -> Self {
        if self.line > 0 {
            self.line += lines;
        }
        self
    }

    /// True when this problem fails the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {kind}: {}", self.message)?;
        if let Some(excerpt) = &self.excerpt {
            for line in excerpt.lines() {
                write!(f, "\n    {line}")?;
            }
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n    hint: {hint}")?;
        }
        Ok(())
    }
}

/// Formats a list of problems, numbered, for the terminal.
pub fn report(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for (i, d) in diagnostics.iter().enumerate() {
        out.push_str(&format!("{:>3}. {d}\n", i + 1));
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    out.push_str(&format!("{errors} error(s), {warnings} warning(s)\n"));
    out
}

/// 1-based line and column (in characters) of byte offset `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_has_path_line_col_and_hint() {
        let d = Diagnostic::error("content/a.md", 3, 7, "bad").with_hint("fix it");
        assert_eq!(
            d.to_string(),
            "content/a.md:3:7: error: bad\n    hint: fix it"
        );
    }

    #[test]
    fn display_quotes_the_line_between_message_and_hint() {
        let d = Diagnostic::error("site.yaml", 2, 8, "bad")
            .with_excerpt(excerpt("a: 1\ntitle: x: y\n", 2, 8, 2))
            .with_hint("quote it");
        assert_eq!(
            d.to_string(),
            "site.yaml:2:8: error: bad\n    2 | title: x: y\n      |        ^\n    hint: quote it"
        );
    }

    #[test]
    fn display_without_position() {
        let d = Diagnostic::warning("site.yaml", 0, 0, "meh");
        assert_eq!(d.to_string(), "site.yaml: warning: meh");
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "ab\n中文x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, 9), (2, 3));
        assert_eq!(line_col(text, 4), (2, 1), "inside a character rounds down");
    }

    #[test]
    fn report_numbers_and_counts() {
        let r = report(&[
            Diagnostic::error("a", 1, 1, "x"),
            Diagnostic::warning("b", 2, 0, "y"),
        ]);
        assert!(r.contains("  1. a:1:1: error: x"));
        assert!(r.contains("  2. b:2: warning: y"));
        assert!(r.ends_with("1 error(s), 1 warning(s)\n"));
    }
}
