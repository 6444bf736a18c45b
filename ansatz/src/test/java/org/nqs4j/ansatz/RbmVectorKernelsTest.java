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

    /** Two sites' worth of tables and θ for M hidden units. */
    private static RatioInputs tables(SplittableRandom rnd, int m, double wScale, double thetaScale) {
        return new RatioInputs(Reference.randomParameters(rnd, 2 * m, wScale),
                Reference.randomParameters(rnd, 2 * m, wScale), Reference.randomParameters(rnd, m, thetaScale),
                Reference.randomParameters(rnd, m, thetaScale));
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
            for (double wScale : new double[] {0.1, 0.6, 1.5, 4.0}) {
                // θ up to ±12: saturated units, as in a trained RBM
                RatioInputs t = tables(rnd, m, wScale, wScale > 1 ? 12.0 : 2.0);
                for (double sign1 : new double[] {1.0, -1.0}) {
                    boolean s = t.oneFlip(m, sign1, scalar);
                    boolean v = t.vectorOneFlip(m, sign1, lanes, vector);
                    assertEquals(s, v, "one flip accepted, M = " + m);
                    if (s) {
                        accepted++;
                        assertAgree(scalar, vector, "one flip, M = " + m);
                    }
                    double sign2 = -sign1 * (rnd.nextBoolean() ? 1 : -1);
                    s = t.twoFlips(0, sign1, m, sign2, scalar);
                    v = t.vectorTwoFlips(0, sign1, m, sign2, lanes, vector);
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
        RatioInputs t = new RatioInputs(w, new double[2 * m], new double[m], new double[m]);
        double[] scalar = new double[2];
        double[] vector = new double[2];
        double[] lanes = new double[3 * RbmVectorKernels.LANES];
        assertTrue(t.oneFlip(0, 1.0, scalar));
        assertTrue(t.vectorOneFlip(0, 1.0, lanes, vector));
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
    void refusesTheSameInfiniteTablesAsTheScalarKernel() {
        // W = 400 on M = 11 units: e^{800} overflows
        int m = 11;
        double[] w = new double[2 * m];
        Arrays.fill(w, 400.0);
        RatioInputs t = new RatioInputs(w, new double[2 * m], new double[m], new double[m]);
        double[] lanes = new double[3 * RbmVectorKernels.LANES];
        assertFalse(t.oneFlip(0, 1.0, new double[2]));
        assertFalse(t.vectorOneFlip(0, 1.0, lanes, new double[2]));
        assertFalse(t.twoFlips(0, 1.0, m, -1.0, new double[2]));
        assertFalse(t.vectorTwoFlips(0, 1.0, m, -1.0, lanes, new double[2]));
    }

    /** The vector signed complement is the scalar one, bit for bit, saturated lanes included. */
    @Test
    void signedComplementIsBitIdenticalToTheScalarKernel() {
        SplittableRandom rnd = new SplittableRandom(24);
        int m = 3 * RbmVectorKernels.LANES + 5;
        for (double scale : new double[] {0.5, 4.0, 30.0}) {
            double[] thetaRe = Reference.randomParameters(rnd, m, scale);
            double[] thetaIm = Reference.randomParameters(rnd, m, scale);
            double[] tr = new double[m];
            double[] ti = new double[m];
            RbmKernels.tanh(thetaRe, thetaIm, m, tr, ti);
            double[][] scalar = {new double[m], new double[m], new double[m]};
            double[][] vector = {new double[m], new double[m], new double[m]};
            RbmKernels.signedComplement(thetaRe, thetaIm, tr, ti, 0, m, scalar[0], scalar[1], scalar[2]);
            RbmVectorKernels.signedComplement(thetaRe, thetaIm, tr, ti, m, vector[0], vector[1], vector[2]);
            for (int k = 0; k < 3; k++) {
                assertTrue(Arrays.equals(scalar[k], vector[k]), "array " + k + " at scale " + scale);
            }
        }
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
