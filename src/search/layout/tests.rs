use std::collections::BTreeMap;

use super::*;
use crate::search::terms;

fn read_varint(b: &[u8], at: &mut usize) -> u32 {
    let (mut n, mut shift) = (0u32, 0);
    loop {
        let byte = b[*at];
        *at += 1;
        n |= u32::from(byte & 0x7F) << shift;
        if byte < 0x80 {
            return n;
        }
        shift += 7;
    }
}

/// A shard as search.js reads it: term → [(doc, in_title)].
type Shard = Vec<(String, Vec<(u32, bool)>)>;

fn decode(b: &[u8]) -> Shard {
    let (mut at, mut prev) = (0, Vec::<u16>::new());
    let mut out = Vec::new();
    while at < b.len() {
        let keep = read_varint(b, &mut at) as usize;
        let len = read_varint(b, &mut at) as usize;
        let rest = std::str::from_utf8(&b[at..at + len]).unwrap();
        at += len;
        let mut units = prev[..keep].to_vec();
        units.extend(rest.encode_utf16());
        let n = read_varint(b, &mut at);
        let mut doc = 0;
        let posts = (0..n)
            .map(|_| {
                let v = read_varint(b, &mut at);
                doc += v >> 1;
                (doc, v & 1 == 1)
            })
            .collect();
        out.push((String::from_utf16(&units).unwrap(), posts));
        prev = units;
    }
    out
}

fn gunzip(b: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(b)
        .read_to_end(&mut out)
        .unwrap();
    out
}

struct Read {
    manifest: serde_json::Value,
    shards: Vec<Shard>,
    fragments: Vec<serde_json::Value>,
}

/// The files of [`super::index_files`]: the manifest, the shards, then the
/// fragments, each in number order.
fn index_files(lang: &str, docs: &[Doc<'_>]) -> Vec<IndexFile> {
    let files = std::sync::Mutex::new(Vec::new());
    super::index_files(lang, docs, &|f| files.lock().unwrap().push(f));
    let mut files = files.into_inner().unwrap();
    let number = |n: &str| n.trim_end_matches(".gz").parse::<usize>().unwrap();
    files.sort_by_key(|f| match f.path.split_once('/') {
        Some(("t", n)) => (1, number(n)),
        Some(("f", n)) => (2, number(n)),
        _ => (0, 0),
    });
    files
}

fn read(files: &[IndexFile]) -> Read {
    let manifest = serde_json::from_slice(&files[0].bytes).unwrap();
    let shards = files
        .iter()
        .filter(|f| f.path.starts_with("t/"))
        .map(|f| decode(&gunzip(&f.bytes)))
        .collect();
    let fragments = files
        .iter()
        .filter(|f| f.path.starts_with("f/"))
        .map(|f| serde_json::from_slice(&gunzip(&f.bytes)).unwrap())
        .collect();
    Read {
        manifest,
        shards,
        fragments,
    }
}

#[test]
fn manifest_shards_and_fragments_hold_the_index() {
    let text = "ᠪᠢᠴᠢᠭ\u{180C}\u{202F}ᠦᠨ \"</script>\" 金融扶贫";
    let docs = [
        Doc {
            title: "金融",
            url: "/a/",
            text: "贷款",
        },
        Doc {
            title: "T<",
            url: "/mn/a/",
            text,
        },
    ];
    let files = index_files("mn", &docs);
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["index.json", "t/0.gz", "f/0.gz", "f/1.gz"]);
    let r = read(&files);
    assert_eq!(r.manifest["v"], 2);
    assert_eq!(r.manifest["docs"], 2);
    assert_eq!(r.fragments[1][2], text, "original text with its controls");
    assert_eq!(r.fragments[0][0], "金融");
    let terms: BTreeMap<_, _> = r.shards[0].iter().cloned().collect();
    assert_eq!(
        terms["金融"],
        [(0, true), (1, false)],
        "title flag per page"
    );
    assert_eq!(terms["贷款"], [(0, false)]);
    assert_eq!(terms["ᠪᠢᠴᠢᠭᠦᠨ"], [(1, false)]);
    assert_eq!(terms["贫"], [(1, false)], "a run's last character");
    assert!(!terms.contains_key("</script>"));
    assert_eq!(r.manifest["terms"], terms.len());
}

/// Many pages of varied text: shards split, each begins with the term the
/// manifest names, terms run in UTF-16 order across shards, and the postings
/// of every term list exactly the pages that have it.
#[test]
fn shards_split_in_utf16_order_and_lose_nothing() {
    let chars: Vec<char> = ('\u{4E00}'..'\u{4F00}')
        .chain(['\u{20000}', '\u{FA00}', 'ᠠ', 'ᠪ'])
        .collect();
    let texts: Vec<String> = (0..200u32)
        .map(|i| {
            (0..200u32)
                .map(|j| chars[((i * 7919 + j * j * 31) % chars.len() as u32) as usize])
                .collect()
        })
        .collect();
    let urls: Vec<String> = (0..texts.len()).map(|i| format!("/p{i}/")).collect();
    let docs: Vec<Doc<'_>> = texts
        .iter()
        .zip(&urls)
        .map(|(t, u)| Doc {
            title: "",
            url: u,
            text: t,
        })
        .collect();
    let files = index_files("zh", &docs);
    let r = read(&files);
    assert!(r.shards.len() > 3, "{} shards", r.shards.len());
    let firsts = r.manifest["shards"].as_array().unwrap();
    assert_eq!(firsts.len(), r.shards.len());
    let mut all: Shard = Vec::new();
    for (first, shard) in firsts.iter().zip(&r.shards) {
        assert_eq!(first.as_str().unwrap(), shard[0].0);
        all.extend(shard.iter().cloned());
    }
    let units: Vec<Vec<u16>> = all
        .iter()
        .map(|(t, _)| t.encode_utf16().collect())
        .collect();
    assert!(units.windows(2).all(|w| w[0] < w[1]), "strictly increasing");
    assert!(
        all.iter().position(|t| t.0.starts_with('\u{20000}'))
            < all.iter().position(|t| t.0.starts_with('\u{FA00}')),
        "astral before U+FA00, as JavaScript compares"
    );
    let sets: Vec<std::collections::HashSet<String>> = texts
        .iter()
        .map(|t| terms(t).into_iter().collect())
        .collect();
    for (term, posts) in &all {
        let want: Vec<(u32, bool)> = (0..texts.len() as u32)
            .filter(|&i| sets[i as usize].contains(term))
            .map(|i| (i, false))
            .collect();
        assert_eq!(posts, &want, "{term}");
    }
}

#[test]
fn the_hash_follows_the_contents() {
    let h = |text: &str| {
        let docs = [Doc {
            title: "t",
            url: "/a/",
            text,
        }];
        read(&index_files("zh", &docs)).manifest["h"].clone()
    };
    assert_eq!(h("金融"), h("金融"));
    assert_ne!(h("金融"), h("金鱼"));
}

#[test]
fn gzip_with_a_reused_compressor_writes_gzip_that_inflates_to_the_input() {
    let long: Vec<u8> = (0..200_000u32)
        .flat_map(|i| (i % 251).to_le_bytes())
        .collect();
    let text = "[\"标题\",\"/a/\",\"ᠮᠣᠩᠭᠣᠯ ᠮᠣᠩᠭᠣᠯ ᠮᠣᠩᠭᠣᠯ\"]".repeat(20);
    let inputs: [&[u8]; 4] = [b"", text.as_bytes(), &long, b"x"];
    let mut z = new_deflate();
    for b in inputs {
        let ours = gzip_with(&mut z, b);
        assert_eq!(&ours[..2], [0x1f, 0x8b], "gzip magic");
        assert_eq!(gunzip(&ours), b, "{} bytes in", b.len());
    }
    // Repeated text is stored once: compressed, not copied.
    assert!(gzip_with(&mut z, text.as_bytes()).len() < text.len() / 5);
}

#[test]
fn terms_compare_in_utf16_order() {
    let words = [
        "",
        "a",
        "ab",
        "b",
        "金",
        "金融",
        "ᠪᠢ",
        "ᠪ",
        "\u{E000}",
        "\u{FFFF}",
        "\u{FF41}x",
        "\u{10000}",
        "𠀀",
        "𠀀a",
        "a\u{FFFD}",
        "a𝐀",
        "a\u{E000}b",
        "\u{7FF}",
        "\u{800}",
    ];
    for a in words {
        for b in words {
            assert_eq!(
                cmp_utf16(a, b),
                a.encode_utf16().cmp(b.encode_utf16()),
                "{a:?} vs {b:?}"
            );
        }
    }
}

#[test]
fn a_term_in_title_and_text_is_flagged_once_as_in_the_title() {
    let docs = [Doc {
        title: "扶贫",
        url: "/a/",
        text: "扶贫 扶贫 other other",
    }];
    let mut terms = doc_terms(&docs).remove(0);
    terms.sort();
    let t = |s: &'static str, title| (Cow::Borrowed(s), title);
    assert_eq!(terms, [t("other", false), t("扶贫", true), t("贫", true)]);
}
