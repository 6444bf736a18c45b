package org.nqs4j.vmc.parallel;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * K ranks as K threads of one JVM, for tests of the rank-count invariance without MPI: an
 * all-gather publishes each rank's array, waits for all, and copies the other ranks' blocks.
 */
final class ThreadCollective implements Collective {
    private final int rank;
    private final int size;
    private final CyclicBarrier barrier;
    private final double[][] published;
    private final byte[][] bytes;

    private ThreadCollective(int rank, int size, CyclicBarrier barrier, double[][] published, byte[][] bytes) {
        this.rank = rank;
        this.size = size;
        this.barrier = barrier;
        this.published = published;
        this.bytes = bytes;
    }

    /** The K ranks of one group; rank r is element r. */
    static ThreadCollective[] group(int size) {
        CyclicBarrier barrier = new CyclicBarrier(size);
        double[][] published = new double[size][];
        byte[][] bytes = new byte[1][];
        ThreadCollective[] g = new ThreadCollective[size];
        for (int r = 0; r < size; r++) {
            g[r] = new ThreadCollective(r, size, barrier, published, bytes);
        }
        return g;
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
        await(); // every rank's own block is final and nobody writes it until the second barrier
        for (int r = 0; r < size; r++) {
            if (r != rank) {
                System.arraycopy(published[r], offsets[r], data, offsets[r], counts[r]);
            }
        }
        await();
    }

    @Override
    public void broadcast(byte[] data, int root) {
        if (rank == root) {
            bytes[0] = data;
        }
        await();
        if (rank != root) {
            System.arraycopy(bytes[0], 0, data, 0, data.length);
        }
        await();
    }

    @Override
    public void barrier() {
        await();
    }

    @Override
    public void abort(int code) {
        throw new IllegalStateException("abort(" + code + ")");
    }

    @Override
    public String description() {
        return size + " threads";
    }

    @Override
    public void close() {
    }

    private void await() {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }
}
