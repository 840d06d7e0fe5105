//! Stage timings: with `BICHIG_TIMINGS=1`, each stage of a build prints how long
//! it took, to stderr (above the progress bar, when one is drawn: see
//! [`crate::progress`]), with the memory the process holds then (on Linux).
//! A leaf module, so every stage can report.

use std::time::Duration;

/// Prints `stage` and `elapsed` (time since the start of the build, or of the
/// stage for `minify and write`) when `BICHIG_TIMINGS` is set.
pub fn report(stage: &str, elapsed: Duration) {
    if std::env::var_os("BICHIG_TIMINGS").is_some() {
        crate::progress::eprintln_above(&format!(
            "timing: {stage:<18} {:>8.1} ms{}",
            elapsed.as_secs_f64() * 1000.0,
            memory()
        ));
    }
}

/// Resident memory now and at its peak (`VmRSS`, `VmHWM` of
/// `/proc/self/status`), or nothing where the file is missing.
fn memory() -> String {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return String::new();
    };
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().strip_suffix("kB"))
            .and_then(|v| v.trim().parse::<u64>().ok())
    };
    match (field("VmRSS:"), field("VmHWM:")) {
        (Some(rss), Some(peak)) => {
            format!("  rss {:>5} MB, peak {:>5} MB", rss / 1024, peak / 1024)
        }
        _ => String::new(),
    }
}
