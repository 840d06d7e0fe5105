//! Summaries cut from plain text by characters, CJK-aware. The text is plain (no
//! tags, entities decoded), so a cut can never fall inside a tag or an entity.

use crate::script::{is_cjk, is_mongolian_control, NNBSP};

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '᠃' | '!' | '?' | ';')
}

/// Cuts `text` to at most `max` characters (plus `…` when shortened). Prefers the
/// end of a sentence in the second half; in space-separated scripts (Latin,
/// Mongolian) cuts at a space; never separates a letter from a following joiner.
pub fn cut(text: &str, max: usize) -> String {
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
    if !is_cjk(chars[end - 1]) || !is_cjk(chars[end]) {
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
        assert_eq!(cut("  金融扶贫。 ", 10), "金融扶贫。");
    }

    #[test]
    fn cjk_is_cut_by_characters() {
        let s = "一二三四五六七八九十一二三四五";
        assert_eq!(cut(s, 10), "一二三四五六七八九十…");
    }

    #[test]
    fn prefers_sentence_end() {
        assert_eq!(cut("一二三四五六。七八九十一二三四", 10), "一二三四五六。");
    }

    #[test]
    fn latin_cuts_at_spaces() {
        assert_eq!(cut("alpha beta gamma delta", 13), "alpha beta…");
    }

    #[test]
    fn entities_are_plain_characters() {
        // `&amp;` arrives decoded as `&`: counted as one character, escaped later.
        assert_eq!(cut("a&b&c&d&e", 4), "a&b&…");
    }

    #[test]
    fn mongolian_joiners_stay_attached() {
        // Word ending in a free variation selector, then NNBSP + suffix.
        let word = "ᠭᠠᠵᠠᠷ\u{180B}\u{202F}ᠤᠨ";
        let text = format!("{word} {word} {word}");
        let out = cut(&text, 12);
        assert_eq!(out, format!("{word}…"));
        for c in [FVS1, NNBSP] {
            assert_eq!(out.matches(c).count(), 1);
        }
        // Without spaces, the cut still never lands before a joiner.
        let glued: String = "ᠠ\u{180B}".repeat(10);
        let out = cut(&glued, 5);
        assert!(!out.trim_end_matches('…').ends_with('ᠠ'), "{out:?}");
    }

    #[test]
    fn never_cuts_at_a_suffix_space() {
        // The last space of the window is the NNBSP before ᠤᠨ: the cut goes back
        // to the real space, keeping ᠭᠠᠵᠠᠷ whole and with its suffix.
        let text = "ᠠᠠᠠᠠᠠᠠᠠᠠ ᠭᠠᠵᠠᠷ\u{202F}ᠤᠨ ᠪᠠᠢᠨ᠎ᠠ";
        for max in 15..=17 {
            assert_eq!(cut(text, max), "ᠠᠠᠠᠠᠠᠠᠠᠠ…", "max {max}");
        }
        // A full word with its suffix fits: kept whole.
        assert_eq!(cut(text, 18), "ᠠᠠᠠᠠᠠᠠᠠᠠ ᠭᠠᠵᠠᠷ\u{202F}ᠤᠨ…");
    }
}
