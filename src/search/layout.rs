//! The files of one language's search index, so that a query downloads only
//! what it needs (layout in DESIGN.md, read by search.js):
//!
//! - `index.json`, the manifest: counts, a hash of the rest (cache-busting,
//!   `?v=`), and the first term of each term shard;
//! - `t/<i>.gz`, term shards: consecutive runs of the terms in UTF-16 order
//!   (the order of JavaScript's `<`), so an exact term is in one shard and the
//!   terms a prefix begins are in a few neighbouring ones;
//! - `f/<doc>.gz`, one fragment per page: JSON `[title, url, text]`, fetched
//!   for the results shown.
//!
//! Shards and fragments are gzipped (about 0.4× for Mongolian text, 0.7× for
//! Chinese); search.js inflates them with `DecompressionStream`, or takes them
//! as they come when a server already removed the gzip layer.
//!
//! A shard is a sequence of entries, numbers as LEB128 varints: the UTF-16
//! length of the prefix shared with the previous term, the byte length and
//! UTF-8 bytes of the rest, the number of pages, then per page
//! `gap << 1 | in_title`, where gap is the page number minus the previous one
//! (the first counts from 0).

use std::borrow::Cow;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{terms_of, Doc};
use crate::hash::fnv1a;

/// A shard is closed once it holds this many bytes: a query for one term
/// reads one (a prefix a few), small beside a page of results.
const SHARD_BYTES: usize = 32 * 1024;

/// One file of the index: path relative to the manifest's folder, and bytes.
pub struct IndexFile {
    /// `index.json`, `t/<i>.gz` or `f/<doc>.gz`.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

#[derive(Serialize)]
struct Manifest<'a> {
    v: u32,
    lang: &'a str,
    docs: usize,
    terms: usize,
    /// Hash of every shard and fragment, appended to their URLs as `?v=`.
    h: String,
    /// First term of each shard, in shard order.
    shards: Vec<&'a str>,
}

/// Term and postings (`doc << 1 | in_title`), in doc order.
type Postings<'t> = (Cow<'t, str>, Vec<u32>);

/// The distinct terms of each doc, flagged when in its title, in parallel.
/// A hash set per thread finds the repeats: sorting each doc's thousand-odd
/// terms cost twice as much. The order within a doc is of no matter: each
/// term's postings are in doc order all the same.
fn doc_terms<'t>(docs: &[Doc<'t>]) -> Vec<Vec<(Cow<'t, str>, bool)>> {
    docs.par_iter()
        .map_init(FxHashMap::default, |seen, d| {
            for t in terms_of(d.title) {
                seen.insert(t, true);
            }
            for t in terms_of(d.text) {
                seen.entry(t).or_insert(false);
            }
            seen.drain().collect()
        })
        .collect()
}

/// Docs whose terms are gathered at once (in parallel) before they go into
/// the map: the term lists of a whole language would outweigh the index.
const CHUNK: usize = 256;

/// Every term with its postings, in UTF-16 order.
fn postings<'t>(docs: &[Doc<'t>]) -> Vec<Postings<'t>> {
    let mut map: FxHashMap<Cow<'t, str>, Vec<u32>> = FxHashMap::default();
    for (c, chunk) in docs.chunks(CHUNK).enumerate() {
        for (j, terms) in doc_terms(chunk).into_iter().enumerate() {
            let i = (c * CHUNK + j) as u32;
            for (t, title) in terms {
                map.entry(t).or_default().push(i << 1 | u32::from(title));
            }
        }
    }
    let mut sorted: Vec<Postings<'t>> = map.into_iter().collect();
    sorted.par_sort_unstable_by(|a, b| cmp_utf16(&a.0, &b.0));
    sorted
}

/// `a` and `b` in the order of their UTF-16 code units (JavaScript's `<`), at
/// the speed of a byte comparison: UTF-8 bytes sort as code points, which
/// differs only where a character of U+E000–U+FFFF meets one above U+FFFF
/// (a surrogate, lower in UTF-16), and there both first differing bytes are
/// lead bytes of 0xEE or more.
fn cmp_utf16(a: &str, b: &str) -> std::cmp::Ordering {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    match x.iter().zip(y).position(|(p, q)| p != q) {
        Some(i) if x[i] >= 0xEE && y[i] >= 0xEE => a[i..].encode_utf16().cmp(b[i..].encode_utf16()),
        Some(i) => x[i].cmp(&y[i]),
        None => x.len().cmp(&y.len()),
    }
}

fn new_deflate() -> libdeflater::Compressor {
    libdeflater::Compressor::new(libdeflater::CompressionLvl::default())
}

/// `bytes` gzipped (time 0: the same bytes every build) with a compressor of
/// the caller's: one per thread serves thousands of fragments.
fn gzip_with(z: &mut libdeflater::Compressor, bytes: &[u8]) -> Vec<u8> {
    let mut out = vec![0; z.gzip_compress_bound(bytes.len())];
    match z.gzip_compress(bytes, &mut out) {
        Ok(n) => out.truncate(n),
        Err(_) => out.clear(),
    }
    out
}

fn varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7F) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Shared prefix of `a` and `b`: (UTF-16 units, bytes).
fn shared(a: &str, b: &str) -> (usize, usize) {
    a.chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .fold((0, 0), |(u, n), (c, _)| {
            (u + c.len_utf16(), n + c.len_utf8())
        })
}

/// `term`'s entry after `prev` (`""` at the start of a shard).
fn entry(out: &mut Vec<u8>, prev: &str, term: &str, posts: &[u32]) {
    let (units, bytes) = shared(prev, term);
    varint(out, units as u32);
    varint(out, (term.len() - bytes) as u32);
    out.extend_from_slice(&term.as_bytes()[bytes..]);
    varint(out, posts.len() as u32);
    let mut last = 0;
    for &p in posts {
        let doc = p >> 1;
        varint(out, (doc - last) << 1 | (p & 1));
        last = doc;
    }
}

/// Cuts the terms into shards of about [`SHARD_BYTES`]: (first term, bytes).
fn shards<'a>(terms: &'a [Postings<'_>]) -> Vec<(&'a str, Vec<u8>)> {
    let mut out: Vec<(&str, Vec<u8>)> = Vec::new();
    let mut prev = "";
    for (t, posts) in terms {
        match out.last_mut() {
            Some((_, bytes)) if bytes.len() < SHARD_BYTES => entry(bytes, prev, t, posts),
            _ => {
                let mut bytes = Vec::new();
                entry(&mut bytes, "", t, posts);
                out.push((t, bytes));
            }
        }
        prev = t;
    }
    out
}

/// The index files of `docs` in language `lang` (see the module docs), each
/// given to `put` once made, from several threads: the fragments as they are
/// compressed, the manifest last.
pub fn index_files(lang: &str, docs: &[Doc<'_>], put: &(dyn Fn(IndexFile) + Sync)) {
    let terms = postings(docs);
    let mut shards = shards(&terms);
    shards
        .par_iter_mut()
        .for_each_init(new_deflate, |z, (_, b)| *b = gzip_with(z, b));
    let firsts: Vec<&str> = shards.iter().map(|(first, _)| *first).collect();
    // Only the hash of each file stays, for the manifest's.
    let shard_hashes: Vec<u64> = shards
        .into_par_iter()
        .enumerate()
        .map(|(i, (_, bytes))| {
            let h = fnv1a(&bytes);
            put(IndexFile {
                path: format!("t/{i}.gz"),
                bytes,
            });
            h
        })
        .collect();
    let fragment_hashes: Vec<u64> = docs
        .par_iter()
        .enumerate()
        .map_init(new_deflate, |z, (i, d)| {
            let json = serde_json::to_vec(&(d.title, d.url, d.text)).unwrap_or_default();
            let bytes = gzip_with(z, &json);
            let h = fnv1a(&bytes);
            put(IndexFile {
                path: format!("f/{i}.gz"),
                bytes,
            });
            h
        })
        .collect();
    let h = shard_hashes
        .iter()
        .chain(&fragment_hashes)
        .fold(fnv1a(lang.as_bytes()), |h, b| {
            (h ^ b).wrapping_mul(0x0100_0000_01b3)
        });
    let manifest = Manifest {
        v: 2,
        lang,
        docs: docs.len(),
        terms: terms.len(),
        h: format!("{h:016x}"),
        shards: firsts,
    };
    put(IndexFile {
        path: "index.json".to_string(),
        bytes: serde_json::to_vec(&manifest).unwrap_or_default(),
    });
}

#[cfg(test)]
mod tests;
