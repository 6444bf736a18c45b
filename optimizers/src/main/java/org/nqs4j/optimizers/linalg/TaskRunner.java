package org.nqs4j.optimizers.linalg;

import java.util.function.IntConsumer;

/**
 * Runs the independent tasks 0..n−1 of a kernel, possibly on several threads. Kernels split their
 * work into a fixed set of tasks whose results do not depend on which thread runs them or in
 * what order, so the floating-point result is the same for any runner (and any thread count).
 */
@FunctionalInterface
public interface TaskRunner {
    /** Runs the tasks on the calling thread, in order. */
    TaskRunner SERIAL = (n, task) -> {
        for (int i = 0; i < n; i++) {
            task.accept(i);
        }
    };

    /** Calls {@code task.accept(i)} for every i in [0, n) and returns when all have finished. */
    void forEach(int n, IntConsumer task);
}
