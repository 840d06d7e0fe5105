//! What changed in an original since its translation was made: the text the
//! translation was made from (the translation's `source_hash` names it), found
//! in a copy kept by `bichig new --lang` and `bichig status --accept`
//! (`.bichig/originals/<lang>/<key>`) or in the site's git history, and a
//! paragraph diff ([`diff`]) against the original today.
//!
//! The kept copy is tried first: both sources are checked against
//! `source_hash`, so they give the same text, and the copy is one file read
//! where git is a walk through the file's history (subprocesses). Git finds
//! what the copy cannot: translations made before copies were kept, or in a
//! clone without `.bichig/`.

pub mod diff;

use std::path::{Component, Path, PathBuf};
use std::process::Command;

use crate::content::{self, SourcePage};
use crate::Error;

/// Folder of the kept originals, relative to the site root.
pub const ORIGINALS_DIR: &str = ".bichig/originals";

/// Where the translated-from text was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The kept copy at this path (relative to the site root).
    Copy(PathBuf),
    /// The file as committed in this git commit (abbreviated).
    Git(String),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Copy(p) => write!(f, "the copy in {}", p.display()),
            Origin::Git(c) => write!(f, "git commit {c}"),
        }
    }
}

/// The original's text a translation was made from.
#[derive(Debug, Clone)]
pub struct Before {
    /// Its translatable paragraphs.
    pub paragraphs: Vec<String>,
    /// Where it was found.
    pub origin: Origin,
}

/// The kept copy of the original `key` as translated into `lang`.
pub fn copy_path(lang: &str, key: &str) -> PathBuf {
    Path::new(ORIGINALS_DIR).join(lang).join(key)
}

/// Keeps `text`, the original `key` as translated into `lang` now.
pub fn keep_copy(root: &Path, lang: &str, key: &str, text: &str) -> Result<(), Error> {
    let file = root.join(copy_path(lang, key));
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    std::fs::write(&file, text).map_err(|e| Error::io(&file, e))
}

/// The version of `original` (in the default language `default`) whose
/// translatable text has `hash`, translated into `lang`: the kept copy when it
/// matches, else the newest matching version in git; `None` when neither has it.
pub fn translated_from(
    root: &Path,
    original: &SourcePage,
    lang: &str,
    hash: &str,
    default: &str,
) -> Option<Before> {
    let parse = |text: &str| {
        SourcePage::parse(&original.key, &original.path, text, default)
            .ok()
            .filter(|p| p.hash == hash)
            .map(|p| p.paragraphs())
    };
    let copy = copy_path(lang, &original.key);
    if let Some(paragraphs) = std::fs::read_to_string(root.join(&copy))
        .ok()
        .and_then(|t| parse(&t))
    {
        return Some(Before {
            paragraphs,
            origin: Origin::Copy(copy),
        });
    }
    let prefix = git(root, &["rev-parse", "--show-prefix"])?;
    let file = original.path.to_string_lossy().replace('\\', "/");
    let log = git(root, &["log", "--format=%H", "--", &file])?;
    for commit in log.lines().take(500) {
        let spec = format!("{commit}:{}{file}", prefix.trim());
        let Some(text) = git(root, &["show", &spec]) else {
            continue;
        };
        if let Some(paragraphs) = parse(&text) {
            return Some(Before {
                paragraphs,
                origin: Origin::Git(commit.chars().take(10).collect()),
            });
        }
    }
    None
}

/// Output of `git -C root <args>`, `None` when git is missing or fails (not a
/// repository, no such file in that commit).
fn git(root: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `content/`-relative path of a user-given page path (`content/a/b.md` or `a/b.md`).
pub fn content_rel(path: &Path) -> Result<String, Error> {
    let path = path.strip_prefix("content").unwrap_or(path);
    let ok = path.components().all(|c| matches!(c, Component::Normal(_)));
    let rel = path.to_str().map(|s| s.replace('\\', "/"));
    match rel {
        Some(rel) if ok && rel.ends_with(".md") => Ok(rel),
        _ => Err(Error::Usage(format!(
            "{}: give a Markdown path inside content/, e.g. measures/finance.md",
            path.display()
        ))),
    }
}

/// A translation file given on the command line and its original.
pub struct Pair {
    /// The translation.
    pub translation: SourcePage,
    /// Its original, as it is now.
    pub original: SourcePage,
    /// The original's file text.
    pub original_text: String,
}

/// Reads the translation at `path` (`content/…` or relative to `content/`)
/// and its original.
pub fn read_pair(root: &Path, path: &Path) -> Result<Pair, Error> {
    let config = crate::load_config(root)?;
    let default = config.default_language().code.clone();
    let rel = content_rel(path)?;
    let read = |rel: &str| -> Result<(SourcePage, String), Error> {
        let shown = Path::new("content").join(rel);
        let text =
            content::read_text(&root.join(&shown), &shown).map_err(|d| Error::Content(vec![d]))?;
        let page = SourcePage::parse(rel, &shown, &text, &default).map_err(Error::Content)?;
        Ok((page, text))
    };
    let (translation, _) = read(&rel)?;
    if translation.lang == default {
        return Err(Error::Usage(format!(
            "content/{rel} is an original: give its translation (e.g. {})",
            rel.replace(".md", ".mn.md")
        )));
    }
    let (original, original_text) = read(&translation.key)?;
    Ok(Pair {
        translation,
        original,
        original_text,
    })
}

/// `bichig status --diff PATH`: what changed in the original of the
/// translation at `path` since its `source_hash`, as a paragraph diff.
pub fn diff_report(root: &Path, path: &Path) -> Result<String, Error> {
    let pair = read_pair(root, path)?;
    let t = &pair.translation;
    let Some(hash) = &t.front.source_hash else {
        return Err(Error::Usage(format!(
            "{} has no `source_hash`: nothing records which text it was made from",
            t.path.display()
        )));
    };
    if *hash == pair.original.hash {
        return Ok(format!(
            "{} is up to date: {} has not changed since source_hash {hash}\n",
            t.path.display(),
            pair.original.path.display()
        ));
    }
    let default = crate::load_config(root)?.default_language().code.clone();
    let Some(before) = translated_from(root, &pair.original, &t.lang, hash, &default) else {
        return Err(Error::Usage(format!(
            "{}: no version of {} with source_hash {hash} in {} or the site's git history",
            t.path.display(),
            pair.original.path.display(),
            copy_path(&t.lang, &t.key).display()
        )));
    };
    let now = pair.original.paragraphs();
    let ops = diff::diff(&before.paragraphs, &now);
    Ok(format!(
        "--- {} (translated from: {})\n+++ {} (now)\n{}",
        pair.original.path.display(),
        before.origin,
        pair.original.path.display(),
        diff::unified(&ops, 1)
    ))
}

/// `bichig status --accept PATH`: records that the translation at `path` now
/// matches its original (sets `source_hash` to the original's hash today and
/// keeps a copy of the original). Returns the new hash.
pub fn accept(root: &Path, path: &Path) -> Result<String, Error> {
    let pair = read_pair(root, path)?;
    let t = &pair.translation;
    let file = root.join(&t.path);
    let text = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, e))?;
    let hash = &pair.original.hash;
    let updated = set_source_hash(&text, hash)
        .ok_or_else(|| Error::Usage(format!("{}: no front matter to update", t.path.display())))?;
    if updated != text {
        let tmp = file.with_extension("md.bichig-accept.tmp");
        std::fs::write(&tmp, &updated).map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, &file).map_err(|e| Error::io(&file, e))?;
    }
    keep_copy(root, &t.lang, &t.key, &pair.original_text)?;
    Ok(hash.clone())
}

/// `text` with its front matter's `source_hash:` set to `hash` (replaced, or
/// added before the closing `---`); `None` when it has no front matter.
pub fn set_source_hash(text: &str, hash: &str) -> Option<String> {
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut out = String::with_capacity(text.len() + 30);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_start_matches('\u{feff}').trim_end() != "---" {
        return None;
    }
    out.push_str(first);
    let mut done = false;
    for line in lines.by_ref() {
        let bare = line.trim_end();
        if bare == "---" {
            if !done {
                out.push_str(&format!("source_hash: {hash}{nl}"));
            }
            out.push_str(line);
            out.extend(lines);
            return Some(out);
        }
        if !done && bare.starts_with("source_hash:") {
            out.push_str(&format!("source_hash: {hash}{nl}"));
            done = true;
        } else {
            out.push_str(line);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_hash_replaced_or_added() {
        let t = "---\ntitle: a\nsource_hash: 0000\n---\nbody\n";
        assert_eq!(
            set_source_hash(t, "abcd").unwrap(),
            "---\ntitle: a\nsource_hash: abcd\n---\nbody\n"
        );
        let t = "---\r\ntitle: a\r\n---\r\nbody\r\n";
        assert_eq!(
            set_source_hash(t, "abcd").unwrap(),
            "---\r\ntitle: a\r\nsource_hash: abcd\r\n---\r\nbody\r\n"
        );
        assert!(set_source_hash("no front matter\n", "abcd").is_none());
        assert!(set_source_hash("---\ntitle: a\n", "abcd").is_none());
    }
}
