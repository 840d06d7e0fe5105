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

/// A label with the language's colon after it (UI string `colon`: `：` in
/// Chinese), `来源：`.
pub fn labelled(ctx: &LangCtx<'_>, key: &str) -> String {
    let colon = ctx.strings.get("colon").map_or(": ", String::as_str);
    format!("{}{colon}", ctx.t(key))
}

/// The permanent link of a table or chart placed on a content page: its data
/// page (UI string `data_permalink`, titled `data_page`).
pub fn permalink_html(ctx: &LangCtx<'_>, page_url: &str) -> String {
    format!(
        "<a class=\"figure-link\" href=\"{}\" title=\"{}\">{}</a>",
        escape(page_url),
        escape(&ctx.t("data_page")),
        escape(&ctx.t("data_permalink")),
    )
}

/// `<figure>` with the table on a content page: its caption (title and the
/// permanent link to `page_url`, the table's own page), units in the headers,
/// and the source, date and CSV download (`csv_url`) under it; `notice`
/// (HTML, maybe empty) is the table's correction notice, first in the figure.
pub fn table_html(
    t: &DataTable,
    ctx: &LangCtx<'_>,
    page_url: &str,
    csv_url: &str,
    notice: &str,
) -> String {
    figure_html(
        t,
        ctx,
        Some(Placed {
            page_url,
            csv_url,
            number: None,
            notice,
        }),
    )
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
    notice: &str,
) -> String {
    figure_html(
        t,
        ctx,
        Some(Placed {
            page_url,
            csv_url,
            number: Some((id, label)),
            notice,
        }),
    )
}

/// The table on its own data page, whose heading, source line and downloads
/// the template writes once: no caption, only the note under it.
pub fn data_page_table_html(t: &DataTable, ctx: &LangCtx<'_>) -> String {
    figure_html(t, ctx, None)
}

/// Where a content page places a table.
struct Placed<'a> {
    page_url: &'a str,
    csv_url: &'a str,
    /// Anchor and label (`表3`) of a numbered figure.
    number: Option<(&'a str, &'a str)>,
    /// The correction notice (HTML), or empty.
    notice: &'a str,
}

fn figure_html(t: &DataTable, ctx: &LangCtx<'_>, placed: Option<Placed<'_>>) -> String {
    let title = ctx.localized(&t.title);
    let header_col = t.header_column();
    let id = match placed.as_ref().and_then(|p| p.number) {
        Some((id, _)) => escape(id),
        None => format!("data-{}", escape(&t.id)),
    };
    let caption = match &placed {
        Some(p) => {
            let number = p.number.map_or_else(String::new, |(_, label)| {
                format!("<span class=\"figure-number\">{}</span> ", escape(label))
            });
            format!(
                "<caption>{number}{title} {}</caption>",
                permalink_html(ctx, p.page_url)
            )
        }
        None => String::new(),
    };
    let mut h = format!(
        "<figure class=\"data-table\" id=\"{id}\">{notice}<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{label}\"><table>{caption}<thead><tr>",
        label = escape(&t.title.get(ctx.lang, ctx.default)),
        // First in the figure: a figcaption must be its first or last child.
        notice = placed.as_ref().map_or("", |p| p.notice),
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
    h.push_str("</tbody></table></div>");
    let note = t
        .note
        .as_ref()
        .map(|note| format!("<span class=\"data-note\">{}</span>", ctx.localized(note)));
    match (&placed, note) {
        (Some(p), note) => {
            h.push_str("<figcaption class=\"data-meta\">");
            if let Some(note) = note {
                h.push_str(&note);
                h.push(' ');
            }
            h.push_str(&format!(
                "<span class=\"data-source\">{}{}</span> <span class=\"data-as-of\">{}<time datetime=\"{}\">{}</time></span> <a href=\"{}\" download>{}</a></figcaption>",
                escape(&labelled(ctx, "data_source")),
                ctx.citation(&t.source),
                escape(&labelled(ctx, "data_as_of")),
                t.as_of.date(),
                escape(&format_date(t.as_of.date(), ctx.style, ctx.strings)),
                escape(p.csv_url),
                escape(&ctx.t("data_csv")),
            ));
        }
        (None, Some(note)) => {
            h.push_str(&format!(
                "<figcaption class=\"data-meta\">{note}</figcaption>"
            ));
        }
        (None, None) => {}
    }
    h.push_str("</figure>");
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
            "",
        );
        assert!(h.contains("<caption>主要致贫原因 &lt;script&gt; <a class=\"figure-link\" href=\"/data/causes/\" title=\"data_page\">data_permalink</a></caption>"), "{h}");
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
            "",
        );
        assert!(
            h.starts_with("<figure class=\"data-table\" id=\"data-causes-2\">"),
            "{h}"
        );
        assert!(
            h.contains("<caption><span class=\"figure-number\">表3</span> 主要致贫原因 &lt;script&gt; <a class=\"figure-link\" href=\"/data/causes/\" title=\"data_page\">data_permalink</a></caption>"),
            "{h}"
        );
    }

    #[test]
    fn chinese_labels_take_a_full_width_colon() {
        let s = Strings::from([
            ("colon".to_string(), "：".to_string()),
            ("data_source".to_string(), "来源".to_string()),
        ]);
        let h = table_html(
            &table(),
            &ctx("zh", Style::Chinese, &s),
            "/data/causes/",
            "/data/causes.csv",
            "",
        );
        assert!(
            h.contains("<span class=\"data-source\">来源：平台，《综述》，2017年10月17日</span>"),
            "{h}"
        );
        assert!(!h.contains("来源:"), "{h}");
        // Without the string the colon is the ASCII one.
        assert_eq!(
            labelled(&ctx("zh", Style::Chinese, &Strings::new()), "x"),
            "x: "
        );
    }

    #[test]
    fn a_data_page_table_leaves_title_source_and_links_to_the_page() {
        let s = Strings::new();
        let h = data_page_table_html(&table(), &ctx("zh", Style::Chinese, &s));
        assert!(
            h.starts_with("<figure class=\"data-table\" id=\"data-causes\">"),
            "{h}"
        );
        assert!(!h.contains("<caption"), "{h}");
        assert!(!h.contains("data-source") && !h.contains("<a "), "{h}");
        assert!(
            h.contains("aria-label=\"主要致贫原因 &lt;script&gt;\""),
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
            "",
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
