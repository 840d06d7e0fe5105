//! Atom feeds (pure).

use super::escape::escape_xml;
use crate::content::date::Date;

/// One entry of a feed.
pub struct FeedEntry {
    /// Title.
    pub title: String,
    /// Absolute URL.
    pub url: String,
    /// `<id>`: the permanent id (the page's URL; a correction's anchor on the
    /// corrections page).
    pub id: String,
    /// Publication day.
    pub date: Date,
    /// Day of the last significant change (a correction), when after `date`:
    /// then `date` is written as `<published>`.
    pub updated: Option<Date>,
    /// Plain-text summary.
    pub summary: String,
    /// The summary as HTML, when it needs markup (Chinese names inside a
    /// Mongolian summary keep their language there).
    pub summary_html: Option<String>,
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
    // RFC 3339 at midnight UTC: pages are dated by day.
    let stamp = |d: Date| format!("{d}T00:00:00Z");
    let updated = entries
        .iter()
        .map(|e| e.updated.unwrap_or(e.date))
        .max()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), stamp);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n<title>{}</title>\n<link href=\"{}\" rel=\"self\"/>\n<link href=\"{}\"/>\n<id>{}</id>\n<updated>{updated}</updated>\n<generator>bichig</generator>\n",
        escape_xml(lang),
        escape_xml(title),
        escape_xml(feed_url),
        escape_xml(site_url),
        escape_xml(feed_url),
    );
    for e in entries {
        let summary = match &e.summary_html {
            Some(html) => format!("<summary type=\"html\">{}</summary>", escape_xml(html)),
            None => format!("<summary>{}</summary>", escape_xml(&e.summary)),
        };
        let dates = match e.updated {
            Some(u) => format!(
                "<published>{}</published>\n<updated>{}</updated>",
                stamp(e.date),
                stamp(u)
            ),
            None => format!("<updated>{}</updated>", stamp(e.date)),
        };
        out.push_str(&format!(
            "<entry xml:lang=\"{}\">\n<title>{}</title>\n<link href=\"{}\"/>\n<id>{}</id>\n{dates}\n{summary}\n</entry>\n",
            escape_xml(&e.lang),
            escape_xml(&e.title),
            escape_xml(&e.url),
            escape_xml(&e.id),
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
            id: "https://e.org/a/".into(),
            updated: None,
            date: crate::content::SourceDate::parse("2017-10-17")
                .unwrap()
                .date(),
            summary: "\"x\"".into(),
            summary_html: None,
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

    #[test]
    fn a_summary_with_markup_is_html_escaped_once() {
        let e = FeedEntry {
            title: "t".into(),
            url: "https://e.org/mn/a/".into(),
            id: "https://e.org/mn/a/".into(),
            updated: None,
            date: crate::content::SourceDate::parse("2017-10-17")
                .unwrap()
                .date(),
            summary: "ᠪᠠᠩᠺ 农业银行".into(),
            summary_html: Some("ᠪᠠᠩᠺ <span lang=zh-Hans>农业银行</span>".into()),
            lang: "mn-Mong".into(),
        };
        let xml = atom("T", "f", "s", "mn-Mong", &[e]);
        assert!(
            xml.contains("<summary type=\"html\">ᠪᠠᠩᠺ &lt;span lang=zh-Hans&gt;农业银行&lt;/span&gt;</summary>"),
            "{xml}"
        );
    }

    #[test]
    fn feed_is_updated_on_its_newest_day() {
        let entry = |url: &str, date: &str| FeedEntry {
            title: "t".into(),
            url: url.into(),
            id: url.into(),
            updated: None,
            date: crate::content::SourceDate::parse(date).unwrap().date(),
            summary: String::new(),
            summary_html: None,
            lang: "zh-Hans".into(),
        };
        let entries = [
            entry("https://e.org/a/", "2015-12-31"),
            entry("https://e.org/b/", "2016-02-29"),
            entry("https://e.org/c/", "2016-01-05"),
        ];
        let xml = atom("T", "f", "s", "zh-Hans", &entries);
        assert!(xml.contains("<id>f</id>\n<updated>2016-02-29T00:00:00Z</updated>"));
        assert!(xml.contains("<id>https://e.org/a/</id>\n<updated>2015-12-31T00:00:00Z</updated>"));
        let mut corrected = entry("https://e.org/d/", "2015-01-01");
        corrected.updated = Some(
            crate::content::SourceDate::parse("2016-03-01")
                .unwrap()
                .date(),
        );
        let xml = atom("T", "f", "s", "zh-Hans", &[corrected]);
        assert!(xml.contains("<updated>2016-03-01T00:00:00Z</updated>\n<generator>"));
        assert!(xml.contains(
            "<published>2015-01-01T00:00:00Z</published>\n<updated>2016-03-01T00:00:00Z</updated>"
        ));
        let empty = atom("T", "f", "s", "zh-Hans", &[]);
        assert!(empty.contains("<updated>1970-01-01T00:00:00Z</updated>"));
    }
}
