//! Who makes the report and under what terms (`site.yaml`: `authors`,
//! `edition`, `license`, `contact`): read as written, then validated.

use std::path::Path;

use serde::Deserialize;

use super::{Language, Localized};
use crate::diagnostics::Diagnostic;
use crate::yaml;

/// `contact:` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawContact {
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    url: Option<String>,
    name: Localized,
}

/// Whom readers write to about the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// E-mail address, when given.
    pub email: Option<String>,
    /// Web address (http, https), when given.
    pub url: Option<String>,
    /// Name of the contact, per language.
    pub name: Localized,
}

impl Contact {
    /// The link target: `mailto:` the address, else the URL.
    pub fn href(&self) -> String {
        match (&self.email, &self.url) {
            (Some(e), _) => format!("mailto:{e}"),
            (None, Some(u)) => u.clone(),
            (None, None) => String::new(),
        }
    }
}

/// Checks that a text given per language names only site languages and that
/// none is blank; `key` names it in messages.
pub(super) fn check_localized(
    text: &Localized,
    key: &str,
    languages: &[Language],
    mut problem: impl FnMut(String, String),
) {
    match text {
        Localized::One(s) if s.trim().is_empty() => problem(
            format!("`{key}` is empty"),
            format!("write the {key} or remove the key"),
        ),
        Localized::One(_) => {}
        Localized::Many(m) => {
            for (code, s) in m {
                if !languages.iter().any(|l| &l.code == code) {
                    let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
                    problem(
                        format!(
                            "`{key}` has text for `{code}`, which is not a language of the site"
                        ),
                        format!("use the codes under `languages:` ({})", codes.join(", ")),
                    );
                } else if s.trim().is_empty() {
                    problem(
                        format!("`{key}` is empty in `{code}`"),
                        format!("write the {key} in this language or leave the language out"),
                    );
                }
            }
        }
    }
}

/// Validates `contact:`: an e-mail address or an http(s) URL, and a name.
pub(super) fn contact(
    raw: RawContact,
    languages: &[Language],
    src: &str,
    path: &Path,
) -> Result<Contact, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let at = |key: &str, message: String, hint: String| {
        Diagnostic::error(path, yaml::key_line(src, key, 0), 0, message).with_hint(hint)
    };
    check_localized(&raw.name, "contact name", languages, |m, h| {
        problems.push(at("contact", m, h))
    });
    if let Some(e) = &raw.email {
        let ok = e.split('@').count() == 2
            && !e.starts_with('@')
            && !e.ends_with('@')
            && !e.chars().any(|c| c.is_whitespace() || c == '<' || c == '>');
        if !ok {
            problems.push(at(
                "email",
                format!("contact email `{e}` is not an e-mail address"),
                "write it as name@example.org".into(),
            ));
        }
    }
    if let Some(u) = &raw.url {
        let ok = url::Url::parse(u).is_ok_and(|x| matches!(x.scheme(), "http" | "https"));
        if !ok {
            problems.push(at(
                "url",
                format!("contact url `{u}` is not an http(s) URL"),
                "write an absolute URL such as https://example.org/contact/".into(),
            ));
        }
    }
    if raw.email.is_none() && raw.url.is_none() {
        problems.push(at(
            "contact",
            "`contact` has neither `email` nor `url`".into(),
            "add `email: name@example.org` or `url: https://…`".into(),
        ));
    }
    if problems.is_empty() {
        Ok(Contact {
            email: raw.email,
            url: raw.url,
            name: raw.name,
        })
    } else {
        Err(problems)
    }
}
