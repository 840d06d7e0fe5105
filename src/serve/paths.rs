//! Request paths to files of the generated site (pure): percent-decoding, and
//! refusal of anything that could leave the site (`..`, backslashes, NUL, drive
//! letters), encoded or not; content types by extension.

use std::borrow::Cow;

use percent_encoding::percent_decode_str;

/// What a request path names.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// A file of the site (relative path, `/`-separated).
    File(String),
    /// Refused: the path tries to leave the site or is malformed.
    Refused,
}

/// Every `%` starts a two-digit hex escape; `percent-encoding` would pass a
/// stray one through unchanged, and such a request is malformed.
fn well_formed(path: &str) -> bool {
    path.split('%').skip(1).all(|rest| {
        rest.get(..2)
            .is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
    })
}

/// The path percent-decoded; `None` if malformed or not UTF-8 once decoded
/// (overlong `%C0%AE` included).
fn decode(path: &str) -> Option<String> {
    if !well_formed(path) {
        return None;
    }
    percent_decode_str(path)
        .decode_utf8()
        .ok()
        .map(Cow::into_owned)
}

/// Maps a request URL (path and optional query) to a site file: `/a/b/` →
/// `a/b/index.html`.
pub fn resolve(url: &str) -> Target {
    let path = url.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return Target::Refused;
    }
    // Decode twice: a doubly encoded `%252e%252e` must not slip through either.
    let Some(once) = decode(path) else {
        return Target::Refused;
    };
    let Some(twice) = decode(&once) else {
        return Target::Refused;
    };
    for p in [&once, &twice] {
        if p.contains('\\')
            || p.contains('\0')
            || p.split('/')
                .any(|seg| seg == ".." || seg == "." || seg.contains(':'))
        {
            return Target::Refused;
        }
    }
    let rel = once.strip_prefix('/').unwrap_or(&once);
    if rel.starts_with('/') {
        return Target::Refused;
    }
    if rel.is_empty() || rel.ends_with('/') {
        Target::File(format!("{rel}index.html"))
    } else {
        Target::File(rel.to_string())
    }
}

/// Content type by extension (`mime_guess`); text types carry
/// `charset=utf-8`, as everything bichig writes is UTF-8.
pub fn content_type(path: &str) -> Cow<'static, str> {
    let mime = match mime_guess::from_path(path).first_raw() {
        // mime_guess still has the name from before `font/woff` was registered (RFC 8081).
        Some("application/font-woff") => "font/woff",
        Some(mime) => mime,
        None => return Cow::Borrowed("application/octet-stream"),
    };
    // JSON has no charset parameter (RFC 8259); SVG declares its own.
    let textual = mime.starts_with("text/")
        || (mime.starts_with("application/")
            && (mime.ends_with("xml") || mime.ends_with("javascript")));
    if textual {
        Cow::Owned(format!("{mime}; charset=utf-8"))
    } else {
        Cow::Borrowed(mime)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_files() {
        assert_eq!(resolve("/"), Target::File("index.html".into()));
        assert_eq!(
            resolve("/mn/measures/?q=1"),
            Target::File("mn/measures/index.html".into())
        );
        assert_eq!(
            resolve("/css/style.css"),
            Target::File("css/style.css".into())
        );
        assert_eq!(
            resolve("/tags/%E9%87%91%E8%9E%8D/"),
            Target::File("tags/金融/index.html".into())
        );
    }

    #[test]
    fn traversal_in_every_encoding_is_refused() {
        for bad in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/%252e%252e/etc/passwd",
            "/..%5c..%5cetc",
            "/a\\..\\b",
            "//etc/passwd",
            "/C:/Windows",
            "/a%00.html",
            "/%zz",
            "etc/passwd",
            "/./index.html",
        ] {
            assert_eq!(resolve(bad), Target::Refused, "{bad}");
        }
    }
    #[test]
    fn decoding_edge_cases() {
        let d = |p: &str| decode(p);
        assert_eq!(d("/%2e%2e/x"), Some("/../x".into()));
        assert_eq!(d("/%2E%2e"), Some("/..".into()), "either case of hex");
        assert_eq!(d("/a%2Fb"), Some("/a/b".into()));
        assert_eq!(d("/a%5Cb"), Some("/a\\b".into()));
        assert_eq!(d("/a%00b"), Some("/a\0b".into()));
        assert_eq!(d("/%252e"), Some("/%2e".into()), "one layer at a time");
        assert_eq!(d("/%E9%87%91"), Some("/金".into()));
        assert_eq!(d("/a+b"), Some("/a+b".into()), "`+` is no space in a path");
        // Overlong `.` and other bytes that are not UTF-8 once decoded.
        assert_eq!(d("/%C0%AE%C0%AE/x"), None);
        assert_eq!(d("/%E9%87"), None, "truncated sequence");
        assert_eq!(d("/%FF"), None);
        // Malformed escapes: trailing `%`, one digit, non-hex digits.
        assert_eq!(d("/a%"), None);
        assert_eq!(d("/a%2"), None);
        assert_eq!(d("/%zz"), None);
        assert_eq!(d("/%%41"), None);
        assert_eq!(d("/%4g"), None);
    }

    #[test]
    fn encoded_separators_and_controls_resolve_exactly() {
        // An encoded `/` is a separator like any other, not a way past the checks.
        assert_eq!(
            resolve("/css%2Fstyle.css"),
            Target::File("css/style.css".into())
        );
        assert_eq!(resolve("/a%2F..%2Fb"), Target::Refused);
        assert_eq!(resolve("/a%5Cb"), Target::Refused);
        assert_eq!(
            resolve("/a%255Cb"),
            Target::Refused,
            "doubly encoded backslash"
        );
        assert_eq!(resolve("/a%00"), Target::Refused);
        assert_eq!(resolve("/a%2500"), Target::Refused, "doubly encoded NUL");
        assert_eq!(resolve("/%C0%AE%C0%AE/site.yaml"), Target::Refused);
        assert_eq!(
            resolve("/%25C0%25AE/x"),
            Target::Refused,
            "overlong, doubly encoded"
        );
        assert_eq!(resolve("/index.html%"), Target::Refused);
        assert_eq!(resolve("/%zz/"), Target::Refused);
        assert_eq!(resolve("/.%2e/x"), Target::Refused);
        assert_eq!(resolve("/a%3a/b"), Target::Refused, "encoded `:`");
    }

    #[test]
    fn content_types() {
        for (path, ct) in [
            ("index.html", "text/html; charset=utf-8"),
            ("css/style.css", "text/css; charset=utf-8"),
            ("js/search.js", "text/javascript; charset=utf-8"),
            ("search.json", "application/json"),
            ("sitemap.xml", "text/xml; charset=utf-8"),
            ("feed.atom", "application/atom+xml; charset=utf-8"),
            ("logo.svg", "image/svg+xml"),
            ("fonts/a.woff2", "font/woff2"),
            ("fonts/a.woff", "font/woff"),
            ("fonts/a.ttf", "font/ttf"),
            ("data/t.csv", "text/csv; charset=utf-8"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("INDEX.HTML", "text/html; charset=utf-8"),
            ("a.png", "image/png"),
            ("a.dir/README", "application/octet-stream"),
            ("a.unknownext", "application/octet-stream"),
        ] {
            assert_eq!(content_type(path), ct, "{path}");
        }
    }
}
