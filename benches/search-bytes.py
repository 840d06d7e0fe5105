#!/usr/bin/env python3
"""Search index size and download per query, on a built bilingual site.

    python3 benches/search-bytes.py PUBLIC zh:金融 mn:ᠭᠠᠵᠠᠷ ...

prints, per language, the index files' bytes against the plain text of the
pages (fragment titles and texts), then serves PUBLIC with a logging
http.server, loads /search/?q=… (or /mn/search/?q=…) in headless Chromium
with a fresh profile for each query and prints the bytes of every request.
Python 3 standard library and `chromium` on PATH.
"""
import functools, gzip, http.server, json, os, subprocess, sys, tempfile, threading, urllib.parse

log = []
class H(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass
    def copyfile(self, src, dst):
        data = src.read()
        dst.write(data)
        log.append((self.path, len(data)))

pub = sys.argv[1]
for lang, d in (("zh", "search"), ("mn", "mn/search")):
    base = os.path.join(pub, d)
    man = os.path.getsize(os.path.join(base, "index.json"))
    t = sum(os.path.getsize(os.path.join(base, "t", f)) for f in os.listdir(os.path.join(base, "t")))
    fs = os.listdir(os.path.join(base, "f"))
    f = sum(os.path.getsize(os.path.join(base, "f", x)) for x in fs)
    text = 0
    for x in fs:
        title, url, body = json.loads(gzip.decompress(open(os.path.join(base, "f", x), "rb").read()))
        text += len(body.encode()) + len(title.encode())
    m = json.load(open(os.path.join(base, "index.json")))
    tot = man + t + f
    print(f"{lang}: docs {m['docs']} terms {m['terms']} shards {len(m['shards'])} | manifest {man/1e3:.1f} KB, shards {t/1e6:.2f} MB, fragments {f/1e6:.2f} MB, total {tot/1e6:.2f} MB | plain text {text/1e6:.2f} MB | ratio {tot/text:.2f}")
srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(H, directory=pub))
threading.Thread(target=srv.serve_forever, daemon=True).start()
port = srv.server_address[1]
for q in sys.argv[2:]:
    lang, term = q.split(":", 1)
    path = ("/mn" if lang == "mn" else "") + "/search/?q=" + urllib.parse.quote(term)
    log.clear()
    with tempfile.TemporaryDirectory() as prof:
        dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={prof}", "--virtual-time-budget=10000", "--dump-dom",
            f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True).stdout
    res = dom.split('id="search-results"')[1] if 'id="search-results"' in dom else ""
    count = res.split('class="search-count">')[1].split("<")[0] if "search-count" in res else "none"
    index = sum(n for p, n in log if p.startswith(("/search/", "/mn/search/")) and "?q=" not in p)
    total = sum(n for _, n in log)
    print(f"{lang} {term}: {count!r}, {res.count('<li>')} listed, {len(log)} requests, {total/1e3:.1f} KB in all ({index/1e3:.1f} KB index)")
    for p, n in log:
        print(f"    {n:8d}  {urllib.parse.unquote(p)}")
