package org.nqs4j.vmc.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

/** Synthetic optimisation traces: E_t = f(t) + δ·noise, Var_t = g(t)·(1 + 0.3·noise), 16 sites. */
class ConvergenceDiagnosticsTest {
    private static final int SITES = 16;
    private static final int STEPS = 400;

    private static ConvergenceDiagnostics trace(IntToDoubleFunction energy, double error, IntToDoubleFunction variance,
                                                long seed) {
        Random rng = new Random(seed);
        double[] e = new double[STEPS];
        double[] d = new double[STEPS];
        double[] v = new double[STEPS];
        for (int t = 0; t < STEPS; t++) {
            e[t] = energy.applyAsDouble(t) + error * rng.nextGaussian();
            d[t] = error;
            v[t] = variance.applyAsDouble(t) * Math.exp(0.3 * rng.nextGaussian());
        }
        double[] a = new double[STEPS];
        java.util.Arrays.fill(a, 0.3);
        return ConvergenceDiagnostics.of(e, d, v, a, SITES);
    }

    /** Var giving V-score v at energy e: V = N·Var/E². */
    private static double varianceFor(double v, double e) {
        return v * e * e / SITES;
    }

    @Test
    void plateauWithALargeVScoreIsStalled() {
        for (long seed = 1; seed <= 20; seed++) {
            ConvergenceDiagnostics c = trace(t -> -6.0, 0.02, t -> varianceFor(0.3, -6), seed);
            assertTrue(c.assessed());
            assertTrue(c.stalled(), c.verdict());
            assertEquals(100, c.window());
            assertEquals(0.3, c.vScore(), 0.05);
            assertTrue(c.verdict().startsWith("STALLED"), c.verdict());
        }
    }

    @Test
    void convergedRunWithASmallVScoreIsNotStalled() {
        for (long seed = 1; seed <= 20; seed++) {
            ConvergenceDiagnostics c = trace(t -> -7.14, 0.001, t -> varianceFor(2e-3, -7.14), seed);
            assertFalse(c.stalled(), c.verdict());
            assertTrue(c.verdict().startsWith("converged"), c.verdict());
        }
    }

    @Test
    void energyStillFallingIsNotStalled() {
        // a slow descent: 0.05 over the last 100 steps, 2.5 step errors
        ConvergenceDiagnostics c = trace(t -> -6.0 - 5e-4 * t, 0.02, t -> varianceFor(0.3, -6), 3);
        assertFalse(c.stalled(), c.verdict());
        assertEquals(0.05, c.energyDrop(), 0.02);
        assertTrue(c.verdict().startsWith("still improving"), c.verdict());
    }

    @Test
    void varianceStillFallingIsNotStalled() {
        // the energy is flat within its noise but the variance halves over the window
        ConvergenceDiagnostics c = trace(t -> -6.0, 0.02, t -> varianceFor(0.3, -6) * Math.exp(-0.007 * t), 4);
        assertFalse(c.stalled(), c.verdict());
        assertTrue(c.varianceRatio() < 0.7, "ratio " + c.varianceRatio());
    }

    @Test
    void aDriftBelowTheStepErrorCountsAsFlat() {
        // a fall of 0.01 over the window is significant for the fit but below one step's error bar
        ConvergenceDiagnostics c = trace(t -> -6.0 - 1e-4 * t, 0.05, t -> varianceFor(0.5, -6), 5);
        assertTrue(c.stalled(), c.verdict());
    }

    /**
     * Frozen chains (the L = 8 ring without Marshall's sign: acceptance 7e-5) repeat their
     * configurations, so the variance falls to ~0 and would read as "still improving" or even
     * "converged": the median acceptance below 10⁻³ marks the run stalled; an exact sum (NaN
     * acceptance) and a slow but moving chain (2e-3) are judged as before.
     */
    @Test
    void frozenChainsAreStalledWhateverTheVarianceSays() {
        double[] e = new double[100];
        double[] d = new double[100];
        double[] v = new double[100];
        double[] a = new double[100];
        for (int t = 0; t < 100; t++) {
            e[t] = -0.99;
            d[t] = 1e-4;
            v[t] = 0.1 * Math.exp(-0.2 * t);
            a[t] = 7e-5;
        }
        ConvergenceDiagnostics frozen = ConvergenceDiagnostics.of(e, d, v, a, SITES);
        assertTrue(frozen.stalled(), frozen.verdict());
        assertTrue(frozen.verdict().startsWith("STALLED: the chains are frozen"), frozen.verdict());
        assertEquals(7e-5, frozen.acceptance(), 1e-12);
        java.util.Arrays.fill(a, 2e-3);
        assertFalse(ConvergenceDiagnostics.of(e, d, v, a, SITES).stalled());
        java.util.Arrays.fill(a, Double.NaN);
        ConvergenceDiagnostics exact = ConvergenceDiagnostics.of(e, d, v, a, SITES);
        assertFalse(exact.stalled(), exact.verdict());
        assertTrue(Double.isNaN(exact.acceptance()));
    }

    @Test
    void shortOrNonFiniteTracesAreNotAssessed() {
        ConvergenceDiagnostics shortRun = ConvergenceDiagnostics.of(new double[39], new double[39], new double[39], new double[39], SITES);
        assertFalse(shortRun.assessed());
        assertFalse(shortRun.stalled());
        assertTrue(shortRun.verdict().contains("39 optimisation steps are too few"), shortRun.verdict());
        double[] one = new double[1];
        String oneStep = ConvergenceDiagnostics.of(one, one, one, one, SITES).verdict();
        assertTrue(oneStep.contains("1 optimisation step is too few"), oneStep);
        double[] e = new double[100];
        double[] v = new double[100];
        java.util.Arrays.fill(e, -1);
        java.util.Arrays.fill(v, 1);
        e[99] = Double.NaN;
        assertFalse(ConvergenceDiagnostics.of(e, new double[100], v, new double[100], SITES).assessed());
        assertThrows(IllegalArgumentException.class, () -> ConvergenceDiagnostics.of(e, new double[99], v, new double[100], SITES));
        assertThrows(IllegalArgumentException.class, () -> ConvergenceDiagnostics.of(e, new double[100], v, new double[99], SITES));
    }

    @Test
    void summaryRecordCarriesTheFlag() {
        ConvergenceDiagnostics c = trace(t -> -6.0, 0.02, t -> varianceFor(0.3, -6), 1);
        assertEquals(Boolean.TRUE, c.toJson().get("stalled"));
        assertEquals(ConvergenceDiagnostics.V_SCORE_STALLED, c.toJson().get("v_score_stalled"));
    }
}
