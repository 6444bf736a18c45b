package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.PauliSumOperator;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.SpinModels;
import org.nqs4j.hamiltonians.Units;

class LanczosTest {
    private static final Lanczos.Settings SETTINGS = Lanczos.Settings.defaults();

    /** A dense symmetric matrix seen only through products. */
    private record Dense(DMatrixRMaj a) implements SymmetricLinearMap {
        @Override
        public int dimension() {
            return a.numRows;
        }

        @Override
        public void multiply(double[] x, double[] y) {
            int n = a.numRows;
            for (int r = 0; r < n; r++) {
                double s = 0;
                for (int c = 0; c < n; c++) {
                    s += a.unsafe_get(r, c) * x[c];
                }
                y[r] = s;
            }
        }
    }

    @Test
    void fourSiteRingResolvesTheTriplet() {
        CsrMatrix h = CsrMatrix.fromOperator(Models.heisenbergRing(4, 1), SpinBasis.of(SpinHilbert.unconstrained(4)));
        Lanczos.Result r = Lanczos.lowest(h, 5, SETTINGS);
        assertArrayEquals(new double[] {-2, -1, -1, -1, 0}, r.eigenvalues(), 1e-10);
        assertOrthonormalEigenvectors(h, r);
    }

    @Test
    void wholeSectorOfTheFourSiteRing() {
        // S^z = 0 holds one state of each multiplet: −2 (singlet), −1, 0, 0 (triplets), 0 (singlet), 1
        CsrMatrix h = CsrMatrix.fromOperator(Models.heisenbergRing(4, 1), SpinBasis.of(SpinHilbert.fixedMagnetization(4, 0)));
        Lanczos.Result r = Lanczos.lowest(h, 6, SETTINGS);
        assertArrayEquals(new double[] {-2, -1, 0, 0, 0, 1}, r.eigenvalues(), 1e-10);
    }

    @Test
    void su2MultipletsOfTheEightSiteRingMatchFullDiagonalisation() {
        CsrMatrix h = CsrMatrix.fromOperator(Models.heisenbergRing(8, 1), SpinBasis.of(SpinHilbert.unconstrained(8)));
        double[] exact = Arrays.copyOf(FullDiagonalization.of(h).eigenvalues(), 12);
        Lanczos.Result r = Lanczos.lowest(h, 12, SETTINGS);
        assertArrayEquals(exact, r.eigenvalues(), 1e-9);
        assertOrthonormalEigenvectors(h, r);
    }

    @Test
    void randomSparseSymmetricMatricesMatchFullDiagonalisation() {
        for (long seed = 1; seed <= 3; seed++) {
            Random rnd = new Random(seed);
            int n = 400;
            DMatrixRMaj a = new DMatrixRMaj(n, n);
            for (int r = 0; r < n; r++) {
                a.add(r, r, rnd.nextGaussian());
                for (int k = 0; k < 3; k++) {
                    int c = rnd.nextInt(n);
                    double v = rnd.nextGaussian();
                    a.add(r, c, v);
                    a.add(c, r, v);
                }
            }
            double[] exact = Arrays.copyOf(FullDiagonalization.of(a).eigenvalues(), 8);
            Lanczos.Result r = Lanczos.lowest(new Dense(a), 8, SETTINGS.withSeed(seed));
            assertArrayEquals(exact, r.eigenvalues(), 1e-9, "seed " + seed);
            assertOrthonormalEigenvectors(new Dense(a), r);
        }
    }

    @Test
    void prescribedDegenerateSpectrumIsFoundWithMultiplicity() {
        // A = Q·diag(d)·Qᵀ with a random orthogonal Q: eigenvalue −3 thrice, −1 twice
        int n = 150;
        Random rnd = new Random(11);
        double[] d = new double[n];
        double[] low = {-3, -3, -3, -1, -1, 0.5, 0.7};
        for (int i = 0; i < n; i++) {
            d[i] = i < low.length ? low[i] : 1 + rnd.nextDouble();
        }
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            g.data[i] = rnd.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        qr.decompose(g);
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj qd = q.copy();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                qd.times(r * n + c, d[c]);
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(qd, q, a);
        Lanczos.Result r = Lanczos.lowest(new Dense(a), 7, SETTINGS);
        assertArrayEquals(low, r.eigenvalues(), 1e-9);
        assertOrthonormalEigenvectors(new Dense(a), r);
    }

    @Test
    void squareLattice4x4GroundEnergy() {
        Lattice square = Lattice.square(4, Boundary.PERIODIC, false);
        assertEquals(32, square.edges().size());
        PauliSumOperator op = SpinModels.heisenberg(square, 1, Units.SPIN_HALF);
        CsrMatrix h = CsrMatrix.fromOperator(op, SpinBasis.of(SpinHilbert.fixedMagnetization(16, 0)));
        Lanczos.Result r = Lanczos.lowest(h, 1, SETTINGS);
        // the literature value is quoted to 6 decimals: half a unit of the last digit
        assertEquals(-11.228483, r.groundEnergy(), 5e-7);
        // converged at tol·|E0|; the explicit residual adds rounding of order ε·‖H‖·√D
        assertTrue(r.residualNorms()[0] <= 1e-10 * 11.23 + 1e-12, "residual " + r.residualNorms()[0]);
    }

    @Test
    void sameSeedGivesTheSameResult() {
        CsrMatrix h = CsrMatrix.fromOperator(Models.heisenbergRing(12, 1), SpinBasis.of(SpinHilbert.fixedMagnetization(12, 0)));
        Lanczos.Result a = Lanczos.lowest(h, 2, SETTINGS);
        Lanczos.Result b = Lanczos.lowest(h, 2, SETTINGS);
        assertArrayEquals(a.eigenvalues(), b.eigenvalues(), 0);
        assertArrayEquals(a.groundState(), b.groundState(), 0);
        assertEquals(a.products(), b.products());
    }

    @Test
    void badRequestsAreRejectedAndBudgetIsEnforced() {
        CsrMatrix h = CsrMatrix.fromOperator(Models.heisenbergRing(10, 1), SpinBasis.of(SpinHilbert.fixedMagnetization(10, 0)));
        assertThrows(IllegalArgumentException.class, () -> Lanczos.lowest(h, 0, SETTINGS));
        assertThrows(IllegalArgumentException.class, () -> Lanczos.lowest(h, h.dimension() + 1, SETTINGS));
        assertThrows(IllegalArgumentException.class, () -> new Lanczos.Settings(2, 1e-10, 10, 0));
        assertThrows(IllegalStateException.class,
                () -> Lanczos.lowest(h, 1, new Lanczos.Settings(5, 1e-12, 10, 0)));
    }

    private static void assertOrthonormalEigenvectors(SymmetricLinearMap a, Lanczos.Result r) {
        int n = a.dimension();
        double[] ax = new double[n];
        for (int l = 0; l < r.eigenvalues().length; l++) {
            double[] x = r.eigenvectors()[l];
            a.multiply(x, ax);
            double res = 0;
            for (int i = 0; i < n; i++) {
                res += (ax[i] - r.eigenvalues()[l] * x[i]) * (ax[i] - r.eigenvalues()[l] * x[i]);
            }
            assertEquals(Math.sqrt(res), r.residualNorms()[l], 1e-12);
            assertTrue(Math.sqrt(res) <= 1e-9 * Math.max(1, Math.abs(r.eigenvalues()[l])), "residual of pair " + l);
            for (int k = 0; k <= l; k++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += x[i] * r.eigenvectors()[k][i];
                }
                assertEquals(k == l ? 1 : 0, dot, 1e-9, "overlap of pairs " + k + ", " + l);
            }
        }
    }
}
