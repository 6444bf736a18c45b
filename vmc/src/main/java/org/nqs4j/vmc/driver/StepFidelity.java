package org.nqs4j.vmc.driver;

/**
 * The fidelity of a parameter step estimated from the samples of the current state alone, by
 * reweighting: with σ_s ~ |ψ|² and w_s = ψ'(σ_s)/ψ(σ_s),
 * <pre>
 *   F = |⟨ψ|ψ'⟩|² / (⟨ψ|ψ⟩⟨ψ'|ψ'⟩) = |E[w]|² / E[|w|²],
 * </pre>
 * and 1 − F ≈ η² δ†Sδ is the squared Fubini–Study length of the step η δ (Becca &amp; Sorella,
 * ch. 6), the quantity an SR step is meant to keep small. The log ratios are shifted by
 * max_s Re(log ψ' − log ψ) before exponentiating, so that no weight overflows.
 */
public final class StepFidelity {
    private StepFidelity() {
    }

    /**
     * F from log ψ(σ_s) and log ψ'(σ_s), both as (re, im) pairs of {@code n} samples; NaN when a log
     * value is not finite.
     */
    public static double estimate(double[] logOld, double[] logNew, int n) {
        double top = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < n; s++) {
            top = Math.max(top, logNew[2 * s] - logOld[2 * s]);
        }
        if (!Double.isFinite(top)) {
            return Double.NaN;
        }
        double sumRe = 0;
        double sumIm = 0;
        double sumSquares = 0;
        for (int s = 0; s < n; s++) {
            double modulus = Math.exp(logNew[2 * s] - logOld[2 * s] - top);
            double phase = logNew[2 * s + 1] - logOld[2 * s + 1];
            sumRe += modulus * Math.cos(phase);
            sumIm += modulus * Math.sin(phase);
            sumSquares += modulus * modulus;
        }
        double f = (sumRe * sumRe + sumIm * sumIm) / (n * sumSquares);
        return Double.isFinite(f) ? Math.min(1.0, f) : Double.NaN;
    }
}
