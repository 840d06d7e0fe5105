//! Vowel harmony and form of case suffixes: a suffix joined to its stem (with
//! U+202F, or with the plain space `scan` reports) must belong to the stem's
//! vowel class and be the form for the stem's last letter, as the rows of
//! [`super::suffixes::SUFFIXES`] say. After a number, the stem is the last
//! numeral word read aloud ([`crate::locale::last_word`]). Pure: text in,
//! findings out.

use super::scan::{prose_lines, skip_mask, Syntax};
use super::suffixes::{lookup, strip_shaping, Case, Suffix, Vowels, SUFFIXES, VOWEL_LETTERS};
use crate::locale::{last_word, Ending, Harmony};
use crate::script::{is_fvs, is_mongolian_digit, is_mongolian_letter, MVS, ZWJ, ZWNJ};

/// What is wrong with a suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Its vowel class is not the stem's.
    Harmony,
    /// It is not the form for the stem's last letter.
    Form,
}

/// A suffix that does not fit its stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// What is wrong.
    pub problem: Problem,
    /// 1-based line.
    pub line: usize,
    /// 1-based column of the suffix's first character.
    pub column: usize,
    /// The suffix as written.
    pub suffix: String,
    /// The stem as written (a number, a word, or a word with suffixes).
    pub stem: String,
    /// The form that fits.
    pub expected: &'static str,
    /// Why, for the message: `back vowels`, `ends in ᠯ`, `read with front vowels`…
    pub reason: String,
}

fn is_shaping(c: char) -> bool {
    is_fvs(c) || matches!(c, MVS | ZWJ | ZWNJ)
}

fn is_word_char(c: char) -> bool {
    is_mongolian_letter(c) || is_shaping(c)
}

/// What a suffix is judged against.
struct Stem {
    vowels: Harmony,
    last: char,
    number: bool,
}

/// The vowel class of a word: that of its last non-neutral vowel. Native words
/// have one class; loan words may mix them, and it is the last vowel that the
/// suffix follows. A word with only ᠢ is front. `None`: no vowel at all.
fn class_of(bare: &str) -> Option<Harmony> {
    let mut neutral = false;
    for c in bare.chars().rev() {
        match c {
            'ᠠ' | 'ᠣ' | 'ᠤ' => return Some(Harmony::Back),
            'ᠡ' | 'ᠥ' | 'ᠦ' | 'ᠧ' => return Some(Harmony::Front),
            'ᠢ' => neutral = true,
            _ => {}
        }
    }
    neutral.then_some(Harmony::Front)
}

/// The value of the number ending at `digits` as read aloud for its last
/// word: `3.5`, `7.5%` → 5, `1,200` → 1200 (thousands separators are not
/// another number), `2016-2020` → 2020. `None` when the reading is not sure:
/// a decimal ending in 0 (read digit by digit or as a fraction), zero.
fn number_value(token: &str) -> Option<u64> {
    let token = token.trim_end_matches('%');
    let digits: String = token
        .chars()
        .map(|c| {
            if is_mongolian_digit(c) {
                char::from_digit(u32::from(c) - 0x1810, 10).unwrap_or(c)
            } else {
                c
            }
        })
        .collect();
    let (int, frac) = match digits.rsplit_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits.as_str(), None),
    };
    if let Some(f) = frac {
        // Both readings (digit by digit, or as a fraction) end with the last
        // digit's word unless that digit is 0.
        let last = f.chars().last()?.to_digit(10)?;
        return (last != 0).then_some(u64::from(last));
    }
    let groups: Vec<&str> = int.split(',').collect();
    let grouped = groups.len() > 1
        && !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3);
    let int: String = if grouped {
        groups.concat()
    } else {
        groups.last().map_or("", |g| g).to_string()
    };
    if int.is_empty() || int.len() > 18 || !int.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    int.parse::<u64>().ok().filter(|&n| n != 0)
}

fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || is_mongolian_digit(c) || matches!(c, ',' | '.' | '%')
}

/// The stem ending just before `end` (exclusive) on the line: its start, and
/// how it reads. A word that is itself a suffix joined to the word before is
/// taken together with it (`ᠥᠪᠡᠷ ᠦᠨ` + ᠪᠡᠨ): the class is the chain's, the
/// last letter the last word's.
fn stem_before(chars: &[char], mask: &[bool], end: usize) -> Option<(usize, Stem)> {
    let last_real = chars[..end].iter().rposition(|&c| !is_shaping(c))?;
    if mask[last_real] {
        return None;
    }
    let c = chars[last_real];
    if c.is_ascii_digit() || is_mongolian_digit(c) || c == '%' {
        let start = chars[..end]
            .iter()
            .rposition(|&k| !is_number_char(k))
            .map_or(0, |k| k + 1);
        let token: String = chars[start..end].iter().collect();
        let (vowels, ending) = last_word(number_value(&token)?);
        let last = match ending {
            Ending::N => 'ᠨ',
            Ending::Consonant => 'ᠷ',
        };
        // A leading `,` or `.` is punctuation before the number, not part of it.
        let start = start
            + chars[start..end]
                .iter()
                .take_while(|&&k| matches!(k, ',' | '.'))
                .count();
        return Some((
            start,
            Stem {
                vowels,
                last,
                number: true,
            },
        ));
    }
    if !is_mongolian_letter(c) {
        return None;
    }
    let word_start = |to: usize| {
        chars[..to]
            .iter()
            .rposition(|&k| !is_word_char(k))
            .map_or(0, |k| k + 1)
    };
    let mut start = word_start(end);
    if mask[start..end].iter().any(|&m| m) {
        return None;
    }
    let last_word: String = chars[start..end].iter().collect();
    let last = strip_shaping(&last_word).chars().last()?;
    // Extend over a chain of suffixes joined to the word before.
    loop {
        let word: String = chars[start..end]
            .iter()
            .take_while(|&&k| is_word_char(k))
            .collect();
        if start == 0
            || chars[start - 1] != crate::script::NNBSP
            || !super::suffixes::is_suffix(&word)
        {
            break;
        }
        let before = start - 1;
        if before == 0 || !is_word_char(chars[before - 1]) || mask[before - 1] {
            break;
        }
        start = word_start(before);
    }
    let chain: String = chars[start..end].iter().collect();
    let vowels = class_of(&strip_shaping(&chain))?;
    Some((
        start,
        Stem {
            vowels,
            last,
            number: false,
        },
    ))
}

fn class_fits(v: Vowels, h: Harmony) -> bool {
    matches!(
        (v, h),
        (Vowels::Any, _) | (Vowels::Back, Harmony::Back) | (Vowels::Front, Harmony::Front)
    )
}

/// The form `written` should have after `stem`, and what is wrong, or `None`
/// when it fits (or when the table has no single form to offer).
fn judge(written: &Suffix, stem: &Stem) -> Option<(Problem, &'static Suffix)> {
    // After a number the genitive ᠤ/ᠤᠨ is written whatever the numeral's vowels
    // (`29 ᠤ ᠡᠳᠦᠷ` on official pages, and `locale::format_date`), ᠦ accepted.
    if written.case.only_after_numbers() && !stem.number {
        return None;
    }
    let lenient = stem.number && written.case == Case::Genitive;
    let want = if lenient { Harmony::Back } else { stem.vowels };
    let admits = |s: &Suffix| s.after.is_none_or(|a| a.contains(stem.last));
    // A final letter no form of the case admits (a loan word's ᠲ before the
    // dative) leaves the form unjudged; the vowel class is still judged.
    let covered = SUFFIXES.iter().any(|s| s.case == written.case && admits(s));
    let form_ok = |s: &Suffix| !covered || admits(s);
    let fits = |s: &Suffix, h: Harmony| class_fits(s.vowels, h) && form_ok(s);
    if fits(written, stem.vowels) || (lenient && form_ok(written)) {
        return None;
    }
    let mut candidates: Vec<&'static Suffix> = SUFFIXES
        .iter()
        .filter(|s| s.case == written.case && fits(s, want))
        .collect();
    if candidates.len() > 1 {
        // The counterpart of the written form in the other class.
        candidates.retain(|s| s.after == written.after);
    }
    let [expected] = candidates[..] else {
        return None;
    };
    let problem = if form_ok(written) {
        Problem::Harmony
    } else {
        Problem::Form
    };
    Some((problem, expected))
}

fn reason(problem: Problem, stem: &Stem) -> String {
    let vowels = match stem.vowels {
        Harmony::Back => "back vowels",
        Harmony::Front => "front vowels",
    };
    let read = if stem.number { "read " } else { "" };
    match problem {
        Problem::Harmony if stem.number => format!("read with {vowels}"),
        Problem::Harmony => vowels.to_string(),
        Problem::Form if VOWEL_LETTERS.contains(stem.last) => format!("{read}ending in a vowel"),
        Problem::Form => format!("{read}ending in {}", stem.last),
    }
}

/// Every suffix of `text` that does not fit its stem.
pub fn check(text: &str, syntax: Syntax) -> Vec<Mismatch> {
    let mut out = Vec::new();
    for (n, _, line) in prose_lines(text, syntax) {
        let chars: Vec<char> = line.chars().collect();
        let mask = skip_mask(&chars);
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_whitespace() || mask[i] || i == 0 {
                i += 1;
                continue;
            }
            let j = (i..chars.len())
                .find(|&k| !chars[k].is_whitespace() || mask[k])
                .unwrap_or(chars.len());
            let k = (j..chars.len())
                .find(|&k| mask[k] || !is_word_char(chars[k]))
                .unwrap_or(chars.len());
            let word: String = chars[j..k].iter().collect();
            let written = if k > j { lookup(&word) } else { None };
            let stem = written.and_then(|_| stem_before(&chars, &mask, i));
            if let (Some(written), Some((start, stem))) = (written, stem) {
                if let Some((problem, expected)) = judge(written, &stem) {
                    out.push(Mismatch {
                        problem,
                        line: n + 1,
                        column: j + 1,
                        suffix: word,
                        stem: chars[start..i].iter().collect(),
                        expected: expected.text,
                        reason: reason(problem, &stem),
                    });
                }
            }
            i = j.max(i + 1);
        }
    }
    out
}

#[cfg(test)]
#[path = "harmony_tests.rs"]
mod tests;
