package org.nqs4j.optimizers.linalg;

/**
 * The processes (ranks) that share one solve, each holding the same input: every rank computes
 * its share of a matrix's blocks and the ranks all-gather them. There is no floating-point
 * reduction across ranks, so each entry is computed by the same operations whichever rank
 * computes it, and the result does not depend on the rank count. The run's collective (MPI)
 * implements it; {@link #SINGLE} is one process.
 *
 * <p>Work is split by {@link #ROWS}-row blocks handed out cyclically ({@link #ownsRowBlock}), so
 * that a triangle's rows (a Gram matrix, the trailing updates of a Cholesky) balance at every
 * step, or by the contiguous ranges of {@link #first}; ranks of unequal speed may deal both in
 * unequal shares ({@link RankShares}), which changes who computes an entry, never how.
 */
public interface RankExchange {
    /** Rows per block of the cyclic split: a multiple of every kernel's row tile and task. */
    int ROWS = 16;

    /** One process: owns everything, exchanges nothing. */
    RankExchange SINGLE = new RankExchange() {
        @Override
        public int rank() {
            return 0;
        }

        @Override
        public int size() {
            return 1;
        }

        @Override
        public void allgather(double[] data, int[] counts, int[] offsets) {
        }
    };

    /** This process's index in [0, {@link #size()}). */
    int rank();

    /** The number of processes. */
    int size();

    /**
     * In-place all-gather of variable blocks: rank r's block is {@code data[offsets[r],
     * offsets[r] + counts[r])} on entry; on return every rank holds every block. Every rank calls
     * it with the same counts and offsets, in the same order.
     */
    void allgather(double[] data, int[] counts, int[] offsets);

    /**
     * The rank of row block b (rows [{@value #ROWS}·b, {@value #ROWS}·(b + 1))): b mod size, or
     * as {@link RankShares} deal them for ranks of unequal speed.
     */
    default int rowBlockOwner(int b) {
        return b % size();
    }

    /** True when row block b is this rank's. */
    default boolean ownsRowBlock(int b) {
        return rowBlockOwner(b) == rank();
    }

    /** The rank whose row blocks hold row i. */
    default int rowOwner(int i) {
        return rowBlockOwner(i / ROWS);
    }

    /** True when row i belongs to this rank's row blocks. */
    default boolean ownsRow(int i) {
        return rowOwner(i) == rank();
    }

    /** How many of the row blocks 0..blocks−1 are this rank's. */
    default int ownedRowBlocks(int blocks) {
        int owned = 0;
        for (int b = 0; b < blocks; b++) {
            owned += ownsRowBlock(b) ? 1 : 0;
        }
        return owned;
    }

    /** The m-th of this rank's row blocks, in increasing order. */
    default int ownedRowBlock(int m) {
        for (int b = 0, seen = 0; ; b++) {
            if (ownsRowBlock(b) && seen++ == m) {
                return b;
            }
        }
    }

    /**
     * All-gather of the contiguous split of n items of {@code width} doubles from {@code start}:
     * rank r has filled the items [{@link #first}(n, r), {@link #first}(n, r + 1)).
     */
    default void allgatherRanges(double[] data, int start, int n, int width) {
        allgatherRanges(data, start, n, width, start + n * width);
    }

    /** {@link #allgatherRanges(double[], int, int, int)} with the last item cut at {@code end} (a short last block). */
    default void allgatherRanges(double[] data, int start, int n, int width, int end) {
        int k = size();
        if (k == 1) {
            return;
        }
        int[] counts = new int[k];
        int[] offsets = new int[k];
        for (int r = 0; r < k; r++) {
            offsets[r] = Math.min(end, start + width * first(n, r));
            counts[r] = Math.min(end, start + width * first(n, r + 1)) - offsets[r];
        }
        allgather(data, counts, offsets);
    }

    /**
     * The first of the n items (0..n−1) of rank r's contiguous range; r = size gives n. Equal
     * ranges, or as {@link RankShares} cut them.
     */
    default int first(int n, int r) {
        return (int) ((long) n * r / size());
    }
}
