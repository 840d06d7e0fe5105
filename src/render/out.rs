//! The sink of one render as the render uses it: every file goes on at once,
//! its path stays (the sitemap and the alias check need the paths, not the
//! contents), and the sink's first error ends the render.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use super::Made;
use crate::diagnostics::Diagnostic;
use crate::output::{OutputFile, Sink};
use crate::Error;

/// A render's view of its sink.
pub(super) struct Out<'s> {
    sink: &'s dyn Sink,
    paths: Mutex<Vec<String>>,
    failed: AtomicBool,
    error: Mutex<Option<Error>>,
}

impl<'s> Out<'s> {
    pub(super) fn new(sink: &'s dyn Sink) -> Self {
        Out {
            sink,
            paths: Mutex::new(Vec::new()),
            failed: AtomicBool::new(false),
            error: Mutex::new(None),
        }
    }

    /// Gives `file` to the sink (nothing more once the sink failed).
    pub(super) fn put(&self, file: OutputFile) {
        if self.failed() {
            return;
        }
        lock(&self.paths).push(file.path.clone());
        if let Err(e) = self.sink.put(file) {
            self.failed.store(true, Ordering::Relaxed);
            lock(&self.error).get_or_insert(e);
        }
    }

    /// Gives every file of `files` to the sink.
    pub(super) fn put_all(&self, files: impl IntoIterator<Item = OutputFile>) {
        files.into_iter().for_each(|f| self.put(f));
    }

    /// The files of a stage, or its problems.
    pub(super) fn stage(
        &self,
        problems: &mut Vec<Diagnostic>,
        stage: Result<Vec<OutputFile>, Vec<Diagnostic>>,
    ) {
        match stage {
            Ok(files) => self.put_all(files),
            Err(d) => problems.extend(d),
        }
    }

    /// Whether the sink failed: the render has nothing more to make.
    pub(super) fn failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }

    /// The paths of the files given so far, sorted.
    pub(super) fn paths(&self) -> Vec<String> {
        let mut paths = lock(&self.paths).clone();
        paths.sort_unstable();
        paths
    }

    /// What was given, or the sink's error.
    pub(super) fn finish(self) -> Result<Made, Error> {
        if let Some(e) = lock(&self.error).take() {
            return Err(e);
        }
        let paths = lock(&self.paths);
        Ok(Made {
            files: paths.len(),
            pages: paths.iter().filter(|p| p.ends_with(".html")).count(),
        })
    }
}

/// A lock that another thread's panic does not spoil (the Vec is whole).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
