package org.nqs4j.benchmarks;

import java.util.SplittableRandom;
import org.nqs4j.optimizers.linalg.BlockedCholesky;
import org.nqs4j.optimizers.linalg.GramKernel;
import org.nqs4j.optimizers.linalg.TaskRunner;

/**
 * GFLOP/s of the two kernels of the minSR update at a problem's shape, on random data, best of
 * a few runs after warm-up. Flops are counted analytically: the Hermitian Gram matrix of N_s
 * complex rows of length P (upper triangle only) costs 4 N_s² P real flops (N_s²/2 entries × P
 * complex multiply-adds of 8 flops); the Cholesky of the real 2N_s embedding costs (2N_s)³/3.
 *
 * @param gramGflops     Gram kernel rate
 * @param choleskyGflops Cholesky rate
 */
record KernelRates(double gramGflops, double choleskyGflops) {
    private static final int RUNS = 4;

    static KernelRates measure(int nSamples, int nParameters, TaskRunner tasks) {
        SplittableRandom rnd = new SplittableRandom(1);
        double[] x = new double[2 * nSamples * nParameters];
        for (int j = 0; j < x.length; j++) {
            x[j] = rnd.nextDouble(-1, 1);
        }
        double[] c = new double[2 * nSamples * nSamples];
        GramKernel gram = new GramKernel();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < RUNS; r++) {
            long t0 = System.nanoTime();
            gram.hermitian(x, nSamples, nParameters, null, 1.0, c, tasks);
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        double gramRate = 4.0 * nSamples * nSamples * nParameters / best * 1e-9;
        x = null; // the Gram input can be large (N_s × 2P doubles); free it before the next one
        int n = 2 * nSamples;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) { // diagonally dominant, hence positive definite
            for (int j = 0; j <= i; j++) {
                double v = i == j ? n : rnd.nextDouble(-1, 1);
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
        double[] work = new double[n * n];
        double[] panel = new double[BlockedCholesky.panelLength(n)];
        best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < RUNS; r++) {
            System.arraycopy(a, 0, work, 0, a.length);
            long t0 = System.nanoTime();
            if (BlockedCholesky.factor(work, n, panel, tasks) >= 0) {
                throw new IllegalStateException("the benchmark matrix must be positive definite");
            }
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        return new KernelRates(gramRate, (double) n * n * n / 3 / best * 1e-9);
    }
}
