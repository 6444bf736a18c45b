package org.nqs4j.hamiltonians;

import java.util.Arrays;

/**
 * Reusable buffer for the row of an operator at one configuration: the connected
 * configurations σ' (each stored as the list of sites flipped relative to σ) and the matrix
 * elements ⟨σ'|Ô|σ⟩, complex in general.
 *
 * <p>One buffer is allocated per thread/chain and filled again for every configuration, so that
 * local-estimator loops allocate nothing. Entry {@code k} flips {@link #flipCount(int)} sites;
 * the diagonal element is the entry with zero flips (at most one such entry).
 */
public final class Connections {
    private final int maxFlips;
    private double[] re;
    private double[] im;
    private int[] flipCount;
    private int[] flips;
    private int size;

    public Connections(int initialCapacity, int maxFlips) {
        if (initialCapacity < 1 || maxFlips < 0) {
            throw new IllegalArgumentException("capacity must be >= 1 and maxFlips >= 0");
        }
        this.maxFlips = maxFlips;
        this.re = new double[initialCapacity];
        this.im = new double[initialCapacity];
        this.flipCount = new int[initialCapacity];
        this.flips = new int[initialCapacity * Math.max(1, maxFlips)];
    }

    public void clear() {
        size = 0;
    }

    /** Appends ⟨σ'|Ô|σ⟩ = re + i·im for σ' = σ with {@code sites[0..n)} flipped. */
    public void add(double matrixRe, double matrixIm, int[] sites, int n) {
        if (n > maxFlips) {
            throw new IllegalArgumentException("connection flips " + n + " sites, buffer allows " + maxFlips);
        }
        if (size == re.length) {
            grow();
        }
        re[size] = matrixRe;
        im[size] = matrixIm;
        flipCount[size] = n;
        System.arraycopy(sites, 0, flips, size * maxFlips, n);
        size++;
    }

    private void grow() {
        int cap = re.length * 2;
        re = Arrays.copyOf(re, cap);
        im = Arrays.copyOf(im, cap);
        flipCount = Arrays.copyOf(flipCount, cap);
        flips = Arrays.copyOf(flips, cap * Math.max(1, maxFlips));
    }

    public int size() {
        return size;
    }

    public int maxFlips() {
        return maxFlips;
    }

    public double re(int k) {
        return re[k];
    }

    public double im(int k) {
        return im[k];
    }

    public int flipCount(int k) {
        return flipCount[k];
    }

    public int flipSite(int k, int f) {
        return flips[k * maxFlips + f];
    }

    /** Backing array of flipped sites; entry k occupies {@code [k*maxFlips, k*maxFlips+flipCount(k))}. */
    public int[] flipSites() {
        return flips;
    }

    public int flipOffset(int k) {
        return k * maxFlips;
    }
}
