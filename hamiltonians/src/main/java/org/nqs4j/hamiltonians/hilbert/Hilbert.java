package org.nqs4j.hamiltonians.hilbert;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.nqs4j.hamiltonians.DiscreteOperator;

/**
 * A discrete many-body Hilbert space: configurations are {@code int[size()]} of local values,
 * restricted to a sector by linear {@link SumConstraint}s.
 *
 * <p>Implementations: {@link org.nqs4j.hamiltonians.SpinHilbert} (spin-1/2, values ±1),
 * {@link FermionHilbert} (spin-orbital occupations 0/1, orbital index = site + N·species),
 * {@link BosonHilbert} (occupations 0..n_max), {@link SpinSHilbert} (spin S, entries 2m ∈ {−2S..2S}).
 *
 * <p>Basis states are ranked 0..{@link #nStates()}−1 for exact diagonalisation; the order is
 * colex (the last entry most significant), so for spins-1/2 the rank is that of the bit pattern
 * b = Σ_{σᵢ=+1} 2^i among the patterns of the sector.
 */
public interface Hilbert {
    /** Lattice sites. */
    int nSites();

    /** Entries of a configuration: N for spins and bosons, N·species for fermions. */
    int size();

    /** The local values an entry can take, ascending. */
    int[] localStates();

    /** The fixed sums that define the sector (empty for the full space). */
    List<SumConstraint> constraints();

    /** True when {@code x} is a configuration of this sector. */
    boolean contains(int[] x);

    /** Number of basis states, as a double (exact up to 2^53, never overflows). */
    double dimension();

    /** Number of basis states, exactly. @throws ArithmeticException if it exceeds a long */
    long nStates();

    /** The rank of {@code x} in 0..nStates()−1. @throws IllegalArgumentException if x is not in the sector */
    long index(int[] x);

    /** Writes basis state {@code index} into {@code out} (length {@link #size()}). */
    void state(long index, int[] out);

    /** Writes a random configuration of the sector into {@code out}. */
    void randomState(RandomGenerator rng, int[] out);

    /**
     * The first constraint of this sector that {@code op} does not conserve, if any: then the
     * sector is not invariant under the operator and its restriction is not the operator.
     */
    default Optional<SumConstraint> violatedBy(DiscreteOperator op) {
        return constraints().stream().filter(c -> !op.conservesSum(c.from(), c.to())).findFirst();
    }
}
