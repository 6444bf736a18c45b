package org.nqs4j.vmc.parallel;

import org.nqs4j.optimizers.linalg.RankExchange;
import org.nqs4j.optimizers.linalg.RankShares;

/**
 * The split of the Markov chains over the ranks of a {@link Collective}: rank r owns the
 * contiguous chains [{@link #first}(r), {@link #end}(r)), at first the first {@code nChains mod K}
 * ranks one chain more, later as {@link #resplit} says (between steps, after the chains' states
 * have been exchanged). Chain c keeps its own random stream whatever rank runs it, and per-sample
 * arrays are indexed by global chain (sample s of chain c at c·samplesPerChain + s), so after
 * {@link #gather} every rank holds exactly the arrays one process would have filled.
 */
public final class ChainBlocks {
    private final Collective collective;
    private final int nChains;
    /** Rank r's chains are [starts[r], starts[r + 1]). */
    private final int[] starts;
    /** The update's shares once the chains were dealt by speed (null: equal shares). */
    private RankShares shares;
    private long exchangeNanos;

    public ChainBlocks(Collective collective, int nChains) {
        int k = collective.size();
        if (nChains < k) {
            throw new IllegalArgumentException(nChains + " chains cannot be split over " + k
                    + " ranks: every rank needs at least one chain (raise sampler.chains or use fewer ranks)");
        }
        this.collective = collective;
        this.nChains = nChains;
        this.starts = new int[k + 1];
        for (int r = 0; r <= k; r++) {
            starts[r] = r * (nChains / k) + Math.min(r, nChains % k);
        }
    }

    public Collective collective() {
        return collective;
    }

    public int nChains() {
        return nChains;
    }

    /** The first chain of rank r. */
    public int first(int r) {
        return starts[r];
    }

    /** One past the last chain of rank r. */
    public int end(int r) {
        return starts[r + 1];
    }

    /** The number of chains of each rank. */
    public int[] chainsPerRank() {
        int[] n = new int[collective.size()];
        for (int r = 0; r < n.length; r++) {
            n[r] = starts[r + 1] - starts[r];
        }
        return n;
    }

    /**
     * Rank r owns the next {@code chains[r]} chains from now on, and its share of the update's work
     * ({@link #solverExchange}) is in the same proportion: chains dealt by speed (ChainSplit) say how
     * fast each rank is. Every rank must make the same call, and must hold the current state of the
     * chains it takes over.
     */
    public void resplit(int[] chains) {
        if (chains.length != collective.size()) {
            throw new IllegalArgumentException(chains.length + " counts for " + collective.size() + " ranks");
        }
        int sum = 0;
        for (int n : chains) {
            if (n < 1) {
                throw new IllegalArgumentException("every rank needs at least one chain, not " + n);
            }
            sum += n;
        }
        if (sum != nChains) {
            throw new IllegalArgumentException("a split of " + sum + " chains, not " + nChains);
        }
        for (int r = 0; r < chains.length; r++) {
            starts[r + 1] = starts[r] + chains[r];
        }
        shares = RankShares.of(chains);
    }

    /** Every rank's {@code value} (e.g. its sampling time), in rank order. */
    public double[] gatherPerRank(double value) {
        int k = collective.size();
        double[] all = new double[k];
        all[collective.rank()] = value;
        if (k > 1) {
            int[] counts = new int[k];
            int[] offsets = new int[k];
            for (int r = 0; r < k; r++) {
                counts[r] = 1;
                offsets[r] = r;
            }
            long t0 = System.nanoTime();
            collective.allgather(all, counts, offsets);
            exchangeNanos += System.nanoTime() - t0;
        }
        return all;
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
     * all-gathers counted in {@link #exchangeNanos}; its shares of the work follow {@link #resplit}.
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
            public int rowBlockOwner(int b) {
                return shares == null ? RankExchange.super.rowBlockOwner(b) : shares.rowBlockOwner(b);
            }

            @Override
            public int first(int n, int r) {
                return shares == null ? RankExchange.super.first(n, r) : shares.first(n, r);
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
