package org.nqs4j.samplers;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * The per-chain state every sampler keeps: chain c's random stream, the c-th jump (2^128 steps) of
 * one xoshiro256++ generator seeded from the run seed, and the configuration it stands on. Streams
 * are disjoint and belong to the chain, not to a thread, so results do not depend on how chains are
 * spread over threads or processes; {@link #save}/{@link #restore} are the checkpoint form.
 */
final class ChainStreams {
    static final RandomSource SOURCE = RandomSource.XO_SHI_RO_256_PP;

    private final Hilbert hilbert;
    final RestorableUniformRandomProvider[] rngs;
    final int[][] configurations;

    ChainStreams(Hilbert hilbert, int nChains, long seed) {
        if (nChains < 1) {
            throw new IllegalArgumentException("the sampler needs at least one chain, got " + nChains);
        }
        this.hilbert = hilbert;
        this.rngs = new RestorableUniformRandomProvider[nChains];
        this.configurations = new int[nChains][];
        JumpableUniformRandomProvider base = (JumpableUniformRandomProvider) SOURCE.create(seed);
        for (int c = 0; c < nChains; c++) {
            rngs[c] = (RestorableUniformRandomProvider) base.jump();
        }
    }

    int nChains() {
        return rngs.length;
    }

    SamplerState save() {
        int n = nChains();
        int[][] conf = new int[n][];
        byte[][] rng = new byte[n][];
        for (int c = 0; c < n; c++) {
            conf[c] = configurations[c].clone();
            rng[c] = ((RandomProviderDefaultState) rngs[c].saveState()).getState();
        }
        return new SamplerState(conf, rng);
    }

    /** Restores a {@link #save}; refuses configurations outside the Hilbert space. */
    void restore(SamplerState state) {
        if (state.configurations().length != nChains()) {
            throw new IllegalArgumentException("the saved state has " + state.configurations().length
                    + " chains, the sampler " + nChains());
        }
        for (int c = 0; c < nChains(); c++) {
            if (!hilbert.contains(state.configurations()[c])) {
                throw new IllegalArgumentException("saved configuration of chain " + c + " is not in " + hilbert);
            }
            configurations[c] = state.configurations()[c].clone();
            rngs[c].restoreState(new RandomProviderDefaultState(state.randomStates()[c]));
        }
    }
}
