//! `bichig serve`: builds the site into memory, serves it over HTTP on loopback,
//! rebuilds when the sources change, and reloads open pages (server-sent events).
//! A failed build keeps the last good site and shows the problems over it.

mod inject;
mod paths;
mod rebuild;
mod watch;

use std::collections::HashMap;
use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use crate::Error;
pub use inject::EVENTS_PATH;
pub use paths::{resolve, Target};

/// What `bichig serve` is asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Site root.
    pub root: PathBuf,
    /// Address to listen on.
    pub bind: IpAddr,
    /// Port (0 picks a free one).
    pub port: u16,
    /// Include drafts.
    pub drafts: bool,
}

/// The site being served.
#[derive(Default)]
struct Snapshot {
    files: HashMap<String, Arc<Vec<u8>>>,
    error: Option<String>,
    version: u64,
}

struct Shared {
    snapshot: RwLock<Snapshot>,
    clients: Mutex<Vec<Sender<Vec<u8>>>>,
}

/// Threads answering requests.
const WORKERS: usize = 8;

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap_or_else(|_| {
        tiny_http::Header::from_bytes(&b"X-Bichig"[..], &b"1"[..])
            .unwrap_or_else(|_| unreachable!())
    })
}

fn respond(request: tiny_http::Request, shared: &Shared) {
    let url = request.url().to_string();
    if request.method() != &tiny_http::Method::Get && request.method() != &tiny_http::Method::Head {
        let _ = request.respond(tiny_http::Response::empty(405));
        return;
    }
    if url == EVENTS_PATH {
        let (tx, rx) = mpsc::channel();
        let version = shared.snapshot.read().map(|s| s.version).unwrap_or(0);
        let _ = tx.send(format!("retry: 500\ndata: {version}\n\n").into_bytes());
        shared
            .clients
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(tx);
        // Written by hand and flushed per event: tiny_http's own bodies are buffered.
        let mut w = request.into_writer();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n";
        if w.write_all(head.as_bytes())
            .and_then(|()| w.flush())
            .is_err()
        {
            return;
        }
        loop {
            let chunk = match rx.recv_timeout(Duration::from_secs(15)) {
                Ok(b) => b,
                // A comment keeps the connection alive and finds closed ones.
                Err(mpsc::RecvTimeoutError::Timeout) => b": ping\n\n".to_vec(),
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            };
            if w.write_all(&chunk).and_then(|()| w.flush()).is_err() {
                return;
            }
        }
    }
    let file = match paths::resolve(&url) {
        Target::File(f) => f,
        Target::Refused => {
            let _ = request
                .respond(tiny_http::Response::from_string("bad request").with_status_code(400));
            return;
        }
    };
    let snap = shared.snapshot.read().unwrap_or_else(|e| e.into_inner());
    let lang_prefix = file
        .split('/')
        .next()
        .filter(|p| snap.files.contains_key(&format!("{p}/404.html")))
        .map(|p| format!("{p}/"));
    let (status, path, body) = match snap
        .files
        .get(&file)
        .or_else(|| snap.files.get(&format!("{file}/index.html")))
    {
        Some(b) => (200, file.clone(), b.clone()),
        None => {
            let not_found = format!("{}404.html", lang_prefix.clone().unwrap_or_default());
            match snap.files.get(&not_found) {
                Some(b) => (404, not_found, b.clone()),
                // No good build yet: an empty page, so the overlay can show.
                None => (
                    404,
                    "404.html".into(),
                    Arc::new(b"<!doctype html><html><body></body></html>".to_vec()),
                ),
            }
        }
    };
    let error = snap.error.clone();
    // The page is prepared without holding the lock, so a rebuild never waits on it.
    drop(snap);
    let bytes = if path.ends_with(".html") {
        let heading = if lang_prefix.as_deref() == Some("mn/") {
            "ᠪᠦᠲᠦᠭᠡᠬᠦ ᠠᠯᠳᠠᠭ᠎ᠠ"
        } else {
            "构建失败 (build failed)"
        };
        inject::inject(&String::from_utf8_lossy(&body), error.as_deref(), heading).into_bytes()
    } else {
        body.to_vec()
    };
    let response = tiny_http::Response::from_data(bytes)
        .with_status_code(status)
        .with_header(header("Content-Type", paths::content_type(&path)))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}

/// Turns off Nagle's algorithm on the listening socket (accepted sockets inherit
/// it on Linux): tiny_http writes head and body separately, and on a kept-alive
/// connection the body would otherwise wait for the client's delayed ACK (40 ms).
#[cfg(target_os = "linux")]
fn no_delay(listener: &std::net::TcpListener) {
    use std::os::fd::AsRawFd;
    let one: libc::c_int = 1;
    // SAFETY: a valid socket descriptor and a pointer to a c_int of the given size.
    unsafe {
        libc::setsockopt(
            listener.as_raw_fd(),
            libc::IPPROTO_TCP,
            libc::TCP_NODELAY,
            (&one as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        );
    }
}

#[cfg(not(target_os = "linux"))]
fn no_delay(_: &std::net::TcpListener) {}

/// Runs the preview server until Ctrl-C (or until `stop` is set, for tests).
pub fn serve(opts: &ServeOptions, stop: Arc<AtomicBool>) -> Result<(), Error> {
    crate::load_config(&opts.root)?;
    let addr = SocketAddr::new(opts.bind, opts.port);
    let listener = std::net::TcpListener::bind(addr)
        .map_err(|e| Error::Usage(format!("cannot listen on {addr}: {e}")))?;
    no_delay(&listener);
    let server = tiny_http::Server::from_listener(listener, None)
        .map_err(|e| Error::Usage(format!("cannot listen on {addr}: {e}")))?;
    let port = server.server_addr().to_ip().map_or(opts.port, |a| a.port());
    let host = if opts.bind.is_unspecified() {
        "127.0.0.1".to_string()
    } else {
        opts.bind.to_string()
    };
    let host = if host.contains(':') {
        format!("[{host}]")
    } else {
        host
    };
    let base_url = format!("http://{host}:{port}/");
    if !opts.bind.is_loopback() {
        eprintln!("warning: serving on {addr}, reachable from other machines; use --bind 127.0.0.1 to keep it local");
    }
    let shared = Arc::new(Shared {
        snapshot: RwLock::new(Snapshot::default()),
        clients: Mutex::new(Vec::new()),
    });
    // Watch before the first build, so no change is missed.
    let changes = watch::watch(&opts.root)?;
    let mut builder = rebuild::Builder::new(&opts.root, &base_url, opts.drafts);
    builder.full(&shared);
    println!(
        "serving {} at {base_url} (Ctrl-C to stop)",
        opts.root.display()
    );
    {
        let (shared, stop) = (shared.clone(), stop.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::SeqCst) {
                let batch =
                    watch::next_batch(&changes.1, builder.wait(), Duration::from_millis(20));
                builder.changed(&batch, &shared);
            }
        });
    }
    // A fixed set of workers answers requests (no thread per request); event
    // streams, which stay open, get a thread of their own.
    let server = Arc::new(server);
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (server, shared, stop) = (server.clone(), shared.clone(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    match server.recv_timeout(Duration::from_millis(200)) {
                        Ok(Some(request)) if request.url() == EVENTS_PATH => {
                            let shared = shared.clone();
                            std::thread::spawn(move || respond(request, &shared));
                        }
                        Ok(Some(request)) => respond(request, &shared),
                        Ok(None) => {}
                        Err(e) => eprintln!("server error: {e}"),
                    }
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    // Closing the event streams lets their threads end.
    shared
        .clients
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clear();
    println!("stopped");
    Ok(())
}
