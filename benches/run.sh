#!/usr/bin/env bash
# bichig vs Hugo on the same generated bilingual site (benches/corpus.py).
#
#   SIZES="1000 10000" RUNS=5 bash benches/run.sh
#   EXTRA="before:/path/to/old/bichig release:target/release/bichig" bash benches/run.sh
#
# For each size N: generate the corpus, one warm-up build of each tool, then RUNS
# timed builds alternating bichig and hugo, each into a fresh output folder (removed
# before the run). Measures wall time, CPU time (user+sys) and peak RSS with GNU time;
# also times `cp -r` of bichig's output as a floor. Needs hugo (Debian: hugo),
# GNU time (Debian: time), python3 and cargo; installs nothing.
#
# The corpus and outputs go to a folder made by mktemp (honours TMPDIR). On a VM
# with a slow or noisy disk, TMPDIR=/dev/shm measures the generators rather than
# the file system.
#
# EXTRA adds other bichig binaries (LABEL:PATH, space-separated) to the same
# alternating runs, e.g. a build of an earlier commit or of another profile.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-1000 10000}
RUNS=${RUNS:-5}
TIME=/usr/bin/time

if ! command -v hugo >/dev/null 2>&1; then
  echo "hugo not found: apt-get install -y hugo" >&2
  exit 1
fi
if [ ! -x "$TIME" ] || ! "$TIME" -f "%e" true >/dev/null 2>&1; then
  echo "GNU time not found at $TIME: apt-get install -y time" >&2
  exit 1
fi
command -v python3 >/dev/null 2>&1 || { echo "python3 not found" >&2; exit 1; }

cargo build --profile dist -q
BICHIG=${CARGO_TARGET_DIR:-$PWD/target}/dist/bichig

work=$(mktemp -d "${TMPDIR:-/tmp}/bichig-bench.XXXXXX")
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

build_bichig() { run_timed "$1" "$2" "$BICHIG" build --root "$site/bichig" --output "$out_b"; }
build_hugo() { run_timed "$1" "$2" hugo --source "$site/hugo" --destination "$out_h" --quiet; }
# build_extra N LABEL PATH: another bichig binary, into a fresh folder.
build_extra() { rm -rf "$work/out-$2"; run_timed "$1" "$2" "$3" build --root "$site/bichig" --output "$work/out-$2"; rm -rf "$work/out-$2"; }
EXTRA=${EXTRA:-}
extra_labels=""
for e in $EXTRA; do extra_labels="$extra_labels ${e%%:*}"; done

# median of the numbers on stdin
median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
minmax() { sort -g | awk 'NR==1{lo=$1} {hi=$1} END{printf "%.2f-%.2f", lo, hi}'; }

cpu_model=$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)
declare -A PAGES

for n in $SIZES; do
  site=$work/site-$n
  echo "== N=$n: generating corpus" >&2
  python3 benches/corpus.py "$n" "$site"
  out_b=$work/out-bichig-$n
  out_h=$work/out-hugo-$n
  echo "== N=$n: warm-up" >&2
  rm -rf "$out_b" "$out_h"
  build_bichig "$n" warmup-bichig
  build_hugo "$n" warmup-hugo
  for e in $EXTRA; do build_extra "$n" "warmup-${e%%:*}" "${e#*:}"; done
  for r in $(seq "$RUNS"); do
    echo "== N=$n: run $r/$RUNS" >&2
    rm -rf "$out_b"
    build_bichig "$n" bichig
    rm -rf "$out_h"
    build_hugo "$n" hugo
    for e in $EXTRA; do build_extra "$n" "${e%%:*}" "${e#*:}"; done
  done
  PAGES[$n,bichig]=$(find "$out_b" -name '*.html' | wc -l)
  PAGES[$n,hugo]=$(find "$out_h" -name '*.html' | wc -l)
  for r in $(seq "$RUNS"); do
    rm -rf "$work/cp-$n"
    run_timed "$n" cp cp -r "$out_b" "$work/cp-$n"
  done
  rm -rf "$work/cp-$n" "$out_b" "$out_h" "$site"
done

col() { # col N TOOL FIELD(3=wall 4=cpu 5=rss)
  awk -v n="$1" -v t="$2" -v f="$3" '$1==n && $2==t {print $f}' "$results"
}

echo
echo "bichig vs hugo: median of $RUNS runs after one warm-up (fresh output folder each run)"
echo "machine: $(nproc) CPUs, ${cpu_model:-unknown CPU}"
echo "hugo:    $(hugo version)"
echo "bichig:  $("$BICHIG" --version)"
echo "workdir: $work ($(stat -f -c %T "$work"))"
echo "corpus:  benches/corpus.py N (N pages x 2 languages, 10 sections, 30 tags per language)"
echo
printf '%-7s %-7s %10s %13s %9s %9s %7s\n' N tool "wall (s)" "min-max (s)" "CPU (s)" "RSS (MB)" pages
for n in $SIZES; do
  for tool in bichig hugo $extra_labels; do
    printf '%-7s %-7s %10.2f %13s %9.2f %9.1f %7s\n' "$n" "$tool" \
      "$(col "$n" $tool 3 | median)" "$(col "$n" $tool 3 | minmax)" \
      "$(col "$n" $tool 4 | median)" \
      "$(col "$n" $tool 5 | median | awk '{print $1/1024}')" "${PAGES[$n,$tool]:-}"
  done
done
echo
printf '%-7s %16s %16s %16s\n' N "wall bichig/hugo" "RSS bichig/hugo" "cp -r floor (s)"
for n in $SIZES; do
  wb=$(col "$n" bichig 3 | median); wh=$(col "$n" hugo 3 | median)
  rb=$(col "$n" bichig 5 | median); rh=$(col "$n" hugo 5 | median)
  printf '%-7s %16.2f %16.2f %16.2f\n' "$n" \
    "$(awk -v a="$wb" -v b="$wh" 'BEGIN{print (b>0) ? a/b : 0}')" \
    "$(awk -v a="$rb" -v b="$rh" 'BEGIN{print (b>0) ? a/b : 0}')" \
    "$(col "$n" cp 3 | median)"
done
