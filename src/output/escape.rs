//! Escaping text for HTML and XML (pure), shared by templates, feeds and sitemap.

/// Escapes text for XML content and attributes.
pub fn escape_xml(s: &str) -> String {
    escape_markup(s, "&apos;")
}

/// Escapes `& < > "` and `'` (as `apos`) in one pass, nothing else.
pub fn escape_markup(s: &str, apos: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let mut last = 0;
    // Only ASCII bytes are replaced, so every slice boundary is a char boundary.
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => apos,
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
    out
}
