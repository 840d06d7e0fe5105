//! URL rules, in one place: the base URL and path, the language prefix, and
//! the path of every kind of page. Nothing outside `resolve` assembles a URL.

/// Where one output page or file lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Root-relative URL including the base path (`/report/mn/data/`).
    pub url: String,
    /// Absolute URL (`https://example.org/report/mn/data/`).
    pub permalink: String,
    /// Output file relative to the output folder (`mn/data/index.html`).
    pub out_path: String,
}

/// The base URL and path of the site.
#[derive(Debug, Clone)]
pub struct Urls {
    base_url: String,
    base_path: String,
}

impl Urls {
    /// From `base_url` (absolute, ending in `/`) and its path (`/` or `/report/`).
    pub fn new(base_url: &str, base_path: &str) -> Self {
        Urls {
            base_url: base_url.to_string(),
            base_path: base_path.to_string(),
        }
    }

    /// The output-path prefix of language `code`: `""` for the default
    /// language, `"<code>/"` for the others.
    pub fn lang_prefix(code: &str, is_default: bool) -> String {
        if is_default {
            String::new()
        } else {
            format!("{code}/")
        }
    }

    /// The page whose folder is `dir` (relative to the output root, ending in
    /// `/` or empty): `index.html` inside it.
    pub fn page(&self, dir: &str) -> Target {
        Target {
            url: format!("{}{dir}", self.base_path),
            permalink: self.absolute(dir),
            out_path: format!("{dir}index.html"),
        }
    }

    /// A file at `path` relative to the output root (`mn/atom.xml`).
    pub fn file(&self, path: &str) -> Target {
        Target {
            url: format!("{}{path}", self.base_path),
            permalink: self.absolute(path),
            out_path: path.to_string(),
        }
    }

    /// Absolute URL of `path`, relative to the output root.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// Absolute URL of `path` with each path segment percent-encoded as
    /// RFC 3986 asks (`/` kept): ASCII only, for the sitemap, whose readers
    /// take URIs, not the IRIs HTML links may be.
    pub fn absolute_ascii(&self, path: &str) -> String {
        format!("{}{}", self.base_url, encode_path(path))
    }

    /// Root-relative URL of a theme or site static file (`js/search.js`).
    pub fn asset(&self, path: &str) -> String {
        format!("{}{path}", self.base_path)
    }

    /// The absolute base URL, ending in `/`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The base path, `/` or `/report/`.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }
}

/// What a path segment may hold unencoded (RFC 3986 `pchar`: unreserved,
/// sub-delims, `:` and `@`); everything else, `%` and non-ASCII included, is
/// percent-encoded.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b':')
    .remove(b'@');

/// `path` with each `/`-separated segment percent-encoded (UTF-8 bytes).
pub fn encode_path(path: &str) -> String {
    path.split('/')
        .map(|seg| percent_encoding::utf8_percent_encode(seg, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// Listing page `n` (1-based) of the listing at `first`: the first is the listing
/// itself, the others are under `page/N/`.
pub fn listing_page(urls: &Urls, first: &Target, n: usize) -> Target {
    if n <= 1 {
        return first.clone();
    }
    let dir = first.out_path.trim_end_matches("index.html");
    urls.page(&format!("{dir}page/{n}/"))
}

/// The listing pages of a list of `len` items, `per` to a page (one page when
/// `per` is `None` or the list fits).
pub fn listing_pages(urls: &Urls, first: &Target, len: usize, per: Option<usize>) -> Vec<Target> {
    let total = match per {
        Some(p) if p > 0 && len > p => len.div_ceil(p),
        _ => 1,
    };
    (1..=total).map(|n| listing_page(urls, first, n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_files_and_listings() {
        let u = Urls::new("https://e.org/r/", "/r/");
        let t = u.page("mn/m/");
        assert_eq!(t.url, "/r/mn/m/");
        assert_eq!(t.permalink, "https://e.org/r/mn/m/");
        assert_eq!(t.out_path, "mn/m/index.html");
        assert_eq!(u.file("atom.xml").url, "/r/atom.xml");
        assert_eq!(listing_page(&u, &t, 1), t);
        let p3 = listing_page(&u, &t, 3);
        assert_eq!(p3.url, "/r/mn/m/page/3/");
        assert_eq!(p3.out_path, "mn/m/page/3/index.html");
        assert_eq!(listing_pages(&u, &t, 41, Some(20)).len(), 3);
        assert_eq!(listing_pages(&u, &t, 40, Some(20)).len(), 2);
        assert_eq!(listing_pages(&u, &t, 40, None).len(), 1);
        assert_eq!(listing_pages(&u, &t, 0, Some(20)).len(), 1);
        assert_eq!(Urls::lang_prefix("mn", false), "mn/");
        assert_eq!(Urls::lang_prefix("zh", true), "");
    }

    #[test]
    fn encoded_paths_are_ascii_and_decode_back() {
        let path = "mn/tags/ᠠᠮᠢᠳᠤᠷᠠᠯ\u{202F}ᠤᠨ-x/金融 a%b/";
        let enc = encode_path(path);
        assert!(enc.is_ascii(), "{enc}");
        assert!(enc.starts_with("mn/tags/%E1%A0%A0"), "{enc}");
        assert!(enc.contains("%E2%80%AF"), "U+202F encoded: {enc}");
        assert!(enc.contains("%20a%25b/"), "{enc}");
        let back = percent_encoding::percent_decode_str(&enc)
            .decode_utf8()
            .unwrap();
        assert_eq!(back, path);
        let u = Urls::new("https://e.org/r/", "/r/");
        assert_eq!(
            u.absolute_ascii("data/a_b-c.d~/"),
            "https://e.org/r/data/a_b-c.d~/"
        );
    }
}
