package org.nqs4j.ansatz;

/**
 * The per-chain state of a Markov chain: the current configuration x and the look-up tables
 * that make moves cheap (for an RBM, θ = b + Wσ and tanh θ; Carleo &amp; Troyer 2017, supplement).
 *
 * <h2>Moves</h2>
 * A move x → x' is a list of changes (site, new local value): entries
 * {@code sites[offset..offset+count)} of x take the values {@code values[offset..offset+count)}; the
 * sites are distinct. This is the one currency of transition rules, operator connections and
 * estimators for every Hilbert space: a spin flip, a fermion hop (the source orbital to 0, the
 * target to 1), a boson hop (n_i − 1, n_j + 1). For spin-½ the new value of a changed site is
 * always −σᵢ, so spin caches may ignore {@code values}.
 *
 * <p>Log ratios of a move cost O(M · changes) instead of O(M·N) for an RBM; an accepted move
 * updates the tables in the same order. No method allocates.
 */
public interface WalkerCache {
    /** Copies x and rebuilds every table from scratch (also after the parameters changed). */
    void reset(int[] x);

    /** The current configuration; read-only view owned by the cache. */
    int[] configuration();

    /** log ψ(x') − log ψ(x) for the move (sites, values), as (Re, Im) in {@code out}. */
    void logRatio(int[] sites, int[] values, int offset, int count, double[] out);

    /**
     * ψ(x')/ψ(x) itself for the same move, as (Re, Im) in {@code out}: what Metropolis
     * acceptances (|ratio|²) and local estimators (Σ H_xx' ratio) need. The default exponentiates
     * {@link #logRatio}; an ansatz whose ratio is a product (e.g. the RBM) overrides it to skip the
     * log and exp. Overflows to ±∞ like exp of the log ratio would.
     */
    default void ratio(int[] sites, int[] values, int offset, int count, double[] out) {
        logRatio(sites, values, offset, count, out);
        double modulus = Math.exp(out[0]);
        double phase = out[1];
        out[0] = modulus * Math.cos(phase);
        out[1] = modulus * Math.sin(phase);
    }

    /**
     * |ψ(x')/ψ(x)|² for the move, as (estimate, bound) in {@code out}: the exact value m = Re² + Im² of
     * {@link #ratio} (that expression, those bits) lies in [estimate − bound, estimate + bound]. Bound 0 means
     * the estimate is m itself, which the default returns. An ansatz may return a cheaper estimate with a
     * rigorous bound &gt; 0 (finite), so that a Metropolis step decides from it whenever the bracket holds
     * neither 1 nor its uniform number, and computes m only otherwise: the same decisions as from m.
     */
    default void ratioModulus2(int[] sites, int[] values, int offset, int count, double[] out) {
        ratio(sites, values, offset, count, out);
        out[0] = out[0] * out[0] + out[1] * out[1];
        out[1] = 0.0;
    }

    /**
     * The {@link #ratio ratios} of {@code count} moves from the current configuration at once, what a
     * local estimator needs for all connections of x: move k is (sites, values) at
     * {@code offsets[k]} with {@code counts[k]} changes, its ratio goes to (out[2k], out[2k+1]). The
     * same bits as {@link #ratio} move by move; an ansatz may override it to evaluate independent
     * moves side by side (the RBM hides a product's latency behind another's).
     */
    default void ratios(int[] sites, int[] values, int[] offsets, int[] counts, int count, double[] out) {
        // backwards, so that out[0..1] may serve as ratio's output for every move and is written last by move 0
        for (int k = count - 1; k >= 0; k--) {
            ratio(sites, values, offsets[k], counts[k], out);
            out[2 * k] = out[0];
            out[2 * k + 1] = out[1];
        }
    }

    /** Moves to x' (the move (sites, values)), updating the tables incrementally. */
    void applyMove(int[] sites, int[] values, int offset, int count);

    /** log ψ(x) at the current configuration, (Re, Im). */
    void logPsi(double[] out);

    /**
     * O_k(x) = ∂ log ψ(x) / ∂p_k at the current configuration, written at
     * {@code out[offset .. offset + parameterArrayLength)} in the parameter layout.
     */
    void logDerivatives(double[] out, int offset);

    /**
     * For an ansatz with an {@link WaveFunction#outerProductJacobian outer-product Jacobian}: only the
     * first N + M entries of {@link #logDerivatives}, the factors u and v (for the RBM σ and tanh θ)
     * from which the rest of the row follows, written at {@code out[offset ..)}. Other ansätze do
     * not support it.
     */
    default void logDerivativeFactors(double[] out, int offset) {
        throw new UnsupportedOperationException("this ansatz declares no outer-product Jacobian");
    }
}
