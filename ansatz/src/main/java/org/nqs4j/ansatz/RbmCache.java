package org.nqs4j.ansatz;

/**
 * Per-chain state of an {@link Rbm}: σ, θ = b + Wσ and tanh θ (Carleo &amp; Troyer 2017,
 * supplement).
 *
 * <p>Ratios of one and two flips are the transcendental-free products
 * Πⱼ cosh(θⱼ − xⱼ)/cosh θⱼ = Πⱼ [e^{−sⱼxⱼ} + cⱼ sinh xⱼ] over the tables e^{±2W}, with
 * sⱼ = sign Re θⱼ and the signed complement cⱼ = sⱼ − tanh θⱼ kept per chain, which stays accurate
 * when hidden units saturate ({@link RbmKernels#hiddenLogRatioOneFlip}); an exchange of a pair
 * the RBM tabulated ({@link Rbm#tabulateExchanges}) is a one-flip product over its own tables.
 * {@link #ratio} returns the product itself (no log, no exp) times the tabulated visible factors
 * e^{−2aᵢσᵢ}, {@link #logRatio} its logarithm. Three or more flips, or a product the kernels
 * refuse, use the log-cosh path. An accepted move updates θ, c and tanh θ in O(M·flips) without
 * transcendentals ({@link RbmKernels#applyFlips}), a tabulated exchange in one step over the pair's
 * tables ({@link RbmKernels#applyMove}); {@link #reset} recomputes them exactly.
 *
 * <p>Two kernel sets from the factories of {@link Rbm}: the Vector API kernels
 * ({@link Rbm#newCache}) and the scalar reference kernels ({@link Rbm#newReferenceCache}); they
 * agree to rounding. No method allocates.
 */
public final class RbmCache implements WalkerCache {
    private final Rbm rbm;
    private final boolean vectorised;
    private final int[] sigma;
    final double[] thetaRe;
    final double[] thetaIm;
    final double[] tanhRe;
    final double[] tanhIm;
    /** c = s − tanh θ with s = sign Re θ, to full relative precision ({@link RbmKernels#signedComplement}). */
    private final double[] compRe;
    private final double[] compIm;
    /** (1 + s)/2: 1 where Re θ ≥ 0, else 0. */
    private final double[] upper;
    /** Every |cⱼ| ≤ 2, so the vector products may use the sufficient trust test ({@link RbmKernels#sufficientFloor2}). */
    private boolean boundedComplements;
    private final double[] scratchRe;
    private final double[] scratchIm;
    private final double[] scratch2Re;
    private final double[] scratch2Im;
    private final double[] pair = new double[2];
    private final double[] moveRatio = new double[2];
    private final double[] lanes = new double[4 * RbmVectorKernels.LANES];
    /** Written on every ratio; padded to 16 doubles so no other chain's data shares its line. */
    private final double[] product = new double[RbmKernels.PRODUCT_LENGTH + 12];
    /** The second product of {@link #ratios}, padded as {@link #product}. */
    private final double[] product2 = new double[RbmKernels.PRODUCT_LENGTH + 12];
    /** Whether this chain keeps the float copies of tanh θ for {@link #ratioModulus2} (the RBM has float tables). */
    private boolean estimating;
    /** tanh θ and |tanh θ|₁ + 1 in float, padded to whole float vectors with (0, 0, 1) ({@link RbmFloatKernels#copyTanh}). */
    private final float[] tanhFloatRe;
    private final float[] tanhFloatIm;
    private final float[] tanhFloatNorm;
    /** β of {@link RbmFloatKernels#relativeBound}: the estimate's bound is β·estimate. */
    private final double estimateBound;
    /** Estimates outside [2⁻⁹⁰⁰, 2⁹⁰⁰] take the exact path: the relative bound assumes normal doubles. */
    private static final double MIN_ESTIMATE = 0x1p-900;
    private static final double MAX_ESTIMATE = 0x1p900;

    RbmCache(Rbm rbm, boolean vectorised) {
        this.rbm = rbm;
        this.vectorised = vectorised;
        int m = rbm.nHidden;
        sigma = new int[rbm.nSites];
        thetaRe = new double[m];
        thetaIm = new double[m];
        tanhRe = new double[m];
        tanhIm = new double[m];
        compRe = new double[m];
        compIm = new double[m];
        upper = new double[m];
        scratchRe = new double[m];
        scratchIm = new double[m];
        scratch2Re = new double[m];
        scratch2Im = new double[m];
        int stride = RbmFloatKernels.stride(m);
        tanhFloatRe = new float[stride];
        tanhFloatIm = new float[stride];
        tanhFloatNorm = new float[stride];
        java.util.Arrays.fill(tanhFloatNorm, 1f);
        estimateBound = RbmFloatKernels.relativeBound(m);
    }

    @Override
    public void reset(int[] newSigma) {
        SpinConfiguration.requireValid(newSigma, rbm.nSites);
        System.arraycopy(newSigma, 0, sigma, 0, sigma.length);
        RbmKernels.theta(rbm.bRe, rbm.bIm, rbm.wRe, rbm.wIm, sigma, rbm.nSites, rbm.nHidden,
                thetaRe, thetaIm);
        updateTanh();
        estimating = vectorised && rbm.siteFloats != null && rbm.siteFloats.anyUsable(); // the parameters may have changed
        copyTanhToFloat();
    }

    private void copyTanhToFloat() {
        if (estimating) {
            RbmFloatKernels.copyTanh(tanhRe, tanhIm, rbm.nHidden, tanhFloatRe, tanhFloatIm, tanhFloatNorm);
        }
    }

    @Override
    public int[] configuration() {
        return sigma;
    }

    @Override
    public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
        if (hiddenProduct(sites, offset, count) && RbmKernels.logOfProduct(product, out)) {
            double hiddenRe = out[0];
            double hiddenIm = out[1];
            RbmKernels.flippedVisibleTerm(rbm.aRe, rbm.aIm, sigma, sites, offset, count, out);
            out[0] += hiddenRe;
            out[1] += hiddenIm;
            return;
        }
        generalLogRatio(sites, offset, count, out);
    }

    @Override
    public void ratio(int[] sites, int[] values, int offset, int count, double[] out) {
        if (vectorised && rbm.realProducts && realRatio(sites, offset, count, out)) {
            return;
        }
        if (!(hiddenProduct(sites, offset, count) && productRatio(product, sites, offset, count, out, 0))) {
            generalRatio(sites, offset, count, out, 0);
        }
    }

    /**
     * The float estimate of {@link RbmFloatKernels} with bound β·estimate for a flip or a tabulated exchange while
     * every |cⱼ| ≤ 2; every other move, or an estimate the kernel refuses, gets the exact |ratio|².
     */
    @Override
    public void ratioModulus2(int[] sites, int[] values, int offset, int count, double[] out) {
        double estimate = estimating && boundedComplements ? estimate(sites, offset, count) : Double.NaN;
        if (estimate >= MIN_ESTIMATE && estimate <= MAX_ESTIMATE) { // false for NaN
            out[0] = estimate;
            out[1] = estimate * estimateBound;
            return;
        }
        WalkerCache.super.ratioModulus2(sites, values, offset, count, out);
    }

    /** The estimate of |ratio|² of one flip or one tabulated exchange (hidden product times |e^{−2aᵢσᵢ}|²), else NaN. */
    private double estimate(int[] sites, int offset, int count) {
        RbmFloatTables tables;
        int row;
        double sign;
        if (count == 1) {
            tables = rbm.siteFloats;
            row = sites[offset];
            sign = sigma[row];
        } else if (count == 2 && rbm.pairFloats != null && sigma[sites[offset]] != sigma[sites[offset + 1]]) {
            tables = rbm.pairFloats;
            row = rbm.pairIndex(sites[offset], sites[offset + 1]);
            if (row < 0) {
                return Double.NaN;
            }
            sign = sigma[rbm.pairLow(row)];
        } else {
            return Double.NaN;
        }
        if (!tables.usable(row)) {
            return Double.NaN;
        }
        double estimate = RbmFloatKernels.modulus2OneFlip(tables, row * tables.stride, (float) sign, tanhFloatRe,
                tanhFloatIm, tanhFloatNorm);
        for (int f = offset; f < offset + count; f++) {
            int i = sites[f];
            double vr = sigma[i] > 0 ? rbm.visibleUpRe[i] : rbm.visibleDownRe[i];
            double vi = sigma[i] > 0 ? rbm.visibleUpIm[i] : rbm.visibleDownIm[i];
            estimate *= vr * vr + vi * vi;
        }
        return estimate;
    }

    /**
     * The ratio from a hidden-unit product: its value times the tabulated visible factors e^{−2aᵢσᵢ}, into
     * (out[at], out[at + 1]); false when the product was refused or the ratio is zero or not finite.
     */
    private boolean productRatio(double[] hidden, int[] sites, int offset, int count, double[] out, int at) {
        if (!RbmKernels.valueOfProduct(hidden, out, at)) {
            return false;
        }
        double re = out[at];
        double im = out[at + 1];
        for (int f = offset; f < offset + count; f++) {
            int i = sites[f];
            double vr = sigma[i] > 0 ? rbm.visibleUpRe[i] : rbm.visibleDownRe[i];
            double vi = sigma[i] > 0 ? rbm.visibleUpIm[i] : rbm.visibleDownIm[i];
            double nr = re * vr - im * vi;
            im = re * vi + im * vr;
            re = nr;
        }
        if (Double.isFinite(re) && Double.isFinite(im) && (re != 0.0 || im != 0.0)) {
            out[at] = re;
            out[at + 1] = im;
            return true;
        }
        return false;
    }

    /** The ratio by the log-cosh path, exponentiated, into (out[at], out[at + 1]). */
    private void generalRatio(int[] sites, int offset, int count, double[] out, int at) {
        generalLogRatio(sites, offset, count, moveRatio);
        double modulus = Math.exp(moveRatio[0]);
        double phase = moveRatio[1];
        out[at] = modulus * Math.cos(phase);
        out[at + 1] = modulus * Math.sin(phase);
    }

    /**
     * Two moves at a time where both are one-flip products under the sufficient trust test (a flip, or
     * an exchange of a tabulated pair, with a floor &gt; 0 and every |cⱼ| ≤ 2):
     * {@link RbmVectorKernels#productsOneFlip} runs their products side by side, the same bits as
     * {@link #ratio}; every other move goes through {@link #ratio}.
     */
    @Override
    public void ratios(int[] sites, int[] values, int[] offsets, int[] counts, int count, double[] out) {
        if (!vectorised || rbm.realProducts || !boundedComplements) {
            WalkerCache.super.ratios(sites, values, offsets, counts, count, out);
            return;
        }
        int m = rbm.nHidden;
        int waiting = -1; // a move whose product waits for a partner
        int row1 = -1;
        for (int k = 0; k < count; k++) {
            int row = oneFlipRow(sites, offsets[k], counts[k]);
            if (row < 0) {
                ratio(sites, values, offsets[k], counts[k], moveRatio);
                out[2 * k] = moveRatio[0];
                out[2 * k + 1] = moveRatio[1];
                continue;
            }
            if (waiting < 0) {
                waiting = k;
                row1 = row;
                continue;
            }
            boolean pair1 = counts[waiting] == 2;
            boolean pair2 = counts[k] == 2;
            RbmVectorKernels.productsOneFlip(
                    pair1 ? rbm.pairExpRe : rbm.exp2wRe, pair1 ? rbm.pairExpIm : rbm.exp2wIm,
                    pair1 ? rbm.pairExpMinusRe : rbm.expMinus2wRe, pair1 ? rbm.pairExpMinusIm : rbm.expMinus2wIm,
                    row1 * m, rowSign(row1, pair1), pair1 ? rbm.pairFloor2[row1] : rbm.siteFloor2[row1],
                    pair2 ? rbm.pairExpRe : rbm.exp2wRe, pair2 ? rbm.pairExpIm : rbm.exp2wIm,
                    pair2 ? rbm.pairExpMinusRe : rbm.expMinus2wRe, pair2 ? rbm.pairExpMinusIm : rbm.expMinus2wIm,
                    row * m, rowSign(row, pair2), pair2 ? rbm.pairFloor2[row] : rbm.siteFloor2[row],
                    compRe, compIm, upper, m, lanes, product, product2);
            finishRatio(product, sites, offsets[waiting], counts[waiting], out, 2 * waiting);
            finishRatio(product2, sites, offsets[k], counts[k], out, 2 * k);
            waiting = -1;
        }
        if (waiting >= 0) {
            ratio(sites, values, offsets[waiting], counts[waiting], moveRatio);
            out[2 * waiting] = moveRatio[0];
            out[2 * waiting + 1] = moveRatio[1];
        }
    }

    /**
     * The table row of a move whose ratio is one vector one-flip product under the sufficient trust test:
     * the site of a flip, the pair of a tabulated exchange; −1 for any other move or where the row's floor
     * is 0 (the exact test).
     */
    private int oneFlipRow(int[] sites, int offset, int count) {
        if (count == 1) {
            int i = sites[offset];
            return rbm.siteFloor2[i] > 0.0 ? i : -1;
        }
        if (count != 2 || sigma[sites[offset]] == sigma[sites[offset + 1]]) {
            return -1;
        }
        int pair = rbm.pairIndex(sites[offset], sites[offset + 1]);
        return pair >= 0 && rbm.pairFloor2[pair] > 0.0 ? pair : -1;
    }

    /** The flip's sign of a row: σᵢ of a site, σ_lo of a tabulated pair. */
    private double rowSign(int row, boolean pair) {
        return sigma[pair ? rbm.pairLow(row) : row];
    }

    /** As {@link #ratio} after its product: the value with the visible factors, or the log-cosh path. */
    private void finishRatio(double[] hidden, int[] sites, int offset, int count, double[] out, int at) {
        if (!productRatio(hidden, sites, offset, count, out, at)) {
            generalRatio(sites, offset, count, out, at);
        }
    }

    /**
     * The ratio of one flip or of a tabulated exchange by the real kernels ({@link RbmRealKernels}: on
     * 4-lane hosts the same bits as the complex product times the visible factor, on wider ones its
     * products in 4-lane order); false for other moves.
     */
    private boolean realRatio(int[] sites, int offset, int count, double[] out) {
        if (count < 1 || count > 2) {
            return false;
        }
        int m = rbm.nHidden;
        int i = sites[offset];
        double hidden;
        if (count == 1) {
            hidden = RbmRealKernels.productOneFlip(rbm.exp2wRe, rbm.expMinus2wRe, i * m, sigma[i], compRe, upper, m,
                    lanes);
        } else {
            int pair = count == 2 && sigma[i] != sigma[sites[offset + 1]] ? rbm.pairIndex(i, sites[offset + 1]) : -1;
            if (pair < 0) {
                return false;
            }
            hidden = RbmRealKernels.productOneFlip(rbm.pairExpRe, rbm.pairExpMinusRe, pair * m,
                    sigma[rbm.pairLow(pair)], compRe, upper, m, lanes);
        }
        double ratio = hidden;
        for (int f = offset; f < offset + count; f++) {
            int k = sites[f];
            ratio *= sigma[k] > 0 ? rbm.visibleUpRe[k] : rbm.visibleDownRe[k];
        }
        if (!Double.isFinite(ratio) || ratio == 0.0) {
            return false; // an extreme visible bias: the complex path decides, as before
        }
        out[0] = ratio;
        out[1] = 0.0;
        return true;
    }

    /**
     * The hidden-unit ratio Πⱼ cosh(θⱼ + Δθⱼ)/cosh θⱼ of one or two flips as a running product
     * in {@link #product}; false when the move has another size or the kernels refuse.
     */
    private boolean hiddenProduct(int[] sites, int offset, int count) {
        int m = rbm.nHidden;
        if (count == 0) {
            RbmKernels.startProduct(product);
            return true;
        }
        if (count == 1) {
            int i = sites[offset];
            if (vectorised) {
                RbmVectorKernels.productOneFlip(rbm.exp2wRe, rbm.exp2wIm, rbm.expMinus2wRe, rbm.expMinus2wIm, i * m,
                        sigma[i], compRe, compIm, upper, m, boundedComplements ? rbm.siteFloor2[i] : 0.0, lanes,
                        product);
            } else {
                RbmKernels.multiplyOneFlip(rbm.exp2wRe, rbm.exp2wIm, rbm.expMinus2wRe, rbm.expMinus2wIm,
                        i * m, sigma[i], compRe, compIm, upper, 0, m, m, RbmKernels.startProduct(product));
            }
            return product[3] != 0.0;
        }
        if (count == 2) {
            int i1 = sites[offset];
            int i2 = sites[offset + 1];
            int pair = sigma[i1] != sigma[i2] ? rbm.pairIndex(i1, i2) : -1;
            if (pair >= 0) {
                // an exchange of a tabulated pair: one flip by x = 2σ_lo(W_lo − W_hi)
                double sign = sigma[rbm.pairLow(pair)];
                if (vectorised) {
                    RbmVectorKernels.productOneFlip(rbm.pairExpRe, rbm.pairExpIm, rbm.pairExpMinusRe,
                            rbm.pairExpMinusIm, pair * m, sign, compRe, compIm, upper, m,
                            boundedComplements ? rbm.pairFloor2[pair] : 0.0, lanes, product);
                } else {
                    RbmKernels.multiplyOneFlip(rbm.pairExpRe, rbm.pairExpIm, rbm.pairExpMinusRe,
                            rbm.pairExpMinusIm, pair * m, sign, compRe, compIm, upper, 0, m, m,
                            RbmKernels.startProduct(product));
                }
                return product[3] != 0.0;
            }
            if (vectorised) {
                RbmVectorKernels.productTwoFlips(rbm.exp2wRe, rbm.exp2wIm, rbm.expMinus2wRe,
                        rbm.expMinus2wIm, i1 * m, sigma[i1], i2 * m, sigma[i2], compRe, compIm, upper, m,
                        lanes, product);
            } else {
                RbmKernels.multiplyTwoFlips(rbm.exp2wRe, rbm.exp2wIm, rbm.expMinus2wRe,
                        rbm.expMinus2wIm, i1 * m, sigma[i1], i2 * m, sigma[i2], compRe, compIm, upper, 0, m,
                        m, RbmKernels.startProduct(product));
            }
            return product[3] != 0.0;
        }
        return false;
    }

    /** The log-cosh path: any number of flips, 2M log-cosh evaluations. */
    private void generalLogRatio(int[] sites, int offset, int count, double[] out) {
        RbmKernels.hiddenLogRatioGeneral(rbm.wRe, rbm.wIm, rbm.nHidden, sigma, sites, offset,
                count, thetaRe, thetaIm, scratchRe, scratchIm, scratch2Re, scratch2Im, out);
        double hiddenRe = out[0];
        double hiddenIm = out[1];
        RbmKernels.flippedVisibleTerm(rbm.aRe, rbm.aIm, sigma, sites, offset, count, out);
        out[0] += hiddenRe;
        out[1] += hiddenIm;
    }

    /**
     * An accepted move: a flip list, or an exchange of a tabulated pair in one step over the pair's
     * tables ({@link RbmKernels#applyMove}: one division per unit instead of two).
     */
    @Override
    public void applyMove(int[] sites, int[] values, int offset, int count) {
        int pair = count == 2 && sigma[sites[offset]] != sigma[sites[offset + 1]]
                ? rbm.pairIndex(sites[offset], sites[offset + 1]) : -1;
        if (vectorised && rbm.realProducts) {
            RbmRealKernels.applyMove(rbm, sigma, sites, offset, count, pair, thetaRe, thetaIm, tanhRe, tanhIm, compRe,
                    compIm, upper);
            boundedComplements = true; // real θ: |c| < 1
        } else if (pair >= 0) {
            applyExchange(sites, offset, count, pair);
        } else if (vectorised) {
            boundedComplements = RbmVectorKernels.applyMove(rbm.wRe, rbm.wIm, rbm.tanh2wRe, rbm.tanh2wIm,
                    rbm.onePlusTanh2wRe, rbm.onePlusTanh2wIm, rbm.oneMinusTanh2wRe, rbm.oneMinusTanh2wIm, rbm.nHidden,
                    sigma, sites, offset, count, -1, 0.0, thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm, upper);
        } else {
            RbmKernels.applyFlips(rbm.wRe, rbm.wIm, rbm.tanh2wRe, rbm.tanh2wIm, rbm.onePlusTanh2wRe,
                    rbm.onePlusTanh2wIm, rbm.oneMinusTanh2wRe, rbm.oneMinusTanh2wIm, rbm.nHidden, sigma, sites, offset,
                    count, thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm, upper);
        }
        for (int f = offset; f < offset + count; f++) {
            sigma[sites[f]] = -sigma[sites[f]];
        }
        copyTanhToFloat();
    }

    private void applyExchange(int[] sites, int offset, int count, int pair) {
        int m = rbm.nHidden;
        double sign = sigma[rbm.pairLow(pair)];
        if (vectorised) {
            boundedComplements = RbmVectorKernels.applyStep(rbm.wRe, rbm.wIm, rbm.pairTanhRe, rbm.pairTanhIm,
                    rbm.pairOnePlusTanhRe, rbm.pairOnePlusTanhIm, rbm.pairOneMinusTanhRe, rbm.pairOneMinusTanhIm, m,
                    sigma, sites, offset, 2, pair * m, sign, thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm, upper);
        } else {
            RbmKernels.applyMove(rbm.wRe, rbm.wIm, rbm.pairTanhRe, rbm.pairTanhIm, rbm.pairOnePlusTanhRe,
                    rbm.pairOnePlusTanhIm, rbm.pairOneMinusTanhRe, rbm.pairOneMinusTanhIm, m, sigma, sites, offset,
                    count, pair * m, sign, thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm, upper, 0, m);
        }
    }

    /** tanh θ and its signed complement from θ, exactly (a real RBM has Im θ = 0 and keeps Im tanh θ = 0). */
    private void updateTanh() {
        RbmKernels.tanh(thetaRe, thetaIm, rbm.nHidden, tanhRe, tanhIm);
        RbmKernels.signedComplement(thetaRe, thetaIm, tanhRe, tanhIm, 0, rbm.nHidden, compRe, compIm, upper);
        // false is always safe (the exact test); the first accepted move sets the flag. Starting every chain with a few
        // exact products keeps both branches of the products in the JIT's profile: a branch first taken after
        // compilation (a state where some |c| > 2) would deoptimise the sampling loop mid-run, and the Vector API code
        // runs boxed until it is compiled again (≈ 0.1 s seen in `nqs bench`)
        boundedComplements = false;
    }

    /** Σᵢ aᵢσᵢ + Σⱼ log cosh θⱼ (M log-cosh evaluations). */
    @Override
    public void logPsi(double[] out) {
        RbmKernels.logCosh(thetaRe, thetaIm, rbm.nHidden, scratchRe, scratchIm);
        RbmKernels.sum(scratchRe, scratchIm, rbm.nHidden, pair);
        RbmKernels.visibleTerm(rbm.aRe, rbm.aIm, sigma, rbm.nSites, out);
        out[0] += pair[0];
        out[1] += pair[1];
    }

    @Override
    public void logDerivatives(double[] out, int offset) {
        RbmKernels.logDerivatives(sigma, tanhRe, tanhIm, rbm.nSites, rbm.nHidden, rbm.complex,
                out, offset);
    }

    @Override
    public void logDerivativeFactors(double[] out, int offset) {
        RbmKernels.logDerivativeFactors(sigma, tanhRe, tanhIm, rbm.nSites, rbm.nHidden, rbm.complex, out, offset);
    }
}
