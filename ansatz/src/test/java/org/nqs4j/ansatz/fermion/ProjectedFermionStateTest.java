package org.nqs4j.ansatz.fermion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.fock.FockConnections;
import org.nqs4j.hamiltonians.fock.FockModels;
import org.nqs4j.hamiltonians.fock.FockOperator;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;

class ProjectedFermionStateTest {
    /**
     * The open-shell free Fermi sea of the 6-ring (2↑2↓: k = 0 filled, one particle per species in
     * the level pair k = ±π/3 at −t; E = 2(−2 − 1) = −6): the tight-binding determinant fills the
     * shell with a real standing wave, a mixture of the total momenta K = 0, ±2π/3. Projected on the
     * translations with χ = 1 (K = 0; then also T_1 ψ_P = ψ_P) or χ = cos(2πx/3) (K = ±2π/3) it must
     * stay an exact eigenstate, (Hψ_P)(n) = −6 ψ_P(n) on every configuration and zero local-energy
     * variance, which it is only if the fermionic signs s_g(n) of T_g are right. (Backflow with V = 0
     * is the determinant of the orbitals.)
     */
    @Test
    void projectedFreeFermiSeaIsAnExactEigenstate() {
        Lattice ring = Lattice.chain(6, Boundary.PERIODIC, false);
        SpinOrbitals orbitals = TightBinding.groundState(ring, 1, 0, 2, 2);
        assertEquals(-6, orbitals.bandEnergy(), 1e-12);
        int[][] translations = ring.translations();
        double[] zero = new double[6];
        double[] third = new double[6];
        for (int g = 0; g < 6; g++) {
            zero[g] = 1;
            third[g] = Math.cos(2 * Math.PI * translations[g][0] / 3);
        }
        for (double[] chi : new double[][] {zero, third}) {
            ProjectedFermionState projected = ProjectedFermionState.of(NeuralBackflow.of(orbitals, 1), translations,
                    chi, "test");
            assertEigenstate(projected, FockModels.hubbard(ring, 1, 0, 0, 0, 0), FermionHilbert.spinful(6, 2, 2), -6,
                    chi == zero ? translations[1] : null);
        }
    }

    /**
     * The same on the 4×4 torus at N↑ = N↓ = 4 (3 particles per species in the 4 levels at −2t),
     * K = 0, on sampled configurations: the determinant of these symmetric orbitals vanishes on some
     * images g n where ψ_P does not, which the local energy must take from scratch.
     */
    @Test
    void projectedFreeFermiSeaOnTheTorus() {
        Lattice torus = Lattice.square(4, Boundary.PERIODIC, false);
        SpinOrbitals orbitals = TightBinding.groundState(torus, 1, 0, 4, 4);
        double exact = 2 * (-4 - 3 * 2);
        assertEquals(exact, orbitals.bandEnergy(), 1e-12);
        double[] chi = new double[16];
        Arrays.fill(chi, 1);
        ProjectedFermionState projected = ProjectedFermionState.of(NeuralBackflow.of(orbitals, 1),
                torus.translations(), chi, "K = 0");
        FockOperator h = FockModels.hubbard(torus, 1, 0, 0, 0, 0);
        FermionHilbert hilbert = FermionHilbert.spinful(16, 4, 4);
        FockConnections conn = h.newConnections();
        FermionCache cache = projected.newCache();
        SplittableRandom rng = new SplittableRandom(3);
        int[][] samples = new int[60][32];
        double maxPsi = 0;
        for (int[] n : samples) {
            hilbert.randomState(new java.util.Random(rng.nextLong()), n);
            maxPsi = Math.max(maxPsi, Math.abs(FermionTestSupport.psi(projected, n)));
        }
        int checked = 0;
        for (int[] n : samples) {
            double psi = FermionTestSupport.psi(projected, n);
            assertEquals(exact * psi, FermionTestSupport.hPsi(h, projected, n, conn), 1e-10 * maxPsi);
            if (Math.abs(psi) > 1e-6 * maxPsi) {
                cache.reset(n);
                assertEquals(exact, FermionTestSupport.localEnergy(h, cache, 16, conn), 1e-7);
                checked++;
            }
        }
        assertTrue(checked > 20, "configurations off the nodes: " + checked);
    }

    /** Random backflow projected on the translations of a 5-ring: cached ratios (single and double hops) and O_k. */
    @Test
    void ratiosAndDerivativesOfProjectedBackflow() {
        Lattice ring = Lattice.chain(5, Boundary.PERIODIC, false);
        NeuralBackflow backflow = NeuralBackflow.of(FermionTestSupport.randomOrbitals(8, 5, 2, 3), 3);
        double[] p = new double[backflow.nParameters()];
        backflow.getParameters(p);
        SplittableRandom rng = new SplittableRandom(21);
        for (int k = 5 * 5; k < p.length; k++) {
            p[k] = 0.5 * (rng.nextDouble() - 0.5);
        }
        backflow.setParameters(p);
        double[] chi = {1, -0.5, 2, 0.25, 1}; // any real weights exercise the combination (not a character here)
        ProjectedFermionState projected = ProjectedFermionState.of(backflow, ring.translations(), chi, "test");
        FermionCache cache = projected.newCache();
        cache.reset(new int[] {1, 0, 1, 0, 0, 0, 1, 1, 0, 1});
        FermionTestSupport.assertRatiosAlongWalk(projected, cache, 200, rng);
        double[] o = new double[projected.nParameters()];
        cache.logDerivatives(o, 0);
        SlaterDeterminantTest.assertFiniteDifferences(projected, cache.configuration().clone(), o);
    }

    /**
     * Every configuration: (Hψ)(n) = Eψ(n), E_L = E where ψ ≠ 0, and (unless {@code translation} is
     * null) the symmetry T†ψ = ψ.
     */
    private static void assertEigenstate(FermionWaveFunction psi, FockOperator h, FermionHilbert hilbert, double exact,
                                         int[] translation) {
        int l = hilbert.nSites();
        FockConnections conn = h.newConnections();
        FermionCache cache = psi.newCache();
        int[] n = new int[hilbert.size()];
        int[] moved = new int[hilbert.size()];
        double maxPsi = 0;
        for (long i = 0; i < hilbert.nStates(); i++) {
            hilbert.state(i, n);
            maxPsi = Math.max(maxPsi, Math.abs(FermionTestSupport.psi(psi, n)));
        }
        assertTrue(maxPsi > 0, "the projection does not vanish");
        int checked = 0;
        for (long i = 0; i < hilbert.nStates(); i++) {
            hilbert.state(i, n);
            double amplitude = FermionTestSupport.psi(psi, n);
            assertEquals(exact * amplitude, FermionTestSupport.hPsi(h, psi, n, conn), 1e-11 * maxPsi, "(Hψ)(n), n = " + i);
            if (translation != null) {
                assertEquals(amplitude, translated(n, translation, l, psi, moved), 1e-11 * maxPsi, "T ψ, n = " + i);
            }
            if (Math.abs(amplitude) > 1e-6 * maxPsi) {
                cache.reset(n);
                assertEquals(exact, FermionTestSupport.localEnergy(h, cache, l, conn), 1e-9, "E_L at n = " + i);
                checked++;
            }
        }
        assertTrue(checked > 10, "configurations off the nodes: " + checked);
    }

    /** (T†ψ)(n) = s(n) ψ(T n), s(n) the parity of sorting the images of the occupied orbitals. */
    private static double translated(int[] n, int[] translation, int l, FermionWaveFunction psi, int[] moved) {
        int inversions = 0;
        Arrays.fill(moved, 0);
        int[] images = new int[n.length];
        int count = 0;
        for (int a = 0; a < n.length; a++) {
            if (n[a] == 1) {
                images[count] = translation[a % l] + (a / l) * l;
                moved[images[count]] = 1;
                for (int b = 0; b < count; b++) {
                    inversions += images[b] > images[count] ? 1 : 0;
                }
                count++;
            }
        }
        return (inversions % 2 == 0 ? 1 : -1) * FermionTestSupport.psi(psi, moved);
    }
}
