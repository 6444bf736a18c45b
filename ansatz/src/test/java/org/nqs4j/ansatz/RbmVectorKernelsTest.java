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

    /**
     * The vector tanh update is the scalar one operation for operation: the same bits along
     * random one- and two-site walks, including the vectors that fall back to tanh θ (scale 6
     * saturates angles) and the tail of M mod LANES units.
     */
    @Test
    void tanhAfterFlipsIsBitIdenticalToTheScalarKernel() {
        SplittableRandom rnd = new SplittableRandom(23);
        int n = 11;
        int m = 2 * RbmVectorKernels.LANES + 3;
        for (double scale : new double[] {0.05, 1.0, 6.0}) {
            double[] wRe = Reference.randomParameters(rnd, n * m, scale);
            double[] wIm = Reference.randomParameters(rnd, n * m, scale);
            double[] twoRe = new double[n * m];
            double[] twoIm = new double[n * m];
            for (int k = 0; k < n * m; k++) {
                twoRe[k] = 2 * wRe[k];
                twoIm[k] = 2 * wIm[k];
            }
            double[] t2Re = new double[n * m];
            double[] t2Im = new double[n * m];
            RbmKernels.tanh(twoRe, twoIm, n * m, t2Re, t2Im);
            int[] sigma = new int[n];
            for (int i = 0; i < n; i++) {
                sigma[i] = rnd.nextBoolean() ? 1 : -1;
            }
            double[] thetaRe = new double[m];
            double[] thetaIm = new double[m];
            RbmKernels.theta(new double[m], new double[m], wRe, wIm, sigma, n, m, thetaRe, thetaIm);
            double[] scalarRe = new double[m];
            double[] scalarIm = new double[m];
            RbmKernels.tanh(thetaRe, thetaIm, m, scalarRe, scalarIm);
            double[] vectorRe = scalarRe.clone();
            double[] vectorIm = scalarIm.clone();
            int[] sites = new int[2];
            for (int step = 0; step < 300; step++) {
                int count = 1 + rnd.nextInt(2);
                sites[0] = rnd.nextInt(n);
                sites[1] = (sites[0] + 1 + rnd.nextInt(n - 1)) % n;
                RbmKernels.flipTheta(wRe, wIm, m, sigma, sites, 0, count, thetaRe, thetaIm);
                RbmKernels.tanhAfterFlips(t2Re, t2Im, m, sigma, sites, 0, count, thetaRe, thetaIm, scalarRe, scalarIm);
                RbmVectorKernels.tanhAfterFlips(t2Re, t2Im, m, sigma, sites, 0, count, thetaRe, thetaIm, vectorRe,
                        vectorIm);
                for (int f = 0; f < count; f++) {
                    sigma[sites[f]] = -sigma[sites[f]];
                }
                assertTrue(Arrays.equals(scalarRe, vectorRe) && Arrays.equals(scalarIm, vectorIm),
                        "scale " + scale + ", step " + step);
            }
        }
    }
}
