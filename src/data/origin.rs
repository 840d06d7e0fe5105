//! Where a table problem is: validation names the element ([`Origin`]), and
//! the loader's [`Places`] turns it into a file and a position, so a CSV
//! table's row problems point into the CSV and its column problems into the
//! sidecar without looking at the message.

use std::path::{Path, PathBuf};

use crate::diagnostics::{excerpt, Diagnostic, Severity};
use crate::yaml::{Pos, Spans};

/// The element of a table a problem is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Origin {
    /// The table as a whole (its id, from the file name).
    File,
    /// A top-level field: `source`, `as_of`, `title`, `rows`.
    Field(&'static str),
    /// The value of a top-level field (a date that cannot be read).
    Value(&'static str),
    /// Column `index` of `columns:`; `field` narrows it to one of its fields.
    Column {
        index: usize,
        field: Option<&'static str>,
    },
    /// Row `index` (0-based) as a whole.
    Row(usize),
    /// The key `key` as written in row `index` (an undeclared column).
    RowKey { index: usize, key: String },
    /// The value of `key` in row `index`.
    Cell { index: usize, key: String },
    /// The date of correction `index` (0-based) under `corrections:`.
    Correction(usize),
}

/// A problem found by validation, before it has a file and position.
#[derive(Debug, Clone)]
pub(crate) struct Problem {
    pub severity: Severity,
    pub origin: Origin,
    pub message: String,
    pub hint: Option<String>,
    /// An earlier element with the same fault (the first row with a repeated
    /// id), named in the message by its line.
    pub first: Option<Origin>,
}

impl Problem {
    pub fn error(origin: Origin, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            origin,
            message: message.into(),
            hint: None,
            first: None,
        }
    }

    pub fn warning(origin: Origin, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(origin, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn first_at(mut self, origin: Origin) -> Self {
        self.first = Some(origin);
        self
    }
}

/// Maps table elements to the file and position they were written at.
pub(crate) trait Places {
    /// The file and position of `origin`.
    fn place(&self, origin: &Origin) -> (&Path, Pos);

    /// The text of `path`, one of the files of the table, for quoting a line.
    fn text(&self, path: &Path) -> Option<&str>;

    /// `path:line` of `origin` (just the path when the line is unknown).
    fn at(&self, origin: &Origin) -> String {
        let (path, pos) = self.place(origin);
        match pos.line {
            0 => path.display().to_string(),
            line => format!("{}:{line}", path.display()),
        }
    }

    /// `problem` as a diagnostic at its place.
    fn diagnostic(&self, problem: Problem) -> Diagnostic {
        let (path, pos) = self.place(&problem.origin);
        let mut message = problem.message;
        if let Some(first) = &problem.first {
            let (first_path, first_pos) = self.place(first);
            if first_pos.line > 0 {
                message = if first_path == path {
                    format!("{message} (first on line {})", first_pos.line)
                } else {
                    format!(
                        "{message} (first in {}:{})",
                        first_path.display(),
                        first_pos.line
                    )
                };
            }
        }
        let d = match problem.severity {
            Severity::Error => Diagnostic::error(path, pos.line, pos.column, message),
            Severity::Warning => Diagnostic::warning(path, pos.line, pos.column, message),
        };
        let d = d.with_excerpt(
            self.text(path)
                .and_then(|t| excerpt(t, pos.line, pos.column, pos.line)),
        );
        match problem.hint {
            Some(h) => d.with_hint(h),
            None => d,
        }
    }
}

/// Places in one YAML table file (a YAML table, or a CSV table's sidecar).
pub(crate) struct YamlPlaces {
    pub path: PathBuf,
    pub spans: Spans,
    /// The file's text, for quoting a line.
    pub src: String,
}

impl YamlPlaces {
    /// Reads positions of `src`, the text of `path`.
    pub fn new(path: &Path, src: &str) -> Self {
        YamlPlaces {
            path: path.to_path_buf(),
            spans: Spans::parse(src, 0),
            src: src.to_string(),
        }
    }
}

impl Places for YamlPlaces {
    fn place(&self, origin: &Origin) -> (&Path, Pos) {
        let root = self.spans.root();
        let pos = match origin {
            Origin::File => Pos::default(),
            Origin::Field(key) => root.get(key).key_pos(),
            Origin::Value(key) => root.get(key).pos(),
            Origin::Column { index, field } => {
                let column = root.get("columns").index(*index);
                match field {
                    // A field left out (a missing `unit`) points at its column.
                    Some(f) if column.get(f).pos().line > 0 => column.get(f).key_pos(),
                    _ => column.pos(),
                }
            }
            Origin::Row(index) => root.get("rows").index(*index).pos(),
            Origin::RowKey { index, key } => root.get("rows").index(*index).get(key).key_pos(),
            Origin::Cell { index, key } => root.get("rows").index(*index).get(key).pos(),
            Origin::Correction(index) => Pos {
                line: crate::content::corrections::line_of(&self.spans, *index),
                column: 0,
            },
        };
        (&self.path, pos)
    }

    fn text(&self, path: &Path) -> Option<&str> {
        (path == self.path).then_some(self.src.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "title: t
columns:
  - key: share
    type: percent
rows:
  - { id: a, share: 1 }
  - id: a
    share: x
";

    fn at(origin: Origin) -> (usize, usize) {
        let (_, pos) = YamlPlaces::new(Path::new("t.yaml"), SRC).place(&origin);
        (pos.line, pos.column)
    }

    #[test]
    fn elements_map_to_their_positions() {
        assert_eq!(at(Origin::Field("rows")), (5, 1));
        let unit = Origin::Column {
            index: 0,
            field: Some("unit"),
        };
        assert_eq!(at(unit), (3, 5));
        let kind = Origin::Column {
            index: 0,
            field: Some("type"),
        };
        assert_eq!(at(kind), (4, 5));
        assert_eq!(at(Origin::Row(1)), (7, 5));
        let cell = Origin::Cell {
            index: 1,
            key: "share".into(),
        };
        assert_eq!(at(cell), (8, 12));
        assert_eq!(at(Origin::File), (0, 0));
    }

    #[test]
    fn a_repeat_names_the_first_line() {
        let places = YamlPlaces::new(Path::new("t.yaml"), SRC);
        let id = |index| Origin::Cell {
            index,
            key: "id".into(),
        };
        let d = places.diagnostic(Problem::error(id(1), "id `a` twice").first_at(id(0)));
        assert_eq!((d.line, d.column), (7, 9));
        assert_eq!(d.message, "id `a` twice (first on line 6)");
        assert_eq!(d.path, Path::new("t.yaml"));
    }
}
