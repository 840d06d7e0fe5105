//! Splitting a Markdown file into its YAML front matter and body (pure).

use crate::diagnostics::Diagnostic;
use std::path::Path;

/// A file split at its `---` fences.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences.
    pub yaml: &'a str,
    /// Everything after the closing fence.
    pub body: &'a str,
    /// Number of lines before `body` (opening fence, YAML, closing fence).
    pub body_line_offset: usize,
}

/// Lines before the YAML text: the opening `---`.
pub const YAML_LINE_OFFSET: usize = 1;

/// Splits `src` (a whole file) into front matter and body. A UTF-8 BOM and CRLF
/// line endings are accepted.
pub fn split<'a>(src: &'a str, path: &Path) -> Result<Split<'a>, Diagnostic> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let first_end = src.find('\n').map_or(src.len(), |i| i + 1);
    if !is_fence(&src[..first_end]) {
        return Err(Diagnostic::error(path, 1, 1, "missing front matter")
            .with_hint("start the file with a line `---`, then `title: …`, then a closing `---`"));
    }
    let mut offset = first_end;
    let mut line = 1;
    while offset < src.len() {
        let end = src[offset..]
            .find('\n')
            .map_or(src.len(), |i| offset + i + 1);
        line += 1;
        if is_fence(&src[offset..end]) {
            return Ok(Split {
                yaml: &src[first_end..offset],
                body: &src[end..],
                body_line_offset: line,
            });
        }
        offset = end;
    }
    Err(Diagnostic::error(path, 1, 1, "front matter is not closed")
        .with_hint("add a line `---` after the last front matter key"))
}

fn is_fence(line: &str) -> bool {
    line.trim_end_matches(['\n', '\r', ' ', '\t']) == "---"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(src: &str) -> Result<Split<'_>, Diagnostic> {
        split(src, Path::new("a.md"))
    }

    #[test]
    fn splits_yaml_and_body() {
        let r = s("---\ntitle: 金融\n---\n正文\n").unwrap();
        assert_eq!(r.yaml, "title: 金融\n");
        assert_eq!(r.body, "正文\n");
        assert_eq!(r.body_line_offset, 3);
    }

    #[test]
    fn accepts_bom_crlf_and_trailing_spaces() {
        let r = s("\u{feff}---\r\ntitle: x\r\n---  \r\nbody").unwrap();
        assert_eq!(r.yaml, "title: x\r\n");
        assert_eq!(r.body, "body");
    }

    #[test]
    fn empty_front_matter_and_no_body() {
        let r = s("---\n---").unwrap();
        assert_eq!(r.yaml, "");
        assert_eq!(r.body, "");
        assert_eq!(r.body_line_offset, 2);
    }

    #[test]
    fn unclosed_is_an_error_on_line_1() {
        let e = s("---\ntitle: x\nbody\n").unwrap_err();
        assert_eq!(
            (e.line, e.message.as_str()),
            (1, "front matter is not closed")
        );
    }

    #[test]
    fn missing_is_an_error() {
        assert!(s("# title\n").is_err());
        assert!(s("").is_err());
        assert!(s("----\n---\n").is_err());
    }

    #[test]
    fn a_rule_in_the_body_is_kept() {
        let r = s("---\na: 1\n---\nx\n---\ny\n").unwrap();
        assert_eq!(r.body, "x\n---\ny\n");
    }
}
