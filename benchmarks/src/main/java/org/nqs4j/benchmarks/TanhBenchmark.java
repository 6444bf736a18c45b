package org.nqs4j.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nqs4j.ansatz.RbmKernels;
import org.nqs4j.ansatz.RbmVectorKernels;
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
 * Question: what does the per-unit update of an accepted one-site move cost — θ, tanh θ and its
 * signed complement, without transcendentals ({@link RbmKernels#applyFlips}, what the RBM cache
 * does), vector and scalar — against recomputing M complex tanh exactly, for M = 40 and 160, on
 * moderate angles (|θ| ≲ 2) and on saturated ones (|θ| ≈ 6, a trained RBM)? The site flips back
 * and forth, so θ stays where it started. (The Vector API's EXPM1/SIN/COS round differently in
 * interpreted and compiled code, which breaks bit-reproducibility, so they are not used.)
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

    /** Typical |Re θ|: 1 (moderate) or 6 (saturated). */
    @Param({"1", "6"})
    public double angle;

    private double[] thetaRe;
    private double[] thetaIm;
    private double[] tanhRe;
    private double[] tanhIm;
    private double[] compRe;
    private double[] compIm;
    private double[] upper;
    private double[] wRe;
    private double[] wIm;
    private double[] tanh2wRe;
    private double[] tanh2wIm;
    private double[] plusRe;
    private double[] plusIm;
    private double[] minusRe;
    private double[] minusIm;
    private final int[] sigma = {1};
    private final int[] site = {0};

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(3);
        thetaRe = new double[m];
        thetaIm = new double[m];
        for (int k = 0; k < m; k++) {
            thetaRe[k] = (rnd.nextBoolean() ? angle : -angle) + rnd.nextDouble(-0.5, 0.5);
            thetaIm[k] = rnd.nextDouble(-1, 1);
        }
        wRe = new double[m];
        wIm = new double[m];
        for (int k = 0; k < m; k++) {
            wRe[k] = 0.1 * rnd.nextDouble(-1, 1);
            wIm[k] = 0.1 * rnd.nextDouble(-1, 1);
        }
        tanh2wRe = new double[m];
        tanh2wIm = new double[m];
        plusRe = new double[m];
        plusIm = new double[m];
        minusRe = new double[m];
        minusIm = new double[m];
        RbmKernels.weightTables(wRe, wIm, m, new double[m], new double[m], new double[m], new double[m], tanh2wRe,
                tanh2wIm, plusRe, plusIm, minusRe, minusIm);
        tanhRe = new double[m];
        tanhIm = new double[m];
        compRe = new double[m];
        compIm = new double[m];
        upper = new double[m];
        RbmKernels.tanh(thetaRe, thetaIm, m, tanhRe, tanhIm);
        RbmKernels.signedComplement(thetaRe, thetaIm, tanhRe, tanhIm, 0, m, compRe, compIm, upper);
    }

    @Benchmark
    public double updateVector() {
        RbmVectorKernels.applyFlips(wRe, wIm, tanh2wRe, tanh2wIm, plusRe, plusIm, minusRe, minusIm, m, sigma, site, 0, 1,
                thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm, upper);
        sigma[0] = -sigma[0];
        return tanhRe[0];
    }

    @Benchmark
    public double updateScalar() {
        RbmKernels.applyFlips(wRe, wIm, tanh2wRe, tanh2wIm, plusRe, plusIm, minusRe, minusIm, m, sigma, site, 0, 1,
                thetaRe, thetaIm, tanhRe, tanhIm, compRe, compIm, upper);
        sigma[0] = -sigma[0];
        return tanhRe[0];
    }

    @Benchmark
    public double exactTanh() {
        RbmKernels.tanh(thetaRe, thetaIm, m, tanhRe, tanhIm);
        return tanhRe[0];
    }
}
