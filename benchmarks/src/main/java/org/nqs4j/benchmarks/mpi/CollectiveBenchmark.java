package org.nqs4j.benchmarks.mpi;

import java.util.concurrent.TimeUnit;
import org.nqs4j.vmc.parallel.Collective;
import org.nqs4j.vmc.parallel.World;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: what does one collective of a distributed run cost through the FFM binding, for 8 B and
 * for 1 MiB per rank? Two operations: {@code allgather}, the one data exchange of the engine
 * ({@link Collective#allgather}, MPI_Allgatherv in place), and {@code allreduce}, a sum over the ranks
 * built on it as the engine reduces: every rank's block gathered, then summed in rank order on every
 * rank (the same bits for any rank count, where MPI_Allreduce's tree depends on it).
 *
 * <p>Run under an MPI launcher by {@code benchmarks/collectives-jmh.sh}: one trial per launch, since MPI
 * is initialised once per process and then called from that thread only (JMH runs each trial on a
 * thread of its own); no fork, since the rank is this process; iterations of a fixed number of calls
 * (single shot of {@value #CALLS} calls), since a time-based mode would let the ranks make different
 * numbers of calls and hang the last one. The ranks meet at a barrier before each iteration.
 *
 * <p>Answer: benchmarks/README.md, "Session 26: the collectives in JMH".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, batchSize = 1)
@Measurement(iterations = 15, batchSize = 1)
@Fork(0)
public class CollectiveBenchmark {
    /** Calls per iteration. */
    static final int CALLS = 1_000;

    /** Bytes per rank: one double, or 1 MiB. */
    @Param({"8", "1048576"})
    public int bytes;

    private Collective world;
    private double[] data;
    private int[] counts;
    private int[] offsets;
    private double[] sum;

    @Setup(Level.Trial)
    public void join() {
        world = World.join(System.getenv());
        int ranks = world.size();
        if (ranks < 2) {
            throw new IllegalStateException("run under an MPI launcher with 2 or more ranks:"
                    + " benchmarks/collectives-jmh.sh");
        }
        int n = bytes / Double.BYTES;
        data = new double[ranks * n];
        counts = new int[ranks];
        offsets = new int[ranks];
        for (int r = 0; r < ranks; r++) {
            counts[r] = n;
            offsets[r] = r * n;
        }
        for (int i = 0; i < n; i++) {
            data[world.rank() * n + i] = world.rank() + 1e-3 * i;
        }
        sum = new double[n];
    }

    @Setup(Level.Iteration)
    public void meet() {
        world.barrier();
    }

    @TearDown(Level.Trial)
    public void leave() {
        world.close();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public double allgather() {
        for (int c = 0; c < CALLS; c++) {
            world.allgather(data, counts, offsets);
        }
        return data[data.length - 1];
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public double allreduce() {
        int n = sum.length;
        for (int c = 0; c < CALLS; c++) {
            world.allgather(data, counts, offsets);
            System.arraycopy(data, 0, sum, 0, n);
            for (int r = 1; r < counts.length; r++) {
                for (int i = 0, o = offsets[r]; i < n; i++, o++) {
                    sum[i] += data[o];
                }
            }
        }
        return sum[n - 1];
    }
}
