//! The generated site as the browser sees it while printing: every request is
//! intercepted (CDP `Fetch`) and answered from the files in memory, so the page
//! loads at its public address (links in the PDF point to the published site)
//! and nothing goes to the network.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::output::files::Contents;
use crate::output::OutputFile;
use crate::serve::{content_type, resolve, Target};

/// What a request gets.
#[derive(Debug, PartialEq)]
pub enum Answer<'a> {
    /// A file of the site.
    File {
        /// Its bytes.
        body: Cow<'a, [u8]>,
        /// Its `Content-Type`.
        content_type: Cow<'static, str>,
    },
    /// A URL of the site with no file (404).
    Missing,
    /// A URL outside the site: refused, a PDF is made of the site alone.
    Outside,
}

/// The files of a generated site by output path, under its base URL.
pub struct SiteFiles<'a> {
    /// `base_url` without its final `/` (`https://example.org/report`).
    base: &'a str,
    files: HashMap<&'a str, &'a Contents>,
}

impl<'a> SiteFiles<'a> {
    /// The site `files`, published at `base_url` (absolute, ending in `/`).
    pub fn new(base_url: &'a str, files: &'a [OutputFile]) -> SiteFiles<'a> {
        SiteFiles {
            base: base_url.strip_suffix('/').unwrap_or(base_url),
            files: files
                .iter()
                .map(|f| (f.path.as_str(), &f.contents))
                .collect(),
        }
    }

    /// The answer to a request for `url` (absolute).
    pub fn answer(&self, url: &str) -> Answer<'a> {
        let Some(rest) = url.strip_prefix(self.base) else {
            return Answer::Outside;
        };
        if !(rest.is_empty() || rest.starts_with(['/', '?', '#'])) {
            return Answer::Outside;
        }
        let rest = if rest.starts_with('/') { rest } else { "/" };
        let Target::File(path) = resolve(rest) else {
            return Answer::Missing;
        };
        let index = format!("{path}/index.html");
        let found = self
            .files
            .get_key_value(path.as_str())
            .or_else(|| self.files.get_key_value(index.as_str()));
        let Some((name, contents)) = found else {
            return Answer::Missing;
        };
        let body = match contents {
            Contents::Html(h) => Cow::Borrowed(h.as_bytes()),
            Contents::Bytes(b) => Cow::Borrowed(b.as_slice()),
            Contents::Copy(from) => match std::fs::read(from) {
                Ok(b) => Cow::Owned(b),
                Err(_) => return Answer::Missing,
            },
        };
        Answer::File {
            body,
            content_type: content_type(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<OutputFile> {
        vec![
            OutputFile::html("print/index.html".into(), "<p>print</p>".into()),
            OutputFile::bytes("css/style.css", b"p{}".to_vec()),
            OutputFile::html("index.html".into(), "<p>home</p>".into()),
        ]
    }

    fn body(a: Answer) -> (String, String) {
        match a {
            Answer::File { body, content_type } => (
                String::from_utf8_lossy(&body).into_owned(),
                content_type.into_owned(),
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn requests_under_the_base_url_get_site_files() {
        let f = files();
        let site = SiteFiles::new("https://example.org/report/", &f);
        assert_eq!(
            body(site.answer("https://example.org/report/print/")),
            ("<p>print</p>".into(), "text/html; charset=utf-8".into())
        );
        assert_eq!(
            body(site.answer("https://example.org/report/css/style.css?v=1")).1,
            "text/css; charset=utf-8"
        );
        assert_eq!(
            body(site.answer("https://example.org/report/print")).0,
            "<p>print</p>"
        );
        assert_eq!(
            body(site.answer("https://example.org/report")).0,
            "<p>home</p>"
        );
        assert_eq!(
            site.answer("https://example.org/report/fonts/x.woff2"),
            Answer::Missing
        );
        assert_eq!(
            site.answer("https://example.org/report/../site.yaml"),
            Answer::Missing
        );
    }

    #[test]
    fn other_addresses_are_outside() {
        let f = files();
        let site = SiteFiles::new("https://example.org/report/", &f);
        for url in [
            "https://example.org/other/",
            "https://example.org/reports/index.html",
            "http://example.org/report/print/",
            "https://fonts.example.com/a.woff2",
        ] {
            assert_eq!(site.answer(url), Answer::Outside, "{url}");
        }
    }
}
