//! The one place that parses YAML, so the parsers can be swapped here: serde_yaml
//! deserialises, saphyr-parser (in [`Spans`]) gives the positions of values,
//! which serde_yaml cannot.
//!
//! Errors come back as [`Diagnostic`]s with the line in the whole file: callers pass
//! how many lines precede the YAML text (front matter starts on line 2).

mod errors;
mod spans;

pub use errors::{explain, Explained};
pub use spans::{At, Pos, Spans};

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::{excerpt, Diagnostic};

/// Parses `src` into `T`. `lines_before` is the number of lines in the file before
/// the first line of `src`, so positions are reported in the whole file.
pub fn parse<T: DeserializeOwned>(
    src: &str,
    path: &Path,
    lines_before: usize,
) -> Result<T, Diagnostic> {
    // An empty document is an empty mapping, not an error.
    let text = if src.trim().is_empty() { "{}" } else { src };
    serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        let x = errors::explain(text, &e.to_string(), line, column);
        let mut d = Diagnostic::error(path, x.line, x.column, x.message).with_excerpt(excerpt(
            text,
            x.line,
            x.column,
            x.line + lines_before,
        ));
        d.hint = x.hint;
        d.shifted(lines_before)
    })
}

/// 1-based line of the first `key:` in `src` (at any indentation), for validation
/// errors found after parsing. `lines_before` as in [`parse`].
pub fn key_line(src: &str, key: &str, lines_before: usize) -> usize {
    src.lines()
        .position(|l| {
            l.match_indices(key).any(|(i, _)| {
                let before = l[..i].trim_end_matches(' ');
                let starts_key = before.is_empty() || before.ends_with(['{', ',', '-']);
                starts_key && l[i + key.len()..].trim_start().starts_with(':')
            })
        })
        .map_or(0, |i| i + 1 + lines_before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug, Default)]
    #[serde(deny_unknown_fields)]
    struct T {
        #[serde(default)]
        a: u32,
    }

    #[test]
    fn reports_line_in_whole_file() {
        let e = parse::<T>("a: 1\nb: 2\n", Path::new("x.md"), 1).unwrap_err();
        assert_eq!(e.line, 3);
        assert_eq!(e.message, "unknown key `b`");
        assert_eq!(e.hint.as_deref(), Some("valid keys: `a`"));
        assert_eq!(e.excerpt.as_deref(), Some("3 | b: 2\n  | ^"));
    }

    #[test]
    fn wrong_type_has_line() {
        let e = parse::<T>("\na: [1]\n", Path::new("x.md"), 0).unwrap_err();
        assert_eq!(e.line, 2);
    }

    #[test]
    fn mongolian_controls_survive_front_matter() {
        #[derive(Deserialize)]
        struct Title {
            title: String,
        }
        let text = "ᠭᠠᠵᠠᠷ\u{180B}\u{202F}ᠤᠨ \u{200C}\u{200D}\u{180E}\u{180F}\u{180C}\u{180D}";
        let t: Title = parse(&format!("title: {text}\n"), Path::new("x"), 0).unwrap();
        assert_eq!(t.title, text);
    }

    #[test]
    fn empty_is_default() {
        assert_eq!(parse::<T>("  \n", Path::new("x"), 0).unwrap().a, 0);
    }

    #[test]
    fn key_line_finds_nested_keys() {
        assert_eq!(key_line("a: 1\nb:\n  c: 2\n", "c", 1), 4);
        assert_eq!(key_line("a: 1\n", "zz", 0), 0);
        assert_eq!(key_line("x:\n  zh: { name: Z, mode: v }\n", "mode", 0), 2);
        assert_eq!(key_line("x: { aname: 1 }\n", "name", 0), 0);
    }
}
