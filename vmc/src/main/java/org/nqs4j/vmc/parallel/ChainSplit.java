package org.nqs4j.vmc.parallel;

/**
 * How many Markov chains each rank runs in the next step, decided from how long each rank's own
 * chains took in the last. Every rank calls it with the same all-gathered timings and gets the same
 * answer, so the ranks agree on the split without another exchange. The numbers of a run do not
 * depend on the split (each chain keeps its random stream and its place in the chain-ordered sums),
 * only its speed does.
 */
public interface ChainSplit {
    /**
     * The chains per rank for the next step (each ≥ 1, the same total), or null to keep {@code chains}.
     *
     * @param seconds wall time of each rank's own sampling in the last step
     * @param chains  the chains each rank ran in it
     */
    int[] next(double[] seconds, int[] chains);

    /** The contiguous even split of {@link ChainBlocks} for good. */
    ChainSplit EVEN = (seconds, chains) -> null;

    /** Chains in proportion to each rank's measured speed ({@link SpeedBalancedSplit}). */
    static ChainSplit bySpeed() {
        return new SpeedBalancedSplit();
    }
}
