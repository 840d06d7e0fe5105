//! `bichig pdf`: the site generated in memory, each language's print page
//! (`/print/`, `/mn/print/`) printed by headless Chromium to
//! `report.<code>.pdf`, the site rendered again with the PDFs' sizes known (so
//! pages link "PDF, 1.8 MB"), then site and PDFs swapped in together. Any
//! failure before the swap leaves the previous output as it was.
//!
//! [`chromium`] finds and launches the browser, [`cdp`] speaks the DevTools
//! protocol over its pipe, [`site`] answers its requests from memory, and
//! [`print`] loads and prints a page.

pub mod cdp;
pub mod chromium;
pub mod print;
pub mod site;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use crate::resolve::LangId;
use crate::Error;

/// What `bichig pdf` is asked to do.
#[derive(Debug, Clone)]
pub struct PdfOptions {
    /// Site root (holds `site.yaml`).
    pub root: PathBuf,
    /// Output folder; relative paths are taken from the root.
    pub output: PathBuf,
    /// Print only this language (its code); every language when `None`.
    pub lang: Option<String>,
    /// The browser (`--chromium`); else `BICHIG_CHROMIUM`, else `PATH`.
    pub chromium: Option<PathBuf>,
}

/// One PDF written.
#[derive(Debug)]
pub struct Printed {
    /// Language code.
    pub lang: String,
    /// Path in the output folder (`mn/report.mn.pdf`).
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// Time the browser took to load and print it.
    pub elapsed: Duration,
}

/// What a successful `bichig pdf` did.
#[derive(Debug)]
pub struct PdfReport {
    /// Output folder written.
    pub output: PathBuf,
    /// The PDFs, in language order.
    pub printed: Vec<Printed>,
    /// Warnings of the build.
    pub warnings: Vec<Diagnostic>,
    /// Requests of the print pages that got no file (`url (why)`).
    pub refused: Vec<String>,
    /// Wall time of the whole command.
    pub elapsed: Duration,
}

/// The languages to print: `only` (a code), or all of them.
fn chosen(site: &crate::resolve::Site, only: Option<&str>) -> Result<Vec<LangId>, Error> {
    match only {
        None => Ok(site.langs.iter().map(|l| l.id).collect()),
        Some(code) => site.lang_by_code(code).map(|l| vec![l.id]).ok_or_else(|| {
            Error::Usage(format!(
                "--lang {code}: the site has no such language (it has {})",
                site.lang_codes().join(", ")
            ))
        }),
    }
}

/// Builds the site, prints the chosen languages' print pages and writes site
/// and PDFs into the output folder in one swap.
pub fn pdf(opts: &PdfOptions) -> Result<PdfReport, Error> {
    let start = Instant::now();
    let out = crate::output::check_output_dir(&opts.root, &opts.output)?;
    let env = std::env::var_os("BICHIG_CHROMIUM").map(PathBuf::from);
    let binary = chromium::find(
        opts.chromium.as_deref(),
        env.as_deref(),
        std::env::var_os("PATH").as_deref(),
    )?;
    let generated = crate::generate(&opts.root, None, false)?;
    let site = &generated.state.site;
    let langs = chosen(site, opts.lang.as_deref())?;
    let files = site::SiteFiles::new(&site.config.base_url, &generated.files);
    for &id in &langs {
        let print = &site.lang(id).print;
        if !matches!(files.answer(&print.permalink), site::Answer::File { .. }) {
            return Err(Error::Usage(format!(
                "the site has no print page {} to print (the theme needs templates/print.html)",
                print.url
            )));
        }
    }
    let urls: Vec<(LangId, String)> = langs
        .iter()
        .map(|&id| (id, site.lang(id).print.permalink.clone()))
        .collect();
    let (pdfs, refused) = print_all(&binary, &files, &urls)?;
    let mut sizes = vec![None; site.langs.len()];
    let mut printed = Vec::new();
    for (id, bytes, elapsed) in &pdfs {
        sizes[id.index()] = Some(bytes.len() as u64);
        let lang = site.lang(*id);
        printed.push(Printed {
            lang: lang.code.clone(),
            path: lang.pdf.out_path.clone(),
            bytes: bytes.len() as u64,
            elapsed: *elapsed,
        });
    }
    let t0 = Instant::now();
    let mut site_files = crate::render_again(&generated, sizes)?;
    crate::timing::report("pdf: render with sizes", t0.elapsed());
    for ((_, bytes, _), p) in pdfs.into_iter().zip(&printed) {
        site_files.push(OutputFile::bytes(p.path.clone(), bytes));
    }
    crate::output::write_site(&out, &site_files, generated.minify)?;
    Ok(PdfReport {
        output: out,
        printed,
        warnings: generated.warnings,
        refused,
        elapsed: start.elapsed(),
    })
}

/// A printed language: its id, the PDF, and how long it took.
type Pdf = (LangId, Vec<u8>, Duration);

/// Prints each `(language, url)` in one browser, which is always killed after.
fn print_all(
    binary: &Path,
    files: &site::SiteFiles,
    urls: &[(LangId, String)],
) -> Result<(Vec<Pdf>, Vec<String>), Error> {
    let (mut browser, conn) = chromium::launch(binary)?;
    let mut printer = print::Printer::new(conn, files, print::Timeouts::default());
    let mut pdfs = Vec::new();
    for (id, url) in urls {
        let t0 = Instant::now();
        match printer.print(url) {
            Ok(pdf) => pdfs.push((*id, pdf, t0.elapsed())),
            Err(failure) => {
                let mut msg = format!(
                    "cannot print the PDF with {}: {failure}",
                    browser.binary().display()
                );
                if let Some(status) = browser.exit_status() {
                    msg.push_str(&format!(" (the browser exited: {status})"));
                }
                let log = browser.log_tail();
                if !log.is_empty() {
                    msg.push_str(&format!("\nbrowser output:\n{log}"));
                }
                return Err(Error::Pdf(msg));
            }
        }
        crate::timing::report(&format!("pdf: print {url}"), t0.elapsed());
    }
    printer.close();
    browser.wait_exit(Duration::from_secs(5));
    Ok((pdfs, std::mem::take(&mut printer.refused)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A browser that exits at once is a clear error, with its output, and
    /// nothing is left running.
    #[cfg(unix)]
    #[test]
    fn a_browser_that_exits_is_an_error_with_its_output() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("bichig-fake-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let fake = dir.join("chromium");
        std::fs::write(&fake, "#!/bin/sh\necho 'no display here' >&2\nexit 1\n").unwrap();
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
        let files = [];
        let site = site::SiteFiles::new("https://example.org/", &files);
        let urls = [(
            LangId::from_index(0),
            "https://example.org/print/".to_string(),
        )];
        let e = print_all(&fake, &site, &urls).unwrap_err();
        let msg = e.to_string();
        assert_eq!(e.exit_code(), 1);
        assert!(msg.contains("the browser closed the connection"), "{msg}");
        assert!(msg.contains("no display here"), "{msg}");
        assert!(msg.contains("exit status: 1"), "{msg}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
