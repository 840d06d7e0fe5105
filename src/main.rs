//! The `bichig` command: parses arguments and calls the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
        } => {
            let opts = bichig::BuildOptions {
                root,
                output,
                base_url,
                drafts,
            };
            match bichig::build(&opts) {
                Ok(report) => {
                    for w in &report.warnings {
                        eprintln!("{w}");
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
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::from(e.exit_code() as u8)
                }
            }
        }
    }
}
