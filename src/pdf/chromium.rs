//! Finding and launching headless Chromium for `bichig pdf`: the binary from
//! `--chromium`, `BICHIG_CHROMIUM` or `PATH`; a process group of its own with a
//! temporary profile, talking over `--remote-debugging-pipe` (no port open to
//! other local processes). Dropping the [`Browser`] kills the whole group, reaps
//! it and removes the profile, on success and on every error alike.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::Child;

use super::cdp::Connection;
use crate::Error;

/// Names tried on `PATH`, in order.
pub const NAMES: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

/// What to install when no browser is found.
pub const INSTALL_HINT: &str =
    "install Chromium and the Noto fonts (Debian/Ubuntu: apt-get install chromium fonts-noto-core), \
     or name the browser with --chromium PATH or BICHIG_CHROMIUM";

/// The browser to use: `given` (`--chromium`), else `env` (`BICHIG_CHROMIUM`),
/// else the first of [`NAMES`] in the folders of `path` (`PATH`). A named
/// browser that does not exist is an error, as is finding none (exit code 2).
pub fn find(
    given: Option<&Path>,
    env: Option<&Path>,
    path: Option<&std::ffi::OsStr>,
) -> Result<PathBuf, Error> {
    if let Some((p, how)) = given
        .map(|p| (p, "--chromium"))
        .or(env.map(|p| (p, "BICHIG_CHROMIUM")))
    {
        if p.is_file() {
            return Ok(p.to_path_buf());
        }
        return Err(Error::Usage(format!(
            "Chromium not found: {how} names {}, which is not a file; {INSTALL_HINT}",
            p.display()
        )));
    }
    let dirs: Vec<PathBuf> = path
        .map(|p| std::env::split_paths(p).collect())
        .unwrap_or_default();
    NAMES
        .iter()
        .find_map(|name| dirs.iter().map(|d| d.join(name)).find(|p| p.is_file()))
        .ok_or_else(|| {
            Error::Usage(format!(
                "Chromium not found on PATH (looked for {}); {INSTALL_HINT}",
                NAMES.join(", ")
            ))
        })
}

/// The command-line switches of a headless browser that prints and does
/// nothing else: no first-run work, updates, sync or background traffic.
pub fn args(profile: &Path, no_sandbox: bool) -> Vec<String> {
    let mut args: Vec<String> = [
        "--headless",
        "--remote-debugging-pipe",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-extensions",
        "--disable-sync",
        "--mute-audio",
        "--hide-scrollbars",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    // Chromium refuses to start its sandbox as root (containers, CI).
    if no_sandbox {
        args.push("--no-sandbox".into());
    }
    args.push("about:blank".into());
    args
}

/// A temporary folder (profile and log), removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir, Error> {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNT: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = std::env::temp_dir().join(format!(
            "bichig-pdf-{}-{nanos}-{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::SeqCst)
        ));
        let mut builder = fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(TempDir(dir))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A running browser. Field order matters: the process goes before its profile.
pub struct Browser {
    child: Child,
    dir: TempDir,
    binary: PathBuf,
}

impl Browser {
    /// The last lines Chromium wrote to stderr, for error messages.
    pub fn log_tail(&self) -> String {
        let text = fs::read_to_string(self.dir.0.join("chromium.log")).unwrap_or_default();
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        lines[lines.len().saturating_sub(8)..].join("\n")
    }

    /// How the browser ended, if it has: for error messages.
    pub fn exit_status(&mut self) -> Option<std::process::ExitStatus> {
        // Give a crashing browser a moment to be reaped.
        for _ in 0..20 {
            if let Ok(Some(s)) = self.child.try_wait() {
                return Some(s);
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        None
    }

    /// The binary that runs.
    pub fn binary(&self) -> &Path {
        &self.binary
    }

    /// Waits up to `wait` for the browser to exit by itself (after `Browser.close`).
    pub fn wait_exit(&mut self, wait: std::time::Duration) {
        let end = std::time::Instant::now() + wait;
        while std::time::Instant::now() < end {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        forget_running(self.child.id());
        kill_group(self.child.id());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The browser running now (its process group and folder), for [`kill_running`].
static RUNNING: std::sync::Mutex<Option<(u32, PathBuf)>> = std::sync::Mutex::new(None);

fn forget_running(pid: u32) {
    let mut running = RUNNING.lock().unwrap_or_else(|e| e.into_inner());
    if running.as_ref().is_some_and(|(p, _)| *p == pid) {
        *running = None;
    }
}

/// Kills the running browser's process group and removes its folder: for a
/// Ctrl-C handler, since the browser's own process group does not get the
/// terminal's signal and the process exits without running destructors.
pub fn kill_running() {
    let running = RUNNING.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some((pid, dir)) = running {
        kill_group(pid);
        // Let the killed processes go before their files.
        std::thread::sleep(std::time::Duration::from_millis(100));
        let _ = fs::remove_dir_all(dir);
    }
}

#[cfg(unix)]
fn kill_group(pid: u32) {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return;
    };
    // SAFETY: plain system call; the group is the browser's own (made at spawn),
    // so only its processes (renderers, zygote) get the signal.
    unsafe {
        libc::kill(-pid, libc::SIGKILL);
    }
}

#[cfg(not(unix))]
fn kill_group(_: u32) {}

/// Starts `binary` headless with a fresh profile; returns it and the
/// connection over its debugging pipe.
#[cfg(unix)]
pub fn launch(binary: &Path) -> Result<(Browser, Connection), Error> {
    use std::os::unix::process::CommandExt;
    let dir = TempDir::new()?;
    let profile = dir.0.join("profile");
    let log_path = dir.0.join("chromium.log");
    let log = File::create(&log_path).map_err(|e| Error::io(&log_path, e))?;
    let (to_browser_read, to_browser_write) = pipe()?;
    let (from_browser_read, from_browser_write) = pipe()?;
    let child_in = to_browser_read.raw();
    let child_out = from_browser_write.raw();
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let mut cmd = std::process::Command::new(binary);
    cmd.args(args(&profile, root))
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(log)
        .process_group(0);
    // SAFETY: only dup2 between the fork and exec (async-signal-safe). Both
    // sources are ≥ 10 (see `pipe`), so neither is overwritten by the other's
    // dup2; dup2 clears close-on-exec on fds 3 and 4 alone.
    unsafe {
        cmd.pre_exec(move || {
            if libc::dup2(child_in, 3) < 0 || libc::dup2(child_out, 4) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let child = cmd.spawn().map_err(|e| Error::io(binary, e))?;
    *RUNNING.lock().unwrap_or_else(|e| e.into_inner()) = Some((child.id(), dir.0.clone()));
    // The child's ends are closed here, so a browser that exits ends the reads.
    drop((to_browser_read, from_browser_write));
    let browser = Browser {
        child,
        dir,
        binary: binary.to_path_buf(),
    };
    let conn = Connection::new(to_browser_write.file(), from_browser_read.file());
    Ok((browser, conn))
}

/// Without Unix pipes and process groups there is no browser to drive.
#[cfg(not(unix))]
pub fn launch(_: &Path) -> Result<(Browser, Connection), Error> {
    Err(Error::Usage(
        "bichig pdf drives Chromium over a pipe, which needs Linux or macOS".into(),
    ))
}

/// One end of a pipe, close-on-exec, numbered 10 or above.
#[cfg(unix)]
struct Fd(std::os::fd::OwnedFd);

#[cfg(unix)]
impl Fd {
    fn raw(&self) -> i32 {
        std::os::fd::AsRawFd::as_raw_fd(&self.0)
    }

    fn file(self) -> File {
        File::from(self.0)
    }
}

#[cfg(unix)]
fn pipe() -> Result<(Fd, Fd), Error> {
    use std::os::fd::FromRawFd;
    let fail = |e| Error::io(Path::new("pipe"), e);
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors pipe() writes.
    if unsafe { libc::pipe(fds.as_mut_ptr()) } != 0 {
        return Err(fail(std::io::Error::last_os_error()));
    }
    let mut out = Vec::new();
    for fd in fds {
        // SAFETY: `fd` was just opened by pipe(); F_DUPFD_CLOEXEC makes a copy
        // at 10 or above, then the original is closed.
        let high = unsafe {
            let high = libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 10);
            libc::close(fd);
            high
        };
        if high < 0 {
            return Err(fail(std::io::Error::last_os_error()));
        }
        // SAFETY: `high` is a fresh descriptor owned by nothing else.
        out.push(Fd(unsafe { std::os::fd::OwnedFd::from_raw_fd(high) }));
    }
    let write = out.pop();
    let read = out.pop();
    match (read, write) {
        (Some(r), Some(w)) => Ok((r, w)),
        _ => Err(fail(std::io::ErrorKind::Other.into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_browser_wins_and_must_exist() {
        let d = std::env::temp_dir();
        let exe = std::env::current_exe().unwrap();
        assert_eq!(find(Some(&exe), None, None).unwrap(), exe);
        assert_eq!(find(None, Some(&exe), None).unwrap(), exe);
        let missing = d.join("no-such-chromium");
        let e = find(Some(&missing), Some(&exe), None).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.to_string().contains("--chromium"), "{e}");
        assert!(e
            .to_string()
            .contains("apt-get install chromium fonts-noto-core"));
    }

    #[test]
    fn path_is_searched_in_name_order() {
        let d = std::env::temp_dir().join(format!("bichig-find-{}", std::process::id()));
        let (a, b) = (d.join("a"), d.join("b"));
        fs::create_dir_all(&a).unwrap();
        fs::create_dir_all(&b).unwrap();
        fs::write(a.join("google-chrome"), "").unwrap();
        fs::write(b.join("chromium"), "").unwrap();
        let path = std::env::join_paths([&a, &b]).unwrap();
        assert_eq!(find(None, None, Some(&path)).unwrap(), b.join("chromium"));
        let empty = std::env::join_paths([d.join("none")]).unwrap();
        let e = find(None, None, Some(&empty)).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.to_string().contains("not found on PATH"), "{e}");
        fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn switches_name_the_profile_and_the_pipe() {
        let a = args(Path::new("/tmp/p"), true);
        assert!(a.contains(&"--remote-debugging-pipe".to_string()));
        assert!(a.contains(&"--user-data-dir=/tmp/p".to_string()));
        assert!(a.contains(&"--no-sandbox".to_string()));
        assert!(!args(Path::new("/tmp/p"), false).contains(&"--no-sandbox".to_string()));
    }
}
