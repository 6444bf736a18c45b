package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;

class SymmetricRbmTest {
    private static final int[][] RING6 = Lattice.chain(6, Boundary.PERIODIC, false).translations();
    private static final int[][] TORUS = Lattice.rectangular(3, 2, Boundary.PERIODIC, false).translations();

    /** log ψ straight from the definition θ_{f,g} = b_f + Σᵢ w_f(i) σ_{g(i)}, in the public layout. */
    private static double[] definitionLogPsi(double[] p, boolean complex, int[][] group, int alpha, int[] sigma) {
        int n = sigma.length;
        double re = 0.0;
        double im = 0.0;
        for (int i = 0; i < n; i++) {
            re += Reference.get(p, complex, 0, 0) * sigma[i];
            im += Reference.get(p, complex, 0, 1) * sigma[i];
        }
        for (int f = 0; f < alpha; f++) {
            for (int[] g : group) {
                double tr = Reference.get(p, complex, 1 + f, 0);
                double ti = Reference.get(p, complex, 1 + f, 1);
                for (int i = 0; i < n; i++) {
                    tr += Reference.get(p, complex, 1 + alpha + f * n + i, 0) * sigma[g[i]];
                    ti += Reference.get(p, complex, 1 + alpha + f * n + i, 1) * sigma[g[i]];
                }
                double[] lc = Reference.naiveLogCosh(tr, ti);
                re += lc[0];
                im += lc[1];
            }
        }
        return new double[] {re, im};
    }

    @Test
    void parameterCountIsOnePlusAlphaTimesNPlusOne() {
        SymmetricRbm real = SymmetricRbm.real(TORUS, 3);
        assertEquals(1 + 3 + 3 * 6, real.nParameters());
        assertEquals(real.nParameters(), real.parameterArrayLength());
        SymmetricRbm complex = SymmetricRbm.complex(RING6, 2);
        assertEquals(2 * (1 + 2 + 2 * 6), complex.parameterArrayLength());
        assertEquals(6, complex.groupSize());
        assertTrue(complex.description().contains("M=12"), complex.description());
        assertTrue(complex.outerProductJacobian().isEmpty(), "tied rows have no plain RBM product form");
    }

    @Test
    void logPsiFollowsTheDefinition() {
        SplittableRandom rnd = new SplittableRandom(41);
        for (boolean complex : new boolean[] {false, true}) {
            SymmetricRbm psi = complex ? SymmetricRbm.complex(TORUS, 2) : SymmetricRbm.real(TORUS, 2);
            double[] p = Reference.randomParameters(rnd, psi.parameterArrayLength(), 0.6);
            psi.setParameters(p);
            double[] back = new double[p.length];
            psi.getParameters(back);
            assertArrayEquals(p, back, 0.0);
            double[] log = new double[2];
            for (int trial = 0; trial < 8; trial++) {
                int[] sigma = Reference.randomConfiguration(rnd, 6);
                psi.logPsi(sigma, log);
                Reference.assertLogEquals(definitionLogPsi(p, complex, TORUS, 2, sigma), log, 1e-12,
                        "complex=" + complex);
            }
        }
    }

    @Test
    void expandedParametersGiveAPlainRbmOfDensityAlphaWithTheSameAmplitudes() {
        SplittableRandom rnd = new SplittableRandom(43);
        for (boolean complex : new boolean[] {false, true}) {
            SymmetricRbm psi = complex ? SymmetricRbm.complex(TORUS, 2) : SymmetricRbm.real(TORUS, 2);
            double[] p = Reference.randomParameters(rnd, psi.parameterArrayLength(), 0.6);
            psi.setParameters(p);
            Rbm full = complex ? Rbm.complex(6, 2) : Rbm.real(6, 2);
            full.setParameters(psi.expandedParameters());
            double[] log = new double[2];
            for (int trial = 0; trial < 8; trial++) {
                int[] sigma = Reference.randomConfiguration(rnd, 6);
                full.logPsi(sigma, log);
                Reference.assertLogEquals(definitionLogPsi(p, complex, TORUS, 2, sigma), log, 1e-12,
                        "complex=" + complex);
            }
        }
    }

    @Test
    void amplitudeIsInvariantUnderEveryTranslation() {
        SplittableRandom rnd = new SplittableRandom(42);
        SymmetricRbm psi = SymmetricRbm.complex(RING6, 3);
        psi.setParameters(Reference.randomParameters(rnd, psi.parameterArrayLength(), 0.8));
        int[] sigma = Reference.randomConfiguration(rnd, 6);
        double[] log = new double[2];
        psi.logPsi(sigma, log);
        double[] moved = new double[2];
        for (int[] g : RING6) {
            int[] image = new int[6];
            for (int i = 0; i < 6; i++) {
                image[i] = sigma[g[i]];
            }
            psi.logPsi(image, moved);
            Reference.assertLogEquals(log, moved, 1e-12, "translated configuration");
        }
    }

    @Test
    void realLogDerivativesMatchCentralDifferences() {
        SplittableRandom rnd = new SplittableRandom(43);
        SymmetricRbm psi = SymmetricRbm.real(TORUS, 2);
        Reference.assertLogDerivativesMatchDifferences(psi,
                Reference.randomParameters(rnd, psi.parameterArrayLength(), 0.5), Reference.randomConfiguration(rnd, 6));
    }

    @Test
    void complexLogDerivativesAreHolomorphicDerivatives() {
        SplittableRandom rnd = new SplittableRandom(44);
        SymmetricRbm psi = SymmetricRbm.complex(RING6, 2);
        Reference.assertLogDerivativesMatchDifferences(psi,
                Reference.randomParameters(rnd, psi.parameterArrayLength(), 0.5), Reference.randomConfiguration(rnd, 6));
    }

    @Test
    void walkedCacheAgreesWithAFreshOne() {
        SplittableRandom rnd = new SplittableRandom(45);
        SymmetricRbm psi = SymmetricRbm.complex(TORUS, 2);
        double[] p = Reference.randomParameters(rnd, psi.parameterArrayLength(), 0.5);
        psi.setParameters(p);
        WalkerCache walked = Reference.walkedCacheAgreesWithAFreshOne(psi, rnd, 40, 1e-11);
        double[] after = new double[2];
        walked.logPsi(after);
        Reference.assertLogEquals(definitionLogPsi(p, true, TORUS, 2, walked.configuration()), after, 1e-11, "after walk");
    }

    @Test
    void badArgumentsAreRejectedWithClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymmetricRbm.real(new int[][] {{0, 1, 2}, {1, 1, 2}}, 1));
        assertTrue(e.getMessage().contains("symmetry 1 is not a permutation"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SymmetricRbm.real(new int[][] {{0, 1, 2}, {0, 1}}, 1));
        assertTrue(e.getMessage().contains("must map all N = 3 sites"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SymmetricRbm.real(RING6, 0));
        assertTrue(e.getMessage().contains("alpha must be a positive integer"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SymmetricRbm.real(new int[0][], 1));
        assertTrue(e.getMessage().contains("at least one permutation"), e.getMessage());
    }
}
