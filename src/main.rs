//! The `bichig` command: parses arguments and calls the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc: builds allocate and free many page-sized strings from several threads,
/// where glibc's allocator spent a third of the build's time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` of mimalloc.h's `mi_option_t` (the Rust bindings
/// lack it).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// How long mimalloc keeps freed memory before giving it back, in ms. A build
/// frees each stage's memory (pages, the search index) just before the next
/// stage needs as much, often on another thread: mimalloc 3's default of
/// 1000 ms kept both resident (10,000-page corpus: 480 MB peak, 370 MB at 30 ms;
/// 0 ms saves 15 MB more at a second of system time).
const PURGE_DELAY_MS: std::ffi::c_long = 30;

extern "C" {
    // Part of the mimalloc library the `mimalloc` crate links.
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// Static site generator for bilingual public reports in Chinese and traditional Mongolian.
#[derive(Parser)]
#[command(name = "bichig", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder.
    Build {
        /// Site root (the folder holding site.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder, relative to the site root unless absolute.
        #[arg(long, default_value = "public")]
        output: PathBuf,
        /// Base URL to use instead of site.yaml's `base_url`.
        #[arg(long)]
        base_url: Option<String>,
        /// Include pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Build the site and print each language's print page to PDF with headless Chromium.
    Pdf {
        /// Site root (the folder holding site.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder, relative to the site root unless absolute.
        #[arg(long, default_value = "public")]
        output: PathBuf,
        /// Print only this language (its code, e.g. mn); all languages by default.
        #[arg(long, value_name = "CODE")]
        lang: Option<String>,
        /// The Chromium binary (else BICHIG_CHROMIUM, else chromium, chromium-browser
        /// or google-chrome on PATH).
        #[arg(long, value_name = "PATH")]
        chromium: Option<PathBuf>,
    },
    /// Build the site and preview it with live reload.
    Serve {
        /// Site root (the folder holding site.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Address to listen on (loopback by default).
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Port to listen on.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Include pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Check links, anchors, translations, data references and text before publishing.
    Check {
        /// Site root (the folder holding site.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// First join Mongolian suffixes to their word with U+202F, in place.
        #[arg(long)]
        fix: bool,
    },
    /// Show translation coverage per section and language.
    Status {
        /// Site root (the folder holding site.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Exit with 1 when a language's translated share is below PERCENT.
        #[arg(long, value_name = "PERCENT")]
        fail_under: Option<f64>,
        /// Show what changed in the original of this translation since its
        /// `source_hash`, paragraph by paragraph.
        #[arg(long, value_name = "PATH", conflicts_with = "accept")]
        diff: Option<PathBuf>,
        /// Mark this translation as up to date with its original (sets
        /// `source_hash` and keeps a copy of the original for later diffs).
        #[arg(long, value_name = "PATH")]
        accept: Option<PathBuf>,
    },
    /// Create a page, or with --lang a translation scaffold of an existing page.
    New {
        /// Page path inside content/ (e.g. measures/finance.md).
        path: PathBuf,
        /// Language of the translation to create.
        #[arg(long)]
        lang: Option<String>,
        /// Title of a new page (needed when it is not English).
        #[arg(long)]
        title: Option<String>,
        /// Date of a new page (YYYY-MM-DD); otherwise site.yaml's `date:`, or
        /// the date of the section's latest page, or today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Site root (the folder holding site.yaml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

/// How `check` prints its problems.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    /// Numbered `path:line:col: message` lines.
    Text,
    /// A JSON array for tooling.
    Json,
}

fn fail(e: bichig::Error) -> ExitCode {
    eprintln!("{e}");
    ExitCode::from(e.exit_code() as u8)
}

fn main() -> ExitCode {
    // SAFETY: sets one of mimalloc's options, which it reads at each purge.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    match Cli::parse().command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
        } => {
            // Pages rendered of total on a terminal, once the build takes over a second.
            let progress = bichig::progress::Progress::for_stderr();
            let opts = bichig::BuildOptions {
                root,
                output,
                base_url,
                drafts,
                progress: Some(progress.clone()),
            };
            let built = bichig::build(&opts);
            progress.finish();
            match built {
                Ok(report) => {
                    for w in &report.warnings {
                        eprintln!("{w}");
                    }
                    for p in &report.dropped_pdfs {
                        eprintln!("note: removed {p}, printed by an earlier `bichig pdf` (build cannot tell whether it still matches the pages); run `bichig pdf` to print it again");
                    }
                    println!(
                        "built {} pages ({} files) into {} in {} ms",
                        report.pages,
                        report.files,
                        report.output.display(),
                        report.elapsed.as_millis()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        Command::Pdf {
            root,
            output,
            lang,
            chromium,
        } => {
            // The browser runs in a process group of its own, which Ctrl-C
            // does not reach: kill it before exiting.
            if let Err(e) = ctrlc::set_handler(|| {
                bichig::pdf::chromium::kill_running();
                std::process::exit(130);
            }) {
                eprintln!("warning: Ctrl-C handler not installed: {e}");
            }
            let opts = bichig::pdf::PdfOptions {
                root,
                output,
                lang,
                chromium,
            };
            match bichig::pdf::pdf(&opts) {
                Ok(report) => {
                    for w in &report.warnings {
                        eprintln!("{w}");
                    }
                    for r in &report.refused {
                        eprintln!(
                            "warning: the print page asked for {r}; the PDF is printed without it"
                        );
                    }
                    for p in &report.printed {
                        println!(
                            "printed {} ({:.1} MB) in {:.1} s",
                            report.output.join(&p.path).display(),
                            p.bytes as f64 / 1e6,
                            p.elapsed.as_secs_f64()
                        );
                    }
                    println!(
                        "wrote {} PDF(s) and the site into {} in {:.1} s",
                        report.printed.len(),
                        report.output.display(),
                        report.elapsed.as_secs_f64()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        Command::Serve {
            root,
            bind,
            port,
            drafts,
        } => {
            let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            let flag = stop.clone();
            if let Err(e) =
                ctrlc::set_handler(move || flag.store(true, std::sync::atomic::Ordering::SeqCst))
            {
                eprintln!("warning: Ctrl-C handler not installed: {e}");
            }
            let opts = bichig::serve::ServeOptions {
                root,
                bind,
                port,
                drafts,
            };
            match bichig::serve::serve(&opts, stop) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
        Command::Check { root, format, fix } => match bichig::check::check_fixing(&root, fix) {
            Ok((changes, problems)) => {
                // JSON output stays one document: the changes go to stderr then.
                for c in &changes {
                    match format {
                        Format::Json => eprintln!("{c}"),
                        Format::Text => println!("{c}"),
                    }
                }
                match format {
                    Format::Json => println!("{}", bichig::check::to_json(&problems)),
                    Format::Text if problems.is_empty() => println!("no problems found"),
                    Format::Text => print!("{}", bichig::diagnostics::report(&problems)),
                }
                if problems.iter().any(|d| d.is_error()) {
                    ExitCode::from(1)
                } else {
                    ExitCode::SUCCESS
                }
            }
            Err(e) => fail(e),
        },
        Command::Status {
            root,
            diff: Some(path),
            ..
        } => match bichig::revision::diff_report(&root, &path) {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
        Command::Status {
            root,
            accept: Some(path),
            ..
        } => match bichig::revision::accept(&root, &path) {
            Ok(hash) => {
                println!("{}: source_hash: {hash}", path.display());
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
        Command::Status {
            root, fail_under, ..
        } => match bichig::status(&root) {
            Ok(status) => {
                print!("{}", status.table());
                match fail_under {
                    Some(min) if status.lowest_percent() < min => {
                        eprintln!(
                            "translated share {:.1}% is below {min}%",
                            status.lowest_percent()
                        );
                        ExitCode::from(1)
                    }
                    _ => ExitCode::SUCCESS,
                }
            }
            Err(e) => fail(e),
        },
        Command::New {
            path,
            lang,
            title,
            date,
            root,
        } => match bichig::scaffold::new_page(
            &root,
            &path,
            lang.as_deref(),
            title.as_deref(),
            date.as_deref(),
        ) {
            Ok(created) => {
                for w in &created.warnings {
                    eprintln!("{w}");
                }
                println!("created {}", created.path.display());
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
    }
}
