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
}
