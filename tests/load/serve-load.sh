#!/usr/bin/env bash
# The preview server under load: wrk with 64 connections for 30 s against
# `bichig serve` on the shipped report while a page is edited five times a second
# (every tenth edit breaks the front matter, the next one repairs it), and path
# traversal attempts in several encodings are sent throughout.
# Fails on any failed request, a traversal answered with 200, a crash, fewer
# than two edits a second, or memory that keeps growing.
# Usage: tests/load/serve-load.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS=${1:-30}
CONNS=${2:-64}
command -v wrk >/dev/null || { echo "wrk not found (apt-get install wrk)"; exit 1; }

cargo build --release --quiet
BIN=${CARGO_TARGET_DIR:-$PWD/target}/release/bichig
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir "$WORK/site"
cp -r site.yaml content themes seeds "$WORK/site/"
[ -d i18n ] && cp -r i18n "$WORK/site/"
[ -d static ] && cp -r static "$WORK/site/"

# Every HTML page, stylesheet, script and index the site has, as URLs.
"$BIN" build --root "$WORK/site" --output "$WORK/list" >/dev/null 2>&1
(cd "$WORK/list" && find . -type f \( -name '*.html' -o -name '*.css' -o -name '*.js' -o -name '*.json' -o -name '*.xml' \) \
  | sed -e 's|^\./|/|' -e 's|index\.html$||' | grep -v '404\.html$' | sort \
  | python3 -c 'import sys, urllib.parse; [print(urllib.parse.quote(l.rstrip("\n"))) for l in sys.stdin]') > "$WORK/paths.txt"
echo "load: $(wc -l < "$WORK/paths.txt") URLs, $CONNS connections, $SECS s"

# At nice 10: its 64 busy connection threads would otherwise leave the editor
# and traversal loops below (one process each) a sliver of the CPU, and the
# edits this test is about would come far less than several times a second.
nice -n 10 "$BIN" serve --root "$WORK/site" --port 0 > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVER_PID=$!
for _ in $(seq 100); do
  grep -q "serving" "$WORK/serve.out" 2>/dev/null && break
  sleep 0.1
done
URL=$(grep -o 'http://[^ ]*' "$WORK/serve.out" | head -1)
URL=${URL%/}
[ -n "$URL" ] || { echo "serve did not start"; cat "$WORK/serve.err"; exit 1; }

rss() { awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; }

# Editor: five edits a second to one page; every tenth breaks the YAML. Saved
# the way editors do (write a temporary file, rename it over the page), with
# shell builtins but for `mv`, so the edit rate holds while wrk keeps both
# cores busy.
PAGE="$WORK/site/content/measures/funding.md"
ORIG=$(<"$PAGE")
(
  exec {pause}<> <(:)
  n=0
  end=$((SECONDS + SECS))
  while [ $SECONDS -lt $end ]; do
    n=$((n + 1))
    if [ $((n % 10)) -eq 0 ]; then
      printf -- '---\ntitle: [unclosed\n---\n' > "$PAGE.tmp"
    else
      printf '%s\n\n编辑第 %d 次。\n' "$ORIG" "$n" > "$PAGE.tmp"
    fi
    mv "$PAGE.tmp" "$PAGE"
    read -r -t 0.2 -u "$pause" || true
  done
  printf '%s\n\n最后一次编辑。\n' "$ORIG" > "$PAGE.tmp"
  mv "$PAGE.tmp" "$PAGE"
  echo "$n" > "$WORK/edits"
) &
EDITOR_PID=$!

# Traversal attempts during the load: never 200, never a file from outside.
TRAVERSALS=(/../site.yaml /%2e%2e/site.yaml /%2e%2e%2fsite.yaml /%252e%252e/site.yaml
  /..%5csite.yaml '/measures/..\..\site.yaml' /%c0%ae%c0%ae/site.yaml
  /..%2f..%2f..%2fetc%2fpasswd //etc/passwd /content/measures/funding.md /.%2e/site.yaml)
(
  end=$((SECONDS + SECS))
  tried=0
  while [ $SECONDS -lt $end ]; do
    for p in "${TRAVERSALS[@]}"; do
      code=$(curl -s -o "$WORK/t.body" -w '%{http_code}' --path-as-is "$URL$p" || echo 000)
      tried=$((tried + 1))
      if [ "$code" = 200 ] || grep -q -e 'base_url' -e 'root:' "$WORK/t.body"; then
        echo "TRAVERSAL $p answered $code"
      fi
    done
    sleep 0.5
  done
  echo "$tried" > "$WORK/traversals"
) > "$WORK/traversal.log" &
TRAVERSAL_PID=$!

# Memory: sampled every second.
(
  while kill -0 "$SERVER_PID" 2>/dev/null; do rss; sleep 1; done
) > "$WORK/rss.txt" 2>/dev/null &

BICHIG_LOAD_PATHS="$WORK/paths.txt" wrk -t2 -c"$CONNS" -d"${SECS}s" --timeout 5s \
  -s tests/load/paths.lua "$URL" | tee "$WORK/wrk.out"
wait "$EDITOR_PID" "$TRAVERSAL_PID"
sleep 1.5

fail=0
kill -0 "$SERVER_PID" 2>/dev/null || { echo "FAIL: serve died"; fail=1; }
result=$(grep '^RESULT' "$WORK/wrk.out")
for key in connect read write status timeout; do
  v=$(echo "$result" | grep -o "$key=[0-9]*" | cut -d= -f2)
  [ "$v" = 0 ] || { echo "FAIL: $key errors: $v"; fail=1; }
done
if grep -q TRAVERSAL "$WORK/traversal.log"; then cat "$WORK/traversal.log"; fail=1; fi
# The last edit is served.
curl -s "$URL/measures/funding/" | grep -q '最后一次编辑' || { echo "FAIL: last edit not served"; fail=1; }

# The edits must have come several times a second for the run to prove anything.
edits=$(cat "$WORK/edits")
[ "$edits" -ge $((2 * SECS)) ] || { echo "FAIL: only $edits edits in $SECS s"; fail=1; }

builds=$(grep -c '^built' "$WORK/serve.err" || true)
failed=$(grep -c 'build failed' "$WORK/serve.err" || true)
panics=$(grep -c 'panicked' "$WORK/serve.err" || true)
[ "$panics" = 0 ] || { echo "FAIL: $panics panics"; grep -A3 panicked "$WORK/serve.err" | head; fail=1; }
# Steady memory: the peak of the last third is at most 1.5 times the peak of the second third.
n=$(wc -l < "$WORK/rss.txt")
mid=$(sed -n "$((n / 3 + 1)),$((2 * n / 3))p" "$WORK/rss.txt" | sort -n | tail -1)
last=$(sed -n "$((2 * n / 3 + 1)),${n}p" "$WORK/rss.txt" | sort -n | tail -1)
first=$(head -1 "$WORK/rss.txt")
[ "$last" -le $((mid * 3 / 2)) ] || { echo "FAIL: memory grew from $mid kB to $last kB"; fail=1; }

echo "SUMMARY requests=$(echo "$result" | grep -o 'requests=[0-9]*' | cut -d= -f2)" \
  "errors=$(echo "$result" | grep -o 'connect=.*timeout=[0-9]*')" \
  "edits=$edits rebuilds_ok=$builds rebuilds_failed=$failed" \
  "traversals_refused=$(cat "$WORK/traversals")" \
  "rss_kb_start=$first rss_kb_mid_peak=$mid rss_kb_last_peak=$last"
exit $fail
