//! URL segments: taken from `slug:` or an ASCII file stem, never romanised.

/// True when `s` is a usable URL segment: lowercase ASCII letters, digits, `-`, `_`,
/// not starting or ending with `-`/`_`.
pub fn is_valid(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !s.starts_with(['-', '_'])
        && !s.ends_with(['-', '_'])
}

/// Makes a slug of an ASCII name (`My Page` → `my-page`); `None` when the name has
/// non-ASCII characters (a Chinese or Mongolian name needs an explicit `slug:`:
/// romanising would make 公示 and 公式 collide) or nothing usable.
pub fn from_ascii(name: &str) -> Option<String> {
    if !name.is_ascii() {
        return None;
    }
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches(['-', '_']).to_string();
    is_valid(&out).then_some(out)
}

/// The output file of an alias (`/old/page/` → `old/page/index.html`,
/// `/old.html` → `old.html`), or why it is refused. An alias may use any
/// characters a file name can hold, but can never leave the output folder:
/// `.`/`..` segments, backslashes, control characters, `%`-escapes, queries and
/// fragments are refused.
pub fn alias_path(alias: &str) -> Result<String, String> {
    let Some(rest) = alias.strip_prefix('/') else {
        return Err("must start with `/`".into());
    };
    if rest.starts_with('/') {
        return Err("`//` would name another host".into());
    }
    if let Some(c) = rest
        .chars()
        .find(|&c| c.is_control() || matches!(c, '\\' | '%' | '?' | '#' | ':'))
    {
        return Err(format!(
            "`{}` is not allowed in an alias",
            c.escape_default()
        ));
    }
    let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    if segments
        .iter()
        .any(|s| *s == "." || *s == ".." || s.trim() != *s)
    {
        return Err("`.` and `..` segments and surrounding spaces are not allowed".into());
    }
    let joined = segments.join("/");
    if joined.ends_with(".html") && !rest.ends_with('/') {
        Ok(joined)
    } else if joined.is_empty() {
        Ok("index.html".into())
    } else {
        Ok(format!("{joined}/index.html"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_stay_inside() {
        assert_eq!(
            alias_path("/old/page/").as_deref(),
            Ok("old/page/index.html")
        );
        assert_eq!(
            alias_path("/old/page").as_deref(),
            Ok("old/page/index.html")
        );
        assert_eq!(alias_path("/a.html").as_deref(), Ok("a.html"));
        assert_eq!(alias_path("/旧/页").as_deref(), Ok("旧/页/index.html"));
        for bad in [
            "old",
            "//evil.org/x",
            "/../x",
            "/a/../../x",
            "/a/./b",
            "/a\\..\\b",
            "/%2e%2e/x",
            "/a?b",
            "/a#b",
            "/a\0b",
            "/a/\n/b",
            "/C:/x",
            "/ ../x",
        ] {
            assert!(alias_path(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn validity() {
        for ok in ["finance", "key-projects", "a_b", "2017", "x1"] {
            assert!(is_valid(ok), "{ok}");
        }
        for bad in [
            "", "Finance", "a/b", "..", "-a", "a-", "金融", "a b", "a.b", "%2e",
        ] {
            assert!(!is_valid(bad), "{bad}");
        }
    }

    #[test]
    fn ascii_names_become_slugs() {
        assert_eq!(from_ascii("finance").as_deref(), Some("finance"));
        assert_eq!(from_ascii("My Page 2").as_deref(), Some("my-page-2"));
        assert_eq!(from_ascii("a..b").as_deref(), Some("a-b"));
    }

    #[test]
    fn mongolian_controls_are_never_slugified_away() {
        // A name with joiners is refused as a whole, never "cleaned" into a slug.
        for name in [
            "ᠭᠠᠵᠠᠷ\u{180B}",
            "a\u{202F}b",
            "a\u{200C}b",
            "a\u{180E}b",
            "a\u{200D}",
        ] {
            assert_eq!(from_ascii(name), None, "{name:?}");
            assert!(!is_valid(name));
        }
    }

    #[test]
    fn non_ascii_or_empty_names_are_refused() {
        assert_eq!(from_ascii("公示"), None);
        assert_eq!(from_ascii("公式"), None);
        assert_eq!(from_ascii("ᠪᠢᠴᠢᠭ"), None);
        assert_eq!(from_ascii("..."), None);
    }
}
