package org.nqs4j.ansatz;

/**
 * The per-chain state of a Markov chain: the current configuration σ and the look-up tables
 * that make moves cheap (for an RBM, θ = b + Wσ and tanh θ; Carleo &amp; Troyer 2017, supplement).
 *
 * <p>Log ratios of a move that flips a set of sites cost O(M · flips) instead of O(M·N); an
 * accepted move updates the tables in the same order. No method allocates.
 */
public interface WalkerCache {
    /** Copies σ and rebuilds every table from scratch (also after the parameters changed). */
    void reset(int[] sigma);

    /** The current configuration; read-only view owned by the cache. */
    int[] sigma();

    /**
     * log ψ(σ') − log ψ(σ) for σ' = σ with {@code sites[offset..offset+count)} flipped, as
     * (Re, Im) in {@code out}. The sites are distinct.
     */
    void logRatio(int[] sites, int offset, int count, double[] out);

    /** Moves to σ' = σ with the given sites flipped, updating the tables incrementally. */
    void applyFlips(int[] sites, int offset, int count);

    /** log ψ(σ) at the current configuration, (Re, Im). */
    void logPsi(double[] out);

    /**
     * O_k(σ) = ∂ log ψ(σ) / ∂p_k at the current configuration, written at
     * {@code out[offset .. offset + parameterArrayLength)} in the parameter layout.
     */
    void logDerivatives(double[] out, int offset);
}
