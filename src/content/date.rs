//! Dates written in YAML (front matter `date:`, data tables' `as_of:`), read once
//! into a civil date (pure).

use std::fmt;

pub use time::Date;
use time::Month;

/// A date as written: `2017-10-17`, optionally followed by a time after `T` or a
/// space (`2017-10-17T08:00:00+08:00`). The time is kept as written, not read: pages
/// are dated by day, and the time only orders two pages of the same day.
///
/// Ordering is by date, then by the written time: the order of the written texts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceDate {
    date: Date,
    /// Everything after the date (`T08:00:00+08:00`), empty for a bare date.
    rest: String,
}

impl SourceDate {
    /// Reads `YYYY-MM-DD` (four, two and two ASCII digits) of a real calendar day,
    /// optionally followed by `T…` or ` …`; the error says what is wrong.
    pub fn parse(text: &str) -> Result<SourceDate, String> {
        let (day, rest) = text.split_at(text.find(['T', ' ']).unwrap_or(text.len()));
        let bad = || match rewritten(text) {
            Some(iso) => format!("`{text}` is not a date: write it as `{iso}` (year-month-day)"),
            None => format!("`{text}` is not a date"),
        };
        let b = day.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && [0, 1, 2, 3, 5, 6, 8, 9]
                .iter()
                .all(|&i| b[i].is_ascii_digit());
        if !shape_ok {
            return Err(bad());
        }
        let number = |from: usize, to: usize| day[from..to].parse::<u16>().map_err(|_| bad());
        let (y, m, d) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
        let month = u8::try_from(m)
            .ok()
            .and_then(|m| Month::try_from(m).ok())
            .ok_or_else(|| format!("`{text}` has no month {m}"))?;
        let date = u8::try_from(d)
            .ok()
            .and_then(|d| Date::from_calendar_date(i32::from(y), month, d).ok())
            .ok_or_else(|| format!("`{text}` is not a day of the month"))?;
        Ok(SourceDate {
            date,
            rest: rest.to_string(),
        })
    }

    /// The calendar day.
    pub fn date(&self) -> Date {
        self.date
    }

    /// The year (0–9999).
    pub fn year(&self) -> i32 {
        self.date.year()
    }

    /// The time as written after `T` or a space, if any (`08:00:00+08:00`).
    pub fn time(&self) -> Option<&str> {
        self.rest.get(1..)
    }
}

/// The date as written.
impl fmt::Display for SourceDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.date, self.rest)
    }
}

/// A day written in another common form (`2017年6月30日`, `2017/6/30`,
/// `2017.06.30`, `2017-6-30`) as `YYYY-MM-DD`, when it is a real day.
fn rewritten(text: &str) -> Option<String> {
    let allowed = |c: char| c.is_ascii_digit() || "年月日/.- ".contains(c);
    if !text.trim().chars().all(allowed) {
        return None;
    }
    let groups: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let [y, m, d] = groups[..] else { return None };
    if y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    yearly(y, m, d).map(|_| format!("{y:04}-{m:02}-{d:02}"))
}

/// `month`-`day` in `year`, if that day exists.
pub fn yearly(year: i32, month: u32, day: u32) -> Option<Date> {
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(d: &SourceDate) -> (i32, u8, u8) {
        let d = d.date();
        (d.year(), u8::from(d.month()), d.day())
    }

    #[test]
    fn accepted_forms() {
        let plain = SourceDate::parse("2017-10-17").unwrap();
        assert_eq!((ymd(&plain), plain.time()), ((2017, 10, 17), None));
        let zoned = SourceDate::parse("2017-10-17T08:00:00+08:00").unwrap();
        assert_eq!(
            (ymd(&zoned), zoned.time()),
            ((2017, 10, 17), Some("08:00:00+08:00"))
        );
        let spaced = SourceDate::parse("2017-10-17 09:56").unwrap();
        assert_eq!(spaced.time(), Some("09:56"));
        assert_eq!(SourceDate::parse("0017-01-05").unwrap().year(), 17);
        for text in [
            "2017-10-17",
            "2017-10-17T08:00:00+08:00",
            "2017-10-17 09:56",
        ] {
            assert_eq!(SourceDate::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn leap_days() {
        assert_eq!(
            ymd(&SourceDate::parse("2016-02-29").unwrap()),
            (2016, 2, 29)
        );
        assert!(SourceDate::parse("2000-02-29").is_ok(), "divisible by 400");
        assert_eq!(
            SourceDate::parse("1900-02-29").unwrap_err(),
            "`1900-02-29` is not a day of the month"
        );
        assert_eq!(
            SourceDate::parse("2017-02-29").unwrap_err(),
            "`2017-02-29` is not a day of the month"
        );
    }

    #[test]
    fn rejected_forms() {
        assert_eq!(
            SourceDate::parse("2017-13-01").unwrap_err(),
            "`2017-13-01` has no month 13"
        );
        assert_eq!(
            SourceDate::parse("2017-00-01").unwrap_err(),
            "`2017-00-01` has no month 0"
        );
        for bad in ["2017-02-30", "2017-04-31", "2017-10-00", "2017-10-32"] {
            assert_eq!(
                SourceDate::parse(bad).unwrap_err(),
                format!("`{bad}` is not a day of the month")
            );
        }
        // Signs were read as part of a number before (`+017` as year 17).
        for bad in [
            "17-10-17",
            "yesterday",
            "",
            "2017-10-17x",
            "2017年2月30日",
            "+017-10-17",
            "2017-+1-05",
            "２０１７-10-17",
        ] {
            assert_eq!(
                SourceDate::parse(bad).unwrap_err(),
                format!("`{bad}` is not a date")
            );
        }
    }

    #[test]
    fn other_forms_of_a_day_are_rewritten_in_the_message() {
        for (bad, iso) in [
            ("2017年6月30日", "2017-06-30"),
            ("2017/10/17", "2017-10-17"),
            ("2017.6.3", "2017-06-03"),
            ("2017-1-1", "2017-01-01"),
        ] {
            assert_eq!(
                SourceDate::parse(bad).unwrap_err(),
                format!("`{bad}` is not a date: write it as `{iso}` (year-month-day)")
            );
        }
    }

    #[test]
    fn order_is_the_written_order() {
        let mut texts = [
            "2017-10-17T08:00",
            "2016-12-31",
            "2017-10-17",
            "2017-10-17 07:00",
            "2017-01-05",
        ];
        let mut dates: Vec<SourceDate> = texts
            .iter()
            .map(|t| SourceDate::parse(t).unwrap())
            .collect();
        dates.sort();
        texts.sort();
        let shown: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(shown, texts);
    }

    #[test]
    fn yearly_dates() {
        assert_eq!(
            yearly(2017, 10, 17).map(|d| d.to_string()).as_deref(),
            Some("2017-10-17")
        );
        assert_eq!(yearly(2016, 2, 29).map(|d| d.day()), Some(29));
        assert_eq!(yearly(2017, 2, 29), None);
        assert_eq!(yearly(2017, 2, 30), None);
        assert_eq!(yearly(2017, 13, 1), None);
        assert_eq!(yearly(2017, 300, 1), None);
    }
}
