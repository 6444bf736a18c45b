package org.nqs4j.ansatz.fermion;

import org.nqs4j.ansatz.WaveFunction;

/**
 * A real variational wave function ψ_p(n) of fermions in the occupation basis of
 * {@link org.nqs4j.hamiltonians.hilbert.FermionHilbert}: n lists the occupations 0/1 of the
 * spin-orbitals, orbital = site + L·species (all ↑ before all ↓), and ψ(n) = ⟨n|ψ⟩ with
 * |n⟩ = (c†_0)^{n_0} (c†_1)^{n_1} ⋯ |0⟩ (the Jordan–Wigner order of
 * {@link org.nqs4j.hamiltonians.fock.FockOperator}). ψ is real and may be negative: log ψ is
 * handled as (log |ψ|, phase 0 or π).
 *
 * <p>Moves are single-particle hops of one species (site r → r′, n_r = 1, n_r′ = 0), the moves that
 * keep N↑ and N↓. Shared read-only by all chains; each chain owns a {@link FermionCache}.
 *
 * <p>As a {@link WaveFunction} it is real (log ψ carries the sign as the phase 0 or π) and its
 * configurations have {@link #configurationSize()} = L·species entries.
 */
public interface FermionWaveFunction extends WaveFunction {
    /** Lattice sites L. */
    @Override
    int nSites();

    @Override
    default int configurationSize() {
        return nSites() * nSpecies();
    }

    @Override
    default boolean isComplex() {
        return false;
    }

    /** 1 (spinless) or 2 (↑, ↓). */
    int nSpecies();

    /** Number of real parameters P. */
    int nParameters();

    @Override
    void getParameters(double[] dst);

    /** Sets the parameters; every cache must be {@link FermionCache#reset reset} afterwards. */
    @Override
    void setParameters(double[] src);

    /**
     * (log |ψ(n)|, phase) from scratch into {@code out}; log |ψ| = −∞ on a node. For tests and exact
     * sums; by default through a fresh cache.
     */
    @Override
    default void logPsi(int[] n, double[] out) {
        FermionCache c = newCache();
        c.reset(n);
        c.logPsi(out);
    }

    /** A new per-chain cache; call {@link FermionCache#reset} before use. */
    @Override
    FermionCache newCache();
}
