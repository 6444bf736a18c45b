package org.nqs4j.optimizers;

import java.util.Arrays;

import org.nqs4j.optimizers.linalg.DenseKernels;

/**
 * The force (energy gradient) of VMC from centred log-derivatives and local energies.
 *
 * <p>Complex (holomorphic) ansatz: F_k = (1/N_s) Σ_s conj(ΔO_sk) (E_s − Ē), so that
 * ∂⟨E⟩/∂p_k* = F_k. Real ansatz: F_k = (1/N_s) Σ_s ΔO_sk Re(E_s − Ē) and ∂⟨E⟩/∂p_k = 2F_k
 * (Carleo &amp; Troyer 2017, supplement; Becca &amp; Sorella, ch. 6).
 */
public final class Forces {
    private Forces() {
    }

    /**
     * @param centeredO      ΔO (already centred)
     * @param localEnergies  E_s as (re, im) interleaved, 2N_s doubles, for real and complex ansätze
     * @param force          F, written in the parameter layout ({@link LogDerivativeSamples#rowLength()})
     */
    public static void compute(LogDerivativeSamples centeredO, double[] localEnergies, double[] force) {
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
        double[] data = centeredO.data();
        double inv = 1.0 / n;
        Arrays.fill(force, 0, row, 0.0);
        for (int s = 0; s < n; s++) {
            double dRe = (localEnergies[2 * s] - meanRe) * inv;
            if (centeredO.isComplex()) {
                double dIm = (localEnergies[2 * s + 1] - meanIm) * inv;
                DenseKernels.complexAxpyConjugate(dRe, dIm, data, s * row, force, 0, centeredO.nParameters());
            } else {
                DenseKernels.axpy(dRe, data, s * row, force, 0, row);
            }
        }
    }
}
