package org.nqs4j.optimizers.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RankSharesTest {
    /** Equal weights give back the plain cycle and the equal ranges of {@link RankExchange}'s defaults. */
    @Test
    void equalSharesAreThePlainSplit() {
        for (int k = 1; k <= 5; k++) {
            int[] w = new int[k];
            java.util.Arrays.fill(w, 3);
            RankShares s = RankShares.of(w);
            for (int b = 0; b < 40; b++) {
                assertEquals(b % k, s.rowBlockOwner(b), "k=" + k + " b=" + b);
            }
            for (int n = 0; n < 30; n++) {
                for (int r = 0; r <= k; r++) {
                    assertEquals((int) ((long) n * r / k), s.first(n, r), "k=" + k + " n=" + n + " r=" + r);
                }
            }
        }
    }

    /** 13 : 7: every period of 20 blocks deals 13 and 7, spread out (no rank twice in a row more than needed). */
    @Test
    void unequalSharesAreDealtInProportionAndSpreadOut() {
        RankShares s = RankShares.of(new int[] {13, 7});
        int[] count = new int[2];
        for (int b = 0; b < 20; b++) {
            count[s.rowBlockOwner(b)]++;
            if (b > 0) {
                assertEquals(true, s.rowBlockOwner(b) == 0 || s.rowBlockOwner(b - 1) == 0, "rank 1 twice in a row at " + b);
            }
        }
        assertArrayEquals(new int[] {13, 7}, count);
        assertEquals(s.rowBlockOwner(3), s.rowBlockOwner(23));
        assertEquals(0, s.first(100, 0));
        assertEquals(65, s.first(100, 1));
        assertEquals(100, s.first(100, 2));
        assertThrows(IllegalArgumentException.class, () -> RankShares.of(new int[] {3, 0}));
    }
}
