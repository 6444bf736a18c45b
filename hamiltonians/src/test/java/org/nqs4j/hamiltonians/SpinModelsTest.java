package org.nqs4j.hamiltonians;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nqs4j.hamiltonians.PauliStringTest.assertMessage;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpinModelsTest {
    private static final double EPS = Math.ulp(1.0);

    /**
     * Eigenvalue tolerance for a dense symmetric eigensolver: backward-stable, so each eigenvalue
     * is off by at most ~dim·ε·‖H‖₂, and ‖H‖₂ ≤ Σ_t |c_t|.
     */
    private static double eigenTolerance(PauliSumOperator h) {
        double bound = h.terms().stream().mapToDouble(t -> Math.abs(t.coefficient())).sum();
        return 10 * (1 << h.nSites()) * EPS * bound;
    }

    private static void assertSpectrum(double[] expected, PauliSumOperator h) {
        assertArrayEquals(expected, Dense.eigenvalues(h), eigenTolerance(h));
    }

    private static void assertEigenvector(PauliSumOperator h, double[] v, double lambda) {
        double[] hv = Dense.apply(h, v);
        for (int i = 0; i < v.length; i++) {
            // a handful of products of exact binary fractions: rounding ~ ε·|λ|
            assertEquals(lambda * v[i], hv[i], 4 * EPS * Math.abs(lambda), "component " + i);
        }
    }

    @Test
    void heisenbergDimerHasSingletAndTriplet() {
        double j = 1.3;
        double r = Math.sqrt(0.5);
        // basis index: bit k set = site k down; 0 = ↑↑, 1 = ↓↑, 2 = ↑↓, 3 = ↓↓
        double[] singlet = {0, r, -r, 0};
        double[][] triplet = {{1, 0, 0, 0}, {0, r, r, 0}, {0, 0, 0, 1}};
        for (Lattice dimer : List.of(Lattice.chain(2, Boundary.OPEN, false), Lattice.chain(2, Boundary.PERIODIC, false))) {
            PauliSumOperator spin = SpinModels.heisenberg(dimer, j, Units.SPIN_HALF);
            PauliSumOperator pauli = SpinModels.heisenberg(dimer, j, Units.PAULI);
            assertEigenvector(spin, singlet, -0.75 * j);
            assertEigenvector(pauli, singlet, -3 * j);
            for (double[] t : triplet) {
                assertEigenvector(spin, t, 0.25 * j);
                assertEigenvector(pauli, t, j);
            }
        }
    }

    @Test
    void heisenbergFourSiteRingSpectrum() {
        // H = J Σ_ring S_i·S_j = (J/2)(S² − S_A² − S_B²), A = {0, 2}, B = {1, 3}:
        // (S_A, S_B, S) = (1,1,0): −2J; (1,1,1): −J ×3; (1,1,2): +J ×5; all others 0 ×7.
        double j = 0.8;
        PauliSumOperator h = SpinModels.heisenberg(Lattice.chain(4, Boundary.PERIODIC, false), j, Units.SPIN_HALF);
        double[] expected = new double[16];
        for (int i = 0; i < 16; i++) {
            expected[i] = j * (i == 0 ? -2 : i < 4 ? -1 : i < 11 ? 0 : 1);
        }
        assertSpectrum(expected, h);
    }

    @Test
    void xxzDimerSpectrum() {
        // J(SxSx + SySy + Δ SzSz): ↑↑, ↓↓ at JΔ/4; (↑↓ ± ↓↑)/√2 at −JΔ/4 ± J/2
        double j = 1.1;
        double delta = 0.3;
        Lattice dimer = Lattice.chain(2, Boundary.OPEN, false);
        double[] spin = {-j * delta / 4 - j / 2, j * delta / 4, j * delta / 4, -j * delta / 4 + j / 2};
        java.util.Arrays.sort(spin);
        assertSpectrum(spin, SpinModels.xxz(dimer, j, delta, Units.SPIN_HALF));
        double[] pauli = java.util.Arrays.stream(spin).map(e -> 4 * e).toArray();
        assertSpectrum(pauli, SpinModels.xxz(dimer, j, delta, Units.PAULI));
    }

    @Test
    void transverseFieldIsingClassicalAndFreeSpinLimits() {
        double j = 0.9;
        double h = 1.7;
        Lattice ring = Lattice.chain(6, Boundary.PERIODIC, false);
        Lattice square = Lattice.square(3, Boundary.OPEN, false);
        for (Lattice lat : List.of(ring, square)) {
            int bonds = lat.edges(0).size();
            int n = lat.nSites();
            PauliSumOperator ising = SpinModels.transverseFieldIsing(lat, j, 0, Units.PAULI);
            assertEquals(-j * bonds, Dense.eigenvalues(ising)[0], eigenTolerance(ising));
            PauliSumOperator field = SpinModels.transverseFieldIsing(lat, 0, h, Units.PAULI);
            assertEquals(-h * n, Dense.eigenvalues(field)[0], eigenTolerance(field));
            PauliSumOperator isingS = SpinModels.transverseFieldIsing(lat, j, 0, Units.SPIN_HALF);
            assertEquals(-j * bonds / 4, Dense.eigenvalues(isingS)[0], eigenTolerance(isingS));
            PauliSumOperator fieldS = SpinModels.transverseFieldIsing(lat, 0, h, Units.SPIN_HALF);
            assertEquals(-h * n / 2, Dense.eigenvalues(fieldS)[0], eigenTolerance(fieldS));
        }
    }

    @Test
    void transverseFieldIsingDimerGroundEnergy() {
        // even sector {(↑↑+↓↓)/√2, (↑↓+↓↑)/√2}: [[−J, −2h], [−2h, J]] → −√(J² + 4h²) (PAULI);
        // SPIN_HALF: [[−J/4, −h], [−h, J/4]] → −√(J²/16 + h²)
        double j = 0.9;
        double h = 1.7;
        Lattice dimer = Lattice.chain(2, Boundary.OPEN, false);
        PauliSumOperator pauli = SpinModels.transverseFieldIsing(dimer, j, h, Units.PAULI);
        assertEquals(-Math.sqrt(j * j + 4 * h * h), Dense.eigenvalues(pauli)[0], eigenTolerance(pauli));
        PauliSumOperator spin = SpinModels.transverseFieldIsing(dimer, j, h, Units.SPIN_HALF);
        assertEquals(-Math.sqrt(j * j / 16 + h * h), Dense.eigenvalues(spin)[0], eigenTolerance(spin));
    }

    @Test
    void marshallRotationMakesHeisenbergStoquasticWithSameSpectrum() {
        Lattice ring = Lattice.chain(6, Boundary.PERIODIC, false);
        PauliSumOperator h = SpinModels.heisenberg(ring, 1, Units.SPIN_HALF);
        PauliSumOperator u = SpinModels.marshallRotated(h, ring);
        double[][][] a = Dense.matrix(h);
        double[][][] b = Dense.matrix(u);
        for (int r = 0; r < a[0].length; r++) {
            for (int c = 0; c < a[0].length; c++) {
                // every hop is an A-B bond: XX+YY elements change sign, the diagonal does not
                assertEquals(r == c ? a[0][r][c] : -a[0][r][c], b[0][r][c], 0);
                assertTrue(r == c || b[0][r][c] <= 0, "off-diagonal element must be non-positive");
            }
        }
        assertArrayEquals(Dense.eigenvalues(h), Dense.eigenvalues(u), eigenTolerance(h));
        // Perron-Frobenius: the ground state of the rotated, connected S_z=0 block has one sign
        double[] psi = Dense.groundState(u);
        double sign = Math.signum(psi[Dense.index(new int[] {1, -1, 1, -1, 1, -1})]);
        for (double x : psi) {
            assertTrue(sign * x >= -1e-12, "ground-state amplitude of wrong sign: " + x);
        }
    }

    @Test
    void marshallRotationNeedsBipartiteLattice() {
        Lattice odd = Lattice.chain(5, Boundary.PERIODIC, false);
        PauliSumOperator h = SpinModels.heisenberg(odd, 1, Units.PAULI);
        assertMessage(() -> SpinModels.marshallRotated(h, odd), "bipartite");
        assertMessage(() -> SpinModels.marshallRotated(h, Lattice.chain(4, Boundary.OPEN, false)), "operator on 5 sites");
    }

    @Test
    void j1j2AtMajumdarGhoshPointHasDimerGroundEnergy() {
        // J2 = J1/2 on an even periodic chain: the two dimer coverings are exact ground states,
        // E0 = −3 J1 L / 8 (Majumdar & Ghosh, J. Math. Phys. 10, 1388 (1969)).
        double j1 = 1.2;
        int l = 8;
        PauliSumOperator h = SpinModels.j1j2(Lattice.chain(l, Boundary.PERIODIC, true), j1, j1 / 2, Units.SPIN_HALF);
        double[] e = Dense.eigenvalues(h);
        assertEquals(-3 * j1 * l / 8, e[0], eigenTolerance(h));
        assertEquals(-3 * j1 * l / 8, e[1], eigenTolerance(h));
        assertTrue(e[2] > e[0] + 0.1, "only two dimer ground states");
    }

    @Test
    void j1j2MarshallRotatesOnlyNearestNeighbourHops() {
        Lattice lat = Lattice.chain(6, Boundary.PERIODIC, true);
        PauliSumOperator u = SpinModels.marshallRotated(SpinModels.j1j2(lat, 1, 0.4, Units.SPIN_HALF), lat);
        Connections c = u.newConnections();
        u.connections(new int[] {1, -1, -1, 1, 1, -1}, c);
        int nn = 0;
        int nnn = 0;
        for (int k = 0; k < c.size(); k++) {
            if (c.flipCount(k) == 2) {
                int d = Math.floorMod(c.flipSite(k, 1) - c.flipSite(k, 0), 6);
                boolean nearest = d == 1 || d == 5;
                // S·S hop (1/4)(XX+YY) on antiparallel spins = 1/2: −J1/2 after rotation, +J2/2 on one sublattice
                assertEquals(nearest ? -0.5 : 0.2, c.re(k), 0);
                if (nearest) {
                    nn++;
                } else {
                    nnn++;
                }
            }
        }
        // antiparallel pairs of (+,−,−,+,+,−): nn (0,1),(2,3),(4,5),(5,0); nnn (0,2),(1,3),(2,4),(3,5)
        assertEquals(4, nn);
        assertEquals(4, nnn);
    }

    @Test
    void j1j2WithZeroJ2IsHeisenberg() {
        Lattice lat = Lattice.square(2, Boundary.OPEN, true);
        double[][][] a = Dense.matrix(SpinModels.j1j2(lat, 0.7, 0, Units.PAULI));
        double[][][] b = Dense.matrix(SpinModels.heisenberg(lat, 0.7, Units.PAULI));
        for (int r = 0; r < a[0].length; r++) {
            assertArrayEquals(b[0][r], a[0][r], 0);
        }
    }

    @Test
    void genericModelFromTerms() {
        PauliSumOperator h = SpinModels.fromTerms(3, List.of(PauliString.of(1, "XYZ", 0, 1, 2)));
        assertEquals(3, h.nSites());
        assertEquals(false, h.isReal());
        assertEquals(2, h.maxFlips());
    }

    @Test
    void modelsRejectMissingBondsAndBadCouplings() {
        Lattice bare = Lattice.custom(3, List.of());
        Lattice chain = Lattice.chain(4, Boundary.PERIODIC, false);
        assertMessage(() -> SpinModels.transverseFieldIsing(bare, 1, 1, Units.PAULI), "colour-0 (nearest-neighbour) bonds");
        assertMessage(() -> SpinModels.xxz(bare, 1, 1, Units.PAULI), "colour-0");
        assertMessage(() -> SpinModels.heisenberg(bare, 1, Units.PAULI), "colour-0");
        assertMessage(() -> SpinModels.j1j2(chain, 1, 0.5, Units.PAULI), "colour-1 (next-nearest-neighbour)");
        assertMessage(() -> SpinModels.heisenberg(chain, Double.NaN, Units.PAULI), "coupling J must be finite");
        assertMessage(() -> SpinModels.xxz(chain, 1, Double.POSITIVE_INFINITY, Units.PAULI), "Δ");
    }

    @Test
    void descriptionStatesFormulaAndUnits() {
        String d = SpinModels.transverseFieldIsing(Lattice.chain(4, Boundary.PERIODIC, false), 1, 0.5, Units.SPIN_HALF)
                .description();
        assertTrue(d.contains("-J Σ Sz_i Sz_j - h Σ Sx_i") && d.contains("spin units") && !d.contains("SPIN_HALF") && d.contains("chain L=4"), d);
    }
}
