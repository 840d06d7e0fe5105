//! The Mongolian case suffixes (and suffix-like particles) that are written as
//! separate words but must be joined to the word or number before them with
//! U+202F. One table, for a reviewer to correct: add or remove a word here and
//! `check` and `check --fix` follow.

use crate::script::{is_fvs, MVS, ZWJ, ZWNJ};

/// Each suffix as typed, variation selectors included where it is usually written
/// with them; [`is_suffix`] compares words with FVS, MVS, ZWJ and ZWNJ stripped.
pub const SUFFIXES: &[(&str, &str)] = &[
    ("ᠤᠨ", "genitive after n"),
    ("ᠦᠨ", "genitive after n"),
    ("ᠶᠢᠨ", "genitive after a vowel"),
    ("ᠤ", "genitive after a consonant"),
    ("ᠦ", "genitive after a consonant"),
    ("ᠢ", "accusative after a consonant"),
    ("ᠶᠢ", "accusative after a vowel"),
    ("ᠳᠤ", "dative-locative"),
    ("ᠲᠤ", "dative-locative"),
    ("ᠳᠦ", "dative-locative"),
    ("ᠲᠦ", "dative-locative"),
    ("ᠠᠴᠠ", "ablative"),
    ("ᠡᠴᠡ", "ablative"),
    ("ᠪᠠᠷ", "instrumental after a vowel"),
    ("ᠪᠡᠷ", "instrumental after a vowel"),
    ("ᠢᠶᠠᠷ", "instrumental after a consonant"),
    ("ᠢᠶᠡᠷ", "instrumental after a consonant"),
    ("ᠲᠠᠢ", "comitative"),
    ("ᠲᠡᠢ", "comitative"),
    ("ᠳᠠᠭᠠᠨ", "reflexive dative"),
    ("ᠳᠡᠭᠡᠨ", "reflexive dative"),
    ("ᠲᠠᠭᠠᠨ", "reflexive dative"),
    ("ᠲᠡᠭᠡᠨ", "reflexive dative"),
    ("ᠥᠭᠡᠨ", "reflexive accusative"),
    ("ᠣᠭᠠᠨ", "reflexive accusative"),
    ("ᠢᠶᠠᠨ", "reflexive accusative"),
    ("ᠢᠶᠡᠨ", "reflexive accusative"),
    ("ᠪᠠᠨ", "reflexive possessive"),
    ("ᠪᠡᠨ", "reflexive possessive"),
    ("ᠳᠠᠭᠠᠷ", "ordinal"),
    ("ᠳᠡᠭᠡᠷ", "ordinal"),
    ("ᠲᠠᠭᠠᠷ", "ordinal"),
    ("ᠲᠡᠭᠡᠷ", "ordinal"),
    ("ᠳ᠋ᠤᠭᠠᠷ", "ordinal (back vowels)"),
    ("ᠳ᠋ᠦ᠋ᠭᠡᠷ", "ordinal (front vowels)"),
];

/// `word` without the controls that only change letter shapes (FVS1–FVS4, MVS,
/// ZWJ, ZWNJ), so `ᠳ᠋ᠤᠭᠠᠷ` and `ᠳᠤᠭᠠᠷ` compare equal.
pub fn strip_shaping(word: &str) -> String {
    word.chars()
        .filter(|&c| !is_fvs(c) && !matches!(c, MVS | ZWJ | ZWNJ))
        .collect()
}

/// Whether the whole of `word` is one of the [`SUFFIXES`] (shaping controls ignored).
pub fn is_suffix(word: &str) -> bool {
    let bare = strip_shaping(word);
    !bare.is_empty() && SUFFIXES.iter().any(|(s, _)| strip_shaping(s) == bare)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_with_selectors_ignored() {
        assert!(is_suffix("ᠶᠢᠨ"));
        assert!(is_suffix("ᠳ᠋ᠤᠭᠠᠷ"));
        assert!(is_suffix("ᠳᠦᠭᠡᠷ"));
        assert!(is_suffix("ᠳ᠋ᠦ᠋ᠭᠡᠷ"));
        assert!(!is_suffix("ᠶᠢᠨᠢ"), "starts like a suffix, is not one");
        assert!(!is_suffix("ᠤᠨᠳᠤᠷ"));
        assert!(!is_suffix("ᠣᠨ"), "ᠣᠨ (year) is a word");
        assert!(!is_suffix(""));
    }

    #[test]
    fn every_entry_is_mongolian_letters_and_selectors() {
        for (s, _) in SUFFIXES {
            assert!(
                s.chars()
                    .all(|c| crate::script::is_mongolian_letter(c) || is_fvs(c)),
                "{s:?}"
            );
        }
    }
}
