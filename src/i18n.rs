//! UI strings per language: `themes/<theme>/i18n/<code>.yaml`, overridden key by
//! key by the site's `i18n/<code>.yaml`.

use std::collections::BTreeMap;
use std::path::Path;

use crate::config::Config;
use crate::content::read_text;
use crate::diagnostics::Diagnostic;
use crate::yaml;

/// UI strings of one language.
pub type Strings = BTreeMap<String, String>;

/// UI strings for every language of the site, in `config.languages` order. Keys
/// missing in a language are filled from the default language, with a warning.
pub fn load(
    root: &Path,
    config: &Config,
) -> Result<(Vec<Strings>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut all = Vec::new();
    for lang in &config.languages {
        let mut strings = Strings::new();
        for dir in [
            root.join("themes").join(&config.theme).join("i18n"),
            root.join("i18n"),
        ] {
            let file = dir.join(format!("{}.yaml", lang.code));
            if !file.is_file() {
                continue;
            }
            let shown = file.strip_prefix(root).unwrap_or(&file).to_path_buf();
            match read_text(&file, &shown).and_then(|src| yaml::parse::<Strings>(&src, &shown, 0)) {
                Ok(s) => strings.extend(s),
                Err(d) => problems.push(d),
            }
        }
        all.push(strings);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let warnings = fill_from_default(&mut all, config);
    Ok((all, warnings))
}

/// Copies keys missing in a language from the default (first) language.
fn fill_from_default(all: &mut [Strings], config: &Config) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let Some((default, others)) = all.split_first_mut() else {
        return warnings;
    };
    for (strings, lang) in others.iter_mut().zip(config.languages.iter().skip(1)) {
        for (k, v) in default.iter() {
            if !strings.contains_key(k) {
                warnings.push(Diagnostic::warning(
                    format!("i18n/{}.yaml", lang.code),
                    0,
                    0,
                    format!(
                        "UI string `{k}` is missing; using the {} text",
                        config.default_language().code
                    ),
                ));
                strings.insert(k.clone(), v.clone());
            }
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_keys_fall_back_with_a_warning() {
        let src = "title: T\nbase_url: https://e.org/\nlanguages:\n  zh: {name: Z, tag: zh-Hans}\n  mn: {name: M, tag: mn-Mong}\n";
        let config = Config::parse(src, Path::new("site.yaml")).unwrap();
        let mut all = vec![
            Strings::from([
                ("toc".into(), "目录".into()),
                ("home".into(), "首页".into()),
            ]),
            Strings::from([("toc".into(), "ᠭᠠᠷᠴᠠᠭ".into())]),
        ];
        let w = fill_from_default(&mut all, &config);
        assert_eq!(w.len(), 1);
        assert!(w[0].message.contains("`home`"));
        assert_eq!(all[1]["home"], "首页");
        assert_eq!(all[1]["toc"], "ᠭᠠᠷᠴᠠᠭ");
    }
}
