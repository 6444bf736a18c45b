package org.nqs4j.ansatz;

/**
 * Per-chain state of an {@link Rbm}: σ, θ = b + Wσ and tanh θ (Carleo &amp; Troyer 2017,
 * supplement). One and two flips use the exact transcendental-free ratio products
 * ({@link RbmVectorKernels}, the Vector API form of {@link RbmKernels}); three or more flips, or a
 * product the kernels refuse, use the log-cosh path. An accepted move updates θ in O(M·flips)
 * and recomputes tanh θ (M evaluations).
 */
public final class RbmCache implements WalkerCache {
    private final Rbm rbm;
    private final int[] sigma;
    final double[] thetaRe;
    final double[] thetaIm;
    final double[] tanhRe;
    final double[] tanhIm;
    private final double[] scratchRe;
    private final double[] scratchIm;
    private final double[] scratch2Re;
    private final double[] scratch2Im;
    private final double[] pair = new double[2];
    private final double[] lanes = new double[3 * RbmVectorKernels.LANES];

    RbmCache(Rbm rbm) {
        this.rbm = rbm;
        int m = rbm.nHidden;
        sigma = new int[rbm.nSites];
        thetaRe = new double[m];
        thetaIm = new double[m];
        tanhRe = new double[m];
        tanhIm = new double[m];
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
        RbmKernels.tanh(thetaRe, thetaIm, rbm.nHidden, tanhRe, tanhIm);
    }

    @Override
    public int[] sigma() {
        return sigma;
    }

    @Override
    public void logRatio(int[] sites, int offset, int count, double[] out) {
        RbmKernels.flippedVisibleTerm(rbm.aRe, rbm.aIm, sigma, sites, offset, count, out);
        if (count == 0) {
            return;
        }
        double visibleRe = out[0];
        double visibleIm = out[1];
        int m = rbm.nHidden;
        boolean done = false;
        if (count == 1) {
            int i = sites[offset];
            done = RbmVectorKernels.hiddenLogRatioOneFlip(rbm.cosh2wRe, rbm.cosh2wIm,
                    rbm.sinh2wRe, rbm.sinh2wIm, i * m, sigma[i], tanhRe, tanhIm, m, lanes, out);
        } else if (count == 2) {
            int i1 = sites[offset];
            int i2 = sites[offset + 1];
            done = RbmVectorKernels.hiddenLogRatioTwoFlips(rbm.cosh2wRe, rbm.cosh2wIm,
                    rbm.sinh2wRe, rbm.sinh2wIm, i1 * m, sigma[i1], i2 * m, sigma[i2],
                    tanhRe, tanhIm, m, lanes, out);
        }
        if (!done) {
            RbmKernels.hiddenLogRatioGeneral(rbm.wRe, rbm.wIm, m, sigma, sites, offset, count,
                    thetaRe, thetaIm, scratchRe, scratchIm, scratch2Re, scratch2Im, out);
        }
        out[0] += visibleRe;
        out[1] += visibleIm;
    }

    @Override
    public void applyFlips(int[] sites, int offset, int count) {
        RbmVectorKernels.flipTheta(rbm.wRe, rbm.wIm, rbm.nHidden, sigma, sites, offset, count,
                thetaRe, thetaIm);
        for (int f = offset; f < offset + count; f++) {
            sigma[sites[f]] = -sigma[sites[f]];
        }
        RbmKernels.tanh(thetaRe, thetaIm, rbm.nHidden, tanhRe, tanhIm);
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
}
