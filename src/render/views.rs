//! What templates see: small serializable views, never the internal model, so
//! internals can change without breaking themes.

use std::borrow::Cow;

use serde::Serialize;

use crate::markdown::TocEntry;

/// The site, as seen from one language.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView<'a> {
    /// Site title in this language.
    pub title: &'a str,
    /// Site description in this language (may be empty).
    pub description: &'a str,
    /// Absolute base URL ending in `/`.
    pub base_url: &'a str,
    /// Path prefix for static files (`/` or `/report/`).
    pub base_path: &'a str,
    /// URL of this language's home page.
    pub home_url: &'a str,
    /// Language code (`zh`).
    pub lang: &'a str,
    /// Language tag (`zh-Hans`).
    pub lang_tag: &'a str,
    /// `horizontal-tb` or `vertical-lr`.
    pub writing_mode: &'static str,
    /// Top-level sections.
    pub nav: Vec<NavItem<'a>>,
    /// Generator name.
    pub generator: &'static str,
    /// URL of this language's Atom feed.
    pub feed_url: &'a str,
    /// URL of this language's glossary page; empty when the site has none.
    pub glossary_url: &'a str,
    /// URL of this language's print page (the whole report on one page);
    /// empty when the theme has no `print.html`.
    pub print_url: &'a str,
    /// This language's PDF, when its size is known (set by `bichig pdf`).
    pub pdf: Option<PdfLink<'a>>,
    /// URL of this language's corrections page; empty when the theme has none.
    pub corrections_url: &'a str,
    /// URL of this language's accessibility statement; empty when the theme
    /// has none.
    pub accessibility_url: &'a str,
    /// `og:locale` of this language (`zh_CN`).
    pub og_locale: &'a str,
    /// `og:locale:alternate`: the other languages' locales.
    pub og_locale_alternates: Vec<&'a str>,
}

/// "Cite this": the page's citation and the report's citation files.
#[derive(Debug, Clone, Serialize)]
pub struct CiteView<'a> {
    /// GB/T 7714-2015 citation, in the page's language.
    pub text: String,
    /// The citation as HTML with its Chinese runs in `lang` spans, set only
    /// on a page not in Chinese whose citation has some (a fallback's title).
    pub html: Option<String>,
    /// The report's BibTeX file.
    pub bib_url: &'a str,
    /// The report's RIS file.
    pub ris_url: &'a str,
    /// The report's CSL-JSON file.
    pub json_url: &'a str,
}

/// Release information of the report (home page).
#[derive(Debug, Clone, Serialize)]
pub struct ReleaseView {
    /// Edition statement, or empty.
    pub edition: String,
    /// Publisher, or empty.
    pub publisher: String,
    /// License text, or empty.
    pub license: String,
    /// Contact name, or empty.
    pub contact_name: String,
    /// Contact link (`mailto:` or a URL), or empty.
    pub contact_href: String,
    /// What the contact link shows (the address or URL).
    pub contact_text: String,
}

/// A link to the PDF of the report in one language.
#[derive(Debug, Clone, Serialize)]
pub struct PdfLink<'a> {
    /// URL of the PDF.
    pub url: &'a str,
    /// Its size in bytes.
    pub size: u64,
    /// Link text with the size written for readers (`PDF, 1.8 MB`), from the
    /// UI string `pdf_link` (`{size}` replaced).
    pub label: String,
}

/// An item of the main navigation.
#[derive(Debug, Clone, Serialize)]
pub struct NavItem<'a> {
    /// Section title.
    pub title: &'a str,
    /// Section URL.
    pub url: &'a str,
    /// True when the current page is this section or inside it.
    pub active: bool,
    /// Language tag of the title (differs from the page's on fallbacks).
    pub lang_tag: &'a str,
    /// `lang_tag` where it differs from the page's (the title needs its own
    /// `lang="…"`), else empty: one test in the template, on every page.
    pub lang: &'a str,
}

/// A link in the breadcrumbs.
#[derive(Debug, Clone, Serialize)]
pub struct Crumb<'a> {
    /// Title of the ancestor.
    pub title: Cow<'a, str>,
    /// Its URL.
    pub url: &'a str,
    /// Language tag of the title (differs from the page's on fallbacks).
    pub lang_tag: &'a str,
    /// `lang_tag` where it differs from the page's, else empty.
    pub lang: &'a str,
}

/// A page in a listing.
#[derive(Debug, Clone, Serialize)]
pub struct PageRef<'a> {
    /// Title.
    pub title: Cow<'a, str>,
    /// URL.
    pub url: &'a str,
    /// Plain-text summary.
    pub summary: &'a str,
    /// The summary as HTML with its Chinese runs in `lang` spans, set only when
    /// the text is not Chinese and has any (templates print `summary` otherwise).
    pub summary_html: Option<String>,
    /// Date or empty (`YYYY-MM-DD`, for `datetime` attributes).
    pub date: String,
    /// Date written in the page's language (`2017年10月17日`), or empty.
    pub date_display: String,
    /// Language tag of the title (differs from the page's on fallbacks).
    pub lang_tag: &'a str,
}

/// A subsection in a listing, with its pages.
#[derive(Debug, Clone, Serialize)]
pub struct SectionRef<'a> {
    /// Title.
    pub title: &'a str,
    /// URL.
    pub url: &'a str,
    /// Plain-text summary.
    pub summary: &'a str,
    /// The summary as HTML with its Chinese runs in `lang` spans, set only when
    /// the text is not Chinese and has any (templates print `summary` otherwise).
    pub summary_html: Option<String>,
    /// Its first pages, ordered: as many as one of its listing pages holds
    /// (`paginate_by`), all of them when listings are not paginated.
    pub pages: Vec<PageRef<'a>>,
    /// How many pages it has in all.
    pub page_count: usize,
    /// Language tag of the title (differs from the page's on fallbacks).
    pub lang_tag: &'a str,
}

/// A section (or the home page) being rendered.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView<'a> {
    /// Title.
    pub title: Cow<'a, str>,
    /// URL.
    pub url: &'a str,
    /// Absolute URL.
    pub permalink: &'a str,
    /// Body HTML.
    pub content: &'a str,
    /// Plain-text summary.
    pub summary: &'a str,
    /// Date or empty (`YYYY-MM-DD`, for `datetime` attributes).
    pub date: String,
    /// Date written in the page's language (`2017年10月17日`), or empty.
    pub date_display: String,
    /// Last revision (`updated:`) as `YYYY-MM-DD`, or empty.
    pub updated: String,
    /// The last revision written in the page's language, or empty.
    pub updated_display: String,
    /// Headings of the body.
    pub toc: &'a [TocEntry],
    /// Ancestors, from the home page down.
    pub breadcrumbs: Vec<Crumb<'a>>,
    /// Child pages, ordered.
    pub pages: Vec<PageRef<'a>>,
    /// Child sections, ordered.
    pub subsections: Vec<SectionRef<'a>>,
    /// Previous page in reading order.
    pub prev: Option<NavLink<'a>>,
    /// Next page in reading order.
    pub next: Option<NavLink<'a>>,
    /// Set on a series installment.
    pub series: Option<SeriesNav<'a>>,
    /// On a series index: its editions, newest first.
    pub editions: Vec<EditionView<'a>>,
    /// On a recurring series' index: the next edition (`下一届：2018年10月17日`).
    pub next_edition: String,
    /// Set when the listing is split into several pages.
    pub paginator: Option<Paginator<'a>>,
}

/// A page being rendered.
#[derive(Debug, Clone, Serialize)]
pub struct PageView<'a> {
    /// Title.
    pub title: &'a str,
    /// URL.
    pub url: &'a str,
    /// Absolute URL.
    pub permalink: &'a str,
    /// Body HTML.
    pub content: &'a str,
    /// Plain-text summary.
    pub summary: &'a str,
    /// Date or empty (`YYYY-MM-DD`, for `datetime` attributes).
    pub date: String,
    /// Date written in the page's language (`2017年10月17日`), or empty.
    pub date_display: String,
    /// Last revision (`updated:`) as `YYYY-MM-DD`, or empty.
    pub updated: String,
    /// The last revision written in the page's language, or empty.
    pub updated_display: String,
    /// Tags, each with its term page.
    pub tags: Vec<TagLink<'a>>,
    /// Headings of the body.
    pub toc: &'a [TocEntry],
    /// Ancestors, from the home page down.
    pub breadcrumbs: Vec<Crumb<'a>>,
    /// Previous page in reading order.
    pub prev: Option<NavLink<'a>>,
    /// Next page in reading order.
    pub next: Option<NavLink<'a>>,
    /// Set on a series installment.
    pub series: Option<SeriesNav<'a>>,
}

/// A tag with the URL of its term page.
#[derive(Debug, Clone, Serialize)]
pub struct TagLink<'a> {
    /// The tag as written.
    pub name: &'a str,
    /// Its term page.
    pub url: &'a str,
}

/// Position in a listing split into pages.
#[derive(Debug, Clone, Serialize)]
pub struct Paginator<'a> {
    /// Current page number (1-based).
    pub current: usize,
    /// Number of pages.
    pub total: usize,
    /// Previous page URL.
    pub prev_url: Option<&'a str>,
    /// Next page URL.
    pub next_url: Option<&'a str>,
    /// Every page.
    pub pages: Vec<PaginatorLink<'a>>,
}

/// One page of a listing.
#[derive(Debug, Clone, Serialize)]
pub struct PaginatorLink<'a> {
    /// Page number.
    pub number: usize,
    /// URL.
    pub url: &'a str,
}

/// A link to another page (previous/next, installments).
#[derive(Debug, Clone, Serialize)]
pub struct NavLink<'a> {
    /// Title.
    pub title: &'a str,
    /// URL.
    pub url: &'a str,
    /// Language tag of the title.
    pub lang_tag: &'a str,
    /// `lang_tag` where it differs from the page's (links go to pages of the
    /// page's own language), else empty.
    pub lang: &'a str,
}

/// Where a page stands in its series.
#[derive(Debug, Clone, Serialize)]
pub struct SeriesNav<'a> {
    /// Series title.
    pub title: &'a str,
    /// Series index URL.
    pub url: &'a str,
    /// Edition of this installment, written in the page's language (`第4届`).
    pub edition_display: String,
    /// The series' next edition (`下一届：2018年10月17日`), or empty.
    pub next_edition: String,
    /// Previous installment.
    pub prev: Option<NavLink<'a>>,
    /// Next installment.
    pub next: Option<NavLink<'a>>,
}

/// One edition on a series index.
#[derive(Debug, Clone, Serialize)]
pub struct EditionView<'a> {
    /// Year.
    pub year: i64,
    /// Edition number (1 for the first year), 0 when the series has no `recurring`.
    pub number: i64,
    /// The number written as an ordinal in the page's language.
    pub number_display: String,
    /// `YYYY-MM-DD` of the edition, or empty.
    pub date: String,
    /// The date written in the page's language.
    pub date_display: String,
    /// Installments of the edition, in order.
    pub installments: Vec<NavLink<'a>>,
}

/// The current page in one language, for the language switcher and hreflang.
#[derive(Debug, Clone, Serialize)]
pub struct TranslationLink<'a> {
    /// Language code.
    pub code: &'a str,
    /// Language name in that language.
    pub name: &'a str,
    /// Language tag (`hreflang`).
    pub tag: &'a str,
    /// URL of the page in that language.
    pub url: &'a str,
    /// Absolute URL.
    pub permalink: &'a str,
    /// True for the language being rendered.
    pub current: bool,
}

/// Everything a template gets.
#[derive(Debug, Serialize)]
pub struct TemplateContext<'a> {
    /// The site in this language.
    pub site: SiteView<'a>,
    /// Absolute URL of this page.
    pub canonical: &'a str,
    /// Plain-text meta description.
    pub description: Cow<'a, str>,
    /// This page in every language of the site.
    pub translations: Vec<TranslationLink<'a>>,
    /// Absolute URL of this page in the default language.
    pub x_default: &'a str,
    /// True when this language has no translation and the original is shown.
    pub fallback: bool,
    /// Language tag of the body text (the original's when `fallback`).
    pub content_lang_tag: &'a str,
    /// `article` for pages, `website` otherwise (Open Graph).
    pub og_type: &'static str,
    /// JSON-LD for the page (already escaped for a `<script>`), or empty.
    pub jsonld: String,
    /// Set for `home.html` and `section.html`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<SectionView<'a>>,
    /// Set for `page.html`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<PageView<'a>>,
    /// Set for `data.html`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<DataView<'a>>,
    /// Set for `data_index.html`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_index: Option<DataIndexView<'a>>,
    /// Set for `search.html`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<SearchView<'a>>,
    /// Set for `glossary.html`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub glossary: Option<GlossaryView<'a>>,
    /// Set for `print.html`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub print: Option<super::print_view::PrintView<'a>>,
    /// "Cite this" block of a content page (null elsewhere, so templates
    /// shared with generated pages can name it).
    pub cite: Option<CiteView<'a>>,
    /// Release information, on the home page (null elsewhere).
    pub release: Option<ReleaseView>,
    /// Corrections of this page or table (newest first); on
    /// `corrections.html`, every correction of the language.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<CorrectionView<'a>>,
    /// The sources a content page cites, one line of HTML each
    /// (`来源：<citation>`, linked when the source is online).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Set for `accessibility.html`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessibility: Option<AccessibilityView<'a>>,
}

/// One correction of a page or table.
#[derive(Debug, Clone, Serialize)]
pub struct CorrectionView<'a> {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The date written in the page's language.
    pub date_display: String,
    /// What changed.
    pub what: &'a str,
    /// Language tag of `what`.
    pub what_tag: &'a str,
    /// `page` or `table`.
    pub kind: &'static str,
    /// Title of the corrected page or table.
    pub title: &'a str,
    /// Language tag of `title`.
    pub title_tag: &'a str,
    /// URL of the corrected page or table.
    pub url: &'a str,
    /// Id on the corrections page.
    pub anchor: &'a str,
    /// URL of the correction on the corrections page (`/corrections/#c-…`).
    pub link: String,
    /// The notice shown on the corrected page (UI string
    /// `correction_notice_page` or `correction_notice_table`, `{date}` replaced).
    pub notice: String,
}

/// The accessibility statement's facts.
#[derive(Debug, Clone, Serialize)]
pub struct AccessibilityView<'a> {
    /// Conformance target (`WCAG 2.1 AA`).
    pub conformance: &'a str,
    /// Contact as written (an e-mail address or URL; may be empty).
    pub contact: &'a str,
    /// `mailto:` or the URL of the contact; empty when it is neither.
    pub contact_href: String,
    /// The site's own text for this language (may be empty).
    pub text: String,
    /// `YYYY-MM-DD` of the last test: the site's `date:`, else the home page's.
    pub tested: String,
    /// The same date written in the page's language.
    pub tested_display: String,
}

/// The glossary page: every term in both languages.
#[derive(Debug, Clone, Serialize)]
pub struct GlossaryView<'a> {
    /// Language tag for the Chinese text (`zh-Hans`).
    pub zh_tag: &'a str,
    /// Language tag for the Mongolian text (`mn-Mong`).
    pub mn_tag: &'a str,
    /// Terms, in file order.
    pub terms: Vec<GlossaryTermView<'a>>,
}

/// One term of the glossary page.
#[derive(Debug, Clone, Serialize)]
pub struct GlossaryTermView<'a> {
    /// Chinese term.
    pub zh: &'a str,
    /// Preferred Mongolian form.
    pub mn: &'a str,
    /// Note in Chinese (may be empty).
    pub note_zh: &'a str,
    /// Note in Mongolian (may be empty).
    pub note_mn: &'a str,
}

/// The search page's resources.
#[derive(Debug, Clone, Serialize)]
pub struct SearchView<'a> {
    /// URL of this language's index JSON.
    pub index_url: &'a str,
    /// URL of the search script.
    pub script_url: String,
    /// On a page not in Chinese, the tag Han runs in results get (`zh-Hans`).
    pub han_tag: Option<&'a str>,
}

/// A data table's own page.
#[derive(Debug, Clone, Serialize)]
pub struct DataView<'a> {
    /// Table id.
    pub id: &'a str,
    /// Title in the page's language.
    pub title: String,
    /// URL of this page.
    pub url: &'a str,
    /// The table (HTML).
    pub table: String,
    /// Charts (SVG in HTML).
    pub charts: Vec<String>,
    /// The citation of the table's source (HTML, linked when it has a URL).
    pub source: String,
    /// `YYYY-MM-DD` the figures refer to.
    pub as_of: String,
    /// The same date written in the page's language.
    pub as_of_display: String,
    /// The downloads (CSV, XLSX, JSON, CSVW), with their sizes.
    pub downloads: Vec<DownloadView<'a>>,
    /// Home and the data index.
    pub breadcrumbs: Vec<Crumb<'a>>,
}

/// One download of a data table.
#[derive(Debug, Clone, Serialize)]
pub struct DownloadView<'a> {
    /// `csv`, `xlsx`, `json`, `csvw`.
    pub kind: &'static str,
    /// Format name shown (`CSV`).
    pub format: &'static str,
    /// Media type (`text/csv`).
    pub media_type: &'static str,
    /// What it holds, from the UI strings (`data_csv_about`…), may be empty.
    pub about: String,
    /// Root-relative URL.
    pub url: &'a str,
    /// Size in bytes.
    pub bytes: usize,
    /// Size written for people (`1.2 KB`).
    pub size: String,
}

/// A table in the data index.
#[derive(Debug, Clone, Serialize)]
pub struct DataRef<'a> {
    /// Table id.
    pub id: &'a str,
    /// Title.
    pub title: String,
    /// URL of its page.
    pub url: &'a str,
    /// `YYYY-MM-DD`.
    pub as_of: String,
    /// Date in the page's language.
    pub as_of_display: String,
    /// Number of rows.
    pub rows: usize,
}

/// The list of all data tables.
#[derive(Debug, Clone, Serialize)]
pub struct DataIndexView<'a> {
    /// Title (from the UI strings).
    pub title: String,
    /// URL.
    pub url: &'a str,
    /// Home.
    pub breadcrumbs: Vec<Crumb<'a>>,
    /// Every table.
    pub tables: Vec<DataRef<'a>>,
}
