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

    /**
     * The sufficient trust test (|f|² ≥ {@link RbmKernels#sufficientFloor2} while every |c| ≤ 2) implies
     * the exact one factor by factor, and the one-flip product computed with it is the same bits (value,
     * exponent and verdict) as with the exact test, on fresh, trained-like and saturated inputs.
     */
    @Test
    void sufficientTrustTestGivesTheSameBitsAsTheExactOne() {
        SplittableRandom rnd = new SplittableRandom(53);
        double[] lanes = new double[3 * RbmVectorKernels.LANES];
        double[] exact = new double[RbmKernels.PRODUCT_LENGTH];
        double[] sufficient = new double[RbmKernels.PRODUCT_LENGTH];
        int used = 0;
        int factors = 0;
        for (int m : new int[] {3, 8, 13, 40, 200}) {
            for (double wScale : new double[] {0.01, 0.1, 0.6, 1.5}) {
                // θ of moderate phase (|c| ≤ 2 on most units), or up to ±12: saturated units
                RatioInputs t = tables(rnd, m, wScale, wScale > 1 ? 12.0 : 0.5);
                if (!RbmKernels.complementsBounded(t.compRe, t.compIm, 0, m)) {
                    continue;
                }
                for (int base : new int[] {0, m}) {
                    double floor2 = RbmKernels.sufficientFloor2(t.posRe, t.posIm, t.negRe, t.negIm, base, m);
                    double perFactor2 = Math.pow(RbmKernels.MAX_ROUNDING_AMPLIFICATION / m, 2);
                    for (double sign : new double[] {1.0, -1.0}) {
                        for (int j = 0; j < m && floor2 > 0; j++) {
                            double[] a = sign > 0 ? new double[] {t.posRe[base + j], t.posIm[base + j]}
                                    : new double[] {t.negRe[base + j], t.negIm[base + j]};
                            double[] b = sign > 0 ? new double[] {t.negRe[base + j], t.negIm[base + j]}
                                    : new double[] {t.posRe[base + j], t.posIm[base + j]};
                            double[] e = t.upper[j] == 1.0 ? b : a;
                            double shr = 0.5 * (a[0] - b[0]);
                            double shi = 0.5 * (a[1] - b[1]);
                            double fr = e[0] + t.compRe[j] * shr - t.compIm[j] * shi;
                            double fi = e[1] + t.compRe[j] * shi + t.compIm[j] * shr;
                            double terms = Math.abs(e[0]) + Math.abs(e[1]) + (Math.abs(t.compRe[j])
                                    + Math.abs(t.compIm[j])) * 0.5 * (Math.abs(a[0]) + Math.abs(a[1])
                                    + Math.abs(b[0]) + Math.abs(b[1]));
                            double f2 = fr * fr + fi * fi;
                            if (f2 >= floor2) {
                                factors++;
                                assertTrue(terms * terms <= perFactor2 * f2, "the sufficient test implies the exact one");
                            }
                        }
                        RbmVectorKernels.productOneFlip(t.posRe, t.posIm, t.negRe, t.negIm, base, sign, t.compRe,
                                t.compIm, t.upper, m, 0.0, lanes, exact);
                        RbmVectorKernels.productOneFlip(t.posRe, t.posIm, t.negRe, t.negIm, base, sign, t.compRe,
                                t.compIm, t.upper, m, floor2, lanes, sufficient);
                        for (int k = 0; k < RbmKernels.PRODUCT_LENGTH; k++) {
                            assertEquals(Double.doubleToLongBits(exact[k]), Double.doubleToLongBits(sufficient[k]),
                                    "product entry " + k + ", M = " + m + ", W scale " + wScale);
                        }
                        used += floor2 > 0 ? 1 : 0;
                    }
                }
            }
        }
        // a factor cancelling to |f| = e^{−1}δ (x = 1, c = −e^{−1}(1 + δ)/sinh 1): refused for small δ
        RatioInputs t = cancellingTables(rnd);
        double floor2 = RbmKernels.sufficientFloor2(t.posRe, t.posIm, t.negRe, t.negIm, 0, 40);
        int refused = 0;
        for (int k = 0; k <= 40; k++) {
            t.compRe[0] = -(1 + Math.pow(10, -0.2 * k)) / Math.E / Math.sinh(1.0);
            RbmVectorKernels.productOneFlip(t.posRe, t.posIm, t.negRe, t.negIm, 0, 1.0, t.compRe, t.compIm, t.upper,
                    40, 0.0, lanes, exact);
            RbmVectorKernels.productOneFlip(t.posRe, t.posIm, t.negRe, t.negIm, 0, 1.0, t.compRe, t.compIm, t.upper,
                    40, floor2, lanes, sufficient);
            refused += exact[3] == 0.0 ? 1 : 0;
            for (int e = 0; e < RbmKernels.PRODUCT_LENGTH; e++) {
                assertEquals(Double.doubleToLongBits(exact[e]), Double.doubleToLongBits(sufficient[e]),
                        "cancelling factor, δ = 1e-" + 0.2 * k);
            }
        }
        assertTrue(used > 20 && factors > 250 && refused > 3 && refused < 41,
                "the sufficient test must be exercised: " + used + ", " + factors + ", " + refused);
    }

    /**
     * Two products side by side ({@link RbmVectorKernels#productsOneFlip}) are the same bits as each alone under
     * the sufficient test: on random tables (M with and without a scalar tail, either sign, two rows), and where
     * one of them cancels (the exact test, then a refusal, in either position) while the other does not.
     */
    @Test
    void twoProductsSideBySideAreTheSameBitsAsOneAtATime() {
        SplittableRandom rnd = new SplittableRandom(57);
        double[] lanes = new double[4 * RbmVectorKernels.LANES];
        double[] alone1 = new double[RbmKernels.PRODUCT_LENGTH];
        double[] alone2 = new double[RbmKernels.PRODUCT_LENGTH];
        double[] pair1 = new double[RbmKernels.PRODUCT_LENGTH];
        double[] pair2 = new double[RbmKernels.PRODUCT_LENGTH];
        int compared = 0;
        for (int m : new int[] {3, 8, 13, 40, 200}) {
            for (double wScale : new double[] {0.01, 0.1, 0.6}) {
                RatioInputs t = tables(rnd, m, wScale, 0.5);
                if (!RbmKernels.complementsBounded(t.compRe, t.compIm, 0, m)) {
                    continue;
                }
                double floor0 = RbmKernels.sufficientFloor2(t.posRe, t.posIm, t.negRe, t.negIm, 0, m);
                double floorM = RbmKernels.sufficientFloor2(t.posRe, t.posIm, t.negRe, t.negIm, m, m);
                if (floor0 <= 0 || floorM <= 0) {
                    continue;
                }
                for (double sign1 : new double[] {1.0, -1.0}) {
                    for (double sign2 : new double[] {1.0, -1.0}) {
                        RbmVectorKernels.productOneFlip(t.posRe, t.posIm, t.negRe, t.negIm, 0, sign1, t.compRe,
                                t.compIm, t.upper, m, floor0, lanes, alone1);
                        RbmVectorKernels.productOneFlip(t.posRe, t.posIm, t.negRe, t.negIm, m, sign2, t.compRe,
                                t.compIm, t.upper, m, floorM, lanes, alone2);
                        RbmVectorKernels.productsOneFlip(t.posRe, t.posIm, t.negRe, t.negIm, 0, sign1, floor0,
                                t.posRe, t.posIm, t.negRe, t.negIm, m, sign2, floorM, t.compRe, t.compIm, t.upper, m,
                                lanes, pair1, pair2);
                        assertSameBits(alone1, pair1, "first of two, M = " + m);
                        assertSameBits(alone2, pair2, "second of two, M = " + m);
                        compared++;
                    }
                }
            }
        }
        // the cancelling factor of the test above on row 0 (|f| = e^{−1}δ): the exact test, then a refusal
        RatioInputs t = cancellingTables(rnd);
        double floor0 = RbmKernels.sufficientFloor2(t.posRe, t.posIm, t.negRe, t.negIm, 0, 40);
        double floorM = RbmKernels.sufficientFloor2(t.posRe, t.posIm, t.negRe, t.negIm, 40, 40);
        int refused = 0;
        for (int k = 0; k <= 40; k++) {
            t.compRe[0] = -(1 + Math.pow(10, -0.2 * k)) / Math.E / Math.sinh(1.0);
            RbmVectorKernels.productOneFlip(t.posRe, t.posIm, t.negRe, t.negIm, 0, 1.0, t.compRe, t.compIm, t.upper,
                    40, floor0, lanes, alone1);
            RbmVectorKernels.productOneFlip(t.posRe, t.posIm, t.negRe, t.negIm, 40, -1.0, t.compRe, t.compIm,
                    t.upper, 40, floorM, lanes, alone2);
            RbmVectorKernels.productsOneFlip(t.posRe, t.posIm, t.negRe, t.negIm, 0, 1.0, floor0, t.posRe, t.posIm,
                    t.negRe, t.negIm, 40, -1.0, floorM, t.compRe, t.compIm, t.upper, 40, lanes, pair1, pair2);
            assertSameBits(alone1, pair1, "cancelling first, δ = 1e-" + 0.2 * k);
            assertSameBits(alone2, pair2, "partner of a cancelling first, δ = 1e-" + 0.2 * k);
            RbmVectorKernels.productsOneFlip(t.posRe, t.posIm, t.negRe, t.negIm, 40, -1.0, floorM, t.posRe, t.posIm,
                    t.negRe, t.negIm, 0, 1.0, floor0, t.compRe, t.compIm, t.upper, 40, lanes, pair2, pair1);
            assertSameBits(alone1, pair1, "cancelling second, δ = 1e-" + 0.2 * k);
            assertSameBits(alone2, pair2, "partner of a cancelling second, δ = 1e-" + 0.2 * k);
            refused += alone1[3] == 0.0 ? 1 : 0;
        }
        assertTrue(compared > 20 && floor0 > 0 && floorM > 0 && refused > 3 && refused < 41,
                "both paths must be exercised: " + compared + ", " + refused);
    }

    /** M = 40, row 0 with x = 1 on unit 0 and Im c₀ = 0: c₀ = −e^{−1}(1 + δ)/sinh 1 then cancels its factor to e^{−1}δ. */
    private static RatioInputs cancellingTables(SplittableRandom rnd) {
        RatioInputs t = tables(rnd, 40, 0.1, 0.5);
        t.posRe[0] = Math.E;
        t.posIm[0] = 0.0;
        t.negRe[0] = 1 / Math.E;
        t.negIm[0] = 0.0;
        t.upper[0] = 1.0;
        t.compIm[0] = 0.0;
        return t;
    }

    private static void assertSameBits(double[] expected, double[] actual, String what) {
        for (int k = 0; k < RbmKernels.PRODUCT_LENGTH; k++) {
            assertEquals(Double.doubleToRawLongBits(expected[k]), Double.doubleToRawLongBits(actual[k]),
                    what + ", product entry " + k);
        }
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
     * saturated or near-pole lanes (scale 6) that go to the scalar kernel, and the M mod LANES tail (M above
     * and below LANES). Its verdict that every |c|² ≤ 4 afterwards is the scalar check's, both ways.
     */
    @Test
    void applyFlipsIsBitIdenticalToTheScalarKernel() {
        SplittableRandom rnd = new SplittableRandom(23);
        int n = 11;
        int[] verdicts = new int[2];
        for (int m : new int[] {2 * RbmVectorKernels.LANES + 3, RbmVectorKernels.LANES - 1}) {
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
                        boolean bounded = vector.move(sites, count, true);
                        String where = "M " + m + ", scale " + scale + (complex ? " complex" : " real") + ", step " + step;
                        assertEquals(RbmKernels.complementsBounded(vector.compRe, vector.compIm, 0, m), bounded,
                                "|c|^2 <= 4 verdict, " + where);
                        verdicts[bounded ? 1 : 0]++;
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
        assertTrue(verdicts[0] > 0 && verdicts[1] > 0, "walks with and without some |c| > 2: " + Arrays.toString(verdicts));
    }
}
