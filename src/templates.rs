//! Tera templates: the theme's `templates/`, overridden file by file by the site's
//! `templates/`; compiled once, with a `t(key=…)` function per language.

use std::collections::HashMap;
use std::error::Error as _;
use std::path::{Path, PathBuf};

use serde::Serialize;
use tera::{Context, Tera, Value};
use walkdir::WalkDir;

use crate::config::{Config, LangId};
use crate::content::read_text;
use crate::diagnostics::Diagnostic;
use crate::i18n::Strings;

/// Templates every theme must have.
pub const REQUIRED: [&str; 5] = [
    "base.html",
    "home.html",
    "section.html",
    "page.html",
    "404.html",
];

/// Compiled templates, one Tera instance per language (they differ only in `t`).
pub struct Templates {
    per_lang: Vec<Tera>,
    paths: HashMap<String, PathBuf>,
}

impl Templates {
    /// Reads and compiles the templates; `strings` are the UI strings per language.
    pub fn load(
        root: &Path,
        config: &Config,
        strings: &[Strings],
    ) -> Result<Templates, Vec<Diagnostic>> {
        let mut sources: HashMap<String, (PathBuf, String)> = HashMap::new();
        let mut problems = Vec::new();
        let theme_dir = root.join("themes").join(&config.theme).join("templates");
        if !theme_dir.is_dir() {
            let shown = theme_dir
                .strip_prefix(root)
                .unwrap_or(&theme_dir)
                .to_path_buf();
            return Err(vec![Diagnostic::error(
                shown,
                0,
                0,
                "theme templates folder not found",
            )
            .with_hint("check `theme:` in site.yaml")]);
        }
        for dir in [theme_dir, root.join("templates")] {
            for entry in WalkDir::new(&dir).sort_by_file_name().into_iter().flatten() {
                if !entry.file_type().is_file() {
                    continue;
                }
                let Ok(rel) = entry.path().strip_prefix(&dir) else {
                    continue;
                };
                let name = rel.to_string_lossy().replace('\\', "/");
                let shown = entry
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(entry.path())
                    .to_path_buf();
                match read_text(entry.path(), &shown) {
                    Ok(text) => {
                        sources.insert(name, (shown, text));
                    }
                    Err(d) => problems.push(d),
                }
            }
        }
        for name in REQUIRED {
            if !sources.contains_key(name) {
                problems.push(Diagnostic::error(
                    format!("themes/{}/templates/{name}", config.theme),
                    0,
                    0,
                    "template missing",
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let paths: HashMap<String, PathBuf> = sources
            .iter()
            .map(|(n, (p, _))| (n.clone(), p.clone()))
            .collect();
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        // Tera's own escaper also writes `/` as `&#x2F;`, which costs bytes here
        // and decoding in the minifier, and buys nothing once `<` is escaped.
        tera.set_escape_fn(crate::html::escape);
        let raw: Vec<(String, String)> = sources.into_iter().map(|(n, (_, t))| (n, t)).collect();
        if let Err(e) = tera.add_raw_templates(raw) {
            return Err(vec![template_error(&e, &paths, None)]);
        }
        let per_lang = strings
            .iter()
            .map(|s| {
                let mut t = tera.clone();
                t.register_function("t", translate(s.clone()));
                t
            })
            .collect();
        Ok(Templates { per_lang, paths })
    }

    /// True when the theme or the site has template `name`.
    pub fn has(&self, name: &str) -> bool {
        self.paths.contains_key(name)
    }

    /// Renders template `name` for language `lang` with a view: the page's
    /// UTF-8 bytes (Tera writes nothing but strings, so they are not checked
    /// again here; [`crate::output::OutputFile::page`] takes them).
    pub fn render<V: Serialize>(
        &self,
        lang: LangId,
        name: &str,
        view: &V,
        page: &Path,
    ) -> Result<Vec<u8>, Diagnostic> {
        let ctx = Context::from_serialize(view)
            .map_err(|e| template_error(&e, &self.paths, Some(page)))?;
        self.render_context(lang, name, &ctx, page)
    }

    /// [`Templates::render`] with a view given away: it is dropped once made
    /// into the template's context, before the page is rendered (a print
    /// page's view holds the whole report).
    pub fn render_owned<V: Serialize>(
        &self,
        lang: LangId,
        name: &str,
        view: V,
        page: &Path,
    ) -> Result<Vec<u8>, Diagnostic> {
        let ctx = Context::from_serialize(&view)
            .map_err(|e| template_error(&e, &self.paths, Some(page)))?;
        drop(view);
        self.render_context(lang, name, &ctx, page)
    }

    fn render_context(
        &self,
        lang: LangId,
        name: &str,
        ctx: &Context,
        page: &Path,
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut html = Vec::new();
        let rendered = self.per_lang[lang.index()].render_to(name, ctx, &mut html);
        rendered.map(|()| html).map_err(|e| {
            let mut d = template_error(&e, &self.paths, Some(page));
            if d.path.as_os_str().is_empty() {
                d.path = self
                    .paths
                    .get(name)
                    .cloned()
                    .unwrap_or_else(|| PathBuf::from(name));
            }
            d
        })
    }
}

/// The `t(key="…")` function for one language.
fn translate(strings: Strings) -> impl tera::Function {
    move |args: &HashMap<String, Value>| -> tera::Result<Value> {
        let key = args
            .get("key")
            .and_then(Value::as_str)
            .ok_or("t() needs a `key` argument")?;
        strings
            .get(key)
            .map(|s| Value::String(s.clone()))
            .ok_or_else(|| format!("UI string `{key}` is not defined in i18n/*.yaml").into())
    }
}

/// Turns a Tera error into a diagnostic on the template file, with the line and
/// column when Tera gives one (` --> 3:5`).
fn template_error(
    e: &tera::Error,
    paths: &HashMap<String, PathBuf>,
    page: Option<&Path>,
) -> Diagnostic {
    let mut chain = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    let full = chain.join(": ");
    let path = paths
        .iter()
        .filter(|(name, _)| {
            full.contains(&format!("'{name}'")) || full.contains(&format!("\"{name}\""))
        })
        .max_by_key(|(name, _)| name.len())
        .map(|(_, p)| p.clone())
        .unwrap_or_default();
    let (line, column) = full
        .split_once("--> ")
        .and_then(|(_, rest)| {
            let pos = rest.split_whitespace().next()?;
            let (l, c) = pos.split_once(':')?;
            Some((l.parse().ok()?, c.parse().ok()?))
        })
        .unwrap_or((0, 0));
    let first_line = |s: &str| s.lines().next().unwrap_or("").trim().to_string();
    let mut message = chain
        .iter()
        .map(|s| first_line(s))
        .filter(|s| !s.is_empty() && !s.starts_with("-->"))
        .collect::<Vec<_>>()
        .join(": ");
    if let Some(expected) = full.lines().find(|l| l.trim_start().starts_with("= ")) {
        message.push_str(&format!(
            " ({})",
            expected.trim_start().trim_start_matches("= ")
        ));
    }
    let d = Diagnostic::error(path, line, column, format!("template error: {message}"));
    match page {
        Some(p) => d.with_hint(format!("while rendering {}", p.display())),
        None => d,
    }
}
