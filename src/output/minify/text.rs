//! Text: whitespace collapsing and shorter spellings of the entities the
//! escaper writes (`&quot;` is `"` outside attributes).

/// ASCII whitespace as HTML (and minify-html) defines it.
pub(super) fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

pub(super) fn trim_start(t: &[u8]) -> &[u8] {
    let n = t.iter().take_while(|&&b| is_ws(b)).count();
    &t[n..]
}

pub(super) fn trim(t: &[u8]) -> &[u8] {
    let t = trim_start(t);
    let n = t.iter().rev().take_while(|&&b| is_ws(b)).count();
    &t[..t.len() - n]
}

/// Appends `t` with every run of whitespace as one space.
pub(super) fn push_collapsed(out: &mut Vec<u8>, t: &[u8]) {
    let mut i = 0;
    while i < t.len() {
        let run = t[i..]
            .iter()
            .position(|&b| is_ws(b) || b == b'&' || b == b'<')
            .map_or(t.len(), |k| i + k);
        out.extend_from_slice(&t[i..run]);
        i = run;
        if i >= t.len() {
            break;
        }
        if t[i] == b'&' {
            i = push_entity(out, t, i);
        } else if t[i] == b'<' {
            // Text only holds a `<` that starts no tag; escaped all the same.
            out.extend_from_slice(b"&lt;");
            i += 1;
        } else {
            out.push(b' ');
            while i < t.len() && is_ws(t[i]) {
                i += 1;
            }
        }
    }
}

/// Appends `t` as it is but for shorter entities.
pub(super) fn push_entities(out: &mut Vec<u8>, t: &[u8]) {
    let mut i = 0;
    while let Some(k) = memchr::memchr2(b'&', b'<', &t[i..]) {
        out.extend_from_slice(&t[i..i + k]);
        if t[i + k] == b'<' {
            out.extend_from_slice(b"&lt;");
            i += k + 1;
        } else {
            i = push_entity(out, t, i + k);
        }
    }
    out.extend_from_slice(&t[i..]);
}

/// The entities the minifier writes as their characters, and those
/// characters: the first [`SHORTER`] need no escape anywhere in text; `<` and
/// `&` only in title and textarea text, and not everywhere there.
const DECODED: [(&[u8], u8); 10] = [
    (b"&quot;", b'"'),
    (b"&#34;", b'"'),
    (b"&#39;", b'\''),
    (b"&apos;", b'\''),
    (b"&gt;", b'>'),
    (b"&#62;", b'>'),
    (b"&lt;", b'<'),
    (b"&#60;", b'<'),
    (b"&amp;", b'&'),
    (b"&#38;", b'&'),
];

/// How many of [`DECODED`] text writes as characters wherever it is.
const SHORTER: usize = 6;

/// Writes the entity (or lone `&`) at `t[i]`; returns the position after it.
fn push_entity(out: &mut Vec<u8>, t: &[u8], i: usize) -> usize {
    let rest = &t[i..];
    for &(entity, c) in &DECODED[..SHORTER] {
        if rest.starts_with(entity) {
            out.push(c);
            return i + entity.len();
        }
    }
    if rest.starts_with(b"&amp;") && bare_ampersand_ok(&rest[5..]) {
        out.push(b'&');
        return i + 5;
    }
    out.push(b'&');
    i + 1
}

/// True when a bare `&` followed by `after` starts no character reference,
/// so `&amp;` can be written `&`.
pub(super) fn bare_ampersand_ok(after: &[u8]) -> bool {
    use minify_html_common::gen::entities::ENTITY;
    use minify_html_common::pattern::TrieNodeMatch;
    if after.first().is_some_and(|&c| c == b'#') {
        return false;
    }
    // The longest entity name is 32 bytes.
    let mut buf = [0u8; 40];
    buf[0] = b'&';
    let n = after.len().min(buf.len() - 1);
    buf[1..=n].copy_from_slice(&after[..n]);
    matches!(
        ENTITY.longest_matching_prefix(&buf[..=n]),
        TrieNodeMatch::NotFound { .. }
    )
}

/// `v` (an attribute value as written) with `&amp;` as `&` where that is
/// unambiguous.
pub(super) fn shorter_ampersands(v: &[u8]) -> Option<Vec<u8>> {
    memchr::memchr(b'&', v)?;
    let finder = memchr::memmem::Finder::new(b"&amp;");
    let mut at = finder.find(v)?;
    let mut out = Vec::with_capacity(v.len());
    let mut from = 0;
    loop {
        if bare_ampersand_ok(&v[at + 5..]) {
            out.extend_from_slice(&v[from..at + 1]);
            from = at + 5;
        }
        match finder.find(&v[at + 5..]) {
            Some(k) => at = at + 5 + k,
            None => break,
        }
    }
    out.extend_from_slice(&v[from..]);
    Some(out)
}

/// Appends `t` with every run of whitespace as one space (entities as they
/// are: for attribute values).
pub(super) fn push_spaces_collapsed(out: &mut Vec<u8>, t: &[u8]) {
    let mut in_ws = false;
    for &b in t {
        if is_ws(b) {
            if !in_ws {
                out.push(b' ');
            }
            in_ws = true;
        } else {
            out.push(b);
            in_ws = false;
        }
    }
}

/// Appends the text of `<title>` or `<textarea>` (`name`), whose entities
/// the browser decodes but whose `<` starts no tag: `&lt;` is `<` there but
/// before the element's own closing tag, `&amp;` is `&` where unambiguous.
pub(super) fn push_rcdata(out: &mut Vec<u8>, t: &[u8], name: &[u8]) {
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'&', &t[i..]) {
        out.extend_from_slice(&t[i..i + k]);
        i += k;
        let rest = &t[i..];
        let Some((entity, c)) = DECODED.iter().find(|(e, _)| rest.starts_with(e)) else {
            out.push(b'&');
            i += 1;
            continue;
        };
        let after = &rest[entity.len()..];
        let closes = after.first() == Some(&b'/')
            && after.len() > name.len()
            && after[1..=name.len()].eq_ignore_ascii_case(name);
        match c {
            b'&' if !bare_ampersand_ok(after) => out.extend_from_slice(b"&amp;"),
            b'<' if closes => out.extend_from_slice(b"&lt;"),
            _ => out.push(*c),
        }
        i += entity.len();
    }
    out.extend_from_slice(&t[i..]);
}
