package org.nqs4j.hamiltonians;

import java.util.ArrayList;
import java.util.List;

/**
 * Spin-1/2 Hamiltonians as {@link PauliSumOperator}s. X, Y, Z are Pauli matrices; in
 * {@link Units#SPIN_HALF} the model is written with S^α = σ^α/2 and the same couplings, so each
 * two-site term carries 1/4 and each one-site term 1/2. Bonds come from the lattice edges:
 * colour 0 = nearest neighbours, colour 1 = next-nearest neighbours.
 */
public final class SpinModels {
    private SpinModels() {
    }

    /**
     * Transverse-field Ising model, ferromagnetic for J &gt; 0:
     * H = −J Σ_⟨ij⟩ Z_iZ_j − h Σ_i X_i (PAULI), H = −J Σ_⟨ij⟩ S^z_iS^z_j − h Σ_i S^x_i (SPIN_HALF),
     * ⟨ij⟩ running over the colour-0 edges.
     */
    public static PauliSumOperator transverseFieldIsing(Lattice lattice, double j, double h, Units units) {
        requireFinite("J", j);
        requireFinite("h", h);
        List<PauliString> terms = new ArrayList<>();
        for (Edge e : bonds(lattice, 0, "the transverse-field Ising model")) {
            terms.add(PauliString.of(-j * units.product(2), "ZZ", e.i(), e.j()));
        }
        for (int i = 0; i < lattice.nSites(); i++) {
            terms.add(PauliString.of(-h * units.perOperator(), "X", i));
        }
        String formula = units == Units.PAULI ? "H = -J Σ Z_i Z_j - h Σ X_i" : "H = -J Σ Sz_i Sz_j - h Σ Sx_i";
        return PauliSumOperator.of(lattice.nSites(), terms,
                "transverse-field Ising " + formula + ", J=" + j + ", h=" + h + ", " + units + " units, " + lattice);
    }

    /**
     * XXZ model, antiferromagnetic for J &gt; 0:
     * H = J Σ_⟨ij⟩ (X_iX_j + Y_iY_j + Δ Z_iZ_j) (PAULI),
     * H = J Σ_⟨ij⟩ (S^x_iS^x_j + S^y_iS^y_j + Δ S^z_iS^z_j) (SPIN_HALF), over the colour-0 edges.
     * For the stoquastic form on a bipartite lattice apply {@link #marshallRotated}.
     */
    public static PauliSumOperator xxz(Lattice lattice, double j, double delta, Units units) {
        requireFinite("J", j);
        requireFinite("Δ", delta);
        List<PauliString> terms = new ArrayList<>();
        for (Edge e : bonds(lattice, 0, "the XXZ model")) {
            addXxzBond(terms, e.i(), e.j(), j * units.product(2), delta);
        }
        String op = units == Units.PAULI ? "(XX + YY + Δ ZZ)" : "(SxSx + SySy + Δ SzSz)";
        return PauliSumOperator.of(lattice.nSites(), terms,
                "XXZ H = J Σ " + op + ", J=" + j + ", Δ=" + delta + ", " + units + " units, " + lattice);
    }

    /** Heisenberg model H = J Σ_⟨ij⟩ σ_i·σ_j (PAULI) or J Σ_⟨ij⟩ S_i·S_j (SPIN_HALF): XXZ with Δ = 1. */
    public static PauliSumOperator heisenberg(Lattice lattice, double j, Units units) {
        requireFinite("J", j);
        List<PauliString> terms = new ArrayList<>();
        for (Edge e : bonds(lattice, 0, "the Heisenberg model")) {
            addXxzBond(terms, e.i(), e.j(), j * units.product(2), 1);
        }
        String op = units == Units.PAULI ? "σ_i·σ_j" : "S_i·S_j";
        return PauliSumOperator.of(lattice.nSites(), terms,
                "Heisenberg H = J Σ " + op + ", J=" + j + ", " + units + " units, " + lattice);
    }

    /**
     * J1-J2 Heisenberg model H = J1 Σ_⟨ij⟩ S_i·S_j + J2 Σ_⟨⟨ij⟩⟩ S_i·S_j (SPIN_HALF; σ_i·σ_j in
     * PAULI), ⟨ij⟩ over colour-0 and ⟨⟨ij⟩⟩ over colour-1 edges; both must exist. With
     * {@link #marshallRotated} the sign rule of the colour-0 sublattices is exact for J2 = 0 and the
     * usual sign prior otherwise (J2 bonds join sites of one sublattice and are not rotated).
     */
    public static PauliSumOperator j1j2(Lattice lattice, double j1, double j2, Units units) {
        requireFinite("J1", j1);
        requireFinite("J2", j2);
        List<PauliString> terms = new ArrayList<>();
        for (Edge e : bonds(lattice, 0, "the J1-J2 model")) {
            addXxzBond(terms, e.i(), e.j(), j1 * units.product(2), 1);
        }
        for (Edge e : bonds(lattice, 1, "the J1-J2 model")) {
            addXxzBond(terms, e.i(), e.j(), j2 * units.product(2), 1);
        }
        String op = units == Units.PAULI ? "σ_i·σ_j" : "S_i·S_j";
        return PauliSumOperator.of(lattice.nSites(), terms, "J1-J2 H = J1 Σ_nn " + op + " + J2 Σ_nnn " + op
                + ", J1=" + j1 + ", J2=" + j2 + ", " + units + " units, " + lattice);
    }

    /** H = Σ_t c_t P_t from explicit Pauli strings (Pauli-matrix convention of {@link Pauli}). */
    public static PauliSumOperator fromTerms(int nSites, List<PauliString> terms) {
        return PauliSumOperator.of(nSites, terms);
    }

    /**
     * U H U† with U = Π_{j∈B} Z_j, B = sublattice 1 of the lattice's colour-0 bonds
     * ({@link PauliSumOperator#marshallRotated}). For the Heisenberg antiferromagnet it makes every
     * off-diagonal element non-positive, so the ground state is positive in the σᶻ basis.
     */
    public static PauliSumOperator marshallRotated(PauliSumOperator h, Lattice lattice) {
        if (h.nSites() != lattice.nSites()) {
            throw new IllegalArgumentException("operator on " + h.nSites() + " sites, lattice " + lattice);
        }
        int[] sublattice = lattice.sublattice().orElseThrow(() -> new IllegalArgumentException(
                "Marshall's sign rule needs a bipartite lattice (2-colourable nearest-neighbour bonds); " + lattice
                        + " is not"));
        return h.marshallRotated(sublattice);
    }

    /** Adds c·(X_iX_j + Y_iY_j + Δ Z_iZ_j). */
    static void addXxzBond(List<PauliString> terms, int i, int j, double c, double delta) {
        terms.add(PauliString.of(c, "XX", i, j));
        terms.add(PauliString.of(c, "YY", i, j));
        terms.add(PauliString.of(c * delta, "ZZ", i, j));
    }

    private static List<Edge> bonds(Lattice lattice, int colour, String model) {
        List<Edge> bonds = lattice.edges(colour);
        if (bonds.isEmpty()) {
            throw new IllegalArgumentException(model + " needs colour-" + colour + (colour == 0 ? " (nearest-neighbour)"
                    : " (next-nearest-neighbour)") + " bonds, but " + lattice + " has none");
        }
        return bonds;
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("coupling " + name + " must be finite, got " + value);
        }
    }
}
