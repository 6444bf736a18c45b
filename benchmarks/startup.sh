#!/usr/bin/env bash
# Whole-process time of issue 18's 1-iteration run (benchmarks/startup-ring8.yaml, or CONFIG):
# RUNS runs of `nqs run CONFIG --quiet` after one untimed run (the first use builds and records the
# start-up cache), wall and CPU (user + sys) of each, then the medians. The host's speed drifts by
# 20-30 % between minutes: compare two builds only by interleaving them (run this script from each
# tree in turn), never against a figure from another moment.
#
# usage: [RUNS=n] benchmarks/startup.sh [CONFIG]   (default 12 runs)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONFIG="${1:-$ROOT/benchmarks/startup-ring8.yaml}"
RUNS="${RUNS:-12}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
TIMES="$OUT/times"
[[ -x /usr/bin/time ]] || { echo "benchmarks/startup.sh: needs GNU time as /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
"$ROOT/nqs" run "$CONFIG" --quiet --out "$OUT/run" >/dev/null # the first use: build and start-up cache
for ((i = 1; i <= RUNS; i++)); do
  /usr/bin/time -f "%e %U %S" -a -o "$TIMES" "$ROOT/nqs" run "$CONFIG" --quiet --force --out "$OUT/run" >/dev/null
done
awk '{ printf "run %2d: %.2f s wall, %.2f s CPU\n", NR, $1, $2 + $3 }' "$TIMES"
median() { sort -g | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf "median of %d runs: %.2f s wall, %.2f s CPU\n" "$RUNS" "$(awk '{ print $1 }' "$TIMES" | median)" \
  "$(awk '{ print $2 + $3 }' "$TIMES" | median)"
