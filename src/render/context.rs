//! Views for templates: the site as seen from one language, and the context of
//! each page (breadcrumbs, listings, translations, dates in the page's language).

use super::lang_index;
use super::views::{
    Crumb, NavItem, PageRef, PageView, SectionRef, SectionView, SiteView, TemplateContext,
    TranslationLink,
};
use crate::i18n::Strings;
use crate::locale::{format_date, Style};
use crate::markdown::Rendered;
use crate::resolve::{Entry, Site};

pub(super) fn site_view(site: &Site, li: usize) -> SiteView {
    let lang = &site.config.languages[li];
    let default = &site.config.default_language().code;
    let home = &site.entries[site.homes[li]];
    SiteView {
        title: site.config.title.get(&lang.code, default),
        description: site
            .config
            .description
            .as_ref()
            .map(|d| d.get(&lang.code, default))
            .unwrap_or_default(),
        base_url: site.config.base_url.clone(),
        base_path: site.config.base_path.clone(),
        home_url: home.url.clone(),
        lang: lang.code.clone(),
        lang_tag: lang.tag.clone(),
        writing_mode: lang.writing_mode.as_css().to_string(),
        nav: home
            .sections
            .iter()
            .map(|&i| NavItem {
                title: site.source(&site.entries[i]).title.clone(),
                url: site.entries[i].url.clone(),
                active: false,
                lang_tag: title_tag(site, &site.entries[i]),
            })
            .collect(),
        generator: "bichig",
        feed_url: format!(
            "{}{}atom.xml",
            site.config.base_path,
            if li == 0 {
                String::new()
            } else {
                format!("{}/", lang.code)
            }
        ),
    }
}

pub(super) struct ViewBuilder<'a> {
    pub(super) site: &'a Site,
    pub(super) summaries: &'a [String],
    pub(super) strings: &'a [Strings],
    pub(super) nav: &'a super::series_views::Navigation,
}

impl ViewBuilder<'_> {
    /// The date of an entry's source written in the entry's language.
    fn date_display(&self, entry: &Entry) -> String {
        let li = lang_index(self.site, &entry.lang);
        let tag = &self.site.config.languages[li].tag;
        match &self.site.source(entry).front.date {
            Some(d) => format_date(d.date(), Style::for_tag(tag), &self.strings[li]),
            None => String::new(),
        }
    }

    pub(super) fn page_ref(&self, i: usize) -> PageRef {
        let e = &self.site.entries[i];
        let src = self.site.source(e);
        PageRef {
            title: src.title.clone(),
            url: e.url.clone(),
            summary: self.summaries[i].clone(),
            date: date_of(src),
            date_display: self.date_display(e),
            lang_tag: title_tag(self.site, e),
        }
    }

    fn permalink(&self, entry: &Entry) -> String {
        let rel = entry
            .url
            .strip_prefix(&self.site.config.base_path)
            .unwrap_or(&entry.url);
        format!("{}{rel}", self.site.config.base_url)
    }

    pub(super) fn translations(&self, entry: &Entry) -> Vec<TranslationLink> {
        self.site
            .translations(entry)
            .into_iter()
            .filter_map(|t| {
                let lang = self.site.config.language(&t.lang)?;
                Some(TranslationLink {
                    code: lang.code.clone(),
                    name: lang.name.clone(),
                    tag: lang.tag.clone(),
                    url: t.url.clone(),
                    permalink: self.permalink(t),
                    current: t.lang == entry.lang,
                })
            })
            .collect()
    }

    fn breadcrumbs(&self, entry: &Entry) -> Vec<Crumb> {
        let mut crumbs = Vec::new();
        let mut cur = entry.parent;
        while let Some(i) = cur {
            let e = &self.site.entries[i];
            crumbs.push(Crumb {
                title: self.site.source(e).title.clone(),
                url: e.url.clone(),
                lang_tag: title_tag(self.site, e),
            });
            cur = e.parent;
        }
        crumbs.reverse();
        crumbs
    }

    pub(super) fn context<'s>(
        &self,
        entry: &Entry,
        r: Rendered,
        sv: &'s SiteView,
    ) -> TemplateContext<'s> {
        let src = self.site.source(entry);
        let index = self.site.by_key[&(entry.key.clone(), entry.lang.clone())];
        let summary = self.summaries[index].clone();
        let description = src
            .front
            .description
            .clone()
            .unwrap_or_else(|| summary.clone());
        let (mut section, mut page) = (None, None);
        let (prev, next) = self.nav.order[index];
        let (prev, next) = (
            prev.map(|i| self.nav_link(i)),
            next.map(|i| self.nav_link(i)),
        );
        let series = self.series_nav(self.nav, index);
        if entry.is_section {
            section = Some(SectionView {
                title: src.title.clone(),
                url: entry.url.clone(),
                permalink: self.permalink(entry),
                content: r.html,
                summary,
                date: date_of(src),
                date_display: self.date_display(entry),
                toc: r.toc,
                breadcrumbs: self.breadcrumbs(entry),
                pages: entry.pages.iter().map(|&i| self.page_ref(i)).collect(),
                subsections: entry
                    .sections
                    .iter()
                    .map(|&i| {
                        let s = &self.site.entries[i];
                        SectionRef {
                            title: self.site.source(s).title.clone(),
                            url: s.url.clone(),
                            summary: self.summaries[i].clone(),
                            // A card shows what the section's first listing page
                            // shows: a home of 10,000 pages does not list them all.
                            pages: s
                                .pages
                                .iter()
                                .take(self.site.config.paginate_by.unwrap_or(usize::MAX))
                                .map(|&p| self.page_ref(p))
                                .collect(),
                            page_count: s.pages.len(),
                            lang_tag: title_tag(self.site, s),
                        }
                    })
                    .collect(),
                prev,
                next,
                series,
                editions: self.editions(self.nav, entry),
                paginator: None,
            });
        } else {
            page = Some(PageView {
                title: src.title.clone(),
                url: entry.url.clone(),
                permalink: self.permalink(entry),
                content: r.html,
                summary,
                date: date_of(src),
                date_display: self.date_display(entry),
                tags: super::listing::tag_links(
                    self,
                    lang_index(self.site, &entry.lang),
                    &src.front.tags,
                ),
                toc: r.toc,
                breadcrumbs: self.breadcrumbs(entry),
                prev,
                next,
                series,
            });
        }
        let translations = self.translations(entry);
        let content_lang = &self.site.config.languages[lang_index(self.site, &src.lang)];
        let jsonld = match &page {
            Some(p) => super::jsonld::article(
                &p.title,
                &p.permalink,
                &p.date,
                &content_lang.tag,
                &description,
                &sv.title,
            ),
            None => String::new(),
        };
        TemplateContext {
            site: sv,
            canonical: self.permalink(entry),
            description,
            x_default: translations
                .first()
                .map(|t| t.permalink.clone())
                .unwrap_or_default(),
            translations,
            fallback: entry.fallback,
            content_lang_tag: content_lang.tag.clone(),
            og_type: if page.is_some() { "article" } else { "website" },
            section,
            page,
            data: None,
            data_index: None,
            jsonld,
            search: None,
        }
    }
}

/// Language tag of the text an entry shows (the original's on a fallback).
pub(super) fn title_tag(site: &Site, entry: &Entry) -> String {
    let lang = &site.source(entry).lang;
    site.config
        .language(lang)
        .map(|l| l.tag.clone())
        .unwrap_or_default()
}

fn date_of(src: &crate::content::SourcePage) -> String {
    src.front
        .date
        .as_ref()
        .map(|d| d.date().to_string())
        .unwrap_or_default()
}
