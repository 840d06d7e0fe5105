//! The search index written per language: documents (title, URL, plain text as
//! written) and an inverted index of normalized terms: Chinese by character
//! bigrams, other scripts by words with Mongolian controls removed, so a query
//! matches through variation selectors, MVS and NNBSP (pure). The index is
//! split into files a query reads only some of ([`layout`]).

use std::borrow::Cow;

use crate::script;

mod layout;

pub use layout::{index_files, IndexFile};

/// One page in the index.
pub struct Doc<'a> {
    /// Page title.
    pub title: &'a str,
    /// Page URL.
    pub url: &'a str,
    /// Plain text of the page, as written.
    pub text: &'a str,
}

// `themes/default/static/js/search.js` splits queries with the same classes
// (`HAN`, `IGNORABLE`, `SEPARATOR`): a change here is a change there.

/// Characters indexed by bigrams: Han ideographs, and the Yijing hexagram symbols
/// (U+4DC0–U+4DFF) that search.js's `HAN` still takes with them.
fn is_bigram_char(c: char) -> bool {
    script::is_han(c) || ('\u{4DC0}'..='\u{4DFF}').contains(&c)
}

fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || script::is_mongolian_punctuation(c)
        || script::is_cjk_punctuation(c)
        // Full-width forms of ASCII punctuation, as far as search.js takes them.
        || matches!(c, '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}')
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// The normalized terms of `text`: Han bigrams and the last character of each
/// Han run alone, and lowercased words of other scripts. A one-character query
/// then finds every page with that character among the terms it begins: the
/// bigrams it starts and the runs it ends.
pub fn terms(text: &str) -> Vec<String> {
    terms_of(text).into_iter().map(Cow::into_owned).collect()
}

/// [`terms`] borrowing from `text` wherever the term is written as it is
/// normalized (most are): an index of many pages then allocates little.
fn terms_of<'t>(text: &'t str) -> Vec<Cow<'t, str>> {
    let mut out = Vec::new();
    // Han run: byte ranges of its characters.
    let mut han: Vec<(usize, usize)> = Vec::new();
    // Word: start byte, end byte, and the normalized text once it differs.
    let mut word: Option<(usize, usize, Option<String>)> = None;
    let piece = |a: (usize, usize), b: (usize, usize)| -> Cow<'t, str> {
        if a.1 == b.0 {
            Cow::Borrowed(&text[a.0..b.1])
        } else {
            Cow::Owned(format!("{}{}", &text[a.0..a.1], &text[b.0..b.1]))
        }
    };
    let flush_han = |han: &mut Vec<(usize, usize)>, out: &mut Vec<Cow<'t, str>>| {
        out.extend(han.windows(2).map(|w| piece(w[0], w[1])));
        if let Some(&(a, b)) = han.last() {
            out.push(Cow::Borrowed(&text[a..b]));
        }
        han.clear();
    };
    let flush_word = |word: &mut Option<(usize, usize, Option<String>)>,
                      out: &mut Vec<Cow<'t, str>>| {
        match word.take() {
            Some((_, _, Some(owned))) => out.push(Cow::Owned(owned)),
            Some((a, b, None)) => out.push(Cow::Borrowed(&text[a..b])),
            None => {}
        }
    };
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if script::is_mongolian_control(c) {
            // Removed before matching (the NNBSP joins a suffix to its stem, so stem
            // and suffix become one word): the word goes on without it, and from
            // here on it differs from the text.
            if let Some((a, b, owned @ None)) = &mut word {
                *owned = Some(text[*a..*b].to_string());
            }
            continue;
        }
        if is_bigram_char(c) {
            flush_word(&mut word, &mut out);
            han.push((i, end));
        } else if is_separator(c) {
            flush_han(&mut han, &mut out);
            flush_word(&mut word, &mut out);
        } else {
            flush_han(&mut han, &mut out);
            let lower_same = !c.is_uppercase();
            match &mut word {
                None if lower_same => word = Some((i, end, None)),
                None => word = Some((i, end, Some(c.to_lowercase().collect()))),
                Some((a, b, owned)) => {
                    match owned {
                        Some(s) => s.extend(c.to_lowercase()),
                        None if lower_same && *b == i => {}
                        None => {
                            let mut s = text[*a..*b].to_string();
                            s.extend(c.to_lowercase());
                            *owned = Some(s);
                        }
                    }
                    *b = end;
                }
            }
        }
    }
    flush_han(&mut han, &mut out);
    flush_word(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_bigrams() {
        assert_eq!(terms("金融扶贫"), ["金融", "融扶", "扶贫", "贫"]);
        assert_eq!(terms("贷款 A"), ["贷款", "款", "a"]);
        assert_eq!(terms("县,乡"), ["县", "乡"]);
    }

    #[test]
    fn borrowed_and_normalized_terms_agree() {
        assert_eq!(terms("ABc dEf aB Ab"), ["abc", "def", "ab", "ab"]);
        assert_eq!(terms("金\u{200D}融扶"), ["金融", "融扶", "扶"]);
        assert_eq!(terms("ᠪᠢ\u{180B}ᠴᠢᠭ x\u{202F}Y"), ["ᠪᠢᠴᠢᠭ", "xy"]);
        assert_eq!(terms("\u{180E}a\u{180E}"), ["a"]);
        assert!(matches!(
            terms_of("金融 ab")[..],
            [Cow::Borrowed(_), Cow::Borrowed(_), Cow::Borrowed(_)]
        ));
    }

    #[test]
    fn mongolian_words_ignore_controls() {
        let text = "ᠪᠢᠴᠢᠭ\u{180C}\u{202F}ᠦᠨ ᠣᠨ\u{180E}ᠠ᠂ᠬᠣᠲᠠ᠃";
        assert_eq!(terms(text), ["ᠪᠢᠴᠢᠭᠦᠨ", "ᠣᠨᠠ", "ᠬᠣᠲᠠ"]);
    }
}
