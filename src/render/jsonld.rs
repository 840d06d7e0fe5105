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

/// What the `Dataset` of a data page says.
pub struct DatasetLd<'a> {
    /// Title in the page's language.
    pub name: &'a str,
    /// Absolute URL of the data page.
    pub url: &'a str,
    /// BCP 47 tag of the page.
    pub lang: &'a str,
    /// Where the figures can be read.
    pub source: &'a str,
    /// Years or date the figures cover (`2012/2017`, `2016-12-31`).
    pub temporal: String,
    /// `YYYY-MM-DD` the figures refer to.
    pub as_of: String,
    /// Numeric columns: label (with unit) and unit in the page's language.
    pub variables: Vec<(String, Option<String>)>,
    /// Downloads: format name (`CSV`), media type, absolute URL, size shown.
    pub downloads: Vec<(&'a str, &'a str, &'a str, String)>,
    /// `publisher:` of `site.yaml`, in the page's language.
    pub publisher: Option<String>,
    /// `region:` of `site.yaml`, in the page's language.
    pub region: Option<String>,
    /// `license:` of `site.yaml`.
    pub license: Option<&'a str>,
}

/// A `Dataset` with its downloads, measured variables and coverage.
pub fn dataset(d: &DatasetLd<'_>) -> String {
    let distribution: Vec<Value> = d
        .downloads
        .iter()
        .map(|(name, media, url, size)| {
            json!({
                "@type": "DataDownload",
                "name": name,
                "encodingFormat": media,
                "contentUrl": url,
                "contentSize": size,
            })
        })
        .collect();
    let variables: Vec<Value> = d
        .variables
        .iter()
        .map(|(name, unit)| {
            let mut v = json!({ "@type": "PropertyValue", "name": name });
            if let Some(unit) = unit {
                v["unitText"] = json!(unit);
            }
            v
        })
        .collect();
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": d.name,
        "url": d.url,
        "inLanguage": d.lang,
        "temporalCoverage": d.temporal,
        "dateModified": d.as_of,
        "isBasedOn": d.source,
        "variableMeasured": variables,
        "distribution": distribution,
    });
    if let Some(p) = &d.publisher {
        v["publisher"] = json!({ "@type": "Organization", "name": p });
    }
    if let Some(r) = &d.region {
        v["spatialCoverage"] = json!({ "@type": "Place", "name": r });
    }
    if let Some(l) = d.license {
        v["license"] = json!(l);
    }
    to_script(&v)
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
    fn dataset_lists_its_downloads_and_coverage() {
        let d = DatasetLd {
            name: "T",
            url: "https://e.org/data/t/",
            lang: "zh-Hans",
            source: "平台，《综述》，2017年10月17日",
            temporal: "2012/2016".into(),
            as_of: "2016-12-31".into(),
            variables: vec![("人口(万人)".into(), Some("万人".into()))],
            downloads: vec![
                (
                    "CSV",
                    "text/csv",
                    "https://e.org/data/t/t.csv",
                    "120 B".into(),
                ),
                (
                    "JSON",
                    "application/json",
                    "https://e.org/data/t/t.json",
                    "1.2 KB".into(),
                ),
            ],
            publisher: Some("P".into()),
            region: None,
            license: None,
        };
        let v: Value = serde_json::from_str(&dataset(&d)).unwrap();
        assert_eq!(v["@type"], "Dataset");
        assert_eq!(v["distribution"][0]["encodingFormat"], "text/csv");
        assert_eq!(
            v["distribution"][1]["contentUrl"],
            "https://e.org/data/t/t.json"
        );
        assert_eq!(v["variableMeasured"][0]["unitText"], "万人");
        assert_eq!(v["temporalCoverage"], "2012/2016");
        assert_eq!(v["publisher"]["name"], "P");
        assert!(v.get("spatialCoverage").is_none() && v.get("license").is_none());
    }
}
