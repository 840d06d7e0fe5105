//! Keeping the served site current. A change rebuilds the whole site in memory
//! on a thread of its own, except an edit to the text of one page: that page is
//! rendered again and served at once (even while a full build runs), and the
//! full build (listings, feeds, search index) follows when the edits pause.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{Shared, Snapshot};
use crate::incremental::SiteState;
use crate::output::{files::Contents, OutputFile};
use crate::Error;

/// How long edits must pause before the full build that follows quick updates.
const SETTLE: Duration = Duration::from_millis(1000);

/// Rebuilds for `serve`, holding what the last full build was made from.
pub(super) struct Builder {
    root: PathBuf,
    base_url: String,
    drafts: bool,
    state: Option<SiteState>,
    /// Pages were updated alone: a full build is due once edits pause.
    stale: bool,
    /// When the last change came (the pause before a due full build counts from it).
    last_change: Instant,
    /// The full build running, if any.
    building: Option<Receiver<Built>>,
    /// Content files changed alone while it runs (it may have read them before
    /// the edit): rendered again from its result when it ends.
    edited: Vec<PathBuf>,
    /// Another change came while it runs: build again when it ends.
    again: bool,
}

type Built = (
    Instant,
    Result<(Files, Vec<crate::Diagnostic>, SiteState), Error>,
);
type Files = HashMap<String, Arc<Vec<u8>>>;

impl Builder {
    pub(super) fn new(root: &Path, base_url: &str, drafts: bool) -> Builder {
        Builder {
            root: root.to_path_buf(),
            base_url: base_url.to_string(),
            drafts,
            state: None,
            stale: false,
            last_change: Instant::now(),
            building: None,
            edited: Vec::new(),
            again: false,
        }
    }

    /// How long to wait for the next change.
    pub(super) fn wait(&self) -> Duration {
        if self.building.is_some() {
            Duration::from_millis(20)
        } else if self.stale {
            self.settle_left().max(Duration::from_millis(1))
        } else {
            Duration::from_millis(200)
        }
    }

    /// Handles a batch of changed paths (empty: the wait passed with none).
    /// A change while a full build runs never starts another one at once: a
    /// content file is rendered again from that build's result when it ends,
    /// anything else builds again then. So under a stream of edits full builds
    /// run one at a time, never back to back.
    pub(super) fn changed(&mut self, paths: &[PathBuf], shared: &Shared) {
        self.finish(shared);
        if !paths.is_empty() {
            self.last_change = Instant::now();
        }
        match paths {
            [] if self.stale && self.building.is_none() && self.settle_left().is_zero() => {
                self.start()
            }
            [] => {}
            // Served at once if it can be; the build's result renders it again.
            [one] if self.building.is_some() && is_content(one) => {
                self.quick(one, shared);
                self.edited.push(one.clone());
            }
            [one] if self.quick(one, shared) => self.stale = true,
            _ if self.building.is_some() => self.again = true,
            _ => self.start(),
        }
    }

    /// How much longer edits must pause before the due full build.
    fn settle_left(&self) -> Duration {
        SETTLE.saturating_sub(self.last_change.elapsed())
    }

    /// Starts a full build on its own thread.
    fn start(&mut self) {
        let (tx, rx) = mpsc::channel();
        let (root, base_url, drafts) = (self.root.clone(), self.base_url.clone(), self.drafts);
        self.stale = false;
        self.again = false;
        self.edited.clear();
        self.building = Some(rx);
        std::thread::spawn(move || {
            let start = Instant::now();
            let result = crate::generate(&root, Some(&base_url), drafts)
                .and_then(|g| Ok((to_bytes(g.files)?, g.warnings, g.state)));
            let _ = tx.send((start, result));
        });
    }

    /// Publishes the full build if it has ended.
    fn finish(&mut self, shared: &Shared) {
        let Some(rx) = &self.building else {
            return;
        };
        let (start, result) = match rx.try_recv() {
            Ok(built) => built,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => (
                Instant::now(),
                Err(Error::Usage("the build stopped".into())),
            ),
        };
        self.building = None;
        self.publish_full(start, result, shared);
        if self.again {
            self.start();
        }
    }

    /// Builds the whole site and publishes it before returning (the first build).
    pub(super) fn full(&mut self, shared: &Shared) {
        self.start();
        if let Some(rx) = self.building.take() {
            let built = rx.recv().unwrap_or_else(|_| {
                (
                    Instant::now(),
                    Err(Error::Usage("the build stopped".into())),
                )
            });
            self.publish_full(built.0, built.1, shared);
        }
    }

    /// Re-renders the pages of one edited content file; false when a full build
    /// is needed instead.
    fn quick(&mut self, file: &Path, shared: &Shared) -> bool {
        let start = Instant::now();
        let has_error = shared.snapshot.read().map_or(true, |s| s.error.is_some());
        if has_error || !is_content(file) {
            return false;
        }
        let Some(files) = self.state.as_mut().and_then(|s| s.rerender(file)) else {
            return false;
        };
        // On this thread: rayon's pool may be busy with a full build.
        let Ok(files) = files
            .into_iter()
            .map(|f| Ok((f.path, Arc::new(bytes(f.contents)?))))
            .collect::<Result<Files, Error>>()
        else {
            return false;
        };
        let count = files.len();
        publish(shared, |snap| {
            snap.files.extend(files);
        });
        eprintln!(
            "updated {count} page(s) of {} in {} ms",
            file.display(),
            start.elapsed().as_millis()
        );
        true
    }

    /// On success replaces the files (with the pages edited during the build
    /// rendered again from the new state), on failure keeps them and records
    /// the error.
    fn publish_full(
        &mut self,
        start: Instant,
        result: Result<(Files, Vec<crate::Diagnostic>, SiteState), Error>,
        shared: &Shared,
    ) {
        match result {
            Ok((mut files, warnings, mut state)) => {
                for w in &warnings {
                    eprintln!("{w}");
                }
                let mut edited = std::mem::take(&mut self.edited);
                edited.sort();
                edited.dedup();
                for file in &edited {
                    match state.rerender(file).map(to_bytes) {
                        Some(Ok(pages)) => files.extend(pages),
                        _ => self.again = true,
                    }
                }
                // Listings and feeds do not show those edits yet.
                self.stale = !edited.is_empty();
                let not_found = state
                    .site
                    .langs
                    .iter()
                    .rev()
                    .map(|l| (l.prefix.clone(), l.not_found.out_path.clone()))
                    .collect();
                self.state = Some(state);
                let count = files.len();
                publish(shared, |snap| {
                    snap.files = files;
                    snap.not_found = not_found;
                    snap.error = None;
                });
                eprintln!("built {count} files in {} ms", start.elapsed().as_millis());
            }
            Err(e) => {
                // Changes made while it ran may have mended the error.
                if !std::mem::take(&mut self.edited).is_empty() {
                    self.again = true;
                }
                let text = e.to_string();
                eprintln!("build failed, still serving the last good build:\n{text}");
                publish(shared, |snap| snap.error = Some(text));
            }
        }
    }
}

/// A Markdown file: one that [`Builder::quick`] may render alone.
fn is_content(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "md")
}

/// Output files as the bytes served.
fn to_bytes(files: Vec<OutputFile>) -> Result<HashMap<String, Arc<Vec<u8>>>, Error> {
    use rayon::prelude::*;
    files
        .into_par_iter()
        .map(|f| Ok((f.path, Arc::new(bytes(f.contents)?))))
        .collect()
}

fn bytes(contents: Contents) -> Result<Vec<u8>, Error> {
    Ok(match contents {
        Contents::Html(h) => h.into_bytes(),
        Contents::Bytes(b) => b,
        Contents::Copy(p) => std::fs::read(&p).map_err(|e| Error::io(&p, e))?,
    })
}

/// Changes the snapshot, then tells open pages to reload.
fn publish(shared: &Shared, change: impl FnOnce(&mut Snapshot)) {
    let mut snap = shared.snapshot.write().unwrap_or_else(|e| e.into_inner());
    change(&mut snap);
    snap.version += 1;
    let message = format!("data: {}\n\n", snap.version).into_bytes();
    drop(snap);
    shared
        .clients
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|c| c.send(message.clone()).is_ok());
}
