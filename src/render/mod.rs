//! Render stage: Markdown for every entry, anchor checks, then templates, in
//! parallel. Produces the output files in memory; nothing here touches disk.

pub mod chart;
pub mod data;
pub mod datatable;
pub mod html;
pub mod views;

use std::collections::HashSet;
use std::path::Path;

use rayon::prelude::*;

use crate::data::DataTable;
use crate::diagnostics::Diagnostic;
use crate::i18n::Strings;
use crate::locale::{format_date, Style};
use crate::markdown::{self, LinkContext, Rendered};
use crate::output::OutputFile;
use crate::resolve::{Entry, Site};
use crate::templates::Templates;
use data::DataSet;
use views::{
    Crumb, NavItem, PageRef, PageView, SectionRef, SectionView, SiteView, TemplateContext,
    TranslationLink,
};

/// Renders every page of the site (all languages), plus one `404.html` per language.
pub fn render_site(
    site: &Site,
    templates: &Templates,
    strings: &[Strings],
    tables: &[DataTable],
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let data = DataSet::new(tables);
    let codes: Vec<&str> = site
        .config
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    let rendered: Vec<Rendered> = site
        .entries
        .par_iter()
        .map(|e| render_markdown(site, e, &codes, &data, strings))
        .collect();
    let mut problems: Vec<Diagnostic> = rendered
        .iter()
        .flat_map(|r| r.diagnostics.iter().cloned())
        .collect();
    problems.extend(check_anchors(site, &rendered));
    if !problems.is_empty() {
        // A fallback shows its original's problems again: report each once.
        problems.sort_by(|a, b| {
            (&a.path, a.line, a.column, &a.message).cmp(&(&b.path, b.line, b.column, &b.message))
        });
        problems.dedup();
        return Err(problems);
    }

    let summaries: Vec<String> = site
        .entries
        .iter()
        .zip(&rendered)
        .map(|(e, r)| {
            site.source(e)
                .front
                .summary
                .clone()
                .unwrap_or_else(|| r.summary.clone())
        })
        .collect();
    let sites: Vec<SiteView> = (0..site.config.languages.len())
        .map(|i| site_view(site, i))
        .collect();
    let builder = ViewBuilder {
        site,
        summaries: &summaries,
        strings,
    };

    let results: Vec<Result<OutputFile, Diagnostic>> = site
        .entries
        .par_iter()
        .zip(rendered.into_par_iter())
        .map(|(entry, r)| {
            let li = lang_index(site, &entry.lang);
            let mut sv = sites[li].clone();
            for item in &mut sv.nav {
                item.active = entry.url.starts_with(&item.url);
            }
            let ctx = builder.context(entry, r, &sv);
            let name = match (entry.is_section, entry.parent) {
                (true, None) => "home.html",
                (true, Some(_)) => "section.html",
                _ => "page.html",
            };
            let html = templates.render(li, name, &ctx, &site.source(entry).path)?;
            Ok(OutputFile::html(entry.out_path.clone(), html))
        })
        .collect();

    let mut files = Vec::with_capacity(results.len() + sites.len());
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(d) => problems.push(d),
        }
    }
    for (li, sv) in sites.iter().enumerate() {
        let prefix = if li == 0 {
            String::new()
        } else {
            format!("{}/", sv.lang)
        };
        let translations = builder.translations(&site.entries[site.homes[li]]);
        let ctx = TemplateContext {
            site: sv,
            canonical: format!("{}{prefix}404.html", site.config.base_url),
            description: String::new(),
            x_default: translations
                .first()
                .map(|t| t.permalink.clone())
                .unwrap_or_default(),
            translations,
            fallback: false,
            content_lang_tag: sv.lang_tag.clone(),
            section: None,
            page: None,
            data: None,
            data_index: None,
        };
        match templates.render(li, "404.html", &ctx, Path::new("404.html")) {
            Ok(html) => files.push(OutputFile::html(format!("{prefix}404.html"), html)),
            Err(d) => problems.push(d),
        }
    }
    match data::data_pages(site, templates, strings, &data, &sites) {
        Ok(f) => files.extend(f),
        Err(d) => problems.extend(d),
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

fn lang_index(site: &Site, code: &str) -> usize {
    site.config
        .languages
        .iter()
        .position(|l| l.code == code)
        .unwrap_or(0)
}

fn render_markdown(
    site: &Site,
    entry: &Entry,
    codes: &[&str],
    data: &DataSet<'_>,
    strings: &[Strings],
) -> Rendered {
    let src = site.source(entry);
    // Figures are written in the language of the text around them.
    let (body, data_problems) = data::expand(
        site,
        entry,
        lang_index(site, &src.lang),
        &src.body,
        data,
        strings,
    );
    let ctx = LinkContext {
        path: &src.path,
        line_offset: src.body_line_offset,
        dir: &src.dir,
        languages: codes,
        tag_han: (Style::for_tag(&site.config.languages[lang_index(site, &src.lang)].tag)
            != Style::Chinese)
            .then_some(data::lang_ctx(site, 0, strings).zh_tag),
    };
    let mut rendered = markdown::render(&body, &ctx, &|key| {
        site.lookup(key, &entry.lang).map(|e| e.url.clone())
    });
    rendered.diagnostics.extend(data_problems);
    rendered
}

/// `#fragment`s of internal links must name a heading of the target page.
fn check_anchors(site: &Site, rendered: &[Rendered]) -> Vec<Diagnostic> {
    let ids: Vec<HashSet<&str>> = rendered
        .iter()
        .map(|r| r.toc.iter().map(|t| t.id.as_str()).collect())
        .collect();
    let mut problems = Vec::new();
    for (entry, r) in site.entries.iter().zip(rendered) {
        // A fallback shows the original: report its problems once, on the original.
        if entry.fallback && entry.lang != site.config.default_language().code {
            continue;
        }
        for link in &r.links {
            let Some(fragment) = &link.fragment else {
                continue;
            };
            let Some(&target) = site.by_key.get(&(link.key.clone(), entry.lang.clone())) else {
                continue;
            };
            if !ids[target].contains(fragment.as_str()) {
                problems.push(
                    Diagnostic::error(
                        &site.source(entry).path,
                        link.line,
                        link.column,
                        format!("`#{fragment}`: no such heading in {}", link.key),
                    )
                    .with_hint(
                        "headings get ids like `h-1a2b3c4d`; set one with `## Title {#my-id}`",
                    ),
                );
            }
        }
    }
    problems
}

fn site_view(site: &Site, li: usize) -> SiteView {
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
    }
}

struct ViewBuilder<'a> {
    site: &'a Site,
    summaries: &'a [String],
    strings: &'a [Strings],
}

impl ViewBuilder<'_> {
    /// The date of an entry's source written in the entry's language.
    fn date_display(&self, entry: &Entry) -> String {
        let li = lang_index(self.site, &entry.lang);
        let date = date_of(self.site.source(entry));
        let tag = &self.site.config.languages[li].tag;
        if date.is_empty() {
            date
        } else {
            format_date(&date, Style::for_tag(tag), &self.strings[li])
        }
    }

    fn page_ref(&self, i: usize) -> PageRef {
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

    fn translations(&self, entry: &Entry) -> Vec<TranslationLink> {
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

    fn context<'s>(&self, entry: &Entry, r: Rendered, sv: &'s SiteView) -> TemplateContext<'s> {
        let src = self.site.source(entry);
        let index = self.site.by_key[&(entry.key.clone(), entry.lang.clone())];
        let summary = self.summaries[index].clone();
        let description = src
            .front
            .description
            .clone()
            .unwrap_or_else(|| summary.clone());
        let (mut section, mut page) = (None, None);
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
                            pages: s.pages.iter().map(|&p| self.page_ref(p)).collect(),
                            lang_tag: title_tag(self.site, s),
                        }
                    })
                    .collect(),
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
                tags: src.front.tags.clone(),
                toc: r.toc,
                breadcrumbs: self.breadcrumbs(entry),
            });
        }
        let translations = self.translations(entry);
        let content_lang = &self.site.config.languages[lang_index(self.site, &src.lang)];
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
            section,
            page,
            data: None,
            data_index: None,
        }
    }
}

/// Language tag of the text an entry shows (the original's on a fallback).
fn title_tag(site: &Site, entry: &Entry) -> String {
    let lang = &site.source(entry).lang;
    site.config
        .language(lang)
        .map(|l| l.tag.clone())
        .unwrap_or_default()
}

fn date_of(src: &crate::content::SourcePage) -> String {
    src.front
        .date
        .as_deref()
        .map(|d| d.get(..10).unwrap_or(d).to_string())
        .unwrap_or_default()
}
