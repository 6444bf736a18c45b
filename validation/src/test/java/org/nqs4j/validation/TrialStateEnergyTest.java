package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.boson.BosonJastrow;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.fock.FockModels;
import org.nqs4j.hamiltonians.hilbert.BosonHilbert;

class TrialStateEnergyTest {

    /**
     * The k = 0 condensate of N bosons on a ring of L sites (no truncation, n_max = N):
     * ψ(n) ∝ √(N!/Π n_i!), the boson Jastrow with g(n) = −½ log n!. The occupations are
     * multinomial with p = 1/L, so ⟨n_i(n_i − 1)⟩ = N(N−1)/L² and
     * E = −2JN + (U/2)·L·N(N−1)/L²; at U = 0 it is an eigenstate (variance 0).
     */
    @Test
    void condensateOnABoseHubbardRingSummedOverTheFockBasis() {
        int l = 5;
        int n = 4;
        double j = 0.7;
        BosonJastrow psi = BosonJastrow.condensate(l, n);
        BosonHilbert hilbert = BosonHilbert.fixedNumber(l, n, n);
        Lattice ring = Lattice.chain(l, Boundary.PERIODIC, false);
        for (double u : new double[] {0, 3}) {
            TrialStateEnergy.Result r = TrialStateEnergy.of(psi, FockModels.boseHubbard(ring, j, u, 0, n), hilbert);
            assertEquals(-2 * j * n + u / 2 * n * (n - 1) / l, r.energy(), 1e-12, "U = " + u);
            assertEquals(70, r.dimension()); // C(N + L − 1, N)
            if (u == 0) {
                assertEquals(0, r.variance(), 1e-12);
            }
        }
    }

    /**
     * A determinant with a node: one spinless fermion on an open 3-site chain in the orbital
     * φ = (1, 1, 0)/√2, so ψ vanishes with the particle on site 2. The sum takes the node as a zero
     * amplitude: E = −2t φ₀φ₁ = −t and, with Ĥψ = −t(|0⟩ + |1⟩ + |2⟩)/√2, Var = 3t²/2 − t² = t²/2.
     */
    @Test
    void aDeterminantWithANodeIsSummedWithAZeroAmplitude() {
        double t = 1.3;
        org.ejml.data.DMatrixRMaj phi = new org.ejml.data.DMatrixRMaj(3, 1, true, 1 / Math.sqrt(2), 1 / Math.sqrt(2), 0);
        var psi = org.nqs4j.ansatz.fermion.SlaterDeterminant.of(org.nqs4j.ansatz.fermion.SpinOrbitals.of(phi));
        Lattice chain = Lattice.chain(3, Boundary.OPEN, false);
        TrialStateEnergy.Result r = TrialStateEnergy.of(psi, FockModels.spinlessFermions(chain, t, 0, 0),
                org.nqs4j.hamiltonians.hilbert.FermionHilbert.spinless(3, 1));
        assertEquals(-t, r.energy(), 1e-12);
        assertEquals(t * t / 2, r.variance(), 1e-12);
    }

    @Test
    void uniformStateOnTheIsingRing() {
        // ψ = |+…+⟩ (all X = +1): ⟨Z_iZ_j⟩ = 0, so E = −hN; Ĥ|+⟩ = −hN|+⟩ − J Σ_b Z_iZ_j|+⟩ with the
        // N bond states Z_iZ_j|+⟩ orthonormal and orthogonal to |+⟩, so Var = J²·N
        int n = 8;
        double j = 0.7;
        double h = 1.3;
        Rbm psi = Rbm.real(n, 2); // all parameters zero
        TrialStateEnergy.Result r = TrialStateEnergy.of(psi, Models.isingRing(n, j, h), SpinHilbert.unconstrained(n));
        assertEquals(-h * n, r.energy(), 1e-12);
        assertEquals(j * j * n, r.variance(), 1e-11);
        assertEquals(256, r.dimension());
    }

    @Test
    void productStateWithHugeLogAmplitudes() {
        // b_j = 700 ≫ |Wσ|: log cosh(b_j + Σ_i W_ji σ_i) = b_j − log 2 + Σ_i W_ji σ_i to double precision,
        // so ψ(σ) ∝ Π_i exp(c_i σ_i), c_i = a_i + Σ_j W_ji, a product state with ⟨Z_i⟩ = tanh 2c_i and
        // ⟨X_i⟩ = 1/cosh 2c_i. log ψ ≈ 700·M = 4200 would overflow exp() without the shift.
        int n = 6;
        int m = 6;
        double j = 1.1;
        double h = 0.4;
        Random rnd = new Random(3);
        Rbm psi = Rbm.realWithHiddenUnits(n, m);
        double[] p = new double[psi.parameterArrayLength()];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = 0.3 * rnd.nextGaussian();
            c[i] = p[i];
        }
        for (int k = 0; k < m; k++) {
            p[n + k] = 700;
            for (int i = 0; i < n; i++) {
                double w = 0.1 * rnd.nextGaussian();
                p[n + m + k * n + i] = w;
                c[i] += w;
            }
        }
        psi.setParameters(p);
        double expected = 0;
        for (int i = 0; i < n; i++) {
            expected -= j * Math.tanh(2 * c[i]) * Math.tanh(2 * c[(i + 1) % n]) + h / Math.cosh(2 * c[i]);
        }
        TrialStateEnergy.Result r = TrialStateEnergy.of(psi, Models.isingRing(n, j, h), SpinHilbert.unconstrained(n));
        assertEquals(expected, r.energy(), 1e-12);
    }

    @Test
    void complexRbmMatchesDenseAlgebraWithHandBuiltMatrix() {
        // H = J Σ S_i·S_{i+1}: diagonal (J/4) Σ σ_iσ_{i+1}, J/2 between states differing by an
        // exchange of antiparallel neighbours; ψ taken from log ψ directly (small parameters)
        int n = 6;
        double j = 1.0;
        Rbm psi = Rbm.complex(n, 1);
        Random rnd = new Random(9);
        double[] p = new double[psi.parameterArrayLength()];
        for (int k = 0; k < p.length; k++) {
            p[k] = 0.4 * rnd.nextGaussian();
        }
        psi.setParameters(p);
        for (boolean sector : new boolean[] {false, true}) {
            int dim = 1 << n;
            double[] re = new double[dim];
            double[] im = new double[dim];
            int[] sigma = new int[n];
            double[] out = new double[2];
            for (int b = 0; b < dim; b++) {
                if (sector && Integer.bitCount(b) != n / 2) {
                    continue; // amplitude zero outside S^z = 0
                }
                for (int i = 0; i < n; i++) {
                    sigma[i] = ((b >> i) & 1) * 2 - 1;
                }
                psi.logPsi(sigma, out);
                re[b] = Math.exp(out[0]) * Math.cos(out[1]);
                im[b] = Math.exp(out[0]) * Math.sin(out[1]);
            }
            double norm = 0;
            double e = 0;
            double e2 = 0;
            for (int b = 0; b < dim; b++) {
                double hRe = 0;
                double hIm = 0;
                for (int i = 0; i < n; i++) {
                    int k = (i + 1) % n;
                    boolean parallel = ((b >> i) & 1) == ((b >> k) & 1);
                    hRe += 0.25 * j * (parallel ? 1 : -1) * re[b];
                    hIm += 0.25 * j * (parallel ? 1 : -1) * im[b];
                    if (!parallel) {
                        int swapped = b ^ (1 << i) ^ (1 << k);
                        hRe += 0.5 * j * re[swapped];
                        hIm += 0.5 * j * im[swapped];
                    }
                }
                norm += re[b] * re[b] + im[b] * im[b];
                e += re[b] * hRe + im[b] * hIm;
                e2 += hRe * hRe + hIm * hIm;
            }
            double energy = e / norm;
            SpinHilbert hilbert = sector ? SpinHilbert.fixedMagnetization(n, 0) : SpinHilbert.unconstrained(n);
            TrialStateEnergy.Result r = TrialStateEnergy.of(psi, Models.heisenbergRing(n, j), hilbert);
            assertEquals(energy, r.energy(), 1e-12, "S^z = 0 sector: " + sector);
            assertEquals(e2 / norm - energy * energy, r.variance(), 1e-12, "S^z = 0 sector: " + sector);
            // variational principle against the exact ground energy, −2.8028… for L = 6
            double e0 = FullDiagonalization.of(CsrMatrix.fromOperator(Models.heisenbergRing(n, j),
                    SpinBasis.of(hilbert))).groundEnergy();
            assertTrue(r.energy() > e0, r.energy() + " above " + e0);
        }
    }

    /**
     * On a fermion sector: the free-fermion Slater determinant of the ring L = 6, N↑ = N↓ = 3 (k = 0,
     * ±π/3) is an eigenstate, E = 2·(−2)(1 + 2 cos 60°) = −8, Var = 0; a Jastrow factor raises E.
     */
    @Test
    void fermionSectorsAreSummedOverTheirBasis() {
        org.nqs4j.hamiltonians.Lattice ring = org.nqs4j.hamiltonians.Lattice.chain(6,
                org.nqs4j.hamiltonians.Boundary.PERIODIC, false);
        org.nqs4j.hamiltonians.hilbert.FermionHilbert sector =
                org.nqs4j.hamiltonians.hilbert.FermionHilbert.spinful(6, 3, 3);
        var slater = org.nqs4j.ansatz.fermion.SlaterDeterminant.of(
                org.nqs4j.ansatz.fermion.TightBinding.groundState(ring, 1, 0, 3, 3));
        var h = org.nqs4j.hamiltonians.fock.FockModels.hubbard(ring, 1, 0, 0, 0, 0);
        TrialStateEnergy.Result r = TrialStateEnergy.of(slater, h, sector);
        assertEquals(400, r.dimension());
        assertEquals(-8, r.energy(), 1e-12);
        assertEquals(0, r.variance(), 1e-12);
        var jastrow = org.nqs4j.ansatz.fermion.OccupationJastrow.densityDensity(6, 2);
        double[] v = new double[jastrow.nParameters()];
        java.util.Arrays.fill(v, 0.3);
        jastrow.setParameters(v);
        TrialStateEnergy.Result correlated = TrialStateEnergy.of(
                org.nqs4j.ansatz.fermion.FermionProduct.of(jastrow, slater), h, sector);
        assertTrue(correlated.energy() > -8 + 1e-3 && correlated.variance() > 1e-3, correlated.toString());
    }

    @Test
    void badInputIsRejected() {
        Rbm psi = Rbm.real(4, 1);
        assertThrows(IllegalArgumentException.class,
                () -> TrialStateEnergy.of(psi, Models.isingRing(5, 1, 1), SpinHilbert.unconstrained(5)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrialStateEnergy.of(psi, Models.isingRing(4, 1, 1), SpinHilbert.fixedMagnetization(4, 0)));
        assertTrue(e.getMessage().contains("sector"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TrialStateEnergy.of(Rbm.real(21, 1), Models.isingRing(21, 1, 1), SpinHilbert.unconstrained(21)));
    }
}
