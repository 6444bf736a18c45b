package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.ClassicalSpiral;
import org.nqs4j.hamiltonians.Lattice;

/**
 * ψ = ω^{Σ cᵢ nᵢ} φ with the 120° phases of the triangular 6 × 3 torus: every ratio, batch of
 * ratios and walked amplitude equals log ψ from scratch (the phase counted from the configuration
 * itself), the modulus is φ's, and the phase moves under a translation by ω^{−s N↑}.
 */
class SublatticePhasesTest {
    private static final Lattice TRIANGULAR = Lattice.triangular(6, 3, Boundary.PERIODIC, 1);

    @Test
    void walkedRatiosAndAmplitudesAgreeWithScratch() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = TRIANGULAR.nSites();
        int[] c = ClassicalSpiral.of(TRIANGULAR).orElseThrow().phaseIndex();
        int q = ClassicalSpiral.of(TRIANGULAR).orElseThrow().period();
        Rbm rbm = Rbm.complex(n, 1);
        rbm.setParameters(Reference.randomParameters(rnd, rbm.parameterArrayLength(), 0.3));
        SublatticePhases psi = new SublatticePhases(rbm, c, q, "120");
        WalkerCache cache = psi.newCache();
        WalkerCache network = rbm.newCache();
        int[] sigma = new int[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = i < n / 2 ? 1 : -1;
        }
        cache.reset(sigma);
        network.reset(sigma);
        double[] out = new double[2];
        double[] before = new double[2];
        double[] after = new double[2];
        for (int step = 0; step < 200; step++) {
            int[] x = cache.configuration();
            int i = rnd.nextInt(n);
            int j = rnd.nextInt(n);
            if (x[i] == x[j]) {
                continue;
            }
            int[] sites = {i, j};
            int[] values = {x[j], x[i]};
            int[] moved = x.clone();
            moved[i] = x[j];
            moved[j] = x[i];
            psi.logPsi(x, before);
            psi.logPsi(moved, after);
            cache.logRatio(sites, values, 0, 2, out);
            assertEquals(after[0] - before[0], out[0], 1e-10, "Re log ratio, step " + step);
            assertEquals(0, remainder(after[1] - before[1] - out[1]), 1e-10, "Im log ratio, step " + step);
            double[] expected = {Math.exp(out[0]) * Math.cos(out[1]), Math.exp(out[0]) * Math.sin(out[1])};
            cache.ratio(sites, values, 0, 2, out);
            assertArrayEquals(expected, out, 1e-10 * Math.hypot(expected[0], expected[1]), "ratio, step " + step);
            double[] modulus = new double[2];
            double[] networkModulus = new double[2];
            cache.ratioModulus2(sites, values, 0, 2, modulus);
            network.ratioModulus2(sites, values, 0, 2, networkModulus);
            assertArrayEquals(networkModulus, modulus, 0.0, "|ψ'/ψ|² is the network's, step " + step);
            // a batch of two moves: this one and its reverse order of the same sites, each as ratio() gives it
            double[] batch = new double[4];
            cache.ratios(new int[] {i, j, j, i}, new int[] {x[j], x[i], x[i], x[j]}, new int[] {0, 2},
                    new int[] {2, 2}, 2, batch);
            assertEquals(out[0], batch[0], 1e-12 * Math.hypot(out[0], out[1]), "batched Re, step " + step);
            assertEquals(out[1], batch[1], 1e-12 * Math.hypot(out[0], out[1]), "batched Im, step " + step);
            assertEquals(batch[0], batch[2], 1e-12 * Math.hypot(out[0], out[1]), "same move, step " + step);
            if (rnd.nextBoolean()) {
                cache.applyMove(sites, values, 0, 2);
                network.applyMove(sites, values, 0, 2);
                cache.logPsi(out);
                assertEquals(after[0], out[0], 1e-10, "Re log ψ walked, step " + step);
                assertEquals(0, remainder(after[1] - out[1]), 1e-10, "Im log ψ walked, step " + step);
            }
        }
        double[] o = new double[rbm.parameterArrayLength()];
        double[] on = new double[rbm.parameterArrayLength()];
        cache.logDerivatives(o, 0);
        network.logDerivatives(on, 0);
        assertArrayEquals(on, o, 0.0, "the phase has no parameters: O is the network's");
    }

    @Test
    void aTranslationMultipliesThePhaseByOmegaToMinusTheShiftTimesNUp() {
        int[] c = ClassicalSpiral.of(TRIANGULAR).orElseThrow().phaseIndex();
        int q = ClassicalSpiral.of(TRIANGULAR).orElseThrow().period();
        int shifted = 0;
        for (int[] t : TRIANGULAR.translations()) {
            int m9 = SublatticePhases.phaseShift(c, q, t, 9);
            int m8 = SublatticePhases.phaseShift(c, q, t, 8);
            assertEquals(0, m9, "N↑ = 9: every translation keeps the phases");
            int s = Math.floorMod(c[t[0]] - c[0], q);
            assertEquals(Math.floorMod(-8 * s, q), m8);
            shifted += s == 0 ? 0 : 1;
        }
        assertEquals(12, shifted, "two thirds of the 18 translations move the pattern");
        // and from scratch: ψ(tσ)/ψ(σ) = ω^{−s N↑} for a constant network
        Jastrow constant = Jastrow.complex(18);
        SublatticePhases psi = new SublatticePhases(constant, c, q, "120");
        int[] t = TRIANGULAR.translations()[1];
        int s = Math.floorMod(c[t[0]] - c[0], q);
        int[] sigma = new int[18];
        for (int i = 0; i < 18; i++) {
            sigma[i] = i % 3 == 0 || i == 4 ? 1 : -1; // N↑ = 7
        }
        int[] image = new int[18];
        for (int i = 0; i < 18; i++) {
            image[i] = sigma[t[i]];
        }
        double[] a = new double[2];
        double[] b = new double[2];
        psi.logPsi(sigma, a);
        psi.logPsi(image, b);
        assertEquals(0, remainder(b[1] - a[1] + 2 * Math.PI * s * 7 / q), 1e-12);
    }

    @Test
    void refusesARealNetworkAndSublatticesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new SublatticePhases(Rbm.real(3, 1), new int[3], 3, ""));
        assertThrows(IllegalArgumentException.class,
                () -> new SublatticePhases(Rbm.complex(3, 1), new int[] {0, 1, 3}, 3, ""));
        assertThrows(IllegalArgumentException.class, () -> new SublatticePhases(Rbm.complex(3, 1), new int[2], 3, ""));
    }

    /** x reduced to (−π, π]. */
    private static double remainder(double x) {
        return Math.IEEEremainder(x, 2 * Math.PI);
    }
}
