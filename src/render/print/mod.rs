//! `/print/` per language: the whole report on one page, in reading order (the
//! home page, then each section and its pages, depth first), with a cover, a
//! table of contents, numbered chapter headings and the sources of the data
//! at the end. Template `print.html`; written when the theme has it.

pub mod rewrite;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;

use super::builder::{date_of, ViewBuilder};
use super::data::DataSet;
use super::print_view::{ChapterView, CoverView, PrintView, SourceView};
use crate::diagnostics::Diagnostic;
use crate::locale::format_date;
use crate::output::OutputFile;
use crate::resolve::{Lang, Site};
use crate::templates::Templates;

/// The template of the print page.
pub const TEMPLATE: &str = "print.html";

/// Depth of an entry below the home page (0 for the home page).
fn depth(site: &Site, mut i: usize) -> usize {
    let mut d = 0;
    while let Some(p) = site.entries[i].parent {
        d += 1;
        i = p;
    }
    d
}

/// Heading numbers of chapters at the given depths: `1`, `1.1`, `1.2`, `2`…;
/// depth 0 (the home page) is not numbered.
pub fn numbers(depths: &[usize]) -> Vec<String> {
    let mut counters: Vec<usize> = Vec::new();
    depths
        .iter()
        .map(|&d| {
            if d == 0 {
                return String::new();
            }
            counters.resize(d, 0);
            counters[d - 1] += 1;
            counters
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(".")
        })
        .collect()
}

/// The anchor of a chapter from its source key (`measures/finance.md` →
/// `c-measures-finance`, the home page `c-home`), unique among `used`.
fn anchor(key: &str, used: &mut HashSet<String>) -> String {
    let path = key
        .trim_end_matches(".md")
        .trim_end_matches("_index")
        .trim_end_matches('/');
    let base = if path.is_empty() {
        "c-home".to_string()
    } else {
        format!("c-{}", path.replace('/', "-"))
    };
    let mut a = base.clone();
    let mut n = 2;
    while !used.insert(a.clone()) {
        a = format!("{base}-{n}");
        n += 1;
    }
    a
}

/// The print page of every language, from the body HTML of each entry, each
/// given to `put` once made; the problems, in the order of the languages. The
/// languages render side by side, each page on one thread: a page holds the
/// whole report and cannot be split. Each body is taken into its language's
/// chapters (an entry is in its own language's reading order only), and the
/// view is dropped once it is the template's context.
pub(super) fn pages(
    b: &ViewBuilder<'_>,
    templates: &Templates,
    bodies: &mut [String],
    data: &DataSet<'_>,
    put: &(dyn Fn(OutputFile) + Sync),
) -> Vec<Diagnostic> {
    if !b.print {
        return Vec::new();
    }
    let site = b.site;
    let by_lang: Vec<Vec<String>> = site
        .langs
        .iter()
        .map(|l| {
            l.reading_order
                .iter()
                .map(|&i| std::mem::take(&mut bodies[i]))
                .collect()
        })
        .collect();
    let made: Vec<Option<Diagnostic>> = site
        .langs
        .par_iter()
        .zip(by_lang)
        .map(|(lang, bodies)| {
            let mut ctx = b.generated(lang.id, |l| &l.print);
            ctx.print = Some(print_view(b, lang, bodies, data));
            match templates.render_owned(lang.id, TEMPLATE, ctx, Path::new("print")) {
                Ok(html) => {
                    put(OutputFile::page(
                        site.config.minify,
                        lang.print.out_path.clone(),
                        html,
                    ));
                    None
                }
                Err(d) => Some(d),
            }
        })
        .collect();
    made.into_iter().flatten().collect()
}

/// The print page of `lang`, from the bodies of its chapters (in its reading
/// order).
fn print_view<'a>(
    b: &ViewBuilder<'a>,
    lang: &'a Lang,
    bodies: Vec<String>,
    data: &DataSet<'a>,
) -> PrintView<'a> {
    let site = b.site;
    let order = &lang.reading_order;
    let depths: Vec<usize> = order.iter().map(|&i| depth(site, i)).collect();
    let numbers = numbers(&depths);
    let mut used = HashSet::new();
    let anchors: Vec<String> = order
        .iter()
        .map(|&i| anchor(&site.entries[i].key, &mut used))
        .collect();
    let by_url: HashMap<&str, &str> = order
        .iter()
        .zip(&anchors)
        .map(|(&i, a)| (site.entries[i].url.as_str(), a.as_str()))
        .collect();
    let chapters_map = ByUrl(&by_url);
    let chapters = order
        .iter()
        .zip(anchors.iter().zip(numbers))
        .zip(&depths)
        .zip(bodies)
        .map(|(((&i, (a, number)), &level), body)| {
            let e = &site.entries[i];
            ChapterView {
                content: rewrite::chapter(&body, a, level, &chapters_map),
                anchor: a.clone(),
                number,
                level,
                title: &site.source(e).title,
                lang_tag: b.text_tag(e),
                fallback: e.fallback,
                url: &e.url,
            }
        })
        .collect();
    let cover = cover(b, lang);
    PrintView {
        url: &lang.print.url,
        running_head_css: css_string(cover.title),
        cover,
        chapters,
        sources: sources(b, lang, order, data),
    }
}

/// `s` as a double-quoted CSS string that is safe inside `<style>`: quotes,
/// backslashes, line breaks and `<` (no `</style>`) written as CSS escapes.
pub fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => out.push_str(&format!("\\{:x} ", c as u32)),
            c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Chapter anchors by page URL.
struct ByUrl<'m>(&'m HashMap<&'m str, &'m str>);

impl rewrite::Chapters for ByUrl<'_> {
    fn anchor(&self, url: &str) -> Option<&str> {
        self.0.get(url).copied()
    }
}

/// The cover: the home page's title and date, the publisher, and the edition
/// of the series the home page belongs to.
fn cover<'a>(b: &ViewBuilder<'a>, lang: &'a Lang) -> CoverView<'a> {
    let site = b.site;
    let home = site.home(lang.id);
    let src = site.source(home);
    let series = b.series_nav(home);
    CoverView {
        title: &src.title,
        lang_tag: b.text_tag(home),
        publisher: site
            .config
            .publisher
            .as_ref()
            .map(|p| p.get(&lang.code, &site.default_lang().code))
            .unwrap_or_default(),
        date: date_of(src),
        date_display: b.date_display(home),
        series_title: series.as_ref().map_or("", |s| s.title),
        edition_display: series.map(|s| s.edition_display).unwrap_or_default(),
    }
}

/// The data tables the chapters show, in order of first use.
fn sources<'a>(
    b: &ViewBuilder<'a>,
    lang: &'a Lang,
    order: &[usize],
    data: &DataSet<'a>,
) -> Vec<SourceView<'a>> {
    let ctx = super::data::lang_ctx(b.site, lang.id, b.strings);
    let chapters: HashSet<usize> = order.iter().copied().collect();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for f in &lang.figures.list {
        if !chapters.contains(&f.entry) {
            continue;
        }
        let Some((ti, t)) = data.get(&f.table) else {
            continue;
        };
        if !seen.insert(ti) {
            continue;
        }
        out.push(SourceView {
            title: ctx.localized(&t.title),
            source: ctx.citation(&t.source),
            as_of: t.as_of.date().to_string(),
            as_of_display: format_date(t.as_of.date(), ctx.style, ctx.strings),
            url: &lang.data[ti].page.url,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapters_are_numbered_by_depth() {
        assert_eq!(
            numbers(&[0, 1, 2, 2, 1, 2, 3, 3, 2, 1]),
            ["", "1", "1.1", "1.2", "2", "2.1", "2.1.1", "2.1.2", "2.2", "3"]
        );
    }

    #[test]
    fn running_head_is_a_safe_css_string() {
        assert_eq!(css_string("综述"), "\"综述\"");
        assert_eq!(
            css_string("a\"b\\c</style>\n"),
            "\"a\\22 b\\5c c\\3c /style\\3e \\a \""
        );
    }

    #[test]
    fn anchors_come_from_keys_and_stay_unique() {
        let mut used = HashSet::new();
        assert_eq!(anchor("_index.md", &mut used), "c-home");
        assert_eq!(anchor("measures/_index.md", &mut used), "c-measures");
        assert_eq!(
            anchor("measures/finance.md", &mut used),
            "c-measures-finance"
        );
        assert_eq!(
            anchor("measures-finance.md", &mut used),
            "c-measures-finance-2"
        );
    }
}
