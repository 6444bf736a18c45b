package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RbmKernelsTest {
    private static final double LN2 = Math.log(2.0);

    private static double[] logCosh(double x, double y) {
        double[] re = new double[1];
        double[] im = new double[1];
        RbmKernels.logCosh(new double[] {x}, new double[] {y}, 1, re, im);
        return new double[] {re[0], im[0]};
    }

    private static double[] tanh(double x, double y) {
        double[] re = new double[1];
        double[] im = new double[1];
        RbmKernels.tanh(new double[] {x}, new double[] {y}, 1, re, im);
        return new double[] {re[0], im[0]};
    }

    /**
     * The fused weight tables against the separate formulas: e^{±2W} as exp·(cos, sin), tanh 2W
     * from {@link RbmKernels#tanh} of 2W, and 1 ± tanh 2W = 2/(1 + e^{∓4W}) with e^{∓4W} taken
     * straight from exp, cos and sin of 4W; relative 1e-14 (a few ulp of each, times the
     * condition of the division where 1 + e^{∓4W} is small, kept away from zero here), for W from
     * 1e-9 (tanh 2W ≈ 2W needs expm1) to saturated units (|Re W| = 60), and the overflow of
     * 1 ± tanh 2W past |Re W| ≈ 177 reported as not finite.
     */
    @Test
    void weightTablesAgreeWithTheSeparateFormulas() {
        double[] as = {-60.0, -3.1, -0.4, -1e-9, 0.0, 1e-9, 0.02, 0.7, 5.0, 60.0};
        double[] bs = {-2.9, -0.3, 0.0, 1e-7, 0.35, 1.3};
        int n = as.length * bs.length;
        double[] wRe = new double[n];
        double[] wIm = new double[n];
        for (int k = 0; k < n; k++) {
            wRe[k] = as[k / bs.length];
            wIm[k] = bs[k % bs.length];
        }
        double[][] t = new double[10][n];
        RbmKernels.weightTables(wRe, wIm, n, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9]);
        for (int k = 0; k < n; k++) {
            double a = wRe[k];
            double b = wIm[k];
            String at = "W = " + a + " + " + b + "i";
            assertRelative(Math.exp(2 * a) * Math.cos(2 * b), Math.exp(2 * a) * Math.sin(2 * b), t[0][k], t[1][k], at);
            assertRelative(Math.exp(-2 * a) * Math.cos(2 * b), -Math.exp(-2 * a) * Math.sin(2 * b), t[2][k], t[3][k], at);
            double[] tanh = tanh(2 * a, 2 * b);
            assertRelative(tanh[0], tanh[1], t[4][k], t[5][k], "tanh 2W, " + at);
            for (int side = 0; side < 2; side++) {
                double e = Math.exp(side == 0 ? -4 * a : 4 * a);
                double qr = e * Math.cos(4 * b);
                double qi = (side == 0 ? -e : e) * Math.sin(4 * b);
                double d = (1 + qr) * (1 + qr) + qi * qi;
                assertRelative(2 * (1 + qr) / d, -2 * qi / d, t[6 + 2 * side][k], t[7 + 2 * side][k],
                        (side == 0 ? "1 + tanh 2W, " : "1 - tanh 2W, ") + at);
            }
        }
        double[][] big = new double[10][1];
        RbmKernels.weightTables(new double[] {200.0}, new double[] {0.3}, 1, big[0], big[1], big[2], big[3], big[4],
                big[5], big[6], big[7], big[8], big[9]);
        assertEquals(1.0, big[4][0], 0.0, "tanh saturates");
        assertTrue(Double.isFinite(big[6][0]) && !Double.isFinite(big[8][0]), "1 - tanh 2W overflows past 177");
    }

    private static void assertRelative(double re, double im, double actualRe, double actualIm, String what) {
        double scale = Math.hypot(re, im);
        assertEquals(re, actualRe, 1e-14 * scale, what + " (Re)");
        assertEquals(im, actualIm, 1e-14 * scale, what + " (Im)");
    }

    @Test
    void logCoshKnownRealValues() {
        // log cosh 1 = log(1.5430806348152437...) = 0.43378083048302717...
        assertEquals(0.4337808304830271, logCosh(1.0, 0.0)[0], 1e-16);
        // log cosh 20 = 20 − ln 2 + log(1 + e^{−40}) = 19.30685281944005469...; e^{−40} ≈ 4e-18
        assertEquals(19.306852819440055, logCosh(20.0, 0.0)[0], 4e-15);
        assertEquals(0.0, logCosh(0.0, 0.0)[0], 1e-16);
        assertEquals(0.0, logCosh(-3.0, 0.0)[1], 0.0);
    }

    @Test
    void logCoshMatchesNaiveFormulaForModerateArguments() {
        double[] xs = {-3.0, -0.7, -1e-3, 0.0, 0.4, 2.5};
        double[] ys = {-2.0, -0.3, 0.0, 1.2, 3.0};
        for (double x : xs) {
            for (double y : ys) {
                Reference.assertLogEquals(Reference.naiveLogCosh(x, y), logCosh(x, y), 1e-14,
                        "log cosh(" + x + " + " + y + "i)");
            }
        }
    }

    @Test
    void logCoshDoesNotOverflowForLargeRealPart() {
        // log cosh z = s z − ln 2 + log(1 + e^{−2sz}); e^{−2000} vanishes in double precision
        double[] z = logCosh(1000.0, 0.3);
        assertEquals(1000.0 - LN2, z[0], 1e-12);
        assertEquals(0.3, z[1], 1e-15);
        double[] big = logCosh(1e4, 0.5);
        assertEquals(1e4 - LN2, big[0], 1e-11);
        assertEquals(0.5, big[1], 1e-15);
        // cosh(−1e4 + 0.5i) = cosh(1e4 − 0.5i)
        double[] negative = logCosh(-1e4, 0.5);
        assertEquals(1e4 - LN2, negative[0], 1e-11);
        assertEquals(-0.5, negative[1], 1e-15);
    }

    @Test
    void tanhMatchesNaiveFormulaForModerateArguments() {
        double[] xs = {-2.0, -0.5, 0.0, 0.3, 1.7};
        double[] ys = {-1.0, 0.0, 0.4, 2.9};
        for (double x : xs) {
            for (double y : ys) {
                // tanh z = sinh z / cosh z with sinh(x+iy) = sinh x cos y + i cosh x sin y
                double sr = Math.sinh(x) * Math.cos(y);
                double si = Math.cosh(x) * Math.sin(y);
                double cr = Math.cosh(x) * Math.cos(y);
                double ci = Math.sinh(x) * Math.sin(y);
                double d = cr * cr + ci * ci;
                double[] t = tanh(x, y);
                assertEquals((sr * cr + si * ci) / d, t[0], 1e-14, "Re tanh(" + x + "," + y + ")");
                assertEquals((si * cr - sr * ci) / d, t[1], 1e-14, "Im tanh(" + x + "," + y + ")");
            }
        }
    }

    @Test
    void tanhIsStableAtExtremes() {
        double[] large = tanh(1e4, 0.5);
        assertEquals(1.0, large[0], 0.0);
        assertEquals(0.0, large[1], 0.0);
        assertEquals(-1.0, tanh(-1e4, -7.0)[0], 0.0);
        // tanh x = x − x³/3 + …: full relative precision for tiny x
        assertEquals(1e-10, tanh(1e-10, 0.0)[0], 1e-25);
        // tanh(iy) = i tan y
        double[] imaginary = tanh(0.0, 0.3);
        assertEquals(0.0, imaginary[0], 1e-16);
        assertEquals(Math.tan(0.3), imaginary[1], 1e-15);
    }

    /** One site (N = 1), M hidden units with all Wⱼ = w, all θⱼ = theta. */
    private static boolean oneFlip(int m, double w, double theta, double[] out) {
        return new RatioInputs(filled(m, w), new double[m], filled(m, theta), new double[m]).oneFlip(0, 1.0, out);
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    @Test
    void oneFlipProductSurvivesOverflowOfTheRawProduct() {
        // θ = 0, x = 2W = 10: each factor is cosh 10 ≈ 1.1e4, and (cosh 10)^100 ≈ 1e403 > MAX_VALUE
        double[] out = new double[2];
        assertTrue(oneFlip(100, 5.0, 0.0, out), "well-conditioned product must be accepted");
        assertEquals(100 * (10.0 - LN2 + Math.log1p(Math.exp(-20.0))), out[0], 1e-11);
        assertEquals(0.0, Reference.wrap(out[1]), 1e-15);
    }

    @Test
    void oneFlipProductSurvivesUnderflowOfTheRawProduct() {
        // θ = 5 → θ' = 4: each factor is cosh 4 / cosh 5 ≈ e^{−1}, and e^{−2000} underflows
        double[] out = new double[2];
        assertTrue(oneFlip(2000, 0.5, 5.0, out), "well-conditioned product must be accepted");
        double expected = 2000 * (Reference.naiveLogCosh(4.0, 0.0)[0]
                - Reference.naiveLogCosh(5.0, 0.0)[0]);
        assertEquals(expected, out[0], 1e-10);
    }

    /**
     * Saturated hidden units (a trained RBM): θ = 10 → 0 and θ = 20 → 8. The form cosh x − tanh θ
     * sinh x cancels here (cosh 10 − tanh 10 · sinh 10 = 1/cosh 10 loses ~8 digits); the
     * complement form e^{−sx} + (s − tanh θ) sinh x keeps full precision and is accepted.
     */
    @Test
    void oneFlipIsExactOnSaturatedUnits() {
        double[] out = new double[2];
        assertTrue(oneFlip(1, 5.0, 10.0, out));
        assertEquals(-Reference.naiveLogCosh(10.0, 0.0)[0], out[0], 1e-14 * 10);
        assertTrue(oneFlip(7, 6.0, 20.0, out));
        assertEquals(7 * (Reference.naiveLogCosh(8.0, 0.0)[0] - (20.0 - LN2)), out[0], 1e-13 * 7 * 12);
        // the other side of zero: θ = −20 with σ = +1 and W = −6 moves θ to −8
        assertTrue(oneFlip(3, -6.0, -20.0, out));
        assertEquals(3 * (Reference.naiveLogCosh(-8.0, 0.0)[0] - (20.0 - LN2)), out[0], 1e-13 * 3 * 12);
    }

    @Test
    void oneFlipRefusesInfiniteTables() {
        // e^{800} overflows the table
        assertFalse(oneFlip(3, 400.0, 0.0, new double[2]));
    }

    @Test
    void twoFlipProductSurvivesOverflowOfTheRawProduct() {
        int m = 100;
        // site 0: W = 3, site 1: W = 2 (stored by site), θ = 0 → factor cosh(6 + 4) = cosh 10
        double[] out = new double[2];
        assertTrue(twoSites(m, 0.0).twoFlips(0, 1.0, m, 1.0, out));
        assertEquals(100 * (10.0 - LN2 + Math.log1p(Math.exp(-20.0))), out[0], 1e-11);
    }

    /**
     * Opposite spins across large weights: the factor cosh(6 − 4) = cosh 2 ≈ 3.76, which the
     * addition theorem would form as cosh 6 cosh 4 − sinh 6 sinh 4 ≈ 5.5e3 − 5.5e3; from
     * e^{±x} = e^{±6} e^{∓4} there is no cancellation, for any M. Likewise on saturated units
     * (θ = 9 → 7).
     */
    @Test
    void twoOppositeFlipsAcrossLargeWeightsStayExact() {
        double[] out = new double[2];
        for (int m : new int[] {10, 100}) {
            assertTrue(twoSites(m, 0.0).twoFlips(0, 1.0, m, -1.0, out), "M = " + m);
            assertEquals(m * Reference.naiveLogCosh(2.0, 0.0)[0], out[0], 1e-13 * m);
            assertTrue(twoSites(m, 9.0).twoFlips(0, 1.0, m, -1.0, out), "M = " + m);
            assertEquals(m * (Reference.naiveLogCosh(7.0, 0.0)[0] - Reference.naiveLogCosh(9.0, 0.0)[0]), out[0],
                    1e-13 * m);
        }
    }

    /** Two sites with W = 3 (site 0) and W = 2 (site 1) on all M hidden units, θⱼ = theta. */
    private static RatioInputs twoSites(int m, double theta) {
        double[] wRe = new double[2 * m];
        java.util.Arrays.fill(wRe, 0, m, 3.0);
        java.util.Arrays.fill(wRe, m, 2 * m, 2.0);
        return new RatioInputs(wRe, new double[2 * m], filled(m, theta), new double[m]);
    }

    /**
     * c = s − tanh θ keeps full relative precision on saturated units, where s − tanh θ itself
     * would be all rounding: against 2/(1 + e^{2sθ})·s evaluated directly (no cancellation there).
     */
    @Test
    void signedComplementIsAccurateWhereTanhSaturates() {
        double[][] thetas = {{15.0, 0.0}, {-15.0, 0.0}, {15.0, 0.7}, {-9.0, -2.5}, {0.3, 0.2}, {-0.3, 0.0}};
        for (double[] z : thetas) {
            double[] c = new double[2];
            double[] upper = new double[1];
            double[] tr = new double[1];
            double[] ti = new double[1];
            RbmKernels.tanh(new double[] {z[0]}, new double[] {z[1]}, 1, tr, ti);
            double[] cr = new double[1];
            double[] ci = new double[1];
            RbmKernels.signedComplement(new double[] {z[0]}, new double[] {z[1]}, tr, ti, 0, 1, cr, ci, upper);
            c[0] = cr[0];
            c[1] = ci[0];
            double s = z[0] >= 0 ? 1.0 : -1.0;
            // e^{2sθ} = e^{2s Re θ}(cos 2s Im θ + i sin 2s Im θ); c = 2s/(1 + e^{2sθ})
            double er = Math.exp(2 * s * z[0]) * Math.cos(2 * s * z[1]);
            double ei = Math.exp(2 * s * z[0]) * Math.sin(2 * s * z[1]);
            double d = (1 + er) * (1 + er) + ei * ei;
            double expectedRe = 2 * s * (1 + er) / d;
            double expectedIm = -2 * s * ei / d;
            double scale = Math.hypot(expectedRe, expectedIm);
            assertEquals(expectedRe, c[0], 1e-14 * scale, "Re c at " + z[0] + " + " + z[1] + "i");
            assertEquals(expectedIm, c[1], 1e-14 * scale, "Im c at " + z[0] + " + " + z[1] + "i");
            assertEquals(s > 0 ? 1.0 : 0.0, upper[0]);
        }
    }

    /**
     * The transcendental-free update of an accepted move keeps θ bit for bit as {@link
     * RbmKernels#flipTheta} and tanh θ and its signed complement c at their exact values for the
     * updated θ, including saturated units (scale 6: |θ| up to ~40, c down to e^{−80}) and the
     * near-poles of complex tanh, along random one- and two-site walks.
     */
    @Test
    void applyFlipsKeepsTanhAndComplementExact() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(17);
        for (double scale : new double[] {0.05, 1.0, 6.0}) {
            for (boolean complex : new boolean[] {false, true}) {
                WalkState walk = new WalkState(rnd, 9, 13, scale, complex);
                int m = walk.m;
                double[] theta = walk.thetaRe.clone();
                double[] thetaI = walk.thetaIm.clone();
                double[][] exact = {new double[m], new double[m], new double[m], new double[m], new double[m]};
                int[] sites = new int[2];
                for (int step = 0; step < 400; step++) {
                    int count = 1 + rnd.nextInt(2);
                    sites[0] = rnd.nextInt(walk.n);
                    sites[1] = (sites[0] + 1 + rnd.nextInt(walk.n - 1)) % walk.n;
                    RbmKernels.flipTheta(walk.wRe, walk.wIm, m, walk.sigma, sites, 0, count, theta, thetaI);
                    walk.move(sites, count, false);
                    assertTrue(java.util.Arrays.equals(theta, walk.thetaRe) && java.util.Arrays.equals(thetaI, walk.thetaIm),
                            "theta as flipTheta, step " + step);
                    walk.exact(walk.thetaRe, walk.thetaIm, exact[0], exact[1], exact[2], exact[3], exact[4]);
                    String where = "scale " + scale + (complex ? " complex" : " real") + " step " + step;
                    for (int j = 0; j < m; j++) {
                        // ≲ 6 ulp per update, compounding over at most 400 updates: 1e-12 relative
                        double size = Math.max(1.0, Math.hypot(exact[0][j], exact[1][j]));
                        assertEquals(exact[0][j], walk.tanhRe[j], 1e-12 * size, "Re tanh, " + where);
                        assertEquals(exact[1][j], walk.tanhIm[j], 1e-12 * size, "Im tanh, " + where);
                        double c = Math.hypot(exact[2][j], exact[3][j]);
                        assertEquals(exact[2][j], walk.compRe[j], 1e-12 * c, "Re c, " + where);
                        assertEquals(exact[3][j], walk.compIm[j], 1e-12 * c, "Im c, " + where);
                        assertEquals(exact[4][j], walk.upper[j], "upper, " + where);
                    }
                }
            }
        }
    }
}
