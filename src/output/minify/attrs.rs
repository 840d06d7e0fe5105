//! Tags and their attributes: read, then written as minify-html writes them
//! (unquoted where the value allows, redundant and empty values left out,
//! whitespace trimmed and collapsed where the attribute ignores it).

use std::borrow::Cow;
use std::ops::Range;

use minify_html_common::gen::attrs::ATTRS;
use minify_html_common::spec::script::JAVASCRIPT_MIME_TYPES;
use minify_html_common::spec::tag::ns::Namespace;

use super::tags::{Kind, Lower};
use super::text::{is_ws, trim};

/// One attribute: its name, and its value as written (entities kept) with
/// the quote it had.
pub(super) struct Attr {
    name: Range<usize>,
    value: Option<(Range<usize>, u8)>,
}

/// An opening tag; its attributes are in the list given to [`parse_tag`].
pub(super) struct Tag {
    pub name: Range<usize>,
    pub self_closing: bool,
    /// The position after `>`.
    pub end: usize,
}

fn name_end(src: &[u8], mut i: usize) -> usize {
    while i < src.len() && !is_ws(src[i]) && !matches!(src[i], b'/' | b'>' | b'=') {
        i += 1;
    }
    i
}

fn skip_ws(src: &[u8], mut i: usize) -> usize {
    while i < src.len() && is_ws(src[i]) {
        i += 1;
    }
    i
}

/// Reads the opening tag at `src[i] == '<'` into a [`Tag`] and `attrs`;
/// `None` when it does not end.
pub(super) fn parse_tag(src: &[u8], i: usize, attrs: &mut Vec<Attr>) -> Option<Tag> {
    attrs.clear();
    let name = i + 1..name_end(src, i + 1);
    let mut j = name.end;
    let mut self_closing = false;
    loop {
        j = skip_ws(src, j);
        match src.get(j)? {
            b'>' => break,
            b'/' => {
                j += 1;
                self_closing = src.get(j) == Some(&b'>');
                continue;
            }
            _ => {}
        }
        self_closing = false;
        let n_end = name_end(src, j + 1);
        let a_name = j..n_end;
        j = skip_ws(src, n_end);
        if src.get(j) != Some(&b'=') {
            attrs.push(Attr {
                name: a_name,
                value: None,
            });
            continue;
        }
        j = skip_ws(src, j + 1);
        let value = match *src.get(j)? {
            q @ (b'"' | b'\'') => {
                let end = j + 1 + memchr::memchr(q, &src[j + 1..])?;
                let v = (j + 1..end, q);
                j = end + 1;
                v
            }
            _ => {
                let start = j;
                while j < src.len() && !is_ws(src[j]) && src[j] != b'>' {
                    j += 1;
                }
                (start..j, 0)
            }
        };
        attrs.push(Attr {
            name: a_name,
            value: Some(value),
        });
    }
    Some(Tag {
        name,
        self_closing,
        end: j + 1,
    })
}

/// An attribute to write: name, value, and whether it needs quotes.
type Written<'a> = (Cow<'a, [u8]>, Cow<'a, [u8]>, bool);

/// Writes the opening tag.
pub(super) fn write_tag(
    out: &mut Vec<u8>,
    src: &[u8],
    tag: &Tag,
    attrs: &[Attr],
    svg: bool,
    kind: Kind,
) {
    let name = &src[tag.name.clone()];
    out.push(b'<');
    // In lower case, as the HTML parser reads it (and restores SVG's
    // `linearGradient` itself).
    out.extend(name.iter().map(u8::to_ascii_lowercase));
    let ns = if svg { Namespace::Svg } else { Namespace::Html };
    let lower = Lower::new(name);
    let tag_key = if svg { name } else { lower.get() };
    let viewport = tag_key == b"meta"
        && attrs.iter().any(|a| {
            src[a.name.clone()].eq_ignore_ascii_case(b"name")
                && a.value
                    .as_ref()
                    .is_some_and(|(v, _)| src[v.clone()].eq_ignore_ascii_case(b"viewport"))
        });
    // Written as minify-html writes them: quoted values first, then the
    // rest, each group by name, so pages compress alike and read the same.
    // Names in lower case, as the HTML parser reads them (it restores SVG's
    // `viewBox` itself).
    let mut written: Vec<Written<'_>> = Vec::with_capacity(attrs.len());
    for a in attrs {
        let a_name = &src[a.name.clone()];
        let a_name: Cow<'_, [u8]> = if a_name.iter().any(u8::is_ascii_uppercase) {
            Cow::Owned(a_name.to_ascii_lowercase())
        } else {
            Cow::Borrowed(a_name)
        };
        let raw: &[u8] = a.value.as_ref().map_or(b"", |(v, _)| &src[v.clone()]);
        let Some(value) = minify_value(ns, tag_key, &a_name, raw, viewport) else {
            continue;
        };
        let quoted = value.iter().any(|&b| is_ws(b) || b"\"'=<>`".contains(&b));
        written.push((a_name, value, quoted));
    }
    written.sort_by(|a, b| (!a.2, &a.0).cmp(&(!b.2, &b.0)));
    for (a_name, value, quoted) in &written {
        out.push(b' ');
        out.extend_from_slice(a_name);
        if value.is_empty() {
            continue;
        }
        out.push(b'=');
        if *quoted {
            // A value holding `"` came in single quotes: it keeps them.
            let q = if value.contains(&b'"') { b'\'' } else { b'"' };
            out.push(q);
            out.extend_from_slice(value);
            out.push(q);
        } else {
            out.extend_from_slice(value);
        }
    }
    if svg && kind == Kind::Void && tag.self_closing {
        if written.iter().any(|w| !w.2) {
            out.push(b' ');
        }
        out.push(b'/');
    }
    out.push(b'>');
}

/// The value to write for attribute `name` (empty: the name alone), or
/// `None` when the attribute says nothing (a default or an empty value that
/// the element ignores).
fn minify_value<'v>(
    ns: Namespace,
    tag: &[u8],
    name: &[u8],
    raw: &'v [u8],
    viewport: bool,
) -> Option<Cow<'v, [u8]>> {
    let lower = Lower::new(name);
    let cfg = ATTRS.get(ns, tag, lower.get());
    let mut v: Cow<'v, [u8]> = Cow::Borrowed(raw);
    if viewport && lower.get() == b"content" {
        if v.iter().any(|&b| is_ws(b)) {
            v = Cow::Owned(v.iter().copied().filter(|&b| !is_ws(b)).collect());
        }
    } else if let Some(c) = cfg {
        if c.trim {
            v = match v {
                Cow::Borrowed(b) => Cow::Borrowed(trim(b)),
                Cow::Owned(o) => Cow::Owned(trim(&o).to_vec()),
            };
        }
        if c.collapse && has_ws_run(&v) {
            let mut o = Vec::with_capacity(v.len());
            super::text::push_spaces_collapsed(&mut o, &v);
            v = Cow::Owned(o);
        }
    }
    if let Some(c) = cfg {
        if c.case_insensitive && v.iter().any(u8::is_ascii_uppercase) {
            v = Cow::Owned(v.to_ascii_lowercase());
        }
        if (v.is_empty() && c.redundant_if_empty) || c.default_value == Some(&v[..]) {
            return None;
        }
        if c.boolean {
            return Some(Cow::Borrowed(b""));
        }
    }
    if let Some(shorter) = super::text::shorter_ampersands(&v) {
        v = Cow::Owned(shorter);
    }
    if tag == b"script" && lower.get() == b"type" && JAVASCRIPT_MIME_TYPES.contains(&v[..]) {
        return None;
    }
    Some(v)
}

/// True when `v` has whitespace other than single spaces.
fn has_ws_run(v: &[u8]) -> bool {
    v.windows(2).any(|w| is_ws(w[0]) && is_ws(w[1])) || v.iter().any(|&b| is_ws(b) && b != b' ')
}
