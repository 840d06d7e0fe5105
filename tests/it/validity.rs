//! HTML validity: the Nu HTML Checker (`vnu-jar` from npm, tests/a11y, run
//! with Java) finds no error in any page of the shipped report, in both
//! languages.

use std::path::Path;
use std::process::Command;

use crate::support::browser::skip;
use crate::support::{build_shipped, repo};

/// Messages vnu reports for valid modern HTML. vnu checks inline SVG against
/// SVG 1.1, whose `writing-mode` values are `lr-tb`, `tb-rl`, …; SVG 2 (what
/// browsers implement) takes the CSS Writing Modes values, and Mongolian
/// axis labels are `vertical-lr` (SVG 2 §11.10.1, CSS Writing Modes 3 §2.1).
const FALSE_ALARMS: [&str; 1] =
    ["Bad value “vertical-lr” for attribute “writing-mode” on element “text”."];

/// One page of each kind, in both languages: all must have been written, so
/// that checking the whole output checks each of them.
const KINDS: [&str; 12] = [
    "index.html",
    "measures/index.html",
    "measures/key-projects/finance/index.html",
    "data/poverty_causes/index.html",
    "data/index.html",
    "tags/index.html",
    "search/index.html",
    "glossary/index.html",
    "print/index.html",
    "corrections/index.html",
    "accessibility/index.html",
    "404.html",
];

fn java_runs() -> bool {
    Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn shipped_report_is_valid_html() {
    let jar = repo().join("tests/a11y/node_modules/vnu-jar/build/dist/vnu.jar");
    if !java_runs() {
        skip("java not found");
        return;
    }
    if !jar.is_file() {
        skip("vnu.jar not installed (npm ci --prefix tests/a11y)");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let build = build_shipped(&public);
    assert_eq!(build.code, 0, "{}", build.stderr);
    for kind in KINDS {
        for dir in [Path::new(""), Path::new("mn")] {
            let page = public.join(dir).join(kind);
            assert!(page.is_file(), "{} was not written", page.display());
        }
    }
    let run = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html", "--format", "json"])
        .arg(&public)
        .output()
        .unwrap();
    // vnu writes its JSON report to stderr.
    let report = String::from_utf8_lossy(&run.stderr);
    let json: serde_json::Value = serde_json::from_str(&report)
        .unwrap_or_else(|e| panic!("vnu report is not JSON ({e}):\n{report}"));
    let messages = json["messages"]
        .as_array()
        .unwrap_or_else(|| panic!("no messages in the vnu report:\n{report}"));
    let errors: Vec<String> = messages
        .iter()
        .filter(|m| m["type"] != "info")
        .filter(|m| !FALSE_ALARMS.contains(&m["message"].as_str().unwrap_or("")))
        .map(|m| {
            format!(
                "{}:{}: {}: {}\n    {}",
                m["url"].as_str().unwrap_or("?"),
                m["lastLine"],
                m["type"].as_str().unwrap_or("?"),
                m["message"].as_str().unwrap_or("?"),
                m["extract"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        errors.is_empty(),
        "vnu found {} errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
}
