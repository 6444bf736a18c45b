package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;

class ProjectedWaveFunctionTest {
    private static final int[][] C4V = Lattice.square(3, Boundary.PERIODIC, false).pointGroup();

    /** A plain RBM (no symmetry of its own) on the 3×3 torus, projected onto C4v and, if asked, the spin flip. */
    private static ProjectedWaveFunction projected(boolean complex, boolean spinFlip, double[] params) {
        Rbm rbm = complex ? Rbm.complex(9, 1) : Rbm.real(9, 1);
        ProjectedWaveFunction psi = ProjectedWaveFunction.of(rbm, C4V, spinFlip);
        psi.setParameters(params);
        return psi;
    }

    /** ψ_K(σ) = Σ_k ψ(τ_k σ) summed as plain complex numbers from the RBM's textbook log ψ. */
    private static double[] definitionLogPsi(double[] p, boolean complex, boolean spinFlip, int[] sigma) {
        double re = 0.0;
        double im = 0.0;
        for (int[] g : C4V) {
            for (int s = 1; s >= (spinFlip ? -1 : 1); s -= 2) {
                int[] image = new int[9];
                for (int i = 0; i < 9; i++) {
                    image[i] = s * sigma[g[i]];
                }
                double[] log = Reference.rbmLogPsi(p, complex, 9, 9, image);
                re += Math.exp(log[0]) * Math.cos(log[1]);
                im += Math.exp(log[0]) * Math.sin(log[1]);
            }
        }
        return new double[] {Math.log(Math.hypot(re, im)), Math.atan2(im, re)};
    }

    @Test
    void logPsiIsTheSumOverImages() {
        SplittableRandom rnd = new SplittableRandom(61);
        for (boolean complex : new boolean[] {false, true}) {
            for (boolean spinFlip : new boolean[] {false, true}) {
                double[] p = Reference.randomParameters(rnd, (complex ? 2 : 1) * (9 + 9 + 81), 0.4);
                ProjectedWaveFunction psi = projected(complex, spinFlip, p);
                assertEquals(spinFlip ? 16 : 8, psi.images());
                double[] log = new double[2];
                for (int trial = 0; trial < 6; trial++) {
                    int[] sigma = Reference.randomConfiguration(rnd, 9);
                    psi.logPsi(sigma, log);
                    Reference.assertLogEquals(definitionLogPsi(p, complex, spinFlip, sigma), log, 1e-11,
                            "complex=" + complex + ", spin flip=" + spinFlip);
                    WalkerCache cache = psi.newCache();
                    cache.reset(sigma);
                    double[] cached = new double[2];
                    cache.logPsi(cached);
                    Reference.assertLogEquals(log, cached, 1e-11, "cache after reset");
                }
            }
        }
    }

    @Test
    void amplitudeIsInvariantUnderTheGroupAndTheSpinFlip() {
        SplittableRandom rnd = new SplittableRandom(62);
        ProjectedWaveFunction psi = projected(true, true, Reference.randomParameters(rnd, 2 * 99, 0.5));
        int[] sigma = Reference.randomConfiguration(rnd, 9);
        double[] log = new double[2];
        psi.logPsi(sigma, log);
        double[] moved = new double[2];
        for (int[] g : C4V) {
            int[] image = new int[9];
            for (int i = 0; i < 9; i++) {
                image[i] = -sigma[g[i]];
            }
            psi.logPsi(image, moved);
            Reference.assertLogEquals(log, moved, 1e-11, "rotated or reflected, and flipped");
        }
    }

    @Test
    void logDerivativesMatchCentralDifferences() {
        SplittableRandom rnd = new SplittableRandom(63);
        for (boolean complex : new boolean[] {false, true}) {
            ProjectedWaveFunction psi = projected(complex, true, new double[(complex ? 2 : 1) * 99]);
            Reference.assertLogDerivativesMatchDifferences(psi,
                    Reference.randomParameters(rnd, psi.parameterArrayLength(), 0.3), Reference.randomConfiguration(rnd, 9));
        }
    }

    /**
     * A walk of accepted moves, half of them after the move's {@link WalkerCache#ratio} (whose
     * image ratios the cache reuses) and half without: ratios, log ratios and the final tables
     * agree with a cache built from scratch, and log ψ with the definition.
     */
    @Test
    void walkedCacheAgreesWithAFreshOne() {
        SplittableRandom rnd = new SplittableRandom(64);
        double[] p = Reference.randomParameters(rnd, 2 * 99, 0.5);
        ProjectedWaveFunction psi = projected(true, true, p);
        WalkerCache walked = Reference.walkedCacheAgreesWithAFreshOne(psi, rnd, 60, 1e-10);
        double[] after = new double[2];
        walked.logPsi(after);
        Reference.assertLogEquals(definitionLogPsi(p, true, true, walked.sigma()), after, 1e-10, "after the walk");
    }

    @Test
    void badGroupsAreRejectedWithClearMessages() {
        Rbm rbm = Rbm.real(3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProjectedWaveFunction.of(rbm, new int[][] {{1, 2, 0}}, false));
        assertTrue(e.getMessage().contains("do not contain the identity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ProjectedWaveFunction.of(rbm, new int[][] {{0, 1, 2}, {1, 2, 0}}, false));
        assertTrue(e.getMessage().contains("not a group"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ProjectedWaveFunction.of(rbm, new int[][] {{0, 1, 2}, {0, 1, 2}}, false));
        assertTrue(e.getMessage().contains("repeat"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProjectedWaveFunction.of(rbm, new int[][] {{0, 1}}, false));
        assertTrue(e.getMessage().contains("must map all N = 3 sites"), e.getMessage());
        ProjectedWaveFunction ok = ProjectedWaveFunction.of(rbm, new int[][] {{0, 1, 2}, {2, 1, 0}}, true);
        assertTrue(ok.description().contains("|K|=4"), ok.description());
        assertTrue(ok.rbmLogDerivativeLayout().isEmpty(), "projected rows have no plain RBM product form");
    }
}
