package org.nqs4j.ansatz;

/**
 * Symmetric RBM: an {@link Rbm} whose hidden units come in α features, each repeated over a
 * group G of site permutations with shared weights (Carleo &amp; Troyer, Science 355, 602 (2017),
 * supplement, "Use of symmetries"):
 * <pre>
 *   log ψ(σ) = a Σᵢ σᵢ + Σ_f Σ_{g∈G} log cosh θ_{f,g}(σ),   θ_{f,g} = b_f + Σᵢ w_f(i) σ_{g(i)}.
 * </pre>
 * ψ(σ∘g) = ψ(σ) for every g ∈ G (when G is a group), so the state lies in the symmetric
 * (zero-momentum, for translations) sector. P = 1 + α + αN parameters instead of the
 * N + αN + αN² of a plain RBM with the same M = α|G| hidden units: the optimiser works on P, the
 * sampler on the expanded RBM (same cost per move as a plain RBM with M hidden units).
 *
 * <p>Parameter layout: a (1), b (α), w (α×N, index f·N + i); real or interleaved complex as in
 * {@link WaveFunction}. The expanded RBM has hidden unit j = f·|G| + g with
 * b_j = b_f and W_{j, g(i)} = w_f(i), and visible biases all a.
 *
 * <p>Log-derivatives are sums of the expanded ones over each tied set:
 * O_a = Σᵢ σᵢ, O_{b_f} = Σ_g tanh θ_{f,g}, O_{w_f(i)} = Σ_g tanh θ_{f,g} σ_{g(i)}.
 */
public final class SymmetricRbm implements WaveFunction {
    private final Rbm rbm;
    private final int[][] group;
    private final int alpha;
    private final int nSites;
    private final boolean complex;
    private final int nParameters;
    /** The parameters in this ansatz's own layout, as last set. */
    private final double[] parameters;
    /** The same parameters in the expanded RBM's layout (scratch of {@link #setParameters}). */
    private final double[] expanded;

    private SymmetricRbm(int[][] group, int alpha, boolean complex) {
        if (group == null || group.length == 0) {
            throw new IllegalArgumentException("a symmetric RBM needs at least one permutation (the identity)");
        }
        this.nSites = group[0].length;
        SpinConfiguration.requireSites(nSites);
        this.group = new int[group.length][];
        for (int g = 0; g < group.length; g++) {
            this.group[g] = requirePermutation(group[g], nSites, g);
        }
        if (alpha < 1) {
            throw new IllegalArgumentException("feature density alpha = " + alpha
                    + "; alpha must be a positive integer (M = alpha * |G| hidden units)");
        }
        long hidden = (long) alpha * group.length;
        if (hidden > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("M = alpha * |G| = " + hidden + " hidden units is too large");
        }
        this.rbm = complex ? Rbm.complexWithHiddenUnits(nSites, (int) hidden)
                : Rbm.realWithHiddenUnits(nSites, (int) hidden);
        this.alpha = alpha;
        this.complex = complex;
        this.nParameters = ParameterPacking.checkedParameterCount(1L + alpha + (long) alpha * nSites, complex,
                "a symmetric RBM with N = " + nSites + ", alpha = " + alpha);
        this.parameters = new double[parameterArrayLength()];
        this.expanded = new double[rbm.parameterArrayLength()];
    }

    /** Real symmetric RBM with α features over the permutations {@code group[g][i] = g(i)}. */
    public static SymmetricRbm real(int[][] group, int alpha) {
        return new SymmetricRbm(group, alpha, false);
    }

    /** Complex (holomorphic) symmetric RBM with α features over the permutations of {@code group}. */
    public static SymmetricRbm complex(int[][] group, int alpha) {
        return new SymmetricRbm(group, alpha, true);
    }

    static int[] requirePermutation(int[] row, int n, int g) {
        if (row == null || row.length != n) {
            throw new IllegalArgumentException("symmetry " + g + " has " + (row == null ? "no" : row.length)
                    + " entries; every permutation must map all N = " + n + " sites");
        }
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int s = row[i];
            if (s < 0 || s >= n || seen[s]) {
                throw new IllegalArgumentException("symmetry " + g + " is not a permutation of 0.." + (n - 1)
                        + ": site " + i + " maps to " + s);
            }
            seen[s] = true;
        }
        return row.clone();
    }

    /** α, the number of features. */
    public int alpha() {
        return alpha;
    }

    /** |G|, the number of symmetry operations each feature is repeated over. */
    public int groupSize() {
        return group.length;
    }

    @Override
    public int nSites() {
        return nSites;
    }

    @Override
    public int nParameters() {
        return nParameters;
    }

    @Override
    public boolean isComplex() {
        return complex;
    }

    /** The added features f ≥ α' keep their b_f and w_f (layout a, b, w). */
    @Override
    public boolean embedSmaller(double[] smaller, double[] params) {
        return ParameterPacking.embedUnits(smaller, params, 1, nSites, alpha, complex ? 2 : 1);
    }

    @Override
    public void getParameters(double[] dst) {
        ParameterPacking.requireLength(dst, parameters.length);
        System.arraycopy(parameters, 0, dst, 0, parameters.length);
    }

    @Override
    public void setParameters(double[] src) {
        ParameterPacking.requireValidParameters(src, parameters.length);
        System.arraycopy(src, 0, parameters, 0, parameters.length);
        int n = nSites;
        int nGroup = group.length;
        int m = alpha * nGroup;
        double aRe = ParameterPacking.re(src, 0, 0, complex);
        double aIm = ParameterPacking.im(src, 0, 0, complex);
        for (int i = 0; i < n; i++) {
            ParameterPacking.put(expanded, 0, i, aRe, aIm, complex);
        }
        for (int f = 0; f < alpha; f++) {
            double bRe = ParameterPacking.re(src, 0, 1 + f, complex);
            double bIm = ParameterPacking.im(src, 0, 1 + f, complex);
            int w = 1 + alpha + f * n;
            for (int g = 0; g < nGroup; g++) {
                int j = f * nGroup + g;
                ParameterPacking.put(expanded, 0, n + j, bRe, bIm, complex);
                int row = n + m + j * n;
                int[] perm = group[g];
                for (int i = 0; i < n; i++) {
                    ParameterPacking.put(expanded, 0, row + perm[i], ParameterPacking.re(src, 0, w + i, complex),
                            ParameterPacking.im(src, 0, w + i, complex), complex);
                }
            }
        }
        rbm.setParameters(expanded);
    }

    /**
     * The parameters of the plain {@link Rbm} with M = α|G| hidden units that is this state: hidden
     * unit j = f·|G| + g is feature f moved by g (b_j = b_f, W_{j, g(i)} = w_f(i), every a_i = a).
     * On a Bravais lattice |G| = N, so this is an RBM of density α (warm start of a full RBM from a
     * trained symmetric one: both give the same log ψ).
     */
    public double[] expandedParameters() {
        return expanded.clone();
    }

    @Override
    public void logPsi(int[] sigma, double[] out) {
        rbm.logPsi(sigma, out);
    }

    @Override
    public void tabulateExchanges(int[][] pairs) {
        rbm.tabulateExchanges(pairs);
    }

    @Override
    public WalkerCache newCache() {
        return new Cache(rbm.newCache());
    }

    @Override
    public String description() {
        return "symmetric RBM(" + (complex ? "complex" : "real") + ", N=" + nSites + ", alpha=" + alpha
                + ", |G|=" + group.length + ", M=" + rbm.nHidden() + ", P=" + nParameters + ")";
    }

    /**
     * The expanded RBM's cache for moves and ratios; only the log-derivatives are folded back onto
     * the tied parameters.
     */
    private final class Cache implements WalkerCache {
        private final RbmCache inner;
        private final double[] weightRe = new double[alpha * nSites];
        private final double[] weightIm = new double[alpha * nSites];

        Cache(RbmCache inner) {
            this.inner = inner;
        }

        @Override
        public void reset(int[] sigma) {
            inner.reset(sigma);
        }

        @Override
        public int[] configuration() {
            return inner.configuration();
        }

        @Override
        public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
            inner.logRatio(sites, values, offset, count, out);
        }

        @Override
        public void ratio(int[] sites, int[] values, int offset, int count, double[] out) {
            inner.ratio(sites, values, offset, count, out);
        }

        @Override
        public void ratioModulus2(int[] sites, int[] values, int offset, int count, double[] out) {
            inner.ratioModulus2(sites, values, offset, count, out); // the inner RBM's ratio is this one's
        }

        @Override
        public void applyMove(int[] sites, int[] values, int offset, int count) {
            inner.applyMove(sites, values, offset, count);
        }

        @Override
        public void logPsi(double[] out) {
            inner.logPsi(out);
        }

        /** O_a = Σᵢ σᵢ, O_{b_f} = Σ_g t_{f,g}, O_{w_f(i)} = Σ_g t_{f,g} σ_{g(i)} with t = tanh θ. */
        @Override
        public void logDerivatives(double[] out, int offset) {
            int[] sigma = inner.configuration();
            int n = nSites;
            int nGroup = group.length;
            double[] tRe = inner.tanhRe;
            double[] tIm = inner.tanhIm;
            int magnetisation = 0;
            for (int i = 0; i < n; i++) {
                magnetisation += sigma[i];
            }
            ParameterPacking.put(out, offset, 0, magnetisation, 0.0, complex);
            java.util.Arrays.fill(weightRe, 0.0);
            java.util.Arrays.fill(weightIm, 0.0);
            for (int f = 0; f < alpha; f++) {
                double sumRe = 0.0;
                double sumIm = 0.0;
                int base = f * n;
                for (int g = 0; g < nGroup; g++) {
                    double re = tRe[f * nGroup + g];
                    double im = tIm[f * nGroup + g];
                    sumRe += re;
                    sumIm += im;
                    int[] perm = group[g];
                    for (int i = 0; i < n; i++) {
                        int s = sigma[perm[i]];
                        weightRe[base + i] += s * re;
                        weightIm[base + i] += s * im;
                    }
                }
                ParameterPacking.put(out, offset, 1 + f, sumRe, sumIm, complex);
            }
            for (int k = 0; k < weightRe.length; k++) {
                ParameterPacking.put(out, offset, 1 + alpha + k, weightRe[k], weightIm[k], complex);
            }
        }
    }
}
