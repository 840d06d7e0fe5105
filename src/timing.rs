//! Stage timings: with `BICHIG_TIMINGS=1`, each stage of a build prints how long
//! it took, to stderr (above the progress bar, when one is drawn: see
//! [`crate::progress`]). A leaf module, so every stage can report.

use std::time::Duration;

/// Prints `stage` and `elapsed` (time since the start of the build, or of the
/// stage for `minify and write`) when `BICHIG_TIMINGS` is set.
pub fn report(stage: &str, elapsed: Duration) {
    if std::env::var_os("BICHIG_TIMINGS").is_some() {
        crate::progress::eprintln_above(&format!(
            "timing: {stage:<18} {:>8.1} ms",
            elapsed.as_secs_f64() * 1000.0
        ));
    }
}
