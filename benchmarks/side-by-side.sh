#!/usr/bin/env bash
# Two builds' `nqs bench` steps, alternated in one JVM (benchmarks/side-by-side/SideBySide.java says
# why): the speed ratio new/base of sampling, update and whole step per problem, robust to the
# host's drift between minutes. BASE_ROOT and NEW_ROOT are checkouts with built jars (`./nqs build`;
# e.g. `git worktree add /tmp/base <commit> && /tmp/base/nqs build`). One thread, pinned to the last
# core when taskset exists.
#
# usage: benchmarks/side-by-side.sh BASE_ROOT NEW_ROOT [PROBLEM ...]   (default: the spin problems)
# environment: WARMUP_PAIRS (60), PAIRS (300), JVM_OPTS (extra JVM options, e.g. -XX:MaxVectorSize=32
# for an AVX2 host's 256-bit vectors on an AVX-512 host)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -ge 2 ]] || { sed -n '2,10p' "$0" >&2; exit 2; }
BASE="$(cd "$1" && pwd)"; NEW="$(cd "$2" && pwd)"; shift 2
PROBLEMS=("$@")
[[ ${#PROBLEMS[@]} -gt 0 ]] || PROBLEMS=(heisenberg-chain-40-a1 tfim-chain-40-h1-a1 heisenberg-square-10x10-a1 heisenberg-chain-40-a4)
JAVA="$("$ROOT/nqs" --print-jdk)/bin/java"
PIN=()
command -v taskset >/dev/null && PIN=(taskset -c "$(($(nproc) - 1))")
for p in "${PROBLEMS[@]}"; do
  # pairs: enough warm-up for C2 on both sides (~10 s), then ~60 s of measured pairs
  "${PIN[@]}" "$JAVA" --add-modules jdk.incubator.vector -XX:+UseSerialGC -Xms64m ${JVM_OPTS:-} \
    "$ROOT/benchmarks/side-by-side/SideBySide.java" "$BASE" "$NEW" "$p" "${WARMUP_PAIRS:-60}" "${PAIRS:-300}" \
    2> >(grep -v 'incubator' >&2)
done
