package org.nqs4j.hamiltonians;

/**
 * The Hilbert space of N spin-1/2 degrees of freedom in the σᶻ basis, optionally restricted to
 * the sector of fixed total magnetisation Σᵢσᵢ = M (M = 2·S_z^tot; M = 0 is the S_z = 0 sector).
 */
public final class SpinHilbert {
    private final int nSites;
    private final Integer magnetization;

    private SpinHilbert(int nSites, Integer magnetization) {
        if (nSites < 1) {
            throw new IllegalArgumentException("the Hilbert space needs at least one site, got " + nSites);
        }
        if (magnetization != null) {
            int m = magnetization;
            if (Math.abs(m) > nSites || Math.floorMod(m + nSites, 2) != 0) {
                throw new IllegalArgumentException("total magnetisation Σσ = " + m + " is impossible on " + nSites
                        + " sites: it must lie in [-N, N] and have the parity of N");
            }
        }
        this.nSites = nSites;
        this.magnetization = magnetization;
    }

    /** All 2^N configurations. */
    public static SpinHilbert unconstrained(int nSites) {
        return new SpinHilbert(nSites, null);
    }

    /** The sector Σᵢσᵢ = {@code sumSigma}. */
    public static SpinHilbert fixedMagnetization(int nSites, int sumSigma) {
        return new SpinHilbert(nSites, sumSigma);
    }

    public int nSites() {
        return nSites;
    }

    public boolean hasFixedMagnetization() {
        return magnetization != null;
    }

    /** Σᵢσᵢ of the sector; only when {@link #hasFixedMagnetization()}. */
    public int sumSigma() {
        if (magnetization == null) {
            throw new IllegalStateException("the Hilbert space has no fixed magnetisation");
        }
        return magnetization;
    }

    /** Number of basis states (as a double: 2^N overflows a long beyond N = 62). */
    public double dimension() {
        if (magnetization == null) {
            return Math.pow(2, nSites);
        }
        int up = (nSites + magnetization) / 2;
        double c = 1;
        for (int k = 1; k <= up; k++) {
            c = c * (nSites - up + k) / k;
        }
        return Math.rint(c);
    }

    /** True when σ is a valid ±1 configuration of this space. */
    public boolean contains(int[] sigma) {
        if (sigma.length != nSites) {
            return false;
        }
        int sum = 0;
        for (int s : sigma) {
            if (s != 1 && s != -1) {
                return false;
            }
            sum += s;
        }
        return magnetization == null || sum == magnetization;
    }

    @Override
    public String toString() {
        return nSites + " spin-1/2" + (magnetization == null ? "" : ", Σσ = " + magnetization);
    }
}
