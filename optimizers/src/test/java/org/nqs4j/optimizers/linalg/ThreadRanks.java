package org.nqs4j.optimizers.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * K ranks as K threads of one JVM, for tests of the distributed kernels without MPI: an
 * all-gather publishes each rank's array, waits for all, and copies the other ranks' blocks.
 */
public final class ThreadRanks implements RankExchange {
    private final int rank;
    private final int size;
    private final CyclicBarrier barrier;
    private final double[][] published;

    private ThreadRanks(int rank, int size, CyclicBarrier barrier, double[][] published) {
        this.rank = rank;
        this.size = size;
        this.barrier = barrier;
        this.published = published;
    }

    /** Runs {@code body} on every rank of a group of {@code size} threads; the results in rank order. */
    public static <T> List<T> run(int size, Function<RankExchange, T> body) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(size);
        double[][] published = new double[size][];
        ExecutorService pool = Executors.newFixedThreadPool(size);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int r = 0; r < size; r++) {
                ThreadRanks ranks = new ThreadRanks(r, size, barrier, published);
                futures.add(pool.submit(() -> body.apply(ranks)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    barrier.reset(); // release the other ranks
                    throw e;
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void allgather(double[] data, int[] counts, int[] offsets) {
        published[rank] = data;
        await(); // every rank's own block is final, and nobody writes it until the second barrier
        for (int r = 0; r < size; r++) {
            if (r != rank) {
                System.arraycopy(published[r], offsets[r], data, offsets[r], counts[r]);
            }
        }
        await();
    }

    private void await() {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }
}
