//! Writing the site into a staging folder beside the output, then swapping it in,
//! so a failed or interrupted build never leaves a half-written site.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::Error;

/// Resolves the output folder (relative paths are taken from the site root) and
/// refuses folders whose deletion would lose the site: the root itself, a folder
/// containing the root, or one holding `site.yaml`, `content/` or `.git`.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<PathBuf, Error> {
    let root = root.canonicalize().map_err(|e| Error::io(root, e))?;
    let joined = if output.is_absolute() {
        output.to_path_buf()
    } else {
        root.join(output)
    };
    let out = normalize(&joined);
    let out = match out.canonicalize() {
        Ok(p) => p,
        Err(_) => match (out.parent(), out.file_name()) {
            (Some(parent), Some(name)) => parent
                .canonicalize()
                .map(|p| p.join(name))
                .unwrap_or(out.clone()),
            _ => out.clone(),
        },
    };
    let refuse = |why: &str| {
        Err(Error::Usage(format!(
            "refusing to use {} as the output folder: {why}",
            out.display()
        )))
    };
    if out.parent().is_none() || out.file_name().is_none() {
        return refuse("it is a file system root");
    }
    if root.starts_with(&out) {
        return refuse("it is the site root or contains it");
    }
    for input in [
        "content",
        "themes",
        "templates",
        "static",
        "i18n",
        "seeds",
        ".git",
    ] {
        if out.starts_with(root.join(input)) {
            return refuse(&format!("it is inside the site's {input}/ folder"));
        }
    }
    for marker in ["site.yaml", "content", ".git"] {
        if out.join(marker).exists() {
            return refuse(&format!("it contains {marker}"));
        }
    }
    if out.exists() && !out.is_dir() {
        return refuse("it is a file");
    }
    Ok(out)
}

/// Removes `.` and `..` without touching the disk.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The folder beside `out` and the name prefix of its `kind` folders
/// (`.public.staging-`).
pub(super) fn sibling(out: &Path, kind: &str) -> (PathBuf, String) {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let parent = out.parent().map(Path::to_path_buf).unwrap_or_default();
    (parent, format!(".{name}.{kind}-"))
}

/// Cleans up after an interrupted build: restores the previous output if a crash
/// came between the two renames, and removes leftover staging folders (not
/// those of a build still running: it writes into its folder while it renders).
pub fn recover(out: &Path) -> Result<(), Error> {
    let (parent, staging_prefix) = sibling(out, "staging");
    let (_, old_prefix) = sibling(out, "old");
    let Ok(entries) = fs::read_dir(&parent) else {
        return Ok(());
    };
    let mut leftovers: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    leftovers.sort();
    for p in leftovers {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with(&old_prefix) && !out.exists() {
            fs::rename(&p, out).map_err(|e| Error::io(&p, e))?;
        } else if let Some(rest) = name.strip_prefix(&staging_prefix) {
            if !running(rest) {
                fs::remove_dir_all(&p).map_err(|e| Error::io(&p, e))?;
            }
        } else if name.starts_with(&old_prefix) {
            fs::remove_dir_all(&p).map_err(|e| Error::io(&p, e))?;
        }
    }
    Ok(())
}

/// Whether the build that named its staging folder `<pid>-<nanos>` (the part
/// after the prefix) is still running: this process, or another one alive.
fn running(rest: &str) -> bool {
    let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
        return false;
    };
    pid == std::process::id() || alive(pid)
}

#[cfg(unix)]
fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only asks whether the process exists; nothing is sent.
    let rc = unsafe { libc::kill(pid, 0) };
    rc == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn alive(_: u32) -> bool {
    false
}

/// Puts `staging` in the place of `out` (see [`Staging`](super::Staging)).
pub(super) fn swap_in(staging: &Path, out: &Path) -> Result<(), Error> {
    if !out.exists() {
        return fs::rename(staging, out).map_err(|e| Error::io(out, e));
    }
    // Where the kernel can, swap both names in one step: at no moment is the
    // output missing, even if the process is killed right here.
    if exchange(staging, out) {
        return remove_tree(staging).map_err(|e| Error::io(staging, e));
    }
    let (parent, prefix) = sibling(out, "old");
    let old = parent.join(format!("{prefix}{}", std::process::id()));
    fs::rename(out, &old).map_err(|e| Error::io(out, e))?;
    if let Err(e) = fs::rename(staging, out) {
        let _ = fs::rename(&old, out);
        return Err(Error::io(out, e));
    }
    remove_tree(&old).map_err(|e| Error::io(&old, e))
}

/// Atomically exchanges two paths (Linux `renameat2(RENAME_EXCHANGE)`); false
/// where unsupported, and the caller falls back to two renames.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (Ok(a), Ok(b)) = (
        CString::new(a.as_os_str().as_bytes()),
        CString::new(b.as_os_str().as_bytes()),
    ) else {
        return false;
    };
    // SAFETY: both pointers are valid NUL-terminated strings for the call's duration.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    rc == 0
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

/// Removes a folder tree, its top-level entries in parallel (deleting thousands of
/// small files is the slowest part of replacing a site).
fn remove_tree(path: &Path) -> std::io::Result<()> {
    let entries: Vec<_> = fs::read_dir(path)?.collect::<Result<_, _>>()?;
    entries.par_iter().try_for_each(|e| match e.file_type()? {
        t if t.is_dir() => fs::remove_dir_all(e.path()),
        _ => fs::remove_file(e.path()),
    })?;
    fs::remove_dir(path)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn site() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        fs::write(d.path().join("site.yaml"), "x").unwrap();
        fs::create_dir(d.path().join("content")).unwrap();
        d
    }

    #[test]
    fn refuses_dangerous_output_folders() {
        let d = site();
        for bad in [
            ".",
            "..",
            "content",
            "content/x",
            "themes/default",
            "content/..",
            "/",
        ] {
            assert!(
                matches!(
                    check_output_dir(d.path(), Path::new(bad)),
                    Err(Error::Usage(_))
                ),
                "{bad}"
            );
        }
        let ok = check_output_dir(d.path(), Path::new("public")).unwrap();
        assert!(ok.ends_with("public"));
    }

    #[test]
    fn recover_restores_output_lost_between_renames() {
        let d = site();
        let old = d.path().join(".public.old-123");
        fs::create_dir(&old).unwrap();
        fs::write(old.join("i.html"), "x").unwrap();
        let ended = dead_pid();
        let left = d.path().join(format!(".public.staging-{ended}-5"));
        fs::create_dir(&left).unwrap();
        recover(&d.path().join("public")).unwrap();
        assert!(d.path().join("public/i.html").exists());
        assert!(!left.exists());
    }

    /// The id of a process that has ended.
    pub(crate) fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    #[test]
    fn recover_keeps_the_staging_folder_of_a_running_build() {
        let d = site();
        let out = d.path().join("public");
        let mine = d
            .path()
            .join(format!(".public.staging-{}-7", std::process::id()));
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let theirs = d.path().join(format!(".public.staging-{}-8", child.id()));
        for dir in [&mine, &theirs] {
            fs::create_dir(dir).unwrap();
        }
        recover(&out).unwrap();
        let _ = child.kill();
        let _ = child.wait();
        assert!(mine.exists(), "this process's build");
        assert!(theirs.exists(), "another running build");
        recover(&out).unwrap();
        assert!(mine.exists());
        assert!(!theirs.exists(), "the other build has ended");
    }
}
