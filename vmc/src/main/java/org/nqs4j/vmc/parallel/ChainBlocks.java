package org.nqs4j.vmc.parallel;

import org.nqs4j.optimizers.linalg.RankExchange;

/**
 * The split of the Markov chains over the ranks of a {@link Collective}: rank r owns the
 * contiguous chains [{@link #first}(r), {@link #end}(r)), the first {@code nChains mod K} ranks
 * one chain more. Chain c keeps its own random stream whatever rank runs it, and per-sample arrays
 * are indexed by global chain (sample s of chain c at c·samplesPerChain + s), so after
 * {@link #gather} every rank holds exactly the arrays one process would have filled.
 */
public final class ChainBlocks {
    private final Collective collective;
    private final int nChains;
    private long exchangeNanos;

    public ChainBlocks(Collective collective, int nChains) {
        if (nChains < collective.size()) {
            throw new IllegalArgumentException(nChains + " chains cannot be split over " + collective.size()
                    + " ranks: every rank needs at least one chain (raise sampler.chains or use fewer ranks)");
        }
        this.collective = collective;
        this.nChains = nChains;
    }

    public Collective collective() {
        return collective;
    }

    public int nChains() {
        return nChains;
    }

    /** The first chain of rank r. */
    public int first(int r) {
        int k = collective.size();
        return r * (nChains / k) + Math.min(r, nChains % k);
    }

    /** One past the last chain of rank r. */
    public int end(int r) {
        return first(r + 1);
    }

    /** The first chain of this rank. */
    public int first() {
        return first(collective.rank());
    }

    /** One past the last chain of this rank. */
    public int end() {
        return end(collective.rank());
    }

    /**
     * Gives every rank every chain's part of {@code data}, which holds {@code perChain} doubles per
     * chain in chain order (this rank's chains filled on entry).
     */
    public void gather(double[] data, int perChain) {
        if (data.length != nChains * perChain) {
            throw new IllegalArgumentException("array of " + data.length + " doubles for " + nChains + " chains of "
                    + perChain);
        }
        int k = collective.size();
        if (k == 1) {
            return;
        }
        int[] counts = new int[k];
        int[] offsets = new int[k];
        for (int r = 0; r < k; r++) {
            offsets[r] = first(r) * perChain;
            counts[r] = (end(r) - first(r)) * perChain;
        }
        long t0 = System.nanoTime();
        collective.allgather(data, counts, offsets);
        exchangeNanos += System.nanoTime() - t0;
    }

    /**
     * The collective as the optimisers' {@link RankExchange} (for the distributed SR solve), its
     * all-gathers counted in {@link #exchangeNanos}.
     */
    public RankExchange solverExchange() {
        return new RankExchange() {
            @Override
            public int rank() {
                return collective.rank();
            }

            @Override
            public int size() {
                return collective.size();
            }

            @Override
            public void allgather(double[] data, int[] counts, int[] offsets) {
                long t0 = System.nanoTime();
                collective.allgather(data, counts, offsets);
                exchangeNanos += System.nanoTime() - t0;
            }
        };
    }

    /** Nanoseconds spent in {@link #gather} so far (waiting for the slowest rank included). */
    public long exchangeNanos() {
        return exchangeNanos;
    }
}
