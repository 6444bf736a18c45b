package org.nqs4j.ansatz.fermion;

/** Walker cache of a {@link SlaterDeterminant}: one {@link SpeciesDeterminant} table per species. */
public final class SlaterCache implements FermionCache {
    @Override
    public int nSpecies() {
        return species.length;
    }

    private final int nSites;
    private final SpeciesDeterminant[] species;
    private final int[] occupations;

    SlaterCache(int nSites, SpeciesDeterminant[] species) {
        this.nSites = nSites;
        this.species = species;
        this.occupations = new int[nSites * species.length];
    }

    @Override
    public void reset(int[] n) {
        System.arraycopy(n, 0, occupations, 0, occupations.length);
        for (SpeciesDeterminant d : species) {
            d.reset(occupations);
        }
    }

    @Override
    public int[] configuration() {
        return occupations;
    }

    /** O(N_s): a row of Φ times a column of the inverse, times the Jordan–Wigner sign of the hop. */
    @Override
    public double ratio(int s, int from, int to) {
        FermionCache.requireHop(occupations, nSites, s, from, to);
        return species[s].ratio(occupations, from, to);
    }

    /** O(N_s²) Sherman–Morrison, or a fresh O(N_s³) LU every refresh interval. */
    @Override
    public void applyHop(int s, int from, int to) {
        FermionCache.requireHop(occupations, nSites, s, from, to);
        SpeciesDeterminant d = species[s];
        d.applyHop(occupations, from, to);
        occupations[from + s * nSites] = 0;
        occupations[to + s * nSites] = 1;
        if (d.needsRefresh()) {
            d.reset(occupations);
        }
    }

    /** Opposite species: the product of two O(N_s) single ratios; one species: a 2 × 2 determinant, O(N_s). */
    @Override
    public double ratio(int s1, int from1, int to1, int s2, int from2, int to2) {
        FermionCache.requireTwoHops(occupations, nSites, s1, from1, to1, s2, from2, to2);
        if (s1 != s2) {
            return species[s1].ratio(occupations, from1, to1) * species[s2].ratio(occupations, from2, to2);
        }
        return species[s1].ratio(occupations, from1, to1, from2, to2);
    }

    /** Opposite species: a Sherman–Morrison update per species; one species: a rank-2 Woodbury update. O(N_s²). */
    @Override
    public void applyHops(int s1, int from1, int to1, int s2, int from2, int to2) {
        FermionCache.requireTwoHops(occupations, nSites, s1, from1, to1, s2, from2, to2);
        if (s1 != s2) {
            applyHop(s1, from1, to1);
            applyHop(s2, from2, to2);
            return;
        }
        SpeciesDeterminant d = species[s1];
        d.applyHops(occupations, from1, to1, from2, to2);
        int base = s1 * nSites;
        occupations[base + from1] = 0;
        occupations[base + from2] = 0;
        occupations[base + to1] = 1;
        occupations[base + to2] = 1;
        if (d.needsRefresh()) {
            d.reset(occupations);
        }
    }

    @Override
    public void logPsi(double[] out) {
        double log = 0;
        double sign = 1;
        for (SpeciesDeterminant d : species) {
            log += d.logAbs();
            sign *= d.sign();
        }
        out[0] = log;
        out[1] = sign < 0 ? Math.PI : 0;
    }

    @Override
    public void logDerivatives(double[] out, int offset) {
        for (SpeciesDeterminant d : species) {
            d.logDerivatives(out, offset);
            offset += d.parameterCount();
        }
    }

    /** (A⁻¹)_{k, row(site)} of a species' cached inverse, for drift tests. */
    double inverseElement(int s, int site, int k) {
        return species[s].inverseElement(site, k);
    }
}
