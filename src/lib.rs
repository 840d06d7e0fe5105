//! bichig: a static site generator for bilingual public reports in Chinese and
//! traditional Mongolian.
//!
//! The build is a pipeline, one module per stage:
//!
//! 1. **load**: [`config`] (`site.yaml`), [`content`] (Markdown + front matter),
//!    [`i18n`] (UI strings), [`templates`] (Tera);
//! 2. **resolve**: [`resolve`] (languages, translations, sections, URLs, order);
//! 3. **render**: [`markdown`] (body, headings, summaries, links) and [`render`]
//!    (views and templates);
//! 4. **write**: [`output`] (minify, sitemap, static files, atomic swap).
//!
//! Problems in user content are [`diagnostics::Diagnostic`] values, collected and
//! reported together.
#![deny(missing_docs)]

pub mod check;
pub mod config;
pub mod content;
pub mod data;
pub mod diagnostics;
pub mod i18n;
pub mod incremental;
pub mod locale;
pub mod markdown;
pub mod output;
pub mod render;
pub mod resolve;
pub mod scaffold;
pub mod script;
pub mod search;
pub mod serve;
pub mod status;
pub mod templates;
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

/// The loaded inputs of a site.
struct Inputs {
    config: Config,
    tables: Vec<data::DataTable>,
    sources: Vec<content::SourcePage>,
    strings: Vec<i18n::Strings>,
    warnings: Vec<Diagnostic>,
}

/// Loads configuration, content and UI strings, collecting problems in `problems`.
fn load_inputs(
    root: &Path,
    base_url: Option<&str>,
    problems: &mut Vec<Diagnostic>,
) -> Result<Inputs, Error> {
    let mut config = load_config(root)?;
    if let Some(url) = base_url {
        config
            .set_base_url(url)
            .map_err(|e| Error::Usage(format!("--base-url: {e}")))?;
    }
    let sources = collect(
        problems,
        content::load(root, &config.default_language().code),
    );
    let (mut strings, mut warnings) = collect(problems, i18n::load(root, &config));
    strings.resize(config.languages.len(), Default::default());
    let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    let (tables, data_warnings) = collect(problems, data::load(root, &codes));
    warnings.extend(data_warnings);
    Ok(Inputs {
        config,
        tables,
        sources,
        strings,
        warnings,
    })
}

/// Builds the site: load → resolve → render → write. On any error the previous
/// output is left untouched.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Error> {
    let start = Instant::now();
    let out = output::check_output_dir(&opts.root, &opts.output)?;
    let built = generate(&opts.root, opts.base_url.as_deref(), opts.drafts)?;
    let generated = start.elapsed();
    output::write_site(&out, &built.files, built.minify)?;
    timing("generate", generated);
    timing("minify and write", start.elapsed() - generated);
    Ok(BuildReport {
        output: out,
        pages: built.pages,
        files: built.files.len(),
        warnings: built.warnings,
        elapsed: start.elapsed(),
    })
}

/// With `BICHIG_TIMINGS=1`, prints how long a stage took (time since the start
/// of the build, or of the stage for `minify and write`) to stderr.
pub fn timing(stage: &str, elapsed: std::time::Duration) {
    if std::env::var_os("BICHIG_TIMINGS").is_some() {
        eprintln!(
            "timing: {stage:<18} {:>8.1} ms",
            elapsed.as_secs_f64() * 1000.0
        );
    }
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
    // Load: gather every problem of every input before giving up.
    let mut problems = Vec::new();
    let inputs = load_inputs(root, base_url, &mut problems)?;
    let templates = templates::Templates::load(root, &inputs.config, &inputs.strings)
        .map_err(|d| problems.extend(d))
        .ok();
    let statics = collect(
        &mut problems,
        output::collect_static(root, &inputs.config.theme),
    );
    let (Some(templates), true) = (templates, problems.is_empty()) else {
        return Err(Error::Content(problems));
    };

    let Inputs {
        config,
        tables,
        sources,
        strings,
        mut warnings,
    } = inputs;
    timing("load", started.elapsed());
    let site = resolve::resolve(config, sources, drafts).map_err(Error::Content)?;
    timing("resolve", started.elapsed());
    let (mut files, context) =
        render::render_site(&site, &templates, &strings, &tables).map_err(Error::Content)?;
    timing("render", started.elapsed());
    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    files.extend(statics);
    warnings.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Generated {
        files,
        pages,
        minify: site.config.minify,
        warnings,
        state: incremental::SiteState {
            root: root.to_path_buf(),
            site,
            templates,
            strings,
            tables,
            context,
        },
    })
}

/// Translation coverage of the site in `root` (drafts left out, as in a build).
pub fn status(root: &Path) -> Result<status::Status, Error> {
    let mut problems = Vec::new();
    let inputs = load_inputs(root, None, &mut problems)?;
    if !problems.is_empty() {
        return Err(Error::Content(problems));
    }
    let site = resolve::resolve(inputs.config, inputs.sources, false).map_err(Error::Content)?;
    Ok(status::coverage(&site, &inputs.warnings))
}
