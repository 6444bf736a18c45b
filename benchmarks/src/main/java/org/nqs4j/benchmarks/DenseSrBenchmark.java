package org.nqs4j.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nqs4j.ansatz.OuterProductJacobian;
import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.sr.DenseCholeskySolver;
import org.nqs4j.optimizers.sr.SrSolvers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: how long does the dense SR solve of the small-step problem take on one thread, i.e.
 * centring the factored rows of a real RBM (TFIM chain L = 20, α = 1: P = 440) over N_s = 1,008
 * samples, forming S (since issue 18 round 2 from the second moments of the factors,
 * {@code RealOuterProductQgt}: 231 × 211 × N_s FMAs, against P² N_s/2 for the triangle of ΔOᵀΔO/N_s before)
 * and solving (S + 0.01) x = F by Cholesky (P³/6 FMAs)? This is the whole update of `nqs bench`'s
 * {@code tfim-chain-20-h1-a1-real} problem apart from the force and the parameter step.
 * Answer: benchmarks/README.md, "Issue 18: the small SR step".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseSerialGC"})
public class DenseSrBenchmark {
    private static final int SAMPLES = 1008;
    private static final int SITES = 20;
    private LogDerivativeSamples rows;
    private double[] raw;
    private final DenseCholeskySolver solver = SrSolvers.denseCholesky();
    private double[] mean;
    private double[] force;
    private double[] shift;
    private double[] direction;

    @Setup
    public void setUp() {
        // factored rows (σ, tanh θ) of a real RBM with random spins and θ ~ N(0, 1)
        SplittableRandom rnd = new SplittableRandom(1);
        OuterProductJacobian layout = new OuterProductJacobian(SITES, SITES);
        rows = LogDerivativeSamples.ofOuterProduct(SAMPLES, layout, false);
        int stored = rows.storedRowLength();
        raw = new double[SAMPLES * stored];
        for (int s = 0; s < SAMPLES; s++) {
            for (int i = 0; i < SITES; i++) {
                raw[s * stored + i] = rnd.nextBoolean() ? 1 : -1;
                raw[s * stored + SITES + i] = Math.tanh(rnd.nextGaussian());
            }
        }
        int p = rows.nParameters();
        mean = new double[p];
        force = new double[p];
        shift = new double[p];
        direction = new double[p];
        for (int k = 0; k < p; k++) {
            force[k] = rnd.nextGaussian();
        }
        Arrays.fill(shift, 0.01);
    }

    @Benchmark
    public double centreAndSolve() {
        System.arraycopy(raw, 0, rows.rowsToFill(), 0, raw.length);
        rows.center(mean);
        solver.solve(rows, force, shift, direction);
        return direction[0];
    }
}
