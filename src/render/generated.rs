//! Context of pages that come from no content file (data pages, search, tags):
//! the same page in every language, by its path under each language's prefix.

use super::views::{SiteView, TemplateContext, TranslationLink};
use crate::resolve::Site;

/// `""` for the default language, `"<code>/"` for the others.
pub fn lang_prefix(site: &Site, li: usize) -> String {
    if li == 0 {
        String::new()
    } else {
        format!("{}/", site.config.languages[li].code)
    }
}

/// Root-relative URL of `path` (e.g. `search/`) in language `li`.
pub fn url_in(site: &Site, li: usize, path: &str) -> String {
    format!("{}{}{path}", site.config.base_path, lang_prefix(site, li))
}

/// Absolute URL of a root-relative `url`.
pub fn absolute(site: &Site, url: &str) -> String {
    format!(
        "{}{}",
        site.config.base_url,
        url.strip_prefix(site.config.base_path.as_str())
            .unwrap_or(url)
    )
}

/// A context for the generated page at `path` in language `li`, with translations
/// to the same path in every language; the caller fills in its view.
pub fn context<'a>(site: &Site, sv: &'a SiteView, li: usize, path: &str) -> TemplateContext<'a> {
    let translations: Vec<TranslationLink> = site
        .config
        .languages
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let url = url_in(site, i, path);
            TranslationLink {
                code: l.code.clone(),
                name: l.name.clone(),
                tag: l.tag.clone(),
                permalink: absolute(site, &url),
                url,
                current: i == li,
            }
        })
        .collect();
    TemplateContext {
        site: sv,
        canonical: absolute(site, &url_in(site, li, path)),
        description: String::new(),
        x_default: translations
            .first()
            .map(|t| t.permalink.clone())
            .unwrap_or_default(),
        translations,
        fallback: false,
        content_lang_tag: sv.lang_tag.clone(),
        og_type: "website",
        jsonld: String::new(),
        section: None,
        page: None,
        data: None,
        data_index: None,
        search: None,
    }
}
