package org.nqs4j.validation;

import org.nqs4j.hamiltonians.SpinHilbert;

/**
 * The σᶻ basis of a {@link SpinHilbert} as bit patterns: bit i of a {@code long} is set when
 * σᵢ = +1. Basis states are numbered 0..D−1 in increasing order of their bit pattern.
 *
 * <p>Full space: the index of a pattern is the pattern itself. Fixed Σσ = 2·n↑ − N: the index is
 * the rank in the combinatorial number system, rank(b) = Σ_t C(p_t, t+1) over the set bits
 * p_0 < p_1 < … < p_{n↑−1} (Knuth, TAOCP 7.2.1.3, eq. (20)); it enumerates the n↑-subsets in
 * increasing numerical order, so index and enumeration agree. Ranking costs O(n↑) with a
 * precomputed binomial table.
 */
public final class SpinBasis {
    /** Largest N whose patterns fit a long with C(N, k) exact in a long. */
    public static final int MAX_SITES = 62;
    /** Largest basis a Java array can index. */
    public static final int MAX_DIMENSION = Integer.MAX_VALUE - 8;

    private static final long[][] BINOMIAL = binomialTable(MAX_SITES);

    private final int nSites;
    private final int nUp;        // −1 for the full space
    private final long[] states;  // the patterns in rank order; null for the full space
    private final int dimension;

    private SpinBasis(int nSites, int nUp, long[] states, int dimension) {
        this.nSites = nSites;
        this.nUp = nUp;
        this.states = states;
        this.dimension = dimension;
    }

    /** The basis of {@code hilbert}; its dimension must fit a Java array. */
    public static SpinBasis of(SpinHilbert hilbert) {
        int n = hilbert.nSites();
        if (n > MAX_SITES) {
            throw new IllegalArgumentException("exact bases hold at most " + MAX_SITES + " sites, got " + n);
        }
        if (hilbert.dimension() > MAX_DIMENSION) {
            throw new IllegalArgumentException("the basis of " + hilbert + " has " + hilbert.dimension()
                    + " states; exact methods allow at most " + MAX_DIMENSION);
        }
        if (!hilbert.hasFixedMagnetization()) {
            return new SpinBasis(n, -1, null, (int) (1L << n));
        }
        int up = (n + hilbert.sumSigma()) / 2;
        int dim = (int) BINOMIAL[n][up];
        long[] states = new long[dim];
        long b = up == 0 ? 0L : (1L << up) - 1;
        for (int r = 0; r < dim; r++) {
            states[r] = b;
            b = nextSamePopCount(b);
        }
        return new SpinBasis(n, up, states, dim);
    }

    /** Gosper's hack: the next larger integer with the same number of set bits. */
    private static long nextSamePopCount(long b) {
        if (b == 0) {
            return 0;
        }
        long c = b & -b;
        long r = b + c;
        return (((r ^ b) >>> 2) / c) | r;
    }

    public int nSites() {
        return nSites;
    }

    public int dimension() {
        return dimension;
    }

    public boolean hasFixedMagnetization() {
        return states != null;
    }

    /**
     * Whether the global spin flip σ → −σ maps the basis onto itself: the full space, or the sector
     * Σσ = 0 (n↑ = N/2).
     */
    public boolean closedUnderFlip() {
        return states == null || 2 * nUp == nSites;
    }

    /**
     * The index of the flipped state −σ of basis state {@code index}, D − 1 − index: the flipped
     * pattern is the complement m − b (m = 2^N − 1), which reverses the numerical order of the
     * patterns and, with n↑ = N/2, maps the sector onto itself.
     *
     * @throws IllegalStateException when the basis is not {@linkplain #closedUnderFlip closed under the flip}
     */
    public int flipped(int index) {
        if (!closedUnderFlip()) {
            throw new IllegalStateException("the spin flip maps " + this + " out of itself");
        }
        return dimension - 1 - index;
    }

    /** The bit pattern of basis state {@code index}. */
    public long state(int index) {
        return states == null ? index : states[index];
    }

    /** The index of a bit pattern, or −1 when the pattern lies outside this basis. */
    public int index(long bits) {
        if ((bits >>> nSites) != 0) {
            return -1;
        }
        if (states == null) {
            return (int) bits;
        }
        if (Long.bitCount(bits) != nUp) {
            return -1;
        }
        long rank = 0;
        int t = 1;
        for (long rest = bits; rest != 0; rest &= rest - 1, t++) {
            rank += BINOMIAL[Long.numberOfTrailingZeros(rest)][t];
        }
        return (int) rank;
    }

    /** The pattern of a ±1 configuration: bit i set ⇔ σᵢ = +1. */
    public long bits(int[] sigma) {
        if (sigma.length != nSites) {
            throw new IllegalArgumentException("configuration has " + sigma.length + " sites, basis has " + nSites);
        }
        long b = 0;
        for (int i = 0; i < nSites; i++) {
            if (sigma[i] == 1) {
                b |= 1L << i;
            } else if (sigma[i] != -1) {
                throw new IllegalArgumentException("σ[" + i + "] = " + sigma[i] + "; spins must be +1 or -1");
            }
        }
        return b;
    }

    /** Writes the ±1 configuration of a pattern into {@code out} (length N). */
    public void sigma(long bits, int[] out) {
        for (int i = 0; i < nSites; i++) {
            out[i] = (int) ((bits >>> i) & 1L) * 2 - 1;
        }
    }

    /** Bytes held by the stored patterns (zero for the full space). */
    public long memoryBytes() {
        return states == null ? 0 : 8L * states.length;
    }

    private static long[][] binomialTable(int n) {
        long[][] c = new long[n + 1][n + 2];
        for (int i = 0; i <= n; i++) {
            c[i][0] = 1;
            for (int k = 1; k <= i; k++) {
                c[i][k] = c[i - 1][k - 1] + (k <= i - 1 ? c[i - 1][k] : 0);
            }
        }
        return c;
    }

    @Override
    public String toString() {
        return "SpinBasis(N=" + nSites + (states == null ? "" : ", n↑=" + nUp) + ", D=" + dimension + ")";
    }
}
