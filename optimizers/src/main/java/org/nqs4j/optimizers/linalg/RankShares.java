package org.nqs4j.optimizers.linalg;

import java.util.Arrays;

/**
 * Unequal shares of the ranks' work, for ranks of unequal speed: rank r gets w_r of every W = Σ w
 * parts. Contiguous ranges are cut at n·(w₀ + … + w_{r−1})/W; row blocks are dealt in a pattern of
 * period W in which rank r appears w_r times, spread out as smooth weighted round robin deals them
 * (each turn every rank earns its weight, the richest takes the block and pays W; ties to the lower
 * rank), so that a triangle's rows stay balanced at every panel as with the plain cycle, which equal
 * weights give back exactly.
 */
public final class RankShares {
    private final int[] cumulative;
    private final int[] pattern;

    private RankShares(int[] weights) {
        int k = weights.length;
        cumulative = new int[k + 1];
        for (int r = 0; r < k; r++) {
            if (weights[r] < 1) {
                throw new IllegalArgumentException("every rank needs a share of at least 1: " + Arrays.toString(weights));
            }
            cumulative[r + 1] = cumulative[r] + weights[r];
        }
        int total = cumulative[k];
        pattern = new int[total];
        long[] credit = new long[k];
        for (int j = 0; j < total; j++) {
            int richest = 0;
            for (int r = 0; r < k; r++) {
                credit[r] += weights[r];
                if (credit[r] > credit[richest]) {
                    richest = r;
                }
            }
            credit[richest] -= total;
            pattern[j] = richest;
        }
    }

    /** Shares in proportion to {@code weights} (each ≥ 1). */
    public static RankShares of(int[] weights) {
        return new RankShares(weights.clone());
    }

    /** The first of n items of rank r's contiguous range; r = K gives n. */
    public int first(int n, int r) {
        return (int) ((long) n * cumulative[r] / cumulative[cumulative.length - 1]);
    }

    /** The rank that owns row block b. */
    public int rowBlockOwner(int b) {
        return pattern[b % pattern.length];
    }
}
