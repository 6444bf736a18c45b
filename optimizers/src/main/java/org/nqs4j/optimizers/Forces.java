package org.nqs4j.optimizers;

import org.nqs4j.optimizers.linalg.RankExchange;
import org.nqs4j.optimizers.linalg.SampleMatrixOps;
import org.nqs4j.optimizers.linalg.TaskRunner;

/**
 * The force (energy gradient) of VMC from centred log-derivatives and local energies.
 *
 * <p>Complex (holomorphic) ansatz: F_k = (1/N_s) Σ_s conj(ΔO_sk) (E_s − Ē), so that
 * ∂⟨E⟩/∂p_k* = F_k. Real ansatz: F_k = (1/N_s) Σ_s ΔO_sk Re(E_s − Ē) and ∂⟨E⟩/∂p_k = 2F_k
 * (Carleo &amp; Troyer 2017, supplement; Becca &amp; Sorella, ch. 6). Weighted samples
 * ({@link LogDerivativeSamples#weigh}) replace 1/N_s by their weights w_s.
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
        compute(centeredO, localEnergies, force, TaskRunner.SERIAL);
    }

    /**
     * {@link #compute(LogDerivativeSamples, double[], double[])} over {@code tasks}: F = ΔO† ε by
     * {@link SampleMatrixOps#multiplyAdjoint}, whose result does not depend on the runner.
     */
    public static void compute(LogDerivativeSamples centeredO, double[] localEnergies, double[] force,
            TaskRunner tasks) {
        compute(centeredO, localEnergies, force, RankExchange.SINGLE, tasks);
    }

    /**
     * {@link #compute(LogDerivativeSamples, double[], double[], TaskRunner)} by ranks that hold the
     * same samples: ΔO† ε in the parameter slices of {@link SampleMatrixOps#multiplyAdjoint}, all-gathered.
     */
    public static void compute(LogDerivativeSamples centeredO, double[] localEnergies, double[] force,
            RankExchange ranks, TaskRunner tasks) {
        int n = centeredO.nSamples();
        int row = centeredO.rowLength();
        if (localEnergies.length < 2 * n) {
            throw new IllegalArgumentException("local energies need 2 * nSamples = " + 2 * n
                    + " doubles (re, im interleaved), got " + localEnergies.length);
        }
        if (force.length < row) {
            throw new IllegalArgumentException("force needs " + row + " doubles, got " + force.length);
        }
        double[] w = centeredO.weights();
        double meanRe = 0;
        double meanIm = 0;
        for (int s = 0; s < n; s++) {
            double ws = w == null ? 1.0 : w[s];
            meanRe += ws * localEnergies[2 * s];
            meanIm += ws * localEnergies[2 * s + 1];
        }
        if (w == null) {
            meanRe /= n;
            meanIm /= n;
        }
        // F = ΔO† ε with ε_s = (E_s − Ē)/N_s (real part only for a real ansatz); weighted rows are
        // √(N_s w_s) ΔO_s, so ε_s takes √(N_s w_s) too and F = Σ_s w_s ΔO_s† (E_s − Ē)
        boolean complex = centeredO.isComplex();
        double[] epsilon = new double[complex ? 2 * n : n];
        for (int s = 0; s < n; s++) {
            double scale = w == null ? 1.0 / n : Math.sqrt(n * w[s]) / n;
            if (complex) {
                epsilon[2 * s] = (localEnergies[2 * s] - meanRe) * scale;
                epsilon[2 * s + 1] = (localEnergies[2 * s + 1] - meanIm) * scale;
            } else {
                epsilon[s] = (localEnergies[2 * s] - meanRe) * scale;
            }
        }
        SampleMatrixOps.multiplyAdjoint(centeredO, epsilon, 1.0, force, ranks, tasks);
    }
}
