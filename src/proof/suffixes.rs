//! The Mongolian case suffixes (and suffix-like particles) that are written as
//! separate words but must be joined to the word or number before them with
//! U+202F. One table, for a reviewer to correct: add or remove a row here and
//! `check` (the plain-space check and the harmony/form check) and `check --fix`
//! follow.
//!
//! Each row says which case it writes, which vowel class of stem it belongs to
//! and after which final letters of the stem it is the right form. The rules,
//! as in the grammars of written Mongolian (N. Poppe, *Grammar of Written
//! Mongolian*, the case chapters; J. Janhunen, *Mongolian*, 2012) and in the
//! suffix chooser of the `mongol_code` library (pub.dev/packages/mongol_code,
//! `Suffix.getSuffixYinUnU`, `getSuffixTuDu`: "TU after B, G, D, R, S. Others
//! are DU", `getSuffixYiI`; its `getSuffixBarIyar` returns the two forms the
//! other way round from its own comment and from the grammars, which we follow):
//! - genitive ᠶᠢᠨ after a vowel, ᠤ/ᠦ after ᠨ, ᠤᠨ/ᠦᠨ after another consonant;
//! - accusative ᠶᠢ after a vowel, ᠢ after a consonant;
//! - dative-locative ᠲᠤ/ᠲᠦ after ᠪ ᠭ ᠳ ᠷ ᠰ, ᠳᠤ/ᠳᠦ after a vowel or ᠯ ᠮ ᠨ ᠩ
//!   (other final letters, mostly of loan words, are left unjudged); the
//!   reflexive dative ᠲᠠᠭᠠᠨ/ᠳᠠᠭᠠᠨ alike;
//! - instrumental ᠪᠠᠷ/ᠪᠡᠷ after a vowel, ᠢᠶᠠᠷ/ᠢᠶᠡᠷ after a consonant;
//! - reflexive-possessive ᠢᠶᠠᠨ/ᠢᠶᠡᠨ only after a consonant; ᠪᠠᠨ/ᠪᠡᠨ is the
//!   form after a vowel, but whether it may follow a consonant is left open;
//! - ablative, comitative, ordinals and ᠣᠭᠠᠨ/ᠥᠭᠡᠨ: vowel class only (ordinals
//!   only after a number, see [`Case::only_after_numbers`]).

use crate::script::{is_fvs, MVS, ZWJ, ZWNJ};

/// The vowel class a suffix form belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vowels {
    /// After stems with back vowels (ᠠ ᠣ ᠤ).
    Back,
    /// After stems with front vowels (ᠡ ᠥ ᠦ, or only ᠢ).
    Front,
    /// After either.
    Any,
}

/// Which case (or particle) a suffix writes; the forms of one case are the
/// rows among which the expected form is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// ᠶᠢᠨ, ᠤ/ᠦ, ᠤᠨ/ᠦᠨ.
    Genitive,
    /// ᠶᠢ, ᠢ.
    Accusative,
    /// ᠳᠤ/ᠳᠦ, ᠲᠤ/ᠲᠦ.
    DativeLocative,
    /// ᠠᠴᠠ/ᠡᠴᠡ.
    Ablative,
    /// ᠪᠠᠷ/ᠪᠡᠷ, ᠢᠶᠠᠷ/ᠢᠶᠡᠷ.
    Instrumental,
    /// ᠲᠠᠢ/ᠲᠡᠢ.
    Comitative,
    /// ᠳᠠᠭᠠᠨ/ᠳᠡᠭᠡᠨ, ᠲᠠᠭᠠᠨ/ᠲᠡᠭᠡᠨ.
    ReflexiveDative,
    /// ᠣᠭᠠᠨ/ᠥᠭᠡᠨ.
    ReflexiveAccusative,
    /// ᠪᠠᠨ/ᠪᠡᠨ, ᠢᠶᠠᠨ/ᠢᠶᠡᠨ.
    ReflexivePossessive,
    /// ᠳ᠋ᠤᠭᠠᠷ/ᠳ᠋ᠦ᠋ᠭᠡᠷ, as `locale` writes them after numbers.
    Ordinal,
    /// ᠳᠠᠭᠠᠷ/ᠳᠡᠭᠡᠷ.
    OrdinalDa,
    /// ᠲᠠᠭᠠᠷ/ᠲᠡᠭᠡᠷ.
    OrdinalTa,
}

impl Case {
    /// Whether the case is judged only after a number: after a word, ᠳᠤᠭᠠᠷ is
    /// the noun "number, issue" (ᠡᠮᠦᠨᠡᠬᠢ ᠳᠤᠭᠠᠷ "the previous issue", always
    /// back), and ordinals of numeral words are written as one word
    /// (ᠭᠤᠷᠪᠠᠳᠤᠭᠠᠷ).
    pub fn only_after_numbers(self) -> bool {
        matches!(self, Case::Ordinal | Case::OrdinalDa | Case::OrdinalTa)
    }
}

/// One written form of a suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suffix {
    /// The form as typed, variation selectors included where it is usually
    /// written with them; [`is_suffix`] compares with FVS, MVS, ZWJ and ZWNJ
    /// stripped.
    pub text: &'static str,
    /// The case it writes.
    pub case: Case,
    /// The stems whose vowel class it follows.
    pub vowels: Vowels,
    /// The final letters of a stem after which this is the right form; `None`:
    /// after any.
    pub after: Option<&'static str>,
}

/// Vowel letters: a stem ending in one of them (ᠢ also in the diphthongs ai,
/// ei, oi, ui) "ends in a vowel".
pub const VOWEL_LETTERS: &str = "ᠠᠡᠢᠣᠤᠥᠦᠧ";
/// Consonants other than ᠨ after which the genitive is ᠤᠨ/ᠦᠨ (native and
/// loan-word finals; ᠶ and ᠸ, which close diphthongs, are left unjudged).
const CONSONANTS_NOT_N: &str = "ᠩᠪᠫᠬᠭᠮᠯᠰᠱᠲᠳᠴᠵᠷᠹᠺᠻᠼᠽᠾ";
/// Every consonant judged: [`CONSONANTS_NOT_N`] and ᠨ.
const CONSONANTS: &str = "ᠨᠩᠪᠫᠬᠭᠮᠯᠰᠱᠲᠳᠴᠵᠷᠹᠺᠻᠼᠽᠾ";
/// After these the dative-locative is ᠳᠤ/ᠳᠦ.
const DU_AFTER: &str = "ᠠᠡᠢᠣᠤᠥᠦᠧᠯᠮᠨᠩ";
/// After these the dative-locative is ᠲᠤ/ᠲᠦ.
const TU_AFTER: &str = "ᠪᠭᠳᠷᠰ";

const fn row(
    text: &'static str,
    case: Case,
    vowels: Vowels,
    after: Option<&'static str>,
) -> Suffix {
    Suffix {
        text,
        case,
        vowels,
        after,
    }
}

use Case::*;
use Vowels::{Any, Back, Front};

/// Every suffix form.
pub const SUFFIXES: &[Suffix] = &[
    row("ᠶᠢᠨ", Genitive, Any, Some(VOWEL_LETTERS)),
    row("ᠤ", Genitive, Back, Some("ᠨ")),
    row("ᠦ", Genitive, Front, Some("ᠨ")),
    row("ᠤᠨ", Genitive, Back, Some(CONSONANTS_NOT_N)),
    row("ᠦᠨ", Genitive, Front, Some(CONSONANTS_NOT_N)),
    row("ᠶᠢ", Accusative, Any, Some(VOWEL_LETTERS)),
    row("ᠢ", Accusative, Any, Some(CONSONANTS)),
    row("ᠳᠤ", DativeLocative, Back, Some(DU_AFTER)),
    row("ᠳᠦ", DativeLocative, Front, Some(DU_AFTER)),
    row("ᠲᠤ", DativeLocative, Back, Some(TU_AFTER)),
    row("ᠲᠦ", DativeLocative, Front, Some(TU_AFTER)),
    row("ᠠᠴᠠ", Ablative, Back, None),
    row("ᠡᠴᠡ", Ablative, Front, None),
    row("ᠪᠠᠷ", Instrumental, Back, Some(VOWEL_LETTERS)),
    row("ᠪᠡᠷ", Instrumental, Front, Some(VOWEL_LETTERS)),
    row("ᠢᠶᠠᠷ", Instrumental, Back, Some(CONSONANTS)),
    row("ᠢᠶᠡᠷ", Instrumental, Front, Some(CONSONANTS)),
    row("ᠲᠠᠢ", Comitative, Back, None),
    row("ᠲᠡᠢ", Comitative, Front, None),
    row("ᠳᠠᠭᠠᠨ", ReflexiveDative, Back, Some(DU_AFTER)),
    row("ᠳᠡᠭᠡᠨ", ReflexiveDative, Front, Some(DU_AFTER)),
    row("ᠲᠠᠭᠠᠨ", ReflexiveDative, Back, Some(TU_AFTER)),
    row("ᠲᠡᠭᠡᠨ", ReflexiveDative, Front, Some(TU_AFTER)),
    row("ᠣᠭᠠᠨ", ReflexiveAccusative, Back, None),
    row("ᠥᠭᠡᠨ", ReflexiveAccusative, Front, None),
    row("ᠢᠶᠠᠨ", ReflexivePossessive, Back, Some(CONSONANTS)),
    row("ᠢᠶᠡᠨ", ReflexivePossessive, Front, Some(CONSONANTS)),
    row("ᠪᠠᠨ", ReflexivePossessive, Back, None),
    row("ᠪᠡᠨ", ReflexivePossessive, Front, None),
    row("ᠳᠠᠭᠠᠷ", OrdinalDa, Back, None),
    row("ᠳᠡᠭᠡᠷ", OrdinalDa, Front, None),
    row("ᠲᠠᠭᠠᠷ", OrdinalTa, Back, None),
    row("ᠲᠡᠭᠡᠷ", OrdinalTa, Front, None),
    row("ᠳ᠋ᠤᠭᠠᠷ", Ordinal, Back, None),
    row("ᠳ᠋ᠦ᠋ᠭᠡᠷ", Ordinal, Front, None),
];

/// `word` without the controls that only change letter shapes (FVS1–FVS4, MVS,
/// ZWJ, ZWNJ), so `ᠳ᠋ᠤᠭᠠᠷ` and `ᠳᠤᠭᠠᠷ` compare equal.
pub fn strip_shaping(word: &str) -> String {
    word.chars()
        .filter(|&c| !is_fvs(c) && !matches!(c, MVS | ZWJ | ZWNJ))
        .collect()
}

/// The row of [`SUFFIXES`] that `word` is (shaping controls ignored).
pub fn lookup(word: &str) -> Option<&'static Suffix> {
    let bare = strip_shaping(word);
    if bare.is_empty() {
        return None;
    }
    SUFFIXES.iter().find(|s| strip_shaping(s.text) == bare)
}

/// Whether the whole of `word` is one of the [`SUFFIXES`] (shaping controls ignored).
pub fn is_suffix(word: &str) -> bool {
    lookup(word).is_some()
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
        assert_eq!(lookup("ᠳᠦᠭᠡᠷ").map(|s| s.vowels), Some(Vowels::Front));
    }

    #[test]
    fn every_entry_is_mongolian_letters_and_selectors_and_unique() {
        for s in SUFFIXES {
            assert!(
                s.text
                    .chars()
                    .all(|c| crate::script::is_mongolian_letter(c) || is_fvs(c)),
                "{s:?}"
            );
            assert_eq!(lookup(s.text), Some(s), "{s:?} is listed once");
        }
    }

    /// Each (case, vowel class, final letter) has at most one form, so the
    /// expected form is never ambiguous.
    #[test]
    fn one_form_per_case_class_and_final_letter() {
        for a in SUFFIXES {
            for b in SUFFIXES
                .iter()
                .filter(|b| b.case == a.case && b.text != a.text)
            {
                if a.vowels != b.vowels && a.vowels != Vowels::Any && b.vowels != Vowels::Any {
                    continue;
                }
                let (Some(x), Some(y)) = (a.after, b.after) else {
                    assert!(a.after.is_some() || b.after.is_some(), "{a:?} {b:?}");
                    continue;
                };
                assert!(!x.chars().any(|c| y.contains(c)), "{a:?} and {b:?} overlap");
            }
        }
    }
}
