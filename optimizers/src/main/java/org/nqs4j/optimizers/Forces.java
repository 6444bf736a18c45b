package org.nqs4j.optimizers;

import java.util.Arrays;

import org.nqs4j.optimizers.linalg.DenseKernels;
import org.nqs4j.optimizers.linalg.TaskRunner;

/**
 * The force (energy gradient) of VMC from centred log-derivatives and local energies.
 *
 * <p>Complex (holomorphic) ansatz: F_k = (1/N_s) Σ_s conj(ΔO_sk) (E_s − Ē), so that
 * ∂⟨E⟩/∂p_k* = F_k. Real ansatz: F_k = (1/N_s) Σ_s ΔO_sk Re(E_s − Ē) and ∂⟨E⟩/∂p_k = 2F_k
 * (Carleo &amp; Troyer 2017, supplement; Becca &amp; Sorella, ch. 6).
 */
public final class Forces {
    /** Parameters per task of the parallel force. */
    private static final int PARAMETER_BLOCK = 256;

    private Forces() {
    }

    /**
     * @param centeredO      ΔO (already centred)
     * @param localEnergies  E_s as (re, im) interleaved, 2N_s doubles, for real and complex ansätze
     * @param force          F, written in the parameter layout ({@link LogDerivativeSamples#rowLength()})
     */
    public static void compute(LogDerivativeSamples centeredO, double[] localEnergies, double[] force) {
        compute(centeredO, localEnergies, force, TaskRunner.SERIAL);
    }

    /**
     * {@link #compute(LogDerivativeSamples, double[], double[])} with the parameters split into
     * fixed blocks over {@code tasks}; each F_k is summed over the samples in order, so F does not
     * depend on the runner.
     */
    public static void compute(LogDerivativeSamples centeredO, double[] localEnergies, double[] force,
            TaskRunner tasks) {
        int n = centeredO.nSamples();
        int row = centeredO.rowLength();
        if (localEnergies.length < 2 * n) {
            throw new IllegalArgumentException("local energies need 2 * nSamples = " + 2 * n
                    + " doubles (re, im interleaved), got " + localEnergies.length);
        }
        if (force.length < row) {
            throw new IllegalArgumentException("force needs " + row + " doubles, got " + force.length);
        }
        double meanRe = 0;
        double meanIm = 0;
        for (int s = 0; s < n; s++) {
            meanRe += localEnergies[2 * s];
            meanIm += localEnergies[2 * s + 1];
        }
        meanRe /= n;
        meanIm /= n;
        // F = ΔO† ε / N_s = (O† ε − conj(Ō) Σ_s ε_s) / N_s: a pending centring is applied to F
        double[] data = centeredO.rawRows();
        double[] mean = centeredO.pendingMean();
        double inv = 1.0 / n;
        double re = meanRe;
        double im = meanIm;
        double residualRe = 0; // Σ_s (E_s − Ē)/N_s, zero but for rounding
        double residualIm = 0;
        for (int s = 0; s < n; s++) {
            residualRe += (localEnergies[2 * s] - re) * inv;
            residualIm += (localEnergies[2 * s + 1] - im) * inv;
        }
        double sumRe = residualRe;
        double sumIm = centeredO.isComplex() ? residualIm : 0.0;
        int p = centeredO.nParameters();
        int blocks = (p + PARAMETER_BLOCK - 1) / PARAMETER_BLOCK;
        boolean complex = centeredO.isComplex();
        int components = complex ? 2 : 1;
        tasks.forEach(blocks, b -> {
            int from = b * PARAMETER_BLOCK;
            int count = Math.min(p, from + PARAMETER_BLOCK) - from;
            Arrays.fill(force, components * from, components * (from + count), 0.0);
            for (int s = 0; s < n; s++) {
                double dRe = (localEnergies[2 * s] - re) * inv;
                if (complex) {
                    double dIm = (localEnergies[2 * s + 1] - im) * inv;
                    DenseKernels.complexAxpyConjugate(dRe, dIm, data, s * row + 2 * from, force, 2 * from, count);
                } else {
                    DenseKernels.axpy(dRe, data, s * row + from, force, from, count);
                }
            }
            if (mean != null) {
                if (complex) {
                    DenseKernels.complexAxpyConjugate(-sumRe, -sumIm, mean, 2 * from, force, 2 * from, count);
                } else {
                    DenseKernels.axpy(-sumRe, mean, from, force, from, count);
                }
            }
        });
    }
}
