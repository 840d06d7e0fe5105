//! The build's progress bar: what it counts, and that it draws on a terminal
//! only (never into a pipe, a file or CI's log).

use std::collections::BTreeSet;
use std::process::Command;

use crate::support::SiteTest;

/// The environment of a build run by hand with timings: a terminal type
/// and `BICHIG_TIMINGS` (CI, which hides the bar, is removed besides).
const TERMINAL_TIMINGS: [(&str, &str); 2] = [("BICHIG_TIMINGS", "1"), ("TERM", "xterm-256color")];

/// `pages` more pages in a section of their own, each with some text: a debug
/// build of them takes well over the bar's one second.
fn slow_site(pages: usize) -> SiteTest {
    let site = SiteTest::new("basic");
    site.write(
        "content/bulk/_index.md",
        "---\ntitle: 批量\n---\n批量页面。\n",
    );
    let para = "累计撬动金融扶贫贷款400多亿元，农牧民直接获得扶贫小额贷款支持。\n\n".repeat(5);
    for i in 0..pages {
        site.write(
            &format!("content/bulk/p{i:04}.md"),
            format!("---\ntitle: 页面{i}\ntags: [批量]\n---\n\n## 小节\n\n{para}"),
        );
    }
    site
}

#[test]
fn the_count_reaches_the_total_of_entry_and_tag_pages() {
    let site = SiteTest::paginated_basic();
    let progress = bichig::progress::Progress::new(false);
    let opts = bichig::BuildOptions {
        root: site.root().to_path_buf(),
        output: "public".into(),
        base_url: None,
        drafts: false,
        progress: Some(progress.clone()),
    };
    bichig::build(&opts).unwrap();
    progress.finish();
    // Every entry's pages (a section's listing pages) and every tag page, as
    // the model names them: each written, each counted once.
    let loaded = bichig::load(site.root(), None).unwrap();
    let model = bichig::resolve_site(loaded, false).unwrap().site;
    let mut pages = BTreeSet::new();
    for e in &model.entries {
        pages.insert(e.out_path.clone());
        pages.extend(e.listing.iter().map(|t| t.out_path.clone()));
    }
    for lang in &model.langs {
        pages.insert(lang.tags_index.out_path.clone());
        for term in &lang.tags {
            pages.extend(term.listing.iter().map(|t| t.out_path.clone()));
        }
    }
    for p in &pages {
        assert!(site.has(p), "{p} not written");
    }
    assert!(site.has("measures/page/2/index.html") && site.has("tags/金融/page/2/index.html"));
    assert_eq!(progress.total(), Some(pages.len() as u64));
    assert_eq!(progress.count(), pages.len() as u64);
}

#[test]
fn a_build_into_a_pipe_shows_no_bar_and_keeps_its_timings() {
    let site = slow_site(1000);
    let out = Command::new(env!("CARGO_BIN_EXE_bichig"))
        .args(["build", "--root"])
        .arg(site.root())
        .envs(TERMINAL_TIMINGS)
        .env_remove("CI")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let ms: u64 = stdout
        .split(" in ")
        .last()
        .and_then(|t| t.trim().strip_suffix(" ms"))
        .and_then(|t| t.parse().ok())
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(ms > 1000, "a build long enough for a bar: {ms} ms");
    for bar in ["\x1b", "\r", "building ["] {
        assert!(!stderr.contains(bar), "{bar:?} in stderr: {stderr}");
    }
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(lines.len() > 5, "{stderr}");
    assert!(lines.iter().all(|l| l.starts_with("timing: ")), "{stderr}");
}

/// On a pseudo-terminal (util-linux `script`) the same build draws its bar,
/// then erases it: the timing lines stay whole, one to a line.
#[test]
fn a_build_on_a_terminal_draws_its_bar_above_nothing_it_overwrites() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` for a pseudo-terminal");
        return;
    }
    let site = slow_site(1000);
    let cmd = format!(
        "{} build --root '{}' >/dev/null",
        env!("CARGO_BIN_EXE_bichig"),
        site.root().display()
    );
    let out = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .envs(TERMINAL_TIMINGS)
        .env_remove("CI")
        .output()
        .unwrap();
    let tty = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{tty}");
    assert!(tty.contains("building ["), "no bar drawn: {tty:?}");
    // Drawn at the end with every page counted, of more than the bulk pages.
    let full = tty
        .split("] ")
        .filter_map(|f| f.split_once(" pages")?.0.split_once('/'))
        .any(|(n, total)| n == total && total.parse::<usize>().is_ok_and(|t| t > 1000));
    assert!(full, "no bar of every page: {tty:?}");
    // What the terminal shows: on each line, what follows the last erasing
    // of the bar; each timing line whole, and at the end no bar.
    let shown: Vec<&str> = tty
        .split('\n')
        .map(|l| {
            l.trim_end_matches('\r')
                .rsplit("\r\x1b[2K")
                .next()
                .unwrap_or("")
        })
        .collect();
    let timings: Vec<&&str> = shown.iter().filter(|l| l.contains("timing: ")).collect();
    assert!(timings.len() > 5, "{shown:#?}");
    for line in timings {
        assert!(
            line.starts_with("timing: ") && (line.ends_with(" ms") || line.ends_with(" MB")),
            "{line:?} not on a line of its own: {shown:#?}"
        );
    }
    assert_eq!(shown.last(), Some(&""), "the bar is erased: {shown:#?}");
}
