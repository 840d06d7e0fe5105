//! Watching the site's sources for changes, with a short debounce.

use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::Error;

/// Folders and files whose changes trigger a rebuild.
pub const WATCHED: [&str; 7] = [
    "content",
    "themes",
    "i18n",
    "static",
    "templates",
    "seeds",
    "site.yaml",
];

/// Starts watching; the watcher must be kept alive with the receiver.
pub fn watch(root: &Path) -> Result<(notify::RecommendedWatcher, Receiver<()>), Error> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(e) = event {
            if !matches!(e.kind, notify::EventKind::Access(_)) {
                let _ = tx.send(());
            }
        }
    })
    .map_err(|e| Error::Usage(format!("cannot watch files: {e}")))?;
    for name in WATCHED {
        let path = root.join(name);
        if path.exists() {
            let mode = if path.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            watcher
                .watch(&path, mode)
                .map_err(|e| Error::io(&path, std::io::Error::other(e.to_string())))?;
        }
    }
    Ok((watcher, rx))
}

/// Waits up to `wait` for a change; then drains changes until `quiet` passes with
/// none (an editor's save is often several events). True when something changed.
pub fn next_batch(rx: &Receiver<()>, wait: Duration, quiet: Duration) -> bool {
    if rx.recv_timeout(wait).is_err() {
        return false;
    }
    let mut last = Instant::now();
    while last.elapsed() < quiet {
        if rx
            .recv_timeout(quiet.saturating_sub(last.elapsed()))
            .is_ok()
        {
            last = Instant::now();
        }
    }
    true
}
