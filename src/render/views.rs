//! What templates see: small serializable views, never the internal model, so
//! internals can change without breaking themes.

use serde::Serialize;

use crate::markdown::TocEntry;

/// The site, as seen from one language.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    /// Site title in this language.
    pub title: String,
    /// Site description in this language (may be empty).
    pub description: String,
    /// Absolute base URL ending in `/`.
    pub base_url: String,
    /// Path prefix for static files (`/` or `/report/`).
    pub base_path: String,
    /// URL of this language's home page.
    pub home_url: String,
    /// Language code (`zh`).
    pub lang: String,
    /// Language tag (`zh-Hans`).
    pub lang_tag: String,
    /// `horizontal-tb` or `vertical-lr`.
    pub writing_mode: String,
    /// Top-level sections.
    pub nav: Vec<NavItem>,
    /// Generator name.
    pub generator: &'static str,
    /// URL of this language's Atom feed.
    pub feed_url: String,
}

/// An item of the main navigation.
#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    /// Section title.
    pub title: String,
    /// Section URL.
    pub url: String,
    /// True when the current page is this section or inside it.
    pub active: bool,
    /// Language tag of the title (differs from the page's on fallbacks).
    pub lang_tag: String,
}

/// A link in the breadcrumbs.
#[derive(Debug, Clone, Serialize)]
pub struct Crumb {
    /// Title of the ancestor.
    pub title: String,
    /// Its URL.
    pub url: String,
    /// Language tag of the title (differs from the page's on fallbacks).
    pub lang_tag: String,
}

/// A page in a listing.
#[derive(Debug, Clone, Serialize)]
pub struct PageRef {
    /// Title.
    pub title: String,
    /// URL.
    pub url: String,
    /// Plain-text summary.
    pub summary: String,
    /// Date or empty (`YYYY-MM-DD`, for `datetime` attributes).
    pub date: String,
    /// Date written in the page's language (`2017年10月17日`), or empty.
    pub date_display: String,
    /// Language tag of the title (differs from the page's on fallbacks).
    pub lang_tag: String,
}

/// A subsection in a listing, with its pages.
#[derive(Debug, Clone, Serialize)]
pub struct SectionRef {
    /// Title.
    pub title: String,
    /// URL.
    pub url: String,
    /// Plain-text summary.
    pub summary: String,
    /// Its first pages, ordered: as many as one of its listing pages holds
    /// (`paginate_by`), all of them when listings are not paginated.
    pub pages: Vec<PageRef>,
    /// How many pages it has in all.
    pub page_count: usize,
    /// Language tag of the title (differs from the page's on fallbacks).
    pub lang_tag: String,
}

/// A section (or the home page) being rendered.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// Title.
    pub title: String,
    /// URL.
    pub url: String,
    /// Absolute URL.
    pub permalink: String,
    /// Body HTML.
    pub content: String,
    /// Plain-text summary.
    pub summary: String,
    /// Date or empty (`YYYY-MM-DD`, for `datetime` attributes).
    pub date: String,
    /// Date written in the page's language (`2017年10月17日`), or empty.
    pub date_display: String,
    /// Headings of the body.
    pub toc: Vec<TocEntry>,
    /// Ancestors, from the home page down.
    pub breadcrumbs: Vec<Crumb>,
    /// Child pages, ordered.
    pub pages: Vec<PageRef>,
    /// Child sections, ordered.
    pub subsections: Vec<SectionRef>,
    /// Previous page in reading order.
    pub prev: Option<NavLink>,
    /// Next page in reading order.
    pub next: Option<NavLink>,
    /// Set on a series installment.
    pub series: Option<SeriesNav>,
    /// On a series index: its editions, newest first.
    pub editions: Vec<EditionView>,
    /// Set when the listing is split into several pages.
    pub paginator: Option<Paginator>,
}

/// A page being rendered.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    /// Title.
    pub title: String,
    /// URL.
    pub url: String,
    /// Absolute URL.
    pub permalink: String,
    /// Body HTML.
    pub content: String,
    /// Plain-text summary.
    pub summary: String,
    /// Date or empty (`YYYY-MM-DD`, for `datetime` attributes).
    pub date: String,
    /// Date written in the page's language (`2017年10月17日`), or empty.
    pub date_display: String,
    /// Tags, each with its term page.
    pub tags: Vec<TagLink>,
    /// Headings of the body.
    pub toc: Vec<TocEntry>,
    /// Ancestors, from the home page down.
    pub breadcrumbs: Vec<Crumb>,
    /// Previous page in reading order.
    pub prev: Option<NavLink>,
    /// Next page in reading order.
    pub next: Option<NavLink>,
    /// Set on a series installment.
    pub series: Option<SeriesNav>,
}

/// A tag with the URL of its term page.
#[derive(Debug, Clone, Serialize)]
pub struct TagLink {
    /// The tag as written.
    pub name: String,
    /// Its term page.
    pub url: String,
}

/// Position in a listing split into pages.
#[derive(Debug, Clone, Serialize)]
pub struct Paginator {
    /// Current page number (1-based).
    pub current: usize,
    /// Number of pages.
    pub total: usize,
    /// Previous page URL.
    pub prev_url: Option<String>,
    /// Next page URL.
    pub next_url: Option<String>,
    /// Every page.
    pub pages: Vec<PaginatorLink>,
}

/// One page of a listing.
#[derive(Debug, Clone, Serialize)]
pub struct PaginatorLink {
    /// Page number.
    pub number: usize,
    /// URL.
    pub url: String,
}

/// A link to another page (previous/next, installments).
#[derive(Debug, Clone, Serialize)]
pub struct NavLink {
    /// Title.
    pub title: String,
    /// URL.
    pub url: String,
    /// Language tag of the title.
    pub lang_tag: String,
}

/// Where a page stands in its series.
#[derive(Debug, Clone, Serialize)]
pub struct SeriesNav {
    /// Series title.
    pub title: String,
    /// Series index URL.
    pub url: String,
    /// Edition of this installment, written in the page's language (`第4届`).
    pub edition_display: String,
    /// Previous installment.
    pub prev: Option<NavLink>,
    /// Next installment.
    pub next: Option<NavLink>,
}

/// One edition on a series index.
#[derive(Debug, Clone, Serialize)]
pub struct EditionView {
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
    pub installments: Vec<NavLink>,
}

/// The current page in one language, for the language switcher and hreflang.
#[derive(Debug, Clone, Serialize)]
pub struct TranslationLink {
    /// Language code.
    pub code: String,
    /// Language name in that language.
    pub name: String,
    /// Language tag (`hreflang`).
    pub tag: String,
    /// URL of the page in that language.
    pub url: String,
    /// Absolute URL.
    pub permalink: String,
    /// True for the language being rendered.
    pub current: bool,
}

/// Everything a template gets.
#[derive(Debug, Serialize)]
pub struct TemplateContext<'a> {
    /// The site in this language.
    pub site: &'a SiteView,
    /// Absolute URL of this page.
    pub canonical: String,
    /// Plain-text meta description.
    pub description: String,
    /// This page in every language of the site.
    pub translations: Vec<TranslationLink>,
    /// Absolute URL of this page in the default language.
    pub x_default: String,
    /// True when this language has no translation and the original is shown.
    pub fallback: bool,
    /// Language tag of the body text (the original's when `fallback`).
    pub content_lang_tag: String,
    /// `article` for pages, `website` otherwise (Open Graph).
    pub og_type: &'static str,
    /// JSON-LD for the page (already escaped for a `<script>`), or empty.
    pub jsonld: String,
    /// Set for `home.html` and `section.html`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<SectionView>,
    /// Set for `page.html`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<PageView>,
    /// Set for `data.html`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<DataView>,
    /// Set for `data_index.html`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_index: Option<DataIndexView>,
    /// Set for `search.html`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<SearchView>,
}

/// The search page's resources.
#[derive(Debug, Clone, Serialize)]
pub struct SearchView {
    /// URL of this language's index JSON.
    pub index_url: String,
    /// URL of the search script.
    pub script_url: String,
}

/// A data table's own page.
#[derive(Debug, Clone, Serialize)]
pub struct DataView {
    /// Table id.
    pub id: String,
    /// Title in the page's language.
    pub title: String,
    /// URL of this page.
    pub url: String,
    /// The table (HTML).
    pub table: String,
    /// Charts (SVG in HTML).
    pub charts: Vec<String>,
    /// Source file of the figures.
    pub source: String,
    /// `YYYY-MM-DD` the figures refer to.
    pub as_of: String,
    /// The same date written in the page's language.
    pub as_of_display: String,
    /// CSV download URL.
    pub csv_url: String,
    /// Home and the data index.
    pub breadcrumbs: Vec<Crumb>,
}

/// A table in the data index.
#[derive(Debug, Clone, Serialize)]
pub struct DataRef {
    /// Table id.
    pub id: String,
    /// Title.
    pub title: String,
    /// URL of its page.
    pub url: String,
    /// `YYYY-MM-DD`.
    pub as_of: String,
    /// Date in the page's language.
    pub as_of_display: String,
    /// Number of rows.
    pub rows: usize,
}

/// The list of all data tables.
#[derive(Debug, Clone, Serialize)]
pub struct DataIndexView {
    /// Title (from the UI strings).
    pub title: String,
    /// URL.
    pub url: String,
    /// Home.
    pub breadcrumbs: Vec<Crumb>,
    /// Every table.
    pub tables: Vec<DataRef>,
}
