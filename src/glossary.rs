//! The translation glossary, `content/glossary.yaml`: Chinese terms with their
//! preferred Mongolian form, the variants a translation must not use and an
//! optional note in each language. Optional: no file means no glossary (no
//! pages, no checks). `bichig check` proofs against it ([`crate::proof::glossary`]);
//! render lists it on `/glossary/`.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::yaml::{self, Spans};

/// Where the glossary lives, relative to the site root.
pub const PATH: &str = "content/glossary.yaml";

/// A note on a term, in each language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// In Chinese.
    #[serde(default)]
    pub zh: String,
    /// In Mongolian.
    #[serde(default)]
    pub mn: String,
}

/// One term of the glossary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The Chinese term, as the originals write it.
    pub zh: String,
    /// The preferred Mongolian form.
    pub mn: String,
    /// Mongolian variants a translation must not use.
    pub rejected: Vec<String>,
    /// Optional note.
    pub note: Option<Note>,
    /// 1-based line of the entry in the glossary file.
    pub line: usize,
}

/// The glossary: its terms in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    /// Terms, in file order.
    pub terms: Vec<Term>,
}

/// An entry as written: every field optional, so a missing one is reported
/// at the entry's line rather than as a bare parse error.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    zh: Option<String>,
    mn: Option<String>,
    #[serde(default)]
    rejected: Vec<String>,
    note: Option<Note>,
}

/// Reads `content/glossary.yaml` of `root`; `Ok(None)` when there is none.
pub fn load(root: &Path) -> Result<Option<Glossary>, Vec<Diagnostic>> {
    let file = root.join(PATH);
    if !file.is_file() {
        return Ok(None);
    }
    let src = crate::content::read_text(&file, Path::new(PATH)).map_err(|d| vec![d])?;
    parse(&src, Path::new(PATH)).map(Some)
}

/// Parses a glossary file's text; `path` names it in diagnostics.
pub fn parse(src: &str, path: &Path) -> Result<Glossary, Vec<Diagnostic>> {
    // An empty file is an empty glossary.
    let text = if src.trim().is_empty() { "[]" } else { src };
    let raw: Vec<RawTerm> = yaml::parse(text, path, 0).map_err(|d| {
        // The parser's own hint (a quote to close, a key to spell) comes first.
        let shape =
            "the glossary is a list of `{ zh: …, mn: …, rejected: […], note: { zh: …, mn: … } }`";
        vec![d.with_more_hint(shape)]
    })?;
    let spans = Spans::parse(text, 0);
    let mut terms = Vec::new();
    let mut problems = Vec::new();
    for (i, r) in raw.into_iter().enumerate() {
        let at = spans.root().index(i);
        let pos = at.pos();
        let field = |name: &str, value: Option<String>, problems: &mut Vec<Diagnostic>| match value
            .filter(|v| !v.trim().is_empty())
        {
            Some(v) => Some(v),
            None => {
                problems.push(
                        Diagnostic::error(
                            path,
                            pos.line,
                            pos.column,
                            format!("glossary entry {} has no `{name}`", i + 1),
                        )
                        .with_hint(
                            "every entry needs `zh` (the Chinese term) and `mn` (its preferred Mongolian form)",
                        ),
                    );
                None
            }
        };
        let zh = field("zh", r.zh, &mut problems);
        let mn = field("mn", r.mn, &mut problems);
        if let Some(bad) = r.rejected.iter().position(|v| v.trim().is_empty()) {
            let p = at.get("rejected").index(bad).pos();
            problems.push(Diagnostic::error(
                path,
                p.line,
                p.column,
                "empty rejected variant in the glossary",
            ));
        }
        if let (Some(zh), Some(mn)) = (zh, mn) {
            terms.push(Term {
                zh,
                mn,
                rejected: r.rejected,
                note: r.note,
                line: pos.line,
            });
        }
    }
    if problems.is_empty() {
        Ok(Glossary { terms })
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(src: &str) -> Result<Glossary, Vec<Diagnostic>> {
        parse(src, Path::new(PATH))
    }

    #[test]
    fn reads_terms_with_lines() {
        let g = p("- zh: 扶贫\n  mn: ᠠ\n  rejected: [ᠪ]\n- { zh: 脱贫, mn: ᠡ, note: { zh: 注, mn: ᠨ } }\n")
            .unwrap();
        assert_eq!(g.terms.len(), 2);
        assert_eq!(g.terms[0].rejected, ["ᠪ"]);
        assert_eq!(g.terms[0].line, 1);
        assert_eq!(g.terms[1].line, 4);
        assert_eq!(g.terms[1].note.as_ref().map(|n| n.zh.as_str()), Some("注"));
    }

    #[test]
    fn missing_fields_name_the_entry_line() {
        let e = p("- zh: 扶贫\n  mn: ᠠ\n- zh: 脱贫\n").unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].line, 3);
        assert!(e[0].message.contains("no `mn`"), "{}", e[0].message);
        let e = p("- mn: ᠠ\n").unwrap_err();
        assert!(e[0].message.contains("no `zh`"), "{}", e[0].message);
    }

    #[test]
    fn bad_yaml_and_unknown_fields_have_lines() {
        let e = p("- zh: 扶贫\n  mn: [ᠠ\n").unwrap_err();
        assert!(e[0].line >= 2, "{:?}", e[0]);
        assert_eq!(e[0].message, "`[0].mn` should be a string, not a list");
        let e = p("- zh: 扶贫\n  mn: ᠠ\n  mongol: x\n").unwrap_err();
        assert_eq!(e[0].line, 3);
    }

    #[test]
    fn empty_file_is_empty_glossary() {
        assert!(p("\n").unwrap().terms.is_empty());
    }
}
