//! Stage timings: with `BICHIG_TIMINGS=1`, each stage of a build prints how long
//! it took, to stderr (above the progress bar, when one is drawn: see
//! [`crate::progress`]), with the CPU time the process has used so far and the
//! memory it holds then (on Linux): CPU over wall time between two lines tells
//! how well a stage keeps the cores busy.
//! A leaf module, so every stage can report.

use std::time::Duration;

/// Prints `stage` and `elapsed` (time since the start of the build, or of the
/// stage for `minify and write`) when `BICHIG_TIMINGS` is set.
pub fn report(stage: &str, elapsed: Duration) {
    if std::env::var_os("BICHIG_TIMINGS").is_some() {
        crate::progress::eprintln_above(&format!(
            "timing: {stage:<18} {:>8.1} ms{}{}",
            elapsed.as_secs_f64() * 1000.0,
            cpu(),
            memory()
        ));
    }
}

/// CPU time (user + system) the process has used, from `/proc/self/stat`
/// (in clock ticks, taken as the usual 100 per second), or nothing where the
/// file is missing.
fn cpu() -> String {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return String::new();
    };
    match cpu_ticks(&stat) {
        Some(ticks) => format!("  cpu {:>8.1} ms", ticks as f64 * 10.0),
        None => String::new(),
    }
}

/// `utime + stime` of a `/proc/<pid>/stat` line: fields 14 and 15, counted
/// after the command name, which is in parentheses and may hold spaces.
fn cpu_ticks(stat: &str) -> Option<u64> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(user + system)
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

#[cfg(test)]
mod tests {
    use super::cpu_ticks;

    #[test]
    fn cpu_ticks_adds_user_and_system_time_after_a_name_with_spaces() {
        let stat = "4242 (a b) c) R 1 2 3 4 5 6 7 8 9 10 1234 56 0 0 20 0 3";
        assert_eq!(cpu_ticks(stat), Some(1290));
        assert_eq!(cpu_ticks("4242 (x) R 1 2"), None);
        assert_eq!(cpu_ticks("no name"), None);
    }
}
