package org.nqs4j.hamiltonians.fock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.hilbert.BosonHilbert;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

class FockOperatorTest {

    private static FockOperator single(int modes, String word, int... at) {
        return FockOperator.fermions(modes, List.of(FockTerm.of(1, word, at)), word);
    }

    @Test
    void canonicalAnticommutationRelationsOnTheWholeFockSpace() {
        int modes = 4;
        int d = 1 << modes;
        for (int a = 0; a < modes; a++) {
            double[][] ca = FockDense.fullFermionMatrix(single(modes, "-", a));
            double[][] cda = FockDense.fullFermionMatrix(single(modes, "+", a));
            for (int b = 0; b < modes; b++) {
                double[][] cb = FockDense.fullFermionMatrix(single(modes, "-", b));
                double[][] cdb = FockDense.fullFermionMatrix(single(modes, "+", b));
                double[][] ab = FockDense.multiply(ca, cdb);
                double[][] ba = FockDense.multiply(cdb, ca);
                double[][] aa = FockDense.multiply(ca, cb);
                double[][] aa2 = FockDense.multiply(cb, ca);
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        double delta = a == b && i == j ? 1 : 0;
                        assertEquals(delta, ab[i][j] + ba[i][j], 0, "{c_a, c†_b}");
                        assertEquals(0, aa[i][j] + aa2[i][j], 0, "{c_a, c_b}");
                        assertEquals(cda[i][j], ca[j][i], 0, "c† is the transpose of c");
                    }
                }
            }
        }
    }

    @Test
    void numberOperatorIsCreationTimesAnnihilation() {
        for (int a = 0; a < 3; a++) {
            double[][] n = FockDense.fullFermionMatrix(single(3, "n", a));
            double[][] cdc = FockDense.fullFermionMatrix(single(3, "+-", a, a));
            for (int i = 0; i < 8; i++) {
                assertEquals(((i >> a) & 1), n[i][i], 0);
                for (int j = 0; j < 8; j++) {
                    assertEquals(n[i][j], cdc[i][j], 0);
                }
            }
        }
    }

    @Test
    void bosonCommutatorHoldsBelowTheTruncation() {
        int nMax = 4;
        Hilbert h = BosonHilbert.grandCanonical(1, nMax);
        double[][] b = FockDense.matrix(FockOperator.bosons(1, nMax, List.of(FockTerm.of(1, "-", 0)), "b"), h);
        double[][] bd = FockDense.matrix(FockOperator.bosons(1, nMax, List.of(FockTerm.of(1, "+", 0)), "b†"), h);
        double[][] bbd = FockDense.multiply(b, bd);
        double[][] bdb = FockDense.multiply(bd, b);
        for (int n = 0; n < nMax; n++) { // at n_max the truncated b† annihilates: [b, b†] = 1 − (n_max+1)|n_max⟩⟨n_max|
            assertEquals(1, bbd[n][n] - bdb[n][n], 1e-12);
            assertEquals(n, bdb[n][n], 1e-12, "b†b = n");
        }
    }

    @Test
    void twoSiteHubbardAtHalfFillingHasTheAnalyticGroundState() {
        for (boolean periodic : new boolean[] {false, true}) {
            Lattice dimer = Lattice.chain(2, periodic ? Boundary.PERIODIC : Boundary.OPEN, false);
            for (double u : new double[] {0, 1, 4, 10}) {
                double t = 1.3;
                double[][] m = FockDense.matrix(FockModels.hubbard(dimer, t, 0, u, 0, 0), FermionHilbert.spinful(2, 1, 1));
                assertEquals((u - Math.sqrt(u * u + 16 * t * t)) / 2, FockDense.lowestEigenvalue(m), 1e-12);
            }
        }
    }

    @Test
    void twoSiteBoseHubbardWithTwoBosonsHasTheAnalyticGroundState() {
        // symmetric subspace {(|20⟩+|02⟩)/√2, |11⟩}: [[U, −2J], [−2J, 0]]
        Lattice dimer = Lattice.chain(2, Boundary.OPEN, false);
        double j = 0.7;
        for (double u : new double[] {0.5, 3, 8}) {
            double[][] m = FockDense.matrix(FockModels.boseHubbard(dimer, j, u, 0, 2), BosonHilbert.fixedNumber(2, 2, 2));
            assertEquals((u - Math.sqrt(u * u + 16 * j * j)) / 2, FockDense.lowestEigenvalue(m), 1e-12);
        }
    }

    @Test
    void periodicRingsArePeriodicForTheFermions() {
        // free fermions on a ring, k = 2πm/L, ε = −2t cos k. L = 3, N = 2: −2 + 1 = −1 (the antiperiodic
        // ring would give −1 −1 = −2); L = 4, N = 2: −2 + 0 (antiperiodic: −2√2)
        Lattice ring3 = Lattice.chain(3, Boundary.PERIODIC, false);
        assertEquals(-1, FockDense.lowestEigenvalue(FockDense.matrix(FockModels.spinlessFermions(ring3, 1, 0, 0),
                FermionHilbert.spinless(3, 2))), 1e-12);
        Lattice ring4 = Lattice.chain(4, Boundary.PERIODIC, false);
        assertEquals(-2, FockDense.lowestEigenvalue(FockDense.matrix(FockModels.spinlessFermions(ring4, 1, 0, 0),
                FermionHilbert.spinless(4, 2))), 1e-12);
        // the same with spin: N↑ = 2, N↓ = 1 on the 4-ring at U = 0: (−2 + 0) + (−2)
        assertEquals(-4, FockDense.lowestEigenvalue(FockDense.matrix(FockModels.hubbard(ring4, 1, 0, 0, 0, 0),
                FermionHilbert.spinful(4, 2, 1))), 1e-12);
    }

    @Test
    void modelsAreSymmetricInEverySector() {
        Lattice square = Lattice.rectangular(3, 2, Boundary.PERIODIC, true);
        FockOperator h = FockModels.hubbard(square, 1, -0.3, 4, 0.5, 0.2);
        double[][] m = FockDense.matrix(h, FermionHilbert.spinful(6, 2, 3));
        assertSymmetric(m);
        assertSymmetric(FockDense.matrix(FockModels.spinlessFermions(square, 1, 2, 0.1), FermionHilbert.spinless(6, 3)));
        assertSymmetric(FockDense.matrix(FockModels.boseHubbard(square, 1, 3, 0.2, 3), BosonHilbert.fixedNumber(6, 3, 5)));
    }

    private static void assertSymmetric(double[][] m) {
        boolean offDiagonal = false;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                assertEquals(m[i][j], m[j][i], 1e-14);
                offDiagonal |= i != j && m[i][j] != 0;
            }
        }
        assertTrue(offDiagonal, "the matrix has hopping elements");
    }

    @Test
    void conservesParticleNumbersPerSpecies() {
        Lattice chain = Lattice.chain(4, Boundary.PERIODIC, true);
        FockOperator h = FockModels.hubbard(chain, 1, 0.5, 2, 1, 0.3);
        assertTrue(h.conservesSum(0, 4), "N↑");
        assertTrue(h.conservesSum(4, 8), "N↓");
        assertTrue(h.conservesSum(0, 8), "N");
        assertFalse(h.conservesSum(0, 2), "particles hop out of half the chain");
        FermionHilbert sector = FermionHilbert.spinful(4, 2, 1);
        FockConnections c = h.newConnections();
        int[] x = new int[8];
        Random rng = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            sector.randomState(rng, x);
            h.connections(x, c);
            assertTrue(c.size() > 1);
            for (int k = 0; k < c.size(); k++) {
                assertTrue(sector.contains(FockDense.target(x, c, k)), "connection leaves the sector");
            }
        }
        FockOperator pairing = FockOperator.fermions(8, List.of(FockTerm.of(1, "++", 0, 4), FockTerm.of(1, "--", 4, 0)), "Δ");
        assertTrue(pairing.conservesSum(0, 8) == false && pairing.conservesSum(0, 4) == false);
        assertEquals("N↑", sector.violatedBy(pairing).orElseThrow().name());
        assertTrue(sector.violatedBy(h).isEmpty());
        FockOperator spinFlip = FockOperator.fermions(8, List.of(FockTerm.of(1, "+-", 0, 4), FockTerm.of(1, "+-", 4, 0)), "S+");
        assertTrue(spinFlip.conservesSum(0, 8));
        assertEquals("N↑", sector.violatedBy(spinFlip).orElseThrow().name());
    }

    @Test
    void connectionsListChangedModesAndSumTheDiagonal() {
        Lattice chain = Lattice.chain(3, Boundary.OPEN, false);
        FockOperator h = FockModels.spinlessFermions(chain, 1, 2, 0.5);
        FockConnections c = h.newConnections();
        h.connections(new int[] {1, 1, 0}, c);
        // diagonal V n0 n1 − mu (n0 + n1) = 2 − 1; hop 1 → 2 with sign (−1)^{1}·(−1)^{1}: c†_2 c_1 picks
        // (−1)^{n_0} = −1 for c_1 and then (−1)^{n_0 + n_1 − 1} = −1 for c†_2: element −t·(+1)
        assertEquals(2, c.size());
        assertEquals(0, c.changeCount(0));
        assertEquals(1, c.value(0), 1e-15);
        assertEquals(2, c.changeCount(1));
        assertEquals(-1, c.value(1), 1e-15);
    }
}
