package org.nqs4j.hamiltonians.hilbert;

import java.util.random.RandomGenerator;

/** A uniformly random k-subset of n places, by a partial Fisher–Yates shuffle. */
public final class RandomSubset {
    private RandomSubset() {
    }

    /** Writes {@code in} on k uniformly chosen places of {@code out[offset .. offset+n)} and {@code rest} elsewhere. */
    public static void fill(RandomGenerator rng, int n, int k, int[] out, int offset, int in, int rest) {
        int[] places = new int[n];
        for (int i = 0; i < n; i++) {
            places[i] = i;
            out[offset + i] = rest;
        }
        for (int t = 0; t < k; t++) {
            int j = t + rng.nextInt(n - t);
            int p = places[j];
            places[j] = places[t];
            places[t] = p;
            out[offset + p] = in;
        }
    }
}
