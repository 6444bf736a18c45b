package org.nqs4j.hamiltonians.fock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;

/**
 * The Slater–Condon connections against the same Hamiltonian written term by term as products of
 * c†, c ({@link FockOperator}, whose Jordan–Wigner signs come from applying each factor), on every
 * determinant of every (N↑, N↓) sector of random integrals with the symmetry of real orbitals.
 */
class MolecularHamiltonianTest {
    static MolecularIntegrals random(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] h = new double[n * n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q <= p; q++) {
                h[p * n + q] = h[q * n + p] = rng.nextDouble(-1, 1);
            }
        }
        double[] eri = new double[n * n * n * n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q <= p; q++) {
                for (int r = 0; r < n; r++) {
                    for (int s = 0; s <= r; s++) {
                        if (p * n + q < r * n + s) {
                            continue;
                        }
                        double v = rng.nextDouble(-0.5, 0.5);
                        for (int[] o : new int[][] {{p, q, r, s}, {q, p, r, s}, {p, q, s, r}, {q, p, s, r},
                                {r, s, p, q}, {s, r, p, q}, {r, s, q, p}, {s, r, q, p}}) {
                            eri[((o[0] * n + o[1]) * n + o[2]) * n + o[3]] = v;
                        }
                    }
                }
            }
        }
        return new MolecularIntegrals(n, 0.7, h, eri);
    }

    /** H = E_core + Σ h_pq c†_pσ c_qσ + ½ Σ (pq|rs) c†_pσ c†_rτ c_sτ c_qσ as products of ladder operators. */
    static FockOperator termByTerm(MolecularIntegrals g) {
        int n = g.orbitals();
        List<FockTerm> terms = new ArrayList<>(); // no constant term: E_core is added in the comparison
        for (int sigma = 0; sigma < 2; sigma++) {
            for (int p = 0; p < n; p++) {
                for (int q = 0; q < n; q++) {
                    terms.add(FockTerm.of(g.h(p, q), "+-", p + n * sigma, q + n * sigma));
                }
            }
        }
        for (int sigma = 0; sigma < 2; sigma++) {
            for (int tau = 0; tau < 2; tau++) {
                for (int p = 0; p < n; p++) {
                    for (int q = 0; q < n; q++) {
                        for (int r = 0; r < n; r++) {
                            for (int s = 0; s < n; s++) {
                                terms.add(FockTerm.of(0.5 * g.eri(p, q, r, s), "++--", p + n * sigma, r + n * tau,
                                        s + n * tau, q + n * sigma));
                            }
                        }
                    }
                }
            }
        }
        return FockOperator.fermions(2 * n, terms, "term by term");
    }

    @Test
    void connectionsEqualTheOperatorProductsOnEveryDeterminant() {
        for (int n = 2; n <= 4; n++) {
            MolecularIntegrals g = random(n, 17 + n);
            MolecularHamiltonian h = MolecularHamiltonian.of(g);
            FockOperator reference = termByTerm(g);
            for (int up = 0; up <= n; up++) {
                for (int down = 0; down <= n; down++) {
                    FermionHilbert sector = FermionHilbert.spinful(n, up, down);
                    double[][] fast = FockDense.matrix(h, sector);
                    double[][] slow = FockDense.matrix(reference, sector);
                    for (int r = 0; r < fast.length; r++) {
                        for (int c = 0; c < fast.length; c++) {
                            double expected = slow[r][c] + (r == c ? g.core() : 0);
                            assertEquals(expected, fast[r][c], 1e-12, "NORB " + n + ", N↑ " + up + ", N↓ " + down
                                    + ", element " + r + "," + c);
                        }
                    }
                }
            }
        }
    }

    @Test
    void elementsAreSymmetricToTheLastBit() {
        MolecularIntegrals g = random(4, 5);
        double[][] m = FockDense.matrix(MolecularHamiltonian.of(g), FermionHilbert.spinful(4, 2, 2));
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m.length; c++) {
                assertEquals(m[r][c], m[c][r], 0.0, r + "," + c);
            }
        }
    }

    @Test
    void determinantEnergyIsTheDiagonal() {
        MolecularIntegrals g = random(3, 9);
        MolecularHamiltonian h = MolecularHamiltonian.of(g);
        int[] x = h.aufbau(2, 1);
        assertEquals(List.of(1, 1, 0, 1, 0, 0), java.util.Arrays.stream(x).boxed().toList());
        // Slater–Condon by hand for {0↑, 1↑, 0↓}: one-body terms, then each pair once
        double byHand = g.core() + 2 * g.h(0, 0) + g.h(1, 1)
                + g.eri(0, 0, 1, 1) - g.eri(0, 1, 1, 0)   // 0↑ with 1↑
                + g.eri(0, 0, 0, 0)                       // 0↑ with 0↓
                + g.eri(1, 1, 0, 0);                      // 1↑ with 0↓
        assertEquals(byHand, h.determinantEnergy(x), 1e-13);
        FockConnections c = h.newConnections();
        h.connections(x, c);
        assertEquals(0, c.changeCount(0));
        assertEquals(byHand, c.value(0), 1e-13);
    }

    @Test
    void screeningDropsTinyIntegralsAndCountsStayWithinTheBound() {
        int n = 3;
        double[] h = {-1, 0, 0, 0, -0.5, 0, 0, 0, 0.2};
        double[] eri = new double[81];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                eri[((p * n + p) * n + q) * n + q] = 0.3; // (pp|qq): diagonal only
            }
        }
        MolecularHamiltonian diagonalOnly = MolecularHamiltonian.of(new MolecularIntegrals(n, 0, h, eri));
        assertEquals(0, diagonalOnly.listedExcitations(), "(pp|qq) alone moves no electron");
        FockConnections c = diagonalOnly.newConnections();
        diagonalOnly.connections(diagonalOnly.aufbau(1, 1), c);
        assertEquals(1, c.size());
        MolecularIntegrals g = random(4, 3);
        MolecularHamiltonian full = MolecularHamiltonian.of(g);
        FermionHilbert sector = FermionHilbert.spinful(4, 2, 1);
        int[] x = new int[8];
        c = full.newConnections();
        for (long r = 0; r < sector.nStates(); r++) {
            sector.state(r, x);
            full.connections(x, c);
            assertTrue(c.size() <= full.connectionBound(2, 1) && c.size() <= full.maxConnections());
        }
        // generic integrals: 1 + singles 2·2 + 1·3 + doubles 1·1 + 0 + 4·3
        assertEquals(1 + 4 + 3 + 1 + 12, full.connectionBound(2, 1));
    }

    @Test
    void conservesEachSpinButNotOrbitalOccupations() {
        MolecularHamiltonian h = MolecularHamiltonian.of(random(3, 1));
        assertTrue(h.conservesSum(0, 3));
        assertTrue(h.conservesSum(3, 6));
        assertTrue(h.conservesSum(0, 6));
        assertFalse(h.conservesSum(0, 2));
        assertFalse(h.conservesSum(2, 4));
    }

    @Test
    void refusesIntegralsWithoutTheSymmetryOfRealOrbitals() {
        MolecularIntegrals g = random(2, 4);
        double[] eri = g.twoBody();
        eri[1] += 0.1; // (00|01) no longer equals (00|10)
        assertThrows(IllegalArgumentException.class, () -> new MolecularIntegrals(2, 0, g.oneBody(), eri));
        double[] h = g.oneBody();
        h[1] += 0.1;
        assertThrows(IllegalArgumentException.class, () -> new MolecularIntegrals(2, 0, h, g.twoBody()));
        assertThrows(IllegalArgumentException.class, () -> new MolecularIntegrals(2, 0, new double[3], g.twoBody()));
    }
}
