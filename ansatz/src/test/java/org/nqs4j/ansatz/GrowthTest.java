package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;

/**
 * {@link WaveFunction#embedSmaller}: a trained ansatz grown by hidden units (features) whose
 * parameters are zero is the same state, log cosh 0 = 0, so log ψ agrees to the last bit on every
 * configuration; the added units keep the values they had; shapes that do not fit are refused.
 */
class GrowthTest {
    private static final int[][] RING6 = Lattice.chain(6, Boundary.PERIODIC, false).translations();

    private static void assertSameState(WaveFunction small, WaveFunction big) {
        SplittableRandom rnd = new SplittableRandom(4);
        double[] a = new double[2];
        double[] b = new double[2];
        for (int k = 0; k < 20; k++) {
            int[] sigma = new int[small.nSites()];
            for (int i = 0; i < sigma.length; i++) {
                sigma[i] = rnd.nextBoolean() ? 1 : -1;
            }
            small.logPsi(sigma, a);
            big.logPsi(sigma, b);
            assertArrayEquals(a, b, 0.0);
        }
    }

    /** Draws {@code small}, embeds it into zeros of {@code big}, checks the state; returns small's parameters. */
    private static double[] growByZeros(WaveFunction small, WaveFunction big, long seed) {
        GaussianParameters.initialise(small, seed, 0.4);
        double[] s = new double[small.parameterArrayLength()];
        small.getParameters(s);
        double[] p = new double[big.parameterArrayLength()];
        assertTrue(big.embedSmaller(s, p));
        big.setParameters(p);
        assertSameState(small, big);
        return s;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void rbmGrownByZeroUnitsIsTheSameState(boolean complex) {
        // α = 1 → 3 on 6 sites: M = 6 → 18 hidden units
        Rbm small = complex ? Rbm.complex(6, 1) : Rbm.real(6, 1);
        Rbm big = complex ? Rbm.complex(6, 3) : Rbm.real(6, 3);
        double[] s = growByZeros(small, big, 1);
        double[] p = new double[big.parameterArrayLength()];
        java.util.Arrays.fill(p, 7.0);
        assertTrue(big.embedSmaller(s, p));
        int c = complex ? 2 : 1;
        assertEquals(7.0, p[c * (6 + 6)], 0.0, "b of the first added unit (M' = 6) is kept");
        assertEquals(s[c * (6 + 5)], p[c * (6 + 5)], 0.0, "b of the last trained unit is copied");
        assertEquals(7.0, p[p.length - 1], 0.0, "the last added weight is kept");
        assertFalse(big.embedSmaller(new double[c * 7], p), "7 parameters are no RBM on 6 sites");
        assertFalse(small.embedSmaller(p, s), "a larger RBM does not fit a smaller one");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void symmetricRbmGrownByZeroFeaturesIsTheSameState(boolean complex) {
        SymmetricRbm small = complex ? SymmetricRbm.complex(RING6, 1) : SymmetricRbm.real(RING6, 1);
        SymmetricRbm big = complex ? SymmetricRbm.complex(RING6, 2) : SymmetricRbm.real(RING6, 2);
        growByZeros(small, big, 2);
        double[] p = new double[big.parameterArrayLength()];
        assertFalse(big.embedSmaller(new double[(complex ? 2 : 1) * 9], p), "9 parameters are no feature set on 6 sites");
    }
}
