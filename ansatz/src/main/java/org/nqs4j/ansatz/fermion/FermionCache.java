package org.nqs4j.ansatz.fermion;

import org.nqs4j.ansatz.WalkerCache;

/**
 * The per-chain state of a fermionic Markov chain: the occupations n and the tables that make a
 * single-particle hop cheap. A hop (species s, r → r′) moves the particle on orbital r + L·s to the
 * empty orbital r′ + L·s. No method but {@link #reset} allocates.
 *
 * <p>As a {@link WalkerCache} it takes the generic moves of samplers and estimators: a hop is the
 * move of two changes, the source orbital to 0 and the target orbital to 1, in either order. Other
 * moves (e.g. the double excitations of a molecular Hamiltonian) are refused.
 */
public interface FermionCache extends WalkerCache {
    /**
     * ψ(n′)/ψ(n) for the hop (species, from → to); signed, 0 when n′ is a node. {@code from} must be
     * occupied and {@code to} empty in that species ({@link #requireHop}).
     */
    double ratio(int species, int from, int to);

    /** Moves to n′ after the hop (species, from → to), updating the tables incrementally. */
    void applyHop(int species, int from, int to);

    /** The ratio of the move read as a hop (below), as (ψ(n′)/ψ(n), 0): real amplitudes. */
    @Override
    default void ratio(int[] sites, int[] values, int offset, int count, double[] out) {
        int from = hopSource(sites, values, offset, count);
        int to = sites[offset] == from ? sites[offset + 1] : sites[offset];
        int nSites = configuration().length / nSpecies();
        out[0] = ratio(from / nSites, from % nSites, to % nSites);
        out[1] = 0;
    }

    /** (log |ψ(n′)/ψ(n)|, 0 or π) of the move read as a hop. */
    @Override
    default void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
        ratio(sites, values, offset, count, out);
        double r = out[0];
        out[0] = Math.log(Math.abs(r));
        out[1] = r < 0 ? Math.PI : 0;
    }

    @Override
    default void applyMove(int[] sites, int[] values, int offset, int count) {
        int from = hopSource(sites, values, offset, count);
        int to = sites[offset] == from ? sites[offset + 1] : sites[offset];
        int nSites = configuration().length / nSpecies();
        applyHop(from / nSites, from % nSites, to % nSites);
    }

    /** 1 (spinless) or 2 (↑, ↓). */
    int nSpecies();

    /**
     * The emptied orbital of a move that is a hop: two changes, one orbital to 0 and one to 1, of
     * the same species. Throws for any other move.
     */
    private int hopSource(int[] sites, int[] values, int offset, int count) {
        int nSites = configuration().length / nSpecies();
        if (count != 2 || values[offset] + values[offset + 1] != 1
                || sites[offset] / nSites != sites[offset + 1] / nSites) {
            throw new UnsupportedOperationException("this fermionic ansatz takes single-particle hops of one species"
                    + " (two changes, one orbital emptied and one filled); got a move of " + count + " changes");
        }
        return values[offset] == 0 ? sites[offset] : sites[offset + 1];
    }

    /** Throws unless (species, from → to) moves a particle to an empty orbital of n: two reads. */
    static void requireHop(int[] n, int nSites, int species, int from, int to) {
        if (n[from + species * nSites] != 1 || n[to + species * nSites] != 0) {
            throw new IllegalArgumentException("not a hop: species " + species + " site " + from + " (n = "
                    + n[from + species * nSites] + ") → site " + to + " (n = " + n[to + species * nSites]
                    + "); a hop needs an occupied source and an empty target");
        }
    }
}
