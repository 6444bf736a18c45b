package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nqs4j.vmc.parallel.Collective;

/**
 * Under MPI every rank stops with rank 0's signal: a rank that received none itself (SIGTERM sent
 * to rank 0 alone) must end with 143 too, which Main does not turn into an MPI_Abort of the job.
 */
class AgreedStopTest {
    /** Rank 1 of 2, whose broadcasts deliver {@code root}'s byte: what rank 0 saw. */
    private static Collective rankOne(byte root) {
        return new Collective() {
            @Override
            public int rank() {
                return 1;
            }

            @Override
            public int size() {
                return 2;
            }

            @Override
            public void allgather(double[] data, int[] counts, int[] offsets) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void broadcast(byte[] data, int rootRank) {
                data[0] = root;
            }

            @Override
            public void barrier() {
            }

            @Override
            public void abort(int code) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String description() {
                return "rank 1 of 2 (test)";
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void aRankWithoutASignalStopsWithRankZerosSignalAndExitCode() {
        int signal = VmcRun.agreedStop(rankOne((byte) 15));
        assertEquals(15, signal);
        assertEquals("SIGTERM", StopRequest.name(signal));
        assertEquals(143, new StopRequest.Interrupted("stopped", signal).exitCode());
        assertEquals(130, new StopRequest.Interrupted("stopped", VmcRun.agreedStop(rankOne((byte) 2))).exitCode());
        assertEquals(0, VmcRun.agreedStop(rankOne((byte) 0)));
    }
}
