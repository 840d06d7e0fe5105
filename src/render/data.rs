//! Data in pages: shortcodes expanded per language, and the data pages
//! (`/data/`, `/data/<id>/` with its CSV) in every language.

use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use super::builder::{correction_views, ViewBuilder};
use std::cell::Cell;

use super::chart::{chart_figure, chart_svg, ChartPlace};
use super::datatable::{data_page_table_html, numbered_table_html, table_csv, table_html, LangCtx};
use super::notice::correction_notice_html;
use super::open_data::{
    format_of, table_csvw, table_json, temporal_coverage, DataLang, Publication,
};
use super::views::{Crumb, DataIndexView, DataRef, DataView, DownloadView};
use crate::data::{format, Cell as DataCell, ColumnType, DataTable};
use crate::diagnostics::{line_col, Diagnostic};
use crate::i18n::Strings;
use crate::locale::{format_date, Style};
use crate::markdown::shortcodes::{self, Shortcode};
use crate::output::OutputFile;
use crate::resolve::{DataTarget, Entry, Figure, FigureKind, Figures, LangId, Site};
use crate::suggest::{self, Known};
use crate::templates::Templates;

/// The site's data tables, by id (the position in `tables` is the position
/// of the table's pages in [`crate::resolve::Lang::data`]).
pub struct DataSet<'a> {
    tables: &'a [DataTable],
    by_id: HashMap<&'a str, usize>,
}

impl<'a> DataSet<'a> {
    /// Indexes `tables`.
    pub fn new(tables: &'a [DataTable]) -> Self {
        DataSet {
            tables,
            by_id: tables
                .iter()
                .enumerate()
                .map(|(i, t)| (t.id.as_str(), i))
                .collect(),
        }
    }

    /// The table with `id` and its position.
    pub(crate) fn get(&self, id: &str) -> Option<(usize, &'a DataTable)> {
        self.by_id.get(id).map(|&i| (i, &self.tables[i]))
    }

    /// The nearest table id to `id` with its file, and all of them when few.
    fn table_hint(&self, id: &str) -> Option<String> {
        let known: Vec<Known> = self
            .tables
            .iter()
            .map(|t| Known::at(&t.id, t.path.display().to_string()))
            .collect();
        suggest::hint(id, "tables", &known)
    }
}

/// The language context of tables and charts written in `lang`.
pub fn lang_ctx<'a>(site: &'a Site, lang: LangId, strings: &'a [Strings]) -> LangCtx<'a> {
    let l = site.lang(lang);
    LangCtx {
        lang: &l.code,
        default: &site.default_lang().code,
        zh_tag: &site.han_tag,
        style: l.style,
        strings: &strings[lang.index()],
    }
}

/// Expands `{{ table }}`, `{{ chart }}` and `{{ stat }}` in an entry's body for its
/// language; problems name the Markdown file and line.
pub fn expand(
    site: &Site,
    entry: &Entry,
    body: &str,
    data: &DataSet<'_>,
    strings: &[Strings],
) -> (String, Vec<Diagnostic>) {
    let src = site.source(entry);
    let at = |offset: usize, (message, hint): Fail| {
        let (line, col) = line_col(body, offset);
        let d = Diagnostic::error(&src.path, line + src.body_line_offset, col, message);
        match hint {
            Some(h) => d.with_hint(h),
            None => d,
        }
    };
    let (calls, found_problems) = shortcodes::find(body);
    let mut problems: Vec<Diagnostic> = found_problems
        .into_iter()
        .map(|(o, m, h)| at(o, (m, h)))
        .collect();
    if calls.is_empty() {
        return (body.to_string(), problems);
    }
    // Figures are written in the language of the text around them.
    let ctx = lang_ctx(site, entry.text_lang, strings);
    let pages = &site.lang(entry.text_lang).data;
    // The numbers of this page's tables and charts, in the order of its calls.
    let figures = &site.lang(entry.lang).figures;
    let placed: Vec<&Figure> = site
        .index_of(&entry.key, entry.lang)
        .map(|i| figures.of_entry(i).collect())
        .unwrap_or_default();
    let next_figure = Cell::new(0);
    let label = |f: &Figure| figure_label(&ctx, f);
    let one = |call: &Shortcode| -> Result<String, Fail> {
        let arg = |k: &str| call.args.get(k).map(String::as_str);
        if call.name == "ref" {
            return figure_ref(site, entry, figures, &ctx, &call.args).map_err(plain);
        }
        let id = arg("id").ok_or_else(|| plain(format!("`{}` needs id=\"…\"", call.name)))?;
        let (ti, table) = data.get(id).ok_or_else(|| {
            (
                format!("no data table `{id}` in content/data/"),
                data.table_hint(id),
            )
        })?;
        let column = |key: &str| {
            table.column(key).ok_or_else(|| {
                (
                    format!("table `{id}` has no column `{key}`"),
                    column_hint(table, key),
                )
            })
        };
        // Resolve numbered the same calls; a body edited since (`serve`) may not match.
        let figure = FigureKind::of_shortcode(&call.name).and_then(|kind| {
            let f = placed.get(next_figure.get())?;
            next_figure.set(next_figure.get() + 1);
            (f.kind == kind && f.table == id).then_some(*f)
        });
        match call.name.as_str() {
            "table" => {
                // The table's corrections show wherever it is placed, as on its data page.
                let figure_id = figure.map_or_else(|| format!("data-{id}"), |f| f.anchor.clone());
                let views =
                    correction_views(site, ctx.strings, entry.text_lang, &pages[ti].corrections);
                let notice =
                    correction_notice_html(&ctx, &views, &format!("{figure_id}-corrections"));
                let (page_url, csv_url) = (&pages[ti].page.url, &pages[ti].csv.url);
                Ok(match figure {
                    Some(f) => numbered_table_html(
                        table,
                        &ctx,
                        page_url,
                        csv_url,
                        &f.anchor,
                        &label(f),
                        &notice,
                    ),
                    None => table_html(table, &ctx, page_url, csv_url, &notice),
                })
            }
            "chart" => {
                if let Some(key) = arg("col") {
                    column(key)?;
                }
                let chart = chart_svg(table, arg("kind").unwrap_or("bar"), arg("col"), &ctx)
                    .map_err(plain)?;
                let numbered = figure.map(|f| (f.anchor.as_str(), label(f)));
                let place = ChartPlace {
                    page_url: &pages[ti].page.url,
                    number: numbered.as_ref().map(|(a, l)| (*a, l.as_str())),
                };
                Ok(chart_figure(&chart, table, &ctx, Some(&place)))
            }
            _ => {
                let row_id = arg("row").ok_or_else(|| plain("`stat` needs row=\"…\""))?;
                let col_key = arg("col").ok_or_else(|| plain("`stat` needs col=\"…\""))?;
                let row = table.row(row_id).ok_or_else(|| {
                    (
                        format!("table `{id}` has no row `{row_id}`"),
                        row_hint(table, row_id),
                    )
                })?;
                let c = column(col_key)?;
                let (cell, column) = (&row.cells[c], &table.columns[c]);
                // unit=false: the sentence around it writes the unit itself.
                let text = match arg("unit") {
                    None | Some("true") => {
                        format::figure(cell, column, ctx.lang, ctx.default, ctx.style, ctx.strings)
                    }
                    Some("false") => format::cell(cell, column, ctx.lang, ctx.default),
                    Some(other) => {
                        return Err(plain(format!("`unit` is true or false, not `{other}`")));
                    }
                };
                Ok(format!(
                    "<span class=\"stat\" data-table=\"{}\">{}</span>",
                    crate::html::escape(id),
                    ctx.text(&text)
                ))
            }
        }
    };
    let (out, expand_problems) = shortcodes::expand(body, &calls, &one);
    problems.extend(expand_problems.into_iter().map(|(o, m)| at(o, m)));
    (out, problems)
}

/// `表3`: the label of a numbered figure in the language of `ctx` (UI strings
/// `table_label`, `chart_label`; the bare number when the theme lacks them).
pub fn figure_label(ctx: &LangCtx<'_>, f: &Figure) -> String {
    let n = f.number.to_string();
    ctx.strings
        .get(f.kind.label_key())
        .map_or_else(|| n.clone(), |s| s.replace("{n}", &n))
}

/// `{{ ref(table="…") }}` / `{{ ref(chart="…") }}`: the label of the first
/// placement of that table or chart, linked to it (its page and anchor).
fn figure_ref(
    site: &Site,
    entry: &Entry,
    figures: &Figures,
    ctx: &LangCtx<'_>,
    args: &std::collections::BTreeMap<String, String>,
) -> Result<String, String> {
    let (kind, id) = match (args.get("table"), args.get("chart"), args.len()) {
        (Some(id), None, 1) => (FigureKind::Table, id),
        (None, Some(id), 1) => (FigureKind::Chart, id),
        _ => return Err("`ref` takes one of table=\"…\" or chart=\"…\"".to_string()),
    };
    let what = match kind {
        FigureKind::Table => "table",
        FigureKind::Chart => "chart",
    };
    let f = figures.first(kind, id).ok_or_else(|| {
        format!(
            "ref: no page places a {what} of data table `{id}` (`{{{{ {what}(id=\"{id}\") }}}}`)"
        )
    })?;
    let target = &site.entries[f.entry];
    let href = if target.url == entry.url {
        format!("#{}", f.anchor)
    } else {
        format!("{}#{}", target.url, f.anchor)
    };
    Ok(format!(
        "<a class=\"figure-ref\" href=\"{}\">{}</a>",
        crate::html::escape(&href),
        crate::html::escape(&figure_label(ctx, f))
    ))
}

/// A shortcode failure: message and hint.
type Fail = (String, Option<String>);

fn plain(message: impl Into<String>) -> Fail {
    (message.into(), None)
}

/// The nearest column of `table` to `key`, and all of them when few.
fn column_hint(table: &DataTable, key: &str) -> Option<String> {
    let known: Vec<Known> = table
        .columns
        .iter()
        .map(|c| Known::at(&c.key, &c.at))
        .collect();
    suggest::hint(key, &format!("columns of `{}`", table.id), &known)
}

/// The nearest row id of `table` to `id`, and all of them when few.
fn row_hint(table: &DataTable, id: &str) -> Option<String> {
    let known: Vec<Known> = table.rows.iter().map(|r| Known::at(&r.id, &r.at)).collect();
    suggest::hint(id, &format!("rows of `{}`", table.id), &known)
}

/// Charts shown on a table's page: a bar chart of each numeric column (years
/// excepted: they label the bars) that has at least two numbers, each captioned
/// with the column it draws. The page is the table's full record, so no column
/// is left out, and columns in different units never share an axis.
fn default_charts(t: &DataTable, ctx: &LangCtx<'_>) -> Vec<String> {
    t.columns
        .iter()
        .enumerate()
        .filter(|(_, c)| !matches!(c.kind, ColumnType::Text | ColumnType::Year))
        .filter(|(i, _)| {
            let numbers = t
                .rows
                .iter()
                .filter(|r| matches!(r.cells[*i], DataCell::Number(_)));
            numbers.count() >= 2
        })
        .filter_map(|(_, c)| chart_svg(t, "bar", Some(&c.key), ctx).ok())
        .map(|chart| chart_figure(&chart, t, ctx, None))
        .collect()
}

/// The files of a table's downloads in one language, in the order of
/// [`crate::resolve::DataTarget::downloads`].
fn downloads(
    t: &DataTable,
    pages: &DataTarget,
    ctx: &LangCtx<'_>,
    publication: &Publication<'_>,
    company: &str,
) -> Result<[Vec<u8>; 4], Diagnostic> {
    let xlsx = super::xlsx::table_xlsx(t, ctx, company)
        .map_err(|m| Diagnostic::error(&t.path, 0, 0, m))?;
    let csv_name = pages.csv.out_path.rsplit('/').next().unwrap_or_default();
    Ok([
        table_csv(t, ctx),
        xlsx,
        table_json(t, publication),
        table_csvw(t, csv_name, publication),
    ])
}

/// Renders `/data/` and `/data/<id>/` (with `<id>.csv`) in every language.
pub(super) fn data_pages(
    b: &ViewBuilder<'_>,
    templates: &Templates,
    data: &DataSet<'_>,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let site = b.site;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    if data.tables.is_empty() {
        return Ok(files);
    }
    for lang in &site.langs {
        let ctx = lang_ctx(site, lang.id, b.strings);
        let home = Crumb {
            title: Cow::Borrowed(&lang.title),
            url: &site.home(lang.id).url,
            lang_tag: &lang.tag,
            lang: "",
        };
        let index_title = ctx.t("data_index_title");
        let refs: Vec<DataRef> = data
            .tables
            .iter()
            .zip(&lang.data)
            .map(|(t, pages)| DataRef {
                id: &t.id,
                title: t.title.get(ctx.lang, ctx.default),
                url: &pages.page.url,
                as_of: t.as_of.date().to_string(),
                as_of_display: format_date(t.as_of.date(), ctx.style, ctx.strings),
                rows: t.rows.len(),
            })
            .collect();
        let mut index_ctx = b.generated(lang.id, |l| &l.data_index);
        index_ctx.data_index = Some(DataIndexView {
            title: index_title.clone(),
            url: &lang.data_index.url,
            breadcrumbs: vec![home.clone()],
            tables: refs,
        });
        match templates.render(
            lang.id,
            "data_index.html",
            &index_ctx,
            Path::new("content/data"),
        ) {
            Ok(html) => files.push(OutputFile::page(
                site.config.minify,
                lang.data_index.out_path.clone(),
                html,
            )),
            Err(d) => problems.push(d),
        }
        // Tables render in parallel (each with its charts and downloads).
        let publication = Publication {
            langs: site
                .langs
                .iter()
                .map(|l| DataLang {
                    tag: &l.tag,
                    ctx: lang_ctx(site, l.id, b.strings),
                })
                .collect(),
            license: site.config.license_url.as_deref(),
            publisher: site.config.publisher.as_ref(),
        };
        let localized =
            |l: Option<&crate::config::Localized>| l.map(|l| l.get(ctx.lang, ctx.default));
        let publisher = localized(site.config.publisher.as_ref());
        let region = localized(site.config.region.as_ref());
        let per_table: Vec<Result<Vec<OutputFile>, Diagnostic>> = data
            .tables
            .par_iter()
            .enumerate()
            .map(|(ti, t)| {
                let pages = &lang.data[ti];
                let files = downloads(
                    t,
                    pages,
                    &ctx,
                    &publication,
                    publisher.as_deref().unwrap_or_default(),
                )?;
                let targets = pages.downloads();
                let views: Vec<DownloadView> = targets
                    .iter()
                    .zip(&files)
                    .map(|((kind, target), bytes)| {
                        let (format, media_type) = format_of(kind);
                        DownloadView {
                            kind,
                            format,
                            media_type,
                            about: ctx
                                .strings
                                .get(&format!("data_{kind}_about"))
                                .cloned()
                                .unwrap_or_default(),
                            url: &target.url,
                            bytes: bytes.len(),
                            size: super::builder::format_size(bytes.len() as u64),
                        }
                    })
                    .collect();
                let view = DataView {
                    id: &t.id,
                    title: t.title.get(ctx.lang, ctx.default),
                    url: &pages.page.url,
                    table: data_page_table_html(t, &ctx),
                    charts: default_charts(t, &ctx),
                    source: ctx.citation(&t.source),
                    as_of: t.as_of.date().to_string(),
                    as_of_display: format_date(t.as_of.date(), ctx.style, ctx.strings),
                    downloads: views,
                    breadcrumbs: vec![
                        home.clone(),
                        Crumb {
                            title: Cow::Borrowed(index_title.as_str()),
                            url: &lang.data_index.url,
                            lang_tag: &lang.tag,
                            lang: "",
                        },
                    ],
                };
                let variables = t
                    .columns
                    .iter()
                    .filter(|c| !matches!(c.kind, ColumnType::Text | ColumnType::Year))
                    .map(|c| {
                        let header =
                            format::header(c, ctx.lang, ctx.default, ctx.style, ctx.strings);
                        let unit = c
                            .unit
                            .as_deref()
                            .filter(|u| !u.is_empty())
                            .map(|u| crate::locale::unit_label(u, ctx.style, ctx.strings));
                        (header, unit)
                    })
                    .collect();
                // JSON-LD's isBasedOn: the source's URL, else its citation in words.
                let based_on = t.source.url.clone().unwrap_or_else(|| {
                    t.source
                        .citation(ctx.lang, ctx.default, ctx.style, ctx.strings)
                });
                let mut page_ctx = b.generated(lang.id, |l| &l.data[ti].page);
                page_ctx.description = Cow::Owned(table_description(
                    &view.title,
                    t.note.as_ref().map(|n| n.get(ctx.lang, ctx.default)),
                    ctx.style,
                ));
                page_ctx.jsonld = super::jsonld::dataset(&super::jsonld::DatasetLd {
                    name: &view.title,
                    url: &pages.page.permalink,
                    lang: &lang.tag,
                    source: &based_on,
                    temporal: temporal_coverage(t),
                    as_of: view.as_of.clone(),
                    variables,
                    downloads: targets
                        .iter()
                        .zip(&view.downloads)
                        .map(|((_, target), d)| {
                            (
                                d.format,
                                d.media_type,
                                target.permalink.as_str(),
                                d.size.clone(),
                            )
                        })
                        .collect(),
                    publisher: publisher.clone(),
                    region: region.clone(),
                    license: site.config.license_url.as_deref(),
                });
                page_ctx.data = Some(view);
                page_ctx.corrections = b.correction_views(lang.id, &lang.data[ti].corrections);
                let html = templates.render(lang.id, "data.html", &page_ctx, &t.path)?;
                let mut out = vec![OutputFile::page(
                    site.config.minify,
                    pages.page.out_path.clone(),
                    html,
                )];
                for ((_, target), bytes) in targets.iter().zip(files) {
                    out.push(OutputFile::bytes(target.out_path.clone(), bytes));
                }
                Ok(out)
            })
            .collect();
        for r in per_table {
            match r {
                Ok(f) => files.extend(f),
                Err(d) => problems.push(d),
            }
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// Plain text of the tables a body inserts (title and cells in the page's
/// language), so search finds figures shown in tables.
pub fn tables_text(
    site: &Site,
    lang: LangId,
    body: &str,
    data: &DataSet<'_>,
    strings: &[Strings],
) -> String {
    let ctx = lang_ctx(site, lang, strings);
    let mut out = String::new();
    for call in shortcodes::find(body)
        .0
        .iter()
        .filter(|c| c.name == "table")
    {
        let Some((_, t)) = call.args.get("id").and_then(|id| data.get(id)) else {
            continue;
        };
        out.push(' ');
        out.push_str(&t.title.get(ctx.lang, ctx.default));
        for row in &t.rows {
            for (c, cell) in t.columns.iter().zip(&row.cells) {
                out.push(' ');
                out.push_str(&format::figure(
                    cell,
                    c,
                    ctx.lang,
                    ctx.default,
                    ctx.style,
                    ctx.strings,
                ));
            }
        }
    }
    out
}

/// A data page's meta description: the table's title, then its note.
fn table_description(title: &str, note: Option<String>, style: Style) -> String {
    match note.filter(|n| !n.trim().is_empty()) {
        None => title.to_string(),
        Some(n) => match style {
            Style::Chinese => format!("{title}：{n}"),
            Style::Mongolian => format!("{title}\u{1804} {n}"),
            Style::Plain => format!("{title}: {n}"),
        },
    }
}
