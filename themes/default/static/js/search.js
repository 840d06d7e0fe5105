/* bichig default theme: client-side search (templates/search.html). Reads
 * ?q=, fetches this language's index manifest (URL in this script tag's
 * data-index; built by search.rs), then only the term shards the query needs
 * and the fragments of the results shown, a page of PAGE at a time (the
 * button's label in data-more); lists matching pages in #search-results.
 * Matching is on normalized text: Mongolian variation selectors, MVS, ZWJ/ZWNJ
 * and NNBSP deleted, lowercased. A Han run must have all its bigrams; a word
 * matches every term it begins; words typed apart (a suffix after a plain
 * space) also match joined. Snippets show the ORIGINAL text around the first
 * match, found through a map from normalized back to original positions.
 * UI strings come from data-results ({n}), data-no-results ({q}), data-more
 * and data-error; page text only ever goes in as text nodes. On a page in another
 * language than Chinese, data-han holds the tag that Han runs in titles and
 * snippets get (a Chinese name in Mongolian text keeps its language and font).
 */
(function () {
  "use strict";

  const script = document.currentScript || document.querySelector("script[data-index]");
  const input = document.getElementById("search-q");
  const out = document.getElementById("search-results");
  if (!script || !input || !out || !window.fetch) { return; }
  const PAGE = 10; // results listed at once (their fragments fetched)
  const SNIPPET = 80; // code units of original text around the match
  const MAX_JOIN = 4; // at most this many typed words read as one term

  const IGNORABLE = /[\u180B-\u180F\u200C\u200D\u202F]/;
  const FVS = /[\u180B-\u180D\u180F]/;
  const HAN = /[\u3400-\u9FFF\uF900-\uFAFF\u{20000}-\u{3FFFF}]/u;
  // Whitespace, ASCII punctuation, Mongolian punctuation U+1800-180A, CJK
  // punctuation, fullwidth punctuation and typographic marks (as search.rs).
  const SEPARATOR = /[\s!-/:-@[-`{-~\u1800-\u180A\u3000-\u303F\uFF00-\uFF0F\uFF1A-\uFF20\u201C\u201D\u2018\u2019\u2014\u2026\u00B7]/u;
  // A place to cut a snippet: a space, but never the NNBSP before a suffix.
  const BREAK = /[\t\n\r \u3000]/;

  let loading = null, runs = 0;
  const BASE = new URL(script.getAttribute("data-index"), location.href);
  const UTF8 = new TextDecoder();
  const HAN_TAG = script.getAttribute("data-han");
  const HAN_RUN = /[\u3400-\u9FFF\uF900-\uFAFF\u{20000}-\u{3FFFF}]+/gu;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) { e.className = cls; }
    e.append(...tagged(text));
    return e;
  }

  // Text as nodes: Han runs in <span lang=…> when the page asks for it.
  function tagged(text) {
    if (!HAN_TAG) { return [text]; }
    const nodes = [];
    let last = 0;
    for (const m of text.matchAll(HAN_RUN)) {
      if (m.index > last) { nodes.push(text.slice(last, m.index)); }
      const span = document.createElement("span");
      span.lang = HAN_TAG;
      span.textContent = m[0];
      nodes.push(span);
      last = m.index + m[0].length;
    }
    if (last < text.length) { nodes.push(text.slice(last)); }
    return nodes;
  }

  // Normalized text; for each of its code units, the original [start, end).
  function normalize(s) {
    let norm = "", i = 0;
    const start = [], end = [];
    for (const ch of s) {
      const j = i + ch.length;
      if (!IGNORABLE.test(ch)) {
        const low = ch.toLowerCase();
        norm += low;
        for (let k = 0; k < low.length; k++) { start.push(i); end.push(j); }
      }
      i = j;
    }
    return { norm, start, end };
  }

  // Query parts: {han: [chars]} per Han run, {words} for words between them.
  function parse(norm) {
    const parts = [];
    let han = [], word = "", words = [];
    const endHan = () => { if (han.length) { parts.push({ han }); han = []; } };
    const endWord = () => { if (word) { words.push(word); word = ""; } };
    const endWords = () => { endWord(); if (words.length) { parts.push({ words }); words = []; } };
    for (const c of norm) {
      if (HAN.test(c)) { endWords(); han.push(c); }
      else if (SEPARATOR.test(c)) { endHan(); endWord(); }
      else { endHan(); word += c; }
    }
    endHan(); endWords();
    return parts;
  }

  /* The index (search.rs, layout in DESIGN.md): a manifest (data-index),
     term shards t/<i>.gz holding consecutive terms in UTF-16 order (the
     manifest lists each one's first term), and one fragment f/<doc>.gz
     [title, url, text] per page, fetched for the results shown. */
  function load() {
    if (!loading) {
      loading = fetch(BASE, { cache: "no-cache" })
        .then((r) => { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
        .then((m) => ({ m, firsts: m.shards || [], shards: new Map(), found: new Map(), frags: new Map() }))
        .catch((e) => { loading = null; throw e; });
    }
    return loading;
  }

  // Bytes of a gzipped file of the index, inflated here unless the server
  // already did (a server may send .gz files with Content-Encoding: gzip).
  function gunzip(buf) {
    const b = new Uint8Array(buf);
    if (b[0] !== 0x1f || b[1] !== 0x8b) { return Promise.resolve(buf); }
    if (!window.DecompressionStream) { return Promise.reject(new Error("no DecompressionStream")); }
    return new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  }

  // A file of the index, cached as a promise (dropped again if it fails).
  function file(ix, cache, path, parse) {
    if (!cache.has(path)) {
      const p = fetch(new URL(path + "?v=" + ix.m.h, BASE))
        .then((r) => { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.arrayBuffer(); })
        .then(gunzip)
        .then(parse);
      p.catch(() => cache.delete(path));
      cache.set(path, p);
    }
    return cache.get(path);
  }

  // A shard's terms, and where each one's postings start and how many.
  function parseShard(buf) {
    const b = new Uint8Array(buf), terms = [], posts = [];
    let at = 0, prev = "";
    const num = () => { let n = 0, s = 1, x; do { x = b[at++]; n += (x & 127) * s; s *= 128; } while (x >= 128); return n; };
    while (at < b.length) {
      const keep = num(), len = num();
      const t = prev.slice(0, keep) + UTF8.decode(b.subarray(at, at + len));
      at += len;
      const n = num();
      posts.push([at, n]);
      for (let k = 0; k < n && at < b.length; k++) { while (b[at++] >= 128) { /* skip */ } }
      terms.push(t);
      prev = t;
    }
    return { b, terms, posts };
  }

  // Postings of term k of a shard: [doc, in title] in doc order.
  function postings(sh, k) {
    const b = sh.b, out = [];
    let [at, n] = sh.posts[k], d = 0;
    for (; n > 0; n--) {
      let v = 0, s = 1, x;
      do { x = b[at++]; v += (x & 127) * s; s *= 128; } while (x >= 128);
      d += Math.floor(v / 2);
      out.push([d, v % 2]);
    }
    return out;
  }

  // First index in sorted `xs` whose value is not below `w`.
  function lowerBound(xs, w) {
    let lo = 0, hi = xs.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (xs[mid] < w) { lo = mid + 1; } else { hi = mid; } }
    return lo;
  }

  /* Docs with the term `w` (key "=w") or a term beginning with `w` ("^w"):
     {docs: doc -> terms matched, titled: docs matched in their title}. The
     shards to read: the last one starting at or before `w`, and for a prefix
     the ones after it that start with `w`. */
  function lookup(ix, key) {
    if (!ix.found.has(key)) {
      const prefix = key[0] === "^", w = key.slice(1), f = ix.firsts;
      const first = Math.max(0, lowerBound(f, w) - (f[lowerBound(f, w)] === w ? 0 : 1));
      const which = [];
      for (let i = first; i < f.length && (i === first || (prefix && f[i].startsWith(w))); i++) { which.push(i); }
      const p = Promise.all(which.map((i) => file(ix, ix.shards, "t/" + i + ".gz", parseShard)))
        .then((shards) => {
          const docs = new Map(), titled = new Set();
          for (const sh of shards) {
            for (let k = lowerBound(sh.terms, w); k < sh.terms.length; k++) {
              const t = sh.terms[k];
              if (prefix ? !t.startsWith(w) : t !== w) { break; }
              for (const [d, title] of postings(sh, k)) {
                docs.set(d, (docs.get(d) || 0) + 1);
                if (title) { titled.add(d); }
              }
            }
          }
          return { docs, titled };
        });
      p.catch(() => ix.found.delete(key));
      ix.found.set(key, p);
    }
    return ix.found.get(key);
  }

  // The lookups a query needs: each Han bigram (a lone character: the terms
  // it begins), each run of 1..MAX_JOIN words joined, as a prefix.
  function keysOf(parts) {
    const keys = new Set();
    for (const p of parts) {
      if (p.han && p.han.length === 1) { keys.add("^" + p.han[0]); }
      else if (p.han) { for (let i = 0; i + 1 < p.han.length; i++) { keys.add("=" + p.han[i] + p.han[i + 1]); } }
      else {
        for (let j = 1; j <= p.words.length; j++) {
          for (let i = Math.max(0, j - MAX_JOIN); i < j; i++) { keys.add("^" + p.words.slice(i, j).join("")); }
        }
      }
    }
    return Array.from(keys);
  }

  // Doc id -> term hits, for docs in both maps (hits added up); null = all.
  function intersect(a, b) {
    if (a === null) { return b; }
    const m = new Map();
    for (const [d, h] of a) { if (b.has(d)) { m.set(d, h + b.get(d)); } }
    return m;
  }

  function hanDocs(res, han) {
    if (han.length === 1) { return new Map(Array.from(res.get("^" + han[0]).docs.keys(), (d) => [d, 1])); }
    let m = null;
    for (let i = 0; i + 1 < han.length; i++) {
      m = intersect(m, new Map(Array.from(res.get("=" + han[i] + han[i + 1]).docs.keys(), (d) => [d, 1])));
    }
    return m;
  }

  /* Docs where the words, in order, split into groups of 1..MAX_JOIN words
     that each (joined) begin a term: "ᠪᠢᠴᠢᠭ ᠦᠨ" finds the term ᠪᠢᠴᠢᠭᠦᠨ. */
  function wordDocs(res, words) {
    const reach = [null]; // reach[j]: docs matching words[0..j); null = all
    for (let j = 1; j <= words.length; j++) {
      const acc = new Map();
      for (let i = Math.max(0, j - MAX_JOIN); i < j; i++) {
        if (reach[i] !== null && reach[i].size === 0) { continue; }
        const m = intersect(reach[i], res.get("^" + words.slice(i, j).join("")).docs);
        for (const [d, h] of m) { acc.set(d, Math.max(acc.get(d) || 0, h)); }
      }
      reach.push(acc);
    }
    return reach[words.length];
  }

  // Strings to highlight, longest first: Han runs and their bigrams, words
  // joined with their neighbours and alone.
  function needles(parts) {
    const n = new Set();
    for (const p of parts) {
      const xs = p.han || p.words;
      const [least, most] = p.han ? [Math.min(2, xs.length), 2] : [1, MAX_JOIN];
      if (p.han) { n.add(xs.join("")); }
      for (let i = 0; i < xs.length; i++) {
        for (let j = i + least; j <= Math.min(xs.length, i + most); j++) { n.add(xs.slice(i, j).join("")); }
      }
    }
    return Array.from(n).sort((a, b) => b.length - a.length);
  }

  // First occurrence of `needle` at the start of a word, else first anywhere
  // (ranked after every start-of-word match): [rank, index], or null.
  function find(norm, needle) {
    const first = norm.indexOf(needle);
    for (let i = first; i >= 0; i = norm.indexOf(needle, i + 1)) {
      if (i === 0 || HAN.test(needle) || SEPARATOR.test(norm[i - 1]) || HAN.test(norm[i - 1])) { return [i, i]; }
    }
    return first < 0 ? null : [first + norm.length, first];
  }

  // The snippet as nodes: original text around the first match, in <mark>.
  function snippet(text, list) {
    const n = normalize(text);
    let best = Infinity, at = -1, len = 0;
    for (const s of list) { // longest first: a tie keeps the longer match
      const f = find(n.norm, s);
      if (f && f[0] < best) { [best, at, len] = [f[0], f[1], s.length]; }
    }
    if (at < 0) { // matched in the title only
      return el("p", "search-snippet", text.length > SNIPPET ? text.slice(0, SNIPPET) + "…" : text);
    }
    const ms = n.start[at];
    let me = n.end[at + len - 1];
    while (me < text.length && FVS.test(text[me])) { me++; } // its selector stays with the letter
    let a = Math.max(0, ms - 30);
    let b = Math.min(text.length, Math.max(me, a + SNIPPET));
    a = Math.max(0, Math.min(a, b - SNIPPET));
    if (a > 0) {
      let s = a;
      while (s < ms && !BREAK.test(text[s])) { s++; }
      a = s < ms ? s + 1 : a;
      while (a < ms && (IGNORABLE.test(text[a]) || /[\uDC00-\uDFFF]/.test(text[a]))) { a++; }
    }
    if (b < text.length) {
      let e = b;
      while (e > me && !BREAK.test(text[e - 1])) { e--; }
      b = e > me ? e - 1 : b;
      while (b < text.length && (FVS.test(text[b]) || /[\uDC00-\uDFFF]/.test(text[b]))) { b++; }
    }
    const p = el("p", "search-snippet", "");
    p.append(...tagged((a > 0 ? "…" : "") + text.slice(a, ms)), el("mark", "", text.slice(ms, me)), ...tagged(text.slice(me, b) + (b < text.length ? "…" : "")));
    return p;
  }

  const fill = (template, key, value) => (template || "").split(key).join(value);

  function result(doc, list) {
    const a = el("a", "", doc[0]);
    a.href = doc[1];
    const li = el("li", "", "");
    li.append(a, snippet(doc[2] || "", list));
    return li;
  }

  // Lists the results from `from` on, a page at a time, with a button for
  // the next page; each page fetches its fragments only.
  function page(ix, found, from, list, ol, ticket) {
    const ds = found.slice(from, from + PAGE);
    return Promise.all(ds.map((r) => file(ix, ix.frags, "f/" + r.d + ".gz", (b) => JSON.parse(UTF8.decode(b))))).then((docs) => {
      if (ticket !== runs) { return; }
      for (const doc of docs) { ol.append(result(doc, list)); }
      if (from + PAGE < found.length) {
        const more = el("button", "search-more", script.getAttribute("data-more") || "…");
        more.type = "button";
        more.addEventListener("click", () => {
          more.disabled = true;
          page(ix, found, from + PAGE, list, ol, ticket).then(() => more.remove(), (e) => { more.disabled = false; fail(e, ticket); });
        });
        out.append(more);
      }
    });
  }

  async function show(q, ix, ticket) {
    const parts = parse(normalize(q).norm);
    const keys = keysOf(parts);
    const res = new Map(await Promise.all(keys.map((k) => lookup(ix, k).then((r) => [k, r]))));
    if (ticket !== runs) { return; }
    let hits = parts.length ? null : new Map();
    for (const p of parts) {
      hits = intersect(hits, p.han ? hanDocs(res, p.han) : wordDocs(res, p.words));
      if (hits.size === 0) { break; }
    }
    // Pages with a matched term in the title first, then by terms matched.
    const titled = new Set();
    for (const r of res.values()) { for (const d of r.titled) { titled.add(d); } }
    const found = Array.from(hits.keys())
      .map((d) => ({ d, title: titled.has(d) ? 1 : 0, hits: hits.get(d) }))
      .sort((x, y) => y.title - x.title || y.hits - x.hits || x.d - y.d);
    out.textContent = "";
    if (!found.length) {
      out.append(el("p", "search-none", fill(script.getAttribute("data-no-results"), "{q}", q)));
      return;
    }
    const ol = el("ol", "search-list", "");
    out.append(el("p", "search-count", fill(script.getAttribute("data-results"), "{n}", String(found.length))), ol);
    await page(ix, found, 0, needles(parts), ol, ticket);
  }

  function fail(e, ticket) {
    if (ticket === runs) { out.append(el("p", "search-none", script.getAttribute("data-error") || String(e))); }
  }

  function run() {
    const q = new URLSearchParams(location.search).get("q") || "";
    input.value = q;
    out.textContent = "";
    const ticket = ++runs; // only the latest query may fill the list
    if (!q.trim()) { return; }
    load().then((ix) => show(q, ix, ticket)).catch((e) => fail(e, ticket));
  }

  // Search without reloading the page; the address keeps ?q= for back/forward.
  const form = input.form;
  if (form && window.history && history.pushState) {
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const q = input.value;
      history.pushState(null, "", q.trim() ? "?q=" + encodeURIComponent(q) : location.pathname);
      run();
    });
    window.addEventListener("popstate", run);
  }
  input.addEventListener("focus", () => { load().catch(() => {}); }, { once: true });
  run();
})();
