//! Escaping text for HTML and XML (pure), shared by templates, feeds and sitemap.

/// Escapes text for XML content and attributes.
pub fn escape_xml(s: &str) -> String {
    escape_markup(s, "&apos;")
}

/// Escapes `& < > "` and `'` (as `apos`) in one pass, nothing else.
pub fn escape_markup(s: &str, apos: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let bytes = s.as_bytes();
    let mut last = 0;
    // Most text holds none of the five: vectorized searches find the next
    // one, each of the two kept until passed (no text is searched twice).
    // Only ASCII bytes are replaced, so every slice boundary is a char
    // boundary.
    let mut tag = Next::new(bytes, |b| memchr::memchr3(b'&', b'<', b'>', b));
    let mut quote = Next::new(bytes, |b| memchr::memchr2(b'"', b'\'', b));
    loop {
        let i = tag.from(last).min(quote.from(last));
        if i == bytes.len() {
            break;
        }
        let rep = match bytes[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => apos,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
    out
}

/// The next match of a search in `bytes`, found again only once passed.
struct Next<'b, F> {
    bytes: &'b [u8],
    find: F,
    /// Position of the last match found (the end for none), once searched.
    at: Option<usize>,
}

impl<'b, F: Fn(&[u8]) -> Option<usize>> Next<'b, F> {
    fn new(bytes: &'b [u8], find: F) -> Self {
        Next {
            bytes,
            find,
            at: None,
        }
    }

    /// The first match at or after `from` (the end for none).
    fn from(&mut self, from: usize) -> usize {
        match self.at {
            Some(at) if at >= from => at,
            _ => {
                let at = (self.find)(&self.bytes[from..]).map_or(self.bytes.len(), |k| from + k);
                self.at = Some(at);
                at
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The escaping the fast one must match, character by character.
    fn reference(s: &str, apos: &str) -> String {
        s.chars()
            .map(|c| match c {
                '&' => "&amp;".to_string(),
                '<' => "&lt;".to_string(),
                '>' => "&gt;".to_string(),
                '"' => "&quot;".to_string(),
                '\'' => apos.to_string(),
                c => c.to_string(),
            })
            .collect()
    }

    #[test]
    fn escapes_the_five_wherever_they_are() {
        let cases = [
            "",
            "plain",
            "扶贫 ᠪᠢᠴᠢᠭ",
            "&",
            "\"'\"'",
            "a<b>c&d\"e'f",
            "'''''&",
            "&&&\"\"<<'>",
            "金融\"扶贫\"<em>'ᠪ'</em>&amp;",
        ];
        for s in cases {
            assert_eq!(escape_markup(s, "&#39;"), reference(s, "&#39;"), "{s:?}");
            assert_eq!(escape_xml(s), reference(s, "&apos;"), "{s:?}");
        }
    }
}
