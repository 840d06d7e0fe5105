#!/usr/bin/env bash
# Median wall time of building the shipped report, over N runs (default 5),
# after one warm-up build. Usage: benches/build-time.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cargo build --profile dist -q
bin=${CARGO_TARGET_DIR:-target}/dist/bichig
out=$(mktemp -d)
"$bin" build --output "$out/public" >/dev/null
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$bin" build --output "$out/public" >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000 )))
done
rm -rf "$out"
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
median=${sorted[$(( runs / 2 ))]}
printf 'shipped report, %d runs: median %d.%03d ms (min %d.%03d, max %d.%03d)\n' "$runs" \
  $((median / 1000)) $((median % 1000)) $((sorted[0] / 1000)) $((sorted[0] % 1000)) \
  $((sorted[runs - 1] / 1000)) $((sorted[runs - 1] % 1000))
