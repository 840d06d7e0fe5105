//! `bichig pdf`: the shipped report printed once by headless Chromium (shared by
//! the tests below), then read back with poppler (`pdftotext`, `pdffonts`) and
//! `qpdf --json`; a missing browser (exit 2) and a failing one (the previous
//! output left byte-identical).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::support::browser::{chromium, skip};
use crate::support::{repo, SiteTest};

/// The shipped report printed into a folder of the target dir.
struct Shipped {
    out: PathBuf,
    stdout: String,
}

/// Runs `tool args…` and returns its stdout (it must succeed).
fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(
        out.status.success(),
        "{name} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// True when poppler and qpdf are installed (else the test is skipped).
fn pdf_tools() -> bool {
    let ok = ["pdftotext", "pdffonts", "pdfinfo", "qpdf"]
        .iter()
        .all(|t| Command::new(t).arg("--version").output().is_ok());
    if !ok {
        skip("poppler-utils or qpdf not found");
    }
    ok
}

/// The shipped report with both PDFs, built once; `None` (skipped) without a
/// browser or the PDF tools.
fn shipped() -> Option<&'static Shipped> {
    let browser = chromium()?;
    if !pdf_tools() {
        return None;
    }
    static SHIPPED: OnceLock<Shipped> = OnceLock::new();
    Some(SHIPPED.get_or_init(|| {
        let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pdf-shipped");
        let _ = std::fs::remove_dir_all(&out);
        let run = Command::new(env!("CARGO_BIN_EXE_bichig"))
            .arg("pdf")
            .arg("--root")
            .arg(repo())
            .arg("--output")
            .arg(&out)
            .arg("--chromium")
            .arg(&browser)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
        assert!(
            run.status.success(),
            "bichig pdf failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&run.stderr)
        );
        Shipped { out, stdout }
    }))
}

/// The page titles of the report per language code, in reading order (the
/// chapters of the print page), from the site model.
fn titles() -> BTreeMap<String, Vec<String>> {
    let loaded = bichig::load(&repo(), None).unwrap();
    let resolved = bichig::resolve_site(loaded, false).unwrap();
    let site = &resolved.site;
    site.langs
        .iter()
        .map(|l| {
            let titles = l
                .reading_order
                .iter()
                .map(|&i| site.source(&site.entries[i]).title.clone())
                .collect();
            (l.code.clone(), titles)
        })
        .collect()
}

/// Text without spaces, line breaks and the invisible Mongolian controls
/// (FVS, MVS, ZWJ/ZWNJ, NNBSP), which text extraction may move or drop.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(c, '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200D}' | '\u{202F}')
        })
        .collect()
}

fn is_mongolian(c: char) -> bool {
    ('\u{1820}'..='\u{18AF}').contains(&c)
}

/// The runs of Mongolian letters in a title (digits and Latin in vertical
/// text are set upright and come out of `pdftotext` elsewhere).
fn mongolian_runs(title: &str) -> Vec<String> {
    squash(title)
        .split(|c: char| !is_mongolian(c))
        .filter(|r| r.chars().count() >= 2)
        .map(str::to_string)
        .collect()
}

fn pages(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count:\n{info}"))
}

fn text(pdf: &Path) -> String {
    tool("pdftotext", &[pdf.to_str().unwrap(), "-"])
}

/// Outline (bookmark) titles, depth first.
fn outline(pdf: &Path) -> Vec<String> {
    let json: serde_json::Value =
        serde_json::from_str(&tool("qpdf", &["--json", pdf.to_str().unwrap()])).unwrap();
    fn walk(items: &serde_json::Value, out: &mut Vec<String>) {
        for item in items.as_array().into_iter().flatten() {
            out.push(item["title"].as_str().unwrap_or_default().to_string());
            walk(&item["kids"], out);
        }
    }
    let mut out = Vec::new();
    walk(&json["outlines"], &mut out);
    out
}

#[test]
fn the_chinese_pdf_holds_every_page_title_and_an_outline_entry_per_chapter() {
    let Some(s) = shipped() else { return };
    let pdf = s.out.join("report.zh.pdf");
    let text = squash(&text(&pdf));
    let titles = &titles()["zh"];
    assert!(titles.len() > 20, "{titles:?}");
    for t in titles {
        assert!(text.contains(&squash(t)), "the zh PDF lacks {t}");
    }
    let outline: Vec<String> = outline(&pdf).iter().map(|t| squash(t)).collect();
    assert!(outline.len() >= titles.len(), "{outline:?}");
    for t in titles {
        assert!(
            outline.iter().any(|o| o.contains(&squash(t))),
            "no bookmark for {t}: {outline:?}"
        );
    }
    // A heading that starts a page once came out twice in its bookmark
    // ("1.41.4  致贫原因致贫原因"): a title is in its bookmark once.
    for t in titles {
        for o in outline.iter().filter(|o| o.contains(&squash(t))) {
            assert_eq!(o.matches(&squash(t)).count(), 1, "a doubled bookmark: {o}");
        }
    }
    // The site links the PDF with its size once it exists.
    let home = std::fs::read_to_string(s.out.join("index.html")).unwrap();
    assert!(home.contains("href=/report.zh.pdf"), "{home}");
    assert!(s.stdout.contains("report.zh.pdf"), "{}", s.stdout);
}

#[test]
fn the_mongolian_pdf_holds_mongolian_text_titles_bookmarks_and_its_font() {
    let Some(s) = shipped() else { return };
    let pdf = s.out.join("mn/report.mn.pdf");
    let text = squash(&text(&pdf));
    assert!(
        text.chars().filter(|c| is_mongolian(*c)).count() > 5000,
        "Mongolian letters in the text"
    );
    let titles = &titles()["mn"];
    let outline: Vec<String> = outline(&pdf).iter().map(|t| squash(t)).collect();
    assert!(outline.len() >= titles.len(), "{outline:?}");
    for t in titles {
        let runs = mongolian_runs(t);
        assert!(!runs.is_empty(), "{t} has Mongolian words");
        for r in &runs {
            assert!(text.contains(r.as_str()), "the mn PDF lacks {r} of {t}");
        }
        assert!(
            outline
                .iter()
                .any(|o| runs.iter().all(|r| o.contains(r.as_str()))),
            "no bookmark for {t}"
        );
    }
    let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
    assert!(
        fonts
            .lines()
            .any(|l| l.contains("NotoSansMongolian")
                && l.split_whitespace().nth_back(4) == Some("yes")),
        "Noto Sans Mongolian embedded:\n{fonts}"
    );
}

/// Word boxes of one page: (text, width, height).
fn words(pdf: &Path, page: usize) -> Vec<(String, f64, f64)> {
    let p = page.to_string();
    let xml = tool(
        "pdftotext",
        &["-bbox", "-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"],
    );
    xml.split("<word ")
        .skip(1)
        .filter_map(|w| {
            let attr = |name: &str| -> Option<f64> {
                w.split(&format!("{name}=\""))
                    .nth(1)?
                    .split('"')
                    .next()?
                    .parse()
                    .ok()
            };
            let word = w.split('>').nth(1)?.split('<').next()?.to_string();
            Some((
                word,
                attr("xMax")? - attr("xMin")?,
                attr("yMax")? - attr("yMin")?,
            ))
        })
        .collect()
}

#[test]
fn mongolian_pages_are_vertical_and_page_counts_are_plausible() {
    let Some(s) = shipped() else { return };
    let mn = s.out.join("mn/report.mn.pdf");
    // A body page: Mongolian words run down the page, their boxes taller than
    // wide (words of five letters and more: short ones are nearly square).
    let n = pages(&mn);
    let page = (2..=n).max_by_key(|&p| words(&mn, p).len()).unwrap_or(1);
    let mongolian: Vec<(String, f64, f64)> = words(&mn, page)
        .into_iter()
        .filter(|(w, _, _)| w.chars().filter(|c| is_mongolian(*c)).count() >= 5)
        .collect();
    assert!(mongolian.len() > 50, "page {page}: {mongolian:?}");
    let tall = mongolian.iter().filter(|(_, w, h)| h > w).count();
    assert!(
        tall * 20 >= mongolian.len() * 19,
        "page {page}: {tall} of {} Mongolian words taller than wide",
        mongolian.len()
    );
    let zh = s.out.join("report.zh.pdf");
    let w: Vec<_> = words(&zh, 3)
        .into_iter()
        .filter(|(w, _, _)| w.chars().count() >= 5)
        .collect();
    let wide = w.iter().filter(|(_, w, h)| w > h).count();
    assert!(
        w.len() > 10 && wide * 20 >= w.len() * 19,
        "Chinese runs across the page: {w:?}"
    );

    for (pdf, chapters) in [(&zh, titles()["zh"].len()), (&mn, titles()["mn"].len())] {
        let n = pages(pdf);
        let mut total = 0;
        for p in 1..=n {
            let p = p.to_string();
            let chars = squash(&tool(
                "pdftotext",
                &["-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"],
            ))
            .chars()
            .count();
            assert!(
                chars >= 20,
                "{}: page {p} is (almost) empty: {chars}",
                pdf.display()
            );
            total += chars;
        }
        // Top-level chapters start on new pages; a page per table row or
        // per paragraph would mean far more pages with far less on each.
        assert!(n >= 4, "{}: {n} pages", pdf.display());
        assert!(
            n <= chapters * 2,
            "{}: {n} pages for {chapters} chapters",
            pdf.display()
        );
        assert!(
            total / n >= 200,
            "{}: {} characters a page",
            pdf.display(),
            total / n
        );
    }
}

fn bichig_env(args: &[&std::ffi::OsStr], path: &std::ffi::OsStr) -> crate::support::Run {
    let out = Command::new(env!("CARGO_BIN_EXE_bichig"))
        .args(args)
        .env("PATH", path)
        .env_remove("BICHIG_CHROMIUM")
        .output()
        .unwrap();
    crate::support::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn without_chromium_pdf_exits_2_and_says_what_to_install() {
    let site = SiteTest::new("bilingual");
    let empty = site.root().join("no-browsers");
    std::fs::create_dir_all(&empty).unwrap();
    let root = site.root().as_os_str();
    let r = bichig_env(
        &["pdf".as_ref(), "--root".as_ref(), root],
        empty.as_os_str(),
    );
    r.fails_with(
        2,
        &[
            "Chromium not found on PATH",
            "apt-get install chromium fonts-noto-core",
        ],
    );
    let r = bichig_env(
        &[
            "pdf".as_ref(),
            "--root".as_ref(),
            root,
            "--chromium".as_ref(),
            "/nonexistent".as_ref(),
        ],
        std::env::var_os("PATH").unwrap_or_default().as_os_str(),
    );
    r.fails_with(
        2,
        &["/nonexistent", "apt-get install chromium fonts-noto-core"],
    );
    assert!(!site.root().join("public").exists(), "nothing built");
}

#[cfg(unix)]
#[test]
fn a_failed_print_leaves_the_previous_output_and_pdfs_alone() {
    use std::os::unix::fs::PermissionsExt;
    let site = SiteTest::new("bilingual");
    site.build();
    // The output of an earlier `bichig pdf`.
    site.write("public/report.zh.pdf", b"%PDF-1.7 earlier zh");
    site.write("public/mn/report.mn.pdf", b"%PDF-1.7 earlier mn");
    let before = site.snapshot();
    let fake = site.root().join("fake-chromium");
    std::fs::write(&fake, "#!/bin/sh\necho 'cannot open display' >&2\nexit 1\n").unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let r = site.run(&["pdf", "--chromium", fake.to_str().unwrap()]);
    r.fails_with(1, &["cannot print the PDF", "cannot open display"]);
    assert!(site.snapshot() == before, "the output changed");
    let r = site.run(&["pdf", "--lang", "xx", "--chromium", fake.to_str().unwrap()]);
    r.fails_with(2, &["--lang xx", "zh, mn"]);
    assert!(site.snapshot() == before, "the output changed");
    assert_eq!(
        site.root_names(),
        [
            "content",
            "fake-chromium",
            "i18n",
            "public",
            "site.yaml",
            "themes"
        ],
        "no staging folder left"
    );
    // A plain build drops the PDFs (it cannot tell whether they are current) and says so.
    let r = site.run(&["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("removed report.zh.pdf"), "{}", r.stderr);
    assert!(
        r.stderr.contains("removed mn/report.mn.pdf"),
        "{}",
        r.stderr
    );
    assert!(!site.has("report.zh.pdf") && !site.has("mn/report.mn.pdf"));
    assert!(
        !site.read("index.html").contains("pdf-link"),
        "no link to a missing PDF"
    );
}
