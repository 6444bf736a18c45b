package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.fock.FockModels;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;

class LiebWuTest {

    private static double ed(int l, int nUp, int nDown, double t, double u) {
        Lattice ring = Lattice.chain(l, Boundary.PERIODIC, false);
        return FockEd.groundEnergy(FockModels.hubbard(ring, t, 0, u, 0, 0), FermionHilbert.spinful(l, nUp, nDown));
    }

    private static void assertAgrees(int l, int nUp, int nDown, double u) {
        double t = 1;
        double exact = ed(l, nUp, nDown, t, u);
        double ba = LiebWu.groundState(l, nUp, nDown, t, u).groundEnergy();
        assertEquals(exact, ba, 1e-10 * Math.max(1, Math.abs(exact)),
                () -> "L=" + l + " N↑=" + nUp + " N↓=" + nDown + " U=" + u);
    }

    @Test
    void closedShellsAgreeWithExactDiagonalisation() {
        for (double u : new double[] {0.5, 2, 8}) {
            assertAgrees(6, 3, 3, u);   // half filling, L = 4k + 2
            assertAgrees(10, 5, 5, u);
            assertAgrees(8, 3, 3, u);   // below half filling
            assertAgrees(12, 3, 3, u);
            assertAgrees(7, 3, 1, u);
            assertAgrees(5, 1, 1, u);
        }
    }

    @Test
    void openShellsAgreeWithExactDiagonalisation() {
        for (double u : new double[] {1, 4}) {
            assertAgrees(4, 2, 2, u);   // half filling, L = 4k
            assertAgrees(8, 4, 4, u);
            assertAgrees(6, 2, 2, u);
            assertAgrees(7, 3, 2, u);   // odd N
            assertAgrees(9, 4, 1, u);
            assertAgrees(5, 2, 0, u);   // spinless limit: free fermions whatever U
            assertAgrees(12, 2, 2, u);
            assertAgrees(11, 4, 3, u);
        }
    }

    @Test
    void largeRingsConverge() {
        // L = 102 at half filling, U = 4t: the energy per site approaches the thermodynamic limit
        // E/L = −4t ∫₀^∞ J₀(ω)J₁(ω) / (ω(1 + e^{ωU/2t})) dω = −0.573729 (Lieb & Wu 1968); the finite-size
        // correction is O(1/L²) ≈ 1e-4
        LiebWu lw = LiebWu.groundState(102, 51, 51, 1, 4);
        assertTrue(lw.residual() < 1e-10);
        assertEquals(-0.573729, lw.groundEnergy() / 102, 2e-4);
        assertFalse(lw.degenerate(), "closed shell");
        // L = 4k at half filling: shifted quantum numbers, but momentum π and a unique ground state (Lieb 1989)
        assertFalse(LiebWu.groundState(100, 50, 50, 1, 4).degenerate());
    }

    @Test
    void degeneracyIsReportedExactlyWhenEdFindsIt() {
        int cases = 0;
        int degenerate = 0;
        for (int l = 4; l <= 7; l++) {
            Lattice ring = Lattice.chain(l, Boundary.PERIODIC, false);
            for (int nUp = 1; nUp <= l / 2 + 1; nUp++) {
                for (int nDown = 1; nDown <= nUp && nUp + nDown <= l; nDown++) {
                    double[] e = FullDiagonalization.of(CsrMatrix.fromFockOperator(FockModels.hubbard(ring, 1, 0, 4, 0, 0),
                            FermionHilbert.spinful(l, nUp, nDown))).eigenvalues();
                    boolean edDegenerate = e.length > 1 && e[1] - e[0] < 1e-9;
                    LiebWu lw = LiebWu.groundState(l, nUp, nDown, 1, 4);
                    assertEquals(e[0], lw.groundEnergy(), 1e-10, "L=" + l + " " + nUp + "," + nDown);
                    assertEquals(edDegenerate, lw.degenerate(), "L=" + l + " " + nUp + "," + nDown);
                    cases++;
                    degenerate += edDegenerate ? 1 : 0;
                }
            }
        }
        assertTrue(degenerate > 0 && degenerate < cases, degenerate + " of " + cases + " degenerate");
    }

    @Test
    void rejectsWhatItDoesNotSolve() {
        assertThrows(IllegalArgumentException.class, () -> LiebWu.groundState(2, 1, 1, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> LiebWu.groundState(6, 4, 3, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> LiebWu.groundState(6, 3, 3, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> LiebWu.groundState(6, 3, 3, -1, 4));
    }
}
