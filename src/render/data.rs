//! Data in pages: shortcodes expanded per language, and the data pages
//! (`/data/`, `/data/<id>/` with its CSV) in every language.

use rayon::prelude::*;
use std::collections::HashMap;
use std::path::Path;

use super::chart::chart_svg;
use super::datatable::{table_csv, table_html, LangCtx};
use super::generated;
use super::views::{Crumb, DataIndexView, DataRef, DataView, SiteView};
use crate::data::{format, DataTable};
use crate::diagnostics::{line_col, Diagnostic};
use crate::i18n::Strings;
use crate::locale::{format_date, Style};
use crate::markdown::shortcodes::{self, Shortcode};
use crate::output::OutputFile;
use crate::resolve::{Entry, Site};
use crate::templates::Templates;

/// The site's data tables by id.
pub struct DataSet<'a> {
    tables: &'a [DataTable],
    by_id: HashMap<&'a str, &'a DataTable>,
}

impl<'a> DataSet<'a> {
    /// Indexes `tables`.
    pub fn new(tables: &'a [DataTable]) -> Self {
        DataSet {
            tables,
            by_id: tables.iter().map(|t| (t.id.as_str(), t)).collect(),
        }
    }
}

/// Language context for language index `li`.
pub fn lang_ctx<'a>(site: &'a Site, li: usize, strings: &'a [Strings]) -> LangCtx<'a> {
    let lang = &site.config.languages[li];
    let zh_tag = site
        .config
        .languages
        .iter()
        .find(|l| Style::for_tag(&l.tag) == Style::Chinese)
        .map_or("zh-Hans", |l| l.tag.as_str());
    LangCtx {
        lang: &lang.code,
        default: &site.config.default_language().code,
        zh_tag,
        style: Style::for_tag(&lang.tag),
        strings: &strings[li],
    }
}

fn prefix(site: &Site, li: usize) -> String {
    generated::lang_prefix(site, li)
}

/// Root-relative URL of a table's page, or of the data index when `id` is `None`.
pub fn data_url(site: &Site, li: usize, id: Option<&str>) -> String {
    let p = prefix(site, li);
    match id {
        Some(id) => format!("{}{p}data/{id}/", site.config.base_path),
        None => format!("{}{p}data/", site.config.base_path),
    }
}

fn csv_url(site: &Site, li: usize, id: &str) -> String {
    format!("{}{id}.csv", data_url(site, li, Some(id)))
}

/// Expands `{{ table }}`, `{{ chart }}` and `{{ stat }}` in an entry's body for its
/// language; problems name the Markdown file and line.
pub fn expand(
    site: &Site,
    entry: &Entry,
    li: usize,
    body: &str,
    data: &DataSet<'_>,
    strings: &[Strings],
) -> (String, Vec<Diagnostic>) {
    let src = site.source(entry);
    let at = |offset: usize, message: String| {
        let (line, col) = line_col(body, offset);
        Diagnostic::error(&src.path, line + src.body_line_offset, col, message)
    };
    let (calls, found_problems) = shortcodes::find(body);
    let mut problems: Vec<Diagnostic> = found_problems.into_iter().map(|(o, m)| at(o, m)).collect();
    if calls.is_empty() {
        return (body.to_string(), problems);
    }
    let ctx = lang_ctx(site, li, strings);
    let one = |call: &Shortcode| -> Result<String, String> {
        let arg = |k: &str| call.args.get(k).map(String::as_str);
        let id = arg("id").ok_or_else(|| format!("`{}` needs id=\"…\"", call.name))?;
        let table = data
            .by_id
            .get(id)
            .ok_or_else(|| format!("no data table `{id}` in content/data/"))?;
        match call.name.as_str() {
            "table" => Ok(table_html(
                table,
                &ctx,
                &data_url(site, li, Some(id)),
                &csv_url(site, li, id),
            )),
            "chart" => chart_svg(table, arg("kind").unwrap_or("bar"), arg("col"), &ctx),
            _ => {
                let row_id = arg("row").ok_or("`stat` needs row=\"…\"")?;
                let col_key = arg("col").ok_or("`stat` needs col=\"…\"")?;
                let row = table
                    .row(row_id)
                    .ok_or_else(|| format!("table `{id}` has no row `{row_id}`"))?;
                let c = table
                    .column(col_key)
                    .ok_or_else(|| format!("table `{id}` has no column `{col_key}`"))?;
                let text = format::figure(
                    &row.cells[c],
                    &table.columns[c],
                    ctx.lang,
                    ctx.default,
                    ctx.style,
                    ctx.strings,
                );
                Ok(format!(
                    "<span class=\"stat\" data-table=\"{}\">{}</span>",
                    super::html::escape(id),
                    ctx.text(&text)
                ))
            }
        }
    };
    let (out, expand_problems) = shortcodes::expand(body, &calls, &one);
    problems.extend(expand_problems.into_iter().map(|(o, m)| at(o, m)));
    (out, problems)
}

/// Charts shown on a table's page: the bar chart of its first numeric column when
/// it has at least two numbers.
fn default_charts(t: &DataTable, ctx: &LangCtx<'_>) -> Vec<String> {
    if t.rows.len() < 2 {
        return Vec::new();
    }
    chart_svg(t, "bar", None, ctx)
        .map(|svg| vec![svg])
        .unwrap_or_default()
}

/// Renders `/data/` and `/data/<id>/` (with `<id>.csv`) in every language.
pub fn data_pages(
    site: &Site,
    templates: &Templates,
    strings: &[Strings],
    data: &DataSet<'_>,
    sites: &[SiteView],
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    if data.tables.is_empty() {
        return Ok(files);
    }
    let absolute = |url: &str| generated::absolute(site, url);
    for (li, sv) in sites.iter().enumerate() {
        let ctx = lang_ctx(site, li, strings);
        let home = Crumb {
            title: sv.title.clone(),
            url: sv.home_url.clone(),
            lang_tag: sv.lang_tag.clone(),
        };
        let index_title = ctx.t("data_index_title");
        let index_url = data_url(site, li, None);
        let refs: Vec<DataRef> = data
            .tables
            .iter()
            .map(|t| DataRef {
                id: t.id.clone(),
                title: t.title.get(ctx.lang, ctx.default),
                url: data_url(site, li, Some(&t.id)),
                as_of: t.as_of.date().to_string(),
                as_of_display: format_date(t.as_of.date(), ctx.style, ctx.strings),
                rows: t.rows.len(),
            })
            .collect();
        let page = |id: Option<&str>, data: Option<DataView>, data_index: Option<DataIndexView>| {
            let path = id.map_or_else(|| "data/".to_string(), |id| format!("data/{id}/"));
            let mut ctx = generated::context(site, sv, li, &path);
            if let Some(d) = &data {
                ctx.jsonld = super::jsonld::dataset(
                    &d.title,
                    &absolute(&d.url),
                    &absolute(&d.csv_url),
                    &d.as_of,
                    &sv.lang_tag,
                    &d.source,
                );
            }
            ctx.data = data;
            ctx.data_index = data_index;
            ctx
        };
        let index = DataIndexView {
            title: index_title.clone(),
            url: index_url.clone(),
            breadcrumbs: vec![home.clone()],
            tables: refs,
        };
        match templates.render(
            li,
            "data_index.html",
            &page(None, None, Some(index)),
            Path::new("content/data"),
        ) {
            Ok(html) => files.push(OutputFile::page(
                site.config.minify,
                format!("{}data/index.html", prefix(site, li)),
                html,
            )),
            Err(d) => problems.push(d),
        }
        // Tables render in parallel (each with its chart and CSV).
        let per_table: Vec<Result<Vec<OutputFile>, Diagnostic>> = data
            .tables
            .par_iter()
            .map(|t| {
                let url = data_url(site, li, Some(&t.id));
                let view = DataView {
                    id: t.id.clone(),
                    title: t.title.get(ctx.lang, ctx.default),
                    url: url.clone(),
                    table: table_html(t, &ctx, &url, &csv_url(site, li, &t.id)),
                    charts: default_charts(t, &ctx),
                    source: t.source.clone(),
                    as_of: t.as_of.date().to_string(),
                    as_of_display: format_date(t.as_of.date(), ctx.style, ctx.strings),
                    csv_url: csv_url(site, li, &t.id),
                    breadcrumbs: vec![
                        home.clone(),
                        Crumb {
                            title: index_title.clone(),
                            url: index_url.clone(),
                            lang_tag: sv.lang_tag.clone(),
                        },
                    ],
                };
                let html = templates.render(
                    li,
                    "data.html",
                    &page(Some(&t.id), Some(view), None),
                    &t.path,
                )?;
                Ok(vec![
                    OutputFile::page(
                        site.config.minify,
                        format!("{}data/{}/index.html", prefix(site, li), t.id),
                        html,
                    ),
                    OutputFile::bytes(
                        format!("{}data/{id}/{id}.csv", prefix(site, li), id = t.id),
                        table_csv(t, &ctx),
                    ),
                ])
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
    li: usize,
    body: &str,
    data: &DataSet<'_>,
    strings: &[Strings],
) -> String {
    let ctx = lang_ctx(site, li, strings);
    let mut out = String::new();
    for call in shortcodes::find(body)
        .0
        .iter()
        .filter(|c| c.name == "table")
    {
        let Some(t) = call
            .args
            .get("id")
            .and_then(|id| data.by_id.get(id.as_str()))
        else {
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
