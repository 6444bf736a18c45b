package org.nqs4j.samplers;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A symmetric Metropolis proposal T(σ→σ') = T(σ'→σ) that flips a set of sites. Symmetry is what
 * lets the acceptance be min(1, |ψ(σ')/ψ(σ)|²) without a Hastings factor.
 */
public interface TransitionRule {
    /**
     * Draws a move from σ and writes the sites it flips into {@code sites}.
     *
     * @return the number of sites flipped; 0 for a null move (e.g. exchanging two equal spins),
     *     which leaves σ unchanged and is not counted as a proposal
     */
    int propose(int[] sigma, UniformRandomProvider rng, int[] sites);

    /** Largest number of sites one move flips. */
    int maxFlips();

    /** True when every move conserves Σσ (needed on a fixed-magnetisation Hilbert space). */
    boolean conservesMagnetization();

    String description();
}
