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
}
