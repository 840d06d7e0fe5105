//! The search index written per language: documents (title, URL, plain text as
//! written) and an inverted index of normalized terms: Chinese by character
//! bigrams, other scripts by words with Mongolian controls removed, so a query
//! matches through variation selectors, MVS and NNBSP (pure).

use std::collections::BTreeMap;

use serde::Serialize;

/// One page in the index.
pub struct Doc<'a> {
    /// Page title.
    pub title: &'a str,
    /// Page URL.
    pub url: &'a str,
    /// Plain text of the page, as written.
    pub text: &'a str,
}

#[derive(Serialize)]
struct Index<'a> {
    v: u32,
    lang: &'a str,
    docs: Vec<(&'a str, &'a str, &'a str)>,
    terms: BTreeMap<String, Vec<u32>>,
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Characters removed before matching: Mongolian free variation selectors, the
/// vowel separator, ZWNJ/ZWJ and the narrow no-break space (which joins a suffix
/// to its stem, so stem and suffix become one word).
pub fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{180B}'..='\u{180F}' | '\u{200C}' | '\u{200D}' | '\u{202F}'
    )
}

fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || (c.is_ascii_punctuation())
        || matches!(c, '\u{1800}'..='\u{180A}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// The normalized terms of `text`: Han bigrams (or the single character of a
/// one-character run) and lowercased words of other scripts.
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut han: Vec<char> = Vec::new();
    let mut word = String::new();
    let flush_han = |han: &mut Vec<char>, out: &mut Vec<String>| {
        match han.len() {
            0 => {}
            1 => out.push(han[0].to_string()),
            _ => out.extend(han.windows(2).map(|w| w.iter().collect::<String>())),
        }
        han.clear();
    };
    let flush_word = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() {
            out.push(std::mem::take(word));
        }
    };
    for c in text.chars().filter(|&c| !is_ignorable(c)) {
        if is_han(c) {
            flush_word(&mut word, &mut out);
            han.push(c);
        } else if is_separator(c) {
            flush_han(&mut han, &mut out);
            flush_word(&mut word, &mut out);
        } else {
            flush_han(&mut han, &mut out);
            word.extend(c.to_lowercase());
        }
    }
    flush_han(&mut han, &mut out);
    flush_word(&mut word, &mut out);
    out
}

/// The index of `docs` as compact JSON.
pub fn index_json(lang: &str, docs: &[Doc<'_>]) -> String {
    let mut terms_map: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        for t in terms(d.title).into_iter().chain(terms(d.text)) {
            let postings = terms_map.entry(t).or_default();
            if postings.last() != Some(&(i as u32)) {
                postings.push(i as u32);
            }
        }
    }
    let index = Index {
        v: 1,
        lang,
        docs: docs.iter().map(|d| (d.title, d.url, d.text)).collect(),
        terms: terms_map,
    };
    serde_json::to_string(&index).unwrap_or_else(|_| "{}".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_bigrams() {
        assert_eq!(terms("金融扶贫"), ["金融", "融扶", "扶贫"]);
        assert_eq!(terms("贷款 A"), ["贷款", "a"]);
        assert_eq!(terms("县,乡"), ["县", "乡"]);
    }

    #[test]
    fn mongolian_words_ignore_controls() {
        let text = "ᠪᠢᠴᠢᠭ\u{180C}\u{202F}ᠦᠨ ᠣᠨ\u{180E}ᠠ᠂ᠬᠣᠲᠠ᠃";
        assert_eq!(terms(text), ["ᠪᠢᠴᠢᠭᠦᠨ", "ᠣᠨᠠ", "ᠬᠣᠲᠠ"]);
    }

    #[test]
    fn index_keeps_original_text_and_escapes_json() {
        let text = "ᠪᠢᠴᠢᠭ\u{180C}\u{202F}ᠦᠨ \"</script>\" 金融扶贫";
        let json = index_json(
            "mn",
            &[Doc {
                title: "T<",
                url: "/mn/a/",
                text,
            }],
        );
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["docs"][0][2], text, "original text with its controls");
        assert_eq!(v["terms"]["ᠪᠢᠴᠢᠭᠦᠨ"][0], 0);
        assert_eq!(v["terms"]["金融"][0], 0);
        assert!(v["terms"].get("</script>").is_none());
    }
}
