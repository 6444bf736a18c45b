package org.nqs4j.hamiltonians;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nqs4j.hamiltonians.PauliStringTest.assertMessage;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObservablesTest {
    private static final double TOL = 1e-12; // sums of ≤ N² terms of O(1/N²), plus eigenvector error ~ dim·ε

    private static final double R = Math.sqrt(0.5);
    private static final double[] SINGLET = {0, R, -R, 0}; // (↓↑ − ↑↓)/√2, bit k set = site k down

    private static double diagonal(PauliSumOperator op, int... sigma) {
        Connections c = op.newConnections();
        op.connections(sigma, c);
        for (int k = 0; k < c.size(); k++) {
            if (c.flipCount(k) == 0) {
                return c.re(k);
            }
        }
        return 0;
    }

    private static double[] productState(int[] sigma) {
        double[] psi = new double[1 << sigma.length];
        psi[Dense.index(sigma)] = 1;
        return psi;
    }

    @Test
    void magnetizationCountsSpins() {
        assertEquals(2, diagonal(Observables.magnetization(4, Units.PAULI), 1, 1, -1, 1));
        assertEquals(1, diagonal(Observables.magnetization(4, Units.SPIN_HALF), 1, 1, -1, 1));
        assertEquals(1, Observables.magnetization(4, Units.PAULI).maxConnections());
    }

    @Test
    void singletCorrelations() {
        assertEquals(-0.75, Dense.expectation(Observables.spinCorrelation(2, 0, 1, Units.SPIN_HALF), SINGLET), TOL);
        assertEquals(-3, Dense.expectation(Observables.spinCorrelation(2, 1, 0, Units.PAULI), SINGLET), TOL);
        assertEquals(-0.25, Dense.expectation(Observables.zz(2, 0, 1, Units.SPIN_HALF), SINGLET), TOL);
        assertEquals(0.75, Dense.expectation(Observables.spinCorrelation(2, 1, 1, Units.SPIN_HALF), SINGLET), TOL);
        assertEquals(1, Dense.expectation(Observables.zz(2, 1, 1, Units.PAULI), SINGLET), TOL);
    }

    @Test
    void staggeredMagnetizationOfNeelAndSinglets() {
        Lattice ring = Lattice.chain(4, Boundary.PERIODIC, false);
        PauliSumOperator ms2 = Observables.staggeredMagnetizationSquared(ring, Units.SPIN_HALF);
        // Néel product state: (1/N²)(3N/4 + N(N−1)/4) = 1/4 + 1/(2N)
        assertEquals(0.25 + 1.0 / 8, Dense.expectation(ms2, productState(new int[] {1, -1, 1, -1})), TOL);
        // dimer singlet: (1/4)(S_0 − S_1)² = (1/4)(3/4 + 3/4 + 3/2) = 3/4
        PauliSumOperator dimer = Observables.staggeredMagnetizationSquared(Lattice.chain(2, Boundary.OPEN, false),
                Units.SPIN_HALF);
        assertEquals(0.75, Dense.expectation(dimer, SINGLET), TOL);
        // 4-ring Heisenberg ground state: S_A = S_B = 1, S = 0, so (S_A − S_B)² = 2·2 + 2·2 − 0 = 8: m_s² = 8/16
        double[] gs = Dense.groundState(SpinModels.heisenberg(ring, 1, Units.SPIN_HALF));
        assertEquals(0.5, Dense.expectation(ms2, gs), TOL);
        assertEquals(2.0, Dense.expectation(Observables.staggeredMagnetizationSquared(ring, Units.PAULI), gs), TOL);
    }

    @Test
    void structureFactorOfRingGroundStateAndNeelStates() {
        Lattice ring = Lattice.chain(4, Boundary.PERIODIC, false);
        double[] gs = Dense.groundState(SpinModels.heisenberg(ring, 1, Units.SPIN_HALF));
        // singlet: S(0) = ⟨(S^z_tot)²⟩/N = 0; S(π) = ⟨((S_A − S_B)^z)²⟩/N = (8/3)/4 by rotation invariance
        assertEquals(0, Dense.expectation(Observables.structureFactor(ring, new double[] {0}, Units.SPIN_HALF), gs), TOL);
        assertEquals(2.0 / 3, Dense.expectation(Observables.structureFactor(ring, new double[] {Math.PI}, Units.SPIN_HALF),
                gs), TOL);

        Lattice square = Lattice.square(4, Boundary.PERIODIC, false);
        int[] neel = new int[16];
        int[] stripes = new int[16];
        for (int s = 0; s < 16; s++) {
            int[] r = square.coordinates(s);
            neel[s] = (r[0] + r[1]) % 2 == 0 ? 1 : -1;
            stripes[s] = r[0] % 2 == 0 ? 1 : -1;
        }
        double[] pipi = {Math.PI, Math.PI};
        double[] pi0 = {Math.PI, 0};
        // ordered at q: S(q) = (1/N)(N/2)² = N/4; the other pattern averages to 0
        assertEquals(4, diagonal(Observables.structureFactor(square, pipi, Units.SPIN_HALF), neel), TOL);
        assertEquals(0, diagonal(Observables.structureFactor(square, pipi, Units.SPIN_HALF), stripes), TOL);
        assertEquals(4, diagonal(Observables.structureFactor(square, pi0, Units.SPIN_HALF), stripes), TOL);
        assertEquals(16, diagonal(Observables.structureFactor(square, pi0, Units.PAULI), stripes), TOL);
    }

    /** 4-ring ground state: C(1) = E0/N = −1/2, C(2) = 1/4, C(0) = 3/4; the zz parts are 1/3 of those (SU(2)). */
    @Test
    void translationAveragedCorrelationsOfTheRingGroundState() {
        Lattice ring = Lattice.chain(4, Boundary.PERIODIC, false);
        double[] gs = Dense.groundState(SpinModels.heisenberg(ring, 1, Units.SPIN_HALF));
        double[] full = {0.75, -0.5, 0.25, -0.5};
        for (int r = 0; r < 4; r++) {
            assertEquals(full[r], Dense.expectation(
                    Observables.translationAveragedCorrelation(ring, r, 0, false, Units.SPIN_HALF), gs), TOL);
            assertEquals(full[r] / 3, Dense.expectation(
                    Observables.translationAveragedCorrelation(ring, r, 0, true, Units.SPIN_HALF), gs), TOL);
        }
        assertEquals(3, ring.translate(0, -1, 0));
        Lattice open = Lattice.chain(4, Boundary.OPEN, false);
        assertEquals(-1, open.translate(0, -1, 0));
        // an open chain has 3 pairs at distance 1: each of the Néel state's 3 bonds gives −1/4
        int[] neel = {1, -1, 1, -1};
        assertEquals(-0.25, diagonal(Observables.translationAveragedCorrelation(open, 1, 0, true, Units.SPIN_HALF), neel),
                TOL);
    }

    @Test
    void rejectsBadInput() {
        assertMessage(() -> Observables.structureFactor(Lattice.custom(2, List.of()), new double[] {0}, Units.PAULI),
                "Bravais");
        assertMessage(() -> Observables.structureFactor(Lattice.square(2, Boundary.OPEN, false), new double[] {0},
                Units.PAULI), "q has 1 components");
        assertMessage(() -> Observables.staggeredMagnetizationSquared(Lattice.chain(3, Boundary.PERIODIC, false),
                Units.PAULI), "bipartite");
        assertMessage(() -> Observables.zz(3, 0, 3, Units.PAULI), "outside 0..2");
        assertTrue(Observables.zz(3, 0, 2, Units.SPIN_HALF).description().contains("spin units"));
        assertTrue(Observables.zz(3, 0, 2, Units.PAULI).description().contains("Pauli units"));
    }
}
