//! `sitemap.xml` and `robots.txt` (pure string builders).

/// A sitemap listing `urls` (absolute), XML-escaped.
pub fn sitemap_xml(urls: &[String]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for u in urls {
        out.push_str("  <url><loc>");
        out.push_str(&escape_xml(u));
        out.push_str("</loc></url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt` allowing everything and naming the sitemap.
pub fn robots_txt(base_url: &str) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {base_url}sitemap.xml\n")
}

/// Escapes text for XML content and attributes.
pub fn escape_xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemap_escapes() {
        let x = sitemap_xml(&["https://e.org/a/?x=1&y=<2>".to_string()]);
        assert!(x.contains("<loc>https://e.org/a/?x=1&amp;y=&lt;2&gt;</loc>"));
    }

    #[test]
    fn robots_names_sitemap_under_base_path() {
        assert!(robots_txt("https://e.org/report/")
            .contains("Sitemap: https://e.org/report/sitemap.xml"));
    }
}
