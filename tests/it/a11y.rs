//! WCAG 2.1 AA: axe-core (npm, tests/a11y) in headless Chromium on the shipped
//! report: home, a measure page, a data page, the series index, the search
//! page, the corrections page and the accessibility statement, in both
//! languages. No serious or critical violation may remain.

use std::process::Command;

use crate::support::browser::{chromium, serve, skip};
use crate::support::{build_shipped, repo};

const PAGES: [&str; 14] = [
    "/",
    "/mn/",
    "/measures/key-projects/finance/",
    "/mn/measures/key-projects/finance/",
    "/data/poverty_causes/",
    "/mn/data/poverty_causes/",
    "/series/poverty-day/",
    "/mn/series/poverty-day/",
    "/search/",
    "/mn/search/",
    "/corrections/",
    "/mn/corrections/",
    "/accessibility/",
    "/mn/accessibility/",
];

#[test]
fn shipped_report_has_no_serious_accessibility_violations() {
    let Some(chromium) = chromium() else { return };
    let runner = repo().join("tests/a11y");
    if !runner.join("node_modules/axe-core").is_dir() {
        skip("axe-core not installed (npm ci --prefix tests/a11y)");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let build = build_shipped(&public);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let base = serve(&public);
    let run = Command::new("node")
        .arg(runner.join("run.mjs"))
        .arg(&base)
        .args(PAGES)
        .env("CHROMIUM", chromium)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    println!("{stdout}");
    assert!(
        run.status.success(),
        "axe found serious or critical violations:\n{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains("axe: 14 pages checked, 0 with serious or critical violations"));
}
