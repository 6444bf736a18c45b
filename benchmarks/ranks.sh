#!/usr/bin/env bash
# Ranks against threads on one host: the same run (benchmarks/ranks-10x10-a1.yaml unless CONFIG is
# given) as 1 rank x 1 thread, 2 ranks x 1 thread (mpirun) and 1 rank x 2 threads. Prints the median
# seconds per iteration over the iterations after the first SKIP (default 5: JIT warm-up), split as the log's
# time_s: sampling and update (the SR solve, shared by the ranks), of which exchange is spent in
# the all-gathers between ranks (of the samples and of the solve; communication, waiting for the
# slowest rank included) and the rest computing, and the speed-ups over 1 x 1. Checks that the three logs
# agree (timings aside). Run it on a quiet machine; compare with benchmarks/independent-processes.sh,
# which measures what the host allows two independent processes.
#
# usage: [ITERATIONS=n] [SKIP=m] benchmarks/ranks.sh [CONFIG]
# (two JVMs compile their kernels on two busy cores, so a 2-rank run may still be warming up after
# iteration 5: e.g. ITERATIONS=60 SKIP=30 measures the later iterations only)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONFIG="${1:-$ROOT/benchmarks/ranks-10x10-a1.yaml}"
OUT="$(mktemp -d)"
SKIP="${SKIP:-5}"
SET=(--quiet)
if [[ -n "${ITERATIONS:-}" ]]; then SET+=(--set "iterations=$ITERATIONS"); fi
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
"$ROOT/nqs" build

median() { # median sampling, update and total s/iteration of a run folder's log after SKIP iterations
  python3 - "$1/log.jsonl" "$SKIP" <<'PY'
import json, statistics, sys
rows = [json.loads(l)["time_s"] for l in open(sys.argv[1])][int(sys.argv[2]):]
s = statistics.median(r["sampling"] for r in rows)
u = statistics.median(r["update"] for r in rows)
t = statistics.median(r["sampling"] + r["update"] for r in rows)
x = statistics.median(r.get("exchange", 0.0) for r in rows)
print(f"{t:.4f} {s:.4f} {u:.4f} {x:.4f}")
PY
}
stripped() { sed -E 's/,"time_s":\{[^}]*\}//; s/,"wall_time_s":[^,}]*//' "$1/log.jsonl"; }

"$ROOT/nqs" run "$CONFIG" "${SET[@]}" --set threads=1 --out "$OUT/1x1" >/dev/null
mpirun --oversubscribe --bind-to none -np 2 "$ROOT/nqs" run "$CONFIG" "${SET[@]}" --set threads=1 --out "$OUT/2x1" >/dev/null
"$ROOT/nqs" run "$CONFIG" "${SET[@]}" --set threads=2 --out "$OUT/1x2" >/dev/null
cmp -s <(stripped "$OUT/1x1") <(stripped "$OUT/2x1") && cmp -s <(stripped "$OUT/1x1") <(stripped "$OUT/1x2") \
  || { echo "ranks.sh: the logs differ (timings aside): $OUT" >&2; exit 1; }
read -r t1 _ _ _ <<<"$(median "$OUT/1x1")"
echo "ranks x threads  s/iter  sampling  update  exchange  compute  speed-up"
for run in 1x1 2x1 1x2; do
  read -r t s u x <<<"$(median "$OUT/$run")"
  awk -v n="$run" -v t="$t" -v s="$s" -v u="$u" -v x="$x" -v t1="$t1" \
    'BEGIN { printf "%-15s %7.4f %9.4f %7.4f %9.4f %8.4f %8.2fx\n", n, t, s, u, x, t - x, t1 / t }'
done
echo "logs bit-identical (timings aside); run folders in $OUT"
