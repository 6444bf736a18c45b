package org.nqs4j.ansatz;

/**
 * A variational wave function ψ_p(x) of a discrete configuration x (spins-½ σᵢ = ±1 in the σᶻ
 * basis, or occupations of fermion orbitals or boson modes), always handled
 * in the log domain: log ψ is complex in general, written as the pair (Re, Im) into a
 * {@code double[2]}.
 *
 * <h2>Parameter layout</h2>
 * A real ansatz has {@link #nParameters()} real parameters stored in a {@code double[P]}. A complex
 * ansatz ({@link #isComplex()}) is holomorphic in its P complex parameters, stored interleaved
 * (re₀, im₀, re₁, im₁, …) in a {@code double[2P]}; log-derivatives O_k = ∂ log ψ / ∂p_k use the
 * same layout ({@link #parameterArrayLength()} doubles).
 *
 * <h2>Threads</h2>
 * A wave function is shared by all chains and read-only during sampling; each chain owns one
 * {@link WalkerCache} from {@link #newCache()}. {@link #setParameters} must not run concurrently
 * with sampling, and every cache must be {@link WalkerCache#reset reset} afterwards.
 */
public interface WaveFunction {
    int nSites();

    /** Entries of a configuration: N for spins and bosons, N·species for fermions (as {@code Hilbert.size()}). */
    default int configurationSize() {
        return nSites();
    }

    /** Number of (real or complex) parameters P. */
    int nParameters();

    /** True when parameters, log ψ and O_k are complex (holomorphic ansatz). */
    boolean isComplex();

    /** Length of a parameter or log-derivative array: P, or 2P when complex. */
    default int parameterArrayLength() {
        return isComplex() ? 2 * nParameters() : nParameters();
    }

    void getParameters(double[] dst);

    /** Sets the parameters and rebuilds any parameter-dependent tables (e.g. cosh 2W). */
    void setParameters(double[] src);

    /** log ψ(σ) evaluated from scratch, (Re, Im) into {@code out}; for tests and exact sums. By default a new cache reset at σ. */
    default void logPsi(int[] sigma, double[] out) {
        WalkerCache cache = newCache();
        cache.reset(sigma);
        cache.logPsi(out);
    }

    /** A new per-chain cache; call {@link WalkerCache#reset} before use. */
    WalkerCache newCache();

    /**
     * The structure of the log-derivative row, when it has the outer-product form (u, v, v ⊗ u)
     * ({@link OuterProductJacobian}): lets SR form S and the N_s × N_s Gram matrix from u and v,
     * O(N_s²(N + M)) instead of O(N_s² N M). Empty (the default) for any other ansatz, which then
     * takes the generic path.
     */
    default java.util.Optional<OuterProductJacobian> outerProductJacobian() {
        return java.util.Optional.empty();
    }

    /**
     * A hint that moves and the Hamiltonian exchange these site pairs (σᵢ = −σⱼ, both flipped): an
     * ansatz may tabulate them for cheaper ratios. Results agree with the untabulated ansatz to
     * rounding and stay deterministic. Call before sampling; the default ignores it.
     */
    default void tabulateExchanges(int[][] pairs) {
    }

    /**
     * Writes the parameters {@code smaller} of a smaller ansatz of the same kind (fewer hidden units
     * or features: the warm start of a larger α from a trained smaller one, as in Carleo &amp;
     * Troyer's α series) into {@code params}, which keeps its values for the added units; false
     * (the default) when this ansatz cannot take {@code smaller}. Both in the parameter layout.
     */
    default boolean embedSmaller(double[] smaller, double[] params) {
        return false;
    }

    /** A one-line description (type, sizes, parameter count) for logs. */
    String description();
}
