//! The offending line of a file, quoted with a caret under the column (pure).

use unicode_width::UnicodeWidthChar;

/// Spaces a tab is shown as: the terminal's tab stops would put the caret in
/// the wrong place.
const TAB: &str = "    ";

/// Line `line` (1-based) of `src` with a caret under character `column`
/// (1-based; 0 puts it under the first non-blank character), numbered
/// `shown_line` (its line in the whole file). Wide characters (Chinese) take
/// two columns, so the caret stands under the right one. `None` when `src`
/// has no such line.
///
/// ```text
///    3 | title: 报告: 2016
///      |          ^
/// ```
pub fn excerpt(src: &str, line: usize, column: usize, shown_line: usize) -> Option<String> {
    let text = src.lines().nth(line.checked_sub(1)?)?;
    let column = if column == 0 {
        text.chars().take_while(|c| *c == ' ').count() + 1
    } else {
        column
    };
    let mut shown = String::new();
    let mut caret_at = None;
    let mut width = 0;
    for (i, c) in text.chars().enumerate() {
        if i + 1 == column {
            caret_at = Some(width);
        }
        if c == '\t' {
            shown.push_str(TAB);
            width += TAB.len();
        } else {
            shown.push(c);
            width += c.width().unwrap_or(0);
        }
    }
    // A column past the end (a missing closing quote) points just after it.
    let caret_at = caret_at.unwrap_or(width);
    let number = shown_line.to_string();
    let gutter = " ".repeat(number.len());
    Some(format!(
        "{number} | {}\n{gutter} | {}^",
        shown.trim_end(),
        " ".repeat(caret_at)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_under_the_column() {
        let src = "a: 1\ntitle: x: y\n";
        assert_eq!(
            excerpt(src, 2, 9, 3).as_deref(),
            Some("3 | title: x: y\n  |         ^")
        );
    }

    #[test]
    fn wide_characters_take_two_columns() {
        // The caret goes under `:` after two Chinese characters (4 columns).
        let src = "title: 报告: 2016\n";
        assert_eq!(
            excerpt(src, 1, 10, 12).as_deref(),
            Some("12 | title: 报告: 2016\n   |            ^")
        );
    }

    #[test]
    fn mongolian_letters_take_one_column_and_controls_none() {
        // ᠤ + NNBSP + ᠨ, then `:` at character 4 sits at display column 3
        // (the narrow no-break space is one column, the FVS none).
        let src = "ᠤ\u{180B}\u{202F}ᠨ: x";
        assert_eq!(
            excerpt(src, 1, 5, 1).as_deref(),
            Some("1 | ᠤ\u{180B}\u{202F}ᠨ: x\n  |    ^")
        );
    }

    #[test]
    fn tabs_are_shown_as_spaces_and_missing_lines_are_none() {
        assert_eq!(
            excerpt("a:\n\tb: 1\n", 2, 1, 2).as_deref(),
            Some("2 |     b: 1\n  | ^")
        );
        assert_eq!(
            excerpt("a: \"x\n", 1, 7, 1).as_deref(),
            Some("1 | a: \"x\n  |      ^")
        );
        assert_eq!(excerpt("a\n", 3, 1, 3), None);
        assert_eq!(excerpt("a\n", 0, 1, 0), None);
    }

    #[test]
    fn column_zero_points_at_the_first_character() {
        assert_eq!(
            excerpt("  key: 1\n", 1, 0, 1).as_deref(),
            Some("1 |   key: 1\n  |   ^")
        );
    }
}
