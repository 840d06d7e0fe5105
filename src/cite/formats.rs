//! The report's citation for reference managers: BibTeX (`@misc`, with
//! biblatex's `date`/`urldate`), RIS (`TY  - ELEC`, CRLF lines as the format
//! asks) and CSL-JSON (an array of one `report` item).

use serde_json::{json, Value};
use time::Date;

use super::Work;

/// Escapes BibTeX's special characters in a field value.
fn bib_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '#' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            _ => out.push(c),
        }
    }
    out
}

/// A citation key: `report-<lang>-<year>` from ASCII letters and digits.
pub fn key(work: &Work) -> String {
    let lang: String = work
        .lang_tag
        .split('-')
        .next()
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    match work.issued {
        Some(d) => format!("report-{lang}-{}", d.year()),
        None => format!("report-{lang}"),
    }
}

/// BibTeX entry of `work`. Authors are bodies as often as people, so each is
/// braced whole (BibTeX would otherwise split `内蒙古 扶贫` into names).
pub fn bibtex(work: &Work) -> String {
    let mut fields: Vec<(&str, String)> = Vec::new();
    if !work.authors.is_empty() {
        let names: Vec<String> = work
            .authors
            .iter()
            .map(|a| format!("{{{}}}", bib_escape(a)))
            .collect();
        fields.push(("author", names.join(" and ")));
    }
    fields.push(("title", format!("{{{}}}", bib_escape(&work.title))));
    if let Some(e) = &work.edition {
        fields.push(("edition", bib_escape(e)));
    }
    if let Some(p) = &work.publisher {
        fields.push(("publisher", bib_escape(p)));
    }
    if let Some(d) = work.issued {
        fields.push(("year", d.year().to_string()));
        fields.push(("date", d.to_string()));
    }
    // URLs are ASCII or IRIs; `%` (already an escape in a URL) is BibTeX's comment.
    let url = work.url.replace('%', "\\%");
    fields.push(("howpublished", format!("\\url{{{url}}}")));
    fields.push(("url", url));
    if let Some(a) = work.accessed {
        fields.push(("urldate", a.to_string()));
    }
    fields.push(("language", bib_escape(&work.lang_tag)));
    if let Some(l) = &work.license {
        fields.push(("note", bib_escape(l)));
    }
    let mut out = format!("@misc{{{},\n", key(work));
    for (name, value) in fields {
        out.push_str(&format!("  {name} = {{{value}}},\n"));
    }
    out.push_str("}\n");
    out
}

fn ris_date(d: Date) -> String {
    format!("{:04}/{:02}/{:02}", d.year(), u8::from(d.month()), d.day())
}

/// RIS record of `work`; values have their line breaks turned into spaces.
pub fn ris(work: &Work) -> String {
    let mut lines: Vec<(&str, String)> = vec![("TY", "ELEC".to_string())];
    lines.extend(work.authors.iter().map(|a| ("AU", a.clone())));
    lines.push(("TI", work.title.clone()));
    if let Some(e) = &work.edition {
        lines.push(("ET", e.clone()));
    }
    if let Some(p) = &work.publisher {
        lines.push(("PB", p.clone()));
    }
    if let Some(d) = work.issued {
        lines.push(("PY", d.year().to_string()));
        lines.push(("DA", ris_date(d)));
    }
    lines.push(("UR", work.url.clone()));
    if let Some(a) = work.accessed {
        lines.push(("Y2", ris_date(a)));
    }
    lines.push(("LA", work.lang_tag.clone()));
    if let Some(l) = &work.license {
        lines.push(("N1", l.clone()));
    }
    let mut out = String::new();
    for (tag, value) in lines {
        let value = value.replace(['\r', '\n'], " ");
        out.push_str(&format!("{tag}  - {value}\r\n"));
    }
    out.push_str("ER  - \r\n");
    out
}

fn csl_date(d: Date) -> Value {
    json!({ "date-parts": [[d.year(), u8::from(d.month()), d.day()]] })
}

/// CSL-JSON (an array holding the one item), pretty-printed.
pub fn csl_json(work: &Work) -> String {
    let mut item = json!({
        "id": key(work),
        "type": "report",
        "title": work.title,
        "URL": work.url,
        "language": work.lang_tag,
    });
    if !work.authors.is_empty() {
        // `literal`: names of bodies, and of people written family name first.
        item["author"] = work
            .authors
            .iter()
            .map(|a| json!({ "literal": a }))
            .collect();
    }
    let opt = [
        ("edition", &work.edition),
        ("publisher", &work.publisher),
        ("license", &work.license),
    ];
    for (name, value) in opt {
        if let Some(v) = value {
            item[name] = json!(v);
        }
    }
    if let Some(d) = work.issued {
        item["issued"] = csl_date(d);
    }
    if let Some(a) = work.accessed {
        item["accessed"] = csl_date(a);
    }
    let mut s = serde_json::to_string_pretty(&json!([item])).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Month;

    fn work() -> Work {
        let d = |m, day| Date::from_calendar_date(2017, m, day).ok();
        Work {
            authors: vec!["平台 A_B".into()],
            title: "综述 {x} 50%".into(),
            container: None,
            edition: Some("双语版".into()),
            publisher: None,
            issued: d(Month::October, 17),
            updated: None,
            accessed: d(Month::December, 1),
            url: "https://e.org/a%20b/".into(),
            lang_tag: "zh-Hans".into(),
            license: Some("CC\nBY".into()),
        }
    }

    #[test]
    fn bibtex_escapes_and_braces() {
        let b = bibtex(&work());
        assert!(b.starts_with("@misc{report-zh-2017,\n"), "{b}");
        assert!(b.contains("  author = {{平台 A\\_B}},\n"), "{b}");
        assert!(b.contains("  title = {{综述 \\{x\\} 50\\%}},\n"), "{b}");
        assert!(b.contains("  url = {https://e.org/a\\%20b/},\n"), "{b}");
        assert!(b.contains("  urldate = {2017-12-01},\n"), "{b}");
        assert!(b.ends_with("}\n"));
    }

    #[test]
    fn ris_lines() {
        let r = ris(&work());
        let lines: Vec<&str> = r.split("\r\n").collect();
        assert_eq!(lines[0], "TY  - ELEC");
        assert!(lines.contains(&"DA  - 2017/10/17"));
        assert!(lines.contains(&"N1  - CC BY"));
        assert_eq!(lines[lines.len() - 2], "ER  - ");
    }

    #[test]
    fn csl_json_dates() {
        let v: Value = serde_json::from_str(&csl_json(&work())).unwrap();
        assert_eq!(v[0]["issued"]["date-parts"][0], json!([2017, 10, 17]));
        assert_eq!(v[0]["author"][0]["literal"], "平台 A_B");
        assert_eq!(v[0]["type"], "report");
    }
}
