package org.nqs4j.vmc.stats;

/**
 * A Monte Carlo estimate from correlated Markov chains, reported together with everything needed
 * to judge it.
 *
 * @param mean      sample mean over all chains
 * @param error     standard error of the mean, √(Var · τ / N), with τ the integrated
 *                  autocorrelation time in units of samples
 * @param variance  sample variance of the values (for the energy: the energy variance)
 * @param tauCorr   τ = 1 + 2 Σ_{t≥1} ρ(t); 1 for independent samples
 * @param rHat      split-R̂ (Gelman et al., Bayesian Data Analysis, 3rd ed., §11.4); ≈ 1 when the
 *                  chains agree, NaN with fewer than 4 samples per chain
 * @param nSamples  number of values N
 */
public record Estimate(double mean, double error, double variance, double tauCorr, double rHat, long nSamples) {
    /**
     * The exact expectation Σ_s w_s v_s of {@code values[offset + stride·s]} over basis states with
     * probability weights w_s (Σ = 1; samplers.FullSumSampler): no sampling error (error 0, τ = 1,
     * R̂ = 1), the variance Σ_s w_s (v_s − mean)², and the states of non-zero weight as the count.
     */
    public static Estimate ofWeightedSum(double[] values, int offset, int stride, double[] weights, int n) {
        double mean = 0;
        long states = 0;
        for (int s = 0; s < n; s++) {
            mean += weights[s] * values[offset + stride * s];
            states += weights[s] > 0 ? 1 : 0;
        }
        double variance = 0;
        for (int s = 0; s < n; s++) {
            double d = values[offset + stride * s] - mean;
            variance += weights[s] * d * d;
        }
        return new Estimate(mean, 0.0, variance, 1.0, 1.0, states);
    }
}
