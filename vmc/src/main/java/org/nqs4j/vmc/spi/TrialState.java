package org.nqs4j.vmc.spi;

/**
 * The exact energy ⟨ψ|Ĥ|ψ⟩/⟨ψ|ψ⟩ and energy variance of the optimised trial state itself, summed
 * over the whole Hilbert space (sector) of {@code dimension} states: VMC − energy is sampling
 * error, energy − E₀ the variational error.
 */
public record TrialState(double energy, double variance, long dimension) {
}
