package org.nqs4j.vmc.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpeedBalancedSplitTest {
    /** Five steps with the same timings, the last one's answer. */
    static int[] afterWindow(ChainSplit split, double[] seconds, int[] chains) {
        for (int step = 1; step < SpeedBalancedSplit.WINDOW; step++) {
            assertNull(split.next(seconds, chains), "no move before the window is full");
        }
        return split.next(seconds, chains);
    }

    @Test
    void ranksOfEqualSpeedKeepTheirChains() {
        assertNull(afterWindow(ChainSplit.bySpeed(), new double[] {0.50, 0.51}, new int[] {10, 10}));
        assertNull(afterWindow(ChainSplit.bySpeed(), new double[] {0.30, 0.30, 0.31}, new int[] {7, 7, 6}));
    }

    /** Rank 1 at half speed (its core shared): it runs a third of the chains, and keeps them once balanced. */
    @Test
    void aSlowRankGivesChainsToTheFastOne() {
        ChainSplit split = ChainSplit.bySpeed();
        int[] next = afterWindow(split, new double[] {0.5, 1.0}, new int[] {10, 10});
        assertArrayEquals(new int[] {13, 7}, next); // 20 × (2/3, 1/3) = (13.3, 6.7): remainders decide
        assertNull(split.next(new double[] {0.65, 0.70}, next));
    }

    /** A spike (the first step's compilation, a collection, a descheduled moment) is outvoted by the other steps. */
    @Test
    void aSingleSlowStepMovesNoChain() {
        ChainSplit split = ChainSplit.bySpeed();
        assertNull(split.next(new double[] {10.0, 1.0}, new int[] {10, 10}));
        assertNull(afterWindow(split, new double[] {1.0, 1.0}, new int[] {10, 10}));
        assertNull(split.next(new double[] {1.0, 10.0}, new int[] {10, 10}));
    }

    /** A slowdown moves chains once it has lasted the whole window, not when it is only the median. */
    @Test
    void aLastingSlowdownMovesChains() {
        ChainSplit split = ChainSplit.bySpeed();
        assertNull(afterWindow(split, new double[] {1.0, 1.0}, new int[] {10, 10}));
        for (int step = 1; step < SpeedBalancedSplit.WINDOW; step++) { // median 0.2 from the third on
            assertNull(split.next(new double[] {2.0, 1.0}, new int[] {10, 10}), "step " + step);
        }
        assertArrayEquals(new int[] {7, 13}, split.next(new double[] {2.0, 1.0}, new int[] {10, 10})); // 1 : 2
    }

    /** Ranks slower in turns (a quiet VM's virtual CPUs): the medians differ, the steps disagree, no chain moves. */
    @Test
    void ranksSlowerInTurnsKeepTheirChains() {
        ChainSplit split = ChainSplit.bySpeed();
        double[][] steps = {{1.3, 1.0}, {1.3, 1.0}, {1.0, 1.3}, {1.3, 1.0}, {1.0, 1.0}, {1.3, 1.0}, {1.0, 1.3}};
        for (double[] seconds : steps) {
            assertNull(split.next(seconds, new int[] {10, 10}), Arrays.toString(seconds));
        }
    }

    @Test
    void everyRankKeepsAChainAndTheTotalIsKept() {
        for (double slow : new double[] {10, 100, 1e6}) {
            int[] next = afterWindow(ChainSplit.bySpeed(), new double[] {1, 1, slow}, new int[] {2, 2, 2});
            assertEquals(6, Arrays.stream(next).sum(), Arrays.toString(next));
            assertEquals(1, next[2], Arrays.toString(next));
        }
        int[] many = SpeedBalancedSplit.proportional(new double[] {1, 1e9, 1e9, 1e9}, 4);
        assertArrayEquals(new int[] {1, 1, 1, 1}, many);
    }

    @Test
    void aClockThatDidNotMoveChangesNothing() {
        ChainSplit split = ChainSplit.bySpeed();
        assertNull(split.next(new double[] {0.0, 1.0}, new int[] {5, 5}));
        assertNull(split.next(new double[] {Double.NaN, 1.0}, new int[] {5, 5}));
    }
}
