use super::*;

const J: char = '\u{202F}';

/// (problem, line, column, suffix, stem, expected) of each mismatch.
fn found(text: &str, syntax: Syntax) -> Vec<(Problem, usize, usize, String, String, &'static str)> {
    check(text, syntax)
        .into_iter()
        .map(|m| (m.problem, m.line, m.column, m.suffix, m.stem, m.expected))
        .collect()
}

fn one(text: &str) -> (Problem, &'static str) {
    let f = found(text, Syntax::Markdown);
    assert_eq!(f.len(), 1, "{text:?}: {f:?}");
    (f[0].0, f[0].5)
}

fn fine(text: &str) {
    let f = found(text, Syntax::Markdown);
    assert!(f.is_empty(), "{text:?}: {f:?}");
}

#[test]
fn back_stem_with_a_front_ablative_is_found_at_its_place() {
    let text = format!("---\ntitle: x\n---\n\nᠪᠢᠳᠡ ᠶᠠᠳᠠᠭᠤ{J}ᠡᠴᠡ ᠭᠠᠷᠤᠨ᠎ᠠ᠃\n");
    assert_eq!(
        found(&text, Syntax::Markdown),
        [(
            Problem::Harmony,
            5,
            13,
            "ᠡᠴᠡ".to_string(),
            "ᠶᠠᠳᠠᠭᠤ".to_string(),
            "ᠠᠴᠠ"
        )]
    );
    let m = &check(&text, Syntax::Markdown)[0];
    assert_eq!(m.reason, "back vowels");
}

#[test]
fn forms_that_do_not_fit_the_last_letter() {
    assert_eq!(one(&format!("ᠰᠤᠮᠤ{J}ᠤᠨ\n")), (Problem::Form, "ᠶᠢᠨ"));
    assert_eq!(one(&format!("ᠠᠵᠢᠯ{J}ᠶᠢ\n")), (Problem::Form, "ᠢ"));
    assert_eq!(one(&format!("ᠤᠯᠤᠰ{J}ᠳᠤ\n")), (Problem::Form, "ᠲᠤ"));
    assert_eq!(one(&format!("ᠭᠡᠷ{J}ᠳᠦ\n")), (Problem::Form, "ᠲᠦ"));
    assert_eq!(one(&format!("ᠬᠦᠮᠦᠨ{J}ᠦᠨ\n")), (Problem::Form, "ᠦ"));
    assert_eq!(one(&format!("ᠠᠭᠤᠯᠠ{J}ᠢᠶᠠᠷ\n")), (Problem::Form, "ᠪᠠᠷ"));
    assert_eq!(one(&format!("ᠭᠠᠷ{J}ᠪᠠᠷ\n")), (Problem::Form, "ᠢᠶᠠᠷ"));
    assert_eq!(one(&format!("ᠡᠵᠢ{J}ᠢᠶᠡᠨ\n")), (Problem::Form, "ᠪᠡᠨ"));
    // Wrong in both ways: the form for the last letter, in the stem's class.
    assert_eq!(one(&format!("ᠰᠤᠮᠤ{J}ᠦᠨ\n")), (Problem::Form, "ᠶᠢᠨ"));
    let m = &check(&format!("ᠰᠤᠮᠤ{J}ᠤᠨ\n"), Syntax::Text)[0];
    assert_eq!((m.column, m.reason.as_str()), (6, "ending in a vowel"));
}

#[test]
fn vowel_classes() {
    // Only ᠢ, or ᠢ with front vowels: front.
    assert_eq!(one(&format!("ᠪᠢᠴᠢᠭ{J}ᠤᠨ\n")), (Problem::Harmony, "ᠦᠨ"));
    fine(&format!("ᠪᠢᠴᠢᠭ{J}ᠦᠨ ᠵᠢᠯ{J}ᠳᠦ ᠡᠵᠢ{J}ᠶᠢᠨ\n"));
    assert_eq!(one(&format!("ᠲᠥᠰᠥᠯ{J}ᠳᠤ\n")), (Problem::Harmony, "ᠳᠦ"));
    assert_eq!(one(&format!("ᠨᠠᠢᠵᠠ{J}ᠲᠡᠢ\n")), (Problem::Harmony, "ᠲᠠᠢ"));
    // Selectors and vowel separators are not letters.
    fine(&format!("ᠰᠠᠷ᠎ᠠ{J}ᠶᠢᠨ ᠪᠣᠳᠣᠯᠭ᠎ᠠ{J}ᠳᠤ ᠡᠭᠡᠯ᠎ᠡ{J}ᠪᠡᠷ\n"));
}

#[test]
fn suffixes_after_a_number_follow_its_last_numeral_word() {
    fine(&format!(
        "4{J}ᠳ᠋ᠦ᠋ᠭᠡᠷ 17{J}ᠤ 12{J}ᠳ᠋ᠤᠭᠠᠷ 2{J}ᠤᠨ 2{J}ᠲᠤ 15{J}ᠳᠤ 3.5{J}ᠠᠴᠠ 7.5%{J}ᠢᠶᠠᠷ 2017{J}ᠣᠨ\n"
    ));
    // After a number the genitive ᠤ is written whatever the vowels (`29 ᠤ ᠡᠳᠦᠷ`).
    fine(&format!("29{J}ᠤ 9{J}ᠦ\n"));
    let f = found(&format!("ᠣᠨ\n2017{J}ᠶᠢᠨ 19{J}ᠳ᠋ᠤᠭᠠᠷ 2{J}ᠤ\n"), Syntax::Text);
    assert_eq!(
        f,
        [
            (Problem::Form, 2, 6, "ᠶᠢᠨ".into(), "2017".into(), "ᠤ"),
            (
                Problem::Harmony,
                2,
                13,
                "ᠳ᠋ᠤᠭᠠᠷ".into(),
                "19".into(),
                "ᠳ᠋ᠦ᠋ᠭᠡᠷ"
            ),
            (Problem::Form, 2, 22, "ᠤ".into(), "2".into(), "ᠤᠨ"),
        ]
    );
    assert_eq!(
        check(&format!("19{J}ᠳ᠋ᠤᠭᠠᠷ\n"), Syntax::Text)[0].reason,
        "read with front vowels"
    );
    assert_eq!(
        check(&format!("2{J}ᠤ\n"), Syntax::Text)[0].reason,
        "read ending in ᠷ"
    );
    // 3.4 ends in dörben; 1,200 is one number (…jaγun), not 200 after a 1.
    assert_eq!(one(&format!("3.4{J}ᠳ᠋ᠤᠭᠠᠷ\n")), (Problem::Harmony, "ᠳ᠋ᠦ᠋ᠭᠡᠷ"));
    assert_eq!(one(&format!("1,200{J}ᠡᠴᠡ\n")), (Problem::Harmony, "ᠠᠴᠠ"));
    assert_eq!(one(&format!("᠑᠙{J}ᠠᠴᠠ\n")), (Problem::Harmony, "ᠡᠴᠡ"));
    // Not sure how they are read: a decimal ending in 0, zero.
    fine(&format!("3.50{J}ᠳ᠋ᠦ᠋ᠭᠡᠷ 0{J}ᠡᠴᠡ\n"));
}

#[test]
fn number_values() {
    assert_eq!(number_value("3.5"), Some(5));
    assert_eq!(number_value("7.25%"), Some(5));
    assert_eq!(number_value("1,200"), Some(1200));
    assert_eq!(number_value("12,000"), Some(12000));
    assert_eq!(
        number_value("3,4"),
        Some(4),
        "a list, not a thousands separator"
    );
    assert_eq!(number_value("2017"), Some(2017));
    assert_eq!(number_value("᠒᠐᠑᠗"), Some(2017));
    assert_eq!(number_value("3.0"), None);
    assert_eq!(number_value("0"), None);
    assert_eq!(number_value("%"), None);
}

#[test]
fn a_suffix_after_a_plain_space_is_judged_too() {
    assert_eq!(one("ᠶᠠᠳᠠᠭᠤ ᠡᠴᠡ\n"), (Problem::Harmony, "ᠠᠴᠠ"));
    assert_eq!(one("17 ᠶᠢᠨ\n"), (Problem::Form, "ᠤ"));
}

#[test]
fn chains_of_suffixes_keep_the_first_words_vowels() {
    fine(&format!("ᠥᠪᠡᠷ{J}ᠦᠨ{J}ᠪᠡᠨ ᠮᠣᠩᠭᠣᠯ{J}ᠤᠨ{J}ᠪᠠᠨ\n"));
    assert_eq!(
        one(&format!("ᠮᠣᠩᠭᠣᠯ{J}ᠤᠨ{J}ᠪᠡᠨ\n")),
        (Problem::Harmony, "ᠪᠠᠨ")
    );
    let f = found(&format!("ᠮᠣᠩᠭᠣᠯ{J}ᠤᠨ{J}ᠪᠡᠨ\n"), Syntax::Text);
    assert_eq!(f[0].4, format!("ᠮᠣᠩᠭᠣᠯ{J}ᠤᠨ"));
}

#[test]
fn near_misses_are_not_reported() {
    for text in [
        "---\ntitle: 中文\n---\n\n贫困人口 减少 2015 年，占 7.5% 。\n".to_string(),
        format!("`ᠶᠠᠳᠠᠭᠤ`{J}ᠡᠴᠡ\n"),
        format!("`ᠶᠠᠳᠠᠭᠤ{J}ᠡᠴᠡ`\n"),
        format!("```\nᠶᠠᠳᠠᠭᠤ{J}ᠡᠴᠡ\n```\n"),
        format!("https://e.org/ᠶᠠᠳᠠᠭᠤ{J}ᠡᠴᠡ\n"),
        format!("<a title=\"ᠶᠠᠳᠠᠭᠤ{J}ᠡᠴᠡ\">x</a>\n"),
        format!("2017{J}ᠣᠨ ᠡᠳᠦᠷ ᠣᠨ\n"),     // ᠣᠨ (year) is a word
        format!("ᠰᠤᠮᠤ ᠶᠢᠨᠢ ᠰᠤᠮᠤ{J}ᠡᠴᠡᠭ\n"), // words that start like suffixes
        format!("ᠲᠧᠯᠧᠸᠢᠽᠣᠷ{J}ᠤᠨ ᠺᠣᠮᠫᠢᠦᠲᠧᠷ{J}ᠦᠨ\n"), // loan words: the last vowel
        format!("ᠫᠠᠷᠲ{J}ᠳᠤ\n"),             // a final ᠲ: the form is not judged
        "title: ᠡᠴᠡ\n".to_string(),         // after a YAML key
        format!("**ᠶᠠᠳᠠᠭᠤ**{J}ᠡᠴᠡ {{{{ x }}}}{J}ᠢ\n"), // no Mongolian letter before
        "ᠶᠠᠳᠠᠭᠤ\nᠡᠴᠡ\n".to_string(),        // across lines
        format!("ᠡᠮᠦᠨᠡᠬᠢ{J}ᠳᠤᠭᠠᠷ\n"),       // ᠳᠤᠭᠠᠷ "issue" after a word is a noun
    ] {
        fine(&text);
    }
    // A final ᠲ leaves the form unjudged, not the vowels.
    assert_eq!(one(&format!("ᠫᠠᠷᠲ{J}ᠳᠦ\n")), (Problem::Harmony, "ᠳᠤ"));
}
