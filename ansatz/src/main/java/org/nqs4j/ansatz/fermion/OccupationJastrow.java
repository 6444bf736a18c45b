package org.nqs4j.ansatz.fermion;

/**
 * A two-body Jastrow factor J(n) = exp(Σ_{f≤g} v_fg N_f N_g) over "fields" N_f, each the sum of
 * the occupations of a set of spin-orbitals:
 * <ul>
 * <li>{@link #densityDensity}: N_i = Σ_σ n_iσ, the charge Jastrow v_ij n_i n_j (v_ii is a Gutzwiller
 * factor, N_i² = N_i + 2 n_i↑ n_i↓);</li>
 * <li>{@link #spinResolved}: N_a = n_a per spin-orbital, v_{iσ,jσ′} n_iσ n_jσ′.</li>
 * </ul>
 * Positive, so it multiplies a determinant without touching its nodes (Slater–Jastrow, e.g.
 * Capello et al., PRL 94, 026406 (2005)). Parameters: v_fg for f ≤ g, row-major upper triangle.
 *
 * <p>With M_fg = v_fg (f ≠ g), M_ff = 2 v_ff, log J = ½ N·M·N. The cache keeps h = M N; a hop moving
 * one particle from field a to field b changes log J by h_b − h_a + ½M_aa + ½M_bb − M_ab (O(1)) and
 * h by the columns b − a (O(F)). Two hops change the fields by δ (at most four non-zero entries)
 * and log J by h·δ + ½ δ·M·δ (O(1)). O_fg = N_f N_g (f &lt; g), N_f² (f = g).
 */
public final class OccupationJastrow implements FermionWaveFunction {
    @Override
    public String description() {
        return "Jastrow exp(Σ v_fg N_f N_g) over " + nFields + " fields (P=" + nParameters() + ")";
    }

    private final int nSites;
    private final int nSpecies;
    private final int[] fieldOfMode;
    private final int nFields;
    private final double[] v;        // upper triangle
    private final double[] m;        // F × F, M as above

    private OccupationJastrow(int nSites, int nSpecies, int[] fieldOfMode, int nFields) {
        if (nSites < 1 || nSpecies < 1 || nSpecies > 2) {
            throw new IllegalArgumentException("a Jastrow factor needs L ≥ 1 sites and 1 or 2 species, got " + nSites + ", "
                    + nSpecies);
        }
        this.nSites = nSites;
        this.nSpecies = nSpecies;
        this.fieldOfMode = fieldOfMode;
        this.nFields = nFields;
        this.v = new double[nFields * (nFields + 1) / 2];
        this.m = new double[nFields * nFields];
    }

    /** Charge Jastrow exp(Σ_{i≤j} v_ij n_i n_j), n_i = Σ_σ n_iσ; all v = 0 (J = 1). */
    public static OccupationJastrow densityDensity(int nSites, int nSpecies) {
        int[] field = new int[nSites * nSpecies];
        for (int a = 0; a < field.length; a++) {
            field[a] = a % nSites;
        }
        return new OccupationJastrow(nSites, nSpecies, field, nSites);
    }

    /** Spin-resolved Jastrow exp(Σ_{a≤b} v_ab n_a n_b) over spin-orbitals a, b; all v = 0 (J = 1). */
    public static OccupationJastrow spinResolved(int nSites, int nSpecies) {
        int[] field = new int[nSites * nSpecies];
        for (int a = 0; a < field.length; a++) {
            field[a] = a;
        }
        return new OccupationJastrow(nSites, nSpecies, field, field.length);
    }

    @Override
    public int nSites() {
        return nSites;
    }

    @Override
    public int nSpecies() {
        return nSpecies;
    }

    public int nFields() {
        return nFields;
    }

    @Override
    public int nParameters() {
        return v.length;
    }

    @Override
    public void getParameters(double[] dst) {
        System.arraycopy(v, 0, dst, 0, v.length);
    }

    @Override
    public void setParameters(double[] src) {
        System.arraycopy(src, 0, v, 0, v.length);
        int p = 0;
        for (int f = 0; f < nFields; f++) {
            for (int g = f; g < nFields; g++) {
                double value = src[p++];
                m[f * nFields + g] = f == g ? 2 * value : value;
                m[g * nFields + f] = m[f * nFields + g];
            }
        }
    }

    @Override
    public void logPsi(int[] n, double[] out) {
        double[] fields = new double[nFields];
        fields(n, fields);
        double log = 0;
        int p = 0;
        for (int f = 0; f < nFields; f++) {
            for (int g = f; g < nFields; g++) {
                log += v[p++] * fields[f] * fields[g];
            }
        }
        out[0] = log;
        out[1] = 0;
    }

    private void fields(int[] n, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int a = 0; a < fieldOfMode.length; a++) {
            out[fieldOfMode[a]] += n[a];
        }
    }

    @Override
    public FermionCache newCache() {
        return new Cache();
    }

    private final class Cache implements FermionCache {
        @Override
        public int nSpecies() {
            return nSpecies;
        }

        private final int[] occupations = new int[fieldOfMode.length];
        private final double[] fields = new double[nFields];
        private final double[] h = new double[nFields];
        private double logJ;

        @Override
        public void reset(int[] n) {
            System.arraycopy(n, 0, occupations, 0, occupations.length);
            fields(occupations, fields);
            logJ = 0;
            for (int f = 0; f < nFields; f++) {
                double s = 0;
                for (int g = 0; g < nFields; g++) {
                    s += m[f * nFields + g] * fields[g];
                }
                h[f] = s;
                logJ += 0.5 * fields[f] * s;
            }
        }

        @Override
        public int[] configuration() {
            return occupations;
        }

        private double logRatio(int species, int from, int to) {
            int a = fieldOfMode[from + species * nSites];
            int b = fieldOfMode[to + species * nSites];
            if (a == b) {
                return 0;
            }
            return h[b] - h[a] + 0.5 * (m[a * nFields + a] + m[b * nFields + b]) - m[a * nFields + b];
        }

        @Override
        public double ratio(int species, int from, int to) {
            FermionCache.requireHop(occupations, nSites, species, from, to);
            return Math.exp(logRatio(species, from, to));
        }

        @Override
        public void applyHop(int species, int from, int to) {
            FermionCache.requireHop(occupations, nSites, species, from, to);
            logJ += logRatio(species, from, to);
            int a = fieldOfMode[from + species * nSites];
            int b = fieldOfMode[to + species * nSites];
            for (int f = 0; f < nFields; f++) {
                h[f] += m[f * nFields + b] - m[f * nFields + a];
            }
            fields[a]--;
            fields[b]++;
            occupations[from + species * nSites] = 0;
            occupations[to + species * nSites] = 1;
        }

        /** h·δ + ½ δ·M·δ for δ = e_b1 − e_a1 + e_b2 − e_a2 (fields of the sources a and targets b). */
        private double logRatio(int s1, int from1, int to1, int s2, int from2, int to2) {
            int a1 = fieldOfMode[from1 + s1 * nSites];
            int b1 = fieldOfMode[to1 + s1 * nSites];
            int a2 = fieldOfMode[from2 + s2 * nSites];
            int b2 = fieldOfMode[to2 + s2 * nSites];
            // the second hop seen after the first: its single-hop change plus the cross terms of M
            return logRatio(s1, from1, to1) + logRatio(s2, from2, to2)
                    + m[b2 * nFields + b1] - m[b2 * nFields + a1] - m[a2 * nFields + b1] + m[a2 * nFields + a1];
        }

        @Override
        public double ratio(int s1, int from1, int to1, int s2, int from2, int to2) {
            FermionCache.requireTwoHops(occupations, nSites, s1, from1, to1, s2, from2, to2);
            return Math.exp(logRatio(s1, from1, to1, s2, from2, to2));
        }

        @Override
        public void applyHops(int s1, int from1, int to1, int s2, int from2, int to2) {
            FermionCache.requireTwoHops(occupations, nSites, s1, from1, to1, s2, from2, to2);
            applyHop(s1, from1, to1); // a Jastrow has no nodes: the intermediate state is harmless
            applyHop(s2, from2, to2);
        }

        @Override
        public void logPsi(double[] out) {
            out[0] = logJ;
            out[1] = 0;
        }

        @Override
        public void logDerivatives(double[] out, int offset) {
            int p = offset;
            for (int f = 0; f < nFields; f++) {
                for (int g = f; g < nFields; g++) {
                    out[p++] = fields[f] * fields[g];
                }
            }
        }
    }
}
