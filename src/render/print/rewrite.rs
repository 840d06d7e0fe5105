//! A page's body HTML made into a chapter of the one-page document (pure):
//! every `id` gets the chapter's prefix (ids stay unique across the document),
//! fragment links and ARIA references follow, links to other chapters point
//! inside the document, and headings move down below the chapter's own.

/// How a link to a page of the site is written inside the document.
pub trait Chapters {
    /// The chapter anchor of the page at `url` (root-relative, no fragment),
    /// or `None` when that page is not in the document (its URL is kept).
    fn anchor(&self, url: &str) -> Option<&str>;
}

impl<F: Fn(&str) -> Option<&'static str>> Chapters for F {
    fn anchor(&self, url: &str) -> Option<&str> {
        self(url)
    }
}

/// `html` as chapter `prefix` at depth `level`: ids `X` become `prefix:X`
/// (chapter anchors never hold a `:`, so no id can take one's name),
/// `href="#X"` follows, `href="<page>#X"` of a page in the document becomes
/// `#<its anchor>:X` (`#<its anchor>` without a fragment), and `<hN>` becomes
/// `<h(N+level)>` (at most `h6`).
pub fn chapter(html: &str, prefix: &str, level: usize, chapters: &dyn Chapters) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let end = tag_end(rest);
        out.push_str(&tag(&rest[..end], prefix, level, chapters));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Where the tag starting at `s[0] == '<'` ends (after its `>`), quotes
/// respected; the whole rest when it never closes.
fn tag_end(s: &str) -> usize {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// One tag (`<…>`) rewritten.
fn tag(t: &str, prefix: &str, level: usize, chapters: &dyn Chapters) -> String {
    let t = heading(t, level);
    if t.starts_with("</") || t.starts_with("<!") || !t.contains('=') {
        return t;
    }
    let mut out = String::with_capacity(t.len() + 16);
    let mut rest = t.as_str();
    while let Some((name_at, value_at, value_end)) = next_attr(rest) {
        let name = rest[name_at..value_at].trim_end_matches(['=', '"']);
        let value = &rest[value_at..value_end];
        out.push_str(&rest[..value_at]);
        match name.to_ascii_lowercase().as_str() {
            "id" | "for" => out.push_str(&format!("{prefix}:{value}")),
            "aria-labelledby" | "aria-describedby" | "headers" => {
                let ids: Vec<String> = value
                    .split_ascii_whitespace()
                    .map(|id| format!("{prefix}:{id}"))
                    .collect();
                out.push_str(&ids.join(" "));
            }
            "href" => out.push_str(&href(value, prefix, chapters)),
            _ => out.push_str(value),
        }
        rest = &rest[value_end..];
    }
    out.push_str(rest);
    out
}

/// The next double-quoted attribute in a tag: where its name starts, where its
/// value starts and ends.
fn next_attr(s: &str) -> Option<(usize, usize, usize)> {
    let eq = s.find("=\"")?;
    let name_at = s[..eq]
        .rfind(|c: char| c.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    let value_at = eq + 2;
    let value_end = value_at + s[value_at..].find('"')?;
    Some((name_at, value_at, value_end))
}

/// An `href` value inside the document.
fn href(value: &str, prefix: &str, chapters: &dyn Chapters) -> String {
    if let Some(fragment) = value.strip_prefix('#') {
        return format!("#{prefix}:{fragment}");
    }
    if !value.starts_with('/') || value.starts_with("//") {
        return value.to_string();
    }
    let (page, fragment) = match value.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (value, None),
    };
    match (chapters.anchor(page), fragment) {
        (Some(a), Some(f)) if !f.is_empty() => format!("#{a}:{f}"),
        (Some(a), _) => format!("#{a}"),
        (None, _) => value.to_string(),
    }
}

/// `<hN…>` / `</hN>` moved down `level` levels (at most 6); other tags as they are.
fn heading(t: &str, level: usize) -> String {
    let b = t.as_bytes();
    let at = if t.starts_with("</") { 2 } else { 1 };
    let is_heading = b.len() > at + 1
        && matches!(b[at], b'h' | b'H')
        && (b'1'..=b'6').contains(&b[at + 1])
        && matches!(b.get(at + 2), Some(b'>' | b' ' | b'\t' | b'\n' | b'/'));
    if !is_heading || level == 0 {
        return t.to_string();
    }
    let n = (usize::from(b[at + 1] - b'0') + level).min(6);
    format!("{}{n}{}", &t[..at + 1], &t[at + 2..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(url: &str) -> Option<&'static str> {
        match url {
            "/m/finance/" => Some("c-m-finance"),
            "/" => Some("c-home"),
            _ => None,
        }
    }

    #[test]
    fn ids_and_fragments_get_the_prefix() {
        let html = "<h2 id=\"goals\">目标</h2><p>见<a href=\"#goals\">上</a><sup><a href=\"#1\">1</a></sup></p><div id=\"1\"></div>";
        assert_eq!(
            chapter(html, "c-x", 0, &pages),
            "<h2 id=\"c-x:goals\">目标</h2><p>见<a href=\"#c-x:goals\">上</a><sup><a href=\"#c-x:1\">1</a></sup></p><div id=\"c-x:1\"></div>"
        );
    }

    #[test]
    fn links_to_chapters_point_inside_the_document() {
        let html = "<a href=\"/m/finance/\">a</a><a href=\"/m/finance/#h-1\">b</a><a href=\"/data/x/\">c</a><a href=\"https://e.org/\">d</a><a href=\"/\">e</a>";
        assert_eq!(
            chapter(html, "c-y", 0, &pages),
            "<a href=\"#c-m-finance\">a</a><a href=\"#c-m-finance:h-1\">b</a><a href=\"/data/x/\">c</a><a href=\"https://e.org/\">d</a><a href=\"#c-home\">e</a>"
        );
    }

    #[test]
    fn aria_references_follow_and_headings_move_down() {
        let html = "<svg aria-labelledby=\"t d\"><title id=\"t\">x</title></svg><h2 id=\"a\">A</h2><h6>B</h6><header><hr>";
        assert_eq!(
            chapter(html, "p", 2, &pages),
            "<svg aria-labelledby=\"p:t p:d\"><title id=\"p:t\">x</title></svg><h4 id=\"p:a\">A</h4><h6>B</h6><header><hr>"
        );
    }

    #[test]
    fn text_and_attributes_that_are_not_links_stay() {
        let html = "a &lt;b id=&quot;x&quot;&gt; <span class=\"id\" data-id=\"x\" title='id=\"y\"'>c</span> 1 < 2";
        assert_eq!(chapter(html, "p", 1, &pages), html);
    }
}
