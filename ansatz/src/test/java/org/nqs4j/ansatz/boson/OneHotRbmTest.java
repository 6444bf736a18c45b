package org.nqs4j.ansatz.boson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.WalkerCache;

class OneHotRbmTest {
    /**
     * log ψ from the layout in the 0/1 encoding: σ = 2v − 1 with v_{i,m} = δ(n_i, m), log cosh
     * from the textbook complex formula (moderate |θ| only).
     */
    static double[] reference(double[] p, boolean complex, int l, int nMax, int m, int[] n) {
        int units = l * (nMax + 1);
        double[] re = new double[2];
        for (int i = 0; i < l; i++) {
            for (int k = 0; k <= nMax; k++) {
                int s = n[i] == k ? 1 : -1;
                int u = i * (nMax + 1) + k;
                re[0] += get(p, complex, u, 0) * s;
                re[1] += get(p, complex, u, 1) * s;
            }
        }
        for (int j = 0; j < m; j++) {
            double tr = get(p, complex, units + j, 0);
            double ti = get(p, complex, units + j, 1);
            for (int u = 0; u < units; u++) {
                int s = n[u / (nMax + 1)] == u % (nMax + 1) ? 1 : -1;
                tr += get(p, complex, units + m + j * units + u, 0) * s;
                ti += get(p, complex, units + m + j * units + u, 1) * s;
            }
            double cr = Math.cosh(tr) * Math.cos(ti);
            double ci = Math.sinh(tr) * Math.sin(ti);
            re[0] += Math.log(Math.hypot(cr, ci));
            re[1] += Math.atan2(ci, cr);
        }
        return re;
    }

    private static double get(double[] p, boolean complex, int k, int part) {
        return complex ? p[2 * k + part] : part == 0 ? p[k] : 0;
    }

    private static OneHotRbm randomised(boolean complex, int l, int nMax, int alpha, long seed, double scale) {
        OneHotRbm psi = complex ? OneHotRbm.complex(l, nMax, alpha) : OneHotRbm.real(l, nMax, alpha);
        psi.setParameters(BosonCacheChecks.gaussian(new SplittableRandom(seed), psi.parameterArrayLength(), scale));
        return psi;
    }

    @Test
    void parameterCountIsTheRbmsOverOneHotUnits() {
        OneHotRbm psi = OneHotRbm.real(8, 4, 2);
        assertEquals(16, psi.nHidden());
        assertEquals(40 + 16 + 40 * 16, psi.nParameters());
        assertEquals(8, psi.configurationSize());
    }

    @Test
    void logPsiEqualsTheOneHotFormula() {
        for (boolean complex : new boolean[] {false, true}) {
            OneHotRbm psi = randomised(complex, 5, 3, 2, 7, 0.3);
            double[] p = new double[psi.parameterArrayLength()];
            psi.getParameters(p);
            SplittableRandom rnd = new SplittableRandom(3);
            for (int t = 0; t < 20; t++) {
                int[] n = BosonCacheChecks.randomOccupations(rnd, 5, 3, 6);
                double[] expected = reference(p, complex, 5, 3, psi.nHidden(), n);
                double[] actual = BosonCacheChecks.logPsi(psi, n);
                assertEquals(expected[0], actual[0], 1e-11);
                assertEquals(0, BosonCacheChecks.wrap(expected[1] - actual[1]), 1e-11);
            }
        }
    }

    @Test
    void cacheRatiosAndUpdatesAgreeWithScratchAlongAWalk() {
        for (boolean complex : new boolean[] {false, true}) {
            BosonCacheChecks.assertWalkAgreesWithScratch(randomised(complex, 6, 4, 2, 11, 0.2), 4, 6, 5, 400, 1e-10);
        }
    }

    @Test
    void saturatedHiddenUnitsStayFiniteAndExact() {
        // |θ| ~ 10³: cosh overflows in the linear domain; every ratio must still match scratch
        BosonCacheChecks.assertWalkAgreesWithScratch(randomised(false, 6, 3, 1, 13, 40), 3, 6, 9, 200, 1e-7);
    }

    @Test
    void logDerivativesMatchFiniteDifferences() {
        for (boolean complex : new boolean[] {false, true}) {
            OneHotRbm psi = randomised(complex, 4, 2, 1, 17, 0.3);
            BosonCacheChecks.assertLogDerivativesMatchDifferences(psi, new int[] {2, 0, 1, 1}, 1e-7);
        }
    }

    @Test
    void logDerivativeFactorsAreTheFirstColumnsOfTheRow() {
        OneHotRbm psi = randomised(false, 4, 2, 1, 19, 0.3);
        WalkerCache cache = psi.newCache();
        cache.reset(new int[] {0, 2, 1, 1});
        double[] row = new double[psi.parameterArrayLength()];
        cache.logDerivatives(row, 0);
        int factors = 4 * 3 + psi.nHidden();
        double[] f = new double[factors];
        cache.logDerivativeFactors(f, 0);
        for (int k = 0; k < factors; k++) {
            assertEquals(row[k], f[k], 0);
        }
        assertTrue(psi.outerProductJacobian().isPresent());
    }

    @Test
    void occupationsOutsideTheCutoffAreRefused() {
        OneHotRbm psi = OneHotRbm.real(3, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> psi.newCache().reset(new int[] {3, 0, 0}));
        WalkerCache cache = psi.newCache();
        cache.reset(new int[] {2, 0, 0});
        assertThrows(IllegalArgumentException.class,
                () -> cache.logRatio(new int[] {0, 1}, new int[] {1, 3}, 0, 2, new double[2]));
    }
}
