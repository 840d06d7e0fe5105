//! Headless Chromium for browser tests, and a tiny static file server for it.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

/// The Chromium binary: `BICHIG_CHROMIUM` if set, else the first of the usual
/// names on `PATH`; `None` after [`skip`] when there is none.
pub fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("BICHIG_CHROMIUM") {
        let path = PathBuf::from(path);
        if path.is_file() {
            return Some(path);
        }
        skip(&format!(
            "chromium not found (BICHIG_CHROMIUM={})",
            path.display()
        ));
        return None;
    }
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH")?
                .to_str()?
                .split(':')
                .map(|dir| Path::new(dir).join(name))
                .find(|p| p.is_file())
        });
    if found.is_none() {
        skip("chromium not found");
    }
    found
}

/// Reports that the calling test cannot run for want of `missing`: prints
/// `skipped: <missing> (<test>)`, or panics when `BICHIG_REQUIRE_BROWSER=1`.
pub fn skip(missing: &str) {
    let test = std::thread::current().name().unwrap_or("?").to_string();
    if std::env::var("BICHIG_REQUIRE_BROWSER").as_deref() == Ok("1") {
        panic!("{missing} and BICHIG_REQUIRE_BROWSER=1 ({test})");
    }
    // Straight to the process's stderr: libtest captures `print!` and `eprint!`
    // of a passing test, which would hide that it checked nothing.
    let _ = writeln!(std::io::stderr(), "skipped: {missing} ({test})");
}

/// Serves `dir` over HTTP on 127.0.0.1 (a free port) from a background thread;
/// returns the base URL. The thread ends with the test process.
pub fn serve(dir: &Path) -> String {
    serve_logged(dir).0
}

/// What [`serve_logged`] served: (request path, body bytes sent), in order.
pub type Served = Arc<Mutex<Vec<(String, usize)>>>;

/// [`serve`], also logging each request's path and the bytes of its body.
pub fn serve_logged(dir: &Path) -> (String, Served) {
    let log = Served::default();
    let served = log.clone();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let dir = dir.to_path_buf();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            let log = log.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(&stream);
                let mut request = String::new();
                if reader.read_line(&mut request).is_err() {
                    return;
                }
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).map_or(true, |n| n == 0) || line == "\r\n" {
                        break;
                    }
                }
                let target = request.split_whitespace().nth(1).unwrap_or("/");
                let path = target.split('?').next().unwrap_or("/");
                let mut file = dir.join(path.trim_start_matches('/'));
                if file.is_dir() {
                    file = file.join("index.html");
                }
                let safe = !path.contains("..");
                let mut out = &stream;
                match std::fs::read(&file) {
                    Ok(body) if safe => {
                        let kind = match file.extension().and_then(|e| e.to_str()) {
                            Some("html") => "text/html; charset=utf-8",
                            Some("css") => "text/css",
                            Some("js") => "text/javascript",
                            Some("woff2") => "font/woff2",
                            Some("svg") => "image/svg+xml",
                            _ => "application/octet-stream",
                        };
                        let _ = write!(out, "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
                        let _ = out.write_all(&body);
                        log.lock().unwrap().push((target.to_string(), body.len()));
                    }
                    _ => {
                        let _ = write!(out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                        log.lock().unwrap().push((target.to_string(), 0));
                    }
                }
            });
        }
    });
    (format!("http://127.0.0.1:{port}"), served)
}

/// Loads `url` in headless Chromium and returns the DOM after scripts ran.
/// `fontconfig` optionally points Chromium at another fontconfig file.
pub fn dump_dom(chromium: &Path, url: &str, fontconfig: Option<&Path>) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        "--virtual-time-budget=5000",
        "--dump-dom",
    ])
    .arg(format!("--user-data-dir={}", profile.path().display()))
    .arg(url);
    if let Some(f) = fontconfig {
        cmd.env("FONTCONFIG_FILE", f);
    }
    let out = cmd.output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}
