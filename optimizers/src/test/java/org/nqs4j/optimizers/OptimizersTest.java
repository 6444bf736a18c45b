package org.nqs4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OptimizersTest {
    @Test
    void sgdFollowsItsSchedule() {
        Sgd sgd = new Sgd(Schedule.exponentialDecay(0.1, 0.5, 0.01));
        double[] p = {1, -2};
        sgd.step(p, new double[] {2, 4}, 0); // η = 0.1
        assertArrayEquals(new double[] {0.8, -2.4}, p, 1e-15);
        sgd.step(p, new double[] {2, 4}, 1); // η = 0.05
        assertArrayEquals(new double[] {0.7, -2.6}, p, 1e-15);
        assertEquals(0, sgd.saveState().length);
        assertThrows(IllegalArgumentException.class, () -> sgd.step(p, new double[3], 0));
    }

    /**
     * η = 0.1, β₁ = 0.9, β₂ = 0.999, ε̂ = 1e-8; three doubles, the last two one complex parameter
     * updated component-wise.
     * Step 1, δ = (0.5, −2, 0): m = (0.05, −0.2, 0), v = (2.5e-4, 4e-3, 0); bias factors 1/0.1 and
     * 1/0.001 give m̂ = (0.5, −2, 0), v̂ = (0.25, 4, 0), so p −= 0.1 m̂/(√v̂ + ε̂) ≈ ±0.1 (0 for the
     * zero component).
     * Step 2, δ = (−1, 1, 3): m = 0.9 m + 0.1 δ = (−0.055, −0.08, 0.3),
     * v = 0.999 v + 0.001 δ² = (1.24975e-3, 4.996e-3, 9e-3); bias factors 1/(1 − 0.81) = 1/0.19
     * and 1/(1 − 0.998001) = 1/0.001999.
     */
    @Test
    void adamFirstTwoStepsMatchHandComputation() {
        Adam adam = new Adam(Schedule.constant(0.1));
        double[] p = {1.0, 0.5, -2.0};
        adam.step(p, new double[] {0.5, -2, 0}, 0);
        double[] afterOne = {1.0 - 0.1 * 0.5 / (0.5 + 1e-8), 0.5 + 0.1 * 2 / (2 + 1e-8), -2.0};
        assertArrayEquals(afterOne, p, 1e-15);
        adam.step(p, new double[] {-1, 1, 3}, 1);
        double[] afterTwo = {
            afterOne[0] - 0.1 * (-0.055 / 0.19) / (Math.sqrt(1.24975e-3 / 0.001999) + 1e-8),
            afterOne[1] - 0.1 * (-0.08 / 0.19) / (Math.sqrt(4.996e-3 / 0.001999) + 1e-8),
            afterOne[2] - 0.1 * (0.3 / 0.19) / (Math.sqrt(9e-3 / 0.001999) + 1e-8)};
        // the hand constants are decimal roundings of the same expressions: a few ulps of 1e-1
        assertArrayEquals(afterTwo, p, 1e-14);
    }

    @Test
    void restoredAdamContinuesBitForBit() {
        double[][] directions = {{0.3, -1}, {2, 0.1}, {-0.7, 0.4}, {1, 1}, {0.2, -3}};
        Adam original = new Adam(Schedule.exponentialDecay(0.05, 0.9, 0.001));
        double[] p = {0.1, 0.2};
        for (int i = 0; i < 3; i++) {
            original.step(p, directions[i], i);
        }
        double[] state = original.saveState();
        assertEquals(5, state.length);
        assertEquals(3, state[0]);
        double[] q = p.clone();
        Adam restored = new Adam(Schedule.exponentialDecay(0.05, 0.9, 0.001));
        restored.restoreState(state);
        for (int i = 3; i < 5; i++) {
            original.step(p, directions[i], i);
            restored.step(q, directions[i], i);
        }
        assertArrayEquals(p, q, 0.0);
    }

    @Test
    void adamRejectsBadStateAndShapes() {
        Adam adam = new Adam(Schedule.constant(0.1));
        assertThrows(IllegalArgumentException.class, () -> adam.restoreState(new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> adam.restoreState(new double[] {0.5, 0, 0}));
        adam.step(new double[2], new double[2], 0);
        assertThrows(IllegalArgumentException.class, () -> adam.step(new double[3], new double[3], 1));
        assertThrows(IllegalArgumentException.class, () -> new Adam(Schedule.constant(0.1), 1.0, 0.999, 1e-8));
    }
}
