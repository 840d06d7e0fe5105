//! What the minifier needs to know of an element: whether it has content, is
//! raw text, and how its text children treat whitespace (minify-html's tables).

use minify_html_common::spec::tag::ns::Namespace;
use minify_html_common::spec::tag::void::VOID_TAGS;
use minify_html_common::spec::tag::whitespace::get_whitespace_minification_for_tag;

/// How an element's own text children treat whitespace.
#[derive(Clone, Copy)]
pub(super) struct Ws {
    /// Runs of whitespace become one space.
    pub collapse: bool,
    /// Whitespace-only text disappears.
    pub destroy_whole: bool,
    /// The first child, if text, loses leading whitespace; the last, trailing.
    pub trim: bool,
}

/// An open element.
pub(super) struct Frame<'a> {
    /// Tag name as written (empty for the document itself).
    pub name: &'a [u8],
    pub ws: Ws,
    /// In the SVG namespace.
    pub svg: bool,
    /// Inside `<pre>`: children keep their whitespace too.
    pub pre: bool,
    /// A text or element child has been seen.
    pub seen: bool,
    /// The last child seen is text, written from `text_start` in the output.
    pub last_text: bool,
    pub text_start: usize,
}

impl<'a> Frame<'a> {
    /// The document.
    pub fn root() -> Self {
        Self::with(b"", ws_of(Namespace::Html, b"", false), false, false)
    }

    /// An element of content; `parent_pre`: its parent is inside `<pre>`.
    pub fn new(name: &'a [u8], svg: bool, parent_pre: bool) -> Self {
        let lower = Lower::new(name);
        let pre = parent_pre || (!svg && lower.get() == b"pre");
        let ns = if svg { Namespace::Svg } else { Namespace::Html };
        // SVG names are case-sensitive (`linearGradient`), HTML ones are not.
        let key = if svg { name } else { lower.get() };
        Self::with(name, ws_of(ns, key, pre), svg, pre)
    }

    /// A raw-text element (script, style, textarea, title).
    pub fn raw(name: &'a [u8]) -> Self {
        let keep = Ws {
            collapse: false,
            destroy_whole: false,
            trim: false,
        };
        Self::with(name, keep, false, false)
    }

    fn with(name: &'a [u8], ws: Ws, svg: bool, pre: bool) -> Self {
        Frame {
            name,
            ws,
            svg,
            pre,
            seen: false,
            last_text: false,
            text_start: 0,
        }
    }
}

fn ws_of(ns: Namespace, name: &[u8], pre: bool) -> Ws {
    let w = get_whitespace_minification_for_tag(ns, name, pre);
    Ws {
        collapse: w.collapse,
        destroy_whole: w.destroy_whole,
        trim: w.trim,
    }
}

/// What follows an opening tag.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
    /// Nothing: a void element, or a self-closed SVG one.
    Void,
    /// Text copied as it is up to the closing tag.
    Raw,
    /// Children, then a closing tag.
    Element,
}

/// The kind of an element named `name`.
pub(super) fn kind(name: &[u8], svg: bool, self_closing: bool) -> Kind {
    if svg {
        return if self_closing {
            Kind::Void
        } else {
            Kind::Element
        };
    }
    let lower = Lower::new(name);
    let n = lower.get();
    if VOID_TAGS.contains(n) {
        Kind::Void
    } else if matches!(n, b"script" | b"style" | b"textarea" | b"title") {
        Kind::Raw
    } else {
        Kind::Element
    }
}

/// Where the closing tag of raw-text element `name` starts, from `from`.
pub(super) fn find_close(src: &[u8], mut from: usize, name: &[u8]) -> Option<usize> {
    while let Some(k) = memchr::memchr(b'<', &src[from..]) {
        let at = from + k;
        if src.get(at + 1) != Some(&b'/') {
            from = at + 1;
            continue;
        }
        let after = at + 2 + name.len();
        if src.len() >= after
            && src[at + 2..after].eq_ignore_ascii_case(name)
            && src
                .get(after)
                .is_none_or(|&c| c == b'>' || c == b'/' || super::text::is_ws(c))
        {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// A tag name in ASCII lower case, without allocating for the usual short,
/// already lower-case names.
pub(super) struct Lower<'a> {
    name: &'a [u8],
    buf: [u8; 16],
    owned: bool,
}

impl<'a> Lower<'a> {
    pub fn new(name: &'a [u8]) -> Self {
        let mut l = Lower {
            name,
            buf: [0; 16],
            owned: false,
        };
        if name.len() <= 16 && name.iter().any(u8::is_ascii_uppercase) {
            l.buf[..name.len()].copy_from_slice(name);
            l.buf[..name.len()].make_ascii_lowercase();
            l.owned = true;
        }
        l
    }

    pub fn get(&self) -> &[u8] {
        if self.owned {
            &self.buf[..self.name.len()]
        } else {
            self.name
        }
    }
}
