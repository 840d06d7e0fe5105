//! The staging folder a build writes into while it renders, swapped in for
//! the output once every file is there (see [`super::swap`]).

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::files::{is_confined, Contents, OutputFile};
use super::minify::minify_html;
use super::swap::{recover, sibling, swap_in};
use crate::Error;

/// A staging folder beside the output, filled while the site renders. Only
/// [`Staging::commit`] puts it in the output's place; dropped without that (a
/// failed build), it is removed and the output is left as it was.
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    minify: bool,
}

impl Staging {
    /// A new, empty staging folder for `out` (after [`recover`]); HTML given
    /// unminified is minified on write when `minify`.
    pub fn create(out: &Path, minify: bool) -> Result<Staging, Error> {
        recover(out)?;
        let (parent, prefix) = sibling(out, "staging");
        fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = parent.join(format!("{prefix}{}-{nanos}", std::process::id()));
        fs::create_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
            minify,
        })
    }

    /// Writes one file into the folder; refuses a path leaving it.
    pub fn write(&self, f: &OutputFile) -> Result<(), Error> {
        if !is_confined(&f.path) {
            return Err(Error::Usage(format!(
                "refusing to write `{}` outside the output folder",
                f.path
            )));
        }
        let target = self.dir.join(&f.path);
        // Folders are made by the threads writing into them (create_dir_all
        // tolerates another thread making the same folder).
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        match &f.contents {
            Contents::Html(html) if self.minify => fs::write(&target, minify_html(html)),
            Contents::Html(html) => fs::write(&target, html),
            Contents::Bytes(b) => fs::write(&target, b),
            Contents::Copy(from) => fs::copy(from, &target).map(|_| ()),
        }
        .map_err(|e| Error::io(&target, e))
    }

    /// Swaps the folder in for the output.
    pub fn commit(self) -> Result<(), Error> {
        // On failure `drop` removes what is left at `dir`; on success nothing
        // is (renamed away, or the previous output already removed).
        swap_in(&self.dir, &self.out)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.dir.exists() {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

impl super::Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<(), Error> {
        self.write(&file)
    }
}

/// Writes `files` into a new staging folder and swaps it in for `out`. On any
/// failure the staging folder is removed and `out` is left as it was.
pub fn write_site(out: &Path, files: &[OutputFile], minify: bool) -> Result<(), Error> {
    let staging = Staging::create(out, minify)?;
    let t0 = std::time::Instant::now();
    files.par_iter().try_for_each(|f| staging.write(f))?;
    crate::timing::report("write: files", t0.elapsed());
    staging.commit()
}

#[cfg(test)]
mod tests {
    use super::super::swap::tests::site;
    use super::*;

    #[test]
    fn swap_replaces_and_cleans_up() {
        let d = site();
        let out = d.path().join("public");
        write_site(&out, &[OutputFile::bytes("a/x.txt", b"1".to_vec())], false).unwrap();
        write_site(&out, &[OutputFile::bytes("b.txt", b"2".to_vec())], false).unwrap();
        assert!(!out.join("a/x.txt").exists());
        assert_eq!(fs::read(out.join("b.txt")).unwrap(), b"2");
        let names: Vec<String> = fs::read_dir(d.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().all(|n| !n.starts_with(".public.")),
            "{names:?}"
        );
    }

    /// `public/keep.txt` ("old") written by an earlier build: its path.
    fn previous_output(site: &Path) -> PathBuf {
        let out = site.join("public");
        write_site(
            &out,
            &[OutputFile::bytes("keep.txt", b"old".to_vec())],
            false,
        )
        .unwrap();
        out
    }

    /// The previous output is whole and no staging folder is left beside it.
    fn assert_kept(site: &Path, out: &Path) {
        assert_eq!(fs::read(out.join("keep.txt")).unwrap(), b"old");
        assert_eq!(
            fs::read_dir(site).unwrap().count(),
            3,
            "no staging folder left"
        );
    }

    #[test]
    fn failed_write_keeps_previous_output() {
        let d = site();
        let out = previous_output(d.path());
        let bad = OutputFile {
            path: "gone.txt".into(),
            contents: Contents::Copy(d.path().join("missing")),
        };
        assert!(write_site(&out, &[bad], false).is_err());
        assert!(write_site(&out, &[OutputFile::bytes("../escape.txt", vec![])], false).is_err());
        assert!(!d.path().join("escape.txt").exists());
        assert_kept(d.path(), &out);
    }

    /// A render that fails after writing some files drops its staging folder:
    /// the previous output stays, and no folder is left beside it.
    #[test]
    fn dropped_staging_is_removed() {
        let d = site();
        let out = previous_output(d.path());
        let staging = Staging::create(&out, false).unwrap();
        staging
            .write(&OutputFile::bytes("a/new.txt", b"new".to_vec()))
            .unwrap();
        drop(staging);
        assert!(!out.join("a/new.txt").exists());
        assert_kept(d.path(), &out);
    }

    #[test]
    fn html_is_minified_on_write_when_asked() {
        let d = site();
        let out = d.path().join("public");
        let page = "<p>a   b</p>\n\n";
        for minify in [true, false] {
            let staging = Staging::create(&out, minify).unwrap();
            staging
                .write(&OutputFile::html("i.html".into(), page.into()))
                .unwrap();
            staging.commit().unwrap();
            let written = fs::read_to_string(out.join("i.html")).unwrap();
            assert_eq!(written == page, !minify, "{written:?}");
        }
    }
}
