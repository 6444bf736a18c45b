package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrozenChainsTest {
    /** The step after which a run with these acceptances stops, or -1. */
    private static int stop(double[] acceptance) {
        FrozenChains f = new FrozenChains();
        for (int i = 0; i < acceptance.length; i++) {
            f.record(acceptance[i]);
            if (f.stopped()) {
                return i + 1;
            }
        }
        return -1;
    }

    @Test
    void stopsAfterTwentyFrozenStepsOnceFortyAreLogged() {
        double[] a = new double[100];
        Arrays.fill(a, 0.3);
        Arrays.fill(a, 50, 100, 2e-4);
        assertEquals(70, stop(a));
        Arrays.fill(a, 0.0); // frozen from the start: the plateau check needs 40 logged steps
        assertEquals(40, stop(a));
    }

    @Test
    void aMovingStepRestartsTheCountAndExactSumsNeverStop() {
        double[] a = new double[100];
        Arrays.fill(a, 0.0);
        for (int i = 15; i < 100; i += 19) {
            a[i] = 0.01;
        }
        assertEquals(-1, stop(a));
        Arrays.fill(a, Double.NaN); // full_sum: no Metropolis acceptance
        assertEquals(-1, stop(a));
    }

    @Test
    void theCountRebuiltFromALogIsTheCountSoFar() {
        double[] a = new double[60];
        Arrays.fill(a, 0.5);
        Arrays.fill(a, 30, 60, 0.0);
        for (int cut = 0; cut <= 49; cut++) {
            FrozenChains resumed = FrozenChains.after(Arrays.copyOf(a, cut));
            int at = resumed.stopped() ? cut : -1;
            for (int i = cut; i < a.length && at < 0; i++) {
                resumed.record(a[i]);
                at = resumed.stopped() ? i + 1 : -1;
            }
            assertEquals(50, at, "resumed after " + cut);
        }
        assertTrue(FrozenChains.after(Arrays.copyOf(a, 50)).stopped());
        assertFalse(FrozenChains.after(Arrays.copyOf(a, 49)).stopped());
    }
}
