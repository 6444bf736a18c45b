package org.nqs4j.validation;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed pool of {@link #THREADS} daemon threads for the row- and component-parallel kernels of
 * exact diagonalisation. Work is cut into contiguous ranges whose boundaries depend only on the
 * problem size, so every result (including partial sums reduced in range order) is reproducible.
 */
final class RowParallel {
    static final int THREADS = 2;
    /** Below this many work items the caller's thread does everything. */
    static final int SERIAL_BELOW = 1 << 14;

    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "nqs4j-exact-diagonalisation");
        t.setDaemon(true);
        return t;
    });

    /** Work on the range [from, to) handled by one thread, {@code part} in 0..parts−1. */
    @FunctionalInterface
    interface RangeTask {
        void run(int part, int from, int to);
    }

    private RowParallel() {
    }

    /** Splits [0, n) evenly into {@link #THREADS} ranges (one range below {@link #SERIAL_BELOW}). */
    static int[] evenBounds(int n) {
        int parts = n < SERIAL_BELOW ? 1 : THREADS;
        int[] b = new int[parts + 1];
        for (int p = 0; p <= parts; p++) {
            b[p] = (int) ((long) n * p / parts);
        }
        return b;
    }

    /** Runs {@code task} on the ranges [bounds[p], bounds[p+1]); the caller runs the last one. */
    static void run(int[] bounds, RangeTask task) {
        int parts = bounds.length - 1;
        if (parts == 1) {
            task.run(0, bounds[0], bounds[1]);
            return;
        }
        Future<?>[] pending = new Future<?>[parts - 1];
        for (int p = 0; p < parts - 1; p++) {
            int part = p;
            pending[p] = POOL.submit(() -> task.run(part, bounds[part], bounds[part + 1]));
        }
        task.run(parts - 1, bounds[parts - 1], bounds[parts]);
        for (Future<?> f : pending) {
            await(f);
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a worker", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
