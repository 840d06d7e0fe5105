//! `sitemap.xml` and `robots.txt` (pure string builders).

use super::escape::escape_xml;

/// A page of the sitemap with its language alternates (`hreflang`, URL).
pub struct SitemapUrl {
    /// Absolute URL.
    pub loc: String,
    /// The same page in every language, `x-default` included (empty when the
    /// page exists in one language only).
    pub alternates: Vec<(String, String)>,
}

/// A sitemap listing `urls` with `xhtml:link` hreflang alternates, XML-escaped.
pub fn sitemap_xml(urls: &[SitemapUrl]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    for u in urls {
        out.push_str("  <url><loc>");
        out.push_str(&escape_xml(&u.loc));
        out.push_str("</loc>");
        for (lang, href) in &u.alternates {
            out.push_str("<xhtml:link rel=\"alternate\" hreflang=\"");
            out.push_str(&escape_xml(lang));
            out.push_str("\" href=\"");
            out.push_str(&escape_xml(href));
            out.push_str("\"/>");
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt` allowing everything and naming the sitemap (its absolute URL).
pub fn robots_txt(sitemap_url: &str) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {sitemap_url}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemap_escapes() {
        let x = sitemap_xml(&[SitemapUrl {
            loc: "https://e.org/a/?x=1&y=<2>".to_string(),
            alternates: vec![("mn-Mong".into(), "https://e.org/mn/a/".into())],
        }]);
        assert!(x.contains("<loc>https://e.org/a/?x=1&amp;y=&lt;2&gt;</loc>"));
        assert!(x.contains(
            "<xhtml:link rel=\"alternate\" hreflang=\"mn-Mong\" href=\"https://e.org/mn/a/\"/>"
        ));
    }

    #[test]
    fn robots_names_the_sitemap() {
        assert_eq!(
            robots_txt("https://e.org/report/sitemap.xml"),
            "User-agent: *\nAllow: /\nSitemap: https://e.org/report/sitemap.xml\n"
        );
    }
}
