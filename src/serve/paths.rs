//! Request paths to files of the generated site (pure): percent-decoding, and
//! refusal of anything that could leave the site (`..`, backslashes, NUL, drive
//! letters), encoded or not.

/// What a request path names.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// A file of the site (relative path, `/`-separated).
    File(String),
    /// Refused: the path tries to leave the site or is malformed.
    Refused,
}

fn decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
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

/// Content type by extension.
pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
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
}
