package org.nqs4j.hamiltonians.hilbert;

/**
 * Ranking of occupation vectors x ∈ {0, …, m}^L (optionally with Σx = n) in colex order: x
 * compares as the base-(m+1) number Σ x_i (m+1)^i, entry L−1 most significant.
 *
 * <p>With a fixed sum, let W(i, r) be the number of ways entries 0..i−1 hold r in total
 * (W(0, 0) = 1, W(i, r) = Σ_{v=0}^{min(m,r)} W(i−1, r−v)). Walking from the top entry with r
 * particles left, each value v &lt; x_i skips W(i, r−v) states:
 * rank(x) = Σ_i Σ_{v&lt;x_i} W(i, r_i − v). For m = 1, W(i, r) = C(i, r) and this is the
 * combinatorial number system, rank = Σ_t C(p_t, t+1) over occupied p_0 &lt; p_1 &lt; …
 * (Knuth, TAOCP 7.2.1.3, eq. (20)). Without a fixed sum the rank is the base-(m+1) number itself.
 *
 * <p>The exact table W is built on first use of {@link #nStates()}, {@link #rank} or
 * {@link #unrank}; a count beyond a long throws {@link ArithmeticException} there.
 */
public final class OccupationRanking {
    private final int length;
    private final int max;
    private final int total; // −1: no fixed sum
    private volatile long[][] ways; // ways[i][r] = W(i, r); built lazily, then only read
    private double dimension = -1;

    /** x ∈ {0..max}^length with Σx = total. */
    public static OccupationRanking fixedSum(int length, int max, int total) {
        if (total < 0 || total > (long) length * max) {
            throw new IllegalArgumentException(total + " particles do not fit " + length + " places of at most " + max);
        }
        return new OccupationRanking(length, max, total);
    }

    /** x ∈ {0..max}^length. */
    public static OccupationRanking free(int length, int max) {
        return new OccupationRanking(length, max, -1);
    }

    private OccupationRanking(int length, int max, int total) {
        if (length < 1 || max < 1) {
            throw new IllegalArgumentException("need at least one place and one particle per place, got " + length
                    + " places of " + max);
        }
        this.length = length;
        this.max = max;
        this.total = total;
    }

    public int length() {
        return length;
    }

    public int max() {
        return max;
    }

    /** The fixed sum, or −1. */
    public int total() {
        return total;
    }

    /** The number of vectors as a double, by the W recursion in floating point. */
    public synchronized double dimension() {
        if (dimension < 0) {
            if (total < 0) {
                dimension = Math.pow(max + 1, length);
            } else {
                double[] w = new double[total + 1];
                double[] next = new double[total + 1];
                w[0] = 1;
                for (int i = 1; i <= length; i++) {
                    for (int r = 0; r <= total; r++) {
                        double s = 0;
                        for (int v = 0; v <= Math.min(max, r); v++) {
                            s += w[r - v];
                        }
                        next[r] = s;
                    }
                    double[] t = w;
                    w = next;
                    next = t;
                }
                dimension = w[total];
            }
        }
        return dimension;
    }

    /** The number of vectors, exactly. @throws ArithmeticException beyond a long */
    public long nStates() {
        long n = table()[length][Math.max(total, 0)];
        if (n == Long.MAX_VALUE) {
            throw new ArithmeticException("more than 2^63 states: " + length + " places of 0.." + max
                    + (total < 0 ? "" : " holding " + total));
        }
        return n;
    }

    /** rank of {@code x[offset .. offset+length)}, which must be a valid vector. */
    public long rank(int[] x, int offset) {
        long[][] w = exactTable();
        long rank = 0;
        if (total < 0) {
            for (int i = length - 1; i >= 0; i--) {
                rank = rank * (max + 1) + x[offset + i];
            }
            return rank;
        }
        int r = total;
        for (int i = length - 1; i >= 0; i--) {
            int xi = x[offset + i];
            for (int v = 0; v < xi; v++) {
                rank += w[i][r - v];
            }
            r -= xi;
        }
        return rank;
    }

    /** Writes the vector of rank {@code rank} into {@code out[offset .. offset+length)}. */
    public void unrank(long rank, int[] out, int offset) {
        if (rank < 0 || rank >= nStates()) {
            throw new IllegalArgumentException("rank " + rank + " outside 0.." + (nStates() - 1));
        }
        long[][] w = exactTable();
        if (total < 0) {
            for (int i = 0; i < length; i++) {
                out[offset + i] = (int) (rank % (max + 1));
                rank /= max + 1;
            }
            return;
        }
        int r = total;
        for (int i = length - 1; i >= 0; i--) {
            int v = 0;
            while (v < Math.min(max, r) && rank >= w[i][r - v]) {
                rank -= w[i][r - v];
                v++;
            }
            out[offset + i] = v;
            r -= v;
        }
    }

    /** True when {@code x[offset .. offset+length)} holds values 0..max with the right sum. */
    public boolean accepts(int[] x, int offset) {
        long sum = 0;
        for (int i = 0; i < length; i++) {
            int v = x[offset + i];
            if (v < 0 || v > max) {
                return false;
            }
            sum += v;
        }
        return total < 0 || sum == total;
    }

    /** The table W, after checking that the total count fits a long. */
    private long[][] exactTable() {
        long[][] w = table();
        if (w[length][Math.max(total, 0)] == Long.MAX_VALUE) {
            nStates(); // throws with the message
        }
        return w;
    }

    /** W with counts beyond a long saturated at Long.MAX_VALUE (only unreachable entries can be, if the total fits). */
    private long[][] table() {
        long[][] built = ways;
        return built != null ? built : buildTable();
    }

    private synchronized long[][] buildTable() {
        if (ways == null) {
            int width = total < 0 ? 1 : total + 1;
            long[][] w = new long[length + 1][width];
            w[0][0] = 1;
            for (int i = 1; i <= length; i++) {
                for (int r = 0; r < width; r++) {
                    long s = 0;
                    for (int v = 0; v <= (total < 0 ? max : Math.min(max, r)); v++) {
                        long term = w[i - 1][total < 0 ? 0 : r - v];
                        s = s > Long.MAX_VALUE - term ? Long.MAX_VALUE : s + term;
                    }
                    w[i][r] = s;
                }
            }
            ways = w;
        }
        return ways;
    }
}
