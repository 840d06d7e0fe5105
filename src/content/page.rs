//! One content file parsed into front matter and body (pure: no disk access).

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::date::{self, Date, SourceDate};
use super::frontmatter;
use crate::diagnostics::Diagnostic;
use crate::slug;
use crate::yaml;

/// Position of a page in a series.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SeriesRef {
    /// Series id: the folder under `content/series/`.
    pub id: String,
    /// Order inside the series.
    pub order: u32,
}

/// When a recurring series appears (on a series index): every year since
/// `first_year`, on `month`-`day`; editions are numbered from 1 in `first_year`.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Recurring {
    /// Year of the first edition.
    pub first_year: i64,
    /// Month of the yearly date.
    pub month: u32,
    /// Day of the yearly date.
    pub day: u32,
}

impl Recurring {
    /// Checks the yearly date exists every year (so not February 29).
    pub fn check(&self) -> Result<(), String> {
        let (m, d) = (self.month, self.day);
        if date::yearly(2000, m, 1).is_none() {
            return Err(format!("`recurring` has no month {m}"));
        }
        match (date::yearly(2000, m, d), date::yearly(2001, m, d)) {
            (None, _) => Err(format!("`recurring`: month {m} has no day {d}")),
            (Some(_), None) => Err(format!("`recurring`: {m}-{d} is not in every year")),
            _ => Ok(()),
        }
    }

    /// The edition's date in `year` (None when [`Recurring::check`] fails or the
    /// year is out of range).
    pub fn date_in(&self, year: i64) -> Option<Date> {
        date::yearly(i32::try_from(year).ok()?, self.month, self.day)
    }
}

/// Review state of a translation.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum TranslationState {
    /// Machine or first-pass translation, not yet reviewed.
    Draft,
    /// Checked by a reviewer.
    Reviewed,
}

/// Front matter as written; unknown keys are errors.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Page title (required).
    pub title: Option<String>,
    /// URL segment; ASCII.
    pub slug: Option<String>,
    /// Order inside its section.
    pub weight: Option<i64>,
    /// `YYYY-MM-DD`, optionally with a time; read from `date:` by
    /// [`SourcePage::parse`].
    #[serde(skip)]
    pub date: Option<SourceDate>,
    /// `date:` as written, until [`SourcePage::parse`] reads it into `date` (so a
    /// bad date is reported beside the page's other problems).
    #[serde(rename = "date")]
    date_written: Option<String>,
    /// Last revision (`updated:`, as in Zola): a date not before `date`; read
    /// from `updated:` by [`SourcePage::parse`].
    #[serde(skip)]
    pub updated: Option<SourceDate>,
    /// `updated:` as written, until [`SourcePage::parse`] reads it.
    #[serde(rename = "updated")]
    updated_written: Option<String>,
    /// Summary; otherwise cut from the body.
    pub summary: Option<String>,
    /// Meta description; otherwise the summary.
    pub description: Option<String>,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Left out of the build unless `--drafts`.
    #[serde(default)]
    pub draft: bool,
    /// Series membership.
    pub series: Option<SeriesRef>,
    /// On a series index: the yearly date of its editions.
    pub recurring: Option<Recurring>,
    /// On translations: draft or reviewed.
    pub translation: Option<TranslationState>,
    /// On translations: hash of the original it was made from.
    pub source_hash: Option<String>,
    /// Old URLs (root-relative, within this page's language) that redirect here.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Corrections made since publication (see [`super::corrections`]).
    #[serde(default)]
    pub corrections: Vec<super::corrections::RawCorrection>,
    /// Ids of the sources (`content/sources.yaml`) the page cites, shown at
    /// the end of its text; a translation without its own cites the original's.
    #[serde(default)]
    pub sources: Option<Vec<String>>,
    /// Line of `sources:` in the file, for messages.
    #[serde(skip)]
    pub sources_line: usize,
}

/// A parsed content file.
#[derive(Debug, Clone)]
pub struct SourcePage {
    /// Path for messages, relative to the site root (`content/measures/finance.md`).
    pub path: PathBuf,
    /// Language-free key relative to `content/` with `/` separators
    /// (`measures/finance.md`, `measures/_index.md`), shared by translations.
    pub key: String,
    /// Folder relative to `content/` (`measures`, or empty for the root).
    pub dir: String,
    /// Language code (from the file name, or the default language).
    pub lang: String,
    /// True for `_index.md` (a section).
    pub is_section: bool,
    /// Validated front matter.
    pub front: FrontMatter,
    /// Title from the front matter.
    pub title: String,
    /// URL segment (for sections: the folder name).
    pub slug: String,
    /// Markdown body.
    pub body: String,
    /// Lines before the body in the file.
    pub body_line_offset: usize,
    /// [`source_hash`](super::translatable::source_hash) of this page's
    /// translatable text: what a translation records of its original.
    pub hash: String,
    /// Validated `corrections:`, as written (each on or after `date:`).
    pub corrections: Vec<super::Correction>,
}

/// File name parts: `finance.mn.md` → (`finance`, Some(`mn`)).
pub fn split_name(file_name: &str) -> Option<(&str, Option<&str>)> {
    let stem = file_name.strip_suffix(".md")?;
    match stem.rsplit_once('.') {
        Some((base, lang))
            if !base.is_empty()
                && !lang.is_empty()
                && lang.bytes().all(|b| b.is_ascii_lowercase()) =>
        {
            Some((base, Some(lang)))
        }
        _ => Some((stem, None)),
    }
}

impl SourcePage {
    /// What a translator translates of this page, as paragraphs
    /// ([`super::translatable::paragraphs`]).
    pub fn paragraphs(&self) -> Vec<String> {
        super::translatable::paragraphs(
            &self.title,
            self.front.summary.as_deref(),
            self.front.description.as_deref(),
            &self.body,
        )
    }

    /// Parses the text of a content file. `rel` is its path relative to `content/`
    /// with `/` separators, `path` the path shown in messages, `default_lang` the
    /// language of files without a language suffix.
    pub fn parse(
        rel: &str,
        path: &Path,
        src: &str,
        default_lang: &str,
    ) -> Result<SourcePage, Vec<Diagnostic>> {
        let (dir, file_name) = rel.rsplit_once('/').unwrap_or(("", rel));
        let Some((stem, lang)) = split_name(file_name) else {
            return Err(vec![Diagnostic::error(path, 0, 0, "not a Markdown file")]);
        };
        let lang = lang.unwrap_or(default_lang).to_string();
        let is_section = stem == "_index";
        let split = frontmatter::split(src, path).map_err(|d| vec![d])?;
        let yaml_src = split.yaml;
        let mut front: FrontMatter =
            yaml::parse(yaml_src, path, frontmatter::YAML_LINE_OFFSET).map_err(|d| vec![d])?;

        let mut problems = Vec::new();
        let at = |key: &str| yaml::key_line(yaml_src, key, frontmatter::YAML_LINE_OFFSET);
        front.sources_line = at("sources");
        let title = match front.title.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => t.to_string(),
            _ => {
                problems.push(
                    Diagnostic::error(path, 1, 1, "front matter has no `title`")
                        .with_hint("add `title: …`"),
                );
                String::new()
            }
        };
        if let Some(written) = front.date_written.take() {
            match SourceDate::parse(&written) {
                Ok(d) => front.date = Some(d),
                Err(e) => problems.push(
                    Diagnostic::error(path, at("date"), 0, e)
                        .with_hint("write dates as YYYY-MM-DD, e.g. 2017-10-17"),
                ),
            }
        }
        if let Some(written) = front.updated_written.take() {
            match SourceDate::parse(&written) {
                Ok(u) if front.date.as_ref().is_some_and(|d| u.date() < d.date()) => problems.push(
                    Diagnostic::error(
                        path,
                        at("updated"),
                        0,
                        format!(
                            "`updated: {written}` is before the page's `date: {}`",
                            front
                                .date
                                .as_ref()
                                .map(|d| d.to_string())
                                .unwrap_or_default()
                        ),
                    )
                    .with_hint("`updated` is the last revision: a date on or after `date`"),
                ),
                Ok(u) => front.updated = Some(u),
                Err(e) => problems.push(
                    Diagnostic::error(path, at("updated"), 0, e)
                        .with_hint("write dates as YYYY-MM-DD, e.g. 2017-10-17"),
                ),
            }
        }
        if let Some(Err(e)) = front.recurring.as_ref().map(Recurring::check) {
            problems.push(
                Diagnostic::error(path, at("recurring"), 0, e)
                    .with_hint("editions fall on the same day every year: pick a day every year has, e.g. `{ month: 2, day: 28 }`"),
            );
        }
        let slug = if is_section {
            dir.rsplit('/').next().unwrap_or("").to_string()
        } else {
            match &front.slug {
                Some(s) if slug::is_valid(s) => s.clone(),
                Some(s) => {
                    let hint = slug::from_ascii(s).map_or(
                        "use lowercase ASCII letters, digits and `-`".to_string(),
                        |x| format!("try `slug: {x}`"),
                    );
                    problems.push(
                        Diagnostic::error(path, at("slug"), 0, format!("invalid slug `{s}`"))
                            .with_hint(hint),
                    );
                    String::new()
                }
                None => match slug::from_ascii(stem) {
                    Some(s) => s,
                    None => {
                        problems.push(
                            Diagnostic::error(path, 1, 1, format!("file name `{stem}` is not ASCII and there is no `slug:`"))
                                .with_hint("add an ASCII `slug:` in English to the front matter (names are never romanised: 公示 and 公式 would collide)"),
                        );
                        String::new()
                    }
                },
            }
        };
        if is_section && front.slug.is_some() {
            problems.push(
                Diagnostic::error(path, at("slug"), 0, "`slug` is not allowed in `_index.md`")
                    .with_hint("a section's URL segment is its folder name: rename the folder"),
            );
        }
        for alias in &front.aliases {
            if let Err(e) = slug::alias_path(alias) {
                problems.push(
                    Diagnostic::error(path, at("aliases"), 0, format!("alias `{alias}`: {e}"))
                        .with_hint(
                            "write an old URL as a path from the site root, e.g. `/2017/report/`",
                        ),
                );
            }
        }
        let published = front.date.as_ref().map(SourceDate::date);
        let corrections = super::corrections::validate(&front.corrections, published, "date")
            .unwrap_or_else(|errors| {
                let spans = yaml::Spans::parse(yaml_src, frontmatter::YAML_LINE_OFFSET);
                problems.extend(errors.into_iter().map(|p| {
                    let line = super::corrections::line_of(&spans, p.index);
                    Diagnostic::error(path, line, 0, p.message).with_hint(p.hint)
                }));
                Vec::new()
            });
        if !problems.is_empty() {
            return Err(problems);
        }
        let key = format!("{}{}{stem}.md", dir, if dir.is_empty() { "" } else { "/" });
        let mut page = SourcePage {
            path: path.to_path_buf(),
            key,
            dir: dir.to_string(),
            lang,
            is_section,
            body: split.body.to_string(),
            body_line_offset: split.body_line_offset,
            hash: String::new(),
            corrections,
            front,
            title,
            slug,
        };
        page.hash = super::translatable::source_hash(&page.paragraphs());
        Ok(page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(rel: &str, src: &str) -> Result<SourcePage, Vec<Diagnostic>> {
        SourcePage::parse(rel, Path::new(rel), src, "zh")
    }

    #[test]
    fn page_with_ascii_stem() {
        let p = parse(
            "measures/finance.md",
            "---\ntitle: 金融扶贫\nweight: 3\n---\n正文",
        )
        .unwrap();
        assert_eq!(
            (p.slug.as_str(), p.key.as_str(), p.dir.as_str()),
            ("finance", "measures/finance.md", "measures")
        );
        assert_eq!(p.front.weight, Some(3));
        assert_eq!(p.lang, "zh");
        assert_eq!(p.body, "正文");
    }

    #[test]
    fn translation_and_section_names() {
        let p = parse("measures/_index.mn.md", "---\ntitle: x\n---\n").unwrap();
        assert!(p.is_section);
        assert_eq!(
            (p.lang.as_str(), p.key.as_str(), p.slug.as_str()),
            ("mn", "measures/_index.md", "measures")
        );
        let root = parse("_index.md", "---\ntitle: x\n---\n").unwrap();
        assert_eq!((root.key.as_str(), root.slug.as_str()), ("_index.md", ""));
    }

    #[test]
    fn non_ascii_stem_needs_slug() {
        let e = parse("公示.md", "---\ntitle: 公示\n---\n").unwrap_err();
        assert!(e[0].message.contains("not ASCII"));
        assert!(e[0].hint.as_deref().unwrap().contains("slug"));
        assert_eq!(
            parse("公示.md", "---\ntitle: 公示\nslug: notice\n---\n")
                .unwrap()
                .slug,
            "notice"
        );
    }

    #[test]
    fn invalid_slug_points_at_its_line() {
        let e = parse("a.md", "---\ntitle: t\nslug: ../../etc\n---\n").unwrap_err();
        assert_eq!(e[0].line, 3);
    }

    #[test]
    fn missing_title_and_bad_date_reported_together() {
        let e = parse("a.md", "---\nweight: 1\ndate: 2017-02-30\n---\n").unwrap_err();
        assert_eq!(e.len(), 2);
        assert_eq!(e[1].line, 3);
    }

    #[test]
    fn unknown_key_line_counts_the_fence() {
        let e = parse("a.md", "---\ntitle: t\ncolour: red\n---\n").unwrap_err();
        assert_eq!(e[0].line, 3);
    }

    #[test]
    fn hash_covers_the_text_not_the_settings() {
        let h = |src: &str| parse("a.md", src).unwrap().hash;
        let a = h("---\ntitle: 金融\nweight: 1\n---\n正文\n");
        assert_eq!(a.len(), 16);
        assert_eq!(a, h("\u{feff}---\r\ntitle: 金融\r\n---\r\n正文\r\n"));
        assert_eq!(
            a,
            h("---\ntitle: 金融\nweight: 7\ndate: 2017-10-17\n---\n正文\n")
        );
        assert_ne!(a, h("---\ntitle: 金融\n---\n正文。\n"));
        assert_ne!(a, h("---\ntitle: 金融\ndescription: 说明\n---\n正文\n"));
    }

    #[test]
    fn dates_are_read_once() {
        let p = parse(
            "a.md",
            "---\ntitle: t\ndate: 2017-10-17T08:00:00+08:00\n---\n",
        )
        .unwrap();
        let d = p.front.date.unwrap();
        assert_eq!((d.year(), d.time()), (2017, Some("08:00:00+08:00")));
        let leap = parse("a.md", "---\ntitle: t\ndate: 2016-02-29\n---\n").unwrap();
        assert_eq!(leap.front.date.unwrap().date().to_string(), "2016-02-29");
        assert_eq!(
            parse("a.md", "---\ntitle: t\n---\n").unwrap().front.date,
            None
        );
    }

    #[test]
    fn impossible_date_is_reported_at_its_line() {
        let e = parse("a.md", "---\ntitle: t\nweight: 2\ndate: 2017-02-30\n---\n").unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(
            (e[0].line, e[0].message.as_str()),
            (4, "`2017-02-30` is not a day of the month")
        );
        assert!(e[0].hint.as_deref().unwrap().contains("YYYY-MM-DD"));
        let e = parse("a.md", "---\ntitle: t\ndate: 2017-02-29\n---\n").unwrap_err();
        assert_eq!(
            (e[0].line, e[0].message.as_str()),
            (3, "`2017-02-29` is not a day of the month")
        );
        let e = parse("a.md", "---\ntitle: t\ndate: +017-10-17\n---\n").unwrap_err();
        assert_eq!(e[0].message, "`+017-10-17` is not a date");
    }

    #[test]
    fn recurring_day_must_exist_every_year() {
        let index = |r: &str| {
            parse(
                "series/day/_index.md",
                &format!("---\ntitle: t\nrecurring: {r}\n---\n"),
            )
        };
        let ok = index("{ first_year: 2014, month: 10, day: 17 }").unwrap();
        let r = ok.front.recurring.unwrap();
        assert_eq!(
            r.date_in(2017).map(|d| d.to_string()).as_deref(),
            Some("2017-10-17")
        );
        for (r, message) in [
            (
                "{ first_year: 2014, month: 2, day: 30 }",
                "`recurring`: month 2 has no day 30",
            ),
            (
                "{ first_year: 2014, month: 4, day: 31 }",
                "`recurring`: month 4 has no day 31",
            ),
            (
                "{ first_year: 2014, month: 2, day: 29 }",
                "`recurring`: 2-29 is not in every year",
            ),
            (
                "{ first_year: 2014, month: 13, day: 1 }",
                "`recurring` has no month 13",
            ),
            (
                "{ first_year: 2014, month: 10, day: 0 }",
                "`recurring`: month 10 has no day 0",
            ),
        ] {
            let e = index(r).unwrap_err();
            assert_eq!(
                (e.len(), e[0].line, e[0].message.as_str()),
                (1, 3, message),
                "{r}"
            );
        }
    }

    #[test]
    fn updated_is_a_date_not_before_date() {
        let p = parse(
            "a.md",
            "---\ntitle: A\ndate: 2017-10-17\nupdated: 2018-01-05\n---\n",
        )
        .unwrap();
        assert_eq!(
            p.front.updated.map(|d| d.to_string()).as_deref(),
            Some("2018-01-05")
        );
        let e = parse(
            "a.md",
            "---\ntitle: A\ndate: 2017-10-17\nupdated: 2017-10-16\n---\n",
        )
        .unwrap_err();
        assert_eq!((e.len(), e[0].line), (1, 4));
        assert!(e[0].message.contains("before"), "{}", e[0].message);
        let e = parse("a.md", "---\ntitle: A\nupdated: 2017/10/18\n---\n").unwrap_err();
        assert_eq!((e[0].line, e[0].message.contains("2017-10-18")), (3, true));
    }
}
