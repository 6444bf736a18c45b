package org.nqs4j.mpi;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latency of {@link MpiCollective#allgather} through the FFM binding, for blocks of 8 B and 1 MB per
 * rank: {@value #BATCHES} batches of {@value #CALLS} calls after {@value #WARMUP} warm-up calls;
 * rank 0 prints the median and the fastest batch per call. Every rank makes the same number of
 * calls (a time-based harness such as JMH's would let ranks disagree on the count and hang in the
 * last collective), all from the main thread (MPI_THREAD_FUNNELED).
 *
 * <p>{@code mpirun -np 2 --bind-to none java --enable-native-access=ALL-UNNAMED
 * -cp 'benchmarks/target/benchmarks-0.1.0.jar:benchmarks/target/lib/*' org.nqs4j.mpi.AllgatherLatency}
 */
public final class AllgatherLatency {
    static final int WARMUP = 2_000;
    static final int BATCHES = 9;
    static final int CALLS = 1_000;

    private AllgatherLatency() {
    }

    public static void main(String[] args) {
        try (MpiCollective mpi = MpiCollective.join(System.getenv())) {
            if (mpi.rank() == 0) {
                System.out.println(mpi.description());
            }
            for (int doublesPerRank : new int[] {1, 131_072}) {
                int k = mpi.size();
                double[] data = new double[k * doublesPerRank];
                int[] counts = new int[k];
                int[] offsets = new int[k];
                for (int r = 0; r < k; r++) {
                    counts[r] = doublesPerRank;
                    offsets[r] = r * doublesPerRank;
                }
                Arrays.fill(data, offsets[mpi.rank()], offsets[mpi.rank()] + doublesPerRank, mpi.rank());
                int calls = doublesPerRank == 1 ? CALLS : CALLS / 10;
                for (int i = 0; i < (doublesPerRank == 1 ? WARMUP : WARMUP / 10); i++) {
                    mpi.allgather(data, counts, offsets);
                }
                double[] perCall = new double[BATCHES];
                for (int b = 0; b < BATCHES; b++) {
                    mpi.barrier();
                    long t0 = System.nanoTime();
                    for (int i = 0; i < calls; i++) {
                        mpi.allgather(data, counts, offsets);
                    }
                    perCall[b] = (System.nanoTime() - t0) * 1e-3 / calls;
                }
                for (int r = 0; r < k; r++) {
                    if (data[offsets[r]] != r) {
                        throw new AssertionError("block of rank " + r + " not received");
                    }
                }
                Arrays.sort(perCall);
                if (mpi.rank() == 0) {
                    System.out.printf(Locale.ROOT, "allgather %,d B per rank (%d ranks): median %.2f us, best %.2f us"
                            + " per call (%d batches of %d)%n", 8L * doublesPerRank, k, perCall[BATCHES / 2],
                            perCall[0], BATCHES, calls);
                }
            }
        }
    }
}
