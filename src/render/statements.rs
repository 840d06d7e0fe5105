//! The site's statements, one page per language each: `/corrections/`
//! (template `corrections.html`: every correction, newest first, or a line
//! saying there is none) and `/accessibility/` (template `accessibility.html`:
//! the statement from `site.yaml`'s `accessibility:` and the theme's text).
//! Each is written when the theme has its template.

use std::path::Path;

use super::builder::ViewBuilder;
use super::views::AccessibilityView;
use crate::diagnostics::Diagnostic;
use crate::locale::format_date;
use crate::output::OutputFile;
use crate::resolve::{Lang, Target};
use crate::templates::Templates;

/// Template of the corrections page.
pub const CORRECTIONS: &str = "corrections.html";
/// Template of the accessibility statement.
pub const ACCESSIBILITY: &str = "accessibility.html";

/// Conformance target when `site.yaml` names none.
const DEFAULT_CONFORMANCE: &str = "WCAG 2.1 AA";

/// The corrections and accessibility pages of every language whose template
/// the theme has.
pub(super) fn pages(
    b: &ViewBuilder<'_>,
    templates: &Templates,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let site = b.site;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut render = |lang: &Lang, name: &str, target: &Target, ctx| match templates.render(
        lang.id,
        name,
        &ctx,
        Path::new(name),
    ) {
        Ok(html) => files.push(OutputFile::page(
            site.config.minify,
            target.out_path.clone(),
            html,
        )),
        Err(d) => problems.push(d),
    };
    for lang in &site.langs {
        if templates.has(CORRECTIONS) {
            let mut ctx = b.generated(lang.id, |l| &l.corrections_page);
            let all: Vec<usize> = (0..lang.corrections.len()).collect();
            ctx.corrections = b.correction_views(lang.id, &all);
            render(lang, CORRECTIONS, &lang.corrections_page, ctx);
        }
        if templates.has(ACCESSIBILITY) {
            let mut ctx = b.generated(lang.id, |l| &l.accessibility);
            ctx.accessibility = Some(accessibility(b, lang));
            render(lang, ACCESSIBILITY, &lang.accessibility, ctx);
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// The facts of `lang`'s accessibility statement. The date of the last test is
/// the site's `date:` (else the home page's), so a rebuild writes the same page.
fn accessibility<'a>(b: &ViewBuilder<'a>, lang: &'a Lang) -> AccessibilityView<'a> {
    let site = b.site;
    let config = &site.config.accessibility;
    let default = &site.config.default_language().code;
    let contact = config.contact.as_deref().unwrap_or("").trim();
    let tested = site
        .config
        .date
        .as_ref()
        .or(site.source(site.home(lang.id)).front.date.as_ref())
        .map(|d| d.date());
    AccessibilityView {
        conformance: config.conformance.as_deref().unwrap_or(DEFAULT_CONFORMANCE),
        contact,
        contact_href: contact_href(contact),
        text: config
            .text
            .as_ref()
            .map(|t| t.get(&lang.code, default))
            .unwrap_or_default(),
        tested: tested.map(|d| d.to_string()).unwrap_or_default(),
        tested_display: tested
            .map(|d| format_date(d, lang.style, b.strings(lang.id)))
            .unwrap_or_default(),
    }
}

/// A link for a contact: `mailto:` for an e-mail address, the URL itself for
/// an http(s) URL, none otherwise (a postal address or phone number is text).
fn contact_href(contact: &str) -> String {
    if contact.starts_with("https://") || contact.starts_with("http://") {
        contact.to_string()
    } else if contact.contains('@') && !contact.contains([' ', ':', '/']) {
        format!("mailto:{contact}")
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::contact_href;

    #[test]
    fn contacts_become_links_when_they_can() {
        assert_eq!(contact_href("a11y@example.org"), "mailto:a11y@example.org");
        assert_eq!(contact_href("https://e.org/c/"), "https://e.org/c/");
        assert_eq!(contact_href("0471-1234567"), "");
        assert_eq!(contact_href("javascript:alert(1)@x"), "");
        assert_eq!(contact_href(""), "");
    }
}
