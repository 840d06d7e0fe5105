#!/usr/bin/env python3
"""Edit-to-served latency of `bichig serve` on the generated corpus.

    python3 benches/serve-edit.py [N] [edits]

Generates the benchmark corpus of N logical pages (benches/corpus.py, default
10000: 20,000 pages), times `bichig build` on it, starts the dist binary's
`serve`, then edits one page `edits` times (default 7) and polls over HTTP:

- each edit puts a marker at the start of the page's first paragraph, which
  changes its text and its summary: timed until the page shows it, until the
  section listing page that lists the page shows it (both rendered at once),
  and until the page of its first tag does (tag pages follow with the full
  build, once edits pause for a second);
- a last edit changes the page's title (front matter: a full build), timed
  until the page, its section listing and its tag page show it.

Prints each latency and the medians. Build the dist binary first (cargo build
--profile dist). Python 3 standard library only.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import re
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    binary = REPO / "target" / "dist" / "bichig"
    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as work:
        subprocess.run([sys.executable, str(REPO / "benches" / "corpus.py"), str(n), work],
                       check=True, stdout=subprocess.DEVNULL)
        site = Path(work) / "bichig"
        out = Path(work) / "out"
        t0 = time.monotonic()
        subprocess.run([str(binary), "build", "--root", str(site), "--output", str(out)],
                       check=True, stdout=subprocess.DEVNULL)
        print(f"N={n}: build {time.monotonic() - t0:.2f} s")
        server = subprocess.Popen([str(binary), "serve", "--root", str(site), "--port", "0"],
                                  stdout=subprocess.PIPE, stderr=None if os.environ.get("BICHIG_SERVE_LOG") else subprocess.DEVNULL, text=True)
        try:
            started = time.monotonic()
            line = server.stdout.readline()
            url = line.split("at ", 1)[1].split()[0].rstrip("/")
            print(f"N={n}: first build and start {time.monotonic() - started:.2f} s, {url}")
            page = sorted((site / "content").glob("s*/p*.md"))[0]
            if page.name.endswith(".mn.md"):
                page = page.with_name(page.name.replace(".mn.md", ".md"))
            rel = page.relative_to(site / "content")
            path = "/" + str(rel.parent) + "/" + rel.stem + "/"
            original = page.read_text(encoding="utf-8")
            tag = re.search(r'^tags: \["([^"]+)"', original, re.M).group(1)
            section = find_listing(url, "/" + str(rel.parent) + "/", path)
            tag_page = find_listing(url, "/tags/" + urllib.parse.quote(tag) + "/", path)
            print(f"page {path}, listed on {section} and {urllib.parse.unquote(tag_page)}")
            rows = []
            for i in range(edits):
                marker = f"编辑标记{i}x{time.time_ns() % 10**9}"
                front, body = original.split("\n---\n", 1)
                edited = front + "\n---\n\n" + marker + body.lstrip("\n")
                t0 = save(page, edited)
                row = [wait_for(url + path, marker, t0),
                       wait_for(url + section, marker, t0),
                       wait_for(url + tag_page, marker, t0)]
                rows.append(row)
                print(f"edit {i + 1}: page {row[0]:.0f} ms, section listing {row[1]:.0f} ms, "
                      f"tag page {row[2]:.0f} ms")
                time.sleep(0.5)
            for name, k in (("page", 0), ("section listing", 1), ("tag page", 2)):
                col = [r[k] for r in rows]
                print(f"{name}: median {statistics.median(col):.0f} ms, "
                      f"min {min(col):.0f}, max {max(col):.0f}")
            title = f"新标题{time.time_ns() % 10**9}"
            edited = re.sub(r'^title: .*$', f'title: "{title}"', original, count=1, flags=re.M)
            t0 = save(page, edited)
            row = [wait_for(url + p, title, t0) for p in (path, section, tag_page)]
            print(f"title edit: page {row[0]:.0f} ms, section listing {row[1]:.0f} ms, "
                  f"tag page {row[2]:.0f} ms")
            save(page, original)
        finally:
            server.terminate()
            server.wait()


def fetch(u):
    try:
        with urllib.request.urlopen(u) as r:
            return r.read().decode("utf-8")
    except urllib.error.HTTPError:
        return ""


def find_listing(base, first, path):
    """The listing page (first, first/page/2/, ...) that links to path."""
    for k in range(1, 10000):
        u = first if k == 1 else f"{first}page/{k}/"
        html = fetch(base + u)
        if f"href={path}>" in html or f'href="{path}"' in html:
            return u
        if not html:
            break
    raise SystemExit(f"{path} is listed on no page of {first}")


def save(page, text):
    tmp = page.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    t0 = time.monotonic()
    os.replace(tmp, page)
    return t0


def wait_for(u, needle, t0, limit=120):
    """Milliseconds from t0 until the page at u contains needle."""
    while needle not in fetch(u):
        if time.monotonic() - t0 > limit:
            raise SystemExit(f"{u} does not show {needle} after {limit} s")
        time.sleep(0.002)
    return (time.monotonic() - t0) * 1000


if __name__ == "__main__":
    main()
