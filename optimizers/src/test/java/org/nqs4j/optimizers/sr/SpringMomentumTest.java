package org.nqs4j.optimizers.sr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.Schedule;

/**
 * SR with SPRING's momentum (Goldshlager, Abrahamsen &amp; Lin 2024): the second step against the
 * paper's Kaczmarz form δ = μδ' + (S + D)⁻¹(F − μSδ'), with S from the triple loop and an LU solve,
 * for the dense solver (P &lt; N_s) and minSR (P &gt; N_s), real and complex; μ = 0 is plain SR; the
 * last direction travels in the state.
 */
class SpringMomentumTest {
    private static final double MU = 0.9;

    private static StochasticReconfiguration spring(SrSolver solver, double mu) {
        return new StochasticReconfiguration(solver, DiagonalShift.absolute(Schedule.constant(0.05)), mu);
    }

    @Test
    void theSecondStepIsTheKaczmarzFormOfTheRegularisedLeastSquares() {
        record Case(String name, Supplier<SrSolver> solver, int n, int p, boolean complex) {
        }
        for (Case c : new Case[] {
                new Case("dense, complex", SrSolvers::denseCholesky, 40, 9, true),
                new Case("dense, real", SrSolvers::denseCholesky, 40, 9, false),
                new Case("minSR, complex", SrSolvers::sampleSpace, 12, 30, true),
                new Case("minSR, real", SrSolvers::sampleSpace, 12, 30, false)}) {
            int row = c.complex() ? 2 * c.p() : c.p();
            LogDerivativeSamples o1 = Reference.randomO(c.n(), c.p(), c.complex(), 11);
            LogDerivativeSamples o2 = Reference.randomO(c.n(), c.p(), c.complex(), 12);
            double[] f1 = Reference.randomVector(row, 13);
            double[] f2 = Reference.randomVector(row, 14);
            StochasticReconfiguration sr = spring(c.solver().get(), MU);
            double[] first = new double[row];
            sr.apply(o1, f1, first, 0);
            assertArrayEquals(Reference.solve(o1, f1, shift(c.p())), first, 1e-10, c.name() + ": the first step is SR's");
            double[] second = new double[row];
            sr.apply(o2, f2, second, 1);

            double[] sDelta = Reference.shiftedSTimes(o2, new double[c.p()], first);
            double[] rhs = new double[row];
            for (int i = 0; i < row; i++) {
                rhs[i] = f2[i] - MU * sDelta[i];
            }
            double[] expected = Reference.solve(o2, rhs, shift(c.p()));
            for (int i = 0; i < row; i++) {
                expected[i] += MU * first[i];
            }
            assertTrue(Reference.relativeDistance(expected, second) < 1e-10,
                    c.name() + ": " + Reference.relativeDistance(expected, second));
            double[] plain = new double[row];
            spring(c.solver().get(), 0).apply(o2, f2, plain, 1);
            assertFalse(Arrays.equals(plain, second), c.name() + ": the momentum must matter in this test");
        }
    }

    @Test
    void withoutMomentumItIsPlainSrBitForBit() {
        // each its own copy: centring is lazy, and the first use of ΔO fixes its rounding (LogDerivativeSamples)
        LogDerivativeSamples o = Reference.randomO(12, 30, true, 5);
        LogDerivativeSamples same = Reference.randomO(12, 30, true, 5);
        double[] f = Reference.randomVector(60, 6);
        double[] spring = new double[60];
        double[] sr = new double[60];
        StochasticReconfiguration zero = spring(SrSolvers.sampleSpace(), 0);
        StochasticReconfiguration plain = new StochasticReconfiguration(SrSolvers.sampleSpace(),
                DiagonalShift.absolute(Schedule.constant(0.05)));
        for (int step = 0; step < 2; step++) {
            zero.apply(o, f, spring, step);
            plain.apply(same, f, sr, step);
            assertArrayEquals(sr, spring, 0.0);
        }
        assertEquals(0, zero.saveState().length, "no state of its own: checkpoints as before");
    }

    /** A run resumed between two steps (or a step undone) continues from the saved last direction. */
    @Test
    void theLastDirectionTravelsInTheState() {
        LogDerivativeSamples o = Reference.randomO(30, 12, true, 7);
        double[] f1 = Reference.randomVector(24, 8);
        double[] f2 = Reference.randomVector(24, 9);
        StochasticReconfiguration a = spring(SrSolvers.conjugateGradient(1e-14, 1), MU);
        double[] out = new double[24];
        double[] before = a.saveState();
        assertEquals(1, before.length, "before the first step: no solver state, no direction");
        a.apply(o, f1, out, 0);
        double[] state = a.saveState();
        assertEquals(1 + 24 + 24, state.length, "the CG warm start and the last direction");
        a.apply(o, f2, out, 1);

        StochasticReconfiguration b = spring(SrSolvers.conjugateGradient(1e-14, 1), MU);
        b.restoreState(state);
        double[] resumed = new double[24];
        b.apply(o, f2, resumed, 1);
        assertArrayEquals(out, resumed, 0.0);

        a.restoreState(before); // as after an undone first step: the next is a first step again
        double[] again = new double[24];
        a.apply(o, f2, again, 1);
        double[] fresh = new double[24];
        spring(SrSolvers.conjugateGradient(1e-14, 1), MU).apply(o, f2, fresh, 1);
        assertArrayEquals(fresh, again, 0.0);

        assertThrows(IllegalArgumentException.class, () -> b.restoreState(new double[] {5, 1}));
        assertThrows(IllegalArgumentException.class, () -> spring(SrSolvers.denseCholesky(), 1));
        assertThrows(IllegalArgumentException.class, () -> spring(SrSolvers.denseCholesky(), -0.1));
    }

    private static double[] shift(int p) {
        double[] d = new double[p];
        Arrays.fill(d, 0.05);
        return d;
    }
}
