package org.nqs4j.samplers;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed pool of threads that runs independent tasks: chains of the sampler, and the row blocks
 * of the SR kernels. Which thread runs which task does not matter: each task owns its random
 * stream and its output slots, so results are the same for any thread count.
 *
 * <p>The calling thread works too, with {@code threads − 1} helpers. A Cholesky of order 1,000
 * issues about 30 fork-joins per SR step, a few hundred microseconds apart; handing them to an
 * executor costs a futex wake-up of each worker and of the caller every time (tens of µs in a
 * virtual machine), which is why helpers spin for {@value #SPIN_NANOS} ns on the job counter
 * before they park.
 */
public final class ChainPool implements AutoCloseable {
    /** How long an idle helper polls for the next job before it parks. */
    private static final long SPIN_NANOS = 200_000;

    private final int threads;
    private final Thread[] helpers;
    /** The current job; helpers run each job they see once (a late helper finds it finished). */
    private volatile Job job;
    private volatile boolean closed;
    /** The thread inside {@link #forEach}: a nested or concurrent call runs its tasks inline. */
    private final AtomicReference<Thread> owner = new AtomicReference<>();

    /** One fork-join: tasks [0, n) handed out by {@code next}; {@code done} counts finished ones. */
    private record Job(IntConsumer task, int n, AtomicInteger next, AtomicInteger done,
                       AtomicReference<Throwable> failure) {
        void work() {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    public ChainPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.helpers = new Thread[threads - 1];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(this::helperLoop, "nqs-pool-" + (t + 1));
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code task} for every index in [0, n) and waits; rethrows the first failure. */
    public void forEach(int n, IntConsumer task) {
        if (helpers.length == 0 || n <= 1 || closed || !owner.compareAndSet(null, Thread.currentThread())) {
            for (int i = 0; i < n; i++) {
                task.accept(i);
            }
            return;
        }
        try {
            Job j = new Job(task, n, new AtomicInteger(), new AtomicInteger(), new AtomicReference<>());
            job = j;
            for (Thread h : helpers) {
                LockSupport.unpark(h);
            }
            j.work();
            while (j.done.get() < n) {
                Thread.onSpinWait();
            }
            job = null; // the task may hold large arrays
            Throwable t = j.failure.get();
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        } finally {
            owner.set(null);
        }
    }

    private void helperLoop() {
        Job seen = null;
        while (!closed) {
            long deadline = System.nanoTime() + SPIN_NANOS;
            Job j;
            while ((j = job) == seen && !closed) {
                if (System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (j != null) {
                j.work();
            }
            seen = j;
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread h : helpers) {
            LockSupport.unpark(h);
        }
    }
}
