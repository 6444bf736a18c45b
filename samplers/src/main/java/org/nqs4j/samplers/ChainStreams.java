package org.nqs4j.samplers;

import java.util.Arrays;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * The per-chain state every sampler keeps: chain c's random stream, the c-th jump (2^128 steps) of
 * one xoshiro256++ generator seeded from the run seed, and the configuration it stands on. Streams
 * are disjoint and belong to the chain, not to a thread, so results do not depend on how chains are
 * spread over threads or processes; {@link #save}/{@link #restore} are the checkpoint form. Under
 * parallel tempering a chain stands on one configuration per replica, held one after another in its
 * entry (replica 0, at β = 1, first), so that the checkpoint and the exchange between ranks carry them
 * as one chain's state.
 */
final class ChainStreams {
    static final RandomSource SOURCE = RandomSource.XO_SHI_RO_256_PP;

    private final Hilbert hilbert;
    private final int replicas;
    final RestorableUniformRandomProvider[] rngs;
    final int[][] configurations;

    ChainStreams(Hilbert hilbert, int nChains, long seed) {
        this(hilbert, nChains, 1, seed);
    }

    ChainStreams(Hilbert hilbert, int nChains, int replicas, long seed) {
        if (nChains < 1) {
            throw new IllegalArgumentException("the sampler needs at least one chain, got " + nChains);
        }
        this.hilbert = hilbert;
        this.replicas = replicas;
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
        int size = hilbert.size();
        for (int c = 0; c < nChains(); c++) {
            int[] saved = state.configurations()[c];
            if (saved.length != replicas * size) {
                throw new IllegalArgumentException("the saved state of chain " + c + " holds " + saved.length
                        + " numbers, the sampler's " + replicas + " replica(s) of " + size + " sites");
            }
            for (int k = 0; k < replicas; k++) {
                if (!hilbert.contains(Arrays.copyOfRange(saved, k * size, (k + 1) * size))) {
                    throw new IllegalArgumentException("saved configuration of chain " + c
                            + (replicas > 1 ? " (replica " + k + ")" : "") + " is not in " + hilbert);
                }
            }
            configurations[c] = saved.clone();
            rngs[c].restoreState(new RandomProviderDefaultState(state.randomStates()[c]));
        }
    }
}
