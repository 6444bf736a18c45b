package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Vector API kernels agree with the scalar reference kernels to rounding (1e-12 relative). */
class RbmVectorKernelsTest {
    private static final double RELATIVE = 1e-12;

    /** Two sites' worth of tables and tanh θ for M hidden units. */
    private static final class Tables {
        final int m;
        final double[] cr;
        final double[] ci;
        final double[] sr;
        final double[] si;
        final double[] tr;
        final double[] ti;

        Tables(SplittableRandom rnd, int m, double wScale, double thetaScale) {
            this.m = m;
            double[] wRe = Reference.randomParameters(rnd, 2 * m, wScale);
            double[] wIm = Reference.randomParameters(rnd, 2 * m, wScale);
            cr = new double[2 * m];
            ci = new double[2 * m];
            sr = new double[2 * m];
            si = new double[2 * m];
            RbmKernels.coshSinhOfTwiceW(wRe, wIm, 2 * m, cr, ci, sr, si);
            tr = new double[m];
            ti = new double[m];
            RbmKernels.tanh(Reference.randomParameters(rnd, m, thetaScale),
                    Reference.randomParameters(rnd, m, thetaScale), m, tr, ti);
        }
    }

    private static void assertAgree(double[] scalar, double[] vector, String what) {
        assertEquals(scalar[0], vector[0], RELATIVE * Math.max(1.0, Math.abs(scalar[0])),
                what + " (Re)");
        assertEquals(0.0, Reference.wrap(scalar[1] - vector[1]), RELATIVE * Math.max(1.0,
                Math.abs(scalar[1])), what + " (Im)");
    }

    @Test
    void ratioProductsAgreeWithScalarKernels() {
        SplittableRandom rnd = new SplittableRandom(51);
        double[] lanes = new double[3 * RbmVectorKernels.LANES];
        double[] scalar = new double[2];
        double[] vector = new double[2];
        int accepted = 0;
        for (int m : new int[] {1, 2, 3, 5, 8, 13, 37, 200, 1000}) {
            for (double wScale : new double[] {0.1, 0.6, 1.5}) {
                Tables t = new Tables(rnd, m, wScale, 2.0);
                for (double sign1 : new double[] {1.0, -1.0}) {
                    boolean s = RbmKernels.hiddenLogRatioOneFlip(t.cr, t.ci, t.sr, t.si, m, sign1,
                            t.tr, t.ti, m, scalar);
                    boolean v = RbmVectorKernels.hiddenLogRatioOneFlip(t.cr, t.ci, t.sr, t.si, m,
                            sign1, t.tr, t.ti, m, lanes, vector);
                    assertEquals(s, v, "one flip accepted, M = " + m);
                    if (s) {
                        accepted++;
                        assertAgree(scalar, vector, "one flip, M = " + m);
                    }
                    double sign2 = -sign1 * (rnd.nextBoolean() ? 1 : -1);
                    s = RbmKernels.hiddenLogRatioTwoFlips(t.cr, t.ci, t.sr, t.si, 0, sign1, m,
                            sign2, t.tr, t.ti, m, scalar);
                    v = RbmVectorKernels.hiddenLogRatioTwoFlips(t.cr, t.ci, t.sr, t.si, 0, sign1,
                            m, sign2, t.tr, t.ti, m, lanes, vector);
                    assertEquals(s, v, "two flips accepted, M = " + m);
                    if (s) {
                        accepted++;
                        assertAgree(scalar, vector, "two flips, M = " + m);
                    }
                }
            }
        }
        assertTrue(accepted > 40, "most products must take the fast path, got " + accepted);
    }

    @Test
    void ratioProductsAgreeWhenTheRawProductOverflows() {
        // θ = 0 and W = 5 on every hidden unit: Π cosh 10 over M = 300 is ≈ 1e1210
        int m = 300;
        double[] w = new double[2 * m];
        Arrays.fill(w, 5.0);
        double[] cr = new double[2 * m];
        double[] ci = new double[2 * m];
        double[] sr = new double[2 * m];
        double[] si = new double[2 * m];
        RbmKernels.coshSinhOfTwiceW(w, new double[2 * m], 2 * m, cr, ci, sr, si);
        double[] zero = new double[m];
        double[] scalar = new double[2];
        double[] vector = new double[2];
        double[] lanes = new double[3 * RbmVectorKernels.LANES];
        assertTrue(RbmKernels.hiddenLogRatioOneFlip(cr, ci, sr, si, 0, 1.0, zero, zero, m,
                scalar));
        assertTrue(RbmVectorKernels.hiddenLogRatioOneFlip(cr, ci, sr, si, 0, 1.0, zero, zero, m,
                lanes, vector));
        assertAgree(scalar, vector, "overflowing one-flip product");
        assertEquals(m * (10.0 - Math.log(2.0) + Math.log1p(Math.exp(-20.0))), vector[0],
                1e-10);
    }

    @Test
    void thetaUpdateAgreesWithScalarKernel() {
        SplittableRandom rnd = new SplittableRandom(52);
        for (int m : new int[] {1, 3, 8, 17, 64}) {
            int n = 6;
            double[] wRe = Reference.randomParameters(rnd, n * m, 1.0);
            double[] wIm = Reference.randomParameters(rnd, n * m, 1.0);
            int[] sigma = Reference.randomConfiguration(rnd, n);
            double[] thetaRe = Reference.randomParameters(rnd, m, 3.0);
            double[] thetaIm = Reference.randomParameters(rnd, m, 3.0);
            double[] vRe = thetaRe.clone();
            double[] vIm = thetaIm.clone();
            int[] sites = Reference.distinctSites(rnd, n, 3);
            RbmKernels.flipTheta(wRe, wIm, m, sigma, sites, 0, 3, thetaRe, thetaIm);
            RbmVectorKernels.flipTheta(wRe, wIm, m, sigma, sites, 0, 3, vRe, vIm);
            for (int j = 0; j < m; j++) {
                assertEquals(thetaRe[j], vRe[j], RELATIVE * Math.max(1.0, Math.abs(thetaRe[j])));
                assertEquals(thetaIm[j], vIm[j], RELATIVE * Math.max(1.0, Math.abs(thetaIm[j])));
            }
        }
    }

    /**
     * The polynomial sin/cos of the vector tanh across all four quadrants of the phase
     * φ = −2 s Im z, far out (|φ| ≈ 2·10⁵) and beyond the reduction bound (scalar fallback);
     * tiny Re z keeps its relative precision (1 − d² = −e(2 + e) through expm1).
     */
    @Test
    void tanhIsAccurateForLargePhasesAndTinyRealParts() {
        int m = 4 * RbmVectorKernels.LANES;
        double[] x = new double[m];
        double[] y = new double[m];
        for (int k = 0; k < m; k++) {
            x[k] = (k % 3 == 0 ? 1e-9 : 0.3) * (k % 2 == 0 ? 1 : -1);
            y[k] = k < 3 * RbmVectorKernels.LANES ? (k - m / 2) * 0.41 * Math.pow(10, k % 6) : 1e7 + k;
        }
        double[] sr = new double[m];
        double[] si = new double[m];
        double[] vr = new double[m];
        double[] vi = new double[m];
        RbmKernels.tanh(x, y, m, sr, si);
        RbmVectorKernels.tanh(x, y, m, vr, vi);
        for (int k = 0; k < m; k++) {
            double size = Math.hypot(sr[k], si[k]);
            // the phase is rounded relative to |Im z|: allow |φ|·ε of absolute phase error
            double phaseError = 4 * Math.abs(y[k]) * 0x1p-52;
            assertEquals(sr[k], vr[k], (RELATIVE + phaseError) * size, "Re tanh at " + x[k] + " + i " + y[k]);
            assertEquals(si[k], vi[k], (RELATIVE + phaseError) * size, "Im tanh at " + x[k] + " + i " + y[k]);
        }
    }

    @Test
    void tanhAgreesWithScalarKernel() {
        SplittableRandom rnd = new SplittableRandom(53);
        // |Re z| up to 400: e^{-2|Re z|} underflows and tanh saturates at ±1 without overflow
        for (double scale : new double[] {1e-3, 1.0, 30.0, 400.0}) {
            for (int m : new int[] {1, 7, 8, 9, 37}) {
                double[] x = Reference.randomParameters(rnd, m, scale);
                double[] y = Reference.randomParameters(rnd, m, Math.min(scale, 3.0));
                double[] sr = new double[m];
                double[] si = new double[m];
                double[] vr = new double[m];
                double[] vi = new double[m];
                RbmKernels.tanh(x, y, m, sr, si);
                RbmVectorKernels.tanh(x, y, m, vr, vi);
                double[] real = new double[m];
                double[] realScalar = new double[m];
                RbmVectorKernels.tanhReal(x, m, real);
                RbmKernels.tanh(x, new double[m], m, realScalar, new double[m]);
                for (int k = 0; k < m; k++) {
                    double size = Math.max(1.0, Math.hypot(sr[k], si[k]));
                    assertEquals(sr[k], vr[k], RELATIVE * size, "Re tanh, scale " + scale);
                    assertEquals(si[k], vi[k], RELATIVE * size, "Im tanh, scale " + scale);
                    // relative agreement also for tiny x, where tanh x ≈ x
                    assertEquals(realScalar[k], real[k], RELATIVE * Math.abs(realScalar[k]),
                            "real tanh, scale " + scale);
                }
            }
        }
    }

    @Test
    void refusesTheSameCancellationAsTheScalarKernel() {
        // one hidden unit, W = 5, θ = 10: cosh 10 − tanh 10 · sinh 10 = 1/cosh 10 (cancellation)
        double[] cr = new double[1];
        double[] ci = new double[1];
        double[] sr = new double[1];
        double[] si = new double[1];
        RbmKernels.coshSinhOfTwiceW(new double[] {5.0}, new double[1], 1, cr, ci, sr, si);
        double[] tr = new double[1];
        double[] ti = new double[1];
        RbmKernels.tanh(new double[] {10.0}, new double[1], 1, tr, ti);
        double[] lanes = new double[3 * RbmVectorKernels.LANES];
        assertFalse(RbmKernels.hiddenLogRatioOneFlip(cr, ci, sr, si, 0, 1.0, tr, ti, 1,
                new double[2]));
        assertFalse(RbmVectorKernels.hiddenLogRatioOneFlip(cr, ci, sr, si, 0, 1.0, tr, ti, 1,
                lanes, new double[2]));
    }
}
