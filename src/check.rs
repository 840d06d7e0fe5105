//! `bichig check`: everything a build checks (links, anchors, data references,
//! templates), plus translation coverage and staleness, and text checks for
//! traditional Mongolian and Chinese.

use std::collections::HashSet;
use std::path::Path;

use serde::Serialize;

use crate::content::SourcePage;
use crate::diagnostics::{Diagnostic, Severity};
use crate::locale::Style;
use crate::proof::scan::{prose_lines, Syntax};
use crate::script::{is_cyrillic, is_fvs, is_han, is_mongolian_letter, FVS1, FVS2, MVS, NNBSP};
use crate::Error;

/// Text problems in a Markdown body (`line_offset` lines precede it in the file):
/// Cyrillic mixed into traditional-script lines, variation selectors or vowel
/// separators not after a Mongolian letter, lines starting with U+202F, and (in
/// Chinese text) half-width punctuation between Chinese characters.
pub fn text_problems(path: &Path, body: &str, line_offset: usize, style: Style) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (n, _, line) in prose_lines(body, Syntax::Markdown) {
        let line_no = n + 1 + line_offset;
        let chars: Vec<char> = line.chars().collect();
        let mongolian_line = chars.iter().any(|&c| is_mongolian_letter(c));
        let mut in_code = false;
        for (i, &c) in chars.iter().enumerate() {
            let col = i + 1;
            if c == '`' {
                in_code = !in_code;
            }
            if in_code {
                continue;
            }
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1).copied();
            if mongolian_line && is_cyrillic(c) {
                out.push(
                    Diagnostic::error(
                        path,
                        line_no,
                        col,
                        format!("Cyrillic letter `{c}` in traditional Mongolian text"),
                    )
                    .with_hint("type the word in the traditional script (U+1820–U+18AA)"),
                );
            }
            if is_fvs(c) && !prev.is_some_and(|p| is_mongolian_letter(p) || p == FVS1 || p == FVS2)
            {
                out.push(
                    Diagnostic::error(path, line_no, col, format!("free variation selector U+{:04X} does not follow a Mongolian letter", c as u32))
                        .with_hint("a variation selector only changes the letter right before it: remove it or move it after the letter"),
                );
            }
            if c == MVS
                && !(prev.is_some_and(is_mongolian_letter) && next.is_some_and(is_mongolian_letter))
            {
                out.push(Diagnostic::warning(
                    path,
                    line_no,
                    col,
                    "Mongolian vowel separator (U+180E) not between two Mongolian letters",
                ));
            }
            if i == 0 && c == NNBSP {
                out.push(
                    Diagnostic::error(
                        path,
                        line_no,
                        col,
                        "a line starts with U+202F (narrow no-break space)",
                    )
                    .with_hint("join the suffix to the word before it"),
                );
            }
            if style == Style::Chinese
                && matches!(c, ',' | ';' | ':' | '?' | '!')
                && prev.is_some_and(is_han)
                && next.is_some_and(is_han)
            {
                let full = match c {
                    ',' => '，',
                    ';' => '；',
                    ':' => '：',
                    '?' => '？',
                    _ => '！',
                };
                out.push(
                    Diagnostic::warning(
                        path,
                        line_no,
                        col,
                        format!("half-width `{c}` in Chinese text"),
                    )
                    .with_hint(format!("use the full-width `{full}`")),
                );
            }
        }
    }
    out
}

/// A problem as `--format json` prints it.
#[derive(Serialize)]
pub struct JsonProblem {
    /// `error` or `warning`.
    pub severity: &'static str,
    /// File.
    pub path: String,
    /// Line (0 when unknown).
    pub line: usize,
    /// Column (0 when unknown).
    pub column: usize,
    /// Message.
    pub message: String,
    /// Hint, if any.
    pub hint: Option<String>,
    /// What kind of problem (`suffix-space`, `suffix-harmony`, `suffix-form`,
    /// `mvs`, `private-use`, `line-start-punctuation`, `spelling-variant`,
    /// `stat-missing`, `stat-extra`, `number-missing`, `typed-figure`,
    /// `glossary-rejected`, `glossary-missing`, `other`): the diagnostic's own.
    pub kind: &'static str,
}

/// Problems as JSON.
pub fn to_json(problems: &[Diagnostic]) -> String {
    let list: Vec<JsonProblem> = problems
        .iter()
        .map(|d| JsonProblem {
            severity: if d.severity == Severity::Error {
                "error"
            } else {
                "warning"
            },
            path: d.path.display().to_string(),
            line: d.line,
            column: d.column,
            message: d.message.clone(),
            hint: d.hint.clone(),
            kind: d.kind.name(),
        })
        .collect();
    serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".to_string())
}

/// Checks the site in `root`; returns every problem found (errors and warnings).
/// The site is read and resolved once; the build's own checks come from
/// rendering that model.
pub fn check(root: &Path) -> Result<Vec<Diagnostic>, Error> {
    let loaded = crate::load(root, None)?;
    let mut text = Vec::new();
    for s in &loaded.sources {
        let style = loaded
            .config
            .language(&s.lang)
            .map_or(Style::Plain, |l| Style::for_tag(&l.tag));
        text.extend(text_problems(&s.path, &s.body, s.body_line_offset, style));
    }
    // Every figure of a table is in its source's text, or is its computation.
    text.extend(crate::data::provenance::check_site(root, &loaded.tables).problems);
    text.extend(crate::proof::problems(root, &loaded.config));
    text.extend(crate::proof::variants::problems(root, &loaded.config));
    if let Some(g) = &loaded.glossary {
        text.extend(crate::proof::glossary_problems(root, &loaded.config, g));
    }
    // Drafts are not built, but their links are checked like the others'.
    let drafts: Vec<SourcePage> = loaded
        .sources
        .iter()
        .filter(|s| s.front.draft)
        .cloned()
        .collect();
    let resolved = match crate::resolve_site(loaded, false) {
        Ok(r) => r,
        Err(Error::Content(d)) => return Ok(finish([d, text])),
        Err(e) => return Err(e),
    };
    let site = &resolved.site;
    let mut translations = figures_problems(site, &resolved.tables);
    let status = crate::status::coverage(site, &resolved.warnings);
    for (path, hash) in &status.stale {
        translations.push(
            Diagnostic::error(path, 0, 0, "translation is stale: its original changed")
                .with_hint(format!("update it, then set `source_hash: {hash}`")),
        );
    }
    for &i in &site.unwritten {
        let s = &site.sources[i];
        translations.push(
            Diagnostic::warning(&s.path, first_line(s), 1, "translation has no text yet: published as the fallback showing the original")
                .with_hint("write the translation below the front matter (HTML comments such as `new`'s placeholder do not count)"),
        );
    }
    for s in site.sources.iter().filter(|s| {
        s.lang == site.default_lang().code
            && !s.is_section
            && !crate::resolve::unwritten::has_text(&s.body, Style::Plain)
    }) {
        translations.push(
            Diagnostic::warning(&s.path, first_line(s), 1, "page has no text")
                .with_hint("write the page below the front matter, or remove the file"),
        );
    }
    let unwritten: HashSet<(&str, &str)> = site
        .unwritten
        .iter()
        .map(|&i| (site.sources[i].key.as_str(), site.sources[i].lang.as_str()))
        .collect();
    for e in site.entries.iter().filter(|e| {
        e.fallback && !unwritten.contains(&(e.key.as_str(), site.lang(e.lang).code.as_str()))
    }) {
        translations.push(Diagnostic::warning(
            &site.source(e).path,
            0,
            0,
            format!(
                "no `{}` translation: published as a fallback showing the original",
                site.lang(e.lang).code
            ),
        ));
    }
    // Drafts are not rendered: their root-relative links are checked here,
    // against the same model the build asks.
    let paths = site.output_paths();
    let mut links = Vec::new();
    for s in &drafts {
        for (dest, offset) in crate::markdown::links::root_relative(&s.body) {
            if site.find_path(&paths, &dest).is_none() {
                let (line, col) = crate::diagnostics::line_col(&s.body, offset);
                links.push(crate::render::unknown_path(
                    &s.path,
                    line + s.body_line_offset,
                    col,
                    &dest,
                ));
            }
        }
    }
    // Only the problems matter: the files are dropped as they are made.
    match crate::render_to(resolved, &crate::output::Discard, None) {
        Ok(g) => Ok(finish([g.warnings, text, links, translations])),
        Err(Error::Content(d)) => Ok(finish([d, text, links, translations])),
        Err(e) => Err(e),
    }
}

/// Figures of each translation against its original ([`crate::proof::figures`]);
/// a stat's value is its cell as `stat` writes it, without the unit.
fn figures_problems(
    site: &crate::resolve::Site,
    tables: &[crate::data::DataTable],
) -> Vec<Diagnostic> {
    use crate::proof::figures::{compare, Page, Stat};
    let value = |s: &Stat| -> Option<String> {
        let table = tables.iter().find(|t| t.id == s.id)?;
        let c = table.column(&s.col)?;
        match table.row(&s.row)?.cells.get(c)? {
            crate::data::Cell::Number(n) => {
                Some(crate::data::format::number(*n, &table.columns[c]))
            }
            _ => None,
        }
    };
    let mut out = Vec::new();
    for e in site
        .entries
        .iter()
        .filter(|e| !e.fallback && e.lang != crate::resolve::LangId::DEFAULT)
    {
        if let Some(original) = site.lookup(&e.key, crate::resolve::LangId::DEFAULT) {
            let (o, t) = (site.source(original), site.source(e));
            out.extend(compare(&Page::of(o), &Page::of(t), &value));
        }
    }
    out
}

/// Line in the file of the first non-blank line of a page's body (the line
/// after the front matter when there is none).
fn first_line(s: &SourcePage) -> usize {
    s.body_line_offset
        + 1
        + s.body
            .lines()
            .position(|l| !l.trim().is_empty())
            .unwrap_or(0)
}

/// With `fix`, joins suffixes first ([`crate::proof::fix`]); then checks. Returns
/// the changes made and the problems left (files that could not be rewritten
/// among them).
pub fn check_fixing(
    root: &Path,
    fix: bool,
) -> Result<(Vec<crate::proof::Change>, Vec<Diagnostic>), Error> {
    let fixed = if fix {
        crate::proof::fix(root)?
    } else {
        crate::proof::Fixed::default()
    };
    let problems = check(root)?;
    Ok((fixed.changes, finish([fixed.failed, problems])))
}

/// All problems, sorted by place, each once.
fn finish<const N: usize>(groups: [Vec<Diagnostic>; N]) -> Vec<Diagnostic> {
    let mut problems: Vec<Diagnostic> = groups.into_iter().flatten().collect();
    problems.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    problems.dedup();
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(body: &str, style: Style) -> Vec<Diagnostic> {
        text_problems(Path::new("a.md"), body, 3, style)
    }

    #[test]
    fn cyrillic_in_traditional_script() {
        let d = p("ᠮᠣᠩᠭᠣᠯ мongol\n", Style::Mongolian);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].line, d[0].column), (4, 8));
        assert!(
            p("Монгол\n", Style::Mongolian).is_empty(),
            "a Cyrillic-only line is not mixed"
        );
    }

    #[test]
    fn misplaced_controls() {
        let d = p(
            "a\u{180B} ᠭ\u{180B} \u{202F}x\n\u{202F}ᠤᠨ\nᠠ\u{180E}ᠠ x\u{180E}\n",
            Style::Mongolian,
        );
        let msgs: Vec<String> = d
            .iter()
            .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
            .collect();
        assert!(
            msgs[0].starts_with("4:2 free variation selector U+180B"),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("5:1 a line starts with U+202F")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("6:6 Mongolian vowel separator")),
            "{msgs:?}"
        );
        assert_eq!(d.len(), 3, "{msgs:?}");
    }

    #[test]
    fn half_width_punctuation_in_chinese() {
        let d = p("贫困人口,减少。`a,b` 中,\n", Style::Chinese);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
        assert_eq!((d[0].line, d[0].column), (4, 5));
        assert!(p("贫困人口,减少\n", Style::Mongolian).is_empty());
        // Compatibility ideographs and Extension B are Han too.
        let d = p("\u{F900},\u{FA0E} \u{20000};\u{2A6DF}\n", Style::Chinese);
        let cols: Vec<usize> = d.iter().map(|d| d.column).collect();
        assert_eq!(cols, [2, 6], "{d:?}");
    }

    #[test]
    fn cyrillic_supplement_in_traditional_script() {
        let d = p("ᠠᠪᠠ Ԁ\n", Style::Mongolian);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].column, 5);
    }

    #[test]
    fn json_output() {
        let j = to_json(&[Diagnostic::error("a.md", 2, 3, "x").with_hint("h")]);
        let v: serde_json::Value = serde_json::from_str(&j).unwrap();
        assert_eq!(v[0]["severity"], "error");
        assert_eq!(v[0]["line"], 2);
        assert_eq!(v[0]["kind"], "other");
    }
}
