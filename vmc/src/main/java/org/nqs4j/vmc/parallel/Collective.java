package org.nqs4j.vmc.parallel;

/**
 * The processes of one run (MPI ranks) and the few collective operations the run needs. Every
 * rank calls the same operations in the same order, from one platform thread.
 *
 * <p>There is deliberately no floating-point sum here: a reduction tree that depends on the rank
 * count would make the results depend on it. Ranks instead exchange per-chain data
 * ({@link #allgather}) and every rank sums it in global chain order ({@link ChainBlocks}), so that
 * any rank count gives the numbers of one process bit for bit.
 */
public interface Collective extends AutoCloseable {
    /** This process's index in [0, {@link #size()}). */
    int rank();

    /** The number of processes. */
    int size();

    /**
     * In-place all-gather of variable blocks: rank r's block is {@code data[offsets[r],
     * offsets[r] + counts[r])} on entry (the rest is ignored); on return every rank holds every
     * block. {@code counts} and {@code offsets} are the same on all ranks.
     */
    void allgather(double[] data, int[] counts, int[] offsets);

    /** Rank {@code root}'s bytes to every rank; {@code data} has the same length on all ranks. */
    void broadcast(byte[] data, int root);

    /** Returns once every rank has called it. */
    void barrier();

    /** Ends every process of the job with {@code code} (a rank that cannot go on takes the job down). */
    void abort(int code);

    /** A description for logs, e.g. "Open MPI 4.1.4 (libmpi.so.40), 3 ranks". */
    String description();

    /** Leaves the collective (MPI_Finalize); no operation may follow. */
    @Override
    void close();

    /** One process: gathers and broadcasts are no-ops. */
    static Collective single() {
        return SingleProcess.INSTANCE;
    }
}
