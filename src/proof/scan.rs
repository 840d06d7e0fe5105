//! Line-by-line scan of one file's text for Mongolian proofing problems: case
//! suffixes after a plain space instead of U+202F, vowel separators not before a
//! final ᠠ/ᠡ, legacy private-use code points, lines starting with Mongolian
//! punctuation. Code spans, fenced code (Markdown), URLs, link destinations and
//! HTML tags are skipped. Pure: text in, findings (with byte ranges) out.

use super::suffixes::is_suffix;
use crate::script::{
    is_fvs, is_mongolian_digit, is_mongolian_letter, is_mongolian_punctuation, MVS, NNBSP, ZWJ,
    ZWNJ,
};

/// How a file's text is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// Markdown with front matter: fenced code blocks are skipped.
    Markdown,
    /// YAML or CSV: every line is text.
    Text,
}

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A case suffix after a plain space instead of U+202F.
    SuffixSpace,
    /// U+180E not before a word-final ᠠ or ᠡ.
    Mvs,
    /// A private-use code point (legacy font encodings) in Mongolian text.
    PrivateUse,
    /// A line that starts with Mongolian punctuation.
    LineStartPunctuation,
}

/// One problem in a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What is wrong.
    pub kind: Kind,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte range in the file's text of the offending characters (for a
    /// suffix: the spaces to replace with U+202F).
    pub range: std::ops::Range<usize>,
    /// The suffix or character concerned, as written.
    pub text: String,
}

/// Shaping controls that belong to the word they are in.
fn is_shaping(c: char) -> bool {
    is_fvs(c) || matches!(c, MVS | ZWJ | ZWNJ)
}

fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}')
}

/// Which characters of a line are code, URLs, link destinations or HTML tags.
pub(crate) fn skip_mask(chars: &[char]) -> Vec<bool> {
    let mut mask = vec![false; chars.len()];
    let starts = |i: usize, s: &str| {
        s.chars()
            .enumerate()
            .all(|(k, c)| chars.get(i + k) == Some(&c))
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let skipped = if c == '`' {
            // A code span runs to the next backtick (or the end of the line).
            Some(
                (i + 1..chars.len())
                    .find(|&k| chars[k] == '`')
                    .map_or(chars.len(), |k| k + 1),
            )
        } else if c == '<'
            && chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!'))
        {
            Some(
                (i + 1..chars.len())
                    .find(|&k| chars[k] == '>')
                    .map_or(chars.len(), |k| k + 1),
            )
        } else if starts(i, "](") {
            Some(
                (i + 2..chars.len())
                    .find(|&k| chars[k] == ')')
                    .map_or(chars.len(), |k| k + 1),
            )
        } else if starts(i, "http://") || starts(i, "https://") || starts(i, "www.") {
            Some(
                (i..chars.len())
                    .find(|&k| {
                        chars[k].is_whitespace() || matches!(chars[k], ')' | '>' | '<' | '"')
                    })
                    .unwrap_or(chars.len()),
            )
        } else {
            None
        };
        let end = skipped.unwrap_or(i + 1);
        if skipped.is_some() {
            mask[i..end].iter_mut().for_each(|m| *m = true);
        }
        i = end;
    }
    mask
}

/// The lines of `text` outside fenced code (for Markdown), each with its
/// 0-based index, the byte offset where it starts and its text without the
/// line end.
pub fn prose_lines(text: &str, syntax: Syntax) -> impl Iterator<Item = (usize, usize, &str)> {
    let mut fence = false;
    let mut line_start = 0;
    text.split_inclusive('\n')
        .enumerate()
        .filter_map(move |(n, raw)| {
            let start = line_start;
            line_start += raw.len();
            let line = raw.trim_end_matches(['\n', '\r']);
            if syntax == Syntax::Markdown {
                let t = line.trim_start();
                if t.starts_with("```") || t.starts_with("~~~") {
                    fence = !fence;
                    return None;
                }
                if fence {
                    return None;
                }
            }
            Some((n, start, line))
        })
}

/// Scans `text`; `mongolian_file` says the whole file is in Mongolian (private-use
/// code points are then flagged on every line, not only beside Mongolian letters).
pub fn scan(text: &str, syntax: Syntax, mongolian_file: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    for (n, start, line) in prose_lines(text, syntax) {
        let indexed: Vec<(usize, char)> = line.char_indices().collect();
        let chars: Vec<char> = indexed.iter().map(|&(_, c)| c).collect();
        let byte = |i: usize| start + indexed.get(i).map_or(line.len(), |&(b, _)| b);
        let mask = skip_mask(&chars);
        let mongolian_line = chars
            .iter()
            .zip(&mask)
            .any(|(&c, &m)| !m && is_mongolian_letter(c));
        let finding = |kind, i: usize, end: usize, text: String| Finding {
            kind,
            line: n + 1,
            column: i + 1,
            range: byte(i)..byte(end),
            text,
        };
        if let Some(i) = chars.iter().position(|&c| c != ' ' && c != '\t') {
            if !mask[i] && is_mongolian_punctuation(chars[i]) {
                out.push(finding(
                    Kind::LineStartPunctuation,
                    i,
                    i + 1,
                    chars[i].to_string(),
                ));
            }
        }
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if mask[i] {
                i += 1;
                continue;
            }
            if is_private_use(c) && (mongolian_line || mongolian_file) {
                out.push(finding(Kind::PrivateUse, i, i + 1, c.to_string()));
            }
            if c == MVS && i > 0 && is_mongolian_letter(chars[i - 1]) {
                if let Some(&next) = chars.get(i + 1).filter(|n| is_mongolian_letter(**n)) {
                    // After the final vowel only selectors may follow within the word.
                    let rest_ends = chars[i + 2..].iter().take_while(|&&k| is_fvs(k)).count();
                    let word_ends = chars
                        .get(i + 2 + rest_ends)
                        .is_none_or(|&k| !is_mongolian_letter(k) && !is_shaping(k));
                    if !(matches!(next, 'ᠠ' | 'ᠡ') && word_ends) {
                        out.push(finding(Kind::Mvs, i, i + 1, MVS.to_string()));
                    }
                }
            }
            if c.is_whitespace() && c != NNBSP && i > 0 {
                let j = (i..chars.len())
                    .find(|&k| !chars[k].is_whitespace() || chars[k] == NNBSP || mask[k])
                    .unwrap_or(chars.len());
                let k = (j..chars.len())
                    .find(|&k| mask[k] || !(is_mongolian_letter(chars[k]) || is_shaping(chars[k])))
                    .unwrap_or(chars.len());
                let before = chars[..i].iter().rposition(|&p| !is_shaping(p));
                let after_word = before.is_some_and(|b| {
                    !mask[b]
                        && (is_mongolian_letter(chars[b])
                            || chars[b].is_ascii_digit()
                            || is_mongolian_digit(chars[b]))
                });
                let word: String = chars[j..k].iter().collect();
                if after_word && k > j && is_suffix(&word) {
                    out.push(finding(Kind::SuffixSpace, i, j, word));
                }
                i = j.max(i + 1);
                continue;
            }
            i += 1;
        }
    }
    out
}

/// `text` with the spaces before each suffix of `findings` replaced by U+202F.
pub fn join_suffixes(text: &str, findings: &[Finding]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut ranges: Vec<_> = findings
        .iter()
        .filter(|f| f.kind == Kind::SuffixSpace)
        .map(|f| f.range.clone())
        .collect();
    ranges.sort_by_key(|r| r.start);
    for r in ranges {
        if r.start < at {
            continue;
        }
        out.push_str(&text[at..r.start]);
        out.push(NNBSP);
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, syntax: Syntax) -> Vec<(Kind, usize, usize, String)> {
        scan(text, syntax, false)
            .into_iter()
            .map(|f| (f.kind, f.line, f.column, f.text))
            .collect()
    }

    #[test]
    fn suffix_after_plain_space_is_found_with_its_place() {
        let d = found("x\nᠰᠤᠮᠤ ᠶᠢᠨ ᠬᠦᠮᠦᠨ 2015\u{3000}ᠤ ᠣᠨ\n", Syntax::Markdown);
        assert_eq!(
            d,
            [
                (Kind::SuffixSpace, 2, 5, "ᠶᠢᠨ".to_string()),
                (Kind::SuffixSpace, 2, 20, "ᠤ".to_string()),
            ]
        );
        let d = found("12 ᠳ᠋ᠤᠭᠠᠷ\n", Syntax::Text);
        assert_eq!(d, [(Kind::SuffixSpace, 1, 3, "ᠳ᠋ᠤᠭᠠᠷ".to_string())]);
    }

    #[test]
    fn near_misses_are_not_suffixes() {
        for text in [
            "ᠰᠤᠮᠤ ᠶᠢᠨᠢ\n",                   // starts like a suffix
            "ᠰᠤᠮᠤ\u{202F}ᠶᠢᠨ\n",             // already joined
            "`ᠰᠤᠮᠤ ᠶᠢᠨ`\n",                  // code span
            "```\nᠰᠤᠮᠤ ᠶᠢᠨ\n```\n",          // fenced code
            "https://e.org/ᠰᠤᠮᠤ ᠶᠢᠨ\n",      // the word before is in a URL
            "[a](ᠰᠤᠮᠤ ᠶᠢᠨ)\n",               // link destination
            "<a title=\"ᠰᠤᠮᠤ ᠶᠢᠨ\">x</a>\n", // HTML attribute
            "贫困人口 ᠶᠢᠨ 2015年\n",         // after Chinese, not a Mongolian word
            "title: ᠶᠢᠨ\n",                  // after a YAML key
            "ᠰᠤᠮᠤ\nᠶᠢᠨ\n",                   // across lines
        ] {
            let d = found(text, Syntax::Markdown);
            assert!(d.is_empty(), "{text:?}: {d:?}");
        }
    }

    #[test]
    fn vowel_separator_only_before_a_final_a_or_e() {
        assert!(found("ᠪᠣᠳᠣᠯᠭ᠎ᠠ ᠲᠣᠭ᠎ᠠ᠃ ᠡᠭᠡᠯ᠎ᠡ\n", Syntax::Text).is_empty());
        let d = found("ᠪᠣᠳᠯᠣᠭ᠎ᠣ ᠡᠶ᠎ᠡᠷᠭᠦ\n", Syntax::Text);
        let places: Vec<(Kind, usize)> = d.iter().map(|f| (f.0, f.2)).collect();
        assert_eq!(places, [(Kind::Mvs, 7), (Kind::Mvs, 12)], "{d:?}");
    }

    #[test]
    fn private_use_and_line_start_punctuation() {
        let d = found("ᠠᠪᠠ \u{E234}\n  ᠃ ᠠᠪᠠ\n\u{E234} abc\n", Syntax::Markdown);
        assert_eq!(
            d,
            [
                (Kind::PrivateUse, 1, 5, "\u{E234}".to_string()),
                (Kind::LineStartPunctuation, 2, 3, "᠃".to_string()),
            ]
        );
        let all = scan("\u{E234} abc\n", Syntax::Text, true);
        assert_eq!(all.len(), 1, "a Mongolian file flags it on every line");
    }

    #[test]
    fn joining_replaces_only_the_spaces() {
        let text = "ᠰᠤᠮᠤ  ᠶᠢᠨ `a ᠶᠢᠨ` 5 ᠤ\r\n";
        let f = scan(text, Syntax::Markdown, false);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(
            join_suffixes(text, &f),
            "ᠰᠤᠮᠤ\u{202F}ᠶᠢᠨ `a ᠶᠢᠨ` 5\u{202F}ᠤ\r\n"
        );
        assert!(scan(&join_suffixes(text, &f), Syntax::Markdown, false).is_empty());
    }
}
