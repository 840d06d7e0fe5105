//! Test harness: copies a fixture site (plus the repo's default theme) into a
//! temporary folder, runs the `bichig` binary on it, and asserts on the result.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub mod browser;
pub mod http;

/// A fixture site in a temporary folder.
pub struct SiteTest {
    dir: tempfile::TempDir,
}

/// The result of one `bichig` run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The repository root: the shipped report's site.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `bichig build` of the shipped report into `output`.
pub fn build_shipped(output: &Path) -> Run {
    let root = repo();
    bichig([
        OsStr::new("build"),
        OsStr::new("--root"),
        root.as_os_str(),
        OsStr::new("--output"),
        output.as_os_str(),
    ])
}

/// Runs `bichig <args>` as given.
pub fn bichig<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let out: Output = Command::new(env!("CARGO_BIN_EXE_bichig"))
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

impl SiteTest {
    /// Copies `tests/fixtures/<name>` and the default theme (unless the fixture has one).
    pub fn new(name: &str) -> SiteTest {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
        if !dir.path().join("themes").exists() {
            copy_dir(&repo().join("themes"), &dir.path().join("themes"));
        }
        SiteTest { dir }
    }

    /// The `basic` fixture paginated one page to a listing page, with a tag
    /// on two pages (two tag listing pages).
    pub fn paginated_basic() -> SiteTest {
        let site = SiteTest::new("basic");
        site.add_config("paginate_by: 1\n");
        let org = fs::read_to_string(site.root().join("content/measures/organisation.md")).unwrap();
        site.write(
            "content/measures/organisation.md",
            org.replacen("---\n", "---\ntags: [金融]\n", 1),
        );
        site
    }

    /// An empty folder: no site at all.
    pub fn empty() -> SiteTest {
        SiteTest {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// Overlays the files of `tests/fixtures/<name>` on the site.
    pub fn overlay(self, name: &str) -> SiteTest {
        copy_dir(&repo().join("tests/fixtures").join(name), self.dir.path());
        self
    }

    /// Writes (or replaces) a file of the site.
    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) -> &SiteTest {
        let p = self.dir.path().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
        self
    }

    /// Appends `lines` to `site.yaml`; returns its text from before.
    pub fn add_config(&self, lines: &str) -> String {
        let config = fs::read_to_string(self.root().join("site.yaml")).unwrap();
        self.write("site.yaml", format!("{config}{lines}"));
        config
    }

    /// The site root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `bichig <args>` with `--root` set to the site.
    pub fn run(&self, args: &[&str]) -> Run {
        let root = self.root().as_os_str();
        bichig(
            args.iter()
                .map(OsStr::new)
                .chain([OsStr::new("--root"), root]),
        )
    }

    /// `bichig build`, which must succeed.
    pub fn build(&self) -> &SiteTest {
        let r = self.run(&["build"]);
        assert_eq!(r.code, 0, "build failed:\n{}", r.stderr);
        self
    }

    /// The search index fragments (`[title, url, text]` per page) under
    /// `<dir>search/f/` of the output folder, in page order (`dir`: `""`, `"mn/"`).
    pub fn search_fragments(&self, dir: &str) -> Vec<serde_json::Value> {
        let f = self.root().join("public").join(dir).join("search/f");
        let n = fs::read_dir(&f).map_or(0, |d| d.count());
        (0..n)
            .map(|i| {
                let gz = fs::read(f.join(format!("{i}.gz"))).unwrap();
                let mut json = Vec::new();
                std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut json)
                    .unwrap();
                serde_json::from_slice(&json).unwrap()
            })
            .collect()
    }

    /// Reads a file of the output folder.
    pub fn read(&self, rel: &str) -> String {
        let p = self.root().join("public").join(rel);
        fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }

    /// True when the output has this file.
    pub fn has(&self, rel: &str) -> bool {
        self.root().join("public").join(rel).is_file()
    }

    /// Every file of the output folder with its bytes.
    pub fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let out = self.root().join("public");
        walkdir::WalkDir::new(&out)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().strip_prefix(&out).unwrap().to_path_buf(),
                    fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    }

    /// Names in the site root (to find leftover staging folders).
    pub fn root_names(&self) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(self.root())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }
}

impl Run {
    /// Asserts the exit code and that stderr mentions every `needle`.
    pub fn fails_with(&self, code: i32, needles: &[&str]) -> &Run {
        assert_eq!(self.code, code, "stderr:\n{}", self.stderr);
        for n in needles {
            assert!(
                self.stderr.contains(n),
                "stderr lacks {n:?}:\n{}",
                self.stderr
            );
        }
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        self
    }
}
