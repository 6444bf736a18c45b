package org.nqs4j.ansatz;

/**
 * Restricted Boltzmann machine wave function (Carleo &amp; Troyer, Science 355, 602 (2017), Eq. 2
 * with the hidden units traced out):
 * <pre>
 *   log ψ(σ) = Σᵢ aᵢσᵢ + Σⱼ log cosh θⱼ(σ),   θⱼ = bⱼ + Σᵢ Wⱼᵢσᵢ,
 * </pre>
 * N visible spins, M hidden units. Parameter layout: a (N), b (M), W (M×N, index j·N + i).
 *
 * <p>Two variants from the factories: {@link #real} (real parameters, ψ &gt; 0) and
 * {@link #complex} (holomorphic complex parameters). Both run the same complex code with separate
 * re/im arrays; the real variant keeps the imaginary parts at zero and exposes only real parts.
 * New instances have all parameters zero (ψ uniform); see {@link GaussianParameters}.
 */
public final class Rbm implements WaveFunction {
    final int nSites;
    final int nHidden;
    final boolean complex;
    private final int nParameters;

    final double[] aRe;
    final double[] aIm;
    final double[] bRe;
    final double[] bIm;
    /** Weights stored by site: w[i·M + j] = Wⱼᵢ. */
    final double[] wRe;
    final double[] wIm;
    /** e^{2Wⱼᵢ} and e^{−2Wⱼᵢ}, same storage as w, rebuilt by {@link #setParameters}. */
    final double[] exp2wRe;
    final double[] exp2wIm;
    final double[] expMinus2wRe;
    final double[] expMinus2wIm;
    /** tanh 2Wⱼᵢ and 1 ± tanh 2Wⱼᵢ, same storage, for the update of an accepted move. */
    final double[] tanh2wRe;
    final double[] tanh2wIm;
    final double[] onePlusTanh2wRe;
    final double[] onePlusTanh2wIm;
    final double[] oneMinusTanh2wRe;
    final double[] oneMinusTanh2wIm;
    /**
     * True for a real RBM with max_i Σⱼ |Wⱼᵢ| ≤ {@value #REAL_PRODUCT_BUDGET}: its caches then run the
     * real-arithmetic kernels ({@link RbmRealKernels}), which give the complex ones' bits on 4-lane hosts
     * and their products' 4-lane order on wider ones; rebuilt by {@link #setParameters}.
     */
    boolean realProducts;
    /**
     * Per site i and per tabulated pair b: the sufficient floor on |f|² of the one-flip product over that
     * row of tables ({@link RbmKernels#sufficientFloor2}; 0: use the exact refusal test), rebuilt with them.
     */
    double[] siteFloor2;
    double[] pairFloor2;
    /**
     * Float cosh/sinh tables of the sites' and the tabulated pairs' rows for the estimated acceptance
     * ({@link RbmFloatKernels}), for RBMs on the complex kernels (null otherwise, or without pairs); rebuilt with
     * the double tables.
     */
    RbmFloatTables siteFloats;
    RbmFloatTables pairFloats;
    /**
     * Weight budget of the real kernels: a one-flip or tabulated-exchange product then has
     * Σⱼ|xⱼ| ≤ 4·32 = 128, so no factor or partial product comes near overflow or subnormals.
     */
    static final double REAL_PRODUCT_BUDGET = 32.0;

    /**
     * Exchange tables ({@link #tabulateExchanges}): the pairs tabulated with site i are
     * {@code partners[i]}, with pair indices {@code pairIds[i]}; pair b = (lo, hi), lo &lt; hi, has
     * e^{±2(W_{j,lo} − W_{j,hi})} at b·M + j, rebuilt by {@link #setParameters}.
     */
    private int[][] partners;
    private int[][] pairIds;
    private int[] pairLo;
    private int[] pairHi;
    double[] pairExpRe;
    double[] pairExpIm;
    double[] pairExpMinusRe;
    double[] pairExpMinusIm;
    /**
     * tanh 2(W_lo − W_hi) and 1 ± tanh 2(W_lo − W_hi) of every tabulated pair, same storage: the tables an
     * accepted exchange is applied with in one step ({@link RbmKernels#applyMove}).
     */
    double[] pairTanhRe;
    double[] pairTanhIm;
    double[] pairOnePlusTanhRe;
    double[] pairOnePlusTanhIm;
    double[] pairOneMinusTanhRe;
    double[] pairOneMinusTanhIm;

    /**
     * e^{−2aᵢσᵢ}, the visible factor of the ratio when site i flips: {@code up} for σᵢ = +1
     * (e^{−2aᵢ}), {@code down} for σᵢ = −1 (e^{2aᵢ}); rebuilt by {@link #setParameters}.
     */
    final double[] visibleUpRe;
    final double[] visibleUpIm;
    final double[] visibleDownRe;
    final double[] visibleDownIm;

    private Rbm(int nSites, int nHidden, boolean complex) {
        SpinConfiguration.requireSites(nSites);
        if (nHidden < 1) {
            throw new IllegalArgumentException("number of hidden units M = " + nHidden
                    + "; M must be >= 1");
        }
        long count = (long) nSites + nHidden + (long) nSites * nHidden;
        this.nParameters = ParameterPacking.checkedParameterCount(count, complex,
                "an RBM with N = " + nSites + ", M = " + nHidden);
        this.nSites = nSites;
        this.nHidden = nHidden;
        this.complex = complex;
        aRe = new double[nSites];
        aIm = new double[nSites];
        bRe = new double[nHidden];
        bIm = new double[nHidden];
        int nw = nSites * nHidden;
        wRe = new double[nw];
        wIm = new double[nw];
        exp2wRe = new double[nw];
        exp2wIm = new double[nw];
        expMinus2wRe = new double[nw];
        expMinus2wIm = new double[nw];
        tanh2wRe = new double[nw];
        tanh2wIm = new double[nw];
        onePlusTanh2wRe = new double[nw];
        onePlusTanh2wIm = new double[nw];
        oneMinusTanh2wRe = new double[nw];
        oneMinusTanh2wIm = new double[nw];
        rebuildWeightTables();
        visibleUpRe = new double[nSites];
        visibleUpIm = new double[nSites];
        visibleDownRe = new double[nSites];
        visibleDownIm = new double[nSites];
        rebuildVisibleFactors();
    }

    /** e^{±2W}, tanh 2W and 1 ± tanh 2W from W (not in a hot loop: allocates the 2W scratch). */
    private void rebuildWeightTables() {
        RbmKernels.weightTables(wRe, wIm, wRe.length, exp2wRe, exp2wIm, expMinus2wRe, expMinus2wIm, tanh2wRe, tanh2wIm,
                onePlusTanh2wRe, onePlusTanh2wIm, oneMinusTanh2wRe, oneMinusTanh2wIm);
        boolean bounded = !complex;
        for (int i = 0; i < nSites && bounded; i++) {
            double budget = 0.0;
            for (int j = 0; j < nHidden; j++) {
                budget += Math.abs(wRe[i * nHidden + j]);
            }
            bounded = budget <= REAL_PRODUCT_BUDGET;
        }
        realProducts = bounded;
        siteFloor2 = siteFloor2 == null ? new double[nSites] : siteFloor2;
        for (int i = 0; i < nSites; i++) {
            siteFloor2[i] = RbmKernels.sufficientFloor2(exp2wRe, exp2wIm, expMinus2wRe, expMinus2wIm, i * nHidden,
                    nHidden);
        }
        siteFloats = realProducts ? null
                : RbmFloatTables.of(siteFloats, exp2wRe, exp2wIm, expMinus2wRe, expMinus2wIm, nSites, nHidden);
    }

    /**
     * Tabulates the exchanges of the given site pairs: moving σ_lo = −σ_hi → −σ_lo, σ_hi changes
     * θⱼ by −x with x = 2σ_lo(W_{j,lo} − W_{j,hi}), so its ratio is a one-flip product over tables
     * e^{±2(W_lo − W_hi)}: half the loads and no products of table entries, against the general
     * two-flip kernel. Results agree with the untabulated RBM to rounding. Call before sampling
     * (not concurrently with it); pairs repeated or in either order count once.
     */
    @Override
    public void tabulateExchanges(int[][] pairs) {
        java.util.LinkedHashSet<Long> unique = new java.util.LinkedHashSet<>();
        for (int[] pair : pairs) {
            if (pair.length != 2 || pair[0] == pair[1] || pair[0] < 0 || pair[1] < 0 || pair[0] >= nSites
                    || pair[1] >= nSites) {
                throw new IllegalArgumentException("an exchange pair needs two distinct sites of 0.." + (nSites - 1)
                        + ", got " + java.util.Arrays.toString(pair));
            }
            unique.add((long) Math.min(pair[0], pair[1]) * nSites + Math.max(pair[0], pair[1]));
        }
        int count = unique.size();
        pairLo = new int[count];
        pairHi = new int[count];
        int[] degree = new int[nSites];
        int b = 0;
        for (long key : unique) {
            pairLo[b] = (int) (key / nSites);
            pairHi[b] = (int) (key % nSites);
            degree[pairLo[b]]++;
            degree[pairHi[b]]++;
            b++;
        }
        partners = new int[nSites][];
        pairIds = new int[nSites][];
        for (int i = 0; i < nSites; i++) {
            partners[i] = new int[degree[i]];
            pairIds[i] = new int[degree[i]];
            degree[i] = 0;
        }
        for (b = 0; b < count; b++) {
            for (int[] end : new int[][] {{pairLo[b], pairHi[b]}, {pairHi[b], pairLo[b]}}) {
                partners[end[0]][degree[end[0]]] = end[1];
                pairIds[end[0]][degree[end[0]]++] = b;
            }
        }
        long length = (long) count * nHidden;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(count + " exchange pairs x M = " + nHidden + " is too large to tabulate");
        }
        pairExpRe = new double[(int) length];
        pairExpIm = new double[(int) length];
        pairExpMinusRe = new double[(int) length];
        pairExpMinusIm = new double[(int) length];
        pairTanhRe = new double[(int) length];
        pairTanhIm = new double[(int) length];
        pairOnePlusTanhRe = new double[(int) length];
        pairOnePlusTanhIm = new double[(int) length];
        pairOneMinusTanhRe = new double[(int) length];
        pairOneMinusTanhIm = new double[(int) length];
        pairFloor2 = new double[count];
        rebuildPairTables();
    }

    /** The index of the tabulated pair {i, j}, or −1. */
    int pairIndex(int i, int j) {
        if (partners == null) {
            return -1;
        }
        int[] p = partners[i];
        for (int k = 0; k < p.length; k++) {
            if (p[k] == j) {
                return pairIds[i][k];
            }
        }
        return -1;
    }

    /** The lower site of tabulated pair b. */
    int pairLow(int b) {
        return pairLo[b];
    }

    /**
     * e^{±2(W_lo − W_hi)} of every tabulated pair as products e^{±2W_lo} e^{∓2W_hi} of the weight
     * tables (no transcendental; a few ulp), or from the difference itself where a weight is so
     * large (|Re W| > {@value #PRODUCT_LIMIT}) that a factor could overflow or underflow; then
     * 1 ± tanh 2D and tanh 2D, D = W_lo − W_hi, from them ({@link RbmKernels#onePlusMinusTanh}).
     */
    private void rebuildPairTables() {
        if (pairLo == null) {
            return;
        }
        int m = nHidden;
        for (int b = 0; b < pairLo.length; b++) {
            for (int j = 0; j < m; j++) {
                int lo = pairLo[b] * m + j;
                int hi = pairHi[b] * m + j;
                int k = b * m + j;
                if (Math.abs(wRe[lo]) < PRODUCT_LIMIT && Math.abs(wRe[hi]) < PRODUCT_LIMIT) {
                    pairExpRe[k] = exp2wRe[lo] * expMinus2wRe[hi] - exp2wIm[lo] * expMinus2wIm[hi];
                    pairExpIm[k] = exp2wRe[lo] * expMinus2wIm[hi] + exp2wIm[lo] * expMinus2wRe[hi];
                    pairExpMinusRe[k] = expMinus2wRe[lo] * exp2wRe[hi] - expMinus2wIm[lo] * exp2wIm[hi];
                    pairExpMinusIm[k] = expMinus2wRe[lo] * exp2wIm[hi] + expMinus2wIm[lo] * exp2wRe[hi];
                } else {
                    pairExpMinusRe[k] = wRe[lo] - wRe[hi];
                    pairExpMinusIm[k] = wIm[lo] - wIm[hi];
                    RbmKernels.expOfTwiceW(pairExpMinusRe, pairExpMinusIm, k, k + 1, pairExpRe, pairExpIm, pairExpMinusRe,
                            pairExpMinusIm);
                }
            }
        }
        RbmKernels.onePlusMinusTanh(pairExpRe, pairExpIm, pairExpMinusRe, pairExpMinusIm, pairExpRe.length,
                pairTanhRe, pairTanhIm, pairOnePlusTanhRe, pairOnePlusTanhIm, pairOneMinusTanhRe, pairOneMinusTanhIm);
        for (int b = 0; b < pairLo.length; b++) {
            pairFloor2[b] = RbmKernels.sufficientFloor2(pairExpRe, pairExpIm, pairExpMinusRe, pairExpMinusIm, b * m, m);
        }
        pairFloats = realProducts ? null
                : RbmFloatTables.of(pairFloats, pairExpRe, pairExpIm, pairExpMinusRe, pairExpMinusIm, pairLo.length, m);
    }

    /** |Re W| below which e^{±2W} (at most e^{300}) and products of two of them stay in range. */
    private static final double PRODUCT_LIMIT = 150.0;

    private void rebuildVisibleFactors() {
        for (int i = 0; i < nSites; i++) {
            double modulus = Math.exp(-2.0 * aRe[i]);
            double phase = -2.0 * aIm[i];
            visibleUpRe[i] = modulus * Math.cos(phase);
            visibleUpIm[i] = modulus * Math.sin(phase);
            visibleDownRe[i] = Math.cos(phase) / modulus;
            visibleDownIm[i] = -Math.sin(phase) / modulus;
        }
    }

    /** Real RBM with hidden-unit density α: M = α·N (α ≥ 1). */
    public static Rbm real(int nSites, int alpha) {
        return new Rbm(nSites, hiddenFromDensity(nSites, alpha), false);
    }

    /** Complex (holomorphic) RBM with hidden-unit density α: M = α·N (α ≥ 1). */
    public static Rbm complex(int nSites, int alpha) {
        return new Rbm(nSites, hiddenFromDensity(nSites, alpha), true);
    }

    /** Real RBM with M hidden units given directly (M ≥ 1). */
    public static Rbm realWithHiddenUnits(int nSites, int nHidden) {
        return new Rbm(nSites, nHidden, false);
    }

    /** Complex (holomorphic) RBM with M hidden units given directly (M ≥ 1). */
    public static Rbm complexWithHiddenUnits(int nSites, int nHidden) {
        return new Rbm(nSites, nHidden, true);
    }

    private static int hiddenFromDensity(int nSites, int alpha) {
        SpinConfiguration.requireSites(nSites);
        if (alpha < 1) {
            throw new IllegalArgumentException("hidden-unit density alpha = " + alpha
                    + "; alpha must be a positive integer (M = alpha * N)");
        }
        long m = (long) alpha * nSites;
        if (m > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("M = alpha * N = " + m + " hidden units is too large");
        }
        return (int) m;
    }

    /** Number of hidden units M. */
    public int nHidden() {
        return nHidden;
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

    @Override
    public void getParameters(double[] dst) {
        ParameterPacking.requireLength(dst, parameterArrayLength());
        for (int i = 0; i < nSites; i++) {
            ParameterPacking.put(dst, 0, i, aRe[i], aIm[i], complex);
        }
        for (int j = 0; j < nHidden; j++) {
            ParameterPacking.put(dst, 0, nSites + j, bRe[j], bIm[j], complex);
        }
        int weights = nSites + nHidden;
        for (int j = 0; j < nHidden; j++) {
            for (int i = 0; i < nSites; i++) {
                int w = i * nHidden + j;
                ParameterPacking.put(dst, 0, weights + j * nSites + i, wRe[w], wIm[w], complex);
            }
        }
    }

    @Override
    public void setParameters(double[] src) {
        ParameterPacking.requireValidParameters(src, parameterArrayLength());
        for (int i = 0; i < nSites; i++) {
            aRe[i] = ParameterPacking.re(src, 0, i, complex);
            aIm[i] = ParameterPacking.im(src, 0, i, complex);
        }
        for (int j = 0; j < nHidden; j++) {
            bRe[j] = ParameterPacking.re(src, 0, nSites + j, complex);
            bIm[j] = ParameterPacking.im(src, 0, nSites + j, complex);
        }
        int weights = nSites + nHidden;
        for (int j = 0; j < nHidden; j++) {
            for (int i = 0; i < nSites; i++) {
                int w = i * nHidden + j;
                wRe[w] = ParameterPacking.re(src, 0, weights + j * nSites + i, complex);
                wIm[w] = ParameterPacking.im(src, 0, weights + j * nSites + i, complex);
            }
        }
        rebuildWeightTables();
        rebuildPairTables();
        rebuildVisibleFactors();
    }

    /** From scratch through a temporary cache (allocates O(N + M); not for hot loops). */
    @Override
    public void logPsi(int[] sigma, double[] out) {
        RbmCache cache = newCache();
        cache.reset(sigma);
        cache.logPsi(out);
    }

    /** A per-chain cache running the Vector API kernels ({@link RbmVectorKernels}). */
    @Override
    public RbmCache newCache() {
        return new RbmCache(this, true);
    }

    /**
     * A per-chain cache running only the scalar reference kernels ({@link RbmKernels}): the same
     * results to rounding, for checking the vector path and for benchmarks.
     */
    public RbmCache newReferenceCache() {
        return new RbmCache(this, false);
    }

    /** The added hidden units j ≥ M' keep their b_j and W_j· (layout a, b, W with W_ji at N + M + jN + i). */
    @Override
    public boolean embedSmaller(double[] smaller, double[] params) {
        return ParameterPacking.embedUnits(smaller, params, nSites, nSites, nHidden, complex ? 2 : 1);
    }

    /** Always present: the RBM row is (σ, tanh θ, tanh θ ⊗ σ) ({@link RbmKernels#logDerivatives}). */
    @Override
    public java.util.Optional<OuterProductJacobian> outerProductJacobian() {
        return java.util.Optional.of(new OuterProductJacobian(nSites, nHidden));
    }

    @Override
    public String description() {
        return "RBM(" + (complex ? "complex" : "real") + ", N=" + nSites + ", M=" + nHidden
                + ", P=" + nParameters + ")";
    }
}
