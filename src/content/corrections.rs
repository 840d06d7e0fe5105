//! Corrections recorded on a page (front matter) or a data table (pure).
//!
//! Both write the same list, bilingual like a table's `title:`:
//!
//! ```yaml
//! corrections:
//!   - { date: 2017-10-20, what: { zh: 贫困人口数更正为…, mn: "…" } }
//! ```
//!
//! `what` is one text for every language or one per language code. A correction
//! is dated on or after the publication it corrects (a page's `date:`, a
//! table's `as_of:`).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::date::{Date, SourceDate};
use crate::yaml::Spans;

/// What changed: one text for every language or one per language code (the
/// shape of `config::Localized`, which content cannot use: config reads dates
/// from here).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum What {
    /// The same text in every language.
    One(String),
    /// Text per language code.
    Many(BTreeMap<String, String>),
}

impl What {
    /// The text for `lang`, if written for it (a single text is for all).
    pub fn get(&self, lang: &str) -> Option<&str> {
        match self {
            What::One(s) => Some(s),
            What::Many(m) => m.get(lang).map(String::as_str),
        }
    }
}

/// A correction as written.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RawCorrection {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// What changed, per language.
    pub what: What,
}

/// A validated correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// The day the correction was made.
    pub date: Date,
    /// What changed, per language.
    pub what: What,
}

/// A problem with correction `index` (0-based) of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Index of the correction in its list.
    pub index: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// Validates `raw` against `published` (the date of what it corrects, `None`
/// when it has none); `published_key` names that date's key in messages
/// (`date`, `as_of`).
pub fn validate(
    raw: &[RawCorrection],
    published: Option<Date>,
    published_key: &str,
) -> Result<Vec<Correction>, Vec<Problem>> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (index, r) in raw.iter().enumerate() {
        let date = match SourceDate::parse(&r.date) {
            Ok(d) => d.date(),
            Err(e) => {
                problems.push(Problem {
                    index,
                    message: format!("correction date: {e}"),
                    hint: "write the day of the correction as YYYY-MM-DD, e.g. 2017-10-20"
                        .to_string(),
                });
                continue;
            }
        };
        if let Some(p) = published.filter(|&p| date < p) {
            problems.push(Problem {
                index,
                message: format!(
                    "correction dated {date} precedes the `{published_key}: {p}` it corrects"
                ),
                hint: format!(
                    "a correction is made after publication: check its year and month, or `{published_key}:`"
                ),
            });
            continue;
        }
        out.push(Correction {
            date,
            what: r.what.clone(),
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Line of correction `index`'s `date` in `yaml` (`lines_before` lines precede
/// it in its file); the line of the item when it has no date, 0 when unknown.
pub fn line_of(spans: &Spans, index: usize) -> usize {
    let item = spans.root().get("corrections").index(index);
    match item.get("date").pos().line {
        0 => item.pos().line,
        line => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(date: &str) -> RawCorrection {
        RawCorrection {
            date: date.into(),
            what: What::One("x".into()),
        }
    }

    fn day(s: &str) -> Date {
        SourceDate::parse(s).unwrap().date()
    }

    #[test]
    fn corrections_on_or_after_publication_are_kept() {
        let ok = validate(
            &[raw("2017-10-20"), raw("2017-10-17")],
            Some(day("2017-10-17")),
            "date",
        )
        .unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].date, day("2017-10-20"));
    }

    #[test]
    fn a_correction_before_publication_is_refused() {
        let e = validate(
            &[raw("2017-10-20"), raw("2016-10-20")],
            Some(day("2017-10-17")),
            "as_of",
        )
        .unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].index, 1);
        assert!(e[0].message.contains("precedes the `as_of: 2017-10-17`"));
    }

    #[test]
    fn a_bad_date_is_refused_without_publication() {
        let e = validate(&[raw("2017/10/20")], None, "date").unwrap_err();
        assert!(e[0].message.contains("2017-10-20"), "{}", e[0].message);
    }

    #[test]
    fn what_per_language_or_for_all() {
        let many = What::Many([("zh".to_string(), "改".to_string())].into());
        assert_eq!(many.get("zh"), Some("改"));
        assert_eq!(many.get("mn"), None);
        assert_eq!(What::One("x".into()).get("mn"), Some("x"));
    }

    #[test]
    fn lines_point_at_each_date() {
        let src = "title: t\ncorrections:\n  - { date: 2017-10-20, what: a }\n  - what: b\n    date: 2017-10-21\n";
        let spans = Spans::parse(src, 1);
        assert_eq!(line_of(&spans, 0), 4);
        assert_eq!(line_of(&spans, 1), 6);
        assert_eq!(line_of(&spans, 2), 0);
    }
}
