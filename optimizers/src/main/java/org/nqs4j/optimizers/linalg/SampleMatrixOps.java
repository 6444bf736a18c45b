package org.nqs4j.optimizers.linalg;

import java.util.Arrays;

import org.nqs4j.optimizers.LogDerivativeSamples;

/**
 * Products with the N_s × P sample matrix A = ΔO held by {@link LogDerivativeSamples}, real or
 * complex (interleaved), without forming A†A. These make the matrix-free quantum geometric
 * tensor S v = (1/N_s) A†(A v). Factored RBM rows ({@link LogDerivativeSamples#outerProductFactors}) take
 * {@link OuterProductRowProducts}. None allocates.
 */
public final class SampleMatrixOps {
    private SampleMatrixOps() {
    }

    /** Rows per task of {@link #multiply}. */
    static final int ROW_BLOCK = 32;
    /** Parameters per task of {@link #multiplyAdjoint}. */
    static final int PARAMETER_BLOCK = 256;

    /** out_s = Σ_k A_sk v_k; {@code v} has the row length, {@code out} N_s (real) or 2N_s doubles. */
    public static void multiply(LogDerivativeSamples a, double[] v, double[] out) {
        multiply(a, v, out, TaskRunner.SERIAL);
    }

    /**
     * {@link #multiply(LogDerivativeSamples, double[], double[])} with fixed row blocks over
     * {@code tasks}. A pending centring is applied as ΔO v = O v − (Ō·v) 1, without touching O.
     */
    public static void multiply(LogDerivativeSamples a, double[] v, double[] out, TaskRunner tasks) {
        multiply(a, v, out, RankExchange.SINGLE, tasks);
    }

    /**
     * {@link #multiply(LogDerivativeSamples, double[], double[], TaskRunner)} in sample slices: each
     * rank computes a contiguous range of the row blocks and the ranks all-gather them.
     */
    public static void multiply(LogDerivativeSamples a, double[] v, double[] out, RankExchange ranks,
                                TaskRunner tasks) {
        if (a.outerProductFactors().isPresent()) {
            OuterProductRowProducts.multiply(a.outerProductFactors().get(), a.means(), v, out, ranks, tasks);
            return;
        }
        int p = a.nParameters();
        int row = a.rowLength();
        int n = a.nSamples();
        double[] data = a.rawRows();
        double[] mean = a.pendingMean();
        double[] meanDotV = new double[2];
        if (mean != null) {
            if (a.isComplex()) {
                DenseKernels.complexDot(mean, 0, v, 0, p, meanDotV, 0);
            } else {
                meanDotV[0] = DenseKernels.dot(mean, 0, v, 0, p);
            }
        }
        int blocks = (n + ROW_BLOCK - 1) / ROW_BLOCK;
        int b0 = ranks.first(blocks, ranks.rank());
        tasks.forEach(ranks.first(blocks, ranks.rank() + 1) - b0, t -> {
            int b = b0 + t;
            for (int s = b * ROW_BLOCK; s < Math.min(n, (b + 1) * ROW_BLOCK); s++) {
                if (a.isComplex()) {
                    DenseKernels.complexDot(data, s * row, v, 0, p, out, 2 * s);
                    out[2 * s] -= meanDotV[0];
                    out[2 * s + 1] -= meanDotV[1];
                } else {
                    out[s] = DenseKernels.dot(data, s * row, v, 0, p) - meanDotV[0];
                }
            }
        });
        int c = a.isComplex() ? 2 : 1;
        ranks.allgatherRanges(out, 0, blocks, c * ROW_BLOCK, c * n);
    }

    /** out_k = scale Σ_s conj(A_sk) w_s; {@code w} has N_s (real) or 2N_s doubles. */
    public static void multiplyAdjoint(LogDerivativeSamples a, double[] w, double scale, double[] out) {
        multiplyAdjoint(a, w, scale, out, TaskRunner.SERIAL);
    }

    /**
     * {@link #multiplyAdjoint(LogDerivativeSamples, double[], double, double[])} with the parameters
     * split into fixed blocks of {@value #PARAMETER_BLOCK} over {@code tasks}; each block sums the
     * samples in order, so the result does not depend on the runner.
     */
    public static void multiplyAdjoint(LogDerivativeSamples a, double[] w, double scale, double[] out,
                                       TaskRunner tasks) {
        multiplyAdjoint(a, w, scale, out, RankExchange.SINGLE, tasks);
    }

    /**
     * {@link #multiplyAdjoint(LogDerivativeSamples, double[], double, double[], TaskRunner)} in
     * parameter slices: each rank computes a contiguous range of the parameter blocks (for RBM
     * factors, of the hidden units) and the ranks all-gather them; every entry is summed as on
     * one process.
     */
    public static void multiplyAdjoint(LogDerivativeSamples a, double[] w, double scale, double[] out,
                                       RankExchange ranks, TaskRunner tasks) {
        if (a.outerProductFactors().isPresent()) {
            OuterProductRowProducts.multiplyAdjoint(a.outerProductFactors().get(), a.means(), w, scale, out, ranks, tasks);
            return;
        }
        int p = a.nParameters();
        int row = a.rowLength();
        int c = a.isComplex() ? 2 : 1;
        double[] data = a.rawRows();
        double[] mean = a.pendingMean();
        // a pending centring: ΔO† w = O† w − conj(Ō) Σ_s w_s
        double sumRe = 0;
        double sumIm = 0;
        for (int s = 0; s < a.nSamples(); s++) {
            sumRe += w[c * s];
            sumIm += a.isComplex() ? w[2 * s + 1] : 0.0;
        }
        double minusRe = -scale * sumRe;
        double minusIm = -scale * sumIm;
        int blocks = (p + PARAMETER_BLOCK - 1) / PARAMETER_BLOCK;
        int b0 = ranks.first(blocks, ranks.rank());
        tasks.forEach(ranks.first(blocks, ranks.rank() + 1) - b0, t -> {
            int k0 = (b0 + t) * PARAMETER_BLOCK;
            int count = Math.min(p, k0 + PARAMETER_BLOCK) - k0;
            Arrays.fill(out, c * k0, c * (k0 + count), 0.0);
            for (int s = 0; s < a.nSamples(); s++) {
                if (a.isComplex()) {
                    DenseKernels.complexAxpyConjugate(scale * w[2 * s], scale * w[2 * s + 1], data, s * row + 2 * k0,
                            out, 2 * k0, count);
                } else {
                    DenseKernels.axpy(scale * w[s], data, s * row + k0, out, k0, count);
                }
            }
            if (mean != null) {
                if (a.isComplex()) {
                    DenseKernels.complexAxpyConjugate(minusRe, minusIm, mean, 2 * k0, out, 2 * k0, count);
                } else {
                    DenseKernels.axpy(minusRe, mean, k0, out, k0, count);
                }
            }
        });
        ranks.allgatherRanges(out, 0, blocks, c * PARAMETER_BLOCK, c * p);
    }

    /** out_k = scale Σ_s |A_sk|², k &lt; P: the diagonal of S for scale = 1/N_s. */
    public static void columnSquaredNorms(LogDerivativeSamples a, double scale, double[] out) {
        int p = a.nParameters();
        int row = a.rowLength();
        double[] data = a.data();
        Arrays.fill(out, 0, p, 0.0);
        for (int s = 0; s < a.nSamples(); s++) {
            int off = s * row;
            for (int k = 0; k < p; k++) {
                if (a.isComplex()) {
                    double re = data[off + 2 * k];
                    double im = data[off + 2 * k + 1];
                    out[k] += re * re + im * im;
                } else {
                    double v = data[off + k];
                    out[k] += v * v;
                }
            }
        }
        for (int k = 0; k < p; k++) {
            out[k] *= scale;
        }
    }
}
