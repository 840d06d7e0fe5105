//! Internal links: which destinations point at source files, and where (pure).

/// An internal link split into the source key it points at and its `#fragment`.
#[derive(Debug, PartialEq, Eq)]
pub struct Target {
    /// Source key relative to `content/` (`measures/finance.md`).
    pub key: String,
    /// Fragment without `#`, if any.
    pub fragment: Option<String>,
}

/// Classifies a link destination written in the page at folder `dir` (relative to
/// `content/`). `None`: not an internal link (external, absolute, anchor-only, or a
/// non-Markdown file). `Some(Err)`: an internal link that cannot be resolved.
pub fn classify(dest: &str, dir: &str, languages: &[&str]) -> Option<Result<Target, String>> {
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (dest, None),
    };
    let from_root = path.strip_prefix("@/");
    if from_root.is_none()
        && (path.is_empty() || path.starts_with('/') || has_scheme(path) || !path.ends_with(".md"))
    {
        return None;
    }
    let joined = match from_root {
        Some(rest) => rest.to_string(),
        None if dir.is_empty() => path.to_string(),
        None => format!("{dir}/{path}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Some(Err(format!("link `{dest}` leaves the content folder")));
                }
            }
            s => parts.push(s),
        }
    }
    if joined.ends_with('/') || parts.is_empty() {
        parts.push("_index.md");
    }
    let Some(last) = parts.pop() else {
        return Some(Err(format!("link `{dest}` is empty")));
    };
    if !last.ends_with(".md") {
        return Some(Err(format!(
            "link `{dest}` does not point at a Markdown file"
        )));
    }
    // `finance.mn.md` names the same page as `finance.md`.
    let mut name = last.to_string();
    if let Some(stem) = last.strip_suffix(".md") {
        if let Some((base, lang)) = stem.rsplit_once('.') {
            if languages.contains(&lang) {
                name = format!("{base}.md");
            }
        }
    }
    parts.push(&name);
    Some(Ok(Target {
        key: parts.join("/"),
        fragment,
    }))
}

fn has_scheme(s: &str) -> bool {
    match s.split_once(':') {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(dest: &str, dir: &str) -> Option<Result<Target, String>> {
        classify(dest, dir, &["zh", "mn"])
    }

    fn key(dest: &str, dir: &str) -> String {
        c(dest, dir).unwrap().unwrap().key
    }

    #[test]
    fn external_and_plain_links_are_left_alone() {
        for d in [
            "https://e.org/a.md",
            "mailto:a@b",
            "/abs/a.md",
            "#top",
            "img.png",
            "",
        ] {
            assert!(c(d, "m").is_none(), "{d}");
        }
    }

    #[test]
    fn root_and_relative_links() {
        assert_eq!(key("@/measures/finance.md", "x/y"), "measures/finance.md");
        assert_eq!(key("finance.md", "measures"), "measures/finance.md");
        assert_eq!(
            key("../overview/causes.md", "measures"),
            "overview/causes.md"
        );
        assert_eq!(key("./a.md", ""), "a.md");
        assert_eq!(key("@/overview/", ""), "overview/_index.md");
        assert_eq!(key("@/", ""), "_index.md");
        assert_eq!(key("finance.mn.md", "m"), "m/finance.md");
    }

    #[test]
    fn fragments_are_kept() {
        let t = c("@/a.md#h-1", "").unwrap().unwrap();
        assert_eq!(t.fragment.as_deref(), Some("h-1"));
    }

    #[test]
    fn escaping_the_content_root_is_an_error() {
        assert!(c("../../secret.md", "m").unwrap().is_err());
        assert!(c("@/../a.md", "").unwrap().is_err());
    }
}

/// Root-relative link destinations (`/data/causes/`, `/mn/measures/`) in a
/// Markdown body with their byte offsets: `check` verifies them against the
/// generated site.
pub fn root_relative(body: &str) -> Vec<(String, usize)> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES)
        .into_offset_iter()
        .filter_map(|(e, range)| match e {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if dest_url.starts_with('/') && !dest_url.starts_with("//") =>
            {
                Some((dest_url.to_string(), range.start))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod root_relative_tests {
    use super::*;

    #[test]
    fn finds_root_relative_links_only() {
        let found = root_relative(
            "a [x](/data/t/) [y](https://e.org/) [z](b.md) ![i](/img.png) [w](//cdn/x)",
        );
        let dests: Vec<&str> = found.iter().map(|(d, _)| d.as_str()).collect();
        assert_eq!(dests, ["/data/t/", "/img.png"]);
        assert_eq!(found[0].1, 2);
    }
}
