//! Build progress on a terminal: pages rendered of total, on stderr, once a
//! build has run for more than [`DELAY`]. A leaf module: the render stage
//! counts through a [`Progress`] it is handed (none in `serve`), and
//! [`timing`](crate::timing) prints its lines above the bar.
//!
//! The bar starts hidden; the first [`Progress::inc`] after [`DELAY`] gives
//! it stderr to draw on, so a quick build prints nothing. Drawing is
//! rate-limited by indicatif (at most [`HZ`] frames a second); `inc` itself is
//! a few atomic operations and a clock read, cheap from rayon's worker threads.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a build runs before its bar shows.
pub const DELAY: Duration = Duration::from_secs(1);

/// Frames a second at most.
pub const HZ: u8 = 10;

/// The bar: what it counts is named in the template, the rest is indicatif's.
const TEMPLATE: &str = "building [{bar:30}] {pos}/{len} pages";

/// Whether a bar may be drawn at all: stderr is a terminal (not a pipe or a
/// file, so never in captured test output), not under CI (`CI` set and not
/// empty, nor `false`/`0`), and the terminal is not `TERM=dumb`.
pub fn wanted(stderr_is_terminal: bool, ci: Option<&str>, term: Option<&str>) -> bool {
    let ci = ci.is_some_and(|v| !v.is_empty() && v != "false" && v != "0");
    stderr_is_terminal && !ci && term != Some("dumb")
}

/// Whether a bar that is [`wanted`] shows after `elapsed` of the build.
pub fn due(wanted: bool, elapsed: Duration) -> bool {
    wanted && elapsed > DELAY
}

/// The bar that is drawn now, if any: [`eprintln_above`] writes above it.
/// At most one build draws at a time (the `build` command's).
static SHOWN: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// Counts the pages of one build and, when [`wanted`], draws them on stderr
/// once [`due`]. Cheap to clone (one shared counter); `Sync`, for rayon.
#[derive(Clone, Debug)]
pub struct Progress {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    bar: ProgressBar,
    started: Instant,
    wanted: bool,
    shown: AtomicBool,
    /// Where the bar draws once due (stderr; hidden in tests).
    target: fn() -> ProgressDrawTarget,
}

impl Progress {
    /// A hidden counter, drawn on stderr later if `wanted`; the build's clock
    /// starts now.
    pub fn new(wanted: bool) -> Self {
        Progress::started(wanted, Instant::now(), || {
            ProgressDrawTarget::stderr_with_hz(HZ)
        })
    }

    fn started(wanted: bool, started: Instant, target: fn() -> ProgressDrawTarget) -> Self {
        let style = ProgressStyle::with_template(TEMPLATE)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        Progress {
            inner: Arc::new(Inner {
                bar: ProgressBar::hidden().with_style(style),
                started,
                wanted,
                shown: AtomicBool::new(false),
                target,
            }),
        }
    }

    /// A counter for the process's stderr: [`wanted`] there.
    pub fn for_stderr() -> Self {
        use std::io::IsTerminal;
        let ci = std::env::var("CI").ok();
        let term = std::env::var("TERM").ok();
        Progress::new(wanted(
            std::io::stderr().is_terminal(),
            ci.as_deref(),
            term.as_deref(),
        ))
    }

    /// Sets how many pages the build will count.
    pub fn set_total(&self, total: usize) {
        self.inner.bar.set_length(total as u64);
    }

    /// Counts `n` more pages rendered; shows the bar if it is [`due`].
    pub fn inc(&self, n: usize) {
        let inner = &*self.inner;
        // `wanted` first: no clock read for a bar that never shows; the swap
        // lets one thread alone attach stderr.
        if inner.wanted
            && !inner.shown.load(Ordering::Relaxed)
            && due(inner.wanted, inner.started.elapsed())
            && !inner.shown.swap(true, Ordering::AcqRel)
        {
            inner.bar.set_draw_target((inner.target)());
            *SHOWN.lock().unwrap_or_else(PoisonError::into_inner) = Some(inner.bar.clone());
        }
        inner.bar.inc(n as u64);
    }

    /// Pages counted so far.
    pub fn count(&self) -> u64 {
        self.inner.bar.position()
    }

    /// Pages to count, once [`Progress::set_total`] was called.
    pub fn total(&self) -> Option<u64> {
        self.inner.bar.length()
    }

    /// Whether the bar has been given stderr to draw on.
    pub fn is_shown(&self) -> bool {
        self.inner.shown.load(Ordering::Acquire)
    }

    /// Erases the bar (if drawn) and stops drawing: before the build's last
    /// line, its warnings or its errors.
    pub fn finish(&self) {
        if self.is_shown() {
            *SHOWN.lock().unwrap_or_else(PoisonError::into_inner) = None;
        }
        self.inner.bar.finish_and_clear();
    }
}

/// Writes `line` to stderr, above the bar while one is drawn, so that lines
/// (the `BICHIG_TIMINGS` table) and the bar do not overwrite each other.
pub fn eprintln_above(line: &str) {
    let shown = SHOWN.lock().unwrap_or_else(PoisonError::into_inner);
    match shown.as_ref() {
        Some(bar) => bar.suspend(|| eprintln!("{line}")),
        None => eprintln!("{line}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wanted_on_an_attended_terminal_only() {
        assert!(wanted(true, None, Some("xterm-256color")));
        assert!(wanted(true, Some(""), None));
        assert!(wanted(true, Some("false"), None));
        assert!(!wanted(false, None, Some("xterm")));
        assert!(!wanted(true, Some("true"), Some("xterm")));
        assert!(!wanted(true, Some("1"), None));
        assert!(!wanted(true, None, Some("dumb")));
    }

    #[test]
    fn due_after_a_second_only() {
        assert!(!due(true, Duration::from_millis(0)));
        assert!(!due(true, Duration::from_millis(1000)));
        assert!(due(true, Duration::from_millis(1001)));
        assert!(!due(false, Duration::from_secs(60)));
    }

    #[test]
    fn the_template_parses() {
        assert!(ProgressStyle::with_template(TEMPLATE).is_ok());
    }

    #[test]
    fn counts_from_threads_and_never_shows_when_not_wanted() {
        let p = Progress::new(false);
        p.set_total(4000);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| (0..1000).for_each(|_| p.inc(1)));
            }
        });
        assert_eq!((p.count(), p.total()), (4000, Some(4000)));
        assert!(!p.is_shown());
        p.finish();
    }

    #[test]
    fn a_slow_build_shows_at_its_next_page_until_finished() {
        let started = Instant::now() - Duration::from_secs(2);
        let p = Progress::started(true, started, ProgressDrawTarget::hidden);
        assert!(!p.is_shown());
        p.set_total(2);
        p.inc(1);
        assert!(p.is_shown());
        p.inc(1);
        assert_eq!(p.count(), 2);
        p.finish();
    }

    #[test]
    fn a_quick_build_does_not_show() {
        let p = Progress::new(true);
        p.inc(3);
        assert_eq!(p.count(), 3);
        assert!(!p.is_shown());
        p.finish();
    }
}
