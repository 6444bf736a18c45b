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

    /**
     * Factors beyond 2^200 (W = 80 on a few units: |f| ≈ e^{160}/2), which the vector one-flip
     * product may not leave unscaled for four factors: it hands them to the scalar kernel, and the
     * log ratio is still Σⱼ log cosh(θⱼ − xⱼ) − log cosh θⱼ.
     */
    @Test
    void oneFlipWithHugeFactorsAgreesWithTheScalarKernel() {
        int m = 40;
        double[] w = new double[2 * m];
        java.util.Arrays.fill(w, 0.1);
        for (int j = 0; j < m; j += 9) {
            w[j] = 80.0;
        }
        double[] theta = new double[m];
        java.util.Arrays.fill(theta, -0.3);
        RatioInputs t = new RatioInputs(w, new double[2 * m], theta, new double[m]);
        double[] scalar = new double[2];
        double[] vector = new double[2];
        double[] lanes = new double[3 * RbmVectorKernels.LANES];
        assertTrue(t.oneFlip(0, 1.0, scalar));
        assertTrue(t.vectorOneFlip(0, 1.0, lanes, vector));
        assertAgree(scalar, vector, "huge factors");
        double expected = 0.0;
        for (int j = 0; j < m; j++) {
            // log cosh z = |z| − ln 2 + log1p(e^{−2|z|})
            double z = theta[j] - 2.0 * w[j];
            expected += Math.abs(z) - Math.log(2.0) + Math.log1p(Math.exp(-2.0 * Math.abs(z)))
                    - (Math.abs(theta[j]) - Math.log(2.0) + Math.log1p(Math.exp(-2.0 * Math.abs(theta[j]))));
        }
        assertEquals(expected, vector[0], 1e-9 * Math.abs(expected));
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

    /**
     * The vector update of an accepted move is the scalar one operation for operation: the same
     * bits of θ, tanh θ, c and upper along random one- and two-site walks, including vectors with
     * saturated or near-pole lanes (scale 6) that go to the scalar kernel, and the M mod LANES tail.
     */
    @Test
    void applyFlipsIsBitIdenticalToTheScalarKernel() {
        SplittableRandom rnd = new SplittableRandom(23);
        int n = 11;
        int m = 2 * RbmVectorKernels.LANES + 3;
        for (double scale : new double[] {0.05, 1.0, 6.0}) {
            for (boolean complex : new boolean[] {false, true}) {
                WalkState scalar = new WalkState(rnd, n, m, scale, complex);
                WalkState vector = scalar.copy();
                int[] sites = new int[2];
                for (int step = 0; step < 300; step++) {
                    int count = 1 + rnd.nextInt(2);
                    sites[0] = rnd.nextInt(n);
                    sites[1] = (sites[0] + 1 + rnd.nextInt(n - 1)) % n;
                    scalar.move(sites, count, false);
                    vector.move(sites, count, true);
                    String where = "scale " + scale + (complex ? " complex" : " real") + ", step " + step;
                    assertTrue(Arrays.equals(scalar.thetaRe, vector.thetaRe) && Arrays.equals(scalar.thetaIm, vector.thetaIm),
                            "theta, " + where);
                    assertTrue(Arrays.equals(scalar.tanhRe, vector.tanhRe) && Arrays.equals(scalar.tanhIm, vector.tanhIm),
                            "tanh, " + where);
                    assertTrue(Arrays.equals(scalar.compRe, vector.compRe) && Arrays.equals(scalar.compIm, vector.compIm)
                            && Arrays.equals(scalar.upper, vector.upper), "complement, " + where);
                }
            }
        }
    }
}
