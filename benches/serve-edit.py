#!/usr/bin/env python3
"""Edit-to-served latency of `bichig serve` on the generated corpus.

    python3 benches/serve-edit.py [N] [edits]

Generates the benchmark corpus of N logical pages (benches/corpus.py, default
10000), starts the dist binary's `serve` on it, then edits the text of one
page `edits` times (default 5, one second apart) and polls the page over HTTP
until the edit is served. Prints each latency and the median. Build the dist
binary first (cargo build --profile dist). Python 3 standard library only.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    binary = REPO / "target" / "dist" / "bichig"
    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as work:
        subprocess.run([sys.executable, str(REPO / "benches" / "corpus.py"), str(n), work],
                       check=True, stdout=subprocess.DEVNULL)
        site = Path(work) / "bichig"
        server = subprocess.Popen([str(binary), "serve", "--root", str(site), "--port", "0"],
                                  stdout=subprocess.PIPE, stderr=None if os.environ.get("BICHIG_SERVE_LOG") else subprocess.DEVNULL, text=True)
        try:
            started = time.monotonic()
            line = server.stdout.readline()
            url = line.split("at ", 1)[1].split()[0]
            print(f"N={n}: first build and start {time.monotonic() - started:.2f} s, {url}")
            page = sorted((site / "content").glob("s*/p*.md"))[0]
            if page.name.endswith(".mn.md"):
                page = page.with_name(page.name.replace(".mn.md", ".md"))
            rel = page.relative_to(site / "content")
            page_url = url + str(rel.parent) + "/" + rel.stem + "/"
            original = page.read_text(encoding="utf-8")
            times = []
            for i in range(edits):
                marker = f"编辑标记{i}x{time.time_ns()}"
                tmp = page.with_suffix(".tmp")
                tmp.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
                t0 = time.monotonic()
                os.replace(tmp, page)
                while True:
                    with urllib.request.urlopen(page_url) as r:
                        if marker in r.read().decode("utf-8"):
                            break
                    if time.monotonic() - t0 > 60:
                        raise SystemExit(f"edit {i} not served after 60 s")
                    time.sleep(0.002)
                ms = (time.monotonic() - t0) * 1000
                times.append(ms)
                print(f"edit {i + 1}: served after {ms:.0f} ms")
                time.sleep(1.0 if i + 1 < edits else 0)
            print(f"median {statistics.median(times):.0f} ms, min {min(times):.0f}, max {max(times):.0f}")
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
