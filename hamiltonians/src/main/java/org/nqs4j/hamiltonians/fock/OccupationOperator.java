package org.nqs4j.hamiltonians.fock;

import org.nqs4j.hamiltonians.DiscreteOperator;

/**
 * An operator on occupation-number states |x⟩ of M modes (Jordan–Wigner order for fermions, see
 * {@link FockOperator}) whose non-zero elements ⟨x'|Ô|x⟩ of one column fill a reusable
 * {@link FockConnections} buffer: the generic {@link FockOperator} and the specialised
 * {@link MolecularHamiltonian} share this interface, so exact diagonalisation and local energies
 * treat them alike.
 */
public interface OccupationOperator extends DiscreteOperator {
    /** Number of modes M (spin-orbitals for fermions). */
    int nModes();

    /** A buffer for this operator's connections, one per thread. */
    FockConnections newConnections();

    /** Fills {@code out} with the non-zero ⟨x'|Ô|x⟩ of the occupations {@code x}; allocates nothing. */
    void connections(int[] x, FockConnections out);

    /**
     * An upper bound R on ‖Ô‖, so every expectation value lies in [−R, R] and every variance is at
     * most R²; +∞ (the default) when the operator knows none.
     */
    default double normBound() {
        return Double.POSITIVE_INFINITY;
    }
}
