package org.nqs4j.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nqs4j.ansatz.RbmKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: what does updating tanh θ after an accepted one-site move cost by the addition
 * theorem with tabulated tanh 2W (no transcendentals, what the RBM cache does), against
 * recomputing M complex tanh exactly, for M = 40 and 160 complex angles? (The Vector API's
 * EXPM1/SIN/COS were faster still but round differently in interpreted and compiled code, which
 * breaks bit-reproducibility, so they are not used.)
 *
 * <p>Answer: see benchmarks/README.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class TanhBenchmark {
    @Param({"40", "160"})
    public int m;

    private double[] re;
    private double[] im;
    private double[] outRe;
    private double[] outIm;
    private double[] tanh2wRe;
    private double[] tanh2wIm;
    private final int[] sigma = {1};
    private final int[] site = {0};

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(3);
        re = new double[m];
        im = new double[m];
        for (int k = 0; k < m; k++) {
            re[k] = rnd.nextDouble(-2, 2);
            im[k] = rnd.nextDouble(-2, 2);
        }
        outRe = new double[m];
        outIm = new double[m];
        tanh2wRe = new double[m];
        tanh2wIm = new double[m];
        for (int k = 0; k < m; k++) {
            tanh2wRe[k] = 0.1 * rnd.nextDouble(-1, 1);
            tanh2wIm[k] = 0.1 * rnd.nextDouble(-1, 1);
        }
        RbmKernels.tanh(re, im, m, outRe, outIm);
    }

    @Benchmark
    public double additionTheorem() {
        RbmKernels.tanhAfterFlips(tanh2wRe, tanh2wIm, m, sigma, site, 0, 1, re, im, outRe, outIm);
        return outRe[0];
    }

    @Benchmark
    public double scalar() {
        RbmKernels.tanh(re, im, m, outRe, outIm);
        return outRe[0];
    }
}
