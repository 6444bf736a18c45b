package org.nqs4j.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_ZDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.nqs4j.optimizers.linalg.BlockedCholesky;
import org.nqs4j.optimizers.linalg.HermitianBlockedCholesky;
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
 * Question: how long does the Cholesky factorisation of the N_s × N_s Hermitian minSR matrix
 * (N_s = 1,000, the peers' samples per iteration) take with EJML's complex Cholesky (unblocked,
 * scalar), with {@link BlockedCholesky} on the real symmetric embedding of order 2N_s
 * (twice the flops, SIMD), and with {@link HermitianBlockedCholesky} on split re/im storage (round 4,
 * what minSR uses now)? Flops: complex n³·4/3, embedded (2n)³/3.
 *
 * <p>Answer: see benchmarks/README.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class CholeskyBenchmark {
    @Param({"1000"})
    public int n;

    @Param({"ejml-complex", "blocked-real-embedding", "blocked-hermitian"})
    public String impl;

    private double[] hermitian;
    private double[] work;
    private double[] panel;
    private double[] re;
    private double[] im;
    private double[] panelIm;
    private ZMatrixRMaj matrix;
    private CholeskyDecomposition_F64<ZMatrixRMaj> ejml;

    @Setup
    public void setUp() {
        // N_s I + B B† with B complex Gaussian, 1680 columns: the L = 40, α = 1 shape
        SplittableRandom rnd = new SplittableRandom(1);
        int p = 1680;
        double[] b = new double[2 * n * p];
        for (int k = 0; k < b.length; k++) {
            b[k] = rnd.nextGaussian() * 0.1;
        }
        hermitian = new double[2 * n * n];
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                double re = 0;
                double im = 0;
                for (int k = 0; k < p; k++) {
                    double sr = b[2 * (s * p + k)];
                    double si = b[2 * (s * p + k) + 1];
                    double tr = b[2 * (t * p + k)];
                    double ti = b[2 * (t * p + k) + 1];
                    re += sr * tr + si * ti;
                    im += si * tr - sr * ti;
                }
                hermitian[2 * (s * n + t)] = re + (s == t ? n : 0);
                hermitian[2 * (s * n + t) + 1] = s == t ? 0 : im;
            }
        }
        matrix = new ZMatrixRMaj(n, n);
        ejml = DecompositionFactory_ZDRM.chol(n, true);
        work = new double[4 * n * n];
        panel = new double[Math.max(BlockedCholesky.panelLength(2 * n), HermitianBlockedCholesky.panelLength(n))];
        panelIm = new double[HermitianBlockedCholesky.panelLength(n)];
        re = new double[n * n];
        im = new double[n * n];
    }

    @Benchmark
    public double factor() {
        if (impl.equals("ejml-complex")) {
            System.arraycopy(hermitian, 0, matrix.data, 0, hermitian.length);
            ejml.decompose(matrix);
            return matrix.data[0];
        }
        if (impl.equals("blocked-hermitian")) {
            for (int j = 0; j < n * n; j++) {
                re[j] = hermitian[2 * j];
                im[j] = hermitian[2 * j + 1];
            }
            HermitianBlockedCholesky.factor(re, im, n, panel, panelIm, TaskRunner.SERIAL);
            return re[0];
        }
        int n2 = 2 * n;
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                double re = hermitian[2 * (s * n + t)];
                double im = hermitian[2 * (s * n + t) + 1];
                work[s * n2 + t] = re;
                work[s * n2 + n + t] = -im;
                work[(n + s) * n2 + t] = im;
                work[(n + s) * n2 + n + t] = re;
            }
        }
        BlockedCholesky.factor(work, n2, panel);
        return work[0];
    }
}
