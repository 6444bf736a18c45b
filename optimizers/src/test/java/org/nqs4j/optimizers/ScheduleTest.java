package org.nqs4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScheduleTest {
    @Test
    void constantIsConstant() {
        Schedule s = Schedule.constant(0.02);
        assertEquals(0.02, s.valueAt(0));
        assertEquals(0.02, s.valueAt(1_000_000));
    }

    @Test
    void carleoTroyerShiftDecaysToItsFloor() {
        // λ_p = max(100 · 0.9^p, 1e-4): 100, 90, 81, …; 100 · 0.9^200 ≈ 7.1e-8 < 1e-4
        Schedule s = Schedule.exponentialDecay(100, 0.9, 1e-4);
        assertEquals(100, s.valueAt(0), 0);
        assertEquals(90, s.valueAt(1), 1e-13);
        assertEquals(81, s.valueAt(2), 1e-13);
        assertEquals(100 * Math.pow(0.9, 100), s.valueAt(100), 1e-18);
        assertEquals(1e-4, s.valueAt(200), 0);
        assertEquals(1e-4, s.valueAt(Integer.MAX_VALUE), 0);
    }

    @Test
    void aRestartedScheduleCountsFromItsStart() {
        Schedule s = Schedule.exponentialDecay(0.05, 0.5, 0.005).restartedAt(10);
        assertEquals(0.05, s.valueAt(3), 0);
        assertEquals(0.05, s.valueAt(10), 0);
        assertEquals(0.025, s.valueAt(11), 0);
        assertEquals(0.005, s.valueAt(30), 0);
        Schedule base = Schedule.constant(1);
        assertSame(base, base.restartedAt(0));
        assertThrows(IllegalArgumentException.class, () -> base.restartedAt(-1));
    }

    @Test
    void rejectsMeaninglessParameters() {
        assertThrows(IllegalArgumentException.class, () -> Schedule.constant(0));
        assertThrows(IllegalArgumentException.class, () -> Schedule.constant(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Schedule.exponentialDecay(1, 1.5, 0));
        assertThrows(IllegalArgumentException.class, () -> Schedule.exponentialDecay(1, 0.5, 2));
        assertThrows(IllegalArgumentException.class, () -> Schedule.constant(1).valueAt(-1));
    }
}
