//! Heading ids: readable for ASCII headings, stable hashes for CJK and Mongolian.

use std::collections::HashSet;

use crate::hash::fnv1a;

/// An id for a heading: an ASCII slug when the heading is plain ASCII, otherwise
/// `h-` and a hash of the text, so ids are ASCII-safe, stable across builds and
/// never romanise. Ids already in `used` get a `-2`, `-3`… suffix.
pub fn heading_id(text: &str, used: &mut HashSet<String>) -> String {
    let base = match crate::slug::from_ascii(text.trim()) {
        Some(s) if text.is_ascii() => s,
        _ => format!("h-{:08x}", fnv1a(text.trim().as_bytes()) as u32),
    };
    let mut id = base.clone();
    let mut n = 2;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_headings_get_slugs() {
        let mut used = HashSet::new();
        assert_eq!(heading_id("Key Figures", &mut used), "key-figures");
        assert_eq!(heading_id("Key Figures", &mut used), "key-figures-2");
    }

    #[test]
    fn cjk_headings_get_stable_ascii_ids() {
        let mut used = HashSet::new();
        let a = heading_id("公示", &mut used);
        let b = heading_id("公式", &mut used);
        assert!(a.starts_with("h-") && a.is_ascii() && a.len() == 10);
        assert_ne!(a, b);
        assert_eq!(heading_id("公示", &mut HashSet::new()), a, "stable");
    }
}
