package org.nqs4j.hamiltonians;

import java.util.List;
import java.util.random.RandomGenerator;

import org.nqs4j.hamiltonians.hilbert.Hilbert;
import org.nqs4j.hamiltonians.hilbert.SpinSHilbert;
import org.nqs4j.hamiltonians.hilbert.SumConstraint;

/**
 * The Hilbert space of N spin-1/2 degrees of freedom in the σᶻ basis, optionally restricted to
 * the sector of fixed total magnetisation Σᵢσᵢ = M (M = 2·S_z^tot; M = 0 is the S_z = 0 sector).
 * Ranks are those of {@link SpinSHilbert} at S = 1/2 (the up-spin occupations (σᵢ+1)/2), i.e. of
 * the bit pattern Σ_{σᵢ=+1} 2^i among the sector's patterns, the order of the spin ED basis.
 */
public final class SpinHilbert implements Hilbert {
    private final int nSites;
    private final Integer magnetization;
    private final SpinSHilbert ranked; // the same space as spin S = 1/2, for the ranking

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
        this.ranked = magnetization == null ? SpinSHilbert.unconstrained(nSites, 1)
                : SpinSHilbert.fixedMagnetization(nSites, 1, magnetization);
    }

    /** All 2^N configurations. */
    public static SpinHilbert unconstrained(int nSites) {
        return new SpinHilbert(nSites, null);
    }

    /** The sector Σᵢσᵢ = {@code sumSigma}. */
    public static SpinHilbert fixedMagnetization(int nSites, int sumSigma) {
        return new SpinHilbert(nSites, sumSigma);
    }

    @Override
    public int nSites() {
        return nSites;
    }

    @Override
    public int size() {
        return nSites;
    }

    @Override
    public int[] localStates() {
        return new int[] {-1, 1};
    }

    @Override
    public List<SumConstraint> constraints() {
        return magnetization == null ? List.of() : List.of(new SumConstraint("Σσ = 2·S_z", 0, nSites, magnetization));
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
    @Override
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

    @Override
    public long nStates() {
        return ranked.nStates();
    }

    @Override
    public long index(int[] sigma) {
        return ranked.index(sigma);
    }

    @Override
    public void state(long index, int[] out) {
        ranked.state(index, out);
    }

    /** Uniform in the sector: independent coin flips, or M' = (N+M)/2 up spins on a random subset. */
    @Override
    public void randomState(RandomGenerator rng, int[] out) {
        if (magnetization == null) {
            for (int i = 0; i < nSites; i++) {
                out[i] = rng.nextBoolean() ? 1 : -1;
            }
            return;
        }
        int up = (nSites + magnetization) / 2;
        for (int i = 0; i < nSites; i++) {
            out[i] = i < up ? 1 : -1;
        }
        for (int i = nSites - 1; i > 0; i--) { // Fisher–Yates shuffle
            int j = rng.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
    }

    /** True when σ is a valid ±1 configuration of this space. */
    @Override
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
