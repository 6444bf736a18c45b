package org.nqs4j.hamiltonians.hilbert;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * N spins of any S = 1/2, 1, 3/2, … in the S^z basis, each entry the integer 2m ∈ {−2S, −2S+2,
 * …, 2S} (so spin-1/2 reads ±1 as in {@link org.nqs4j.hamiltonians.SpinHilbert}), optionally
 * with Σ 2m_i = M fixed. Ranked through the occupations o_i = (2m_i + 2S)/2 ∈ 0..2S, which sum to
 * (M + 2S·N)/2 ({@link OccupationRanking}).
 */
public final class SpinSHilbert implements Hilbert {
    private final int nSites;
    private final int twoS;
    private final Integer twiceSz; // Σ 2m, or null
    private final OccupationRanking ranking;

    private SpinSHilbert(int nSites, int twoS, Integer twiceSz) {
        if (nSites < 1 || twoS < 1) {
            throw new IllegalArgumentException("need at least one site and S >= 1/2, got N = " + nSites + ", 2S = " + twoS);
        }
        if (twiceSz != null && (Math.abs((long) twiceSz) > (long) twoS * nSites
                || Math.floorMod(twiceSz + (long) twoS * nSites, 2) != 0)) {
            throw new IllegalArgumentException("Σ 2m = " + twiceSz + " is impossible for " + nSites + " spins of 2S = "
                    + twoS + ": it must lie in [-2SN, 2SN] with the parity of 2SN");
        }
        this.nSites = nSites;
        this.twoS = twoS;
        this.twiceSz = twiceSz;
        this.ranking = twiceSz == null ? OccupationRanking.free(nSites, twoS)
                : OccupationRanking.fixedSum(nSites, twoS, (twiceSz + twoS * nSites) / 2);
    }

    /** All (2S+1)^N configurations. */
    public static SpinSHilbert unconstrained(int nSites, int twoS) {
        return new SpinSHilbert(nSites, twoS, null);
    }

    /** The sector Σ 2m_i = {@code twiceSz} (2·S^z_total). */
    public static SpinSHilbert fixedMagnetization(int nSites, int twoS, int twiceSz) {
        return new SpinSHilbert(nSites, twoS, twiceSz);
    }

    /** 2S. */
    public int twoS() {
        return twoS;
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
        int[] v = new int[twoS + 1];
        for (int k = 0; k <= twoS; k++) {
            v[k] = 2 * k - twoS;
        }
        return v;
    }

    @Override
    public List<SumConstraint> constraints() {
        return twiceSz == null ? List.of() : List.of(new SumConstraint("Σ 2m = 2·S_z", 0, nSites, twiceSz));
    }

    @Override
    public boolean contains(int[] x) {
        if (x.length != nSites) {
            return false;
        }
        long sum = 0;
        for (int v : x) {
            if (v < -twoS || v > twoS || ((v + twoS) & 1) != 0) {
                return false;
            }
            sum += v;
        }
        return twiceSz == null || sum == twiceSz;
    }

    @Override
    public double dimension() {
        return ranking.dimension();
    }

    @Override
    public long nStates() {
        return ranking.nStates();
    }

    @Override
    public long index(int[] x) {
        if (!contains(x)) {
            throw new IllegalArgumentException("the configuration is not in " + this);
        }
        int[] o = new int[nSites];
        for (int i = 0; i < nSites; i++) {
            o[i] = (x[i] + twoS) / 2;
        }
        return ranking.rank(o, 0);
    }

    @Override
    public void state(long index, int[] out) {
        ranking.unrank(index, out, 0);
        for (int i = 0; i < nSites; i++) {
            out[i] = 2 * out[i] - twoS;
        }
    }

    /**
     * Uniform without a constraint; with a fixed S_z a valid state, not uniform
     * ({@link RandomStates#distribute} of the (M + 2SN)/2 raising steps).
     */
    @Override
    public void randomState(RandomGenerator rng, int[] out) {
        if (twiceSz == null) {
            for (int i = 0; i < nSites; i++) {
                out[i] = 2 * rng.nextInt(twoS + 1) - twoS;
            }
            return;
        }
        RandomStates.distribute(rng, nSites, twoS, (twiceSz + twoS * nSites) / 2, out);
        for (int i = 0; i < nSites; i++) {
            out[i] = 2 * out[i] - twoS;
        }
    }

    @Override
    public String toString() {
        String s = twoS % 2 == 0 ? Integer.toString(twoS / 2) : twoS + "/2";
        return nSites + " spin-" + s + (twiceSz == null ? "" : ", Σ2m = " + twiceSz);
    }
}
