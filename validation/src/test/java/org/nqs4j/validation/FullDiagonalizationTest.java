package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.SpinHilbert;

class FullDiagonalizationTest {

    /**
     * The 4-site ring is J(S_0+S_2)·(S_1+S_3) = (J/2)[S(S+1) − S_A(S_A+1) − S_B(S_B+1)] with
     * sublattice spins S_A, S_B ∈ {0, 1}: −2J (singlet), −J (triplet), 0 (a singlet and two
     * triplets), +J (quintet).
     */
    static final double[] RING4_SPECTRUM = {-2, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1};

    @Test
    void fourSiteRingSpectrumWithMultiplicities() {
        double j = 0.8;
        CsrMatrix h = CsrMatrix.fromOperator(Models.heisenbergRing(4, j), SpinBasis.of(SpinHilbert.unconstrained(4)));
        double[] expected = RING4_SPECTRUM.clone();
        for (int i = 0; i < expected.length; i++) {
            expected[i] *= j;
        }
        assertArrayEquals(expected, FullDiagonalization.of(h).eigenvalues(), 1e-13);
    }

    @Test
    void groundStateIsAUnitEigenvector() {
        CsrMatrix h = CsrMatrix.fromOperator(Models.heisenbergRing(8, 1), SpinBasis.of(SpinHilbert.fixedMagnetization(8, 0)));
        FullDiagonalization ed = FullDiagonalization.of(h);
        double[] v = ed.groundState();
        double[] hv = new double[v.length];
        h.multiply(v, hv);
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            norm += v[i] * v[i];
            assertEquals(ed.groundEnergy() * v[i], hv[i], 1e-12);
        }
        assertEquals(1, norm, 1e-13);
    }

    @Test
    void twoByTwoByHand() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{2, 1}, {1, 2}});
        assertArrayEquals(new double[] {1, 3}, FullDiagonalization.of(a).eigenvalues(), 1e-15);
        assertEquals(2, a.get(0, 0), 0, "the input is not modified");
    }

    @Test
    void tooLargeOrNonSquareIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> FullDiagonalization.of(new DMatrixRMaj(2, 3)));
        assertThrows(IllegalArgumentException.class,
                () -> FullDiagonalization.of(new DMatrixRMaj(FullDiagonalization.MAX_DIMENSION + 1, 1)));
    }
}
