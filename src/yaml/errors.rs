//! YAML parser messages turned into sentences an editor can act on (pure):
//! what is wrong in plain words, and how to fix it.

use crate::suggest::{self, Known};

/// A parse error explained: message, hint and the 1-based position (in the
/// YAML text) it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
    /// Line in the YAML text (0: unknown).
    pub line: usize,
    /// Column in characters (0: unknown).
    pub column: usize,
}

/// Explains serde_yaml's `raw` message (position suffix included) about
/// `line:column` of `src`.
pub fn explain(src: &str, raw: &str, line: usize, column: usize) -> Explained {
    let text = src.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let at = |message: String, hint: Option<String>| Explained {
        message,
        hint,
        line,
        column,
    };
    let char_at = text.chars().nth(column.saturating_sub(1));
    if raw.starts_with("found a tab character") || (is_token_error(raw) && char_at == Some('\t')) {
        return at(
            "a tab character: YAML is indented with spaces only".into(),
            Some("replace the tab with spaces (two per level)".into()),
        );
    }
    if is_token_error(raw) {
        // Markdown-style quoting of a backquote needs doubled backquotes.
        let shown = match char_at.unwrap_or('?') {
            '`' => "`` ` ``".to_string(),
            c => format!("`{c}`"),
        };
        return at(
            format!("a value cannot start with {shown} unless it is in quotes"),
            quoted(text).map(|q| format!("put the value in quotes: `{q}`")),
        );
    }
    if raw.starts_with("mapping values are not allowed") {
        let before: String = text.chars().take(column.saturating_sub(1)).collect();
        if before.contains(": ") {
            return at(
                "a colon followed by a space inside an unquoted value: YAML reads it as a new key"
                    .into(),
                Some(match quoted(text) {
                    Some(q) => format!("put the value in quotes: `{q}`"),
                    None => "put the value in quotes".into(),
                }),
            );
        }
        return at(
            "this line is indented further than the key above it, so YAML reads it as part of that key's value".into(),
            Some("start this key in the same column as the keys around it".into()),
        );
    }
    if raw.starts_with("did not find expected key") {
        return at(
            "this line's indentation does not match the lines above it".into(),
            Some("keys of one block start in the same column, and so do the `- ` items of a list; indent with spaces".into()),
        );
    }
    if raw.starts_with("found unexpected end of stream") && raw.contains("quoted scalar") {
        // Point at the quote that opens the value, not at the end of the file.
        let (qline, qcol) = second_position(raw).unwrap_or((line, column));
        let quote = src
            .lines()
            .nth(qline.saturating_sub(1))
            .and_then(|l| l.chars().nth(qcol.saturating_sub(1)))
            .unwrap_or('"');
        return Explained {
            message: format!("the quote `{quote}` that starts this value is never closed"),
            hint: Some(format!("add the closing `{quote}` at the end of the value")),
            line: qline,
            column: qcol,
        };
    }
    for (open, close) in [('[', ']'), ('{', '}')] {
        if raw.starts_with(&format!("did not find expected ',' or '{close}'")) {
            let (oline, ocol) = second_position(raw).unwrap_or((line, column));
            return Explained {
                message: format!("the `{open}` opened here is not closed"),
                hint: Some(format!(
                    "close it with `{close}` and separate its items with `, `; a value with a comma or `{close}` in it goes in quotes"
                )),
                line: oline,
                column: ocol,
            };
        }
    }
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        if let Some((key, expected)) = rest.split_once('`') {
            return at(format!("unknown key `{key}`"), key_hint(key, expected));
        }
    }
    if let Some(rest) = raw.strip_prefix("duplicate field `") {
        let key = rest.split('`').next().unwrap_or_default();
        return at(
            format!("key `{key}` is written twice"),
            Some("keep one of them".into()),
        );
    }
    let plain = strip_positions(raw);
    if let Some(e) = wrong_type(&plain) {
        // `[` and `{` open a list and a mapping even where text was meant.
        let value = text.split_once(": ").map_or("", |(_, v)| v.trim_start());
        let hint = (value.starts_with('[') || value.starts_with('{'))
            .then(|| quoted(text).map(|q| format!("a value starting with `[` or `{{` is a list or a mapping; if it is text, put it in quotes: `{q}`")))
            .flatten();
        return at(e, hint);
    }
    at(format!("invalid YAML: {plain}"), None)
}

fn is_token_error(raw: &str) -> bool {
    raw.starts_with("found character that cannot start any token")
}

/// The hint for an unknown key, from serde's "expected one of `a`, `b`" list.
fn key_hint(key: &str, expected: &str) -> Option<String> {
    let known: Vec<Known> = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(Known::name)
        .collect();
    let best = suggest::closest(key, known.iter().map(|k| k.name.as_str()));
    let best = best.and_then(|b| known.iter().find(|k| k.name == b));
    if let Some(b) = best.filter(|b| b.name.eq_ignore_ascii_case(key)) {
        return Some(format!(
            "did you mean `{}`? keys are written in lowercase",
            b.name
        ));
    }
    // A key with no near neighbour: list every valid key, whatever their number.
    match suggest::hint_with(best, "valid keys", &known) {
        Some(h) if best.is_some() || known.len() <= suggest::LIST_MAX => Some(h),
        _ => Some(format!(
            "valid keys: {}",
            suggest::list(known.iter().map(|k| k.name.as_str()))
        )),
    }
}

/// `key: "value"` for the `key: value` line `text`, with the value's own
/// quotes escaped; `None` when the line is not a plain `key: value`.
fn quoted(text: &str) -> Option<String> {
    let indent = text.len() - text.trim_start().len();
    let (key, value) = text.trim_start().split_once(": ")?;
    let value = value.trim();
    if key.is_empty() || value.is_empty() {
        return None;
    }
    let value = value.replace('\\', "\\\\").replace('"', "\\\"");
    Some(
        format!("{}{key}: \"{value}\"", &text[..indent])
            .trim_start()
            .to_string(),
    )
}

/// The second "at line N column M" of a libyaml message: where the construct
/// that failed (a quoted value, a `[`) started.
fn second_position(raw: &str) -> Option<(usize, usize)> {
    let mut found = raw.match_indices(" at line ").skip(1);
    let (i, _) = found.next()?;
    let rest = &raw[i + " at line ".len()..];
    let (line, rest) = rest.split_once(" column ")?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.parse().ok()?, column.parse().ok()?))
}

/// The message without libyaml's "at line N column M" parts.
fn strip_positions(raw: &str) -> String {
    let first = raw.split(", while ").next().unwrap_or(raw);
    match first.rfind(" at line ") {
        Some(i) => first[..i].to_string(),
        None => first.to_string(),
    }
}

/// "weight: invalid type: string \"heavy\", expected u32" in words.
fn wrong_type(plain: &str) -> Option<String> {
    let (field, rest) = match plain.split_once(": invalid type: ") {
        Some((f, r)) => (Some(f), r),
        None => (None, plain.strip_prefix("invalid type: ")?),
    };
    let (found, expected) = rest.rsplit_once(", expected ")?;
    let expected = match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" => "a whole number",
        "f32" | "f64" => "a number",
        "a boolean" => "`true` or `false`",
        other => other,
    };
    let found = match found {
        "sequence" => "a list".to_string(),
        "map" => "a block of `key: value` lines".to_string(),
        "unit value" => "nothing".to_string(),
        other => other
            .strip_prefix("string ")
            .map_or_else(|| other.to_string(), |s| format!("the text {s}")),
    };
    // serde_yaml names list items `.[0].mn`.
    let field = field.map(|f| f.trim_start_matches('.'));
    Some(match field {
        Some(f) => format!("`{f}` should be {expected}, not {found}"),
        None => format!("expected {expected}, found {found}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(src: &str, raw: &str, line: usize, column: usize) -> Explained {
        explain(src, raw, line, column)
    }

    #[test]
    fn a_colon_in_a_value_is_told_to_be_quoted() {
        let e = ex(
            "title: 报告: 2016\n",
            "mapping values are not allowed in this context at line 1 column 10",
            1,
            10,
        );
        assert_eq!(
            e.message,
            "a colon followed by a space inside an unquoted value: YAML reads it as a new key"
        );
        assert_eq!(
            e.hint.as_deref(),
            Some("put the value in quotes: `title: \"报告: 2016\"`")
        );
    }

    #[test]
    fn a_key_indented_too_far_is_an_indentation_problem() {
        let e = ex(
            "title: a\n  weight: 3\n",
            "mapping values are not allowed in this context at line 2 column 9",
            2,
            9,
        );
        assert!(
            e.message.starts_with("this line is indented further"),
            "{e:?}"
        );
    }

    #[test]
    fn a_tab_and_a_bad_first_character() {
        let raw = "found character that cannot start any token at line 2 column 1, while scanning for the next token at line 1 column 1";
        let e = ex("a: 1\n\tb: 2\n", raw, 2, 1);
        assert_eq!(
            e.message,
            "a tab character: YAML is indented with spaces only"
        );
        let e = ex("title: @x\n", raw, 1, 8);
        assert_eq!(
            e.message,
            "a value cannot start with `@` unless it is in quotes"
        );
        assert_eq!(
            e.hint.as_deref(),
            Some("put the value in quotes: `title: \"@x\"`")
        );
    }

    #[test]
    fn an_unclosed_quote_points_at_the_quote() {
        let raw = "found unexpected end of stream at line 3 column 1, while scanning a quoted scalar at line 1 column 8";
        let e = ex("title: \"abc\nweight: 2\n", raw, 3, 1);
        assert_eq!((e.line, e.column), (1, 8));
        assert_eq!(
            e.message,
            "the quote `\"` that starts this value is never closed"
        );
        assert_eq!(
            e.hint.as_deref(),
            Some("add the closing `\"` at the end of the value")
        );
    }

    #[test]
    fn an_unknown_key_names_its_valid_neighbour() {
        let raw =
            "unknown field `Weight`, expected one of `title`, `weight`, `date` at line 2 column 1";
        let e = ex("title: a\nWeight: 3\n", raw, 2, 1);
        assert_eq!(e.message, "unknown key `Weight`");
        assert_eq!(
            e.hint.as_deref(),
            Some("did you mean `weight`? keys are written in lowercase")
        );
        let raw =
            "unknown field `wieght`, expected one of `title`, `weight`, `date` at line 2 column 1";
        let e = ex("title: a\nwieght: 3\n", raw, 2, 1);
        assert_eq!(
            e.hint.as_deref(),
            Some("did you mean `weight`? valid keys: `title`, `weight`, `date`")
        );
    }

    #[test]
    fn a_wrong_type_is_said_in_words() {
        let raw = "weight: invalid type: string \"heavy\", expected u32 at line 3 column 9";
        let e = ex("", raw, 3, 9);
        assert_eq!(
            e.message,
            "`weight` should be a whole number, not the text \"heavy\""
        );
    }

    #[test]
    fn text_starting_with_a_bracket_is_told_to_be_quoted() {
        let raw = "home: invalid type: sequence, expected a string at line 2 column 7";
        let e = ex("toc: 目录\nhome: [unclosed\n", raw, 2, 7);
        assert_eq!(e.message, "`home` should be a string, not a list");
        assert_eq!(
            e.hint.as_deref(),
            Some("a value starting with `[` or `{` is a list or a mapping; if it is text, put it in quotes: `home: \"[unclosed\"`")
        );
    }

    #[test]
    fn other_messages_keep_the_parser_words() {
        let e = ex(
            "",
            "something odd at line 1 column 2, while parsing x at line 1 column 1",
            1,
            2,
        );
        assert_eq!(e.message, "invalid YAML: something odd");
    }
}
