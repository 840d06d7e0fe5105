//! bichig: a static site generator for bilingual public reports in Chinese and
//! traditional Mongolian.
//!
//! The build is a pipeline, one module per stage, each step one call from here:
//!
//! 1. **load** ([`load`]): [`config`] (`site.yaml`), [`content`] (Markdown +
//!    front matter), [`data`] (tables), [`i18n`] (UI strings), [`templates`]
//!    (Tera), static files;
//! 2. **resolve** ([`resolve_site`]): [`resolve`] builds the one typed model of
//!    the site, [`resolve::Site`]: languages as [`resolve::LangId`]s, every URL
//!    and output path, translations and fallbacks, reading order, series and
//!    editions, tags, data-table pages, the menu;
//! 3. **render** ([`render_to`]): [`markdown`] (body, headings, summaries,
//!    links) and [`render`] (borrowed views of the model, templates), each
//!    file given to an [`output::Sink`] as soon as it is made;
//! 4. **write** ([`build`]): [`output`] (minify, sitemap, static files; the
//!    files go into a staging folder as they are rendered, swapped in
//!    atomically at the end). `serve` and `pdf` keep them in memory instead
//!    ([`render_site`]).
//!
//! `check`, `status` and `serve` read the same loaded-and-resolved value;
//! [`revision`] finds what changed in an original since its translation.
//! Problems in user content are [`diagnostics::Diagnostic`] values, collected
//! and reported together. Leaf modules every stage may use: [`script`]
//! (character classes), [`html`] (escaping), [`slug`], [`hash`], [`timing`],
//! [`progress`] (the build's progress bar).
#![deny(missing_docs)]

pub mod check;
pub mod cite;
pub mod config;
pub mod content;
pub mod data;
pub mod diagnostics;
pub mod glossary;
pub mod hash;
pub mod html;
pub mod i18n;
pub mod incremental;
pub mod locale;
pub mod markdown;
pub mod output;
pub mod pdf;
pub mod progress;
pub mod proof;
pub mod render;
pub mod resolve;
pub mod revision;
pub mod scaffold;
pub mod script;
pub mod search;
pub mod serve;
pub mod slug;
pub mod sources;
pub mod status;
pub mod suggest;
pub mod templates;
pub mod timing;
pub mod yaml;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use config::Config;
use diagnostics::Diagnostic;
use output::OutputFile;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in the site's files (exit code 1).
    #[error("{}", diagnostics::report(.0))]
    Content(Vec<Diagnostic>),
    /// The command was asked something it must refuse (exit code 2).
    #[error("{0}")]
    Usage(String),
    /// The browser could not print a PDF (exit code 1).
    #[error("{0}")]
    Pdf(String),
    /// A file could not be read or written (exit code 1).
    #[error("{}: {source}", path.display())]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

impl Error {
    /// An I/O failure on `path`.
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            _ => 1,
        }
    }
}

/// What `bichig build` is asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Site root (holds `site.yaml`).
    pub root: PathBuf,
    /// Output folder; relative paths are taken from the root.
    pub output: PathBuf,
    /// Replaces `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Include pages with `draft: true`.
    pub drafts: bool,
    /// Counts the pages rendered (the `build` command's bar on a terminal).
    pub progress: Option<progress::Progress>,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Output folder written.
    pub output: PathBuf,
    /// HTML pages rendered (all languages, 404 pages included).
    pub pages: usize,
    /// Files written.
    pub files: usize,
    /// Warnings (the build still succeeded).
    pub warnings: Vec<Diagnostic>,
    /// Wall time of the whole build.
    pub elapsed: Duration,
    /// PDFs of an earlier `bichig pdf` that the output held and the build
    /// removed (their output paths).
    pub dropped_pdfs: Vec<String>,
}

/// Reads and validates `site.yaml` in `root`.
pub fn load_config(root: &Path) -> Result<Config, Error> {
    let file = root.join("site.yaml");
    if !file.is_file() {
        return Err(Error::Usage(format!(
            "no site.yaml in {}: is --root right?",
            root.display()
        )));
    }
    let src =
        content::read_text(&file, Path::new("site.yaml")).map_err(|d| Error::Content(vec![d]))?;
    Config::parse(&src, Path::new("site.yaml")).map_err(Error::Content)
}

/// Moves the problems of a load step into `problems`, keeping going with a default.
fn collect<T: Default>(problems: &mut Vec<Diagnostic>, result: Result<T, Vec<Diagnostic>>) -> T {
    result.unwrap_or_else(|d| {
        problems.extend(d);
        T::default()
    })
}

/// Everything a site is made from, read from disk once.
pub struct Loaded {
    /// Site root.
    pub root: PathBuf,
    /// `site.yaml`.
    pub config: Config,
    /// Every content file, drafts included.
    pub sources: Vec<content::SourcePage>,
    /// UI strings per language.
    pub strings: Vec<i18n::Strings>,
    /// Data tables.
    pub tables: Vec<data::DataTable>,
    /// `content/sources.yaml`, which tables and pages cite.
    pub cited: sources::Sources,
    /// Templates (`None` when they failed to load: see `problems`).
    pub templates: Option<templates::Templates>,
    /// Static files.
    pub statics: Vec<OutputFile>,
    /// `content/glossary.yaml`, when the site has one.
    pub glossary: Option<glossary::Glossary>,
    /// Warnings of the load.
    pub warnings: Vec<Diagnostic>,
    /// Errors of the load; the site cannot be built while there are any.
    pub problems: Vec<Diagnostic>,
}

/// Load: configuration, content, UI strings, data, templates and static files
/// of the site in `root`, gathering every problem of every input. Only a
/// missing or unusable `site.yaml` stops it early.
pub fn load(root: &Path, base_url: Option<&str>) -> Result<Loaded, Error> {
    let mut problems = Vec::new();
    let mut config = load_config(root)?;
    if let Some(url) = base_url {
        config
            .set_base_url(url)
            .map_err(|e| Error::Usage(format!("--base-url: {e}")))?;
    }
    let sources = collect(
        &mut problems,
        content::load(root, &config.default_language().code),
    );
    let (mut strings, mut warnings) = collect(&mut problems, i18n::load(root, &config));
    strings.resize(config.languages.len(), Default::default());
    let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    let unit_strings = |unit: &str| missing_unit_strings(unit, &config, &strings);
    let sources_list = collect(&mut problems, sources::load(root));
    let (tables, data_warnings) = collect(
        &mut problems,
        data::load(root, &codes, &sources_list, &unit_strings),
    );
    warnings.extend(data_warnings);
    let templates = templates::Templates::load(root, &config, &strings)
        .map_err(|d| problems.extend(d))
        .ok();
    let statics = collect(&mut problems, output::collect_static(root, &config.theme));
    let glossary = collect(&mut problems, glossary::load(root));
    Ok(Loaded {
        root: root.to_path_buf(),
        config,
        sources,
        strings,
        tables,
        cited: sources_list,
        templates,
        statics,
        glossary,
        warnings,
        problems,
    })
}

/// The UI strings that languages translating units (all but Chinese) lack to
/// write `unit`, with the theme's i18n file to add each to.
fn missing_unit_strings(
    unit: &str,
    config: &Config,
    strings: &[i18n::Strings],
) -> Vec<data::MissingUnitString> {
    let keys = locale::unit_keys(unit);
    let mut missing = Vec::new();
    for (lang, s) in config.languages.iter().zip(strings) {
        if locale::Style::for_tag(&lang.tag) == locale::Style::Chinese {
            continue;
        }
        for key in keys.iter().filter(|k| !s.contains_key(*k)) {
            missing.push(data::MissingUnitString {
                lang: lang.code.clone(),
                key: key.clone(),
                file: format!("themes/{}/i18n/{}.yaml", config.theme, lang.code),
                nearest: nearest_unit(unit, key, s),
            });
        }
    }
    missing
}

/// `unit` with its counted thing (`key` is `unit_<thing>`) replaced by the
/// nearest thing `strings` can write: `万入` → `万人`.
fn nearest_unit(unit: &str, key: &str, strings: &i18n::Strings) -> Option<String> {
    let thing = key.strip_prefix("unit_")?;
    let things = strings
        .keys()
        .filter_map(|k| k.strip_prefix("unit_"))
        .filter(|t| !matches!(*t, "wan" | "yi"));
    let nearest = suggest::closest(thing, things)?;
    let scale = unit.strip_suffix(thing)?;
    Some(format!("{scale}{nearest}"))
}

/// A loaded site resolved into its model, ready to render.
pub struct Resolved {
    /// Site root.
    pub root: PathBuf,
    /// The site model.
    pub site: resolve::Site,
    /// Templates.
    pub templates: templates::Templates,
    /// UI strings per language.
    pub strings: Vec<i18n::Strings>,
    /// Data tables.
    pub tables: Vec<data::DataTable>,
    /// Static files.
    pub statics: Vec<OutputFile>,
    /// Warnings of load and resolve.
    pub warnings: Vec<Diagnostic>,
    /// Size in bytes of each language's PDF ([`resolve::Lang::pdf`]), by
    /// [`resolve::LangId`]: pages link the PDF only when its size is known.
    /// All `None` after [`resolve_site`]; `bichig pdf` sets them once the PDFs
    /// exist, so `build` never needs a browser.
    pub pdf_sizes: Vec<Option<u64>>,
}

/// Resolve: the site model of what was loaded (drafts left out unless `drafts`).
/// Fails with every problem of the load, or of resolving.
pub fn resolve_site(loaded: Loaded, drafts: bool) -> Result<Resolved, Error> {
    let Loaded {
        root,
        config,
        sources,
        strings,
        tables,
        cited,
        templates,
        statics,
        glossary,
        mut warnings,
        problems,
    } = loaded;
    let (Some(templates), true) = (templates, problems.is_empty()) else {
        return Err(Error::Content(problems));
    };
    let ids: Vec<&str> = tables.iter().map(|t| t.id.as_str()).collect();
    let mut site = resolve::resolve(config, sources, &ids, drafts).map_err(Error::Content)?;
    resolve::page_sources::attach(&mut site, &cited).map_err(Error::Content)?;
    site.glossary = glossary;
    let corrected: Vec<resolve::TableCorrections<'_>> = tables
        .iter()
        .map(|t| resolve::TableCorrections {
            id: &t.id,
            title: &t.title,
            corrections: &t.corrections,
        })
        .collect();
    resolve::corrections::attach(&mut site, &corrected);
    site.static_paths = statics.iter().map(|f| f.path.clone()).collect();
    warnings.sort_by(|a, b| a.path.cmp(&b.path));
    let pdf_sizes = vec![None; site.langs.len()];
    Ok(Resolved {
        pdf_sizes,
        root,
        site,
        templates,
        strings,
        tables,
        statics,
        warnings,
    })
}

/// A rendered site: how much it made, and what it was made from.
pub struct Rendered {
    /// HTML pages rendered (all languages, 404 pages included).
    pub pages: usize,
    /// Files made, static files included.
    pub files: usize,
    /// Whether HTML is minified.
    pub minify: bool,
    /// Warnings.
    pub warnings: Vec<Diagnostic>,
    /// What it was made from, for re-rendering single pages (`serve`).
    pub state: incremental::SiteState,
}

/// Render: every output file of a resolved site, the static files last, each
/// given to `sink` as soon as it is made; `progress` counts the pages.
pub fn render_to(
    resolved: Resolved,
    sink: &dyn output::Sink,
    progress: Option<&progress::Progress>,
) -> Result<Rendered, Error> {
    let Resolved {
        root,
        site,
        templates,
        strings,
        tables,
        statics,
        warnings,
        pdf_sizes,
    } = resolved;
    let (made, context) = render::render_site(
        &site, &templates, &strings, &tables, pdf_sizes, sink, progress,
    )?;
    let files = made.files + statics.len();
    for f in statics {
        sink.put(f)?;
    }
    Ok(Rendered {
        pages: made.pages,
        files,
        minify: site.config.minify,
        warnings,
        state: incremental::SiteState {
            root,
            site,
            templates,
            strings,
            tables,
            context,
        },
    })
}

/// Render: every output file of a resolved site, in memory.
pub fn render_site(resolved: Resolved) -> Result<Generated, Error> {
    let files = output::Collect::default();
    let rendered = render_to(resolved, &files, None)?;
    Ok(Generated {
        files: files.into_files(),
        pages: rendered.pages,
        minify: rendered.minify,
        warnings: rendered.warnings,
        state: rendered.state,
    })
}

/// Builds the site: load → resolve → render → write, each file written into a
/// staging folder as soon as it is rendered (the site is never in memory at
/// once), the folder swapped in for the output at the end. On any error the
/// staging folder is removed and the previous output is left untouched.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Error> {
    let start = Instant::now();
    let out = output::check_output_dir(&opts.root, &opts.output)?;
    let loaded = load(&opts.root, opts.base_url.as_deref())?;
    timing::report("load", start.elapsed());
    let resolved = resolve_site(loaded, opts.drafts)?;
    timing::report("resolve", start.elapsed());
    // The swap replaces the whole folder, so PDFs printed by `bichig pdf` go
    // with it: `build` cannot tell whether they still match the pages, and a
    // stale PDF is worse than none. The pages link no PDF (sizes unknown).
    let dropped_pdfs = resolved
        .site
        .langs
        .iter()
        .map(|l| l.pdf.out_path.clone())
        .filter(|p| out.join(p).is_file())
        .collect();
    let staging = output::Staging::create(&out, resolved.site.config.minify)?;
    let rendered = render_to(resolved, &staging, opts.progress.as_ref())?;
    timing::report("render and write", start.elapsed());
    staging.commit()?;
    timing::report("swap", start.elapsed());
    Ok(BuildReport {
        output: out,
        pages: rendered.pages,
        files: rendered.files,
        warnings: rendered.warnings,
        elapsed: start.elapsed(),
        dropped_pdfs,
    })
}

/// The site of `generated` rendered again with each language's PDF size
/// (`bichig pdf`, once the PDFs exist), with the static files of the first
/// rendering.
pub fn render_again(
    generated: &Generated,
    pdf_sizes: Vec<Option<u64>>,
) -> Result<Vec<OutputFile>, Error> {
    let s = &generated.state;
    let made = output::Collect::default();
    render::render_site(
        &s.site,
        &s.templates,
        &s.strings,
        &s.tables,
        pdf_sizes,
        &made,
        None,
    )?;
    let mut files = made.into_files();
    let rendered: std::collections::HashSet<String> =
        files.iter().map(|f| f.path.clone()).collect();
    files.extend(
        generated
            .files
            .iter()
            .filter(|f| !rendered.contains(&f.path))
            .cloned(),
    );
    Ok(files)
}

/// A site generated in memory: every output file, not yet written.
pub struct Generated {
    /// Output files (HTML not yet minified).
    pub files: Vec<OutputFile>,
    /// HTML pages among them.
    pub pages: usize,
    /// Whether HTML is to be minified.
    pub minify: bool,
    /// Warnings.
    pub warnings: Vec<Diagnostic>,
    /// What it was made from, for re-rendering single pages (`serve`).
    pub state: incremental::SiteState,
}

/// Load, resolve and render the site in `root` into memory (no disk writes):
/// what `build` writes and `serve` serves.
pub fn generate(root: &Path, base_url: Option<&str>, drafts: bool) -> Result<Generated, Error> {
    let started = Instant::now();
    let loaded = load(root, base_url)?;
    timing::report("load", started.elapsed());
    let resolved = resolve_site(loaded, drafts)?;
    timing::report("resolve", started.elapsed());
    let generated = render_site(resolved)?;
    timing::report("render", started.elapsed());
    Ok(generated)
}

/// Translation coverage of the site in `root` (drafts left out, as in a build).
pub fn status(root: &Path) -> Result<status::Status, Error> {
    let loaded = load(root, None)?;
    if !loaded.problems.is_empty() {
        return Err(Error::Content(loaded.problems));
    }
    let warnings = loaded.warnings.clone();
    let resolved = resolve_site(loaded, false)?;
    let site = &resolved.site;
    let mut status = status::coverage(site, &warnings);
    // What changed since each stale translation: from the kept copy or git.
    let default = site.default_lang().code.clone();
    for (path, _) in &status.stale {
        let Some(t) = site.sources.iter().find(|s| &s.path == path) else {
            continue;
        };
        let (Some(original), Some(hash)) = (
            site.lookup(&t.key, resolve::LangId::DEFAULT)
                .map(|e| site.source(e)),
            &t.front.source_hash,
        ) else {
            continue;
        };
        let line = match revision::translated_from(root, original, &t.lang, hash, &default) {
            Some(before) => format!(
                "since {}: {}",
                before.origin,
                revision::diff::summary(&revision::diff::diff(
                    &before.paragraphs,
                    &original.paragraphs()
                ))
            ),
            None => "the text it was made from is in neither .bichig/originals nor git".to_string(),
        };
        status.changes.insert(path.clone(), line);
    }
    Ok(status)
}
