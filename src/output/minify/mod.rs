//! HTML minification in one streaming pass over the page, keeping closing tags
//! and every character of the text (Mongolian joiners included: only ASCII
//! whitespace is collapsed).
//!
//! The rules are minify-html's own (its tables from `minify-html-common`:
//! which elements collapse, trim or drop whitespace-only text, which
//! attributes are redundant, boolean or collapsible), applied without building
//! a tree: a stack of open elements is all the context they need. minify-html
//! itself builds and walks a tree per page, which at 20,000 pages cost more
//! than rendering them; the tests check that minify-html, run over this
//! output, gives exactly what it gives for the input, and that this output is
//! no larger.
//!
//! Nothing recurses, so nesting depth costs only the stack's memory. Input the
//! scanner cannot read as HTML (an unclosed quote, a tag without `>`) is
//! copied as it is from there on: less compact, never different.

mod attrs;
mod tags;
mod text;

use memchr::memchr;

use tags::{Frame, Kind};

/// Minifies one HTML document (UTF-8 text, or its bytes).
pub fn minify_html<H: AsRef<[u8]> + ?Sized>(html: &H) -> Vec<u8> {
    let html = html.as_ref();
    let mut m = Minifier {
        src: html,
        out: Vec::with_capacity(html.len()),
        stack: vec![Frame::root()],
        attrs: Vec::new(),
    };
    m.run();
    m.out
}

struct Minifier<'a> {
    src: &'a [u8],
    out: Vec<u8>,
    stack: Vec<Frame<'a>>,
    /// The attributes of the tag being read (kept to reuse its memory).
    attrs: Vec<attrs::Attr>,
}

impl<'a> Minifier<'a> {
    fn run(&mut self) {
        let src = self.src;
        let mut i = 0;
        while i < src.len() {
            let end = next_markup(src, i);
            if end > i {
                self.text(&src[i..end]);
            }
            if end >= src.len() {
                break;
            }
            match self.markup(end) {
                Some(next) => i = next,
                None => {
                    // Unreadable from here: keep the rest as it is.
                    self.out.extend_from_slice(&src[end..]);
                    return;
                }
            }
        }
    }

    fn top(&mut self) -> &mut Frame<'a> {
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    /// A text node (the whole run between two pieces of markup).
    fn text(&mut self, t: &[u8]) {
        let start = self.out.len();
        let f = self.top();
        let ws = f.ws;
        let first = !f.seen;
        f.seen = true;
        f.last_text = true;
        f.text_start = start;
        if !ws.collapse {
            text::push_entities(&mut self.out, t);
            return;
        }
        let t = if first && ws.trim {
            text::trim_start(t)
        } else {
            t
        };
        if ws.destroy_whole && t.iter().all(|&b| text::is_ws(b)) {
            return;
        }
        text::push_collapsed(&mut self.out, t);
    }

    /// The markup starting at `i` (a `<` that opens a tag, comment or
    /// declaration); the position after it, or `None` if it does not end.
    fn markup(&mut self, i: usize) -> Option<usize> {
        let src = self.src;
        let rest = &src[i..];
        if rest.starts_with(b"<!--") {
            let end = memchr::memmem::find(&rest[4..], b"-->")?;
            return Some(i + 4 + end + 3);
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            let end = memchr(b'>', rest)?;
            let decl = &rest[..=end];
            if is_html_doctype(decl) {
                self.out.extend_from_slice(b"<!doctype html>");
            } else {
                self.out.extend_from_slice(decl);
            }
            return Some(i + end + 1);
        }
        if rest.starts_with(b"</") {
            return self.closing(i);
        }
        self.opening(i)
    }

    fn opening(&mut self, i: usize) -> Option<usize> {
        let src = self.src;
        let parent_svg = self.top().svg;
        let parent_pre = self.top().pre;
        let tag = attrs::parse_tag(src, i, &mut self.attrs)?;
        let name: &'a [u8] = &src[tag.name.clone()];
        let svg = parent_svg || name.eq_ignore_ascii_case(b"svg");
        let kind = tags::kind(name, svg, tag.self_closing);
        attrs::write_tag(&mut self.out, src, &tag, &self.attrs, svg, kind);
        let f = self.top();
        f.seen = true;
        f.last_text = false;
        let mut next = tag.end;
        match kind {
            Kind::Void => {}
            Kind::Raw => {
                // Script and style: their text is copied as it is, up to the
                // closing tag (which `closing` writes); title and textarea
                // decode what needs no escape there.
                let close = tags::find_close(src, next, name)?;
                let text = &src[next..close];
                if name.eq_ignore_ascii_case(b"title") || name.eq_ignore_ascii_case(b"textarea") {
                    text::push_rcdata(&mut self.out, text, name);
                } else {
                    self.out.extend_from_slice(text);
                }
                next = close;
                self.stack.push(Frame::raw(name));
            }
            Kind::Element => self.stack.push(Frame::new(name, svg, parent_pre)),
        }
        Some(next)
    }

    fn closing(&mut self, i: usize) -> Option<usize> {
        let src = self.src;
        let end = i + memchr(b'>', &src[i..])?;
        let name = text::trim(&src[i + 2..end]);
        let open = self
            .stack
            .iter()
            .rposition(|f| !f.name.is_empty() && f.name.eq_ignore_ascii_case(name));
        let Some(at) = open else {
            // A closing tag without its opening one: written as it is.
            self.out.extend_from_slice(&src[i..=end]);
            return Some(end + 1);
        };
        // Elements the input left open inside it end with it.
        self.stack.truncate(at + 1);
        let f = self.top();
        if f.ws.trim && f.last_text {
            let from = f.text_start;
            while self.out.len() > from && self.out.last().is_some_and(|&b| text::is_ws(b)) {
                self.out.pop();
            }
        }
        self.stack.pop();
        self.out.extend_from_slice(b"</");
        self.out.extend(name.iter().map(u8::to_ascii_lowercase));
        self.out.push(b'>');
        Some(end + 1)
    }
}

/// The position of the next `<` from `i` that starts markup (a tag, comment,
/// declaration or processing instruction), or the end: a `<` before anything
/// else is text.
fn next_markup(src: &[u8], mut i: usize) -> usize {
    while let Some(k) = memchr(b'<', &src[i..]) {
        let at = i + k;
        match src.get(at + 1) {
            Some(c) if c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?') => return at,
            Some(_) => i = at + 1,
            None => return src.len(),
        }
    }
    src.len()
}

fn is_html_doctype(decl: &[u8]) -> bool {
    let inner = &decl[2..decl.len() - 1];
    inner.len() > 7
        && inner[..7].eq_ignore_ascii_case(b"doctype")
        && text::trim(&inner[7..]).eq_ignore_ascii_case(b"html")
}

#[cfg(test)]
mod tests;
