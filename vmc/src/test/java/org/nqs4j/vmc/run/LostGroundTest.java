package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nqs4j.vmc.stats.Estimate;

/** The final estimate against the lowest 20-step mean of the optimisation. */
class LostGroundTest {
    private static Estimate estimate(double mean, double error) {
        return new Estimate(mean, error, 0.1, 1, 1, 20_000);
    }

    /** The triangular 6×4 run's shape: a plateau at −12.75, then frozen on E = −6 for the last steps. */
    @Test
    void aStateThatFellBackFarAboveItsBestIsFlagged() {
        Random r = new Random(1);
        double[] steps = new double[300];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i < 200 ? -12.75 + 0.05 * r.nextGaussian() : -6.0;
        }
        ResultCheck c = LostGround.check(steps, estimate(-6.0, 1e-9)).orElseThrow();
        assertEquals("lost_ground", c.name());
        assertFalse(c.passed());
        assertTrue(c.message().contains("20-step mean -12.7"), c.message());
    }

    /** A run that descends, or fluctuates at its plateau (step to step by more than the error bars), is not. */
    @Test
    void descentAndAFluctuatingPlateauAreNotFlagged() {
        Random r = new Random(2);
        double[] descent = new double[400];
        double[] plateau = new double[400];
        for (int i = 0; i < descent.length; i++) {
            descent[i] = -10 + 2 * Math.exp(-i / 50.0) + 0.01 * r.nextGaussian();
            plateau[i] = -10 + 0.05 * r.nextGaussian() + 0.02 * Math.sin(i / 7.0);
        }
        assertEquals(Optional.empty(), LostGround.check(descent, estimate(-10.0, 0.002)));
        assertEquals(Optional.empty(), LostGround.check(plateau, estimate(-9.99, 0.002)));
        // a loss of many error bars but below 1 % of |E|: the state's own fluctuation, not flagged
        assertEquals(Optional.empty(), LostGround.check(plateau, estimate(-9.95, 0.001)));
    }

    @Test
    void tooFewStepsOrANonFiniteEstimateAreNotJudged() {
        double[] short39 = new double[39];
        java.util.Arrays.fill(short39, -10);
        assertEquals(Optional.empty(), LostGround.check(short39, estimate(-1, 1e-3)));
        double[] steps = new double[100];
        java.util.Arrays.fill(steps, -10);
        assertEquals(Optional.empty(), LostGround.check(steps, estimate(Double.NaN, 1e-3)));
        assertTrue(LostGround.check(steps, estimate(-5, 1e-3)).isPresent(), "a flat log and a final estimate far above");
    }
}
