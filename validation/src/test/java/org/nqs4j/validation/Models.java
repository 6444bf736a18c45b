package org.nqs4j.validation;

import java.util.List;
import java.util.stream.IntStream;

import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.PauliString;
import org.nqs4j.hamiltonians.PauliSumOperator;
import org.nqs4j.hamiltonians.SpinModels;
import org.nqs4j.hamiltonians.Units;

/** The engine's own Hamiltonians ({@link SpinModels}) on the lattices the tests use. */
final class Models {
    private Models() {
    }

    static Lattice ring(int length) {
        return Lattice.chain(length, Boundary.PERIODIC, false);
    }

    /** H = J Σ_i S_i·S_{i+1} on a ring of {@code length} ≥ 3 sites, S = σ/2. */
    static PauliSumOperator heisenbergRing(int length, double coupling) {
        return SpinModels.heisenberg(ring(length), coupling, Units.SPIN_HALF);
    }

    /** H = −J Σ_i Z_i Z_{i+1} − h Σ_i X_i on a ring (Pauli matrices). */
    static PauliSumOperator isingRing(int length, double coupling, double field) {
        return SpinModels.transverseFieldIsing(ring(length), coupling, field, Units.PAULI);
    }

    /**
     * The Ising ring plus the parity penalty Λ(1 − p·P)/2, P = Π_i X_i, which commutes with H,
     * leaves the states of parity p unchanged and lifts those of parity −p by Λ; Λ above the
     * bandwidth 2L(|J| + |h|) makes the lowest state the lowest of parity p.
     */
    static PauliSumOperator parityProjectedIsingRing(int length, double coupling, double field, int parity) {
        double lambda = 4 * length * (Math.abs(coupling) + Math.abs(field)) + 1;
        PauliString parityString = PauliString.of(-lambda * parity / 2, "X".repeat(length),
                IntStream.range(0, length).toArray());
        return isingRing(length, coupling, field)
                .plus(SpinModels.fromTerms(length, List.of(PauliString.identity(lambda / 2), parityString)));
    }
}
