//! Spelling variants: Mongolian words of the site written with different code
//! points that look alike on the page (ᠣᠷᠣᠨ / ᠣᠷᠤᠨ). Each word is reduced to a
//! visual key ([`visual_key`], folded by [`FOLDS`]); a key written in more than
//! one way is one warning listing every spelling with its count and first place.
//! Words inside `lang="zh…"` elements, code, URLs and tags are not read; a case
//! suffix joined with U+202F is a word of its own, kept apart from stems so the
//! genitive ᠤᠨ never meets the word ᠣᠨ (year). Pure but for [`problems`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::scan::{prose_lines, skip_mask, Syntax};
use super::suffixes::{is_suffix, strip_shaping};
use crate::diagnostics::Diagnostic;
use crate::script::{is_fvs, is_mongolian_letter, MVS, NNBSP, ZWJ, ZWNJ};

/// Where a fold applies within a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    /// Anywhere.
    Everywhere,
    /// After the first syllable (after the first consonant that follows the
    /// first vowel).
    AfterFirstSyllable,
    /// Right after a vowel.
    AfterVowel,
}

/// The look-alike folds, applied in order: (written, folded to, where, why).
/// Shaping controls (FVS, MVS, ZWJ, ZWNJ) are stripped before these. Not
/// folded: ᠠ/ᠡ (medially alike, but the vowel-harmony check judges them and the
/// velars around them differ), ᠳ/ᠲ and ᠬ/ᠭ (distinct forms where they contrast).
pub const FOLDS: &[(&str, &str, Where, &str)] = &[
    (
        "ᠣ",
        "ᠤ",
        Where::Everywhere,
        "o and u share one glyph in every position",
    ),
    (
        "ᠥ",
        "ᠦ",
        Where::Everywhere,
        "ö and ü share one glyph in every position",
    ),
    (
        "ᠦ",
        "ᠤ",
        Where::AfterFirstSyllable,
        "ö/ü lose their tooth after the first syllable and are written like o/u",
    ),
    (
        "ᠶᠢ",
        "ᠢ",
        Where::AfterVowel,
        "medial i after a vowel is written with two teeth, as yi is (ᠨᠡᠢᠭᠡᠮ, ᠨᠡᠶᠢᠭᠡᠮ)",
    ),
];

/// Different words that share a visual key: each keeps a key of its own, so
/// one is never reported as a spelling of the other. (spelling, meaning.)
pub const HOMOGRAPHS: &[(&str, &str)] =
    &[("ᠦᠷ᠎ᠡ", "üre: seed, result"), ("ᠥᠷ᠎ᠡ", "öre: debt (举债)")];

/// The key a word is counted under: its own spelling for a [`HOMOGRAPHS`]
/// entry, else its [`visual_key`].
fn tally_key(word: &str) -> String {
    let bare = strip_shaping(word);
    if HOMOGRAPHS.iter().any(|(h, _)| strip_shaping(h) == bare) {
        format!("={bare}")
    } else {
        visual_key(word)
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'ᠠ'..='ᠧ')
}

/// The visual key of a word: shaping controls stripped, then [`FOLDS`] applied.
pub fn visual_key(word: &str) -> String {
    let mut chars: Vec<char> = strip_shaping(word).chars().collect();
    for &(from, to, place, _) in FOLDS {
        let from: Vec<char> = from.chars().collect();
        let to: Vec<char> = to.chars().collect();
        // The first syllable ends at the first consonant after the first vowel
        // of the word as it is before this fold.
        let first_syllable_end = chars
            .iter()
            .position(|&c| is_vowel(c))
            .and_then(|v| (v..chars.len()).find(|&k| !is_vowel(chars[k])))
            .unwrap_or(chars.len());
        let mut out = Vec::with_capacity(chars.len());
        let mut i = 0;
        while i < chars.len() {
            let applies = chars[i..].starts_with(&from)
                && match place {
                    Where::Everywhere => true,
                    Where::AfterFirstSyllable => i >= first_syllable_end,
                    Where::AfterVowel => i > 0 && is_vowel(chars[i - 1]),
                };
            if applies {
                out.extend(&to);
                i += from.len();
            } else {
                out.push(chars[i]);
                i += 1;
            }
        }
        chars = out;
    }
    chars.into_iter().collect()
}

fn is_shaping(c: char) -> bool {
    is_fvs(c) || matches!(c, MVS | ZWJ | ZWNJ)
}

/// Marks the text of elements with a Chinese `lang` attribute
/// (`<span lang="zh-Hans">…</span>`), up to their closing tag on the line.
fn mask_chinese(chars: &[char], mask: &mut [bool]) {
    let line: String = chars.iter().collect();
    let char_at = |byte: usize| line[..byte].chars().count();
    let mut from = 0;
    while let Some(rel) = line[from..].find('<') {
        let start = from + rel;
        let Some(end) = line[start..].find('>').map(|e| start + e + 1) else {
            break;
        };
        let tag = &line[start..end];
        let name: String = tag[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let chinese = ["lang=\"zh", "lang='zh", "lang=zh"]
            .iter()
            .any(|a| tag.contains(a));
        from = end;
        if name.is_empty() || !chinese {
            continue;
        }
        let close = format!("</{name}");
        let stop = line[end..].find(&close).map_or(line.len(), |c| end + c);
        let (a, b) = (char_at(end), char_at(stop));
        mask[a..b].iter_mut().for_each(|m| *m = true);
        from = stop;
    }
}

/// One Mongolian word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The word as written (shaping controls included).
    pub text: String,
    /// A case suffix (after U+202F, or one of the suffixes).
    pub suffix: bool,
}

/// The Mongolian words of `text`, outside code, URLs, tags and Chinese elements.
pub fn words(text: &str, syntax: Syntax) -> Vec<Word> {
    let mut out = Vec::new();
    for (n, _, line) in prose_lines(text, syntax) {
        let chars: Vec<char> = line.chars().collect();
        let mut mask = skip_mask(&chars);
        mask_chinese(&chars, &mut mask);
        let mut i = 0;
        while i < chars.len() {
            if mask[i] || !is_mongolian_letter(chars[i]) {
                i += 1;
                continue;
            }
            let end = (i..chars.len())
                .find(|&k| mask[k] || !(is_mongolian_letter(chars[k]) || is_shaping(chars[k])))
                .unwrap_or(chars.len());
            let word: String = chars[i..end].iter().collect();
            let after_nnbsp = chars[..i]
                .iter()
                .rev()
                .find(|&&c| !is_shaping(c))
                .is_some_and(|&c| c == NNBSP);
            out.push(Word {
                line: n + 1,
                column: i + 1,
                suffix: after_nnbsp || is_suffix(&word),
                text: word,
            });
            i = end;
        }
    }
    out
}

/// One spelling of a word: how often, and where first.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Spelling {
    count: usize,
    path: PathBuf,
    line: usize,
    column: usize,
    order: usize,
}

/// The words of the site's texts, by visual key, then spelling.
#[derive(Debug, Default)]
pub struct Tally {
    keys: BTreeMap<(bool, String), BTreeMap<String, Spelling>>,
    seen: usize,
}

impl Tally {
    /// Counts the words of one file (files in the order their places should rank).
    pub fn add(&mut self, path: &Path, text: &str, syntax: Syntax) {
        for w in words(text, syntax) {
            self.seen += 1;
            let order = self.seen;
            let spellings = self.keys.entry((w.suffix, tally_key(&w.text))).or_default();
            spellings
                .entry(w.text)
                .and_modify(|s| s.count += 1)
                .or_insert_with(|| Spelling {
                    count: 1,
                    path: path.to_path_buf(),
                    line: w.line,
                    column: w.column,
                    order,
                });
        }
    }

    /// One warning per word written in more than one way, at the first place
    /// of its rarer spellings.
    pub fn report(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for spellings in self.keys.values().filter(|s| s.len() > 1) {
            let mut list: Vec<(&String, &Spelling)> = spellings.iter().collect();
            // Most used first; ties go to the one written first.
            list.sort_by_key(|(_, s)| (std::cmp::Reverse(s.count), s.order));
            let Some(at) = list[1..].iter().map(|(_, s)| s).min_by_key(|s| s.order) else {
                continue;
            };
            let items: Vec<String> = list
                .iter()
                .map(|(w, s)| {
                    format!(
                        "`{w}`{} ({}, {}:{}:{})",
                        controls_note(w),
                        s.count,
                        s.path.display(),
                        s.line,
                        s.column
                    )
                })
                .collect();
            out.push(
                Diagnostic::warning(
                    &at.path,
                    at.line,
                    at.column,
                    format!("one word, {} spellings: {}", list.len(), items.join(", ")),
                )
                .with_kind(crate::diagnostics::Kind::SpellingVariant)
                .with_hint("pick one spelling (the glossary can name it)"),
            );
        }
        out
    }
}

/// Names the invisible controls in a spelling, which the eye cannot compare.
fn controls_note(word: &str) -> String {
    let codes: Vec<String> = word
        .chars()
        .filter(|&c| is_shaping(c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    if codes.is_empty() {
        String::new()
    } else {
        format!(" with {}", codes.join(" "))
    }
}

/// Spelling variants across every text file of the site.
pub fn problems(root: &Path, config: &crate::config::Config) -> Vec<Diagnostic> {
    let mut tally = Tally::default();
    for file in super::text_files(root, config) {
        // Unreadable files are reported by loading.
        if let Ok(text) = std::fs::read_to_string(root.join(&file.path)) {
            tally.add(&file.path, &text, file.syntax);
        }
    }
    tally.report()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alike_pairs_share_a_key() {
        for (a, b) in [
            ("ᠣᠷᠣᠨ", "ᠣᠷᠤᠨ"),
            ("ᠨᠡᠶᠢᠭᠡᠮ", "ᠨᠡᠢᠭᠡᠮ"),
            ("ᠪᠠᠶᠢ", "ᠪᠠᠢ"),
            ("ᠳᠥᠷᠪᠡᠨ", "ᠳᠦᠷᠪᠡᠨ"),
            ("ᠬᠦᠮᠦᠨ", "ᠬᠦᠮᠤᠨ"),
            ("ᠳ᠋ᠤᠭᠠᠷ", "ᠳᠤᠭᠠᠷ"),
            ("ᠪᠣᠳᠣᠯᠭ᠎ᠠ", "ᠪᠣᠳᠣᠯᠭᠠ"),
        ] {
            assert_eq!(visual_key(a), visual_key(b), "{a} {b}");
        }
    }

    #[test]
    fn distinct_shapes_keep_distinct_keys() {
        for (a, b) in [
            ("ᠡᠪᠡᠳᠴᠢᠨ", "ᠥᠪᠡᠳᠴᠢᠨ"), // initial e and ö differ: the glossary's job
            ("ᠪᠣᠷ", "ᠪᠥᠷ"),         // ö in the first syllable has its tooth
            ("ᠶᠢᠨ", "ᠢᠨ"),          // initial yi is not after a vowel
            ("ᠪᠠᠷ", "ᠪᠡᠷ"),         // a/e: harmony, not look-alike folding
        ] {
            assert_ne!(visual_key(a), visual_key(b), "{a} {b}");
        }
    }

    fn report(files: &[(&str, &str)]) -> Vec<Diagnostic> {
        let mut t = Tally::default();
        for (path, text) in files {
            let syntax = if path.ends_with(".md") {
                Syntax::Markdown
            } else {
                Syntax::Text
            };
            t.add(Path::new(path), text, syntax);
        }
        t.report()
    }

    #[test]
    fn one_warning_per_word_at_the_rarer_spelling() {
        let d = report(&[
            ("content/a.mn.md", "x\nᠪᠦᠬᠦ ᠣᠷᠣᠨ\u{202F}ᠤ ᠣᠷᠣᠨ\n"),
            ("content/data/x.yaml", "mn: \"ᠮᠠᠨ ᠤ ᠣᠷᠤᠨ\"\n"),
        ]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].path, Path::new("content/data/x.yaml"));
        assert_eq!(d[0].kind.name(), "spelling-variant");
        assert_eq!((d[0].line, d[0].column), (1, 12));
        assert_eq!(
            d[0].message,
            "one word, 2 spellings: `ᠣᠷᠣᠨ` (2, content/a.mn.md:2:6), `ᠣᠷᠤᠨ` (1, content/data/x.yaml:1:12)"
        );
    }

    #[test]
    fn suffixes_and_stems_are_apart() {
        // ᠣᠨ (year) and the genitive ᠤᠨ look alike but are different words.
        assert!(report(&[("a.md", "2015 ᠣᠨ\u{202F}ᠤ ᠤᠯᠤᠰ\u{202F}ᠤᠨ\n")]).is_empty());
        // Two spellings of one suffix are reported.
        let d = report(&[("a.md", "ᠤᠯᠤᠰ\u{202F}ᠤᠨ ᠬᠣᠲᠠ\u{202F}ᠣᠨ\n")]);
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn near_misses_are_silent() {
        for text in [
            "<span lang=\"zh-Hans\">ᠣᠷᠣᠨ</span> ᠣᠷᠤᠨ\n", // inside a Chinese span
            "`ᠣᠷᠣᠨ` ᠣᠷᠤᠨ\n",                             // code
            "```\nᠣᠷᠣᠨ\n```\nᠣᠷᠤᠨ\n",                    // fenced code
            "[ᠣᠷᠤᠨ](https://e.org/ᠣᠷᠣᠨ)\n",              // link target
            "ᠣᠷᠣᠨ ᠣᠷᠣᠨ orun oron\n",                     // one spelling; Latin is not read
        ] {
            let d = report(&[("a.md", text)]);
            assert!(d.is_empty(), "{text:?}: {d:?}");
        }
    }

    #[test]
    fn homographs_are_different_words() {
        // ᠦᠷ᠎ᠡ (result) and ᠥᠷ᠎ᠡ (debt) look alike and are both right.
        assert!(report(&[("a.md", "ᠦᠷ᠎ᠡ ᠳᠦᠩ ᠥᠷ᠎ᠡ ᠵᠡᠭᠡᠯᠢ ᠦᠷ᠎ᠡ\n")]).is_empty());
        assert_eq!(visual_key("ᠦᠷ᠎ᠡ"), visual_key("ᠥᠷ᠎ᠡ"));
    }

    #[test]
    fn controls_are_named() {
        let d = report(&[("a.md", "12\u{202F}ᠳ᠋ᠤᠭᠠᠷ 3\u{202F}ᠳᠤᠭᠠᠷ 4\u{202F}ᠳ᠋ᠤᠭᠠᠷ\n")]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].message.contains("`ᠳ᠋ᠤᠭᠠᠷ` with U+180B (2,"),
            "{}",
            d[0].message
        );
        assert_eq!(d[0].column, 13);
    }
}
