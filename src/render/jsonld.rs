//! JSON-LD for search engines: `Article` for pages, `Dataset` for data pages.
//! Serialized with `<`, `>` and `&` escaped so it can never close its `<script>`.

use serde_json::{json, Value};

/// Serializes `value` for a `<script type="application/ld+json">` element.
pub fn to_script(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// An `Article`.
pub fn article(
    headline: &str,
    url: &str,
    date: &str,
    lang: &str,
    description: &str,
    site_name: &str,
) -> String {
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": headline,
        "url": url,
        "inLanguage": lang,
        "description": description,
        "isPartOf": { "@type": "WebSite", "name": site_name },
    });
    if !date.is_empty() {
        v["datePublished"] = json!(date);
    }
    to_script(&v)
}

/// A `Dataset` with its CSV download.
pub fn dataset(
    name: &str,
    url: &str,
    csv_url: &str,
    as_of: &str,
    lang: &str,
    source: &str,
) -> String {
    to_script(&json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": name,
        "url": url,
        "inLanguage": lang,
        "temporalCoverage": as_of,
        "isBasedOn": source,
        "distribution": { "@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": csv_url },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_content_cannot_break_out() {
        let s = article(
            "</script><script>alert(1)</script> & \"q\"",
            "https://e.org/a/",
            "2017-10-17",
            "zh-Hans",
            "",
            "T",
        );
        assert!(!s.contains("</script>"));
        assert!(!s.contains('<'));
        let v: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["headline"], "</script><script>alert(1)</script> & \"q\"");
        assert_eq!(v["datePublished"], "2017-10-17");
    }

    #[test]
    fn dataset_has_a_download() {
        let v: Value = serde_json::from_str(&dataset(
            "T",
            "https://e.org/data/t/",
            "https://e.org/data/t/t.csv",
            "2016-12-31",
            "zh-Hans",
            "平台，《综述》，2017年10月17日",
        ))
        .unwrap();
        assert_eq!(v["@type"], "Dataset");
        assert_eq!(v["distribution"]["encodingFormat"], "text/csv");
    }
}
