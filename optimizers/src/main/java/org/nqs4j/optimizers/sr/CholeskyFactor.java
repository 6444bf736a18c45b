package org.nqs4j.optimizers.sr;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.decompose.TriangularSolver_ZDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_ZDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.nqs4j.optimizers.SolverException;

/**
 * In-place solve of M x = b for a real symmetric or complex Hermitian positive-definite M by
 * Cholesky M = L L† (EJML; the real factorisation is blocked for large n).
 *
 * <p>A pivot is rejected when L_kk² ≤ n u M_kk (u the unit round-off): the Schur complement of
 * column k has lost all digits relative to its own diagonal, i.e. M is singular to working
 * precision. Relative to M_kk, the test is unaffected by a diagonal rescaling of M, so it does
 * not reject parameters that merely have a small variance.
 */
final class CholeskyFactor {
    private static final double UNIT_ROUNDOFF = 0x1p-53;

    private CholeskyDecomposition_F64<DMatrixRMaj> real;
    private CholeskyDecomposition_F64<ZMatrixRMaj> complex;
    private final DMatrixRMaj realL = new DMatrixRMaj(1, 1);
    private final ZMatrixRMaj complexL = new ZMatrixRMaj(1, 1);
    private double[] diagonal = new double[0];

    /** Solves m x = b; b is overwritten by x, m is destroyed. */
    void solve(DMatrixRMaj m, double[] b, String what) {
        int n = m.numRows;
        if (real == null || realL.numRows != n) {
            real = DecompositionFactory_DDRM.chol(n, true);
            realL.reshape(n, n);
        }
        double[] diag = diagonal(n);
        for (int k = 0; k < n; k++) {
            diag[k] = m.data[k * n + k];
        }
        if (!real.decompose(m)) {
            throw notPositiveDefinite(what, -1);
        }
        real.getT(realL);
        for (int k = 0; k < n; k++) {
            double lkk = realL.data[k * n + k];
            checkPivot(lkk * lkk, diag[k], n, k, what);
        }
        TriangularSolver_DDRM.solveL(realL.data, b, n);
        TriangularSolver_DDRM.solveTranL(realL.data, b, n);
    }

    /** Solves m x = b for interleaved complex b (2n doubles); b is overwritten, m destroyed. */
    void solve(ZMatrixRMaj m, double[] b, String what) {
        int n = m.numRows;
        if (complex == null || complexL.numRows != n) {
            complex = DecompositionFactory_ZDRM.chol(n, true);
            complexL.reshape(n, n);
        }
        double[] diag = diagonal(n);
        for (int k = 0; k < n; k++) {
            diag[k] = m.data[2 * (k * n + k)];
        }
        if (!complex.decompose(m)) {
            throw notPositiveDefinite(what, -1);
        }
        complex.getT(complexL);
        for (int k = 0; k < n; k++) {
            double lkk = complexL.data[2 * (k * n + k)];
            checkPivot(lkk * lkk, diag[k], n, k, what);
        }
        TriangularSolver_ZDRM.solveL_diagReal(complexL.data, b, n);
        TriangularSolver_ZDRM.solveConjTranL_diagReal(complexL.data, b, n);
    }

    private double[] diagonal(int n) {
        if (diagonal.length < n) {
            diagonal = new double[n];
        }
        return diagonal;
    }

    private static void checkPivot(double pivot, double diag, int n, int k, String what) {
        if (!(pivot > n * UNIT_ROUNDOFF * diag)) {
            throw notPositiveDefinite(what, k);
        }
    }

    private static SolverException notPositiveDefinite(String what, int k) {
        return new SolverException(what + " is not numerically positive definite"
                + (k >= 0 ? " (Cholesky pivot " + k + " lost all digits)" : "")
                + "; increase the diagonal shift or the number of samples");
    }
}
