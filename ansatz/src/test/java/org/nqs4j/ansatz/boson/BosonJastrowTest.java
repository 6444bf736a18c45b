package org.nqs4j.ansatz.boson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.WalkerCache;

class BosonJastrowTest {
    private static BosonJastrow randomised(int l, int nMax, long seed, double scale) {
        BosonJastrow psi = BosonJastrow.of(l, nMax);
        psi.setParameters(BosonCacheChecks.gaussian(new SplittableRandom(seed), psi.nParameters(), scale));
        return psi;
    }

    @Test
    void logPsiIsThePairSumPlusTheOnSiteTable() {
        // L = 3, n_max = 2: v01, v02, v12, then g_0(1), g_0(2), g_1(1), g_1(2), g_2(1), g_2(2)
        BosonJastrow psi = BosonJastrow.of(3, 2);
        psi.setParameters(new double[] {0.1, -0.2, 0.3, 1, 2, 3, 4, 5, 6});
        double[] out = new double[2];
        psi.logPsi(new int[] {2, 1, 0}, out);
        assertEquals(0.1 * 2 * 1 + 2 + 3, out[0], 1e-15);
        psi.logPsi(new int[] {1, 0, 2}, out);
        assertEquals(-0.2 * 2 + 1 + 6, out[0], 1e-15);
        double[] back = new double[9];
        psi.getParameters(back);
        assertArrayEquals(new double[] {0.1, -0.2, 0.3, 1, 2, 3, 4, 5, 6}, back);
    }

    @Test
    void theCondensateAmplitudeIsTheMultinomialSquareRoot() {
        // ψ(n)² ∝ N!/Π n_i!: ψ(4,0,0)² / ψ(1,1,2)² = (4!/4!) / (4!/2!) = 1/12
        BosonJastrow psi = BosonJastrow.condensate(3, 4);
        double[] a = new double[2];
        double[] b = new double[2];
        psi.logPsi(new int[] {4, 0, 0}, a);
        psi.logPsi(new int[] {1, 1, 2}, b);
        assertEquals(Math.log(1.0 / 12), 2 * (a[0] - b[0]), 1e-14);
    }

    @Test
    void cacheRatiosAndUpdatesAgreeWithScratchAlongAWalk() {
        BosonCacheChecks.assertWalkAgreesWithScratch(randomised(7, 4, 3, 0.3), 4, 7, 21, 500, 1e-11);
    }

    @Test
    void logDerivativesMatchFiniteDifferences() {
        BosonCacheChecks.assertLogDerivativesMatchDifferences(randomised(4, 3, 5, 0.3), new int[] {3, 0, 1, 2}, 1e-8);
    }

    @Test
    void occupationsOutsideTheCutoffAreRefused() {
        BosonJastrow psi = BosonJastrow.of(3, 2);
        WalkerCache cache = psi.newCache();
        assertThrows(IllegalArgumentException.class, () -> cache.reset(new int[] {3, 0, 0}));
        cache.reset(new int[] {2, 0, 0});
        assertThrows(IllegalArgumentException.class,
                () -> cache.logRatio(new int[] {0}, new int[] {-1}, 0, 1, new double[2]));
    }
}
