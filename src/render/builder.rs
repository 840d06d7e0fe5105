//! Borrowed views of the resolved site: links, listings, breadcrumbs,
//! translations, series and the site as seen from one language. Every URL
//! comes from the [`Site`]; nothing here builds one.

use std::borrow::Cow;

use super::views::{
    CorrectionView, Crumb, EditionView, NavItem, NavLink, PageRef, PdfLink, SeriesNav, SiteView,
    TagLink, TranslationLink,
};
use crate::content::SourcePage;
use crate::html::escape_tagging_han;
use crate::i18n::Strings;
use crate::locale::{format_date, ordinal, Style};
use crate::resolve::{Corrected, Edition, Entry, Lang, LangId, Site, Target};
use crate::script::is_cjk;

/// What views are made from: the site, each entry's summary, the UI strings,
/// the sizes of the PDFs (by language) and whether the theme has a print page.
pub(super) struct ViewBuilder<'a> {
    pub(super) site: &'a Site,
    pub(super) summaries: &'a [String],
    pub(super) strings: &'a [Strings],
    pub(super) pdf_sizes: &'a [Option<u64>],
    pub(super) print: bool,
    /// Whether the theme has `corrections.html` and `accessibility.html`.
    pub(super) corrections_page: bool,
    pub(super) accessibility_page: bool,
}

/// A file size for readers, in decimal units with one significant decimal at
/// most: `812 B`, `45 KB`, `1.8 MB`, `12 MB`.
pub fn format_size(bytes: u64) -> String {
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    const UNITS: [&str; 3] = ["KB", "MB", "GB"];
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    // A value that rounds to 1000 is written in the next unit (`1.0 MB`).
    while value >= 999.5 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    // One decimal below 10 (`1.8 MB`), none above (`12 MB`).
    if value < 9.95 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

/// The date of a source as `YYYY-MM-DD`, or empty.
pub(super) fn date_of(src: &SourcePage) -> String {
    src.front
        .date
        .as_ref()
        .map(|d| d.date().to_string())
        .unwrap_or_default()
}

impl<'a> ViewBuilder<'a> {
    /// A language of the site.
    pub(super) fn lang(&self, id: LangId) -> &'a Lang {
        self.site.lang(id)
    }

    /// UI strings of a language.
    pub(super) fn strings(&self, id: LangId) -> &'a Strings {
        &self.strings[id.index()]
    }

    /// The site as seen from `lang`; the menu item holding `current` is active.
    pub(super) fn site_view(&self, lang: LangId, current: Option<&str>) -> SiteView<'a> {
        let site = self.site;
        let l = self.lang(lang);
        SiteView {
            title: &l.title,
            description: &l.description,
            base_url: site.urls.base_url(),
            base_path: site.urls.base_path(),
            home_url: &site.home(lang).url,
            lang: &l.code,
            lang_tag: &l.tag,
            writing_mode: l.writing_mode.as_css(),
            nav: l
                .menu
                .iter()
                .map(|&i| {
                    let e = &site.entries[i];
                    NavItem {
                        title: &site.source(e).title,
                        url: &e.url,
                        active: current.is_some_and(|u| u.starts_with(e.url.as_str())),
                        lang_tag: self.text_tag(e),
                        lang: self.other_tag(e),
                    }
                })
                .collect(),
            generator: "bichig",
            feed_url: &l.feed.url,
            glossary_url: if site.glossary.is_some() {
                &l.glossary.url
            } else {
                ""
            },
            print_url: if self.print { &l.print.url } else { "" },
            pdf: self.pdf_link(lang),
            og_locale: &l.og_locale,
            og_locale_alternates: site
                .langs
                .iter()
                .filter(|o| o.id != lang && o.og_locale != l.og_locale)
                .map(|o| o.og_locale.as_str())
                .collect(),
            corrections_url: if self.corrections_page {
                &l.corrections_page.url
            } else {
                ""
            },
            accessibility_url: if self.accessibility_page {
                &l.accessibility.url
            } else {
                ""
            },
        }
    }

    /// Corrections `indexes` of `lang`'s list, with their notices.
    pub(super) fn correction_views(
        &self,
        lang: LangId,
        indexes: &[usize],
    ) -> Vec<CorrectionView<'a>> {
        correction_views(self.site, self.strings(lang), lang, indexes)
    }

    /// The link to `lang`'s PDF, when its size is known.
    fn pdf_link(&self, lang: LangId) -> Option<PdfLink<'a>> {
        let size = (*self.pdf_sizes.get(lang.index())?)?;
        let shown = format_size(size);
        let label = self
            .strings(lang)
            .get("pdf_link")
            .map_or_else(|| format!("PDF, {shown}"), |s| s.replace("{size}", &shown));
        Some(PdfLink {
            url: &self.lang(lang).pdf.url,
            size,
            label,
        })
    }

    /// Language tag of the text an entry shows (the original's on a fallback).
    pub(super) fn text_tag(&self, entry: &Entry) -> &'a str {
        &self.lang(entry.text_lang).tag
    }

    /// The tag of an entry's text where it is not its language's (a
    /// fallback), else empty: what a `lang="…"` on its title needs on a page
    /// of that language.
    pub(super) fn other_tag(&self, entry: &Entry) -> &'a str {
        if entry.text_lang == entry.lang {
            ""
        } else {
            self.text_tag(entry)
        }
    }

    /// The date of an entry's source written in the entry's language.
    pub(super) fn date_display(&self, entry: &Entry) -> String {
        match &self.site.source(entry).front.date {
            Some(d) => format_date(
                d.date(),
                self.lang(entry.lang).style,
                self.strings(entry.lang),
            ),
            None => String::new(),
        }
    }

    /// The last revision (`updated:`) of an entry's source as `YYYY-MM-DD`
    /// and written in the entry's language; empty strings without one.
    pub(super) fn updated(&self, entry: &Entry) -> (String, String) {
        match &self.site.source(entry).front.updated {
            Some(d) => (
                d.date().to_string(),
                format_date(
                    d.date(),
                    self.lang(entry.lang).style,
                    self.strings(entry.lang),
                ),
            ),
            None => (String::new(), String::new()),
        }
    }

    /// "Next edition: <date>" of series `n` in `lang` (UI string
    /// `next_edition`, `{date}` and `{edition}` replaced), or empty.
    pub(super) fn next_edition(&self, n: usize, lang: LangId) -> String {
        let Some(next) = self.site.series[n].next else {
            return String::new();
        };
        let ed = Edition {
            year: i64::from(next.date.year()),
            number: Some(next.number),
            date: Some(next.date),
            installments: Vec::new(),
        };
        let (number, date) = self.edition_display(&ed, lang);
        self.strings(lang)
            .get("next_edition")
            .map_or_else(|| date.clone(), |s| s.to_string())
            .replace("{date}", &date)
            .replace("{edition}", &number)
    }

    /// Entry `i` in a listing.
    pub(super) fn page_ref(&self, i: usize) -> PageRef<'a> {
        let e = &self.site.entries[i];
        let src = self.site.source(e);
        PageRef {
            title: Cow::Borrowed(&src.title),
            url: &e.url,
            summary: &self.summaries[i],
            summary_html: self.summary_html(i),
            date: date_of(src),
            date_display: self.date_display(e),
            lang_tag: self.text_tag(e),
        }
    }

    /// Entry `i`'s summary as HTML when it holds Chinese inside other text: the
    /// Han runs keep their own language (and font) there.
    pub(super) fn summary_html(&self, i: usize) -> Option<String> {
        tagged_summary(self.site, &self.site.entries[i], &self.summaries[i])
    }

    /// A link to entry `i`.
    pub(super) fn nav_link(&self, i: usize) -> NavLink<'a> {
        let e = &self.site.entries[i];
        NavLink {
            title: &self.site.source(e).title,
            url: &e.url,
            lang_tag: self.text_tag(e),
            lang: self.other_tag(e),
        }
    }

    /// The entry in every language (the language switcher, hreflang).
    pub(super) fn translations(&self, entry: &Entry) -> Vec<TranslationLink<'a>> {
        self.site
            .translations(entry)
            .into_iter()
            .map(|t| {
                let lang = self.lang(t.lang);
                TranslationLink {
                    code: &lang.code,
                    name: &lang.name,
                    tag: &lang.tag,
                    url: &t.url,
                    permalink: &t.permalink,
                    current: t.lang == entry.lang,
                }
            })
            .collect()
    }

    /// A generated page (search, tags, data) in every language: `target` picks
    /// the page from each language.
    pub(super) fn generated_translations(
        &self,
        lang: LangId,
        target: impl Fn(&'a Lang) -> &'a Target,
    ) -> Vec<TranslationLink<'a>> {
        self.site
            .langs
            .iter()
            .map(|l| {
                let t = target(l);
                TranslationLink {
                    code: &l.code,
                    name: &l.name,
                    tag: &l.tag,
                    url: &t.url,
                    permalink: &t.permalink,
                    current: l.id == lang,
                }
            })
            .collect()
    }

    /// Ancestors of an entry, from the home page down.
    pub(super) fn breadcrumbs(&self, entry: &Entry) -> Vec<Crumb<'a>> {
        let mut crumbs = Vec::new();
        let mut cur = entry.parent;
        while let Some(i) = cur {
            let e = &self.site.entries[i];
            crumbs.push(Crumb {
                title: Cow::Borrowed(&self.site.source(e).title),
                url: &e.url,
                lang_tag: self.text_tag(e),
                lang: self.other_tag(e),
            });
            cur = e.parent;
        }
        crumbs.reverse();
        crumbs
    }

    /// Tag links of an entry.
    pub(super) fn tag_links(&self, entry: &'a Entry) -> Vec<TagLink<'a>> {
        entry
            .tags
            .iter()
            .map(|t| TagLink {
                name: &t.name,
                url: t.url.as_deref().unwrap_or(""),
            })
            .collect()
    }

    /// Number and date of an edition, written in `lang`.
    fn edition_display(&self, ed: &Edition, lang: LangId) -> (String, String) {
        let style = self.lang(lang).style;
        let number = match ed.number {
            Some(n) if style == Style::Chinese => format!("第{n}届"),
            Some(n) => ordinal(n.max(0) as u64, style),
            None => String::new(),
        };
        let date = ed
            .date
            .map(|d| format_date(d, style, self.strings(lang)))
            .unwrap_or_default();
        (number, date)
    }

    /// Previous and next installment, and the edition, of a series member.
    pub(super) fn series_nav(&self, entry: &Entry) -> Option<SeriesNav<'a>> {
        let pos = entry.series?;
        let series = &self.site.series[pos.series];
        let me = &series.installments[pos.pos];
        let (edition_display, _) = self.edition_display(&series.editions[me.edition], entry.lang);
        let index = &self.site.entries[series.index];
        Some(SeriesNav {
            title: &self.site.source(index).title,
            url: &index.url,
            edition_display,
            next_edition: self.next_edition(pos.series, entry.lang),
            prev: pos
                .pos
                .checked_sub(1)
                .map(|p| self.nav_link(series.installments[p].entry)),
            next: series
                .installments
                .get(pos.pos + 1)
                .map(|x| self.nav_link(x.entry)),
        })
    }

    /// Editions of the series whose index is `entry`, newest first.
    pub(super) fn editions(&self, entry: &Entry) -> Vec<EditionView<'a>> {
        let Some(n) = entry.series_index_of else {
            return Vec::new();
        };
        self.site.series[n]
            .editions
            .iter()
            .map(|ed| {
                let (number_display, date_display) = self.edition_display(ed, entry.lang);
                EditionView {
                    year: ed.year,
                    number: ed.number.unwrap_or(0),
                    number_display,
                    date: ed.date.map(|d| d.to_string()).unwrap_or_default(),
                    date_display,
                    installments: ed.installments.iter().map(|&i| self.nav_link(i)).collect(),
                }
            })
            .collect()
    }
}

/// `summary` of entry `e` as HTML with its Han runs in their own language, when
/// the entry's text is not Chinese and holds some; `None` when plain text will do.
pub(super) fn tagged_summary(site: &Site, e: &Entry, summary: &str) -> Option<String> {
    let tag = (site.lang(e.text_lang).style != Style::Chinese && summary.chars().any(is_cjk))
        .then_some(site.han_tag.as_str())?;
    Some(escape_tagging_han(summary, false, tag))
}

/// Corrections `indexes` of `lang`'s list, with their notices written with
/// `strings` (the UI strings of `lang`); the data page, a content page and a
/// table placed on one show the same view.
pub(super) fn correction_views<'a>(
    site: &'a Site,
    strings: &Strings,
    lang: LangId,
    indexes: &[usize],
) -> Vec<CorrectionView<'a>> {
    let l = site.lang(lang);
    indexes
        .iter()
        .filter_map(|&n| l.corrections.get(n))
        .map(|c| {
            let date_display = format_date(c.date, l.style, strings);
            let (kind, key) = match c.on {
                Corrected::Page(_) => ("page", "correction_notice_page"),
                Corrected::Table(_) => ("table", "correction_notice_table"),
            };
            let notice = strings.get(key).map_or_else(
                || date_display.clone(),
                |s| s.replace("{date}", &date_display),
            );
            CorrectionView {
                date: c.date.to_string(),
                date_display,
                what: &c.what,
                what_tag: &site.lang(c.what_lang).tag,
                kind,
                title: &c.title,
                title_tag: &site.lang(c.title_lang).tag,
                url: &c.target.url,
                anchor: &c.anchor,
                link: format!("{}#{}", l.corrections_page.url, c.anchor),
                notice,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::format_size;

    #[test]
    fn sizes_for_readers() {
        assert_eq!(format_size(0), "0 B");
        assert_eq!(format_size(999), "999 B");
        assert_eq!(format_size(1000), "1.0 KB");
        assert_eq!(format_size(45_300), "45 KB");
        assert_eq!(format_size(1_800_000), "1.8 MB");
        assert_eq!(format_size(1_849_999), "1.8 MB");
        assert_eq!(format_size(9_960_000), "10 MB");
        assert_eq!(format_size(12_400_000), "12 MB");
        assert_eq!(format_size(999_999), "1.0 MB");
        assert_eq!(format_size(999_499), "999 KB");
        assert_eq!(format_size(2_500_000_000), "2.5 GB");
    }
}
