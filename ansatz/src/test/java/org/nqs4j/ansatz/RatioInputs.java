package org.nqs4j.ansatz;

/**
 * The inputs of the ratio kernels, built the way {@link Rbm} and {@link RbmCache} build them:
 * tables e^{±2W} from weights stored by site, and tanh θ with its signed complement from θ.
 */
final class RatioInputs {
    final int m;
    final double[] posRe;
    final double[] posIm;
    final double[] negRe;
    final double[] negIm;
    final double[] tanhRe;
    final double[] tanhIm;
    final double[] compRe;
    final double[] compIm;
    final double[] upper;

    RatioInputs(double[] wRe, double[] wIm, double[] thetaRe, double[] thetaIm) {
        m = thetaRe.length;
        int n = wRe.length;
        posRe = new double[n];
        posIm = new double[n];
        negRe = new double[n];
        negIm = new double[n];
        RbmKernels.expOfTwiceW(wRe, wIm, n, posRe, posIm, negRe, negIm);
        tanhRe = new double[m];
        tanhIm = new double[m];
        compRe = new double[m];
        compIm = new double[m];
        upper = new double[m];
        RbmKernels.tanh(thetaRe, thetaIm, m, tanhRe, tanhIm);
        RbmKernels.signedComplement(thetaRe, thetaIm, tanhRe, tanhIm, 0, m, compRe, compIm, upper);
    }

    /** Scalar one-flip log ratio at site {@code base / m} with spin {@code sign}. */
    boolean oneFlip(int base, double sign, double[] out) {
        return RbmKernels.hiddenLogRatioOneFlip(posRe, posIm, negRe, negIm, base, sign, compRe, compIm, upper, m,
                out);
    }

    /** Scalar two-flip log ratio. */
    boolean twoFlips(int base1, double sign1, int base2, double sign2, double[] out) {
        return RbmKernels.hiddenLogRatioTwoFlips(posRe, posIm, negRe, negIm, base1, sign1, base2, sign2, compRe,
                compIm, upper, m, out);
    }

    /** Vector one-flip log ratio. */
    boolean vectorOneFlip(int base, double sign, double[] lanes, double[] out) {
        return RbmVectorKernels.hiddenLogRatioOneFlip(posRe, posIm, negRe, negIm, base, sign, compRe, compIm,
                upper, m, lanes, out);
    }

    /** Vector two-flip log ratio. */
    boolean vectorTwoFlips(int base1, double sign1, int base2, double sign2, double[] lanes, double[] out) {
        return RbmVectorKernels.hiddenLogRatioTwoFlips(posRe, posIm, negRe, negIm, base1, sign1, base2, sign2,
                compRe, compIm, upper, m, lanes, out);
    }
}
