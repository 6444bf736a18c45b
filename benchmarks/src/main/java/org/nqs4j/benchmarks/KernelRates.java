package org.nqs4j.benchmarks;

import java.util.SplittableRandom;
import org.nqs4j.ansatz.OuterProductJacobian;
import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.OuterProductFactors;
import org.nqs4j.optimizers.linalg.HermitianBlockedCholesky;
import org.nqs4j.optimizers.linalg.OuterProductGram;
import org.nqs4j.optimizers.linalg.TaskRunner;

/**
 * Time and GFLOP/s of the two kernels of the minSR update of a complex RBM at a problem's shape,
 * on random data, best of a few runs after warm-up. Flops are counted analytically: the structured
 * Gram matrix ({@link OuterProductGram}, the lower triangle) costs N_s² (N + 4M) real flops (per entry N
 * real and M complex multiply-adds, over half the N_s² entries); the Hermitian Cholesky ({@link HermitianBlockedCholesky}) of order
 * N_s costs (4/3) N_s³.
 *
 * @param gramSeconds     structured Gram matrix, seconds
 * @param gramGflops      its rate
 * @param choleskySeconds Cholesky, seconds
 * @param choleskyGflops  its rate
 */
record KernelRates(double gramSeconds, double gramGflops, double choleskySeconds, double choleskyGflops) {
    private static final int RUNS = 4;

    static KernelRates measure(int nSamples, OuterProductJacobian layout, TaskRunner tasks) {
        SplittableRandom rnd = new SplittableRandom(1);
        int nVisible = layout.nVisible();
        LogDerivativeSamples samples = LogDerivativeSamples.ofOuterProduct(nSamples, layout, true);
        double[] rows = samples.rowsToFill();
        int row = samples.storedRowLength();
        for (int s = 0; s < nSamples; s++) {
            for (int i = 0; i < nVisible; i++) {
                rows[s * row + 2 * i] = rnd.nextBoolean() ? 1 : -1;
            }
            for (int k = 2 * nVisible; k < row; k++) {
                rows[s * row + k] = rnd.nextDouble(-1, 1);
            }
        }
        samples.center(new double[samples.rowLength()]);
        OuterProductFactors factors = samples.outerProductFactors().orElseThrow();
        int n = nSamples;
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        OuterProductGram gram = new OuterProductGram();
        double gramBest = Double.POSITIVE_INFINITY;
        for (int r = 0; r < RUNS; r++) {
            long t0 = System.nanoTime();
            gram.centred(factors, samples.means(), 1.0, re, im, tasks);
            gramBest = Math.min(gramBest, (System.nanoTime() - t0) * 1e-9);
        }
        double gramFlops = (double) n * n * (nVisible + 4.0 * layout.nHidden()); // the lower triangle
        double[] aRe = new double[n * n];
        double[] aIm = new double[n * n];
        for (int i = 0; i < n; i++) { // diagonally dominant, hence positive definite
            for (int j = 0; j < i; j++) {
                double x = rnd.nextDouble(-1, 1);
                double y = rnd.nextDouble(-1, 1);
                aRe[i * n + j] = x;
                aIm[i * n + j] = y;
                aRe[j * n + i] = x;
                aIm[j * n + i] = -y;
            }
            aRe[i * n + i] = 2 * n;
        }
        double[] panelRe = new double[HermitianBlockedCholesky.panelLength(n)];
        double[] panelIm = new double[HermitianBlockedCholesky.panelLength(n)];
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < RUNS; r++) {
            System.arraycopy(aRe, 0, re, 0, n * n);
            System.arraycopy(aIm, 0, im, 0, n * n);
            long t0 = System.nanoTime();
            if (HermitianBlockedCholesky.factor(re, im, n, panelRe, panelIm, tasks) >= 0) {
                throw new IllegalStateException("the benchmark matrix must be positive definite");
            }
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        return new KernelRates(gramBest, gramFlops / gramBest * 1e-9, best, 4.0 / 3 * n * n * n / best * 1e-9);
    }
}
