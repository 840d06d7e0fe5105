//! Dates and numbers written per language, from small tables plus UI strings.
//!
//! No locale data exists for traditional Mongolian (ICU treats `mn` as Cyrillic), so
//! the rules live here: Western digits, year–month–day, and the suffix after a
//! numeral chosen by the vowel harmony and final sound of its last numeral word.

use crate::content::date::Date;
use crate::i18n::Strings;
use crate::script::NNBSP;

/// How a language writes dates and numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `2017年10月17日`, `55.6万人`.
    Chinese,
    /// `2017 ᠣᠨ ᠤ 10 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 17 ᠤ ᠡᠳᠦᠷ`, `55.6 ᠲᠦᠮᠡ ᠬᠦᠮᠦᠨ`.
    Mongolian,
    /// ISO dates, plain numbers.
    Plain,
}

impl Style {
    /// The style for a BCP 47 tag (`zh-Hans` → Chinese, `mn-Mong` → Mongolian).
    pub fn for_tag(tag: &str) -> Style {
        let lower = tag.to_ascii_lowercase();
        if lower == "zh" || lower.starts_with("zh-") {
            Style::Chinese
        } else if lower.starts_with("mn-mong") {
            Style::Mongolian
        } else {
            Style::Plain
        }
    }
}

/// Vowel class of a Mongolian word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Harmony {
    /// ᠠ ᠣ ᠤ.
    Back,
    /// ᠡ ᠥ ᠦ (and words with only ᠢ).
    Front,
}

/// How a numeral word ends (it decides the genitive suffix).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ending {
    /// -n: every numeral word but qoyar.
    N,
    /// -r: qoyar (2), the only numeral word ending in another consonant.
    Consonant,
}

/// Numeral words 1–9 (nigen, qoyar, γurban, dörben, tabun, jirγuγan, doloγan,
/// naiman, yisün).
const UNITS: [(Harmony, Ending); 9] = [
    (Harmony::Front, Ending::N),
    (Harmony::Back, Ending::Consonant),
    (Harmony::Back, Ending::N),
    (Harmony::Front, Ending::N),
    (Harmony::Back, Ending::N),
    (Harmony::Back, Ending::N),
    (Harmony::Back, Ending::N),
    (Harmony::Back, Ending::N),
    (Harmony::Front, Ending::N),
];

/// Tens 10–90 (arban, qorin, γučin, döčin, tabin, jiran, dalan, nayan, yeren).
const TENS: [Harmony; 9] = [
    Harmony::Back,
    Harmony::Back,
    Harmony::Back,
    Harmony::Front,
    Harmony::Back,
    Harmony::Back,
    Harmony::Back,
    Harmony::Back,
    Harmony::Front,
];

/// Larger units by power of ten: jaγun (10²), mingγan (10³), tümen (10⁴).
const POWERS: [(u64, Harmony); 3] = [
    (10_000, Harmony::Front),
    (1_000, Harmony::Back),
    (100, Harmony::Back),
];

/// The last numeral word of `n` as read aloud (also used by the proofing
/// check of suffixes written after a number).
pub(crate) fn last_word(n: u64) -> (Harmony, Ending) {
    if n % 10 != 0 {
        return UNITS[(n % 10 - 1) as usize];
    }
    if n % 100 != 0 {
        return (TENS[((n / 10) % 10 - 1) as usize], Ending::N);
    }
    POWERS
        .iter()
        .find(|(p, _)| n % p == 0 && n != 0)
        .map_or((Harmony::Back, Ending::N), |&(_, h)| (h, Ending::N))
}

/// Ordinal suffix table (harmony → suffix), as written on official pages:
/// `12 ᠳ᠋ᠤᠭᠠᠷ`, `19 ᠳ᠋ᠦ᠋ᠭᠡᠷ`.
fn ordinal_suffix(h: Harmony) -> &'static str {
    match h {
        Harmony::Back => "\u{1833}\u{180B}\u{1824}\u{182D}\u{1820}\u{1837}",
        Harmony::Front => "\u{1833}\u{180B}\u{1826}\u{180B}\u{182D}\u{1821}\u{1837}",
    }
}

/// Genitive suffix after a numeral: after -n one written form `ᠤ` (as in
/// `29 ᠤ ᠡᠳᠦᠷ`), after another consonant `ᠤᠨ` (qoyar-un).
fn genitive_suffix(e: Ending) -> &'static str {
    match e {
        Ending::N => "\u{1824}",
        Ending::Consonant => "\u{1824}\u{1828}",
    }
}

/// `n` with its ordinal suffix: Chinese `第6`, Mongolian `6 ᠳ᠋ᠤᠭᠠᠷ`.
pub fn ordinal(n: u64, style: Style) -> String {
    match style {
        Style::Chinese => format!("第{n}"),
        Style::Mongolian => format!("{n}{NNBSP}{}", ordinal_suffix(last_word(n).0)),
        Style::Plain => n.to_string(),
    }
}

fn word<'a>(strings: &'a Strings, key: &str, default: &'a str) -> &'a str {
    strings.get(key).map_or(default, String::as_str)
}

/// Writes a date: `2017年10月17日`, Mongolian year–month–day with suffixes, or ISO.
pub fn format_date(date: Date, style: Style, strings: &Strings) -> String {
    let (y, m, d) = (date.year(), u64::from(u8::from(date.month())), date.day());
    match style {
        Style::Chinese => format!(
            "{y}{}{m}{}{d}{}",
            word(strings, "date_year", "年"),
            word(strings, "date_month", "月"),
            word(strings, "date_day", "日")
        ),
        Style::Mongolian => format!(
            "{y} {} {} {} {d}{NNBSP}{} {}",
            word(strings, "date_year", "ᠣᠨ\u{202F}ᠤ"),
            ordinal(m, style),
            word(strings, "date_month", "ᠰᠠᠷ᠎ᠠ\u{202F}ᠶᠢᠨ"),
            genitive_suffix(last_word(u64::from(d)).1),
            word(strings, "date_day", "ᠡᠳᠦᠷ")
        ),
        Style::Plain => date.to_string(),
    }
}

/// Writes a number with `precision` decimals, without grouping (as the reports do).
pub fn format_number(value: f64, precision: usize) -> String {
    format!("{value:.precision$}")
}

/// A unit split into its scale (`万`, `亿`) and the counted thing (`人`, `元`).
fn split_unit(unit: &str) -> (Option<(&'static str, &'static str)>, &str) {
    match unit.chars().next() {
        Some('万') => (Some(("unit_wan", "ᠲᠦᠮᠡ")), &unit['万'.len_utf8()..]),
        Some('亿') => (Some(("unit_yi", "ᠲᠡᠷᠪᠤᠮ")), &unit['亿'.len_utf8()..]),
        _ => (None, unit),
    }
}

/// The UI string keys a language that translates units needs to write `unit`:
/// `万人` needs `unit_wan` and `unit_人`; `%` needs none.
pub fn unit_keys(unit: &str) -> Vec<String> {
    if unit == "%" || unit.is_empty() {
        return Vec::new();
    }
    let (scale, thing) = split_unit(unit);
    let mut keys: Vec<String> = scale.map(|(k, _)| k.to_string()).into_iter().collect();
    if !thing.is_empty() {
        keys.push(format!("unit_{thing}"));
    }
    keys
}

/// A Chinese unit (`万人`, `亿元`, `户`) written for a language: Chinese keeps it;
/// Mongolian (and any other language) writes the scale and the counted thing as words from the UI strings
/// (`unit_wan`, `unit_yi`, `unit_元`, `unit_人`…). The load refuses a data
/// column whose unit has no string ([`unit_keys`]), so the Chinese kept where no
/// word is defined only shows in code that bypasses it.
pub fn unit_label(unit: &str, style: Style, strings: &Strings) -> String {
    if style == Style::Chinese || unit == "%" {
        return unit.to_string();
    }
    let (scale, thing) = split_unit(unit);
    let scale = scale.map(|(key, fallback)| word(strings, key, fallback));
    let thing = if thing.is_empty() {
        None
    } else {
        Some(
            strings
                .get(&format!("unit_{thing}"))
                .map_or(thing, String::as_str),
        )
    };
    [scale, thing]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes an amount with its unit: `55.6万人`, `55.6 ᠲᠦᠮᠡ ᠬᠦᠮᠦᠨ`, `41.44%`.
pub fn format_amount(
    value: f64,
    precision: usize,
    unit: &str,
    style: Style,
    strings: &Strings,
) -> String {
    let number = format_number(value, precision);
    if unit == "%" || unit.is_empty() || style == Style::Chinese {
        return format!("{number}{unit}");
    }
    format!("{number} {}", unit_label(unit, style, strings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none() -> Strings {
        Strings::new()
    }

    fn day(text: &str) -> Date {
        crate::content::SourceDate::parse(text).unwrap().date()
    }

    #[test]
    fn styles_from_tags() {
        assert_eq!(Style::for_tag("zh-Hans"), Style::Chinese);
        assert_eq!(Style::for_tag("mn-Mong-CN"), Style::Mongolian);
        assert_eq!(Style::for_tag("mn"), Style::Plain, "plain mn is Cyrillic");
    }

    #[test]
    fn chinese_dates_and_amounts() {
        assert_eq!(
            format_date(day("2017-10-17"), Style::Chinese, &none()),
            "2017年10月17日"
        );
        assert_eq!(
            format_date(day("2017-01-05"), Style::Chinese, &none()),
            "2017年1月5日"
        );
        assert_eq!(
            format_amount(55.6, 1, "万人", Style::Chinese, &none()),
            "55.6万人"
        );
        assert_eq!(
            format_amount(18.75, 2, "亿元", Style::Chinese, &none()),
            "18.75亿元"
        );
        assert_eq!(
            format_amount(41.44, 2, "%", Style::Chinese, &none()),
            "41.44%"
        );
    }

    #[test]
    fn mongolian_ordinals_follow_the_last_numeral_word() {
        let back = "\u{1833}\u{180B}\u{1824}\u{182D}\u{1820}\u{1837}";
        let front = "\u{1833}\u{180B}\u{1826}\u{180B}\u{182D}\u{1821}\u{1837}";
        let table = [
            (1, front),
            (2, back),
            (4, front),
            (6, back),
            (9, front),
            (10, back),
            (12, back),
            (19, front),
            (40, front),
            (90, front),
            (100, back),
            (2017, back),
            (10_000, front),
        ];
        for (n, suffix) in table {
            assert_eq!(
                ordinal(n, Style::Mongolian),
                format!("{n}\u{202F}{suffix}"),
                "{n}"
            );
        }
    }

    #[test]
    fn mongolian_date() {
        let d = format_date(day("2015-06-29"), Style::Mongolian, &none());
        assert_eq!(
            d,
            "2015 ᠣᠨ\u{202F}ᠤ 6\u{202F}ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ\u{202F}ᠶᠢᠨ 29\u{202F}ᠤ ᠡᠳᠦᠷ"
        );
        // qoyar ends in r: the genitive is ᠤᠨ.
        assert!(
            format_date(day("2017-10-02"), Style::Mongolian, &none()).ends_with("2\u{202F}ᠤᠨ ᠡᠳᠦᠷ")
        );
        let strings = Strings::from([("date_day".to_string(), "X".to_string())]);
        assert!(
            format_date(day("2017-10-17"), Style::Mongolian, &strings).ends_with(" X"),
            "words come from i18n"
        );
    }

    #[test]
    fn mongolian_amounts_use_words() {
        let s = Strings::from([("unit_人".to_string(), "ᠬᠦᠮᠦᠨ".to_string())]);
        assert_eq!(
            format_amount(55.6, 1, "万人", Style::Mongolian, &s),
            "55.6 ᠲᠦᠮᠡ ᠬᠦᠮᠦᠨ"
        );
        assert_eq!(
            format_amount(18.75, 2, "亿元", Style::Mongolian, &s),
            "18.75 ᠲᠡᠷᠪᠤᠮ 元"
        );
        assert_eq!(format_amount(7.5, 1, "%", Style::Mongolian, &s), "7.5%");
    }

    #[test]
    fn unit_keys_name_scale_and_thing() {
        assert_eq!(unit_keys("万人"), ["unit_wan", "unit_人"]);
        assert_eq!(unit_keys("亿元"), ["unit_yi", "unit_元"]);
        assert_eq!(unit_keys("个百分点"), ["unit_个百分点"]);
        assert_eq!(unit_keys("万"), ["unit_wan"]);
        assert!(unit_keys("%").is_empty());
    }

    /// The strings the earlier, string-parsing formatter wrote, byte for byte.
    #[test]
    fn dates_as_written_before() {
        let table = [
            ("2017-10-17", Style::Chinese, "2017年10月17日"),
            ("2017-10-17", Style::Mongolian, "2017 ᠣᠨ\u{202F}ᠤ 10\u{202F}ᠳ\u{180B}ᠤᠭᠠᠷ ᠰᠠᠷ\u{180E}ᠠ\u{202F}ᠶᠢᠨ 17\u{202F}ᠤ ᠡᠳᠦᠷ"),
            ("2016-02-29", Style::Chinese, "2016年2月29日"),
            ("2016-02-29", Style::Mongolian, "2016 ᠣᠨ\u{202F}ᠤ 2\u{202F}ᠳ\u{180B}ᠤᠭᠠᠷ ᠰᠠᠷ\u{180E}ᠠ\u{202F}ᠶᠢᠨ 29\u{202F}ᠤ ᠡᠳᠦᠷ"),
            ("0017-01-05", Style::Chinese, "17年1月5日"),
            ("0017-01-05", Style::Mongolian, "17 ᠣᠨ\u{202F}ᠤ 1\u{202F}ᠳ\u{180B}ᠦ\u{180B}ᠭᠡᠷ ᠰᠠᠷ\u{180E}ᠠ\u{202F}ᠶᠢᠨ 5\u{202F}ᠤ ᠡᠳᠦᠷ"),
            ("2014-10-01", Style::Chinese, "2014年10月1日"),
            ("2014-10-01", Style::Mongolian, "2014 ᠣᠨ\u{202F}ᠤ 10\u{202F}ᠳ\u{180B}ᠤᠭᠠᠷ ᠰᠠᠷ\u{180E}ᠠ\u{202F}ᠶᠢᠨ 1\u{202F}ᠤ ᠡᠳᠦᠷ"),
            ("2017-11-30", Style::Chinese, "2017年11月30日"),
            ("2017-11-30", Style::Mongolian, "2017 ᠣᠨ\u{202F}ᠤ 11\u{202F}ᠳ\u{180B}ᠦ\u{180B}ᠭᠡᠷ ᠰᠠᠷ\u{180E}ᠠ\u{202F}ᠶᠢᠨ 30\u{202F}ᠤ ᠡᠳᠦᠷ"),
            ("2020-03-10", Style::Chinese, "2020年3月10日"),
            ("2020-03-10", Style::Mongolian, "2020 ᠣᠨ\u{202F}ᠤ 3\u{202F}ᠳ\u{180B}ᠤᠭᠠᠷ ᠰᠠᠷ\u{180E}ᠠ\u{202F}ᠶᠢᠨ 10\u{202F}ᠤ ᠡᠳᠦᠷ"),
        ];
        for (date, style, shown) in table {
            assert_eq!(
                format_date(day(date), style, &none()),
                shown,
                "{date} {style:?}"
            );
        }
        assert_eq!(
            format_date(day("0017-01-05"), Style::Plain, &none()),
            "0017-01-05"
        );
        assert_eq!(
            format_date(day("2016-02-29"), Style::Plain, &none()),
            "2016-02-29"
        );
    }
}
