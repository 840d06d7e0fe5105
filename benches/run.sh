#!/usr/bin/env bash
# bichig vs Zola vs Hugo on the same generated bilingual site (benches/corpus.py).
#
#   SIZES="1000 10000" RUNS=5 bash benches/run.sh
#   ZOLA=/path/to/zola EXTRA="before:/path/to/old/bichig" bash benches/run.sh
#
# For each size N: generate the corpus (printing its distinct Chinese bigrams and
# Mongolian words), WARMUP untimed builds of each tool (default 1), then RUNS timed
# builds in turn (bichig, zola, hugo, EXTRA...), each into a fresh output folder
# (removed before the run). Measures wall time, CPU time (user+sys) and peak RSS
# with GNU time, prints medians and min-max, the ratios bichig/zola and
# bichig/hugo, and the growth factor of each tool's median wall time between the
# first and the last size. Also times `cp -r` of bichig's output as a floor.
#
# Needs GNU time (Debian: time), python3, cargo, hugo (Debian: hugo) and a zola
# binary: $ZOLA, else target/anchors/zola under $CARGO_TARGET_DIR or the repo, else
# `zola` on PATH (see /work/shared/anchors/README.md); a missing peer is skipped.
#
# The corpus and outputs go to a folder made by mktemp under TMPDIR, /dev/shm by
# default (tmpfs: this measures the generators, not the disk); removed on exit.
#
# EXTRA adds other bichig binaries (LABEL:PATH, space-separated) to the same
# runs, e.g. a build of an earlier commit or of another profile.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-1000 10000}
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
TIME=/usr/bin/time
TMPDIR=${TMPDIR:-/dev/shm}

if [ ! -x "$TIME" ] || ! "$TIME" -f "%e" true >/dev/null 2>&1; then
  echo "GNU time not found at $TIME: apt-get install -y time" >&2
  exit 1
fi
command -v python3 >/dev/null 2>&1 || { echo "python3 not found" >&2; exit 1; }

target=${CARGO_TARGET_DIR:-$PWD/target}
ZOLA=${ZOLA:-}
for z in "$target/anchors/zola" "$PWD/target/anchors/zola" "$(command -v zola || true)"; do
  if [ -z "$ZOLA" ] && [ -n "$z" ] && [ -x "$z" ]; then ZOLA=$z; fi
done
TOOLS="bichig"
if [ -n "$ZOLA" ]; then TOOLS="$TOOLS zola"; else echo "zola not found: skipped (set ZOLA=)" >&2; fi
if command -v hugo >/dev/null 2>&1; then TOOLS="$TOOLS hugo"; else echo "hugo not found: skipped" >&2; fi

cargo build --profile dist -q
BICHIG=$target/dist/bichig

work=$(mktemp -d "$TMPDIR/bichig-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
results=$work/results   # lines: N tool wall cpu rss_kb
: >"$results"

# run_timed N LABEL CMD...: runs CMD under GNU time and appends
# "N LABEL wall cpu(user+sys) maxrss_kb" to $results; on failure prints the
# command's output and exits.
run_timed() {
  local n=$1 label=$2; shift 2
  if ! "$TIME" -f "%e %U %S %M" -o "$work/t" "$@" >"$work/$label.log" 2>&1; then
    echo "FAILED: $*" >&2
    cat "$work/$label.log" >&2
    exit 1
  fi
  tail -n 1 "$work/t" | awk -v n="$n" -v l="$label" '{print n, l, $1, $2 + $3, $4}' >>"$results"
}

# build TOOL N LABEL: one build of TOOL into a fresh $work/out-TOOL.
build() {
  local tool=$1 n=$2 label=$3 out=$work/out-$1
  rm -rf "$out"
  case $tool in
    bichig) run_timed "$n" "$label" "$BICHIG" build --root "$site/bichig" --output "$out" ;;
    # zola resolves --output-dir against --root's parent; an absolute path is safe.
    zola) run_timed "$n" "$label" "$ZOLA" --root "$site/zola" build --output-dir "$out" --force ;;
    hugo) run_timed "$n" "$label" hugo --source "$site/hugo" --destination "$out" --quiet ;;
    *) run_timed "$n" "$label" "${EXTRA_PATH[$tool]}" build --root "$site/bichig" --output "$out" ;;
  esac
}
EXTRA=${EXTRA:-}
declare -A EXTRA_PATH
for e in $EXTRA; do EXTRA_PATH[${e%%:*}]=${e#*:}; TOOLS="$TOOLS ${e%%:*}"; done

# median of the numbers on stdin
median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
minmax() { sort -g | awk 'NR==1{lo=$1} {hi=$1} END{printf "%.2f-%.2f", lo, hi}'; }

cpu_model=$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)
declare -A PAGES
stats=""

for n in $SIZES; do
  site=$work/site-$n
  echo "== N=$n: generating corpus" >&2
  stats="$stats$(python3 benches/corpus.py "$n" "$site" --stats)
"
  for w in $(seq "$WARMUP"); do
    echo "== N=$n: warm-up $w/$WARMUP" >&2
    for tool in $TOOLS; do build "$tool" "$n" "warmup-$tool"; done
  done
  for r in $(seq "$RUNS"); do
    echo "== N=$n: run $r/$RUNS" >&2
    for tool in $TOOLS; do build "$tool" "$n" "$tool"; done
  done
  for tool in $TOOLS; do
    PAGES[$n,$tool]=$(find "$work/out-$tool" -name '*.html' | wc -l)
  done
  for r in $(seq "$RUNS"); do
    rm -rf "$work/cp-$n"
    run_timed "$n" cp cp -r "$work/out-bichig" "$work/cp-$n"
  done
  for tool in $TOOLS; do rm -rf "$work/out-$tool"; done
  rm -rf "$work/cp-$n" "$site"
done

col() { # col N TOOL FIELD(3=wall 4=cpu 5=rss)
  awk -v n="$1" -v t="$2" -v f="$3" '$1==n && $2==t {print $f}' "$results"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{if (a != "" && b > 0) printf "%.2f", a/b; else printf "-"}'; }

echo
echo "bichig, zola, hugo in turn: median of $RUNS runs after $WARMUP warm-up (fresh output folder each run)"
echo "machine: $(nproc) CPUs, ${cpu_model:-unknown CPU}, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bichig:  $("$BICHIG" --version)"
[ -n "$ZOLA" ] && echo "zola:    $("$ZOLA" --version)"
command -v hugo >/dev/null 2>&1 && echo "hugo:    $(hugo version)"
echo "workdir: $work ($(stat -f -c %T "$work"))"
echo "corpus:  benches/corpus.py N (N pages x 2 languages, 10 sections, 20 tags per language)"
printf '%s' "$stats" | sed 's/^/         /'
echo
printf '%-7s %-7s %10s %13s %9s %13s %9s %7s\n' N tool "wall (s)" "min-max (s)" "CPU (s)" "min-max (s)" "RSS (MB)" pages
for n in $SIZES; do
  for tool in $TOOLS; do
    printf '%-7s %-7s %10.2f %13s %9.2f %13s %9.1f %7s\n' "$n" "$tool" \
      "$(col "$n" "$tool" 3 | median)" "$(col "$n" "$tool" 3 | minmax)" \
      "$(col "$n" "$tool" 4 | median)" "$(col "$n" "$tool" 4 | minmax)" \
      "$(col "$n" "$tool" 5 | median | awk '{print $1/1024}')" "${PAGES[$n,$tool]:-}"
  done
done
echo
printf '%-7s %-8s %12s %12s %12s\n' N "bichig/" "wall" "CPU" "RSS"
for n in $SIZES; do
  for peer in $TOOLS; do
    [ "$peer" = bichig ] && continue
    row=""
    for f in 3 4 5; do
      row="$row $(printf '%12s' "$(ratio "$(col "$n" bichig $f | median)" "$(col "$n" "$peer" $f | median)")")"
    done
    printf '%-7s %-8s%s\n' "$n" "$peer" "$row"
  done
done
first=${SIZES%% *}; last=${SIZES##* }
if [ "$first" != "$last" ]; then
  echo
  printf 'growth of median wall time, N=%s -> %s:' "$first" "$last"
  for tool in $TOOLS; do
    printf ' %s %sx' "$tool" "$(ratio "$(col "$last" "$tool" 3 | median)" "$(col "$first" "$tool" 3 | median)")"
  done
  echo
fi
echo
printf 'cp -r of bichig output (floor):'
for n in $SIZES; do printf ' N=%s %.2f s' "$n" "$(col "$n" cp 3 | median)"; done
echo
