//! `/glossary/` per language (template `glossary.html`), when the site has a
//! glossary: every term in Chinese and Mongolian, with its note.

use std::path::Path;

use super::builder::ViewBuilder;
use super::views::{GlossaryTermView, GlossaryView};
use crate::diagnostics::Diagnostic;
use crate::locale::Style;
use crate::output::OutputFile;
use crate::templates::Templates;

/// The glossary page of every language, when the site has a glossary and the
/// theme has `glossary.html`.
pub(super) fn pages(
    b: &ViewBuilder<'_>,
    templates: &Templates,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let site = b.site;
    let Some(glossary) = &site.glossary else {
        return Ok(Vec::new());
    };
    if !templates.has("glossary.html") {
        return Ok(Vec::new());
    }
    let mn_tag = site
        .langs
        .iter()
        .find(|l| l.style == Style::Mongolian)
        .map_or("mn-Mong", |l| l.tag.as_str());
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for lang in &site.langs {
        let target = &lang.glossary;
        let mut ctx = b.generated(lang.id, |l| &l.glossary);
        ctx.glossary = Some(GlossaryView {
            zh_tag: &site.han_tag,
            mn_tag,
            terms: glossary
                .terms
                .iter()
                .map(|t| GlossaryTermView {
                    zh: &t.zh,
                    mn: &t.mn,
                    note_zh: t.note.as_ref().map_or("", |n| n.zh.as_str()),
                    note_mn: t.note.as_ref().map_or("", |n| n.mn.as_str()),
                })
                .collect(),
        });
        match templates.render(lang.id, "glossary.html", &ctx, Path::new("glossary")) {
            Ok(html) => files.push(OutputFile::page(
                site.config.minify,
                target.out_path.clone(),
                html,
            )),
            Err(d) => problems.push(d),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}
