//! Citations of the report and of its pages: what is cited ([`Work`], made
//! from the site model) and how it is written (GB/T 7714-2015 text in
//! [`gbt`], BibTeX, RIS and CSL-JSON in [`formats`]). Pure: no disk access.

pub mod formats;
pub mod gbt;

use time::Date;

use crate::resolve::{Entry, LangId, Site};

/// The report a page is part of (GB/T 7714's 专著 after `//`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Container {
    /// Its authors.
    pub authors: Vec<String>,
    /// Its title.
    pub title: String,
}

/// One cited work, its text in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Work {
    /// Authors (people or bodies), in order; may be empty.
    pub authors: Vec<String>,
    /// Title.
    pub title: String,
    /// For a page: the report it belongs to.
    pub container: Option<Container>,
    /// Edition statement.
    pub edition: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Publication date.
    pub issued: Option<Date>,
    /// Last revision, when the text was revised after `issued`.
    pub updated: Option<Date>,
    /// Access date (see [`accessed`]).
    pub accessed: Option<Date>,
    /// Address of the work.
    pub url: String,
    /// BCP 47 tag of its text.
    pub lang_tag: String,
    /// Terms of use.
    pub license: Option<String>,
}

/// The access date of a citation: the later of the site's `date:` and the
/// cited text's last revision (`updated:`, else `date:`). Not the build date,
/// which would make every build differ; the text is known to read as cited
/// on that day.
pub fn accessed(site: &Site, entry: &Entry) -> Option<Date> {
    let front = &site.source(entry).front;
    let revised = front
        .updated
        .as_ref()
        .or(front.date.as_ref())
        .map(|d| d.date());
    let site_date = site.config.date.as_ref().map(|d| d.date());
    revised.max(site_date)
}

fn authors(site: &Site, code: &str, default: &str) -> Vec<String> {
    site.config
        .authors
        .iter()
        .map(|a| a.get(code, default))
        .collect()
}

/// The whole report in `lang`: its home page's dates, the site's title,
/// authors, edition, publisher and license.
pub fn report(site: &Site, lang: LangId) -> Work {
    let l = site.lang(lang);
    let default = &site.default_lang().code;
    let home = site.home(lang);
    let front = &site.source(home).front;
    let get = |t: &Option<crate::config::Localized>| t.as_ref().map(|t| t.get(&l.code, default));
    Work {
        authors: authors(site, &l.code, default),
        title: l.title.clone(),
        container: None,
        edition: get(&site.config.edition),
        publisher: get(&site.config.publisher),
        issued: front
            .date
            .as_ref()
            .or(site.config.date.as_ref())
            .map(|d| d.date()),
        updated: front.updated.as_ref().map(|d| d.date()),
        accessed: accessed(site, home),
        url: home.permalink.clone(),
        lang_tag: l.tag.clone(),
        license: get(&site.config.license),
    }
}

/// A page of the report: the report itself for a home page, else the page
/// (its title, dates and URL) inside the report.
pub fn entry(site: &Site, entry: &Entry) -> Work {
    let mut report = report(site, entry.lang);
    if entry.parent.is_none() {
        return report;
    }
    let front = &site.source(entry).front;
    let container = Container {
        authors: report.authors.clone(),
        title: std::mem::take(&mut report.title),
    };
    Work {
        title: site.source(entry).title.clone(),
        container: Some(container),
        issued: front.date.as_ref().map(|d| d.date()).or(report.issued),
        updated: front.updated.as_ref().map(|d| d.date()),
        accessed: accessed(site, entry),
        url: entry.permalink.clone(),
        lang_tag: site.lang(entry.text_lang).tag.clone(),
        ..report
    }
}
