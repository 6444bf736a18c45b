package org.nqs4j.vmc.config;

/**
 * Metropolis sampling: the move ({@code flip}, {@code exchange} on lattice bonds, or
 * {@code exchange-any} between any two sites for spins; {@code hop} on bonds or {@code hop-any}
 * between any two sites for fermions), the number of chains, samples per iteration
 * (over all chains), burn-in sweeps per chain at every iteration, and proposals per sweep.
 */
public record SamplerSpec(String move, int chains, int samplesPerChain, int discardSweeps, int sweepSize) {
    public int samples() {
        return chains * samplesPerChain;
    }
}
