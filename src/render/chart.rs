//! Charts as SVG written at build time, no JavaScript: bars (columns or horizontal),
//! lines for time series, and a stacked share bar (pure).

use super::datatable::LangCtx;
use crate::data::{format, Cell, ColumnType, DataTable};
use crate::html::escape;
use crate::locale::Style;

/// Fills that stay distinct in grey print (alternating dark and light).
const PALETTE: [&str; 8] = [
    "#1f3b73", "#e3a857", "#4f7cc0", "#7a4a1c", "#a9c3e6", "#3d3d3d", "#f2d7a6", "#8aa17a",
];

const W: f64 = 640.0;

struct Series {
    labels: Vec<String>,
    values: Vec<f64>,
    shown: Vec<String>,
}

fn series(t: &DataTable, col: Option<&str>, ctx: &LangCtx<'_>) -> Result<(Series, usize), String> {
    let value_col = match col {
        Some(key) => t
            .column(key)
            .ok_or_else(|| format!("table `{}` has no column `{key}`", t.id))?,
        None => t
            .columns
            .iter()
            .position(|c| !matches!(c.kind, ColumnType::Text | ColumnType::Year))
            .ok_or_else(|| format!("table `{}` has no numeric column to chart", t.id))?,
    };
    if matches!(t.columns[value_col].kind, ColumnType::Text) {
        return Err(format!(
            "column `{}` is text, not numbers",
            t.columns[value_col].key
        ));
    }
    let label_col = t
        .header_column()
        .or_else(|| t.columns.iter().position(|c| c.kind == ColumnType::Year));
    let mut s = Series {
        labels: Vec::new(),
        values: Vec::new(),
        shown: Vec::new(),
    };
    for row in &t.rows {
        let Cell::Number(v) = row.cells[value_col] else {
            continue;
        };
        let label = match label_col {
            Some(i) => format::cell(&row.cells[i], &t.columns[i], ctx.lang, ctx.default),
            None => row.id.clone(),
        };
        s.labels.push(label);
        s.values.push(v);
        s.shown.push(format::figure(
            &row.cells[value_col],
            &t.columns[value_col],
            ctx.lang,
            ctx.default,
            ctx.style,
            ctx.strings,
        ));
    }
    if s.values.is_empty() {
        return Err(format!("table `{}` has no numbers in that column", t.id));
    }
    Ok((s, value_col))
}

/// Text element; Chinese on a non-Chinese page gets its language tag, and on a
/// Mongolian page `vertical` labels run top to bottom.
fn text(x: f64, y: f64, anchor: &str, s: &str, ctx: &LangCtx<'_>, vertical: bool) -> String {
    let has_han = s.chars().any(crate::script::is_han);
    let lang = if has_han && ctx.style != Style::Chinese {
        format!(" lang=\"{}\"", escape(ctx.zh_tag))
    } else {
        String::new()
    };
    let wm = if vertical {
        " writing-mode=\"vertical-lr\""
    } else {
        ""
    };
    format!(
        "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{anchor}\"{lang}{wm}>{}</text>",
        escape(s)
    )
}

/// A chart drawn from one column of a table.
pub struct Chart {
    /// The `<svg>` element.
    pub svg: String,
    /// Which column it draws, as its caption says (`按「占比」绘制`; UI string
    /// `chart_column`, `{col}` replaced by the column's label), plain text.
    pub drawn: String,
}

/// An SVG chart of `table` (`kind`: bar, hbar, line, stacked; `col`: the column
/// to plot, else the first numeric one), with `<title>` and `<desc>`.
pub fn chart_svg(
    t: &DataTable,
    kind: &str,
    col: Option<&str>,
    ctx: &LangCtx<'_>,
) -> Result<Chart, String> {
    let (s, value_col) = series(t, col, ctx)?;
    let vertical_labels = ctx.style == Style::Mongolian;
    let (h, body) = match kind {
        "bar" => bars(&s, ctx, vertical_labels),
        "hbar" => hbars(&s, ctx),
        "line" => line(&s, ctx),
        "stacked" => stacked(&s, ctx),
        other => {
            return Err(format!(
                "unknown chart kind `{other}` (bar, hbar, line, stacked)"
            ))
        }
    };
    let title = t.title.get(ctx.lang, ctx.default);
    let desc: Vec<String> = s
        .labels
        .iter()
        .zip(&s.shown)
        .map(|(l, v)| format!("{l}: {v}"))
        .collect();
    // A named column is part of the id: a page may chart several columns.
    let id = match col {
        Some(c) => format!("chart-{}-{kind}-{c}", t.id),
        None => format!("chart-{}-{kind}", t.id),
    };
    let label = t.columns[value_col].label.get(ctx.lang, ctx.default);
    let drawn = ctx
        .strings
        .get("chart_column")
        .map_or_else(|| label.clone(), |s| s.replace("{col}", &label));
    Ok(Chart {
        svg: format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {h:.0}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" style=\"writing-mode:horizontal-tb\" font-size=\"12\" fill=\"#222\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>{body}</svg>",
            escape(&title),
            escape(&desc.join("; ")),
        ),
        drawn,
    })
}

/// Where a content page places a chart: the table's own page (its permanent
/// link) and, for a numbered figure, its anchor and label (`图2`).
pub struct ChartPlace<'a> {
    /// The table's data page.
    pub page_url: &'a str,
    /// Anchor and label of a numbered figure.
    pub number: Option<(&'a str, &'a str)>,
}

/// A chart from [`chart_svg`] as a `<figure>`. On a content page (`place`) the
/// caption reads its number, the table's title, the column drawn and the
/// permanent link; on the table's own page (`None`), which has the title as its
/// heading, only the column drawn.
pub fn chart_figure(
    c: &Chart,
    t: &DataTable,
    ctx: &LangCtx<'_>,
    place: Option<&ChartPlace<'_>>,
) -> String {
    let drawn = format!("<span class=\"chart-column\">{}</span>", ctx.text(&c.drawn));
    let Some(place) = place else {
        return format!(
            "<figure class=\"data-chart\">{}<figcaption>{drawn}</figcaption></figure>",
            c.svg
        );
    };
    let (id, number) = match place.number {
        Some((id, label)) => (
            format!(" id=\"{}\"", escape(id)),
            format!("<span class=\"figure-number\">{}</span> ", escape(label)),
        ),
        None => (String::new(), String::new()),
    };
    format!(
        "<figure class=\"data-chart\"{id}>{}<figcaption>{number}{} {drawn} {}</figcaption></figure>",
        c.svg,
        ctx.localized(&t.title),
        super::datatable::permalink_html(ctx, place.page_url),
    )
}

fn max_of(values: &[f64]) -> f64 {
    values
        .iter()
        .copied()
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE)
}

fn bars(s: &Series, ctx: &LangCtx<'_>, vertical_labels: bool) -> (f64, String) {
    let label_area = if vertical_labels { 130.0 } else { 36.0 };
    let (top, plot_h) = (24.0, 240.0);
    let h = top + plot_h + label_area;
    let slot = (W - 40.0) / s.values.len() as f64;
    let max = max_of(&s.values);
    let base = top + plot_h;
    let mut out = format!(
        "<line x1=\"20\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" stroke=\"#222\"/>",
        W - 20.0
    );
    for (i, (v, (label, shown))) in s
        .values
        .iter()
        .zip(s.labels.iter().zip(&s.shown))
        .enumerate()
    {
        let bh = (v / max * plot_h).max(0.0);
        let x = 20.0 + slot * i as f64 + slot * 0.15;
        let cx = x + slot * 0.35;
        out.push_str(&format!(
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bh:.1}\" fill=\"{}\" stroke=\"#000\" stroke-width=\"0.5\"/>",
            base - bh,
            slot * 0.7,
            PALETTE[0]
        ));
        out.push_str(&text(cx, base - bh - 6.0, "middle", shown, ctx, false));
        if vertical_labels {
            out.push_str(&text(cx, base + 8.0, "start", label, ctx, true));
        } else {
            out.push_str(&text(cx, base + 18.0, "middle", label, ctx, false));
        }
    }
    (h, out)
}

fn hbars(s: &Series, ctx: &LangCtx<'_>) -> (f64, String) {
    let row = 30.0;
    let h = 16.0 + row * s.values.len() as f64;
    let (left, right) = (170.0, 110.0);
    let max = max_of(&s.values);
    let mut out = format!(
        "<line x1=\"{left}\" y1=\"8\" x2=\"{left}\" y2=\"{:.1}\" stroke=\"#222\"/>",
        h - 8.0
    );
    for (i, (v, (label, shown))) in s
        .values
        .iter()
        .zip(s.labels.iter().zip(&s.shown))
        .enumerate()
    {
        let y = 8.0 + row * i as f64;
        let bw = v / max * (W - left - right);
        out.push_str(&format!(
            "<rect x=\"{left}\" y=\"{:.1}\" width=\"{bw:.1}\" height=\"{:.1}\" fill=\"{}\" stroke=\"#000\" stroke-width=\"0.5\"/>",
            y + 4.0,
            row - 10.0,
            PALETTE[0]
        ));
        out.push_str(&text(
            left - 8.0,
            y + row / 2.0 + 4.0,
            "end",
            label,
            ctx,
            false,
        ));
        out.push_str(&text(
            left + bw + 6.0,
            y + row / 2.0 + 4.0,
            "start",
            shown,
            ctx,
            false,
        ));
    }
    (h, out)
}

fn line(s: &Series, ctx: &LangCtx<'_>) -> (f64, String) {
    let (top, plot_h, h) = (28.0, 220.0, 290.0);
    let n = s.values.len();
    let step = if n > 1 {
        (W - 120.0) / (n - 1) as f64
    } else {
        0.0
    };
    let max = max_of(&s.values);
    let base = top + plot_h;
    let point = |i: usize, v: f64| (60.0 + step * i as f64, base - v / max * plot_h);
    let points: Vec<String> = s
        .values
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let (x, y) = point(i, v);
            format!("{x:.1},{y:.1}")
        })
        .collect();
    let mut out = format!(
        "<line x1=\"40\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" stroke=\"#222\"/><polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"/>",
        W - 40.0,
        points.join(" "),
        PALETTE[0]
    );
    for (i, (v, (label, shown))) in s
        .values
        .iter()
        .zip(s.labels.iter().zip(&s.shown))
        .enumerate()
    {
        let (x, y) = point(i, *v);
        out.push_str(&format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\" fill=\"#fff\" stroke=\"{}\" stroke-width=\"2\"/>", PALETTE[0]));
        out.push_str(&text(x, y - 10.0, "middle", shown, ctx, false));
        out.push_str(&text(x, base + 20.0, "middle", label, ctx, false));
    }
    (h, out)
}

fn stacked(s: &Series, ctx: &LangCtx<'_>) -> (f64, String) {
    let total: f64 = s.values.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    let (left, width, bar_h) = (20.0, W - 40.0, 44.0);
    let legend_row = 24.0;
    let h = 30.0 + bar_h + 20.0 + legend_row * s.values.len() as f64;
    let mut out = String::new();
    let mut x = left;
    for (i, v) in s.values.iter().enumerate() {
        let w = v / total * width;
        out.push_str(&format!(
            "<rect x=\"{x:.1}\" y=\"20\" width=\"{w:.1}\" height=\"{bar_h}\" fill=\"{}\" stroke=\"#000\" stroke-width=\"0.75\"/>",
            PALETTE[i % PALETTE.len()]
        ));
        x += w;
    }
    for (i, (label, shown)) in s.labels.iter().zip(&s.shown).enumerate() {
        let y = 20.0 + bar_h + 20.0 + legend_row * i as f64;
        out.push_str(&format!(
            "<rect x=\"{left}\" y=\"{y:.1}\" width=\"16\" height=\"16\" fill=\"{}\" stroke=\"#000\" stroke-width=\"0.75\"/>",
            PALETTE[i % PALETTE.len()]
        ));
        out.push_str(&text(
            left + 24.0,
            y + 13.0,
            "start",
            &format!("{label}  {shown}"),
            ctx,
            false,
        ));
    }
    (h, out)
}

#[cfg(test)]
mod tests {
    use super::super::datatable::tests::{ctx, table};
    use super::*;
    use crate::i18n::Strings;

    #[test]
    fn numbered_chart_has_its_anchor_and_caption() {
        let s = Strings::from([("chart_column".to_string(), "按「{col}」绘制".to_string())]);
        let c = ctx("zh", Style::Chinese, &s);
        let chart = chart_svg(&table(), "bar", None, &c).unwrap();
        let place = ChartPlace {
            page_url: "/data/causes/",
            number: Some(("chart-causes-bar", "图2")),
        };
        let fig = chart_figure(&chart, &table(), &c, Some(&place));
        assert!(
            fig.starts_with("<figure class=\"data-chart\" id=\"chart-causes-bar\"><svg "),
            "{fig}"
        );
        assert!(
            fig.ends_with("</svg><figcaption><span class=\"figure-number\">图2</span> 主要致贫原因 &lt;script&gt; <span class=\"chart-column\">按「占比」绘制</span> <a class=\"figure-link\" href=\"/data/causes/\" title=\"data_page\">data_permalink</a></figcaption></figure>"),
            "{fig}"
        );
        // On the table's own page only the column drawn: the page's heading is the title.
        let own = chart_figure(&chart, &table(), &c, None);
        assert!(
            own.ends_with("</svg><figcaption><span class=\"chart-column\">按「占比」绘制</span></figcaption></figure>"),
            "{own}"
        );
        assert!(!own.contains("主要致贫原因 &lt;script&gt; "), "{own}");
        let people = chart_svg(&table(), "bar", Some("people"), &c).unwrap();
        assert_eq!(people.drawn, "按「人口」绘制");
        assert!(people.svg.contains("id=\"chart-causes-bar-people-t\""));
    }

    #[test]
    fn every_kind_is_an_accessible_svg() {
        let s = Strings::new();
        for kind in ["bar", "hbar", "line", "stacked"] {
            let svg = chart_svg(
                &table(),
                kind,
                Some("share"),
                &ctx("zh", Style::Chinese, &s),
            )
            .unwrap()
            .svg;
            assert!(svg.contains("role=\"img\""), "{kind}");
            assert!(svg.contains("<title id=\"chart-causes-"), "{kind}");
            assert!(svg.contains("<desc id=\"chart-causes-"), "{kind}");
            assert!(svg.contains("因病致贫: 41.44%"), "{kind}: {svg}");
            assert!(
                svg.contains("主要致贫原因 &lt;script&gt;"),
                "{kind}: escaped title"
            );
            assert!(!svg.contains("<script"), "{kind}");
        }
    }

    #[test]
    fn mongolian_labels_run_vertically_and_units_are_words() {
        let s = Strings::new();
        let svg = chart_svg(
            &table(),
            "bar",
            Some("people"),
            &ctx("mn", Style::Mongolian, &s),
        )
        .unwrap()
        .svg;
        assert!(
            svg.contains("writing-mode=\"vertical-lr\">ᠡᠪᠡᠳᠴᠢᠨ</text>"),
            "{svg}"
        );
        assert!(svg.contains("23.1 ᠲᠦᠮᠡ"));
        assert!(
            svg.contains("writing-mode:horizontal-tb"),
            "the chart itself stays upright"
        );
    }

    #[test]
    fn bad_requests_are_errors() {
        let s = Strings::new();
        let c = ctx("zh", Style::Chinese, &s);
        assert!(chart_svg(&table(), "pie", None, &c)
            .err()
            .unwrap()
            .contains("unknown chart kind"));
        assert!(chart_svg(&table(), "bar", Some("nope"), &c)
            .err()
            .unwrap()
            .contains("no column `nope`"));
        assert!(chart_svg(&table(), "bar", Some("cause"), &c)
            .err()
            .unwrap()
            .contains("text"));
    }
}
