package org.nqs4j.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nqs4j.ansatz.OuterProductJacobian;
import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.OuterProductFactors;
import org.nqs4j.optimizers.linalg.GramKernel;
import org.nqs4j.optimizers.linalg.OuterProductGram;
import org.nqs4j.optimizers.linalg.TaskRunner;
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
 * Question: at N_s = 1,000 complex RBM rows, how long does the centred minSR Gram matrix take from
 * the RBM factors ({@link OuterProductGram}: N_s² (N + 4M) flops for the lower triangle; 2 N_s² (N + 4M)
 * when the answer below was measured, with both triangles) against the generic packed Gram of the
 * full centred rows ({@link GramKernel#hermitian}: 4 N_s² P flops, P = N + M + N M)? One thread.
 * Shapes: the Heisenberg chain L = 40 at α = 1 (P = 1,680) and α = 4 (P = 6,600).
 *
 * <p>Answer (round 4, shared 2-core EPYC, load ≈ 3 with another job on one core, one fork,
 * 3 × 2 s): α = 1: structured 8.0 ± 1.2 ms, generic 90 ± 48 ms (≈ 11×); α = 4: structured
 * 24.6 ± 3.3 ms, generic 362 ± 175 ms (≈ 15×). The structured kernel runs at ≈ 50–55 GFLOP/s (only
 * N + 4M FMAs per entry, so less reuse than the generic tile); its win is the ≈ 2NM/(N + 4M)-fold
 * smaller flop count. See benchmarks/README.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class GramBenchmark {
    @Param({"1", "4"})
    public int alpha;

    @Param({"structured", "generic"})
    public String impl;

    private static final int SAMPLES = 1000;
    private static final int SITES = 40;
    private LogDerivativeSamples rows;
    private OuterProductFactors factors;
    private final OuterProductGram rbmGram = new OuterProductGram();
    private final GramKernel gram = new GramKernel();
    private double[] re;
    private double[] im;
    private double[] interleaved;

    @Setup
    public void setUp() {
        // rows (σ, t, t ⊗ σ) with random spins and complex t in [−1, 1]², centred
        SplittableRandom rnd = new SplittableRandom(1);
        OuterProductJacobian layout = new OuterProductJacobian(SITES, alpha * SITES);
        rows = LogDerivativeSamples.ofOuterProduct(SAMPLES, layout, true);
        double[] d = rows.rowsToFill();
        int stored = rows.storedRowLength();
        int row = rows.rowLength();
        int m = layout.nHidden();
        for (int s = 0; s < SAMPLES; s++) {
            int off = s * stored;
            for (int i = 0; i < SITES; i++) {
                d[off + 2 * i] = rnd.nextBoolean() ? 1 : -1;
            }
            for (int j = 0; j < 2 * m; j++) {
                d[off + 2 * SITES + j] = rnd.nextDouble(-1, 1);
            }
        }
        rows.center(new double[row]);
        factors = rows.outerProductFactors().orElseThrow();
        re = new double[SAMPLES * SAMPLES];
        im = new double[SAMPLES * SAMPLES];
        interleaved = new double[2 * SAMPLES * SAMPLES];
    }

    @Benchmark
    public double centredGram() {
        if (impl.equals("structured")) {
            rbmGram.centred(factors, rows.means(), 1.0, re, im, TaskRunner.SERIAL);
            return re[1];
        }
        gram.hermitian(rows.data(), SAMPLES, rows.nParameters(), null, 1.0, interleaved, TaskRunner.SERIAL);
        return interleaved[2];
    }
}
