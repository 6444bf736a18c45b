package org.nqs4j.hamiltonians.hilbert;

import java.util.random.RandomGenerator;

/** Random configurations of a sector, shared by the Hilbert spaces. */
public final class RandomStates {
    private RandomStates() {
    }

    /** A uniformly random k-subset, by a partial Fisher–Yates shuffle: writes {@code in} on k uniformly chosen places of {@code out[offset .. offset+n)} and {@code rest} elsewhere. */
    public static void subset(RandomGenerator rng, int n, int k, int[] out, int offset, int in, int rest) {
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

    /**
     * Occupations 0..max of n places summing to {@code total}, not uniform: from all zero, each
     * unit goes to a uniformly chosen place that is not yet full.
     */
    public static void distribute(RandomGenerator rng, int n, int max, int total, int[] out) {
        java.util.Arrays.fill(out, 0, n, 0);
        for (int unit = 0; unit < total; unit++) {
            int place;
            do {
                place = rng.nextInt(n);
            } while (out[place] == max);
            out[place]++;
        }
    }
}
