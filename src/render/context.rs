//! Template contexts: of an entry (section or page), and of a generated page
//! (data, search, tags, 404) that comes from no content file.

use std::borrow::Cow;

use super::builder::{date_of, ViewBuilder};
use super::views::{
    CiteView, PageView, ReleaseView, SectionRef, SectionView, TemplateContext, TranslationLink,
};
use crate::markdown::Rendered;
use crate::resolve::{Entry, Lang, LangId, Target};

impl ViewBuilder<'_> {
    /// The source lines of an entry, written in its language.
    fn page_sources(&self, entry: &Entry) -> Vec<String> {
        let ctx = super::data::lang_ctx(self.site, entry.lang, self.strings);
        let label = crate::html::escape(&super::datatable::labelled(&ctx, "data_source"));
        entry
            .sources
            .iter()
            .map(|s| format!("{label}{}", ctx.citation(s)))
            .collect()
    }
}

impl<'a> ViewBuilder<'a> {
    /// The context of an entry, with its rendered body.
    pub(super) fn context(&self, index: usize, r: &'a Rendered) -> TemplateContext<'a> {
        let site = self.site;
        let entry: &'a Entry = &site.entries[index];
        let src = site.source(entry);
        let summary: &'a str = &self.summaries[index];
        let description = match &src.front.description {
            Some(d) => Cow::Borrowed(d.as_str()),
            None if !summary.trim().is_empty() => Cow::Borrowed(summary),
            // A page without text still gets a description: the site's.
            None => Cow::Borrowed(self.site_description(entry.lang)),
        };
        let (updated, updated_display) = self.updated(entry);
        let (mut section, mut page) = (None, None);
        let prev = entry.prev.map(|i| self.nav_link(i));
        let next = entry.next.map(|i| self.nav_link(i));
        let series = self.series_nav(entry);
        if entry.is_section {
            section = Some(SectionView {
                title: Cow::Borrowed(&src.title),
                url: &entry.url,
                permalink: &entry.permalink,
                content: &r.html,
                summary,
                date: date_of(src),
                date_display: self.date_display(entry),
                updated: updated.clone(),
                updated_display: updated_display.clone(),
                toc: &r.toc,
                breadcrumbs: self.breadcrumbs(entry),
                pages: entry.pages.iter().map(|&i| self.page_ref(i)).collect(),
                subsections: entry
                    .sections
                    .iter()
                    .map(|&i| self.section_ref(i))
                    .collect(),
                prev,
                next,
                series,
                editions: self.editions(entry),
                next_edition: entry
                    .series_index_of
                    .map(|n| self.next_edition(n, entry.lang))
                    .unwrap_or_default(),
                paginator: None,
            });
        } else {
            page = Some(PageView {
                title: &src.title,
                url: &entry.url,
                permalink: &entry.permalink,
                content: &r.html,
                summary,
                date: date_of(src),
                date_display: self.date_display(entry),
                updated,
                updated_display,
                tags: self.tag_links(entry),
                toc: &r.toc,
                breadcrumbs: self.breadcrumbs(entry),
                prev,
                next,
                series,
            });
        }
        let sv = self.site_view(entry.lang, Some(&entry.url));
        let content_lang = self.lang(entry.text_lang);
        let jsonld = match &page {
            Some(p) => super::jsonld::article(
                p.title,
                p.permalink,
                &p.date,
                &content_lang.tag,
                &description,
                sv.title,
            ),
            None => String::new(),
        };
        let translations = self.translations(entry);
        let corrections = self.correction_views(entry.lang, &entry.corrections);
        TemplateContext {
            site: sv,
            canonical: &entry.permalink,
            description,
            x_default: x_default(&translations),
            translations,
            fallback: entry.fallback,
            content_lang_tag: &content_lang.tag,
            og_type: if page.is_some() { "article" } else { "website" },
            section,
            page,
            data: None,
            data_index: None,
            jsonld,
            search: None,
            glossary: None,
            print: None,
            corrections,
            sources: self.page_sources(entry),
            accessibility: None,
            cite: Some(self.cite_view(entry)),
            release: entry
                .parent
                .is_none()
                .then(|| self.release_view(entry.lang)),
        }
    }

    /// The site's description in `lang`, else its title: what a page with no
    /// text of its own describes itself with.
    pub(super) fn site_description(&self, lang: LangId) -> &'a str {
        let l = self.lang(lang);
        if l.description.trim().is_empty() {
            &l.title
        } else {
            &l.description
        }
    }

    /// The "cite this" block of an entry: its GB/T 7714 citation and the
    /// report's citation files.
    fn cite_view(&self, entry: &Entry) -> CiteView<'a> {
        let l = self.lang(entry.lang);
        let et_al = self
            .strings(entry.lang)
            .get("cite_et_al")
            .map_or("等", |s| s.as_str());
        let text = crate::cite::gbt::citation(&crate::cite::entry(self.site, entry), et_al);
        let html = (l.style != crate::locale::Style::Chinese
            && text.chars().any(crate::script::is_cjk))
        .then(|| crate::html::escape_tagging_han(&text, false, &self.site.han_tag));
        CiteView {
            text,
            html,
            bib_url: &l.cite.bib.url,
            ris_url: &l.cite.ris.url,
            json_url: &l.cite.json.url,
        }
    }

    /// Edition, publisher, license and contact of the report in `lang`.
    fn release_view(&self, lang: LangId) -> ReleaseView {
        let config = &self.site.config;
        let code = &self.lang(lang).code;
        let default = &self.site.default_lang().code;
        let get = |t: &Option<crate::config::Localized>| {
            t.as_ref().map(|t| t.get(code, default)).unwrap_or_default()
        };
        let contact = config.contact.as_ref();
        ReleaseView {
            edition: get(&config.edition),
            publisher: get(&config.publisher),
            license: get(&config.license),
            contact_name: contact
                .map(|c| c.name.get(code, default))
                .unwrap_or_default(),
            contact_href: contact.map(|c| c.href()).unwrap_or_default(),
            contact_text: contact
                .and_then(|c| c.email.clone().or_else(|| c.url.clone()))
                .unwrap_or_default(),
        }
    }

    /// A subsection's card: it lists what the section's first listing page
    /// lists, so a home of 10,000 pages does not list them all.
    fn section_ref(&self, i: usize) -> SectionRef<'a> {
        let s = &self.site.entries[i];
        SectionRef {
            title: &self.site.source(s).title,
            url: &s.url,
            summary: &self.summaries[i],
            summary_html: self.summary_html(i),
            pages: s
                .pages
                .iter()
                .take(self.site.config.paginate_by.unwrap_or(usize::MAX))
                .map(|&p| self.page_ref(p))
                .collect(),
            page_count: s.pages.len(),
            lang_tag: self.text_tag(s),
        }
    }

    /// The context of a generated page of `lang`: `target` picks the same page
    /// from each language (for the switcher); the caller fills in its view.
    pub(super) fn generated(
        &self,
        lang: LangId,
        target: impl Fn(&'a Lang) -> &'a Target,
    ) -> TemplateContext<'a> {
        let l = self.lang(lang);
        let canonical = &target(l).permalink;
        let translations = self.generated_translations(lang, target);
        TemplateContext {
            site: self.site_view(lang, None),
            canonical,
            description: Cow::Borrowed(self.site_description(lang)),
            x_default: x_default(&translations),
            translations,
            fallback: false,
            content_lang_tag: &l.tag,
            og_type: "website",
            jsonld: String::new(),
            section: None,
            page: None,
            data: None,
            data_index: None,
            search: None,
            glossary: None,
            print: None,
            cite: None,
            release: None,
            corrections: Vec::new(),
            sources: Vec::new(),
            accessibility: None,
        }
    }
}

/// The `x-default` alternate: the page in the default language.
fn x_default<'a>(translations: &[TranslationLink<'a>]) -> &'a str {
    translations.first().map_or("", |t| t.permalink)
}
