//! The HTTP/1.1 side of `serve`: request heads parsed with httparse (pure),
//! kept-alive connections read request by request (pipelined ones too), and
//! answers written whole with their length.

use std::io::{self, IoSlice, Read, Write};

/// Largest request head accepted (431 beyond).
const MAX_HEAD: usize = 16 * 1024;
/// Largest request body skipped (413 beyond): GET and HEAD carry none.
const MAX_BODY: usize = 64 * 1024;

/// What the server needs from a request head.
#[derive(Debug, PartialEq, Eq)]
pub struct Head {
    /// `GET`, `HEAD`, …
    pub method: String,
    /// The request target as sent (path and query).
    pub target: String,
    /// The connection stays open after the answer.
    pub keep_alive: bool,
    /// Length of the body that follows the head.
    pub body_len: usize,
}

/// The result of parsing the start of a connection's buffer.
#[derive(Debug, PartialEq, Eq)]
pub enum Parsed {
    /// More bytes are needed.
    Partial,
    /// A whole head, and how many bytes it took.
    Done(Head, usize),
    /// A request to refuse with this status, then close.
    Bad(u16),
}

/// Parses the request head at the start of `buf`.
pub fn parse(buf: &[u8]) -> Parsed {
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut req = httparse::Request::new(&mut headers);
    let used = match req.parse(buf) {
        Ok(httparse::Status::Partial) if buf.len() > MAX_HEAD => return Parsed::Bad(431),
        Ok(httparse::Status::Partial) => return Parsed::Partial,
        Err(httparse::Error::TooManyHeaders) => return Parsed::Bad(431),
        Err(_) => return Parsed::Bad(400),
        Ok(httparse::Status::Complete(n)) if n > MAX_HEAD => return Parsed::Bad(431),
        Ok(httparse::Status::Complete(n)) => n,
    };
    let (Some(method), Some(target)) = (req.method, req.path) else {
        return Parsed::Bad(400);
    };
    let mut close = false;
    let mut keep = false;
    let mut body_len = 0;
    for h in req.headers.iter() {
        // Only the headers read here are decoded.
        let value = || String::from_utf8_lossy(h.value);
        if h.name.eq_ignore_ascii_case("connection") {
            for token in value().split(',').map(str::trim) {
                close |= token.eq_ignore_ascii_case("close");
                keep |= token.eq_ignore_ascii_case("keep-alive");
            }
        } else if h.name.eq_ignore_ascii_case("content-length") {
            match value().trim().parse::<usize>() {
                Ok(n) if n > MAX_BODY => return Parsed::Bad(413),
                Ok(n) => body_len = n,
                Err(_) => return Parsed::Bad(400),
            }
        } else if h.name.eq_ignore_ascii_case("transfer-encoding") {
            // A chunked body cannot be skipped without decoding it; nothing here needs one.
            return Parsed::Bad(501);
        }
    }
    let keep_alive = match req.version {
        Some(1) => !close,
        _ => keep && !close,
    };
    Parsed::Done(
        Head {
            method: method.to_string(),
            target: target.to_string(),
            keep_alive,
            body_len,
        },
        used,
    )
}

/// Reads requests from one connection.
pub struct Reader<R> {
    stream: R,
    buf: Vec<u8>,
}

impl<R: Read> Reader<R> {
    /// Reads from `stream`.
    pub fn new(stream: R) -> Reader<R> {
        Reader {
            stream,
            buf: Vec::new(),
        }
    }

    /// The next request (its body skipped); `Ok(None)` when the client closed
    /// the connection or went quiet, `Err(status)` for a request to refuse.
    pub fn next(&mut self) -> Result<Option<Head>, u16> {
        loop {
            match parse(&self.buf) {
                Parsed::Done(head, used) => {
                    self.buf.drain(..used);
                    if !self.fill(head.body_len) {
                        return Ok(None);
                    }
                    self.buf.drain(..head.body_len);
                    return Ok(Some(head));
                }
                Parsed::Bad(status) => return Err(status),
                Parsed::Partial => {
                    if !self.fill(self.buf.len() + 1) {
                        return Ok(None);
                    }
                }
            }
        }
    }

    /// Reads until the buffer holds `len` bytes; false on end of stream or error.
    fn fill(&mut self, len: usize) -> bool {
        let mut chunk = [0u8; 8192];
        while self.buf.len() < len {
            match self.stream.read(&mut chunk) {
                Ok(0) => return false,
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => return false,
            }
        }
        true
    }
}

/// The reason phrase of the statuses `serve` sends.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// A whole answer: status line, headers, `Content-Length`, then the body
/// (left out for HEAD) from its parts, written without copying them.
pub fn write_response(
    out: &mut impl Write,
    status: u16,
    headers: &[(&str, &str)],
    body: &[&[u8]],
    send_body: bool,
    keep_alive: bool,
) -> io::Result<()> {
    let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    let length: usize = body.iter().map(|p| p.len()).sum();
    head.push_str(&format!("Content-Length: {length}\r\n"));
    if !keep_alive {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");
    let mut parts = vec![head.as_bytes()];
    if send_body {
        parts.extend_from_slice(body);
    }
    write_all_parts(out, &parts)?;
    out.flush()
}

/// Writes every part, as few system calls as the socket allows.
fn write_all_parts(out: &mut impl Write, parts: &[&[u8]]) -> io::Result<()> {
    let mut slices: Vec<IoSlice> = parts
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| IoSlice::new(p))
        .collect();
    let mut rest = &mut slices[..];
    while !rest.is_empty() {
        match out.write_vectored(rest) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut rest, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// A short plain-text answer for a refused request.
pub fn refuse(out: &mut impl Write, status: u16, keep_alive: bool) -> io::Result<()> {
    let mut headers = vec![("Content-Type", "text/plain; charset=utf-8")];
    if status == 405 {
        headers.push(("Allow", "GET, HEAD"));
    }
    let body = format!("{status} {}\n", reason(status).to_lowercase());
    write_response(out, status, &headers, &[body.as_bytes()], true, keep_alive)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn done(raw: &str) -> (Head, usize) {
        match parse(raw.as_bytes()) {
            Parsed::Done(h, n) => (h, n),
            other => panic!("{raw:?}: {other:?}"),
        }
    }

    #[test]
    fn keep_alive_follows_version_and_connection_header() {
        assert!(done("GET / HTTP/1.1\r\nHost: a\r\n\r\n").0.keep_alive);
        assert!(
            !done("GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
                .0
                .keep_alive
        );
        assert!(!done("GET / HTTP/1.0\r\n\r\n").0.keep_alive);
        assert!(
            done("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")
                .0
                .keep_alive
        );
    }

    #[test]
    fn partial_bad_and_oversized_heads() {
        assert_eq!(parse(b""), Parsed::Partial);
        assert_eq!(parse(b"GET /a HTTP/1.1\r\nHost"), Parsed::Partial);
        assert_eq!(parse(b"GET /a HTTP/9.9\r\n\r\n"), Parsed::Bad(400));
        assert_eq!(parse(b"\x00\x01 junk\r\n\r\n"), Parsed::Bad(400));
        let huge = format!("GET / HTTP/1.1\r\nX: {}", "a".repeat(MAX_HEAD + 1));
        assert_eq!(parse(huge.as_bytes()), Parsed::Bad(431));
        let many: String = (0..80).map(|i| format!("X-{i}: 1\r\n")).collect();
        assert_eq!(
            parse(format!("GET / HTTP/1.1\r\n{many}\r\n").as_bytes()),
            Parsed::Bad(431)
        );
        assert_eq!(
            parse(b"POST / HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n"),
            Parsed::Bad(413)
        );
        assert_eq!(
            parse(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"),
            Parsed::Bad(501)
        );
    }

    #[test]
    fn pipelined_requests_and_bodies_are_read_in_turn() {
        let raw = b"POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET /a/?q=1 HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\nConnection: close\r\n\r\n";
        let mut r = Reader::new(&raw[..]);
        let a = r.next().ok().flatten().map(|h| (h.method, h.target));
        assert_eq!(a, Some(("POST".into(), "/x".into())));
        assert_eq!(
            r.next().ok().flatten().map(|h| h.target),
            Some("/a/?q=1".into())
        );
        let last = r.next().ok().flatten();
        assert_eq!(last.as_ref().map(|h| h.keep_alive), Some(false));
        assert_eq!(r.next(), Ok(None), "end of stream");
    }

    #[test]
    fn answers_carry_their_length_and_head_leaves_the_body_out() {
        let mut out = Vec::new();
        let parts: [&[u8]; 3] = [b"<p>", b"", b"hi</p>"];
        write_response(
            &mut out,
            200,
            &[("Content-Type", "text/html")],
            &parts,
            true,
            true,
        )
        .ok();
        let text = String::from_utf8_lossy(&out);
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
        assert!(text.contains("Content-Length: 9\r\n"));
        assert!(text.ends_with("\r\n\r\n<p>hi</p>"));
        let mut head = Vec::new();
        write_response(&mut head, 404, &[], &[b"gone"], false, false).ok();
        let text = String::from_utf8_lossy(&head);
        assert!(text.contains("Content-Length: 4\r\nConnection: close\r\n\r\n"));
        assert!(text.ends_with("\r\n\r\n"));
    }
}
