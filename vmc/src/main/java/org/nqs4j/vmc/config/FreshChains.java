package org.nqs4j.vmc.config;

/**
 * The final estimate's cross-check by chains started afresh ({@code evaluation.fresh_chains}): the energy of
 * the trained ψ drawn again by new Metropolis chains, from random configurations and with the run's move in
 * its far-reaching form (any pair for exchanges and fermion hops), must agree with the estimate of the chains
 * that followed the optimisation. Those chains can all sit in one region of |ψ|² while another, which their
 * moves do not reach, holds weight at other local energies: their estimate is then biased with an honest-looking
 * error bar, and without a sum over the sector nothing else can tell.
 */
public sealed interface FreshChains {
    /**
     * Where the trial state is not summed over the sector (whose exact energy is the stronger check): a quarter
     * of the evaluation's samples per chain, and at least {@value #MIN_PER_CHAIN} (or all of them).
     */
    record Auto() implements FreshChains {
    }

    /** Always, {@code samples} over all chains (rounded up to whole chains). */
    record Samples(int samples) implements FreshChains {
    }

    /** Never. */
    record Off() implements FreshChains {
    }

    /** The fewest samples per fresh chain by default: τ up to 10 leaves ten of them per chain. */
    int MIN_PER_CHAIN = 100;

    /**
     * Samples per fresh chain for a final estimate of {@code evalPerChain} per chain over {@code chains}, when the
     * trial state {@code summed} over the sector or not; 0 for none.
     */
    default int perChain(int evalPerChain, int chains, boolean summed) {
        return switch (this) {
            case Auto a -> summed ? 0 : Math.max((evalPerChain + 3) / 4, Math.min(evalPerChain, MIN_PER_CHAIN));
            case Samples s -> (s.samples() + chains - 1) / chains;
            case Off o -> 0;
        };
    }
}
