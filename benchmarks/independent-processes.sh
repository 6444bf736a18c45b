#!/usr/bin/env bash
# What the host gives to two pieces of work that share nothing: one `nqs bench` problem on one
# thread alone, then two copies of it in two processes at once, alternated ROUNDS times. The
# throughput of the pair, t_alone/t_a + t_alone/t_b, is the ceiling for any two-thread speed-up
# on this machine at that moment (2.0 on two real cores); compare it with `nqs bench --scaling`.
#
# usage: benchmarks/independent-processes.sh [PROBLEM] [ROUNDS] [ITERATIONS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROBLEM="${1:-heisenberg-chain-40-a1}"
ROUNDS="${2:-3}"
ITERATIONS="${3:-60}"

median() { # the median s/iteration of one single-thread run of PROBLEM
  "$ROOT/nqs" bench --json --threads 1 --problems "$PROBLEM" --iterations "$ITERATIONS" \
    | sed -n 's/.*"median_seconds_per_iteration": \([0-9.]*\).*/\1/p' | head -n 1
}

"$ROOT/nqs" bench --quick --problems "$PROBLEM" >/dev/null # builds once, before anything is timed
echo "problem $PROBLEM, $ITERATIONS iterations per run, median s/iteration"
for ((r = 1; r <= ROUNDS; r++)); do
  alone="$(median)"
  a_file="$(mktemp)"
  b_file="$(mktemp)"
  median >"$a_file" &
  median >"$b_file"
  wait
  awk -v r="$r" -v t="$alone" -v a="$(cat "$a_file")" -v b="$(cat "$b_file")" 'BEGIN {
    if (t == "" || a == "" || b == "") { print "round " r ": a run printed no median" > "/dev/stderr"; exit 1 }
    printf "round %d: alone %.4f s; two at once %.4f s and %.4f s; throughput of the pair %.2fx\n",
      r, t, a, b, t / a + t / b }'
  rm -f "$a_file" "$b_file"
done
