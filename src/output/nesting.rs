//! How deep minify-html will nest elements when it reads a document (pure).
//!
//! minify-html is recursive: one pair of stack frames per open element when it
//! parses (`parse_content` ↔ `parse_element`), again when it minifies
//! (`minify_content` ↔ `minify_element`) and when the tree is dropped. A page
//! nested about 500 elements deep overflows a 2 MiB thread stack (rayon's
//! workers) in a debug build, which aborts the process. This scanner follows
//! minify-html's tokenising and closing rules with an explicit stack, so a
//! document can be refused before minify-html sees it.
//!
//! Every rule that closes an element is minify-html's own (the omission tables
//! come from `minify-html-common`, the crate minify-html uses); where this
//! scanner differs it keeps elements open longer, so its depth is never below
//! the parser's.

use minify_html_common::spec::tag::omission::{can_omit_as_before, can_omit_as_last_node};
use minify_html_common::spec::tag::void::VOID_TAGS;

/// A document nested deeper than the limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooDeep {
    /// Byte offset of the opening tag that first went past the limit.
    pub offset: usize,
    /// Deepest nesting reached, in elements.
    pub depth: usize,
    /// What was nested most when the limit was passed: `blockquotes`,
    /// `lists`, `emphasis`, `links`, `tables` or `` `<name>` elements ``.
    pub what: String,
    /// How many of those were open at once, at most.
    pub count: usize,
}

/// What one kind of nesting is called in messages. List items, table rows and
/// cells belong to their list or table and are not counted on their own.
fn group(name: &[u8]) -> Option<String> {
    Some(match name {
        b"blockquote" => "blockquotes".into(),
        b"ul" | b"ol" => "lists".into(),
        b"em" | b"strong" | b"del" | b"s" | b"b" | b"i" => "emphasis".into(),
        b"a" => "links".into(),
        b"table" => "tables".into(),
        b"li" | b"thead" | b"tbody" | b"tfoot" | b"tr" | b"td" | b"th" => return None,
        other => format!("`<{}>` elements", String::from_utf8_lossy(other)),
    })
}

struct Open {
    name: Vec<u8>,
    svg: bool,
}

/// The scanner's state: open elements and minify-html's html/head/body flags.
#[derive(Default)]
struct Scanner {
    stack: Vec<Open>,
    seen_html: bool,
    seen_head: bool,
    seen_head_close: bool,
    seen_body: bool,
    limit: usize,
    found: Option<TooDeep>,
    /// Past the limit: how many elements of the reported kind are open.
    open_of_kind: usize,
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn is_name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b':' || c == b'-'
}

/// Index just past `pat` at or after `from` (ASCII case-insensitive), or the end.
fn past(b: &[u8], from: usize, pat: &[u8]) -> usize {
    find_ci(b, from, pat).map_or(b.len(), |i| i + pat.len())
}

fn find_ci(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    let hay = b.get(from..)?;
    hay.windows(pat.len())
        .position(|w| w.eq_ignore_ascii_case(pat))
        .map(|i| i + from)
}

/// Reads a tag from the `<` at `i` as minify-html's `parse_tag` does: name
/// (lowercased), attributes with quoted values, the end. Returns the name,
/// whether it ends in `/>`, and the index after it.
fn read_tag(b: &[u8], mut i: usize) -> (Vec<u8>, bool, usize) {
    i += 1;
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    let start = i;
    while i < b.len() && is_name_char(b[i]) {
        i += 1;
    }
    let name = b[start..i].to_ascii_lowercase();
    loop {
        let mut last = None;
        while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
            last = Some(b[i]);
            i += 1;
        }
        let self_closing = last == Some(b'/');
        if i >= b.len() {
            return (name, self_closing, i);
        }
        if b[i] == b'>' {
            return (name, self_closing, i + 1);
        }
        // Attribute name: its first character may be `=`.
        i += 1;
        while i < b.len() && !(is_space(b[i]) || matches!(b[i], b'/' | b'=' | b'>')) {
            i += 1;
        }
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        match b.get(i) {
            Some(&q) if q == b'"' || q == b'\'' => {
                i += 1;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
                i = (i + 1).min(b.len());
            }
            _ => {
                while i < b.len() && !(is_space(b[i]) || b[i] == b'>') {
                    i += 1;
                }
            }
        }
    }
}

impl Scanner {
    fn top(&self, back: usize) -> &[u8] {
        self.stack
            .len()
            .checked_sub(back + 1)
            .and_then(|i| self.stack.get(i))
            .map_or(&[], |o| o.name.as_slice())
    }

    fn pop(&mut self) {
        if self.top(0) == b"head" {
            self.seen_head_close = true;
        }
        if let (Some(o), Some(f)) = (self.stack.pop(), &self.found) {
            if group(&o.name).as_deref() == Some(f.what.as_str()) {
                self.open_of_kind -= 1;
            }
        }
    }

    fn open(&mut self, name: Vec<u8>, self_closing: bool, offset: usize) {
        // An opening tag closes the elements it may follow without a closing tag
        // (`<p>a<p>`, `<li>a<li>`), one level at a time.
        while !self.stack.is_empty() && can_omit_as_before(self.top(0), &name) {
            self.pop();
        }
        let seen = match name.as_slice() {
            b"html" => std::mem::replace(&mut self.seen_html, true),
            b"head" => std::mem::replace(&mut self.seen_head, true),
            b"body" => std::mem::replace(&mut self.seen_body, true),
            _ => false,
        };
        let svg = name == b"svg" || self.stack.last().is_some_and(|o| o.svg);
        if seen || (self_closing && svg) || VOID_TAGS.contains(name.as_slice()) {
            return;
        }
        let kind = self.found.as_ref().map(|f| f.what.as_str());
        if kind.is_some() && group(&name).as_deref() == kind {
            self.open_of_kind += 1;
        }
        self.stack.push(Open { name, svg });
        if self.stack.len() > self.limit && self.found.is_none() {
            let found = self.describe(offset);
            self.open_of_kind = found.count;
            self.found = Some(found);
        }
        if let Some(f) = &mut self.found {
            f.depth = f.depth.max(self.stack.len());
            f.count = f.count.max(self.open_of_kind);
        }
    }

    /// The kind of element most nested at the point the limit is passed.
    fn describe(&self, offset: usize) -> TooDeep {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for o in &self.stack {
            let Some(g) = group(&o.name) else { continue };
            match counts.iter_mut().find(|(k, _)| *k == g) {
                Some((_, n)) => *n += 1,
                None => counts.push((g, 1)),
            }
        }
        let (what, count) = counts
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .unwrap_or_else(|| ("elements".to_string(), 0));
        TooDeep {
            offset,
            depth: self.stack.len(),
            what,
            count,
        }
    }

    fn close(&mut self, name: &[u8]) {
        // A closing tag of the grandparent ends the parent where the parent's
        // closing tag may be left out (`<tr><td>a</tr>`).
        while self.stack.len() >= 2
            && self.top(1) == name
            && can_omit_as_last_node(self.top(1), self.top(0))
        {
            self.pop();
        }
        if VOID_TAGS.contains(name) || self.top(0) != name {
            return;
        }
        if name == b"head" && std::mem::replace(&mut self.seen_head_close, true) {
            return;
        }
        self.pop();
    }

    /// Skips the text of `<script>`, `<style>` (and, in HTML, `<textarea>` and
    /// `<title>`) to its closing tag, as minify-html does.
    fn raw_text_end(&self, b: &[u8], i: usize) -> usize {
        let Some(top) = self.stack.last() else {
            return i;
        };
        let end: &[u8] = match (top.svg, top.name.as_slice()) {
            (_, b"script") => b"</script",
            (_, b"style") => b"</style",
            (false, b"textarea") => b"</textarea",
            (false, b"title") => b"</title",
            _ => return i,
        };
        find_ci(b, i, end).unwrap_or(b.len())
    }
}

/// Scans `html`; `Some` when minify-html would nest more than `limit` elements.
pub fn too_deep(html: &str, limit: usize) -> Option<TooDeep> {
    let b = html.as_bytes();
    let mut s = Scanner {
        limit,
        ..Scanner::default()
    };
    let mut i = 0;
    while let Some(lt) = b[i..].iter().position(|&c| c == b'<').map(|p| p + i) {
        let rest = &b[lt..];
        let starts = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
        i = if starts(b"<!--") {
            past(b, lt + 4, b"-->")
        } else if starts(b"<!") {
            // `<!doctype …>` and other `<!…>` end at the next `>`.
            past(b, lt + 2, b">")
        } else if starts(b"<?") {
            past(b, lt + 2, b"?>")
        } else if starts(b"</") {
            let (name, _, end) = read_tag(b, lt);
            if name.is_empty() {
                past(b, lt, b">")
            } else {
                s.close(&name);
                end
            }
        } else if rest.get(1).is_some_and(|&c| is_name_char(c)) {
            let (name, self_closing, end) = read_tag(b, lt);
            let depth = s.stack.len();
            s.open(name, self_closing, lt);
            if s.stack.len() > depth {
                s.raw_text_end(b, end)
            } else {
                end
            }
        } else {
            lt + 1
        };
    }
    s.found
}

#[cfg(test)]
#[path = "nesting_tests.rs"]
mod tests;
