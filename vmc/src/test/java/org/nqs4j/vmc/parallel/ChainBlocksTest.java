package org.nqs4j.vmc.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChainBlocksTest {
    /** Contiguous blocks that tile [0, n), sizes differing by at most one, larger ones first. */
    @Test
    void blocksTileTheChainsEvenly() {
        for (int k = 1; k <= 7; k++) {
            ThreadCollective[] g = ThreadCollective.group(k);
            for (int n = k; n <= 20; n++) {
                ChainBlocks b = new ChainBlocks(g[0], n);
                assertEquals(0, b.first(0));
                assertEquals(n, b.end(k - 1));
                for (int r = 0; r < k; r++) {
                    int len = b.end(r) - b.first(r);
                    assertEquals(n / k + (r < n % k ? 1 : 0), len, "n=" + n + " k=" + k + " r=" + r);
                }
            }
        }
    }

    @Test
    void aResplitMovesTheBlockBoundariesAndIsChecked() {
        ThreadCollective[] g = ThreadCollective.group(3);
        ChainBlocks b = new ChainBlocks(g[1], 10);
        assertArrayEquals(new int[] {4, 3, 3}, b.chainsPerRank());
        b.resplit(new int[] {6, 1, 3});
        assertEquals(6, b.first());
        assertEquals(7, b.end());
        assertEquals(10, b.end(2));
        assertThrows(IllegalArgumentException.class, () -> b.resplit(new int[] {7, 0, 3}));
        assertThrows(IllegalArgumentException.class, () -> b.resplit(new int[] {6, 1, 2}));
        assertThrows(IllegalArgumentException.class, () -> b.resplit(new int[] {9, 1}));
        assertArrayEquals(new int[] {6, 1, 3}, b.chainsPerRank());
    }
}
