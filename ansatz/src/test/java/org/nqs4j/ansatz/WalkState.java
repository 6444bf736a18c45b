package org.nqs4j.ansatz;

import java.util.SplittableRandom;

/**
 * A chain's per-unit state (θ, tanh θ, c, upper) for n sites and M hidden units, with random
 * weights of the given scale and all the tables {@link RbmKernels#applyFlips} reads: built from
 * scratch exactly, as {@link RbmCache#reset} does, so that walks can be checked against it.
 */
final class WalkState {
    final int n;
    final int m;
    final double[] wRe;
    final double[] wIm;
    final double[] t2Re;
    final double[] t2Im;
    final double[] plusRe;
    final double[] plusIm;
    final double[] minusRe;
    final double[] minusIm;
    final int[] sigma;
    final double[] thetaRe;
    final double[] thetaIm;
    final double[] tanhRe;
    final double[] tanhIm;
    final double[] compRe;
    final double[] compIm;
    final double[] upper;

    WalkState(SplittableRandom rnd, int n, int m, double scale, boolean complex) {
        this.n = n;
        this.m = m;
        wRe = Reference.randomParameters(rnd, n * m, scale);
        wIm = complex ? Reference.randomParameters(rnd, n * m, scale) : new double[n * m];
        t2Re = new double[n * m];
        t2Im = new double[n * m];
        plusRe = new double[n * m];
        plusIm = new double[n * m];
        minusRe = new double[n * m];
        minusIm = new double[n * m];
        RbmKernels.weightTables(wRe, wIm, n * m, new double[n * m], new double[n * m], new double[n * m],
                new double[n * m], t2Re, t2Im, plusRe, plusIm, minusRe, minusIm);
        sigma = Reference.randomConfiguration(rnd, n);
        thetaRe = new double[m];
        thetaIm = new double[m];
        tanhRe = new double[m];
        tanhIm = new double[m];
        compRe = new double[m];
        compIm = new double[m];
        upper = new double[m];
        RbmKernels.theta(new double[m], new double[m], wRe, wIm, sigma, n, m, thetaRe, thetaIm);
        exact(thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm, upper);
    }

    private WalkState(WalkState o) {
        n = o.n;
        m = o.m;
        wRe = o.wRe;
        wIm = o.wIm;
        t2Re = o.t2Re;
        t2Im = o.t2Im;
        plusRe = o.plusRe;
        plusIm = o.plusIm;
        minusRe = o.minusRe;
        minusIm = o.minusIm;
        sigma = o.sigma.clone();
        thetaRe = o.thetaRe.clone();
        thetaIm = o.thetaIm.clone();
        tanhRe = o.tanhRe.clone();
        tanhIm = o.tanhIm.clone();
        compRe = o.compRe.clone();
        compIm = o.compIm.clone();
        upper = o.upper.clone();
    }

    WalkState copy() {
        return new WalkState(this);
    }

    /** tanh θ, c and upper from θ exactly. */
    void exact(double[] tr, double[] ti, double[] outTanhRe, double[] outTanhIm, double[] cr, double[] ci,
               double[] up) {
        RbmKernels.tanh(tr, ti, m, outTanhRe, outTanhIm);
        RbmKernels.signedComplement(tr, ti, outTanhRe, outTanhIm, 0, m, cr, ci, up);
    }

    /**
     * Applies the move with the scalar or the vector kernel and flips the spins; returns the vector kernel's
     * verdict that every |c|² ≤ 4 afterwards (true for the scalar one).
     */
    boolean move(int[] sites, int count, boolean vector) {
        boolean bounded = true;
        if (vector) {
            bounded = RbmVectorKernels.applyMove(wRe, wIm, t2Re, t2Im, plusRe, plusIm, minusRe, minusIm, m, sigma, sites,
                    0, count, -1, 0.0, thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm, upper);
        } else {
            RbmKernels.applyFlips(wRe, wIm, t2Re, t2Im, plusRe, plusIm, minusRe, minusIm, m, sigma, sites, 0, count,
                    thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm, upper);
        }
        for (int f = 0; f < count; f++) {
            sigma[sites[f]] = -sigma[sites[f]];
        }
        return bounded;
    }
}
