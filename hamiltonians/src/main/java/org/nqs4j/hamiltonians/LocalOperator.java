package org.nqs4j.hamiltonians;

/**
 * A k-local operator on N spin-1/2 sites in the σᶻ basis, configurations written as
 * {@code int[] sigma} with σᵢ = +1 (up) or −1 (down).
 *
 * <p>Its only job is to list, for a configuration σ, the non-zero elements ⟨σ'|Ô|σ⟩ of the
 * column of σ. Local estimators then form O_loc(σ) = Σ_σ' ⟨σ|Ô|σ'⟩ ψ(σ')/ψ(σ); for a Hermitian
 * operator ⟨σ|Ô|σ'⟩ = conj⟨σ'|Ô|σ⟩.
 */
public interface LocalOperator {
    int nSites();

    /** Largest number of sites any connection flips (the buffer width of {@link Connections}). */
    int maxFlips();

    /** An upper bound on the number of connections of any configuration. */
    int maxConnections();

    /** True when every matrix element is real. */
    boolean isReal();

    /** Fills {@code out} (cleared first) with the non-zero elements ⟨σ'|Ô|σ⟩; allocates nothing. */
    void connections(int[] sigma, Connections out);

    /** A buffer wide enough for this operator. */
    default Connections newConnections() {
        return new Connections(Math.max(1, maxConnections()), maxFlips());
    }

    /**
     * An upper bound R on the operator norm ‖Ô‖, so every expectation value lies in [−R, R] and
     * every variance is at most R²; +∞ (the default) when the operator knows none.
     */
    default double normBound() {
        return Double.POSITIVE_INFINITY;
    }

    /** A one-line description of the operator with its convention, for logs. */
    String description();
}
