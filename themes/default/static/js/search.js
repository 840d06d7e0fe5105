/* bichig default theme: client-side search (templates/search.html). Reads
 * ?q=, fetches this language's index once (URL in this script tag's
 * data-index; built by search.rs), lists matching pages in #search-results.
 * Matching is on normalized text: Mongolian variation selectors, MVS, ZWJ/ZWNJ
 * and NNBSP deleted, lowercased. A Han run must have all its bigrams; a word
 * matches every term it begins; words typed apart (a suffix after a plain
 * space) also match joined. Snippets show the ORIGINAL text around the first
 * match, found through a map from normalized back to original positions.
 * UI strings come from data-results ({n}), data-no-results ({q}) and
 * data-error; page text only ever goes in as text nodes. On a page in another
 * language than Chinese, data-han holds the tag that Han runs in titles and
 * snippets get (a Chinese name in Mongolian text keeps its language and font).
 */
(function () {
  "use strict";

  const script = document.currentScript || document.querySelector("script[data-index]");
  const input = document.getElementById("search-q");
  const out = document.getElementById("search-results");
  if (!script || !input || !out || !window.fetch) { return; }
  const MAX_RESULTS = 50;
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

  function load() {
    if (!loading) {
      loading = fetch(script.getAttribute("data-index"))
        .then((r) => { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
        .then((ix) => ({ docs: ix.docs || [], terms: ix.terms || {}, keys: Object.keys(ix.terms || {}), titles: [], prefix: new Map() }))
        .catch((e) => { loading = null; throw e; });
    }
    return loading;
  }

  // Doc id -> term hits, for docs in both maps (hits added up); null = all.
  function intersect(a, b) {
    if (a === null) { return b; }
    const m = new Map();
    for (const [d, h] of a) { if (b.has(d)) { m.set(d, h + b.get(d)); } }
    return m;
  }

  // Docs having a term that starts with `w` (one scan of the keys per string).
  function prefixDocs(ix, w) {
    if (!ix.prefix.has(w)) {
      const m = new Map();
      for (const k of ix.keys) { if (k.startsWith(w)) { for (const d of ix.terms[k]) { m.set(d, (m.get(d) || 0) + 1); } } }
      ix.prefix.set(w, m);
    }
    return ix.prefix.get(w);
  }

  function hanDocs(ix, han) {
    if (han.length === 1) {
      const m = new Map();
      ix.docs.forEach((d, i) => { if (d[0].includes(han[0]) || d[2].includes(han[0])) { m.set(i, 1); } });
      return m;
    }
    let m = null;
    for (let i = 0; i + 1 < han.length; i++) {
      const p = ix.terms[han[i] + han[i + 1]];
      if (!p) { return new Map(); }
      m = intersect(m, new Map(p.map((d) => [d, 1])));
    }
    return m;
  }

  /* Docs where the words, in order, split into groups of 1..MAX_JOIN words
     that each (joined) begin a term: "ᠪᠢᠴᠢᠭ ᠦᠨ" finds the term ᠪᠢᠴᠢᠭᠦᠨ. */
  function wordDocs(ix, words) {
    const reach = [null]; // reach[j]: docs matching words[0..j); null = all
    for (let j = 1; j <= words.length; j++) {
      const acc = new Map();
      for (let i = Math.max(0, j - MAX_JOIN); i < j; i++) {
        if (reach[i] !== null && reach[i].size === 0) { continue; }
        const m = intersect(reach[i], prefixDocs(ix, words.slice(i, j).join("")));
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

  function show(q, ix) {
    out.textContent = "";
    const parts = parse(normalize(q).norm);
    let hits = parts.length ? null : new Map();
    for (const p of parts) {
      hits = intersect(hits, p.han ? hanDocs(ix, p.han) : wordDocs(ix, p.words));
      if (hits.size === 0) { break; }
    }
    const list = needles(parts);
    const inTitle = (d) => {
      const t = ix.titles[d] || (ix.titles[d] = normalize(ix.docs[d][0]).norm);
      return list.some((s) => t.includes(s)) ? 1 : 0;
    };
    const found = Array.from(hits.keys())
      .map((d) => ({ d, title: inTitle(d), hits: hits.get(d) }))
      .sort((x, y) => y.title - x.title || y.hits - x.hits || x.d - y.d);
    if (!found.length) {
      out.append(el("p", "search-none", fill(script.getAttribute("data-no-results"), "{q}", q)));
      return;
    }
    const ol = el("ol", "search-list", "");
    for (const r of found.slice(0, MAX_RESULTS)) {
      const doc = ix.docs[r.d];
      const a = el("a", "", doc[0]);
      a.href = doc[1];
      const li = el("li", "", "");
      li.append(a, snippet(doc[2] || "", list));
      ol.append(li);
    }
    out.append(el("p", "search-count", fill(script.getAttribute("data-results"), "{n}", String(found.length))), ol);
  }

  function run() {
    const q = new URLSearchParams(location.search).get("q") || "";
    input.value = q;
    out.textContent = "";
    const ticket = ++runs; // only the latest query may fill the list
    if (!q.trim()) { return; }
    load().then((ix) => { if (ticket === runs) { show(q, ix); } }, (e) => {
      if (ticket === runs) { out.append(el("p", "search-none", script.getAttribute("data-error") || String(e))); }
    });
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
