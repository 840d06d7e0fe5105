//! Script facts: which characters are Han, CJK punctuation, full-width forms,
//! Mongolian letters, punctuation and controls, or Cyrillic. Each class is defined
//! here once, as fixed Unicode ranges, for every stage that needs it (summaries,
//! search, language tagging, tag slugs, `check`). Depends on nothing in the crate.
//!
//! Ranges are whole blocks (planes 2 and 3 whole for Han), not the Script property
//! of one Unicode version: `themes/default/static/js/search.js` repeats the search
//! classes as regular expressions, and a fixed range means the same in Rust and in
//! every browser, whichever Unicode version each knows.

/// Mongolian free variation selector one (FVS1): picks a letter's first variant form.
pub const FVS1: char = '\u{180B}';
/// Mongolian free variation selector two (FVS2).
pub const FVS2: char = '\u{180C}';
/// Mongolian free variation selector three (FVS3).
pub const FVS3: char = '\u{180D}';
/// Mongolian vowel separator (MVS): between a stem and a final `a`/`e`, which then
/// takes its separated shape.
pub const MVS: char = '\u{180E}';
/// Mongolian free variation selector four (FVS4, Unicode 14).
pub const FVS4: char = '\u{180F}';
/// Zero width non-joiner: shows two letters unjoined.
pub const ZWNJ: char = '\u{200C}';
/// Zero width joiner: joins two letters that would not join.
pub const ZWJ: char = '\u{200D}';
/// Narrow no-break space: joins a Mongolian case suffix to its word (or number),
/// so the suffix keeps its joined shapes and no line breaks before it.
pub const NNBSP: char = '\u{202F}';

/// Han ideographs: CJK Unified Ideographs (U+4E00–U+9FFF), Extension A
/// (U+3400–U+4DBF), Compatibility Ideographs (U+F900–U+FAFF) and the whole of
/// planes 2 and 3 (U+20000–U+3FFFF: Extensions B–I, Compatibility Ideographs
/// Supplement, and the extensions still to come, which Unicode reserves there).
/// The Yijing hexagram symbols (U+4DC0–U+4DFF) between Extension A and the
/// unified block are symbols, not ideographs, and are left out; so are radicals,
/// strokes and the ideographic marks of U+3000–U+303F (see [`is_cjk_punctuation`]).
pub fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{3FFFF}'
    )
}

/// The CJK Symbols and Punctuation block (U+3000–U+303F): ideographic space,
/// `、。〈〉《》「」【】〔〕`, iteration marks (`々`) and the like. The vertical
/// and compatibility presentation forms (U+FE10–U+FE1F, U+FE30–U+FE4F) are left
/// out: text is written with the ordinary marks, and vertical layout picks their
/// vertical glyphs.
pub fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}')
}

/// The Halfwidth and Fullwidth Forms block (U+FF00–U+FFEF): full-width ASCII
/// (`，：；！？（）１Ａ`), half-width katakana and Hangul, full-width symbols.
pub fn is_fullwidth_form(c: char) -> bool {
    matches!(c, '\u{FF00}'..='\u{FFEF}')
}

/// Characters of Chinese text, which runs without spaces between words: Han
/// ([`is_han`]), CJK punctuation ([`is_cjk_punctuation`]) and full-width forms
/// ([`is_fullwidth_form`]). Kana and Hangul are not included: a site in Chinese
/// and Mongolian has no Japanese or Korean text to treat alike.
pub fn is_cjk(c: char) -> bool {
    is_han(c) || is_cjk_punctuation(c) || is_fullwidth_form(c)
}

/// Mongolian letters: the basic, Todo, Sibe and Manchu letters (U+1820–U+1878)
/// and the Ali Gali and extension letters (U+1880–U+18AA), the Mongolian block
/// without its punctuation, controls and digits (and without the unassigned
/// U+1879–U+187F).
pub fn is_mongolian_letter(c: char) -> bool {
    matches!(c, '\u{1820}'..='\u{1878}' | '\u{1880}'..='\u{18AA}')
}

/// Mongolian digits (U+1810–U+1819).
pub fn is_mongolian_digit(c: char) -> bool {
    matches!(c, '\u{1810}'..='\u{1819}')
}

/// Mongolian punctuation (U+1800–U+180A): birga, ellipsis, comma `᠂`, full stop
/// `᠃`, colon `᠄`, four dots, Todo soft hyphen, Sibe syllable boundary marker,
/// Manchu comma and full stop, nirugu. The ornamental birgas of the Mongolian
/// Supplement (U+11660–U+1167F) are left out.
pub fn is_mongolian_punctuation(c: char) -> bool {
    matches!(c, '\u{1800}'..='\u{180A}')
}

/// Free variation selectors FVS1–FVS4 (U+180B–U+180D, U+180F): each selects a
/// variant shape of the letter right before it. (U+180E between them is the MVS.)
pub fn is_fvs(c: char) -> bool {
    matches!(c, FVS1..=FVS3 | FVS4)
}

/// Controls that shape or join the letters around them: FVS1–FVS4, the MVS,
/// ZWNJ, ZWJ and the NNBSP. They belong to the word they are in: never trimmed,
/// collapsed, slugified away or cut before; search ignores them so a query
/// matches with or without them.
pub fn is_mongolian_control(c: char) -> bool {
    is_fvs(c) || matches!(c, MVS | ZWNJ | ZWJ | NNBSP)
}

/// Any assigned character of the Mongolian block (U+1800–U+18AF): letters,
/// digits, punctuation, free variation selectors and the MVS.
pub fn is_mongolian(c: char) -> bool {
    is_mongolian_letter(c)
        || is_mongolian_digit(c)
        || is_mongolian_punctuation(c)
        || is_fvs(c)
        || c == MVS
}

/// Cyrillic letters and marks: the Cyrillic block (U+0400–U+04FF, which holds
/// every letter of Mongolian Cyrillic, `Ө ө Ү ү` included) and Cyrillic
/// Supplement (U+0500–U+052F). `check` flags them inside traditional-script text,
/// where they come from typing with the wrong keyboard.
pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(f: fn(char) -> bool, cs: &[char]) -> Vec<bool> {
        cs.iter().map(|&c| f(c)).collect()
    }

    #[test]
    fn han_boundaries() {
        let inside = [
            '\u{3400}',
            '\u{4DBF}',
            '\u{4E00}',
            '金',
            '\u{9FFF}',
            '\u{F900}',
            '\u{FAFF}',
            '\u{20000}',
            '\u{2A6DF}',
            '\u{30000}',
            '\u{3FFFF}',
        ];
        assert!(
            inside.iter().all(|&c| is_han(c)),
            "{:?}",
            all(is_han, &inside)
        );
        let outside = [
            '\u{33FF}',
            '\u{4DC0}',
            '\u{4DFF}',
            '\u{A000}',
            '\u{F8FF}',
            '\u{FB00}',
            '\u{1FFFF}',
            '\u{40000}',
            '。',
            '々',
            '，',
            'a',
            'ᠠ',
        ];
        assert!(
            !outside.iter().any(|&c| is_han(c)),
            "{:?}",
            all(is_han, &outside)
        );
    }

    #[test]
    fn punctuation_and_fullwidth_boundaries() {
        for c in ['\u{3000}', '、', '。', '《', '】', '\u{303F}'] {
            assert!(is_cjk_punctuation(c), "{c:?}");
        }
        for c in ['\u{2FFF}', '\u{3040}', '\u{FE10}', '\u{FE30}', ',', '“'] {
            assert!(!is_cjk_punctuation(c), "{c:?}");
        }
        for c in ['\u{FF00}', '，', '：', '；', 'Ａ', '\u{FFEF}'] {
            assert!(is_fullwidth_form(c), "{c:?}");
        }
        for c in ['\u{FEFF}', '\u{FFF0}', '\u{FFFD}', ','] {
            assert!(!is_fullwidth_form(c), "{c:?}");
        }
    }

    #[test]
    fn cjk_is_han_punctuation_and_fullwidth() {
        for c in ['金', '\u{20000}', '。', '\u{3000}', '，', 'Ａ'] {
            assert!(is_cjk(c), "{c:?}");
        }
        for c in ['a', ' ', 'ᠠ', 'か', '한', '\u{4DC0}', '\u{2E80}', '“'] {
            assert!(!is_cjk(c), "{c:?}");
        }
    }

    #[test]
    fn mongolian_letter_boundaries() {
        for c in [
            '\u{1820}', 'ᠠ', '\u{1842}', '\u{1878}', '\u{1880}', '\u{1885}', '\u{18AA}',
        ] {
            assert!(is_mongolian_letter(c), "{c:?}");
        }
        for c in [
            '\u{181F}', '\u{1819}', '\u{1879}', '\u{187F}', '\u{18AB}', '\u{180E}', '᠃', 'а',
        ] {
            assert!(!is_mongolian_letter(c), "{c:?}");
        }
    }

    #[test]
    fn mongolian_punctuation_and_digits() {
        for c in ['\u{1800}', '᠂', '᠃', '᠄', '\u{180A}'] {
            assert!(is_mongolian_punctuation(c), "{c:?}");
        }
        for c in ['\u{17FF}', FVS1, '\u{11660}', '。', '.'] {
            assert!(!is_mongolian_punctuation(c), "{c:?}");
        }
        assert!(is_mongolian_digit('\u{1810}') && is_mongolian_digit('\u{1819}'));
        assert!(!is_mongolian_digit('\u{180F}') && !is_mongolian_digit('\u{181A}'));
    }

    #[test]
    fn controls_are_exactly_those_never_to_touch() {
        let controls: Vec<u32> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_mongolian_control(c))
            .map(u32::from)
            .collect();
        assert_eq!(
            controls,
            [0x180B, 0x180C, 0x180D, 0x180E, 0x180F, 0x200C, 0x200D, 0x202F]
        );
        let fvs: Vec<u32> = (0x1800..=0x18AFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_fvs(c))
            .map(u32::from)
            .collect();
        assert_eq!(fvs, [0x180B, 0x180C, 0x180D, 0x180F]);
        assert!(!is_fvs(MVS) && !is_fvs(NNBSP) && !is_fvs(ZWJ));
    }

    #[test]
    fn mongolian_is_the_assigned_block() {
        let block: Vec<u32> = (0x17F0..=0x18BFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_mongolian(c))
            .map(u32::from)
            .collect();
        let expected: Vec<u32> = (0x1800..=0x180F)
            .chain(0x1810..=0x1819)
            .chain(0x1820..=0x1878)
            .chain(0x1880..=0x18AA)
            .collect();
        assert_eq!(block, expected);
        // ZWJ, ZWNJ and NNBSP serve every script: controls, not Mongolian characters.
        assert!(!is_mongolian(NNBSP) && !is_mongolian(ZWJ) && !is_mongolian(ZWNJ));
    }

    #[test]
    fn cyrillic_boundaries() {
        for c in [
            '\u{0400}', 'а', 'Ө', 'ү', '\u{04FF}', '\u{0500}', '\u{052F}',
        ] {
            assert!(is_cyrillic(c), "{c:?}");
        }
        for c in ['\u{03FF}', '\u{0530}', 'a', 'ᠠ'] {
            assert!(!is_cyrillic(c), "{c:?}");
        }
    }
}
