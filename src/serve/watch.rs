//! Watching the site's sources for changes, with a short debounce.

use std::path::{Path, PathBuf};
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
pub fn watch(root: &Path) -> Result<(notify::RecommendedWatcher, Receiver<Vec<PathBuf>>), Error> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(e) = event {
            if !matches!(e.kind, notify::EventKind::Access(_)) {
                // An event without paths (a rescan) still means "rebuild".
                let paths = if e.paths.is_empty() {
                    vec![PathBuf::new()]
                } else {
                    e.paths
                };
                let _ = tx.send(paths);
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
/// none (an editor's save is often several events). The paths changed, sorted,
/// each once; empty only when `wait` passed with no change to the site. Changes
/// to editor scratch files alone start the wait again: a save that writes a
/// temporary file before renaming it is still under way, not a pause.
pub fn next_batch(rx: &Receiver<Vec<PathBuf>>, wait: Duration, quiet: Duration) -> Vec<PathBuf> {
    loop {
        let Ok(mut paths) = rx.recv_timeout(wait) else {
            return Vec::new();
        };
        let mut last = Instant::now();
        while last.elapsed() < quiet {
            if let Ok(more) = rx.recv_timeout(quiet.saturating_sub(last.elapsed())) {
                paths.extend(more);
                last = Instant::now();
            }
        }
        paths.retain(|p| !is_editor_scratch(p));
        paths.sort();
        paths.dedup();
        if !paths.is_empty() {
            return paths;
        }
    }
}

/// Files editors write beside the one being saved (swap, backup and temporary
/// files, vim's `4913` probe): never part of the site, so never a rebuild.
pub fn is_editor_scratch(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name == "4913"
        || [".swp", ".swx", ".tmp"].iter().any(|e| name.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scratch_files_alone_are_not_a_pause() {
        // An editor writes `page.md.tmp`, then renames it over `page.md`: the
        // scratch file's event must not end the wait as if edits had paused.
        let (tx, rx) = mpsc::channel();
        tx.send(vec![PathBuf::from("content/page.md.tmp")]).ok();
        let later = tx.clone();
        let sender = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(100));
            later.send(vec![PathBuf::from("content/page.md")]).ok();
        });
        let batch = next_batch(&rx, Duration::from_secs(5), Duration::from_millis(20));
        sender.join().ok();
        assert_eq!(batch, vec![PathBuf::from("content/page.md")]);
    }

    #[test]
    fn quiet_wait_returns_nothing() {
        let (_tx, rx) = mpsc::channel::<Vec<PathBuf>>();
        let batch = next_batch(&rx, Duration::from_millis(10), Duration::from_millis(5));
        assert!(batch.is_empty());
    }

    #[test]
    fn editor_scratch_files() {
        for scratch in [".finance.md.swp", "finance.md~", "4913", "a.tmp", "#a.md#"] {
            assert!(is_editor_scratch(Path::new(scratch)), "{scratch}");
        }
        for real in ["finance.md", "a.csv", "style.css", "_index.mn.md", ""] {
            assert!(!is_editor_scratch(Path::new(real)), "{real}");
        }
    }
}
