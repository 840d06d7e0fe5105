//! `site.yaml`: parsed as written ([`RawConfig`]), then validated into a [`Config`].

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::yaml;

mod meta;
pub use meta::Contact;

/// A string given once for all languages or per language code.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum Localized {
    /// The same text in every language.
    One(String),
    /// Text per language code.
    Many(BTreeMap<String, String>),
}

impl Localized {
    /// The text for `lang`, else for `fallback`, else any.
    pub fn get(&self, lang: &str, fallback: &str) -> String {
        match self {
            Localized::One(s) => s.clone(),
            Localized::Many(m) => m
                .get(lang)
                .or_else(|| m.get(fallback))
                .or_else(|| m.values().next())
                .cloned()
                .unwrap_or_default(),
        }
    }
}

/// `site.yaml` exactly as written; unknown keys are errors.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Localized,
    #[serde(default)]
    description: Option<Localized>,
    #[serde(default)]
    publisher: Option<Localized>,
    #[serde(default)]
    license_url: Option<String>,
    #[serde(default)]
    region: Option<Localized>,
    base_url: String,
    #[serde(default)]
    default_language: Option<String>,
    #[serde(default)]
    languages: Option<BTreeMap<String, RawLanguage>>,
    #[serde(default)]
    minify: Option<bool>,
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    paginate_by: Option<usize>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    authors: Vec<Localized>,
    #[serde(default)]
    edition: Option<Localized>,
    #[serde(default)]
    license: Option<Localized>,
    #[serde(default)]
    contact: Option<meta::RawContact>,
    #[serde(default)]
    accessibility: Accessibility,
}

/// `accessibility:` of `site.yaml`: what the accessibility statement says
/// beyond the theme's own text.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    /// Conformance target; `WCAG 2.1 AA` when not given.
    #[serde(default)]
    pub conformance: Option<String>,
    /// Where readers report a problem: an e-mail address or a URL.
    #[serde(default)]
    pub contact: Option<String>,
    /// More text for the statement, per language.
    #[serde(default)]
    pub text: Option<Localized>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    name: String,
    tag: String,
    #[serde(default)]
    writing_mode: Option<String>,
}

/// Direction of text on a language's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WritingMode {
    /// Left to right, lines top to bottom (Chinese).
    HorizontalTb,
    /// Top to bottom, columns left to right (traditional Mongolian).
    VerticalLr,
}

impl WritingMode {
    /// The CSS keyword.
    pub fn as_css(self) -> &'static str {
        match self {
            WritingMode::HorizontalTb => "horizontal-tb",
            WritingMode::VerticalLr => "vertical-lr",
        }
    }
}

/// A language of the site, by position in `site.yaml` (the default is 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct LangId(u16);

impl LangId {
    /// The id of the language at `index` in `site.yaml`'s order.
    pub fn from_index(index: usize) -> LangId {
        // Past 65,535 languages ids would repeat; no site has that many.
        LangId(u16::try_from(index).unwrap_or(u16::MAX))
    }

    /// The default language.
    pub const DEFAULT: LangId = LangId(0);

    /// Position in `Config::languages` (and `Site::langs`).
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// True for the default language.
    pub fn is_default(self) -> bool {
        self.0 == 0
    }
}

/// One language of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// Short code used in file names and URLs (`zh`, `mn`).
    pub code: String,
    /// Name shown in the language switcher.
    pub name: String,
    /// BCP 47 tag for `lang` attributes (`zh-Hans`, `mn-Mong`).
    pub tag: String,
    /// Text direction of its pages.
    pub writing_mode: WritingMode,
}

/// The validated site configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Site title, per language.
    pub title: Localized,
    /// Site description, per language.
    pub description: Option<Localized>,
    /// Who publishes the report, per language (on the print edition's cover).
    pub publisher: Option<Localized>,
    /// `license_url:`: the licence of the open data (a URL such as
    /// `https://creativecommons.org/licenses/by/4.0/`), in the data downloads'
    /// metadata when set.
    pub license_url: Option<String>,
    /// `region:`: the place the report covers, per language (a data table's
    /// `spatialCoverage`).
    pub region: Option<Localized>,
    /// Absolute base URL, always ending in `/`.
    pub base_url: String,
    /// The path part of `base_url` (`/` or `/report/`), prefix of every site URL.
    pub base_path: String,
    /// Languages, the default one first.
    pub languages: Vec<Language>,
    /// Whether HTML is minified.
    pub minify: bool,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// Pages per section listing page; `None` lists all on one page.
    pub paginate_by: Option<usize>,
    /// `date:`: the date `bichig new` gives new pages (the report's date).
    pub date: Option<crate::content::SourceDate>,
    /// `authors:`: who wrote the report (people or bodies), per language.
    pub authors: Vec<Localized>,
    /// `edition:`: the edition statement (`中蒙双语版`), per language.
    pub edition: Option<Localized>,
    /// `license:`: terms of use of the report, per language.
    pub license: Option<Localized>,
    /// `contact:`: whom readers write to.
    pub contact: Option<Contact>,
    /// `accessibility:`, for the accessibility statement.
    pub accessibility: Accessibility,
}

impl Config {
    /// Parses and validates the text of `site.yaml` (`path` is used in messages).
    pub fn parse(src: &str, path: &Path) -> Result<Config, Vec<Diagnostic>> {
        let raw: RawConfig = yaml::parse(src, path, 0).map_err(|d| vec![d])?;
        let mut problems = Vec::new();
        let at = |key: &str, message: String| {
            Diagnostic::error(path, yaml::key_line(src, key, 0), 0, message)
        };

        let (base_url, base_path) =
            match parse_base_url(&raw.base_url) {
                Ok(v) => v,
                Err(e) => {
                    problems.push(at("base_url", e).with_hint(
                        "use an absolute http(s) URL such as https://example.org/report/",
                    ));
                    (String::from("/"), String::from("/"))
                }
            };

        let mut languages = Vec::new();
        for (code, l) in raw.languages.unwrap_or_else(default_languages) {
            if !is_language_code(&code) {
                problems.push(at(
                    &code,
                    format!("language code `{code}` must be 2–8 lowercase ASCII letters"),
                ));
            }
            let writing_mode = match l.writing_mode.as_deref() {
                None | Some("horizontal-tb") => WritingMode::HorizontalTb,
                Some("vertical-lr") => WritingMode::VerticalLr,
                Some(other) => {
                    problems.push(
                        at("writing_mode", format!("unknown writing_mode `{other}`"))
                            .with_hint("use horizontal-tb or vertical-lr (traditional Mongolian is never vertical-rl)"),
                    );
                    WritingMode::HorizontalTb
                }
            };
            languages.push(Language {
                code,
                name: l.name,
                tag: l.tag,
                writing_mode,
            });
        }

        let default = raw.default_language.unwrap_or_else(|| "zh".to_string());
        match languages.iter().position(|l| l.code == default) {
            Some(i) => {
                let l = languages.remove(i);
                languages.insert(0, l);
            }
            None => problems.push(
                at(
                    "default_language",
                    format!("default_language `{default}` is not in `languages`"),
                )
                .with_hint("add it under `languages:` or pick one of the codes listed there"),
            ),
        }

        let theme = raw.theme.unwrap_or_else(|| "default".to_string());
        if theme.is_empty()
            || !theme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            problems.push(at(
                "theme",
                format!("theme `{theme}` must be a plain folder name under themes/"),
            ));
        }

        let date = match raw.date.as_deref().map(crate::content::SourceDate::parse) {
            None => None,
            Some(Ok(d)) => Some(d),
            Some(Err(e)) => {
                problems.push(at("date", e).with_hint("write the date as YYYY-MM-DD"));
                None
            }
        };

        let texts = raw
            .authors
            .iter()
            .map(|a| ("authors", a))
            .chain(raw.edition.iter().map(|e| ("edition", e)))
            .chain(raw.license.iter().map(|l| ("license", l)))
            .chain(raw.publisher.iter().map(|p| ("publisher", p)));
        for (key, text) in texts {
            meta::check_localized(text, key, &languages, |m, h| {
                problems.push(at(key, m).with_hint(h))
            });
        }
        let contact = match raw.contact.map(|c| meta::contact(c, &languages, src, path)) {
            None => None,
            Some(Ok(c)) => Some(c),
            Some(Err(p)) => {
                problems.extend(p);
                None
            }
        };

        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Config {
            title: raw.title,
            description: raw.description,
            publisher: raw.publisher,
            license_url: raw.license_url.filter(|l| !l.trim().is_empty()),
            region: raw.region,
            base_url,
            base_path,
            languages,
            minify: raw.minify.unwrap_or(true),
            theme,
            paginate_by: raw.paginate_by.filter(|&n| n > 0),
            date,
            authors: raw.authors,
            edition: raw.edition,
            license: raw.license,
            contact,
            accessibility: raw.accessibility,
        })
    }

    /// Replaces the base URL (from `--base-url`).
    pub fn set_base_url(&mut self, url: &str) -> Result<(), String> {
        let (base_url, base_path) = parse_base_url(url)?;
        self.base_url = base_url;
        self.base_path = base_path;
        Ok(())
    }

    /// The default language (the one published at `/`).
    pub fn default_language(&self) -> &Language {
        &self.languages[0]
    }

    /// The language with `code`, if the site defines it.
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }
}

fn default_languages() -> BTreeMap<String, RawLanguage> {
    let zh = RawLanguage {
        name: "中文".into(),
        tag: "zh-Hans".into(),
        writing_mode: None,
    };
    BTreeMap::from([("zh".to_string(), zh)])
}

fn is_language_code(code: &str) -> bool {
    (2..=8).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase())
}

/// Validates an absolute base URL; returns it with a trailing `/` and its path.
pub fn parse_base_url(raw: &str) -> Result<(String, String), String> {
    let url =
        url::Url::parse(raw).map_err(|e| format!("base_url `{raw}` is not a valid URL: {e}"))?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return Err(format!("base_url `{raw}` must use http or https"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(format!("base_url `{raw}` has no host"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!(
            "base_url `{raw}` must not have a query or fragment"
        ));
    }
    let mut s = url.to_string();
    if !s.ends_with('/') {
        s.push('/');
    }
    let mut path = url.path().to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    Ok((s, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Result<Config, Vec<Diagnostic>> {
        Config::parse(src, Path::new("site.yaml"))
    }

    const OK: &str = "title: { zh: 报告, mn: ᠪᠢᠴᠢᠭ }\nbase_url: https://example.org/report\ndefault_language: zh\nlanguages:\n  mn: { name: M, tag: mn-Mong, writing_mode: vertical-lr }\n  zh: { name: 中文, tag: zh-Hans }\n";

    #[test]
    fn valid_config() {
        let c = parse(OK).unwrap();
        assert_eq!(c.base_url, "https://example.org/report/");
        assert_eq!(c.base_path, "/report/");
        assert_eq!(c.default_language().code, "zh");
        assert_eq!(c.languages[1].writing_mode, WritingMode::VerticalLr);
        assert!(c.minify);
        assert_eq!(c.title.get("mn", "zh"), "ᠪᠢᠴᠢᠭ");
    }

    #[test]
    fn minimal_config_defaults_to_chinese() {
        let c = parse("title: T\nbase_url: http://localhost:1111\n").unwrap();
        assert_eq!(c.languages.len(), 1);
        assert_eq!(c.default_language().tag, "zh-Hans");
        assert_eq!(c.base_path, "/");
    }

    #[test]
    fn unknown_key_has_line() {
        let e = parse("title: T\nbase_url: https://e.org/\nminfy: false\n").unwrap_err();
        assert_eq!(e[0].line, 3);
        assert!(e[0].message.contains("minfy"));
    }

    #[test]
    fn wrong_type_has_line() {
        let e = parse("title: T\nbase_url: https://e.org/\nminify: often\n").unwrap_err();
        assert_eq!(e[0].line, 3);
    }

    #[test]
    fn bad_urls_are_errors_with_line() {
        for bad in [
            "example.org",
            "ftp://e.org/",
            "https://e.org/?a=1",
            "https://e.org/#x",
        ] {
            let e = parse(&format!("title: T\n\nbase_url: \"{bad}\"\n")).unwrap_err();
            assert_eq!(e[0].line, 3, "{bad}");
            assert!(e[0].message.contains("base_url"), "{bad}");
        }
    }

    #[test]
    fn authors_edition_license_and_contact() {
        let src = format!("{OK}authors: [{{ zh: 平台, mn: ᠲᠠᠪᠴᠠᠩ }}, Bao Lin]\nedition: {{ zh: 双语版 }}\nlicense: CC BY 4.0\ncontact: {{ email: a@example.org, name: {{ zh: 编辑部 }} }}\n");
        let c = parse(&src).unwrap();
        assert_eq!(c.authors.len(), 2);
        assert_eq!(c.authors[0].get("mn", "zh"), "ᠲᠠᠪᠴᠠᠩ");
        assert_eq!(c.edition.unwrap().get("mn", "zh"), "双语版");
        assert_eq!(c.contact.unwrap().href(), "mailto:a@example.org");
    }

    #[test]
    fn bad_release_fields_are_errors_with_line() {
        let src = format!("{OK}authors: [{{ zh: \" \" }}]\nedition: {{ fr: x }}\ncontact:\n  email: not-an-address\n  name: N\n");
        let e = parse(&src).unwrap_err();
        let lines: Vec<usize> = e.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![7, 8, 10], "{e:?}");
        assert!(e[1].message.contains("`fr`"), "{}", e[1].message);
        let e = parse(&format!("{OK}contact: {{ name: N }}\n")).unwrap_err();
        assert!(e[0].message.contains("neither"), "{}", e[0].message);
    }

    #[test]
    fn unknown_default_language_and_writing_mode() {
        let src = "title: T\nbase_url: https://e.org/\ndefault_language: fr\nlanguages:\n  zh: { name: Z, tag: zh-Hans, writing_mode: vertical-rl }\n";
        let e = parse(src).unwrap_err();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].line, 5);
        assert_eq!(e[1].line, 3);
    }
}
