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
    private final double[] lanes = new double[3 * RbmVectorKernels.LANES];
    /** Written on every ratio; padded to 16 doubles so no other chain's data shares its line. */
    private final double[] product = new double[RbmKernels.PRODUCT_LENGTH + 12];

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
    }

    @Override
    public void reset(int[] newSigma) {
        SpinConfiguration.requireValid(newSigma, rbm.nSites);
        System.arraycopy(newSigma, 0, sigma, 0, sigma.length);
        RbmKernels.theta(rbm.bRe, rbm.bIm, rbm.wRe, rbm.wIm, sigma, rbm.nSites, rbm.nHidden,
                thetaRe, thetaIm);
        updateTanh();
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
        if (hiddenProduct(sites, offset, count) && RbmKernels.valueOfProduct(product, out)) {
            double re = out[0];
            double im = out[1];
            for (int f = offset; f < offset + count; f++) {
                int i = sites[f];
                double vr = sigma[i] > 0 ? rbm.visibleUpRe[i] : rbm.visibleDownRe[i];
                double vi = sigma[i] > 0 ? rbm.visibleUpIm[i] : rbm.visibleDownIm[i];
                double nr = re * vr - im * vi;
                im = re * vi + im * vr;
                re = nr;
            }
            if (Double.isFinite(re) && Double.isFinite(im) && (re != 0.0 || im != 0.0)) {
                out[0] = re;
                out[1] = im;
                return;
            }
        }
        generalLogRatio(sites, offset, count, out);
        double modulus = Math.exp(out[0]);
        double phase = out[1];
        out[0] = modulus * Math.cos(phase);
        out[1] = modulus * Math.sin(phase);
    }

    /**
     * The ratio of one flip or of a tabulated exchange by the real kernels ({@link RbmRealKernels}:
     * the same bits as the complex product times the visible factor); false for other moves.
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
    }

    private void applyExchange(int[] sites, int offset, int count, int pair) {
        int m = rbm.nHidden;
        double sign = sigma[rbm.pairLow(pair)];
        if (vectorised) {
            boundedComplements = RbmVectorKernels.applyMove(rbm.wRe, rbm.wIm, rbm.pairTanhRe, rbm.pairTanhIm,
                    rbm.pairOnePlusTanhRe, rbm.pairOnePlusTanhIm, rbm.pairOneMinusTanhRe, rbm.pairOneMinusTanhIm, m,
                    sigma, sites, offset, count, pair * m, sign, thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm,
                    upper);
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
