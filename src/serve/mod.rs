//! `bichig serve`: builds the site into memory, serves it over HTTP on loopback,
//! rebuilds when the sources change, and reloads open pages (server-sent events).
//! A failed build keeps the last good site and shows the problems over it.

mod http;
mod inject;
mod paths;
mod rebuild;
mod watch;

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use crate::Error;
pub use inject::EVENTS_PATH;
pub use paths::{content_type, resolve, Target};

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
    /// Output-path prefix and 404 page of each language, the default last.
    not_found: Vec<(String, String)>,
    error: Option<String>,
    version: u64,
}

struct Shared {
    snapshot: RwLock<Snapshot>,
    clients: Mutex<Vec<Sender<Vec<u8>>>>,
}

/// Most connections open at once (each has a thread); beyond it, 503.
const MAX_CONNECTIONS: usize = 256;
/// A kept-alive connection idle this long is closed.
const IDLE: Duration = Duration::from_secs(60);
/// A client that takes no bytes for this long is dropped.
const STALL: Duration = Duration::from_secs(30);

/// An answer to a GET or HEAD request for a site file.
struct Answer {
    status: u16,
    content_type: Cow<'static, str>,
    /// The file as built, shared with the snapshot.
    body: Arc<Vec<u8>>,
    /// For HTML: what goes in at `at` (the reload script, the error overlay).
    extra: String,
    at: usize,
}

impl Answer {
    /// The body in the order it is sent.
    fn parts(&self) -> [&[u8]; 3] {
        let (before, after) = self.body.split_at(self.at);
        [before, self.extra.as_bytes(), after]
    }
}

/// Looks up `url` in the served site; HTML gets the reload script (and the
/// error overlay after a failed build).
fn answer(url: &str, shared: &Shared) -> Answer {
    let file = match paths::resolve(url) {
        Target::File(f) => f,
        Target::Refused => {
            return Answer {
                status: 400,
                content_type: Cow::Borrowed("text/plain; charset=utf-8"),
                body: Arc::new(b"bad request\n".to_vec()),
                extra: String::new(),
                at: 0,
            }
        }
    };
    let snap = shared.snapshot.read().unwrap_or_else(|e| e.into_inner());
    // The language of the request: the one whose output prefix it starts with.
    let lang_prefix = snap
        .not_found
        .iter()
        .map(|(prefix, _)| prefix)
        .find(|p| !p.is_empty() && file.starts_with(p.as_str()))
        .cloned();
    let (status, path, body) = match snap
        .files
        .get(&file)
        .or_else(|| snap.files.get(&format!("{file}/index.html")))
    {
        Some(b) => (200, file.clone(), b.clone()),
        None => {
            let not_found = snap
                .not_found
                .iter()
                .find(|(prefix, _)| file.starts_with(prefix.as_str()))
                .and_then(|(_, page)| Some((page, snap.files.get(page)?)));
            match not_found {
                Some((page, b)) => (404, page.clone(), b.clone()),
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
    let (extra, at) = if path.ends_with(".html") {
        // The prefix names the language (`mn/`); none is the default language.
        let code = lang_prefix.as_deref().unwrap_or("").trim_end_matches('/');
        (
            inject::extra(error.as_deref(), inject::overlay_text(code)),
            inject::insert_at(&body),
        )
    } else {
        (String::new(), body.len())
    };
    Answer {
        status,
        content_type: paths::content_type(&path),
        body,
        extra,
        at,
    }
}

/// Streams build versions to an open page (server-sent events) until it goes.
fn events(mut out: TcpStream, shared: &Shared) {
    let (tx, rx) = mpsc::channel();
    let version = shared.snapshot.read().map(|s| s.version).unwrap_or(0);
    let _ = tx.send(format!("retry: 500\ndata: {version}\n\n").into_bytes());
    shared
        .clients
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(tx);
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n";
    if out.write_all(head.as_bytes()).is_err() {
        return;
    }
    loop {
        let chunk = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(b) => b,
            // A comment keeps the connection alive and finds closed ones.
            Err(mpsc::RecvTimeoutError::Timeout) => b": ping\n\n".to_vec(),
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if out.write_all(&chunk).is_err() {
            return;
        }
    }
}

/// Answers the requests of one connection, in order, until it closes.
fn connection(stream: TcpStream, shared: &Shared) {
    // Head and body go out in one write; without this a kept-alive client's
    // next request would wait for a delayed ACK (40 ms).
    let _ = stream.set_nodelay(true);
    let _ = stream.set_read_timeout(Some(IDLE));
    let _ = stream.set_write_timeout(Some(STALL));
    let Ok(mut out) = stream.try_clone() else {
        return;
    };
    let mut requests = http::Reader::new(stream);
    loop {
        let head = match requests.next() {
            Ok(Some(head)) => head,
            Ok(None) => return,
            Err(status) => {
                let _ = http::refuse(&mut out, status, false);
                return;
            }
        };
        let sent = match head.method.as_str() {
            "GET" | "HEAD" if head.target == EVENTS_PATH => return events(out, shared),
            "GET" | "HEAD" => {
                let a = answer(&head.target, shared);
                http::write_response(
                    &mut out,
                    a.status,
                    &[
                        ("Content-Type", &a.content_type),
                        ("Cache-Control", "no-store"),
                    ],
                    &a.parts(),
                    head.method == "GET",
                    head.keep_alive,
                )
            }
            _ => http::refuse(&mut out, 405, head.keep_alive),
        };
        if sent.is_err() || !head.keep_alive {
            return;
        }
    }
}

/// Counts a connection while its thread runs.
struct Open(Arc<AtomicUsize>);

impl Drop for Open {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Accepts connections until `stop` is set, each on a thread of its own (a
/// pool that queues connections behind busy threads could leave one
/// unanswered while others stay open).
fn accept(listener: &TcpListener, shared: &Arc<Shared>, stop: &AtomicBool) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let Ok(mut stream) = stream else {
            // Out of descriptors, say: wait rather than spin.
            std::thread::sleep(Duration::from_millis(10));
            continue;
        };
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::SeqCst);
            let _ = http::refuse(&mut stream, 503, false);
            continue;
        }
        let guard = Open(open.clone());
        let shared = shared.clone();
        // If the thread cannot start, the closure (and the stream and guard) is dropped.
        let _ = std::thread::Builder::new()
            .name("serve-connection".into())
            .spawn(move || {
                let _guard = guard;
                connection(stream, &shared);
            });
    }
}

/// Sets `stop`'s watch: once it is set, a connection to the listener wakes
/// the accepting loop so it can end.
fn wake_on_stop(addr: SocketAddr, stop: Arc<AtomicBool>) {
    let ip = match addr.ip() {
        IpAddr::V4(a) if a.is_unspecified() => IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
        IpAddr::V6(a) if a.is_unspecified() => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    std::thread::spawn(move || {
        while !stop.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = TcpStream::connect(SocketAddr::new(ip, addr.port()));
    });
}

/// Runs the preview server until Ctrl-C (or until `stop` is set, for tests).
pub fn serve(opts: &ServeOptions, stop: Arc<AtomicBool>) -> Result<(), Error> {
    crate::load_config(&opts.root)?;
    let addr = SocketAddr::new(opts.bind, opts.port);
    let listener = TcpListener::bind(addr)
        .map_err(|e| Error::Usage(format!("cannot listen on {addr}: {e}")))?;
    let local = listener
        .local_addr()
        .map_err(|e| Error::Usage(format!("cannot listen on {addr}: {e}")))?;
    let port = local.port();
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
    wake_on_stop(local, stop.clone());
    accept(&listener, &shared, &stop);
    // Closing the event streams lets their threads end.
    shared
        .clients
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clear();
    println!("stopped");
    Ok(())
}
