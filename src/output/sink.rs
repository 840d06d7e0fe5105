//! Where the files of a render go as they are made: into the staging folder at
//! once (`build`, see [`super::Staging`]), or kept in memory (`serve`, `pdf`).
//! A site written as it renders never holds all its files at once.

use std::sync::Mutex;

use super::files::OutputFile;
use crate::Error;

/// Takes each finished file of a render, from several threads at once.
pub trait Sink: Sync {
    /// Takes one file; an error stops the render.
    fn put(&self, file: OutputFile) -> Result<(), Error>;
}

/// A sink keeping every file in memory, in the order given.
#[derive(Default)]
pub struct Collect(Mutex<Vec<OutputFile>>);

impl Collect {
    /// The files given so far.
    pub fn into_files(self) -> Vec<OutputFile> {
        // A thread that panicked while pushing left a whole Vec behind.
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Collect {
    fn put(&self, file: OutputFile) -> Result<(), Error> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    }
}

/// A sink dropping every file (`check`: only the problems of a render matter).
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _: OutputFile) -> Result<(), Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collect_keeps_files_in_order() {
        let c = Collect::default();
        c.put(OutputFile::bytes("a", b"1".to_vec())).unwrap();
        c.put(OutputFile::bytes("b", b"2".to_vec())).unwrap();
        let paths: Vec<String> = c.into_files().into_iter().map(|f| f.path).collect();
        assert_eq!(paths, ["a", "b"]);
    }
}
