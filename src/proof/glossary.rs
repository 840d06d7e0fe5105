//! Glossary proofing: a rejected variant in Mongolian text is an error at its
//! place; a translation whose original uses a term but which lacks the term's
//! preferred form is a warning. Mongolian is matched as whole words, compared
//! with the shaping controls (FVS, MVS, ZWJ, ZWNJ) stripped, so a suffix joined
//! with U+202F still counts as the word; Chinese is matched as a substring.
//! Code spans, fenced code, URLs and HTML tags are skipped, as in [`super::scan`].

use std::path::Path;

use super::scan::{prose_lines, skip_mask, Syntax};
use crate::diagnostics::Diagnostic;
use crate::glossary::Glossary;
use crate::script::{is_fvs, is_mongolian_letter, MVS, ZWJ, ZWNJ};

/// Characters compared as nothing: they change a letter's shape, not the word.
fn is_shaping(c: char) -> bool {
    is_fvs(c) || matches!(c, MVS | ZWJ | ZWNJ)
}

/// `s` with the shaping controls removed.
fn strip(s: &str) -> Vec<char> {
    s.chars().filter(|&c| !is_shaping(c)).collect()
}

/// A file's text, shaping controls stripped and skipped text (code, URLs, tags)
/// blanked, with each character's 1-based line and column in the file.
struct Prepared {
    chars: Vec<char>,
    pos: Vec<(usize, usize)>,
}

fn prepare(text: &str, syntax: Syntax) -> Prepared {
    let mut p = Prepared {
        chars: Vec::new(),
        pos: Vec::new(),
    };
    for (n, _, line) in prose_lines(text, syntax) {
        let chars: Vec<char> = line.chars().collect();
        let mask = skip_mask(&chars);
        for (i, (&c, &m)) in chars.iter().zip(&mask).enumerate() {
            if is_shaping(c) {
                continue;
            }
            // Skipped text breaks words apart: it never matches.
            p.chars.push(if m { '\0' } else { c });
            p.pos.push((n + 1, i + 1));
        }
        p.chars.push('\n');
        p.pos.push((n + 1, chars.len() + 1));
    }
    p
}

impl Prepared {
    /// Start indices of `word` (stripped) as a whole Mongolian word or phrase.
    fn find_words(&self, word: &[char]) -> Vec<usize> {
        let n = word.len();
        if n == 0 || n > self.chars.len() {
            return Vec::new();
        }
        (0..=self.chars.len() - n)
            .filter(|&i| {
                self.chars[i..i + n] == *word
                    && (i == 0 || !is_mongolian_letter(self.chars[i - 1]))
                    && self
                        .chars
                        .get(i + n)
                        .is_none_or(|&c| !is_mongolian_letter(c))
            })
            .collect()
    }
}

/// Rejected variants of `glossary` in the Mongolian text of one file.
pub fn rejected(path: &Path, text: &str, syntax: Syntax, glossary: &Glossary) -> Vec<Diagnostic> {
    let p = prepare(text, syntax);
    let mut out = Vec::new();
    for term in &glossary.terms {
        for variant in &term.rejected {
            for i in p.find_words(&strip(variant)) {
                let (line, col) = p.pos[i];
                out.push(
                    Diagnostic::error(
                        path,
                        line,
                        col,
                        format!(
                            "`{variant}` is a rejected form of {} in the glossary",
                            term.zh
                        ),
                    )
                    .with_kind(crate::diagnostics::Kind::GlossaryRejected)
                    .with_hint(format!(
                        "write `{}` (content/glossary.yaml, line {})",
                        term.mn, term.line
                    )),
                );
            }
        }
    }
    out
}

/// Terms the original (`original`, Chinese) uses whose preferred form the
/// translation lacks (no rejected variant either: that is already an error).
pub fn missing(
    path: &Path,
    translation: &str,
    original: &str,
    glossary: &Glossary,
) -> Vec<Diagnostic> {
    let p = prepare(translation, Syntax::Markdown);
    let orig = prepare(original, Syntax::Markdown);
    let orig: String = orig.chars.iter().collect();
    glossary
        .terms
        .iter()
        .filter(|t| orig.contains(t.zh.as_str()))
        .filter(|t| {
            std::iter::once(&t.mn)
                .chain(&t.rejected)
                .all(|form| p.find_words(&strip(form)).is_empty())
        })
        .map(|t| {
            Diagnostic::warning(
                path,
                1,
                1,
                format!(
                    "the original uses {} but the translation has no `{}`",
                    t.zh, t.mn
                ),
            )
            .with_kind(crate::diagnostics::Kind::GlossaryMissing)
            .with_hint(format!(
                "translate {} as `{}` (content/glossary.yaml, line {})",
                t.zh, t.mn, t.line
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Term;

    fn g() -> Glossary {
        Glossary {
            terms: vec![Term {
                zh: "扶贫".into(),
                mn: "ᠠᠪᠤᠷᠠᠬᠤ".into(),
                rejected: vec!["ᠲᠡᠯᠡᠭᠡ".into()],
                note: None,
                line: 3,
            }],
        }
    }

    fn rej(text: &str) -> Vec<(usize, usize)> {
        rejected(Path::new("a.mn.md"), text, Syntax::Markdown, &g())
            .iter()
            .map(|d| (d.line, d.column))
            .collect()
    }

    #[test]
    fn rejected_variant_at_line_and_column() {
        assert_eq!(rej("ᠪᠠ\nᠬᠣ ᠲᠡᠯᠡᠭᠡ\u{202F}ᠶᠢᠨ ᠪᠠ\n"), [(2, 4)]);
        let d = rejected(Path::new("a"), "ᠲᠡᠯᠡᠭᠡ", Syntax::Text, &g());
        assert!(d[0].hint.as_deref().unwrap_or("").contains("ᠠᠪᠤᠷᠠᠬᠤ"));
    }

    #[test]
    fn rejected_variant_ignores_shaping_controls() {
        assert_eq!(rej("ᠲᠡ\u{180B}ᠯᠡᠭᠡ᠃"), [(1, 1)]);
    }

    #[test]
    fn near_misses_are_not_rejected() {
        // A longer word containing the variant, and the variant in code.
        assert_eq!(rej("ᠲᠡᠯᠡᠭᠡᠯᠡᠬᠦ ᠪᠠ ᠬᠠᠲᠡᠯᠡᠭᠡ"), []);
        assert_eq!(rej("`ᠲᠡᠯᠡᠭᠡ` ᠪᠠ\n```\nᠲᠡᠯᠡᠭᠡ\n```\n"), []);
    }

    fn miss(translation: &str, original: &str) -> usize {
        missing(Path::new("a.mn.md"), translation, original, &g()).len()
    }

    #[test]
    fn missing_term_is_warned_once_per_term() {
        assert_eq!(miss("ᠪᠠ", "精准扶贫工作"), 1);
        assert_eq!(miss("ᠠᠪᠤᠷᠠᠬᠤᠢ", "扶贫"), 1);
        assert_eq!(miss("ᠪᠠ", "脱贫"), 0);
    }

    #[test]
    fn preferred_form_with_suffix_counts_as_present() {
        assert_eq!(miss("ᠪᠠ ᠠᠪᠤᠷᠠᠬᠤ\u{202F}ᠶᠢᠨ ᠠᠵᠢᠯ", "扶贫工作"), 0);
        assert_eq!(miss("ᠠᠪᠤ\u{180C}ᠷᠠᠬᠤ", "扶贫"), 0);
    }
}
