package org.nqs4j.hamiltonians.hilbert;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Bosons on N sites, occupations n_i ∈ {0, …, n_max} (a truncation: exact only when states with
 * n_i &gt; n_max do not matter), with a fixed total N_b = Σ n_i or in the grand-canonical full space.
 * Ranks by the bounded-composition count table of {@link OccupationRanking}.
 */
public final class BosonHilbert implements Hilbert {
    private final int nSites;
    private final int nMax;
    private final int nParticles; // −1: not fixed
    private final OccupationRanking ranking;

    private BosonHilbert(int nSites, int nMax, int nParticles) {
        if (nSites < 1) {
            throw new IllegalArgumentException("the Hilbert space needs at least one site, got " + nSites);
        }
        if (nMax < 1) {
            throw new IllegalArgumentException("n_max must be at least 1, got " + nMax);
        }
        if (nParticles > (long) nSites * nMax) {
            throw new IllegalArgumentException(nParticles + " bosons do not fit " + nSites + " sites of at most n_max = "
                    + nMax + " each");
        }
        this.nSites = nSites;
        this.nMax = nMax;
        this.nParticles = nParticles;
        this.ranking = nParticles < 0 ? OccupationRanking.free(nSites, nMax)
                : OccupationRanking.fixedSum(nSites, nMax, nParticles);
    }

    /** Σ n_i = {@code nParticles}, each n_i ≤ {@code nMax}. */
    public static BosonHilbert fixedNumber(int nSites, int nMax, int nParticles) {
        if (nParticles < 0) {
            throw new IllegalArgumentException("the number of bosons must be >= 0, got " + nParticles);
        }
        return new BosonHilbert(nSites, nMax, nParticles);
    }

    /** All occupations 0..n_max on every site. */
    public static BosonHilbert grandCanonical(int nSites, int nMax) {
        return new BosonHilbert(nSites, nMax, -1);
    }

    public int nMax() {
        return nMax;
    }

    public boolean hasFixedNumber() {
        return nParticles >= 0;
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
        int[] v = new int[nMax + 1];
        for (int i = 0; i <= nMax; i++) {
            v[i] = i;
        }
        return v;
    }

    @Override
    public List<SumConstraint> constraints() {
        return nParticles < 0 ? List.of() : List.of(new SumConstraint("N", 0, nSites, nParticles));
    }

    @Override
    public boolean contains(int[] x) {
        return x.length == nSites && ranking.accepts(x, 0);
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
        return ranking.rank(x, 0);
    }

    @Override
    public void state(long index, int[] out) {
        ranking.unrank(index, out, 0);
    }

    /**
     * A valid state, not uniform: with a fixed number each boson goes to a uniformly chosen site
     * that still has room; otherwise each n_i is uniform in 0..n_max.
     */
    @Override
    public void randomState(RandomGenerator rng, int[] out) {
        if (nParticles < 0) {
            for (int i = 0; i < nSites; i++) {
                out[i] = rng.nextInt(nMax + 1);
            }
            return;
        }
        RandomStates.distribute(rng, nSites, nMax, nParticles, out);
    }

    @Override
    public String toString() {
        return nSites + " sites, " + (nParticles < 0 ? "any number of" : Integer.toString(nParticles))
                + " bosons, n_max = " + nMax;
    }
}
