//! Summaries cut from plain text by characters, CJK-aware. The text is plain (no
//! tags, entities decoded), so a cut can never fall inside a tag or an entity.

use crate::script::{is_cjk, is_mongolian_control, NNBSP};

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '᠃' | '!' | '?' | ';')
}

/// Cuts `text` to at most `max` characters (plus `…` when shortened). Prefers the
/// end of a sentence in the second half; in space-separated scripts (Latin,
/// Mongolian) cuts at a space; never separates a letter from a following joiner.
/// With `han_is_word` (a Mongolian page quoting Chinese names), a run of Han
/// characters is one word, never cut in two.
pub fn cut(text: &str, max: usize, han_is_word: bool) -> String {
    let text = text.trim();
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        return text.to_string();
    }
    let window = &chars[..max];
    if let Some(i) = window.iter().rposition(|&c| is_sentence_end(c)) {
        if i + 1 >= max / 2 {
            return window[..=i].iter().collect();
        }
    }
    let mut end = max;
    if han_is_word || !is_cjk(chars[end - 1]) || !is_cjk(chars[end]) {
        // A word may continue past the cut: go back to the last space. The
        // NNBSP is whitespace to Unicode but joins a suffix to its word.
        if let Some(sp) = window
            .iter()
            .rposition(|&c| c.is_whitespace() && c != NNBSP)
        {
            if sp >= max / 2 {
                end = sp;
            }
        }
    }
    if han_is_word {
        // Still inside a Han run (no space in the second half): go back to its start.
        let mut start = end;
        while start > 0 && start < chars.len() && is_cjk(chars[start - 1]) && is_cjk(chars[start]) {
            start -= 1;
        }
        if start > 0 {
            end = start;
        }
    }
    // A control belongs to the letter before it: never cut before one.
    while end > 0 && end < chars.len() && is_mongolian_control(chars[end]) {
        end -= 1;
    }
    let mut out: String = chars[..end].iter().collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::{FVS1, NNBSP};

    #[test]
    fn short_text_is_kept() {
        assert_eq!(cut("  金融扶贫。 ", 10, false), "金融扶贫。");
    }

    #[test]
    fn cjk_is_cut_by_characters() {
        let s = "一二三四五六七八九十一二三四五";
        assert_eq!(cut(s, 10, false), "一二三四五六七八九十…");
    }

    #[test]
    fn prefers_sentence_end() {
        assert_eq!(
            cut("一二三四五六。七八九十一二三四", 10, false),
            "一二三四五六。"
        );
    }

    #[test]
    fn latin_cuts_at_spaces() {
        assert_eq!(cut("alpha beta gamma delta", 13, false), "alpha beta…");
    }

    #[test]
    fn entities_are_plain_characters() {
        // `&amp;` arrives decoded as `&`: counted as one character, escaped later.
        assert_eq!(cut("a&b&c&d&e", 4, false), "a&b&…");
    }

    #[test]
    fn mongolian_joiners_stay_attached() {
        // Word ending in a free variation selector, then NNBSP + suffix.
        let word = "ᠭᠠᠵᠠᠷ\u{180B}\u{202F}ᠤᠨ";
        let text = format!("{word} {word} {word}");
        let out = cut(&text, 12, false);
        assert_eq!(out, format!("{word}…"));
        for c in [FVS1, NNBSP] {
            assert_eq!(out.matches(c).count(), 1);
        }
        // Without spaces, the cut still never lands before a joiner.
        let glued: String = "ᠠ\u{180B}".repeat(10);
        let out = cut(&glued, 5, false);
        assert!(!out.trim_end_matches('…').ends_with('ᠠ'), "{out:?}");
    }

    #[test]
    fn never_cuts_at_a_suffix_space() {
        // The last space of the window is the NNBSP before ᠤᠨ: the cut goes back
        // to the real space, keeping ᠭᠠᠵᠠᠷ whole and with its suffix.
        let text = "ᠠᠠᠠᠠᠠᠠᠠᠠ ᠭᠠᠵᠠᠷ\u{202F}ᠤᠨ ᠪᠠᠢᠨ᠎ᠠ";
        for max in 15..=17 {
            assert_eq!(cut(text, max, false), "ᠠᠠᠠᠠᠠᠠᠠᠠ…", "max {max}");
        }
        // A full word with its suffix fits: kept whole.
        assert_eq!(cut(text, 18, false), "ᠠᠠᠠᠠᠠᠠᠠᠠ ᠭᠠᠵᠠᠷ\u{202F}ᠤᠨ…");
    }

    #[test]
    fn han_names_in_mongolian_text_are_not_cut_in_two() {
        // The finance summary on the Mongolian section listing once ended in
        // `农业银…`: a Chinese name quoted in Mongolian text is one word.
        let text = "ᠠᠠᠠᠠᠠᠠᠠᠠ ᠪᠠᠲᠤᠯᠠᠨ᠂ 农业银行 ᠪᠠᠩᠺ";
        for max in 18..=22 {
            assert_eq!(cut(text, max, true), "ᠠᠠᠠᠠᠠᠠᠠᠠ ᠪᠠᠲᠤᠯᠠᠨ᠂…", "max {max}");
        }
        assert_eq!(cut(text, 23, true), "ᠠᠠᠠᠠᠠᠠᠠᠠ ᠪᠠᠲᠤᠯᠠᠨ᠂ 农业银行…");
        // No space in the second half: back to the start of the run.
        assert_eq!(cut("ᠠᠠᠠᠠᠠᠠᠠᠠ农业银行", 11, true), "ᠠᠠᠠᠠᠠᠠᠠᠠ…");
        // A Chinese page still cuts between any two Han characters.
        assert_eq!(cut("ᠠᠠᠠᠠᠠᠠᠠᠠ 农业银行", 11, false), "ᠠᠠᠠᠠᠠᠠᠠᠠ 农业…");
    }

    /// Where `cut` may end: before a real space, after a sentence end, or
    /// between two CJK characters.
    fn is_boundary(text: &[char], end: usize) -> bool {
        let (before, after) = (text[end - 1], text[end]);
        (after.is_whitespace() && after != NNBSP)
            || is_sentence_end(before)
            || (is_cjk(before) && is_cjk(after))
    }

    #[test]
    fn shipped_mongolian_paragraphs_are_cut_at_words() {
        // Every paragraph of the shipped Mongolian pages, cut at every length:
        // always a prefix (nothing dropped) ending at a word boundary.
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/content");
        let mut files = vec![std::path::PathBuf::from(root)];
        let mut paragraphs = Vec::new();
        while let Some(path) = files.pop() {
            if path.is_dir() {
                for e in std::fs::read_dir(&path).expect("content dir") {
                    files.push(e.expect("dir entry").path());
                }
            } else if path.to_string_lossy().ends_with(".mn.md") {
                let text = std::fs::read_to_string(&path).expect("page");
                let body = text.splitn(3, "---\n").nth(2).unwrap_or("");
                paragraphs.extend(
                    body.split("\n\n")
                        .map(|p| p.trim().replace('\n', " "))
                        // Raw Markdown: links and shortcodes are not text.
                        .filter(|p| {
                            p.contains(NNBSP) && !p.contains(|c: char| c.is_ascii_alphabetic())
                        }),
                );
            }
        }
        assert!(paragraphs.len() > 20, "{}", paragraphs.len());
        let mut cuts = 0;
        for p in &paragraphs {
            let chars: Vec<char> = p.chars().collect();
            for max in 40..chars.len().min(200) {
                let out = cut(p, max, true);
                let kept = out.strip_suffix('…').unwrap_or(&out);
                assert!(p.starts_with(kept), "{max}: {out:?} / {p:?}");
                let end = kept.chars().count();
                assert!(is_boundary(&chars, end), "{max}: {out:?}");
                cuts += 1;
            }
        }
        assert!(cuts > 1000, "{cuts}");
    }
}
