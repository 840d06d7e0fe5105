//! What `print.html` sees: the report on one page, as small serializable views.

use serde::Serialize;

/// The print page of one language.
#[derive(Debug, Clone, Serialize)]
pub struct PrintView<'a> {
    /// URL of this page.
    pub url: &'a str,
    /// The report title as a quoted CSS string, for the running head of the
    /// printed pages (`@top-center { content: … }`).
    pub running_head_css: String,
    /// The cover.
    pub cover: CoverView<'a>,
    /// Every chapter, in reading order (the table of contents lists them).
    pub chapters: Vec<ChapterView<'a>>,
    /// The sources of the data tables the chapters show, in order of first use.
    pub sources: Vec<SourceView<'a>>,
}

/// Title page of the print edition.
#[derive(Debug, Clone, Serialize)]
pub struct CoverView<'a> {
    /// Report title (the home page's).
    pub title: &'a str,
    /// Language tag of the title (differs from the page's on a fallback).
    pub lang_tag: &'a str,
    /// Publisher (`publisher:` in `site.yaml`), or empty.
    pub publisher: String,
    /// Date of the report (`YYYY-MM-DD`), or empty.
    pub date: String,
    /// The date written in the page's language.
    pub date_display: String,
    /// Series the report belongs to, or empty.
    pub series_title: &'a str,
    /// Edition of the series, written in the page's language (`第4届`), or empty.
    pub edition_display: String,
}

/// One page of the site as a chapter of the document.
#[derive(Debug, Clone, Serialize)]
pub struct ChapterView<'a> {
    /// Its `id` in the document (`c-measures-finance`).
    pub anchor: String,
    /// Heading number (`2.3`); empty for the home page (the introduction).
    pub number: String,
    /// Depth: 0 for the home page, 1 for its sections, and so on.
    pub level: usize,
    /// Title.
    pub title: &'a str,
    /// Language tag of the text (differs from the page's on a fallback).
    pub lang_tag: &'a str,
    /// True when the original is shown for a missing translation.
    pub fallback: bool,
    /// Body HTML, ids made unique in the document and links between chapters
    /// pointing inside it.
    pub content: String,
    /// The page on the site.
    pub url: &'a str,
}

/// The source of one data table.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView<'a> {
    /// Table title in the page's language, as HTML (Chinese runs tagged).
    pub title: String,
    /// The citation of the table's source (HTML, linked when it has a URL).
    pub source: String,
    /// `YYYY-MM-DD` the figures refer to.
    pub as_of: String,
    /// The same date written in the page's language.
    pub as_of_display: String,
    /// The table's page on the site.
    pub url: &'a str,
}
