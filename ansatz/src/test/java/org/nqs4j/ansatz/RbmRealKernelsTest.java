package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The real kernels of a real RBM give the same bits as the complex vector kernels they replace
 * (ratios of one flip and of tabulated exchanges where the products have the complex kernels' lanes,
 * else the same to the rounding of the products' order; θ and tanh θ after accepted moves), the products
 * the bits of 4 lanes on any host, and are used only within the weight budget.
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
     * The one-flip product has the bits of its definition on 4 lanes whatever the host's vectors: lane l multiplies
     * the factors of units j ≡ l (mod 4) below the last whole vector, the lanes are folded in order, then the tail's
     * factors in unit order (a scalar reference of exactly those operations); flips and tabulated exchanges of either
     * sign, M below, at and not a multiple of 4, saturated and mixed hidden units.
     */
    @Test
    void productsHaveTheBitsOfFourLanesOnAnyHost() {
        assertEquals(Math.min(4, RbmVectorKernels.LANES), RbmRealKernels.PRODUCT_LANES);
        int lanesOfProduct = RbmRealKernels.PRODUCT_LANES;
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
            double[] lanes = new double[lanesOfProduct];
            for (int trial = 0; trial < 200; trial++) {
                for (int j = 0; j < m; j++) {
                    double theta = 8.0 * (2.0 * rnd.nextDouble() - 1.0);
                    upper[j] = theta >= 0.0 ? 1.0 : 0.0;
                    comp[j] = (theta >= 0.0 ? 1.0 : -1.0) - Math.tanh(theta);
                }
                boolean pair = rnd.nextBoolean();
                double[] ePos = pair ? rbm.pairExpRe : rbm.exp2wRe;
                double[] eNeg = pair ? rbm.pairExpMinusRe : rbm.expMinus2wRe;
                int base = rnd.nextInt(n) * m;
                double sign = rnd.nextBoolean() ? 1.0 : -1.0;
                double[] plus = sign > 0 ? ePos : eNeg;
                double[] minus = sign > 0 ? eNeg : ePos;
                int bound = m - m % lanesOfProduct;
                double[] lane = new double[lanesOfProduct];
                java.util.Arrays.fill(lane, 1.0);
                double expected = 1.0;
                for (int j = 0; j < m; j++) {
                    double a = plus[base + j];
                    double b = minus[base + j];
                    double h = upper[j];
                    double f = (h * b + (1.0 - h) * a) + comp[j] * ((a - b) * 0.5);
                    if (j < bound) {
                        lane[j % lanesOfProduct] *= f;
                    } else {
                        if (j == bound) {
                            for (double l : lane) {
                                expected *= l;
                            }
                        }
                        expected *= f;
                    }
                }
                if (bound == m) {
                    for (double l : lane) {
                        expected *= l;
                    }
                }
                double product = RbmRealKernels.productOneFlip(ePos, eNeg, base, sign, comp, upper, m, lanes);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(product), "M = " + m);
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
