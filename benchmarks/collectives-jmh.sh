#!/usr/bin/env bash
# The collectives of a distributed run in JMH (benchmarks/src/main/java/org/nqs4j/benchmarks/mpi/
# CollectiveBenchmark.java): the all-gather through the FFM binding and the all-reduce built on it, for
# 8 B and 1 MiB per rank, on RANKS ranks of this host (default 2). One launch per trial, because MPI is
# initialised once per process and called from one thread, and JMH runs each trial on a thread of its
# own; rank 0 prints JMH's report, the other ranks run silently (past JMH's lock file, which would
# keep all but one rank of a host from starting). Needs Java 22+ (the binding) and
# Open MPI or MPICH (LAUNCH="mpiexec.mpich" for MPICH; the default is Open MPI's
# "mpirun --oversubscribe --bind-to none").
#
# usage: [RANKS=k] [LAUNCH=command] benchmarks/collectives-jmh.sh [JMH OPTIONS...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RANKS="${RANKS:-2}"
read -r -a LAUNCH <<<"${LAUNCH:-mpirun --oversubscribe --bind-to none}"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
"$ROOT/nqs" build
JAVA="$("$ROOT/nqs" --print-jdk)/bin/java"
CP="$ROOT/benchmarks/target/benchmarks-0.1.0.jar:$ROOT/benchmarks/target/lib/*"
ls "$ROOT"/benchmarks/target/lib/mpi-*.jar >/dev/null 2>&1 \
  || { echo "collectives-jmh.sh: no MPI binding in this build (it needs Java 22+)" >&2; exit 2; }
for operation in allgather allreduce; do
  for bytes in 8 1048576; do
    # the rank's own variable, read inside each process (Open MPI, then PMI/Hydra, then Slurm)
    "${LAUNCH[@]}" -np "$RANKS" bash -c '
      rank="${OMPI_COMM_WORLD_RANK:-${PMI_RANK:-${SLURM_PROCID:-0}}}"
      out=(); [[ "$rank" == 0 ]] || out=(-o /dev/null)
      exec "$0" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Djmh.ignoreLock=true -cp "$1" \
        org.openjdk.jmh.Main "CollectiveBenchmark.$2\$" -p bytes="$3" "${out[@]}" "${@:4}"' \
      "$JAVA" "$CP" "$operation" "$bytes" "$@"
  done
done
