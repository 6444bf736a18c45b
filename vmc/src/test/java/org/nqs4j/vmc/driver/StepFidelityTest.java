package org.nqs4j.vmc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** F = |E[w]|²/E[|w|²] on hand-made log ratios w_s = ψ'(σ_s)/ψ(σ_s). */
class StepFidelityTest {
    private static final double U = 0x1p-53;

    @Test
    void aChangeOfNormOrGlobalPhaseIsNoStep() {
        double[] old = {0.3, 0.1, -1.2, 2.0, 5.0, -0.4};
        double[] scaled = {0.3 + 700, 0.1 + 1.5, -1.2 + 700, 2.0 + 1.5, 5.0 + 700, -0.4 + 1.5};
        assertEquals(1.0, StepFidelity.estimate(old, old, 3), 4 * U);
        // e^700 would overflow unshifted; the common factor and the common phase cancel
        assertEquals(1.0, StepFidelity.estimate(old, scaled, 3), 16 * U);
    }

    @Test
    void weightsOneAndThreeGiveFourFifths() {
        double[] old = {0, 0, 0, 0};
        double[] next = {0, 0, Math.log(3), 0};
        assertEquals(16.0 / 20.0, StepFidelity.estimate(old, next, 2), 8 * U);
    }

    @Test
    void oppositeSignsOnHalfTheSamplesAreOrthogonal() {
        double[] old = {0, 0, 0, 0};
        double[] next = {0, 0, 0, Math.PI};
        assertEquals(0.0, StepFidelity.estimate(old, next, 2), 8 * U);
    }

    @Test
    void aNonFiniteLogIsNoEstimate() {
        double[] old = {0, 0, 0, 0};
        assertTrue(Double.isNaN(StepFidelity.estimate(old, new double[] {Double.NaN, 0, 0, 0}, 2)));
        assertTrue(Double.isNaN(StepFidelity.estimate(old, new double[] {Double.POSITIVE_INFINITY, 0, 0, 0}, 2)));
    }
}
