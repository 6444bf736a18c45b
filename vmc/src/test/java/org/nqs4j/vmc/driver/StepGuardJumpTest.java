package org.nqs4j.vmc.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.Gcnn;
import org.nqs4j.ansatz.HiddenActivation;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.samplers.ChainPool;
import org.nqs4j.vmc.parallel.ChainBlocks;
import org.nqs4j.vmc.parallel.Collective;

/**
 * A refused step whose infidelity comes from a jump of ψ in its parameters is named as such: a G-CNN on Z₃
 * whose hidden feature θ¹ = ε + 2i + δσ crosses Re θ = 0 (log cosh's branch jumps there, and the kernel 1/2
 * turns the jump into a sign of ψ's terms) as ε moves; the same step with the entire poly6 is smooth.
 */
class StepGuardJumpTest {
    private static final int[][] Z3 = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}};
    /** Fifteen samples whose images all have σ = +1 on site 0, and one with an image of σ = −1 there. */
    private static final int[][] SAMPLES = new int[16][];

    static {
        for (int s = 0; s < 15; s++) {
            SAMPLES[s] = new int[] {1, 1, 1};
        }
        SAMPLES[15] = new int[] {-1, 1, 1};
    }

    /** b¹ = ε + 2i, w = (0.05, 0, 0), b² = 0, K = 1/2 (complex, interleaved). */
    private static double[] parameters(double epsilon) {
        return new double[] {epsilon, 2.0, 0.05, 0, 0, 0, 0, 0, 0, 0, 0.5, 0};
    }

    /** The guard's verdict on the step from ε = −0.02 to {@code epsilon}, and the parameters after it. */
    private static String judge(HiddenActivation hidden, double epsilon, double limit, double[] after) {
        Gcnn psi = Gcnn.onSector(Z3, new double[] {1, 1, 1}, new double[3], 0, new int[] {1, 1}, new int[] {0},
                hidden, "Z3");
        StepGuard guard = new StepGuard(psi, new ChainBlocks(Collective.single(), 1), SAMPLES.length, limit);
        double[] start = parameters(-0.02);
        psi.setParameters(start);
        WalkerCache cache = psi.newCache();
        for (int s = 0; s < SAMPLES.length; s++) {
            cache.reset(SAMPLES[s]);
            guard.record(0, s, cache);
        }
        guard.rememberParameters(start);
        psi.setParameters(parameters(epsilon));
        try (ChainPool pool = new ChainPool(1)) {
            String verdict = guard.check(pool);
            psi.getParameters(after);
            return verdict;
        }
    }

    @Test
    void aStepAcrossLogCoshsBranchIsNamedAJump() {
        double[] after = new double[12];
        // Re θ¹ = ε − 0.05 of the images with σ = −1 on site 0 crosses 0 at ε = 0.05 (those with σ = +1 stay
        // positive): the step to ε = 0.9 crosses at 8 % of its length, so half of it has the whole jump
        String early = judge(HiddenActivation.LOG_COSH, 0.9, 0.01, after);
        assertNotNull(early);
        assertTrue(early.contains("log psi jumps along the step"), early);
        assertArrayEquals(parameters(-0.02), after, 0.0, "the refused step is undone");
        // the step to ε = 0.07 crosses at 78 % of its length: half of it is smooth and tiny
        String late = judge(HiddenActivation.LOG_COSH, 0.07, 0.01, after);
        assertNotNull(late);
        assertTrue(late.contains("log psi jumps along the step"), late);
    }

    @Test
    void aShortSmoothStepIsRefusedWithoutTheJump() {
        double[] after = new double[12];
        String smooth = judge(HiddenActivation.POLY6, 0.0, 1e-9, after);
        assertNotNull(smooth, "refused under a limit of 1e-9");
        assertFalse(smooth.contains("jumps"), smooth);
        assertArrayEquals(parameters(-0.02), after, 0.0);
    }
}
