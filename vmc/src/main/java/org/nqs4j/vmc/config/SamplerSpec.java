package org.nqs4j.vmc.config;

import org.nqs4j.samplers.Temperatures;

/**
 * The sampler: Metropolis chains with a move ({@code flip}, {@code exchange} on lattice bonds, or
 * {@code exchange-any} between any two sites for spins; {@code hop} on bonds or {@code hop-any}
 * between any two sites for fermions; {@code excitations} for molecules), or independent exact
 * draws over an enumerated sector ({@code type: exact}, move {@code none}), or the weighted sum over
 * all of its states ({@code type: full_sum}, move {@code none}); the number of chains,
 * samples per iteration (over all chains), burn-in sweeps per chain at every iteration, and
 * proposals per sweep; for Metropolis chains, the replicas of parallel tempering per chain (1: none) and
 * the smallest inverse temperature of their geometric ladder.
 */
public record SamplerSpec(Method method, String move, int chains, int samplesPerChain, int discardSweeps,
                          int sweepSize, int replicas, double betaMin) {
    /** How samples are drawn ({@code sampler.type}). */
    public enum Method {
        /** Persistent Metropolis–Hastings chains (samplers.MetropolisSampler). */
        METROPOLIS,
        /** Independent draws from |ψ|² over every basis state of the sector (samplers.ExactSampler). */
        EXACT,
        /** Every basis state once, weighted by |ψ|²: exact expectation values (samplers.FullSumSampler). */
        FULL_SUM
    }

    public int samples() {
        return chains * samplesPerChain;
    }

    /** The replicas' inverse temperatures (one at β = 1 without tempering). */
    public Temperatures temperatures() {
        return Temperatures.geometric(replicas, betaMin);
    }

    /** The same sampler with another move. */
    public SamplerSpec withMove(String other) {
        return new SamplerSpec(method, other, chains, samplesPerChain, discardSweeps, sweepSize, replicas, betaMin);
    }
}
