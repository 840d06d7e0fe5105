//! Figures in step: a translation shows the same `{{ stat() }}` calls as its
//! original, repeats every number the original types in its prose, and types
//! none of the original's stat values by hand. Pure: bodies in, warnings out.
//!
//! Numbers are compared as written, thousand separators removed (`1,234` is
//! `1234`; `157万` and `157 ᠲᠦᠮᠡ` both hold `157`); only numbers of two or more
//! digits or with a decimal point count, so list numbering and single digits
//! (`3 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ`, 三月) are not compared. Shortcodes, code, URLs, link
//! targets, HTML tags and numbers glued to Latin letters (`G20`) are not prose.

use std::collections::BTreeMap;
use std::path::Path;

use super::scan::{prose_lines, skip_mask, Syntax};
use crate::diagnostics::{line_col, Diagnostic};
use crate::markdown::shortcodes;

/// One page's body, with its place in the file.
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    /// The file, relative to the site root.
    pub path: &'a Path,
    /// The Markdown body.
    pub body: &'a str,
    /// Lines before the body in the file (front matter).
    pub line_offset: usize,
}

impl<'a> Page<'a> {
    /// The body of a loaded page.
    pub fn of(source: &'a crate::content::SourcePage) -> Self {
        Page {
            path: &source.path,
            body: &source.body,
            line_offset: source.body_line_offset,
        }
    }
}

/// One `{{ stat() }}` call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stat {
    /// Table id.
    pub id: String,
    /// Row id.
    pub row: String,
    /// Column key.
    pub col: String,
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

impl Stat {
    /// The call as it is named in messages (`unit=` left out: it may differ).
    pub fn call(&self) -> String {
        format!(
            "stat(id=\"{}\", row=\"{}\", col=\"{}\")",
            self.id, self.row, self.col
        )
    }

    fn key(&self) -> (&str, &str, &str) {
        (&self.id, &self.row, &self.col)
    }
}

/// The `stat` calls of a page, in order.
pub fn stats(page: &Page<'_>) -> Vec<Stat> {
    let arg = |c: &shortcodes::Shortcode, k: &str| c.args.get(k).cloned().unwrap_or_default();
    shortcodes::find(page.body)
        .0
        .iter()
        .filter(|c| c.name == "stat")
        .map(|c| {
            let (line, column) = line_col(page.body, c.start);
            Stat {
                id: arg(c, "id"),
                row: arg(c, "row"),
                col: arg(c, "col"),
                line: line + page.line_offset,
                column,
            }
        })
        .collect()
}

/// A number typed in prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// Digits and decimal point, separators removed: what is compared.
    pub digits: String,
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

fn digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')),
        '᠐'..='᠙' => char::from_u32(u32::from(c) - u32::from('᠐') + u32::from('0')),
        _ => None,
    }
}

/// `value` as compared: digits and decimal point only, separators dropped.
pub fn normalize(value: &str) -> String {
    value
        .chars()
        .filter_map(|c| digit(c).or((c == '.').then_some('.')))
        .collect()
}

fn counts(digits: &str) -> bool {
    digits.contains('.') || digits.len() >= 2
}

/// The numbers of a page's prose (see the module comment for what counts).
pub fn numbers(page: &Page<'_>) -> Vec<Number> {
    // Shortcodes are blanked character by character, so columns stay right.
    let calls = shortcodes::find(page.body).0;
    let mut next = calls.iter().peekable();
    let blanked: String = page
        .body
        .char_indices()
        .map(|(b, c)| {
            // Calls come in body order and do not overlap.
            while next.next_if(|s| s.end <= b).is_some() {}
            let inside = next.peek().is_some_and(|s| s.start <= b);
            if inside && c != '\n' {
                '\u{1}'
            } else {
                c
            }
        })
        .collect();
    let mut out = Vec::new();
    for (n, _, line) in prose_lines(&blanked, Syntax::Markdown) {
        let chars: Vec<char> = line.chars().collect();
        let mask = skip_mask(&chars);
        let free = |k: usize| k < chars.len() && !mask[k];
        let is_digit = |k: usize| free(k) && digit(chars[k]).is_some();
        // `12. ` or `3) ` at the start of a line is list numbering.
        let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
        let lead_end = (lead..chars.len())
            .find(|&k| !is_digit(k))
            .unwrap_or(chars.len());
        let list_number = lead_end > lead
            && matches!(chars.get(lead_end), Some('.' | ')'))
            && chars.get(lead_end + 1).is_none_or(|c| c.is_whitespace());
        let mut i = 0;
        while i < chars.len() {
            let glued = i > 0 && (chars[i - 1].is_ascii_alphabetic() || chars[i - 1] == '.');
            if !is_digit(i) || (i > 0 && is_digit(i - 1)) {
                i += 1;
                continue;
            }
            let start = i;
            while is_digit(i) {
                i += 1;
            }
            // Thousand groups: `,` and exactly three digits, after 1–3 digits.
            if i - start <= 3 {
                while chars.get(i) == Some(&',')
                    && (1..=3).all(|k| is_digit(i + k))
                    && !is_digit(i + 4)
                {
                    i += 4;
                }
            }
            if chars.get(i) == Some(&'.') && is_digit(i + 1) {
                i += 1;
                while is_digit(i) {
                    i += 1;
                }
            }
            let glued = glued || chars.get(i).is_some_and(|c| c.is_ascii_alphabetic());
            let digits = normalize(&chars[start..i].iter().collect::<String>());
            let numbering = list_number && start == lead;
            if !glued && !numbering && counts(&digits) {
                out.push(Number {
                    digits,
                    line: n + 1 + page.line_offset,
                    column: start + 1,
                });
            }
        }
    }
    out
}

/// The first line of each paragraph (run of non-blank prose lines) of a page.
fn paragraphs(page: &Page<'_>) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut last: Option<usize> = None;
    for (n, _, line) in prose_lines(page.body, Syntax::Markdown) {
        if line.trim().is_empty() {
            last = None;
            continue;
        }
        if last.is_none_or(|l| l + 1 != n) {
            starts.push(n + 1 + page.line_offset);
        }
        last = Some(n);
    }
    starts
}

/// Where in the translation to report something the original has at `line`:
/// the start of the same paragraph when both have as many paragraphs (a
/// translation keeps its original's paragraphs), else the first paragraph.
struct Placer {
    original: Vec<usize>,
    translation: Vec<usize>,
}

impl Placer {
    fn at(&self, line: usize) -> (usize, usize) {
        let first = self.translation.first().copied().unwrap_or(1);
        if self.original.len() != self.translation.len() {
            return (first, 1);
        }
        let k = self.original.iter().rposition(|&s| s <= line).unwrap_or(0);
        (self.translation.get(k).copied().unwrap_or(first), 1)
    }
}

/// Compares a translation with its original. `value` gives a stat's value as
/// it renders, without its unit (`55.6`, `4.1`), or `None` when it is no number.
pub fn compare(
    original: &Page<'_>,
    translation: &Page<'_>,
    value: &dyn Fn(&Stat) -> Option<String>,
) -> Vec<Diagnostic> {
    let place = Placer {
        original: paragraphs(original),
        translation: paragraphs(translation),
    };
    let (o_stats, t_stats) = (stats(original), stats(translation));
    let (o_nums, t_nums) = (numbers(original), numbers(translation));
    let path = translation.path;
    let mut out = Vec::new();

    // Each call: its uses in the original, then in the translation.
    type Uses<'s> = (Vec<&'s Stat>, Vec<&'s Stat>);
    let mut by_key: BTreeMap<(&str, &str, &str), Uses<'_>> = BTreeMap::new();
    for s in &o_stats {
        by_key.entry(s.key()).or_default().0.push(s);
    }
    for s in &t_stats {
        by_key.entry(s.key()).or_default().1.push(s);
    }
    for (o, t) in by_key.values() {
        if o.len() > t.len() {
            let first = o[t.len()];
            let (line, col) = place.at(first.line);
            let times = if o.len() > 1 {
                format!(" ({} times there, {} here)", o.len(), t.len())
            } else {
                String::new()
            };
            out.push(
                Diagnostic::warning(path, line, col, format!("`{}` of the original is missing here{times}", first.call()))
                    .with_kind(crate::diagnostics::Kind::StatMissing)
                    .with_hint(format!("write the same shortcode as the original ({}:{}:{}); only `unit=false` may differ", original.path.display(), first.line, first.column)),
            );
        }
        for extra in t.iter().skip(o.len()) {
            out.push(
                Diagnostic::warning(path, extra.line, extra.column, format!("`{}` is not in the original", extra.call()))
                    .with_kind(crate::diagnostics::Kind::StatExtra)
                    .with_hint("a translation shows the original's figures: remove it, or add it to the original first"),
            );
        }
    }

    let values = |list: &[Stat]| -> BTreeMap<String, String> {
        let mut m = BTreeMap::new();
        for s in list {
            if let Some(v) = value(s).map(|v| normalize(&v)).filter(|v| counts(v)) {
                m.entry(v).or_insert_with(|| s.call());
            }
        }
        m
    };
    let (o_values, t_values) = (values(&o_stats), values(&t_stats));
    let t_typed: std::collections::HashSet<&str> =
        t_nums.iter().map(|n| n.digits.as_str()).collect();
    let o_typed: std::collections::HashSet<&str> =
        o_nums.iter().map(|n| n.digits.as_str()).collect();
    let mut reported = std::collections::HashSet::new();
    for n in &o_nums {
        let present = t_typed.contains(n.digits.as_str()) || t_values.contains_key(&n.digits);
        if present || !reported.insert(n.digits.as_str()) {
            continue;
        }
        let (line, col) = place.at(n.line);
        out.push(
            Diagnostic::warning(
                path,
                line,
                col,
                format!(
                    "number `{}` of the original ({}:{}:{}) is missing here",
                    n.digits,
                    original.path.display(),
                    n.line,
                    n.column
                ),
            )
            .with_kind(crate::diagnostics::Kind::NumberMissing)
            .with_hint("write the figure as the original has it (or the stat() that shows it)"),
        );
    }
    for n in &t_nums {
        // A number the original also types is copied, not a stat retyped.
        if o_typed.contains(n.digits.as_str()) {
            continue;
        }
        if let Some(call) = o_values.get(&n.digits) {
            out.push(
                Diagnostic::warning(
                    path,
                    n.line,
                    n.column,
                    format!(
                        "typed by hand: `{}` is the value of `{call}` of the original",
                        n.digits
                    ),
                )
                .with_kind(crate::diagnostics::Kind::TypedFigure)
                .with_hint(format!(
                    "use {{{{ {call} }}}} (with unit=false when the sentence writes the unit) so the figure follows the data"
                )),
            );
        }
    }
    out.sort_by_key(|d| (d.line, d.column));
    out
}

#[cfg(test)]
mod tests;
