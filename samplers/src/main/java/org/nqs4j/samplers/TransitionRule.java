package org.nqs4j.samplers;

import org.apache.commons.rng.UniformRandomProvider;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * A Metropolis–Hastings proposal T(x→x'): a move written as changes (site, new local value), the
 * currency of {@link org.nqs4j.ansatz.WalkerCache}. The acceptance is
 * min(1, |ψ(x')/ψ(x)|² · T(x'→x)/T(x→x')); a symmetric rule ({@link #isSymmetric()}) has the
 * proposal ratio 1 and is never asked for it.
 */
public interface TransitionRule {
    /**
     * Draws a move from x and writes its changed sites and their new values into {@code sites}
     * and {@code values} (from index 0).
     *
     * @return the number of changes; 0 for a null move (e.g. exchanging two equal spins), which
     *     leaves x unchanged and is not counted as a proposal
     */
    int propose(int[] x, UniformRandomProvider rng, int[] sites, int[] values);

    /** Largest number of changes one move makes. */
    int maxChanges();

    /** True when T(x→x') = T(x'→x) for every move, so that no Hastings factor is needed. */
    default boolean isSymmetric() {
        return true;
    }

    /**
     * log T(x'→x) − log T(x→x') of a move just proposed from x (x is still the configuration before
     * it). Only asked of an asymmetric rule.
     */
    default double logProposalRatio(int[] x, int[] sites, int[] values, int count) {
        return 0;
    }

    /**
     * Empty when every move maps a configuration of {@code hilbert} to another one of the same
     * sector; otherwise why not (e.g. single flips on a fixed-magnetisation space), for the error.
     */
    java.util.Optional<String> incompatibility(Hilbert hilbert);

    String description();
}
