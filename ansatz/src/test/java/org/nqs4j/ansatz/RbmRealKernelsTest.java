package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The real kernels of a real RBM give the same bits as the complex vector kernels they replace
 * (ratios of one flip and of tabulated exchanges where the products have the complex kernels' lanes,
 * else the same to the rounding of the products' order; θ and tanh θ after accepted moves), the paired
 * products the same bits as one at a time, and are used only within the weight budget.
 */
class RbmRealKernelsTest {
    private static Rbm randomRealRbm(SplittableRandom rnd, int n, int m, double wScale, double bScale) {
        Rbm rbm = Rbm.realWithHiddenUnits(n, m);
        double[] p = new double[rbm.parameterArrayLength()];
        for (int k = 0; k < p.length; k++) {
            double scale = k < n ? 0.3 : k < n + m ? bScale : wScale;
            p[k] = scale * (2.0 * rnd.nextDouble() - 1.0);
        }
        rbm.setParameters(p);
        return rbm;
    }

    /** The ratio of the move by the real kernels and, with them switched off, by the complex ones. */
    private static void assertSameRatio(Rbm rbm, RbmCache real, RbmCache complex, int[] sites, int count) {
        double[] r = new double[2];
        double[] c = new double[2];
        rbm.realProducts = true;
        real.ratio(sites, sites, 0, count, r);
        rbm.realProducts = false;
        complex.ratio(sites, sites, 0, count, c);
        rbm.realProducts = true;
        if (RbmRealKernels.PRODUCT_LANES == RbmVectorKernels.LANES) {
            assertEquals(Double.doubleToLongBits(c[0]), Double.doubleToLongBits(r[0]),
                    () -> "ratio " + c[0] + " vs " + r[0]);
        } else {
            // the same factors, multiplied in another grouping: M − 1 roundings on either side
            assertEquals(c[0], r[0], Math.abs(c[0]) * rbm.nHidden * Math.ulp(1.0), "ratio");
        }
        assertEquals(0.0, c[1], 0.0);
    }

    private static void assertSameState(RbmCache real, RbmCache complex, int m) {
        for (int j = 0; j < m; j++) {
            assertEquals(Double.doubleToLongBits(complex.thetaRe[j]), Double.doubleToLongBits(real.thetaRe[j]));
            assertEquals(Double.doubleToLongBits(complex.tanhRe[j]), Double.doubleToLongBits(real.tanhRe[j]),
                    "tanh of unit " + j);
        }
    }

    /** Random walks of flips and exchanges on fresh, trained-like and saturated RBMs, M with and without a tail. */
    @Test
    void walksGiveTheSameBitsAsTheComplexKernels() {
        SplittableRandom rnd = new SplittableRandom(18);
        int realMoves = 0;
        for (int m : new int[] {3, 8, 20, 37, 80}) {
            for (double[] scales : new double[][] {{0.01, 0.01}, {0.3, 0.5}, {1.0, 6.0}}) {
                int n = 12;
                Rbm rbm = randomRealRbm(rnd, n, m, scales[0] * 8.0 / m, scales[1]);
                int[][] pairs = new int[n][];
                for (int i = 0; i < n; i++) {
                    pairs[i] = new int[] {i, (i + 1) % n};
                }
                rbm.tabulateExchanges(pairs);
                assertTrue(rbm.realProducts, "weights within the budget");
                RbmCache real = rbm.newCache();
                RbmCache complex = rbm.newCache();
                int[] x = new int[n];
                for (int i = 0; i < n; i++) {
                    x[i] = rnd.nextBoolean() ? 1 : -1;
                }
                real.reset(x);
                complex.reset(x);
                int[] sites = new int[2];
                for (int step = 0; step < 400; step++) {
                    int count = rnd.nextInt(3) == 0 ? 2 : 1;
                    sites[0] = rnd.nextInt(n);
                    sites[1] = count == 2 ? (rnd.nextBoolean() ? (sites[0] + 1) % n : (sites[0] + 5) % n) : 0;
                    assertSameRatio(rbm, real, complex, sites, count);
                    realMoves++;
                    if (rnd.nextBoolean()) {
                        rbm.realProducts = true;
                        real.applyMove(sites, sites, 0, count);
                        rbm.realProducts = false;
                        complex.applyMove(sites, sites, 0, count);
                        rbm.realProducts = true;
                        assertSameState(real, complex, m);
                    }
                }
            }
        }
        assertTrue(realMoves > 1000);
    }

    /**
     * {@link RbmRealKernels#productsOneFlip} gives each of its two products the bits of
     * {@link RbmRealKernels#productOneFlip}: flips and tabulated exchanges of either sign, M below, at and
     * not a multiple of the product lanes, saturated and mixed hidden units.
     */
    @Test
    void pairedProductsAreTheSameBitsAsOneByOne() {
        SplittableRandom rnd = new SplittableRandom(6);
        for (int m : new int[] {1, 3, 4, 7, 13, 20, 21, 38}) {
            int n = 9;
            Rbm rbm = randomRealRbm(rnd, n, m, 4.0 / m, 2.0);
            int[][] pairs = new int[n][];
            for (int i = 0; i < n; i++) {
                pairs[i] = new int[] {i, (i + 2) % n};
            }
            rbm.tabulateExchanges(pairs);
            double[] comp = new double[m];
            double[] upper = new double[m];
            double[] lanes = new double[2 * RbmRealKernels.PRODUCT_LANES];
            double[] both = new double[2];
            for (int trial = 0; trial < 200; trial++) {
                for (int j = 0; j < m; j++) {
                    double theta = 8.0 * (2.0 * rnd.nextDouble() - 1.0);
                    double s = theta >= 0.0 ? 1.0 : -1.0;
                    upper[j] = theta >= 0.0 ? 1.0 : 0.0;
                    comp[j] = s - Math.tanh(theta);
                }
                boolean pair1 = rnd.nextBoolean();
                boolean pair2 = rnd.nextBoolean();
                double[] plus1 = pair1 ? rbm.pairExpRe : rbm.exp2wRe;
                double[] minus1 = pair1 ? rbm.pairExpMinusRe : rbm.expMinus2wRe;
                double[] plus2 = pair2 ? rbm.pairExpRe : rbm.exp2wRe;
                double[] minus2 = pair2 ? rbm.pairExpMinusRe : rbm.expMinus2wRe;
                int base1 = rnd.nextInt(n) * m;
                int base2 = rnd.nextInt(n) * m;
                double sign1 = rnd.nextBoolean() ? 1.0 : -1.0;
                double sign2 = rnd.nextBoolean() ? 1.0 : -1.0;
                RbmRealKernels.productsOneFlip(plus1, minus1, base1, sign1, plus2, minus2, base2, sign2, comp, upper, m,
                        lanes, both);
                double one1 = RbmRealKernels.productOneFlip(plus1, minus1, base1, sign1, comp, upper, m, lanes);
                double one2 = RbmRealKernels.productOneFlip(plus2, minus2, base2, sign2, comp, upper, m, lanes);
                assertEquals(Double.doubleToRawLongBits(one1), Double.doubleToRawLongBits(both[0]), "first, M = " + m);
                assertEquals(Double.doubleToRawLongBits(one2), Double.doubleToRawLongBits(both[1]), "second, M = " + m);
            }
        }
    }

    /**
     * The ratios of a real RBM's local estimator ({@link RbmCache#ratios}: flips and tabulated exchanges in pairs,
     * an odd one out, moves the real kernels do not take) are those of {@link RbmCache#ratio}, bit for bit, at M not
     * a multiple of the product lanes, along a walk.
     */
    @Test
    void pairedRatiosAreTheSameBitsAsOneByOne() {
        SplittableRandom rnd = new SplittableRandom(66);
        for (int m : new int[] {5, 18, 23}) {
            int n = 11;
            Rbm rbm = randomRealRbm(rnd, n, m, 3.0 / m, 1.0);
            int[][] pairs = new int[n][];
            for (int i = 0; i < n; i++) {
                pairs[i] = new int[] {i, (i + 1) % n};
            }
            rbm.tabulateExchanges(pairs);
            assertTrue(rbm.realProducts);
            RbmCache cache = rbm.newCache();
            int[] x = new int[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextBoolean() ? 1 : -1;
            }
            cache.reset(x);
            // every flip, every bond (an exchange where the spins differ, else two flips), a non-bond pair, three flips
            int[] sites = new int[n + 2 * n + 2 + 3];
            int[] offsets = new int[2 * n + 2];
            int[] counts = new int[offsets.length];
            double[] batch = new double[2 * offsets.length];
            double[] one = new double[2];
            for (int walk = 0; walk < 50; walk++) {
                int moves = 0;
                int used = 0;
                for (int i = 0; i < n; i++) {
                    offsets[moves] = used;
                    counts[moves++] = 1;
                    sites[used++] = i;
                    offsets[moves] = used;
                    counts[moves++] = 2;
                    sites[used++] = i;
                    sites[used++] = (i + 1) % n;
                }
                offsets[moves] = used;
                counts[moves++] = 2;
                sites[used++] = 0;
                sites[used++] = 5;
                offsets[moves] = used;
                counts[moves++] = 3;
                sites[used++] = 1;
                sites[used++] = 4;
                sites[used++] = 8;
                cache.ratios(sites, sites, offsets, counts, moves, batch);
                for (int k = 0; k < moves; k++) {
                    cache.ratio(sites, sites, offsets[k], counts[k], one);
                    assertEquals(Double.doubleToRawLongBits(one[0]), Double.doubleToRawLongBits(batch[2 * k]),
                            "move " + k + ", M = " + m + ", walk " + walk);
                    assertEquals(Double.doubleToRawLongBits(one[1]), Double.doubleToRawLongBits(batch[2 * k + 1]));
                }
                int k = rnd.nextInt(moves);
                cache.applyMove(sites, sites, offsets[k], counts[k]);
            }
        }
    }

    @Test
    void weightsBeyondTheBudgetKeepTheComplexKernels() {
        Rbm rbm = Rbm.realWithHiddenUnits(4, 40);
        double[] p = new double[rbm.parameterArrayLength()];
        // site 0: Σⱼ|W_j0| = 40 × 0.81 = 32.4 > 32
        for (int j = 0; j < 40; j++) {
            p[4 + 40 + j * 4] = 0.81;
        }
        rbm.setParameters(p);
        assertFalse(rbm.realProducts);
        p[4 + 40] = 0.0; // 39 × 0.81 = 31.6
        rbm.setParameters(p);
        assertTrue(rbm.realProducts);
        assertFalse(Rbm.complexWithHiddenUnits(4, 4).realProducts, "a complex RBM never");
    }
}
