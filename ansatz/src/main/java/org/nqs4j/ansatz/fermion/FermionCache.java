package org.nqs4j.ansatz.fermion;

/**
 * The per-chain state of a fermionic Markov chain: the occupations n and the tables that make a
 * single-particle hop cheap. A hop (species s, r → r′) moves the particle on orbital r + L·s to the
 * empty orbital r′ + L·s. No method but {@link #reset} allocates.
 */
public interface FermionCache {
    /** Copies n and rebuilds every table from scratch (also after the parameters changed). */
    void reset(int[] n);

    /** The current occupations; read-only view owned by the cache. */
    int[] occupations();

    /**
     * ψ(n′)/ψ(n) for the hop (species, from → to); signed, 0 when n′ is a node. {@code from} must be
     * occupied and {@code to} empty in that species ({@link #requireHop}).
     */
    double ratio(int species, int from, int to);

    /** Moves to n′ after the hop (species, from → to), updating the tables incrementally. */
    void applyHop(int species, int from, int to);

    /** (log |ψ(n)|, phase) at the current occupations. */
    void logPsi(double[] out);

    /** O_k(n) = ∂ log ψ(n)/∂p_k at the current occupations, written at {@code out[offset .. offset + P)}. */
    void logDerivatives(double[] out, int offset);

    /** Throws unless (species, from → to) moves a particle to an empty orbital of n: two reads. */
    static void requireHop(int[] n, int nSites, int species, int from, int to) {
        if (n[from + species * nSites] != 1 || n[to + species * nSites] != 0) {
            throw new IllegalArgumentException("not a hop: species " + species + " site " + from + " (n = "
                    + n[from + species * nSites] + ") → site " + to + " (n = " + n[to + species * nSites]
                    + "); a hop needs an occupied source and an empty target");
        }
    }
}
