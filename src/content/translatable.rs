//! What a translator translates of a page: its title, `summary:`,
//! `description:` and body, as paragraphs. `source_hash` is a hash of these
//! paragraphs alone, so a change of `weight:`, `date:` or another setting (or
//! of blank lines and trailing spaces) never makes a translation stale, and
//! `bichig status --diff` compares the same paragraphs (pure).

/// The translatable paragraphs of a page: `title: …`, `summary: …` and
/// `description: …` when set, then the body split at blank lines, each with
/// CRs and trailing spaces removed.
pub fn paragraphs(
    title: &str,
    summary: Option<&str>,
    description: Option<&str>,
    body: &str,
) -> Vec<String> {
    let mut out = vec![format!("title: {}", title.trim())];
    out.extend(summary.map(|s| format!("summary: {}", s.trim())));
    out.extend(description.map(|s| format!("description: {}", s.trim())));
    let mut current: Vec<&str> = Vec::new();
    for line in body.split('\n') {
        let line = line.trim_end();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

/// The `source_hash` of a page's translatable paragraphs: 16 hex digits.
pub fn source_hash(paragraphs: &[String]) -> String {
    format!(
        "{:016x}",
        crate::hash::fnv1a(paragraphs.join("\n\n").as_bytes())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash(title: &str, summary: Option<&str>, body: &str) -> String {
        source_hash(&paragraphs(title, summary, None, body))
    }

    #[test]
    fn paragraphs_of_a_page() {
        let p = paragraphs("金融", Some("摘要"), None, "\n一\n二\n\n\n三  \r\n");
        assert_eq!(p, ["title: 金融", "summary: 摘要", "一\n二", "三"]);
    }

    #[test]
    fn hash_follows_the_text_only() {
        let a = hash("金融", None, "正文\n");
        assert_eq!(a.len(), 16);
        assert_eq!(a, hash("金融", None, "\r\n正文\r\n\r\n"));
        assert_ne!(a, hash("金融", None, "正文。\n"));
        assert_ne!(a, hash("金融扶贫", None, "正文\n"));
        assert_ne!(a, hash("金融", Some("摘要"), "正文\n"));
    }
}
