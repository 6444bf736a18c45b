package org.nqs4j.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ChainPoolTest {

    @Test
    void everyTaskRunsExactlyOnceOverManyBackToBackJobs() {
        // thousands of short fork-joins, as in a blocked Cholesky: a lost wake-up would hang here
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (ChainPool pool = new ChainPool(3)) {
                for (int round = 0; round < 5_000; round++) {
                    int n = 1 + round % 37;
                    AtomicIntegerArray hits = new AtomicIntegerArray(n);
                    pool.forEach(n, hits::incrementAndGet);
                    int[] expected = new int[n];
                    java.util.Arrays.fill(expected, 1);
                    int[] got = new int[n];
                    for (int i = 0; i < n; i++) {
                        got[i] = hits.get(i);
                    }
                    assertArrayEquals(expected, got, "round " + round);
                }
            }
        });
    }

    @Test
    void helpersTakePartWhenTasksTakeTime() {
        try (ChainPool pool = new ChainPool(2)) {
            var threadsSeen = ConcurrentHashMap.newKeySet();
            pool.forEach(64, i -> {
                threadsSeen.add(Thread.currentThread());
                long until = System.nanoTime() + 2_000_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            });
            assertEquals(2, threadsSeen.size());
        }
    }

    @Test
    void aFailingTaskIsRethrownAndThePoolStaysUsable() {
        try (ChainPool pool = new ChainPool(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.forEach(100, i -> {
                if (i == 57) {
                    throw new IllegalStateException("task 57");
                }
            }));
            assertEquals("task 57", e.getMessage());
            AtomicIntegerArray hits = new AtomicIntegerArray(10);
            pool.forEach(10, hits::incrementAndGet);
            for (int i = 0; i < 10; i++) {
                assertEquals(1, hits.get(i));
            }
        }
    }

    @Test
    void aNestedCallRunsInlineInsteadOfDeadlocking() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (ChainPool pool = new ChainPool(2)) {
                AtomicIntegerArray hits = new AtomicIntegerArray(8 * 8);
                pool.forEach(8, i -> pool.forEach(8, j -> hits.incrementAndGet(8 * i + j)));
                for (int k = 0; k < 64; k++) {
                    assertEquals(1, hits.get(k));
                }
            }
        });
    }
}
