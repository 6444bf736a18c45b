package org.nqs4j.mpi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.Optional;
import org.nqs4j.vmc.parallel.Collective;
import org.nqs4j.vmc.parallel.CollectiveUnavailableException;

/**
 * {@link Collective} over MPI_COMM_WORLD. MPI is initialised with MPI_THREAD_FUNNELED: every
 * call must come from the thread that joined (checked), while the run's worker threads only
 * compute. The all-gathers, the bulk of the traffic, work in place on the caller's array; the
 * broadcasts go through an off-heap buffer that grows on demand and is reused, so a step
 * allocates nothing in steady state.
 */
final class MpiCollective implements Collective {
    private final MpiLibrary mpi;
    private final Thread owner;
    private final int rank;
    private final int size;
    private final String version;
    private Arena arena = Arena.ofConfined();
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
                    mpi.threadFunneled, provided), "MPI_Init_thread");
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

    /**
     * Loads libmpi and joins MPI_COMM_WORLD; refuses a world whose size is not the launcher's (the
     * library of another MPI than the launcher's: each process alone in a world of one, which would
     * run K independent jobs into the same folder).
     */
    static MpiCollective join(Map<String, String> env) {
        MpiLibrary mpi = MpiLibrary.load(env);
        MpiCollective world;
        try {
            world = new MpiCollective(mpi);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new CollectiveUnavailableException("MPI_Init_thread of " + mpi.libraryName + " failed: " + t, t);
        }
        Optional<Map.Entry<String, Integer>> launched = MpiLibrary.launchedSize(env);
        if (launched.isPresent() && launched.get().getValue() != world.size) {
            String seen = world.description();
            world.close();
            throw new CollectiveUnavailableException(mismatch(seen, launched.get()));
        }
        return world;
    }

    /** Why a world of the wrong size was refused, and what to do. */
    static String mismatch(String world, Map.Entry<String, Integer> launched) {
        return "the launcher started " + launched.getValue() + " processes (" + launched.getKey() + "="
                + launched.getValue() + ") but MPI joined them as " + world + ": the library is not the one of the"
                + " launcher (e.g. MPICH's mpiexec with Open MPI's libmpi.so.40). Name the launcher's library in"
                + " NQS_MPI_LIBRARY (MPICH: libmpich.so.12 or libmpi.so.12; Open MPI: libmpi.so.40; an MPI of the"
                + " MPI-5 standard ABI: " + MpiLibrary.STANDARD_ABI + "), or start the job with the mpirun of the"
                + " library found.";
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
        for (int r = 0; r < size; r++) {
            if (blockCounts[r] < 0 || blockOffsets[r] < 0 || blockOffsets[r] + blockCounts[r] > data.length) {
                throw new IndexOutOfBoundsException("block " + r + " [" + blockOffsets[r] + ", "
                        + (blockOffsets[r] + blockCounts[r]) + ") outside the array of " + data.length);
            }
            counts.setAtIndex(JAVA_INT, r, blockCounts[r]);
            offsets.setAtIndex(JAVA_INT, r, blockOffsets[r]);
        }
        // In place in the heap array through a critical downcall (Linker.Option.critical(true)): no copy
        // into and out of an off-heap buffer (the lower triangle of a Cholesky factor, megabytes, every
        // step). The array cannot move during the call; a garbage collection waits for it to return,
        // which the worker threads, idle while the funneled thread exchanges, never need.
        try {
            check((int) mpi.allgatherv.invokeExact(MemorySegment.ofArray(data), counts, offsets), "MPI_Allgatherv");
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public void broadcast(byte[] data, int root) {
        checkThread();
        ensure(data.length);
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

    /** Grows the broadcast buffer to hold {@code bytes}. */
    private void ensure(long bytes) {
        if (receive.byteSize() >= Math.max(1, bytes)) {
            return;
        }
        arena.close();
        arena = Arena.ofConfined();
        receive = arena.allocate(Math.max(1, bytes), Double.BYTES);
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
