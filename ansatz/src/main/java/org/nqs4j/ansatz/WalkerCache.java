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

    /**
     * ψ(σ')/ψ(σ) itself for the same move, as (Re, Im) in {@code out}: what Metropolis
     * acceptances (|ratio|²) and local estimators (Σ H_σσ' ratio) need. The default exponentiates
     * {@link #logRatio}; an ansatz whose ratio is a product (e.g. the RBM) overrides it to skip the
     * log and exp. Overflows to ±∞ like exp of the log ratio would.
     */
    default void ratio(int[] sites, int offset, int count, double[] out) {
        logRatio(sites, offset, count, out);
        double modulus = Math.exp(out[0]);
        double phase = out[1];
        out[0] = modulus * Math.cos(phase);
        out[1] = modulus * Math.sin(phase);
    }

    /** Moves to σ' = σ with the given sites flipped, updating the tables incrementally. */
    void applyFlips(int[] sites, int offset, int count);

    /** log ψ(σ) at the current configuration, (Re, Im). */
    void logPsi(double[] out);

    /**
     * O_k(σ) = ∂ log ψ(σ) / ∂p_k at the current configuration, written at
     * {@code out[offset .. offset + parameterArrayLength)} in the parameter layout.
     */
    void logDerivatives(double[] out, int offset);

    /**
     * For an ansatz with an {@link WaveFunction#rbmLogDerivativeLayout RBM layout}: only the first
     * N + M entries of {@link #logDerivatives}, the factors σ and tanh θ from which the rest of the
     * row follows, written at {@code out[offset ..)}. Other ansätze do not support it.
     */
    default void logDerivativeFactors(double[] out, int offset) {
        throw new UnsupportedOperationException("this ansatz declares no RBM log-derivative layout");
    }
}
