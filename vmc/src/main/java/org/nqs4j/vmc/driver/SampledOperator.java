package org.nqs4j.vmc.driver;

import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.hamiltonians.DiscreteOperator;
import org.nqs4j.hamiltonians.LocalOperator;
import org.nqs4j.hamiltonians.fock.OccupationOperator;

/**
 * An operator Ô whose expectation the driver estimates from the walkers, ⟨Ô⟩ = E_{|ψ|²}[O_loc], with
 * the local value
 * <pre>  O_loc(x) = Σ_x' ⟨x|Ô|x'⟩ ψ(x')/ψ(x),   ⟨x|Ô|x'⟩ = conj⟨x'|Ô|x⟩ (Ô Hermitian),</pre>
 * the amplitude ratios straight from the walker's look-up tables ({@link WalkerCache#ratio}: for the
 * RBM a product of FMAs, no exp/cos/sin per connection). For Ô = Ĥ this is the local energy.
 *
 * <p>Spin operators ({@link LocalOperator}: connections as lists of flipped sites) and
 * occupation-number operators ({@link OccupationOperator}: fermions and bosons, connections as lists
 * of (mode, new occupation)) both hand their connections to the cache as moves.
 */
public sealed interface SampledOperator permits SpinLocalValues, OccupationLocalValues {
    /** Per-chain scratch that evaluates O_loc at a walker; allocates nothing once made. */
    interface LocalValue {
        /** O_loc at the walker's current configuration, as (re, im) into {@code out}. */
        void evaluate(WalkerCache cache, double[] out);

        /**
         * O_loc(x) as (re, im) into {@code out[0..1]} and the second local value
         * (Ô²ψ)(x)/ψ(x) = Σ_x' ⟨x|Ô|x'⟩ ψ(x')/ψ(x) O_loc(x') into {@code out[2..3]}, O_loc(x') from
         * {@code neighbours} (a probe cache of the same ansatz and another evaluator of Ô).
         */
        void evaluateSecond(WalkerCache cache, NeighbourValue neighbours, double[] out);
    }

    /** A new evaluator: one per chain (it owns the connection buffer). */
    LocalValue newLocalValue();

    /** An upper bound on ‖Ô‖, +∞ when unknown: the step guard's bound on energies and variances. */
    double normBound();

    String description();

    static SampledOperator of(LocalOperator op) {
        return new SpinLocalValues(op);
    }

    static SampledOperator of(OccupationOperator op) {
        return new OccupationLocalValues(op);
    }

    /** A configured operator (Hamiltonian or observable), spin or occupation-number, by its kind. */
    static SampledOperator forOperator(DiscreteOperator op) {
        return switch (op) {
            case LocalOperator spin -> of(spin);
            case OccupationOperator occupations -> of(occupations);
            default -> throw new IllegalArgumentException("cannot sample " + op.description());
        };
    }
}
