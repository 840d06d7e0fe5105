//! Shortcodes in Markdown: `{{ table(id="…") }}`, `{{ chart(id="…", kind="bar") }}`,
//! `{{ stat(id="…", row="…", col="…") }}`, `{{ ref(table="…") }}`. Found outside code, expanded to HTML on
//! one line so line numbers of the rest of the file stay right (pure).

use std::collections::BTreeMap;

/// One shortcode call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortcode {
    /// `table`, `chart` or `stat`.
    pub name: String,
    /// Arguments.
    pub args: BTreeMap<String, String>,
    /// Byte range in the body.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
}

/// Names bichig knows.
pub const NAMES: [&str; 4] = ["table", "chart", "stat", "ref"];

/// A problem in a shortcode: byte offset, message and hint.
pub type Problem = (usize, String, Option<String>);

/// Finds every shortcode; problems come back as (byte offset, message, hint).
pub fn find(body: &str) -> (Vec<Shortcode>, Vec<Problem>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    // Most pages call none: one fast search instead of a walk over each line.
    if memchr::memmem::find(body.as_bytes(), b"{{").is_none() {
        return (found, problems);
    }
    let mut offset = 0;
    let mut fence: Option<&str> = None;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(f), Some(m)) if f == m => fence = None,
            (None, None) => scan_line(line, offset, &mut found, &mut problems),
            _ => {}
        }
        offset += line.len();
    }
    (found, problems)
}

fn scan_line(line: &str, base: usize, found: &mut Vec<Shortcode>, problems: &mut Vec<Problem>) {
    let bytes = line.as_bytes();
    if memchr::memmem::find(bytes, b"{{").is_none() {
        return;
    }
    let mut i = 0;
    let mut in_code = false;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            in_code = !in_code;
            i += 1;
            continue;
        }
        if !in_code && bytes[i..].starts_with(b"{{") {
            match parse_call(&line[i + 2..]) {
                Ok((name, args, len)) => {
                    let end = i + 2 + len;
                    if NAMES.contains(&name.as_str()) {
                        found.push(Shortcode {
                            name,
                            args,
                            start: base + i,
                            end: base + end,
                        });
                    } else {
                        let known = NAMES.map(crate::suggest::Known::name);
                        problems.push((
                            base + i,
                            format!("unknown shortcode `{name}`"),
                            crate::suggest::hint(&name, "shortcodes", &known),
                        ));
                    }
                    i = end;
                    continue;
                }
                Err(message) => {
                    problems.push((base + i, message, None));
                    return;
                }
            }
        }
        i += 1;
    }
}

/// Parses `name(key="v", …) }}`; returns the name, arguments and bytes consumed.
fn parse_call(s: &str) -> Result<(String, BTreeMap<String, String>, usize), String> {
    let unclosed =
        || "unclosed shortcode: expected `{{ name(key=\"value\") }}` on one line".to_string();
    let close = s.find("}}").ok_or_else(unclosed)?;
    let inner = &s[..close];
    let open = inner.find('(').ok_or_else(|| {
        format!(
            "shortcode `{}` needs arguments in parentheses",
            inner.trim()
        )
    })?;
    let name = inner[..open].trim().to_string();
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return Err(format!("invalid shortcode name `{name}`"));
    }
    let rest = inner[open + 1..].trim_end();
    let args_src = rest
        .strip_suffix(')')
        .ok_or_else(|| format!("shortcode `{name}`: missing `)`"))?;
    let mut args = BTreeMap::new();
    let mut chars = args_src.char_indices().peekable();
    loop {
        while chars
            .next_if(|(_, c)| c.is_whitespace() || *c == ',')
            .is_some()
        {}
        let Some(&(k0, _)) = chars.peek() else { break };
        let mut k1 = k0;
        while let Some((i, c)) = chars.next_if(|(_, c)| c.is_ascii_alphanumeric() || *c == '_') {
            k1 = i + c.len_utf8();
        }
        let key = &args_src[k0..k1];
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        if key.is_empty() || chars.next().map(|(_, c)| c) != Some('=') {
            return Err(format!("shortcode `{name}`: expected key=\"value\""));
        }
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let value = match chars.next() {
            Some((_, '"')) => {
                let mut v = String::new();
                loop {
                    match chars.next() {
                        Some((_, '\\')) => v.extend(chars.next().map(|(_, c)| c)),
                        Some((_, '"')) => break,
                        Some((_, c)) => v.push(c),
                        None => return Err(format!("shortcode `{name}`: unclosed string")),
                    }
                }
                v
            }
            Some((i, c)) if c.is_ascii_alphanumeric() || c == '-' || c == '.' => {
                let mut end = i + c.len_utf8();
                while let Some((j, c)) = chars
                    .next_if(|(_, c)| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
                {
                    end = j + c.len_utf8();
                }
                args_src[i..end].to_string()
            }
            _ => return Err(format!("shortcode `{name}`: expected a value for `{key}`")),
        };
        if args.insert(key.to_string(), value).is_some() {
            return Err(format!("shortcode `{name}`: `{key}` given twice"));
        }
    }
    Ok((name, args, close + 2))
}

/// Replaces each shortcode with `expand(shortcode)`; failures are returned as
/// (byte offset, message) and the call is left as it was.
pub fn expand<E>(
    body: &str,
    calls: &[Shortcode],
    expand: &dyn Fn(&Shortcode) -> Result<String, E>,
) -> (String, Vec<(usize, E)>) {
    let mut out = String::with_capacity(body.len());
    let mut problems = Vec::new();
    let mut last = 0;
    for call in calls {
        out.push_str(&body[last..call.start]);
        match expand(call) {
            Ok(html) => out.push_str(&html.replace('\n', " ")),
            Err(message) => {
                problems.push((call.start, message));
                out.push_str(&body[call.start..call.end]);
            }
        }
        last = call.end;
    }
    out.push_str(&body[last..]);
    (out, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_calls_with_arguments() {
        let (calls, problems) = find("见 {{ stat(id=\"headline\", row=\"y2016\", col=\"people\") }} 人。\n\n{{ chart(id=\"causes\", kind=bar) }}\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(calls.len(), 2);
        assert_eq!(calls[0].name, "stat");
        assert_eq!(calls[0].args["row"], "y2016");
        assert_eq!(calls[1].args["kind"], "bar");
    }

    #[test]
    fn code_is_left_alone() {
        let body = "`{{ table(id=\"x\") }}`\n\n```\n{{ table(id=\"y\") }}\n```\n";
        let (calls, problems) = find(body);
        assert!(calls.is_empty() && problems.is_empty());
    }

    #[test]
    fn problems_have_offsets() {
        let body = "a\n{{ table(id=\"x\")\n{{ nope(a=\"b\") }}\n{{ table(id=\"x\" }}\n{{ stat(id=\"x\", id=\"y\") }}\n";
        let (_, problems) = find(body);
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert_eq!(problems[0].0, 2);
        assert!(problems[0].1.contains("unclosed"));
        assert_eq!(problems[1].1, "unknown shortcode `nope`");
        assert_eq!(
            problems[1].2.as_deref(),
            Some("shortcodes: `table`, `chart`, `stat`, `ref`")
        );
        assert!(problems[2].1.contains("missing `)`"));
        assert!(problems[3].1.contains("given twice"));
        let (_, typo) = find("{{ stats(id=\"a\") }}\n");
        assert_eq!(
            typo[0].2.as_deref(),
            Some("did you mean `stat`? shortcodes: `table`, `chart`, `stat`, `ref`")
        );
    }

    #[test]
    fn expand_keeps_lines() {
        let body = "x {{ stat(id=\"a\") }} y\nz";
        let (calls, _) = find(body);
        let (out, problems) = expand::<String>(body, &calls, &|_| Ok("<b>\n1</b>".into()));
        assert_eq!(out, "x <b> 1</b> y\nz");
        assert!(problems.is_empty());
        let (out, problems) = expand(body, &calls, &|_| Err("no".into()));
        assert_eq!(out, body);
        assert_eq!(problems, [(2, "no".to_string())]);
    }
}
