package org.nqs4j.ansatz.fermion;

import org.nqs4j.ansatz.WalkerCache;

/**
 * The per-chain state of a fermionic Markov chain: the occupations n and the tables that make
 * particle moves cheap. A hop (species s, r → r′) moves the particle on orbital r + L·s to the
 * empty orbital r′ + L·s; two hops at once are a double excitation (two particles of the same or of
 * opposite species), the moves of a molecular Hamiltonian. No method but {@link #reset} allocates.
 *
 * <p>As a {@link WalkerCache} it takes the generic moves of samplers and estimators: a hop is the
 * move of two changes (the source orbital to 0, the target to 1, in any order), two hops the move of
 * four changes (two orbitals emptied, two filled; a source is paired with a target of its species).
 * Other moves (e.g. one that changes N↑) are refused.
 *
 * <p>Ratios are of amplitudes, ψ(n′)/ψ(n) with n′ the configuration after the move: they do not
 * depend on the order of the hops. The sign of a fermionic operator that makes the move is the
 * operator's business ({@link org.nqs4j.hamiltonians.fock.MolecularHamiltonian}), not the cache's.
 */
public interface FermionCache extends WalkerCache {
    /**
     * ψ(n′)/ψ(n) for the hop (species, from → to); signed, 0 when n′ is a node. {@code from} must be
     * occupied and {@code to} empty in that species ({@link #requireHop}).
     */
    double ratio(int species, int from, int to);

    /** Moves to n′ after the hop (species, from → to), updating the tables incrementally. */
    void applyHop(int species, int from, int to);

    /**
     * ψ(n″)/ψ(n) for the two hops (s1, from1 → to1) and (s2, from2 → to2) made together: the four
     * spin-orbitals distinct, both sources occupied and both targets empty in n
     * ({@link #requireTwoHops}). Signed, 0 on a node; defined even when the state after one hop
     * alone is a node.
     */
    double ratio(int s1, int from1, int to1, int s2, int from2, int to2);

    /** Moves to n″ after the two hops, updating the tables incrementally. */
    void applyHops(int s1, int from1, int to1, int s2, int from2, int to2);

    /** The ratio of the move read as one or two hops (below), as (ψ(n′)/ψ(n), 0): real amplitudes. */
    @Override
    default void ratio(int[] sites, int[] values, int offset, int count, double[] out) {
        int l = configuration().length / nSpecies();
        if (count == 2) {
            int from = hopSource(sites, values, offset, count);
            int to = sites[offset] == from ? sites[offset + 1] : sites[offset];
            out[0] = ratio(from / l, from % l, to % l);
        } else {
            long p = twoHops(sites, values, offset, count, l);
            out[0] = ratio(orbital(p, 0) / l, orbital(p, 0) % l, orbital(p, 1) % l, orbital(p, 2) / l, orbital(p, 2) % l,
                    orbital(p, 3) % l);
        }
        out[1] = 0;
    }

    /** (log |ψ(n′)/ψ(n)|, 0 or π) of the move read as one or two hops. */
    @Override
    default void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
        ratio(sites, values, offset, count, out);
        logOfRealRatio(out);
    }

    /** (r, ·) → (log |r|, 0 or π): the log of a real, signed ratio in place. */
    static void logOfRealRatio(double[] out) {
        double r = out[0];
        out[0] = Math.log(Math.abs(r));
        out[1] = r < 0 ? Math.PI : 0;
    }

    @Override
    default void applyMove(int[] sites, int[] values, int offset, int count) {
        int l = configuration().length / nSpecies();
        if (count == 2) {
            int from = hopSource(sites, values, offset, count);
            int to = sites[offset] == from ? sites[offset + 1] : sites[offset];
            applyHop(from / l, from % l, to % l);
        } else {
            long p = twoHops(sites, values, offset, count, l);
            applyHops(orbital(p, 0) / l, orbital(p, 0) % l, orbital(p, 1) % l, orbital(p, 2) / l, orbital(p, 2) % l,
                    orbital(p, 3) % l);
        }
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
            throw refused(count);
        }
        return values[offset] == 0 ? sites[offset] : sites[offset + 1];
    }

    /**
     * A move of four changes, two orbitals emptied and two filled, read as hops (from1 → to1),
     * (from2 → to2) of spin-orbital indices, each target of its source's species; packed as four
     * 16-bit fields (from1, to1, from2, to2) so that decoding allocates nothing. Throws for a move
     * that changes a species' particle number.
     */
    private static long twoHops(int[] sites, int[] values, int offset, int count, int nSites) {
        if (count != 4) {
            throw refused(count);
        }
        int f1 = -1;
        int f2 = -1;
        int t1 = -1;
        int t2 = -1;
        for (int k = offset; k < offset + 4; k++) {
            if (values[k] == 0) {
                if (f1 < 0) {
                    f1 = sites[k];
                } else {
                    f2 = sites[k];
                }
            } else if (t1 < 0) {
                t1 = sites[k];
            } else {
                t2 = sites[k];
            }
        }
        if (f2 < 0 || t2 < 0) {
            throw refused(count);
        }
        if (f1 / nSites != t1 / nSites) { // pair each source with the target of its species
            int t = t1;
            t1 = t2;
            t2 = t;
        }
        if (f1 / nSites != t1 / nSites || f2 / nSites != t2 / nSites) {
            throw refused(count);
        }
        return (long) f1 << 48 | (long) t1 << 32 | (long) f2 << 16 | t2;
    }

    /** Field k (0: from1, 1: to1, 2: from2, 3: to2) of a {@link #twoHops} result. */
    private static int orbital(long packed, int k) {
        return (int) (packed >>> (48 - 16 * k)) & 0xFFFF;
    }

    private static UnsupportedOperationException refused(int count) {
        return new UnsupportedOperationException("a fermionic ansatz takes moves of one or two particles that keep"
                + " each species' number (two or four changes: as many orbitals emptied as filled, per species);"
                + " got a move of " + count + " changes");
    }

    /**
     * The Jordan–Wigner sign of the hop from → to within one species whose orbitals start at
     * {@code offset} of n: (−1)^{occupied orbitals strictly between from and to}, the reordering of
     * c†_to c_from past the operators in between.
     */
    static double jordanWignerSign(int[] n, int offset, int from, int to) {
        int count = 0;
        for (int m = offset + Math.min(from, to) + 1, end = offset + Math.max(from, to); m < end; m++) {
            count += n[m];
        }
        return (count & 1) == 0 ? 1 : -1;
    }

    /** Throws unless (species, from → to) moves a particle to an empty orbital of n: two reads. */
    static void requireHop(int[] n, int nSites, int species, int from, int to) {
        if (n[from + species * nSites] != 1 || n[to + species * nSites] != 0) {
            throw new IllegalArgumentException("not a hop: species " + species + " site " + from + " (n = "
                    + n[from + species * nSites] + ") → site " + to + " (n = " + n[to + species * nSites]
                    + "); a hop needs an occupied source and an empty target");
        }
    }

    /** Throws unless the two hops have occupied, distinct sources and empty, distinct targets in n. */
    static void requireTwoHops(int[] n, int nSites, int s1, int from1, int to1, int s2, int from2, int to2) {
        requireHop(n, nSites, s1, from1, to1);
        requireHop(n, nSites, s2, from2, to2);
        if (s1 == s2 && (from1 == from2 || to1 == to2)) {
            throw new IllegalArgumentException("not two hops: species " + s1 + " " + from1 + " → " + to1 + " and "
                    + from2 + " → " + to2 + " share an orbital");
        }
    }
}
