//! Atom feeds (pure).

use super::escape::escape_xml;

/// One entry of a feed.
pub struct FeedEntry {
    /// Title.
    pub title: String,
    /// Absolute URL.
    pub url: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Plain-text summary.
    pub summary: String,
    /// Language tag of the entry's text.
    pub lang: String,
}

/// An Atom feed of `entries` (already ordered, newest first).
pub fn atom(
    title: &str,
    feed_url: &str,
    site_url: &str,
    lang: &str,
    entries: &[FeedEntry],
) -> String {
    let stamp = |d: &str| format!("{}T00:00:00Z", d.get(..10).unwrap_or("1970-01-01"));
    let updated = entries
        .iter()
        .map(|e| e.date.as_str())
        .max()
        .map_or_else(|| stamp(""), stamp);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n<title>{}</title>\n<link href=\"{}\" rel=\"self\"/>\n<link href=\"{}\"/>\n<id>{}</id>\n<updated>{updated}</updated>\n<generator>bichig</generator>\n",
        escape_xml(lang),
        escape_xml(title),
        escape_xml(feed_url),
        escape_xml(site_url),
        escape_xml(feed_url),
    );
    for e in entries {
        out.push_str(&format!(
            "<entry xml:lang=\"{}\">\n<title>{}</title>\n<link href=\"{}\"/>\n<id>{}</id>\n<updated>{}</updated>\n<summary>{}</summary>\n</entry>\n",
            escape_xml(&e.lang),
            escape_xml(&e.title),
            escape_xml(&e.url),
            escape_xml(&e.url),
            stamp(&e.date),
            escape_xml(&e.summary),
        ));
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_is_escaped_and_dated() {
        let e = FeedEntry {
            title: "金融 <script>&".into(),
            url: "https://e.org/a/".into(),
            date: "2017-10-17".into(),
            summary: "\"x\"".into(),
            lang: "zh-Hans".into(),
        };
        let xml = atom(
            "T",
            "https://e.org/atom.xml",
            "https://e.org/",
            "zh-Hans",
            &[e],
        );
        assert!(xml.contains("<title>金融 &lt;script&gt;&amp;</title>"));
        assert!(xml.contains("<updated>2017-10-17T00:00:00Z</updated>"));
        assert!(xml.contains("<summary>&quot;x&quot;</summary>"));
        assert!(!xml.contains("<script>"));
    }
}
