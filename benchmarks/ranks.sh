#!/usr/bin/env bash
# Ranks against threads on one host: the same run (benchmarks/ranks-10x10-a1.yaml unless CONFIG is
# given) as 1 rank x 1 thread, 2 ranks x 1 thread (mpirun) and 1 rank x 2 threads, and, as the host's
# ceiling for this very workload, two independent 1 x 1 runs at once (throughput of the pair
# t_alone/t_a + t_alone/t_b: what two cores give to two processes that share nothing, 2.0 on an ideal
# host). REPEATS rounds (default 3), the four set-ups in turn within each round so that the host's
# drift between minutes touches them alike; per run the median seconds per iteration after the first
# SKIP (default 30: two JVMs compile their kernels on two busy cores until iteration ≈ 15-40), split
# as the log's time_s: sampling and update (the SR solve, shared by the ranks), of which exchange is
# spent in the all-gathers between ranks (communication, waiting for the slowest rank included). Prints
# each round and the median speed-ups over the rounds. Checks that all logs agree (timings aside).
# Run it on a quiet machine (about 40 s per round).
#
# usage: [ITERATIONS=n] [SKIP=m] [REPEATS=r] [LAUNCH=command] benchmarks/ranks.sh [CONFIG]
# (defaults 60, 30, 3 and Open MPI's "mpirun --oversubscribe --bind-to none"; MPICH: LAUNCH=mpiexec.mpich)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONFIG="${1:-$ROOT/benchmarks/ranks-10x10-a1.yaml}"
OUT="$(mktemp -d)"
ITERATIONS="${ITERATIONS:-60}"
SKIP="${SKIP:-30}"
REPEATS="${REPEATS:-3}"
read -r -a LAUNCH <<<"${LAUNCH:-mpirun --oversubscribe --bind-to none}"
[[ "$SKIP" -lt "$ITERATIONS" ]] || { echo "ranks.sh: SKIP ($SKIP) must be below ITERATIONS ($ITERATIONS)" >&2; exit 2; }
SET=(--quiet --set "iterations=$ITERATIONS" --set threads=1)
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
"$ROOT/nqs" build

median() { # median total, sampling, update and exchange s/iteration of a run folder's log after SKIP iterations
  python3 - "$1/log.jsonl" "$SKIP" <<'PY'
import json, statistics, sys
rows = [json.loads(l)["time_s"] for l in open(sys.argv[1])][int(sys.argv[2]):]
m = lambda f: statistics.median(f(r) for r in rows)
print(f"{m(lambda r: r['sampling'] + r['update']):.4f} {m(lambda r: r['sampling']):.4f}"
      f" {m(lambda r: r['update']):.4f} {m(lambda r: r.get('exchange', 0.0)):.4f}")
PY
}
stripped() { sed -E 's/,"time_s":\{[^}]*\}//; s/,"wall_time_s":[^,}]*//' "$1/log.jsonl"; }
run() { "$ROOT/nqs" run "$CONFIG" "${SET[@]}" --out "$1" "${@:2}" >/dev/null; }

for ((r = 1; r <= REPEATS; r++)); do
  d="$OUT/round$r"
  run "$d/1x1"
  "${LAUNCH[@]}" -np 2 "$ROOT/nqs" run "$CONFIG" "${SET[@]}" --out "$d/2x1" >/dev/null
  run "$d/1x2" --set threads=2
  run "$d/pair-a" & run "$d/pair-b"; wait
  for other in 2x1 1x2 pair-a pair-b; do
    cmp -s <(stripped "$d/1x1") <(stripped "$d/$other") \
      || { echo "ranks.sh: the logs of 1x1 and $other differ (timings aside): $d" >&2; exit 1; }
  done
  read -r t1 _ _ _ <<<"$(median "$d/1x1")"
  echo "round $r: ranks x threads  s/iter  sampling  update  exchange  speed-up"
  for name in 1x1 2x1 1x2; do
    read -r t s u x <<<"$(median "$d/$name")"
    awk -v n="$name" -v t="$t" -v s="$s" -v u="$u" -v x="$x" -v t1="$t1" \
      'BEGIN { printf "         %-15s %7.4f %9.4f %7.4f %9.4f %8.2fx\n", n, t, s, u, x, t1 / t }'
  done
  read -r ta _ _ _ <<<"$(median "$d/pair-a")"
  read -r tb _ _ _ <<<"$(median "$d/pair-b")"
  awk -v t1="$t1" -v a="$ta" -v b="$tb" 'BEGIN { printf "         two independent 1x1 at once: %.4f and %.4f s/iter, host ceiling %.2fx\n", a, b, t1 / a + t1 / b }'
  awk -v t1="$t1" -v a="$ta" -v b="$tb" 'BEGIN { print t1 / a + t1 / b }' >>"$OUT/ceiling"
  for name in 2x1 1x2; do
    read -r t _ _ _ <<<"$(median "$d/$name")"
    awk -v t1="$t1" -v t="$t" 'BEGIN { print t1 / t }' >>"$OUT/$name"
  done
done
med() { sort -g "$1" | awk '{ v[NR] = $1 } END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "median over $REPEATS rounds: 2 ranks x 1 thread $(med "$OUT/2x1")x, 1 rank x 2 threads $(med "$OUT/1x2")x," \
  "host ceiling (two independent processes) $(med "$OUT/ceiling")x"
echo "all logs bit-identical (timings aside); run folders in $OUT"
