//! Printing one page of the generated site in the browser: a new tab whose
//! every request is answered from memory ([`SiteFiles`]), loaded, its fonts
//! ready, then `Page.printToPDF` with the page's own `@page` rules.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::cdp::{CdpError, Connection, Message};
use super::site::{Answer, SiteFiles};

/// How long each step may take.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    /// A command that needs no page work (open a tab, enable a domain).
    pub command: Duration,
    /// Loading the page with its styles, scripts and images.
    pub load: Duration,
    /// Web fonts ready (`document.fonts.ready`).
    pub fonts: Duration,
    /// Laying out and printing the whole report.
    pub print: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            command: Duration::from_secs(30),
            load: Duration::from_secs(60),
            fonts: Duration::from_secs(30),
            print: Duration::from_secs(180),
        }
    }
}

/// A step that failed, and why.
#[derive(Debug)]
pub struct Failure {
    /// What was being done (`loading https://…/print/`).
    pub step: String,
    /// The cause.
    pub cause: CdpError,
    /// The step's time limit, for timeouts.
    pub limit: Duration,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.cause {
            CdpError::Timeout => write!(
                f,
                "{}: no answer from the browser within {} s",
                self.step,
                self.limit.as_secs()
            ),
            ref cause => write!(f, "{}: {cause}", self.step),
        }
    }
}

/// The `Page.printToPDF` parameters: A4 unless the page's `@page` says
/// otherwise, backgrounds, bookmarks from the headings, a tagged PDF, and no
/// header or footer of Chromium's own (the page's margin boxes make them).
pub fn pdf_params() -> Value {
    json!({
        "paperWidth": 8.27,
        "paperHeight": 11.69,
        "preferCSSPageSize": true,
        "printBackground": true,
        "generateDocumentOutline": true,
        "generateTaggedPDF": true,
        "displayHeaderFooter": false,
    })
}

/// Prints pages of one site in one browser.
pub struct Printer<'a> {
    conn: Connection,
    site: &'a SiteFiles<'a>,
    timeouts: Timeouts,
    /// Sessions whose page fired its load event.
    loaded: HashSet<String>,
    /// Requests answered with 404 or refused, as `url (why)`.
    pub refused: Vec<String>,
}

impl<'a> Printer<'a> {
    /// Prints through `conn`, serving `site`.
    pub fn new(conn: Connection, site: &'a SiteFiles<'a>, timeouts: Timeouts) -> Printer<'a> {
        Printer {
            conn,
            site,
            timeouts,
            loaded: HashSet::new(),
            refused: Vec::new(),
        }
    }

    /// Sends a command and waits for its answer, handling the events that come
    /// first (the page's requests among them).
    fn call(
        &mut self,
        method: &str,
        params: Value,
        session: Option<&str>,
        limit: Duration,
    ) -> Result<Value, CdpError> {
        let id = self.conn.send(method, params, session)?;
        let deadline = Instant::now() + limit;
        loop {
            match self.conn.recv(deadline)? {
                Message::Response { id: got, result } if got == id => {
                    return result.map_err(|message| CdpError::Command {
                        method: method.to_string(),
                        message,
                    })
                }
                Message::Response { .. } => {}
                Message::Event {
                    method,
                    params,
                    session,
                } => self.event(&method, &params, session.as_deref())?,
            }
        }
    }

    /// Handles an event: answers paused requests, notes load events.
    fn event(
        &mut self,
        method: &str,
        params: &Value,
        session: Option<&str>,
    ) -> Result<(), CdpError> {
        match method {
            "Fetch.requestPaused" => self.answer(params, session),
            "Page.loadEventFired" => {
                self.loaded.insert(session.unwrap_or_default().to_string());
                Ok(())
            }
            "Inspector.targetCrashed" => Err(CdpError::Command {
                method: "printing".into(),
                message: "the page crashed".into(),
            }),
            _ => Ok(()),
        }
    }

    /// Answers a paused request from the site's files (never waits for the
    /// browser's acknowledgement: its answer is skipped like any other).
    fn answer(&mut self, params: &Value, session: Option<&str>) -> Result<(), CdpError> {
        let id = params["requestId"].as_str().unwrap_or_default().to_string();
        let url = params["request"]["url"].as_str().unwrap_or_default();
        match self.site.answer(url) {
            Answer::File { body, content_type } => {
                let body = base64_simd::STANDARD.encode_to_string(&body);
                self.conn.send(
                    "Fetch.fulfillRequest",
                    json!({
                        "requestId": id,
                        "responseCode": 200,
                        "responseHeaders": [{ "name": "Content-Type", "value": content_type }],
                        "body": body,
                    }),
                    session,
                )?;
            }
            Answer::Missing => {
                self.refused.push(format!("{url} (not in the site)"));
                self.conn.send(
                    "Fetch.fulfillRequest",
                    json!({ "requestId": id, "responseCode": 404, "body": "" }),
                    session,
                )?;
            }
            Answer::Outside => {
                // data: and blob: URLs never reach Fetch; anything else is off-site.
                self.refused.push(format!("{url} (outside the site)"));
                self.conn.send(
                    "Fetch.failRequest",
                    json!({ "requestId": id, "errorReason": "BlockedByClient" }),
                    session,
                )?;
            }
        }
        Ok(())
    }

    /// Prints the page at `url` (absolute, inside the site) to PDF bytes.
    pub fn print(&mut self, url: &str) -> Result<Vec<u8>, Failure> {
        let t = self.timeouts;
        let fail = |step: &str, limit: Duration| {
            let step = step.to_string();
            move |cause| Failure { step, cause, limit }
        };
        let target = self
            .call(
                "Target.createTarget",
                json!({ "url": "about:blank" }),
                None,
                t.command,
            )
            .map_err(fail("opening a tab", t.command))?;
        let target_id = target["targetId"].as_str().unwrap_or_default().to_string();
        let attached = self
            .call(
                "Target.attachToTarget",
                json!({ "targetId": target_id, "flatten": true }),
                None,
                t.command,
            )
            .map_err(fail("opening a tab", t.command))?;
        let session = attached["sessionId"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let s = Some(session.as_str());
        for (method, params) in [
            (
                "Fetch.enable",
                json!({ "patterns": [{ "urlPattern": "*" }] }),
            ),
            ("Page.enable", json!({})),
            // For `Inspector.targetCrashed`: a crashed page fails at once.
            ("Inspector.enable", json!({})),
        ] {
            self.call(method, params, s, t.command)
                .map_err(fail("preparing the tab", t.command))?;
        }
        let step = format!("loading {url}");
        let started = Instant::now();
        let nav = self
            .call("Page.navigate", json!({ "url": url }), s, t.load)
            .map_err(fail(&step, t.load))?;
        if let Some(err) = nav.get("errorText").and_then(Value::as_str) {
            return Err(fail(&step, t.load)(CdpError::Command {
                method: "Page.navigate".into(),
                message: err.to_string(),
            }));
        }
        let deadline = started + t.load;
        while !self.loaded.contains(&session) {
            let msg = self.conn.recv(deadline).map_err(fail(&step, t.load))?;
            if let Message::Event {
                method,
                params,
                session,
            } = msg
            {
                self.event(&method, &params, session.as_deref())
                    .map_err(fail(&step, t.load))?;
            }
        }
        let step = format!("waiting for the fonts of {url}");
        self.call(
            "Runtime.evaluate",
            json!({
                "expression": "document.fonts.ready.then(() => document.fonts.status)",
                "awaitPromise": true,
                "returnByValue": true,
            }),
            s,
            t.fonts,
        )
        .map_err(fail(&step, t.fonts))?;
        let step = format!("printing {url}");
        let printed = self
            .call("Page.printToPDF", pdf_params(), s, t.print)
            .map_err(fail(&step, t.print))?;
        let data = printed["data"].as_str().unwrap_or_default();
        let pdf = base64_simd::STANDARD
            .decode_to_vec(data)
            .map_err(|e| fail(&step, t.print)(CdpError::Malformed(e.to_string())))?;
        if !pdf.starts_with(b"%PDF-") {
            return Err(fail(&step, t.print)(CdpError::Malformed(
                "the browser's answer is not a PDF".into(),
            )));
        }
        // The tab is closed to free its memory before the next language.
        let _ = self.call(
            "Target.closeTarget",
            json!({ "targetId": target_id }),
            None,
            t.command,
        );
        Ok(pdf)
    }

    /// Asks the browser to quit (the caller kills it anyway).
    pub fn close(&mut self) {
        let _ = self.call("Browser.close", json!({}), None, Duration::from_secs(5));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_parameters_are_a4_tagged_with_bookmarks() {
        let p = pdf_params();
        assert_eq!(p["paperWidth"], 8.27);
        assert_eq!(p["paperHeight"], 11.69);
        for key in [
            "preferCSSPageSize",
            "printBackground",
            "generateDocumentOutline",
            "generateTaggedPDF",
        ] {
            assert_eq!(p[key], true, "{key}");
        }
        assert_eq!(p["displayHeaderFooter"], false);
    }

    #[test]
    fn timeouts_name_the_step_and_limit() {
        let f = Failure {
            step: "printing https://example.org/print/".into(),
            cause: CdpError::Timeout,
            limit: Duration::from_secs(180),
        };
        assert_eq!(
            f.to_string(),
            "printing https://example.org/print/: no answer from the browser within 180 s"
        );
    }
}
