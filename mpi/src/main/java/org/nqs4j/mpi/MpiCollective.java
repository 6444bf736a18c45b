package org.nqs4j.mpi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import org.nqs4j.vmc.parallel.Collective;
import org.nqs4j.vmc.parallel.CollectiveUnavailableException;

/**
 * {@link Collective} over MPI_COMM_WORLD. MPI is initialised with MPI_THREAD_FUNNELED: every
 * call must come from the thread that joined (checked), while the run's worker threads only
 * compute. Data go through off-heap buffers that grow on demand and are reused, so a step
 * allocates nothing in steady state.
 */
final class MpiCollective implements Collective {
    private final MpiLibrary mpi;
    private final Thread owner;
    private final int rank;
    private final int size;
    private final String version;
    private Arena arena = Arena.ofConfined();
    private MemorySegment send = MemorySegment.NULL;
    private MemorySegment receive = MemorySegment.NULL;
    private final MemorySegment counts;
    private final MemorySegment offsets;
    private boolean closed;

    private MpiCollective(MpiLibrary mpi) throws Throwable {
        this.mpi = mpi;
        this.owner = Thread.currentThread();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment provided = a.allocate(JAVA_INT);
            check((int) mpi.initThread.invokeExact(MemorySegment.NULL, MemorySegment.NULL,
                    MpiLibrary.MPI_THREAD_FUNNELED, provided), "MPI_Init_thread");
            MemorySegment out = a.allocate(JAVA_INT);
            check((int) mpi.commRank.invokeExact(out), "MPI_Comm_rank");
            rank = out.get(JAVA_INT, 0);
            check((int) mpi.commSize.invokeExact(out), "MPI_Comm_size");
            size = out.get(JAVA_INT, 0);
        }
        version = mpi.version();
        counts = Arena.global().allocate(JAVA_INT, size);
        offsets = Arena.global().allocate(JAVA_INT, size);
    }

    /** Loads libmpi and joins MPI_COMM_WORLD. */
    static MpiCollective join(Map<String, String> env) {
        MpiLibrary mpi = MpiLibrary.load(env);
        try {
            return new MpiCollective(mpi);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new CollectiveUnavailableException("MPI_Init_thread of " + mpi.libraryName + " failed: " + t, t);
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
    public void allgather(double[] data, int[] blockCounts, int[] blockOffsets) {
        checkThread();
        if (blockCounts.length != size || blockOffsets.length != size) {
            throw new IllegalArgumentException("need one block per rank (" + size + "), got " + blockCounts.length);
        }
        int end = 0;
        for (int r = 0; r < size; r++) {
            end = Math.max(end, blockOffsets[r] + blockCounts[r]);
            counts.setAtIndex(JAVA_INT, r, blockCounts[r]);
            offsets.setAtIndex(JAVA_INT, r, blockOffsets[r]);
        }
        int own = blockCounts[rank];
        ensure(own, end);
        MemorySegment.copy(data, blockOffsets[rank], send, JAVA_DOUBLE, 0, own);
        try {
            check((int) mpi.allgatherv.invokeExact(send, own, receive, counts, offsets), "MPI_Allgatherv");
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        for (int r = 0; r < size; r++) {
            if (r != rank) {
                MemorySegment.copy(receive, JAVA_DOUBLE, (long) blockOffsets[r] * Double.BYTES, data, blockOffsets[r],
                        blockCounts[r]);
            }
        }
    }

    @Override
    public void broadcast(byte[] data, int root) {
        checkThread();
        ensure(0, (data.length + Double.BYTES - 1) / Double.BYTES);
        MemorySegment.copy(data, 0, receive, JAVA_BYTE, 0, data.length);
        try {
            check((int) mpi.broadcast.invokeExact(receive, data.length, root), "MPI_Bcast");
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        MemorySegment.copy(receive, JAVA_BYTE, 0, data, 0, data.length);
    }

    @Override
    public void barrier() {
        checkThread();
        try {
            check((int) mpi.barrier.invokeExact(), "MPI_Barrier");
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public void abort(int code) {
        System.out.flush();
        System.err.flush();
        try {
            check((int) mpi.abort.invokeExact(code), "MPI_Abort");
        } catch (Throwable ignored) {
            // halting below takes this rank down; the launcher then ends the others
        }
        Runtime.getRuntime().halt(code);
    }

    @Override
    public String description() {
        return version + " (" + mpi.libraryName + "), " + size + (size == 1 ? " rank" : " ranks");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        checkThread();
        closed = true;
        arena.close();
        try {
            check((int) mpi.finalizeMpi.invokeExact(), "MPI_Finalize");
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Grows the buffers to hold {@code sendDoubles} and {@code receiveDoubles}. */
    private void ensure(long sendDoubles, long receiveDoubles) {
        long sendBytes = Math.max(1, sendDoubles) * Double.BYTES;
        long receiveBytes = Math.max(1, receiveDoubles) * Double.BYTES;
        if (send.byteSize() >= sendBytes && receive.byteSize() >= receiveBytes) {
            return;
        }
        arena.close();
        arena = Arena.ofConfined();
        send = arena.allocate(Math.max(sendBytes, send.byteSize()), Double.BYTES);
        receive = arena.allocate(Math.max(receiveBytes, receive.byteSize()), Double.BYTES);
    }

    private void checkThread() {
        if (closed) {
            throw new IllegalStateException("MPI was finalised");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("MPI is used FUNNELED: call it from " + owner.getName() + ", not "
                    + Thread.currentThread().getName());
        }
    }

    private static void check(int rc, String function) {
        if (rc != 0) {
            throw new IllegalStateException(function + " returned MPI error code " + rc);
        }
    }
}
