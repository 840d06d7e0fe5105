//! Data tables as accessible HTML tables, written for one language (pure).

use crate::config::Localized;
use crate::data::{format, Cell, ColumnType, DataTable};
use crate::html::{escape, escape_tagging_han};
use crate::i18n::Strings;
use crate::locale::{format_date, Style};
use crate::sources::Source;

/// The language a table or chart is written for.
pub struct LangCtx<'a> {
    /// Language code of the page.
    pub lang: &'a str,
    /// Default language code (text fallback).
    pub default: &'a str,
    /// Tag of Chinese text (for runs inside other languages).
    pub zh_tag: &'a str,
    /// Date and number style.
    pub style: Style,
    /// UI strings of the page's language.
    pub strings: &'a Strings,
}

impl LangCtx<'_> {
    /// A UI string, or the key itself when the theme lacks it.
    pub fn t(&self, key: &str) -> String {
        self.strings
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    /// Escaped text, with Chinese runs tagged on non-Chinese pages.
    pub fn text(&self, s: &str) -> String {
        escape_tagging_han(s, self.style == Style::Chinese, self.zh_tag)
    }

    /// A localized string for this language, escaped and tagged.
    pub fn localized(&self, l: &Localized) -> String {
        self.text(&l.get(self.lang, self.default))
    }

    /// A UI label followed by its colon: `来源：` in Chinese, `label: ` otherwise.
    pub fn label(&self, key: &str) -> String {
        let colon = if self.style == Style::Chinese {
            "："
        } else {
            ": "
        };
        format!("{}{colon}", escape(&self.t(key)))
    }

    /// The citation of `source` in this language as HTML (escaped, Chinese
    /// runs tagged), linked to the source when it has a URL; never its file.
    pub fn citation(&self, source: &Source) -> String {
        let text = source.cite(self.lang, self.default, self.style, self.strings, &|s| {
            self.text(s)
        });
        match &source.url {
            Some(url) => format!("<a href=\"{}\">{text}</a>", escape(url)),
            None => text,
        }
    }
}

/// `<figure>` with the table, its caption, units in the headers, and the source,
/// date and links under it. `page_url` is the table's own page, `csv_url` its CSV.
pub fn table_html(t: &DataTable, ctx: &LangCtx<'_>, page_url: &str, csv_url: &str) -> String {
    figure_html(t, ctx, page_url, csv_url, None)
}

/// [`table_html`] as a numbered figure of a page: `id` is its anchor and
/// `label` (`表3`) opens the caption.
pub fn numbered_table_html(
    t: &DataTable,
    ctx: &LangCtx<'_>,
    page_url: &str,
    csv_url: &str,
    id: &str,
    label: &str,
) -> String {
    figure_html(t, ctx, page_url, csv_url, Some((id, label)))
}

fn figure_html(
    t: &DataTable,
    ctx: &LangCtx<'_>,
    page_url: &str,
    csv_url: &str,
    number: Option<(&str, &str)>,
) -> String {
    let title = ctx.localized(&t.title);
    let header_col = t.header_column();
    let (id, caption) = match number {
        Some((id, label)) => (
            escape(id),
            format!(
                "<span class=\"figure-number\">{}</span> {title}",
                escape(label)
            ),
        ),
        None => (format!("data-{}", escape(&t.id)), title),
    };
    let mut h = format!(
        "<figure class=\"data-table\" id=\"{id}\"><div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{label}\"><table><caption>{caption}</caption><thead><tr>",
        label = escape(&t.title.get(ctx.lang, ctx.default)),
    );
    for c in &t.columns {
        let class = if c.kind == ColumnType::Text {
            ""
        } else {
            " class=\"num\""
        };
        let header = format::header(c, ctx.lang, ctx.default, ctx.style, ctx.strings);
        h.push_str(&format!(
            "<th scope=\"col\"{class}>{}</th>",
            ctx.text(&header)
        ));
    }
    h.push_str("</tr></thead><tbody>");
    for row in &t.rows {
        h.push_str("<tr>");
        for (i, (c, cell)) in t.columns.iter().zip(&row.cells).enumerate() {
            let text = ctx.text(&format::cell(cell, c, ctx.lang, ctx.default));
            let numeric = matches!(cell, Cell::Number(_));
            match (Some(i) == header_col, numeric) {
                (true, _) => h.push_str(&format!("<th scope=\"row\">{text}</th>")),
                (false, true) => h.push_str(&format!("<td class=\"num\">{text}</td>")),
                (false, false) => h.push_str(&format!("<td>{text}</td>")),
            }
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table></div><figcaption class=\"data-meta\">");
    if let Some(note) = &t.note {
        h.push_str(&format!(
            "<span class=\"data-note\">{}</span> ",
            ctx.localized(note)
        ));
    }
    h.push_str(&format!(
        "<span class=\"data-source\">{}{}</span> <span class=\"data-as-of\">{}<time datetime=\"{}\">{}</time></span> <a href=\"{}\">{}</a> <a href=\"{}\" download>{}</a></figcaption></figure>",
        ctx.label("data_source"),
        ctx.citation(&t.source),
        ctx.label("data_as_of"),
        t.as_of.date(),
        escape(&format_date(t.as_of.date(), ctx.style, ctx.strings)),
        escape(page_url),
        escape(&ctx.t("data_page")),
        escape(csv_url),
        escape(&ctx.t("data_csv")),
    ));
    h
}

/// The table as CSV (UTF-8 with a BOM, so spreadsheet programs read Chinese
/// correctly): header labels with units, then the rows, in one language.
pub fn table_csv(t: &DataTable, ctx: &LangCtx<'_>) -> Vec<u8> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let header: Vec<String> = std::iter::once("id".to_string())
        .chain(
            t.columns
                .iter()
                .map(|c| format::header(c, ctx.lang, ctx.default, ctx.style, ctx.strings)),
        )
        .collect();
    let _ = w.write_record(&header);
    for row in &t.rows {
        let cells: Vec<String> = std::iter::once(row.id.clone())
            .chain(
                t.columns
                    .iter()
                    .zip(&row.cells)
                    .map(|(c, cell)| match cell {
                        Cell::Empty => String::new(),
                        _ => format::cell(cell, c, ctx.lang, ctx.default),
                    }),
            )
            .collect();
        let _ = w.write_record(&cells);
    }
    out.extend(w.into_inner().unwrap_or_default());
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::data::parse_yaml;
    use std::path::Path;

    pub(crate) fn table() -> DataTable {
        let src = "title: { zh: 主要致贫原因 <script>, mn: ᠰᠢᠯᠲᠠᠭᠠᠨ }
source: report
as_of: 2016-12-31
columns:
  - { key: cause, label: { zh: 致贫原因, mn: ᠰᠢᠯᠲᠠᠭᠠᠨ } }
  - { key: share, label: { zh: 占比, mn: ᠬᠤᠪᠢ }, type: percent }
  - { key: people, label: { zh: 人口, mn: ᠬᠦᠮᠦᠨ }, type: amount, unit: 万人 }
rows:
  - { id: illness, cause: { zh: 因病致贫, mn: ᠡᠪᠡᠳᠴᠢᠨ }, share: 41.44, people: 23.1 }
  - { id: funds, cause: { zh: \"缺资金 & \\\"其他\\\"\", mn: 突泉县 }, share: 16.74 }
";
        parse_yaml(
            "causes",
            Path::new("c.yaml"),
            src,
            &["zh", "mn"],
            &crate::sources::for_tests(),
        )
        .unwrap()
        .0
    }

    pub(crate) fn ctx<'a>(lang: &'a str, style: Style, strings: &'a Strings) -> LangCtx<'a> {
        LangCtx {
            lang,
            default: "zh",
            zh_tag: "zh-Hans",
            style,
            strings,
        }
    }

    #[test]
    fn accessible_table_with_units_and_escaping() {
        let s = Strings::new();
        let h = table_html(
            &table(),
            &ctx("zh", Style::Chinese, &s),
            "/data/causes/",
            "/data/causes.csv",
        );
        assert!(h.contains("<caption>主要致贫原因 &lt;script&gt;</caption>"));
        assert!(h.contains("<th scope=\"col\" class=\"num\">人口(万人)</th>"));
        assert!(h.contains("<th scope=\"col\" class=\"num\">占比(%)</th>"));
        assert!(h.contains("<th scope=\"row\">因病致贫</th><td class=\"num\">41.44</td><td class=\"num\">23.1</td>"));
        assert!(h.contains("缺资金 &amp; &quot;其他&quot;"));
        assert!(
            h.contains("<td>—</td>") || h.contains("<td class=\"num\">—</td>") || h.contains(">—<")
        );
        assert!(h.contains("2016年12月31日"));
        assert!(!h.contains('\n'));
    }

    #[test]
    fn numbered_table_has_its_anchor_and_label() {
        let s = Strings::new();
        let h = numbered_table_html(
            &table(),
            &ctx("zh", Style::Chinese, &s),
            "/data/causes/",
            "/data/causes.csv",
            "data-causes-2",
            "表3",
        );
        assert!(
            h.starts_with("<figure class=\"data-table\" id=\"data-causes-2\">"),
            "{h}"
        );
        assert!(
            h.contains("<caption><span class=\"figure-number\">表3</span> 主要致贫原因 &lt;script&gt;</caption>"),
            "{h}"
        );
    }

    #[test]
    fn mongolian_table_tags_chinese_names() {
        let s = Strings::new();
        let h = table_html(
            &table(),
            &ctx("mn", Style::Mongolian, &s),
            "/mn/data/causes/",
            "/mn/data/causes.csv",
        );
        assert!(
            h.contains("<th scope=\"row\"><span lang=\"zh-Hans\">突泉县</span></th>"),
            "{h}"
        );
        assert!(
            h.contains("ᠬᠦᠮᠦᠨ (ᠲᠦᠮᠡ <span lang=\"zh-Hans\">人</span>)"),
            "{h}"
        );
    }

    #[test]
    fn csv_has_a_bom_and_quotes() {
        let s = Strings::new();
        let csv = String::from_utf8(table_csv(&table(), &ctx("zh", Style::Chinese, &s))).unwrap();
        assert!(csv.starts_with("\u{feff}id,致贫原因,占比(%),人口(万人)\n"));
        assert!(
            csv.contains("funds,\"缺资金 & \"\"其他\"\"\",16.74,\n"),
            "{csv}"
        );
    }
}
