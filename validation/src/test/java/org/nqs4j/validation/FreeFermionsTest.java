package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.fock.FockModels;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;

class FreeFermionsTest {

    @Test
    void ringLevelsAreTheCosineBand() {
        // ε(k) = −2t cos k − μ, k = 2πm/L
        int l = 7;
        double[] eps = FreeFermions.levels(Lattice.chain(l, Boundary.PERIODIC, false), 1.5, 0, 0.3);
        double[] expected = new double[l];
        for (int m = 0; m < l; m++) {
            expected[m] = -2 * 1.5 * Math.cos(2 * Math.PI * m / l) - 0.3;
        }
        java.util.Arrays.sort(expected);
        for (int m = 0; m < l; m++) {
            assertEquals(expected[m], eps[m], 1e-12);
        }
    }

    @Test
    void agreesWithExactDiagonalisationOnTwoDimensionalLattices() {
        // the Jordan–Wigner strings of the Fock operator must give the free-fermion spectrum on any graph
        Lattice rect = Lattice.rectangular(3, 2, Boundary.PERIODIC, true);
        for (int[] n : new int[][] {{2, 3}, {3, 3}, {1, 4}}) {
            double ed = FockEd.groundEnergy(FockModels.hubbard(rect, 1, -0.35, 0, 0, 0.2),
                    FermionHilbert.spinful(6, n[0], n[1]));
            assertEquals(ed, FreeFermions.groundState(rect, 1, -0.35, 0.2, n).groundEnergy(), 1e-10);
        }
        Lattice square = Lattice.square(4, Boundary.OPEN, false);
        double ed = FockEd.groundEnergy(FockModels.spinlessFermions(square, 1, 0, 0), FermionHilbert.spinless(16, 5));
        assertEquals(ed, FreeFermions.groundState(square, 1, 0, 0, 5).groundEnergy(), 1e-10);
    }

    @Test
    void reportsDegenerateFermiLevels() {
        Lattice ring = Lattice.chain(6, Boundary.PERIODIC, false); // levels −2, −1, −1, 1, 1, 2
        assertFalse(FreeFermions.groundState(ring, 1, 0, 0, 3, 3).openShell(), "closed shell N_σ = 3");
        assertTrue(FreeFermions.groundState(ring, 1, 0, 0, 2, 1).openShell(), "N↑ = 2 fills half of the ±π/3 pair");
        assertEquals(-3 - 2, FreeFermions.groundState(ring, 1, 0, 0, 2, 1).groundEnergy(), 1e-12);
        assertFalse(FreeFermions.groundState(ring, 1, 0, 0, 6, 0).openShell(), "a full band is closed");
    }
}
