//! Which bodies hold text. A translation whose body has none of its language's
//! text (empty, whitespace, only HTML comments such as the line `bichig new`
//! scaffolds) is *unwritten*: the site treats it as missing, so status, check
//! and the build all show the original with its notice. Decided here, once,
//! while resolving; every reader asks the model.

use super::Lang;
use crate::content::SourcePage;
use crate::locale::Style;
use crate::script;

/// True when `source` is a translation (not in the default language) without
/// text of its language while its original (`original`, when there is one)
/// has text: a section whose original body is empty has only a title to
/// translate.
pub(super) fn is_unwritten(
    langs: &[Lang],
    source: &SourcePage,
    original: Option<&SourcePage>,
) -> bool {
    let original_has_text = original.is_some_and(|o| has_text(&o.body, Style::Plain));
    match langs.iter().find(|l| l.code == source.lang) {
        Some(l) if !l.id.is_default() => original_has_text && !has_text(&source.body, l.style),
        _ => false,
    }
}

/// True when `body` holds text of a language written in `style` (outside HTML
/// comments), or a shortcode (a table or chart is content in any language).
/// [`Style::Plain`] accepts any letter or digit.
pub fn has_text(body: &str, style: Style) -> bool {
    let rest = without_comments(body);
    rest.contains("{{")
        || rest.chars().any(|c| match style {
            Style::Mongolian => script::is_mongolian_letter(c),
            Style::Chinese => script::is_han(c),
            Style::Plain => c.is_alphanumeric(),
        })
}

/// `body` with its `<!-- … -->` comments removed (an unclosed one runs to the end).
fn without_comments(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = match rest[start + 4..].find("-->") {
            Some(end) => &rest[start + 4 + end + 3..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaffold_comment_and_whitespace_are_not_text() {
        let scaffold = "\n<!-- Translate content/measures/x.md here. -->\n";
        assert!(!has_text(scaffold, Style::Mongolian));
        assert!(!has_text("", Style::Mongolian));
        assert!(!has_text(" \n\t\n", Style::Plain));
        assert!(!has_text("<!-- a --> <!-- b", Style::Plain));
    }

    #[test]
    fn text_of_the_language_counts() {
        assert!(has_text("<!-- x -->\nᠮᠣᠩᠭᠣᠯ\n", Style::Mongolian));
        // The original pasted in, untranslated, is not Mongolian text.
        assert!(!has_text("就业扶贫", Style::Mongolian));
        assert!(has_text("就业扶贫", Style::Chinese));
        assert!(has_text("{{ table(id=\"t\") }}", Style::Mongolian));
        assert!(has_text("a", Style::Plain));
    }
}
