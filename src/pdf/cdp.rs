//! A small client of the Chrome DevTools Protocol over `--remote-debugging-pipe`:
//! JSON messages, each ended by a NUL byte, written to the browser's fd 3 and
//! read from its fd 4. Framing and message parsing are pure; two threads move
//! the bytes, so every wait has a deadline even when the browser hangs (a
//! blocked pipe write or read never blocks the caller).

use std::fs::File;
use std::io::{Read, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Instant;

use serde_json::{json, Value};

/// Why talking to the browser failed.
#[derive(Debug, PartialEq, Eq)]
pub enum CdpError {
    /// The browser closed its end of the pipe (it exited or crashed).
    Closed,
    /// No answer before the deadline.
    Timeout,
    /// The browser answered a command with an error.
    Command {
        /// The command (`Page.printToPDF`).
        method: String,
        /// The browser's message.
        message: String,
    },
    /// A message that is not the protocol's JSON.
    Malformed(String),
}

impl std::fmt::Display for CdpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CdpError::Closed => write!(f, "the browser closed the connection"),
            CdpError::Timeout => write!(f, "the browser did not answer in time"),
            CdpError::Command { method, message } => write!(f, "{method} failed: {message}"),
            CdpError::Malformed(m) => write!(f, "unreadable message from the browser: {m}"),
        }
    }
}

/// One message from the browser.
#[derive(Debug, PartialEq)]
pub enum Message {
    /// The answer to the command with this id.
    Response {
        /// The command's id.
        id: u64,
        /// Its result, or the browser's error message.
        result: Result<Value, String>,
    },
    /// An event (`Fetch.requestPaused`, `Page.loadEventFired`, …).
    Event {
        /// The event's name.
        method: String,
        /// Its parameters.
        params: Value,
        /// The session (page) it belongs to; `None` for the browser's own.
        session: Option<String>,
    },
}

/// A command as sent: JSON and the terminating NUL.
pub fn encode(id: u64, method: &str, params: Value, session: Option<&str>) -> Vec<u8> {
    let mut msg = json!({ "id": id, "method": method, "params": params });
    if let Some(s) = session {
        msg["sessionId"] = Value::String(s.to_string());
    }
    let mut bytes = msg.to_string().into_bytes();
    bytes.push(0);
    bytes
}

/// Parses one message (without its NUL).
pub fn parse(frame: &[u8]) -> Result<Message, CdpError> {
    let v: Value = serde_json::from_slice(frame).map_err(|e| CdpError::Malformed(e.to_string()))?;
    if let Some(id) = v.get("id").and_then(Value::as_u64) {
        let result = match v.get("error") {
            Some(e) => Err(e
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or("unknown error")
                .to_string()),
            None => Ok(v.get("result").cloned().unwrap_or(Value::Null)),
        };
        return Ok(Message::Response { id, result });
    }
    match v.get("method").and_then(Value::as_str) {
        Some(method) => Ok(Message::Event {
            method: method.to_string(),
            params: v.get("params").cloned().unwrap_or(Value::Null),
            session: v
                .get("sessionId")
                .and_then(Value::as_str)
                .map(str::to_string),
        }),
        None => Err(CdpError::Malformed(
            "neither a response nor an event".into(),
        )),
    }
}

/// Splits a byte stream into NUL-terminated frames.
#[derive(Default)]
pub struct Frames {
    buf: Vec<u8>,
}

impl Frames {
    /// Adds bytes read from the pipe; returns the frames they complete.
    pub fn push(&mut self, bytes: &[u8]) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        for part in bytes.split_inclusive(|b| *b == 0) {
            match part.split_last() {
                Some((0, body)) => {
                    self.buf.extend_from_slice(body);
                    out.push(std::mem::take(&mut self.buf));
                }
                _ => self.buf.extend_from_slice(part),
            }
        }
        out
    }
}

/// The connection to one browser.
pub struct Connection {
    to: Sender<Vec<u8>>,
    from: Receiver<Vec<u8>>,
    next_id: u64,
}

impl Connection {
    /// Talks over `write` (the browser's fd 3) and `read` (its fd 4). The
    /// threads end when the browser closes the pipes or the connection is dropped.
    pub fn new(mut write: File, mut read: File) -> Connection {
        let (to, outbox) = mpsc::channel::<Vec<u8>>();
        std::thread::spawn(move || {
            for msg in outbox {
                if write.write_all(&msg).is_err() {
                    return;
                }
            }
        });
        let (inbox, from) = mpsc::channel();
        std::thread::spawn(move || {
            let mut frames = Frames::default();
            let mut chunk = vec![0u8; 1 << 16];
            loop {
                let n = match read.read(&mut chunk) {
                    Ok(0) | Err(_) => return,
                    Ok(n) => n,
                };
                for f in frames.push(&chunk[..n]) {
                    if inbox.send(f).is_err() {
                        return;
                    }
                }
            }
        });
        Connection {
            to,
            from,
            next_id: 0,
        }
    }

    /// Sends a command; returns its id (its answer comes through [`Self::recv`]).
    pub fn send(
        &mut self,
        method: &str,
        params: Value,
        session: Option<&str>,
    ) -> Result<u64, CdpError> {
        self.next_id += 1;
        let bytes = encode(self.next_id, method, params, session);
        self.to.send(bytes).map_err(|_| CdpError::Closed)?;
        Ok(self.next_id)
    }

    /// The next message, waiting until `deadline` at most.
    pub fn recv(&mut self, deadline: Instant) -> Result<Message, CdpError> {
        let wait = deadline.saturating_duration_since(Instant::now());
        match self.from.recv_timeout(wait) {
            Ok(frame) => parse(&frame),
            Err(RecvTimeoutError::Timeout) => Err(CdpError::Timeout),
            Err(RecvTimeoutError::Disconnected) => Err(CdpError::Closed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_carry_id_session_and_a_nul() {
        let b = encode(7, "Page.enable", json!({}), Some("S1"));
        assert_eq!(b.last(), Some(&0));
        let v: Value = serde_json::from_slice(&b[..b.len() - 1]).unwrap();
        assert_eq!(v["id"], 7);
        assert_eq!(v["method"], "Page.enable");
        assert_eq!(v["sessionId"], "S1");
        let b = encode(8, "Browser.close", json!({}), None);
        assert!(!String::from_utf8_lossy(&b).contains("sessionId"));
    }

    #[test]
    fn responses_errors_and_events() {
        assert_eq!(
            parse(br#"{"id":3,"result":{"data":"QQ=="}}"#).unwrap(),
            Message::Response {
                id: 3,
                result: Ok(json!({"data": "QQ=="}))
            }
        );
        assert_eq!(
            parse(br#"{"id":4,"error":{"code":-32000,"message":"No target"}}"#).unwrap(),
            Message::Response {
                id: 4,
                result: Err("No target".into())
            }
        );
        assert_eq!(
            parse(br#"{"method":"Page.loadEventFired","params":{"timestamp":1},"sessionId":"S"}"#)
                .unwrap(),
            Message::Event {
                method: "Page.loadEventFired".into(),
                params: json!({"timestamp": 1}),
                session: Some("S".into())
            }
        );
        assert!(matches!(parse(b"{\"x\":1}"), Err(CdpError::Malformed(_))));
        assert!(matches!(parse(b"not json"), Err(CdpError::Malformed(_))));
    }

    #[test]
    fn frames_split_on_nul_across_reads() {
        let mut f = Frames::default();
        assert!(f.push(b"{\"a\"").is_empty());
        assert_eq!(
            f.push(b":1}\0{\"b\":2}\0{\"c"),
            vec![b"{\"a\":1}".to_vec(), b"{\"b\":2}".to_vec()]
        );
        assert_eq!(f.push(b"\":3}\0"), vec![b"{\"c\":3}".to_vec()]);
        assert!(f.push(b"").is_empty());
    }
}
