package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import java.util.List;

import org.nqs4j.hamiltonians.Observables;
import org.nqs4j.hamiltonians.PauliString;
import org.nqs4j.hamiltonians.PauliSumOperator;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.SpinModels;
import org.nqs4j.hamiltonians.Units;

class StateExpectationTest {

    /**
     * 4-site ring ground state: S_A = S_B = 1, S = 0, so S_0·S_2 = [S_A(S_A+1) − 3/2]/2 = 1/4 and,
     * by E_0 = 4J⟨S_0·S_1⟩ = −2J, ⟨S_0·S_1⟩ = −1/2.
     */
    @Test
    void fourSiteRingCorrelationsByHand() {
        SpinBasis basis = SpinBasis.of(SpinHilbert.fixedMagnetization(4, 0));
        CsrMatrix h = CsrMatrix.fromOperator(Models.heisenbergRing(4, 1), basis);
        double[] psi = FullDiagonalization.of(h).groundState();
        assertEquals(-0.5, StateExpectation.of(Observables.spinCorrelation(4, 0, 1, Units.SPIN_HALF), basis, psi), 1e-13);
        assertEquals(0.25, StateExpectation.of(Observables.spinCorrelation(4, 0, 2, Units.SPIN_HALF), basis, psi), 1e-13);
        assertEquals(-0.5, StateExpectation.of(Observables.spinCorrelation(4, 3, 0, Units.SPIN_HALF), basis, psi), 1e-13);
    }

    @Test
    void operatorsLeavingTheSectorHaveZeroExpectation() {
        // ⟨σˣ_0⟩ = 0 in any S^z eigenstate; ⟨S^z_0S^z_1⟩ = ⟨S_0·S_1⟩/3 = −1/6 by SU(2) symmetry of the singlet
        SpinBasis basis = SpinBasis.of(SpinHilbert.fixedMagnetization(4, 0));
        double[] psi = FullDiagonalization.of(CsrMatrix.fromOperator(Models.heisenbergRing(4, 1), basis)).groundState();
        PauliSumOperator x0 = SpinModels.fromTerms(4, List.of(PauliString.of(1, "X", 0)));
        assertEquals(0, StateExpectation.of(x0, basis, psi), 0);
        assertEquals(-1.0 / 6, StateExpectation.of(Observables.zz(4, 0, 1, Units.SPIN_HALF), basis, psi), 1e-13);
    }

    @Test
    void energyOfAnEigenstateAndNormalisation() {
        SpinBasis basis = SpinBasis.of(SpinHilbert.fixedMagnetization(10, 0));
        PauliSumOperator op = Models.heisenbergRing(10, 1);
        FullDiagonalization ed = FullDiagonalization.of(CsrMatrix.fromOperator(op, basis));
        double[] psi = ed.eigenvector(3);
        for (int i = 0; i < psi.length; i++) {
            psi[i] *= 3; // ⟨ψ|O|ψ⟩/⟨ψ|ψ⟩ is independent of the norm
        }
        assertEquals(ed.eigenvalues()[3], StateExpectation.of(op, basis, psi), 1e-12);
    }

    @Test
    void mismatchedStateIsRejected() {
        SpinBasis basis = SpinBasis.of(SpinHilbert.fixedMagnetization(4, 0));
        assertThrows(IllegalArgumentException.class,
                () -> StateExpectation.of(Models.heisenbergRing(4, 1), basis, new double[5]));
        assertThrows(IllegalArgumentException.class,
                () -> StateExpectation.of(Models.heisenbergRing(4, 1), basis, new double[6]));
    }
}
