package org.nqs4j.optimizers.sr;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.nqs4j.optimizers.SolverException;
import org.nqs4j.optimizers.linalg.BlockedCholesky;
import org.nqs4j.optimizers.linalg.TaskRunner;

/**
 * In-place solve of M x = b for a real symmetric or complex Hermitian positive-definite M by the
 * SIMD {@link BlockedCholesky} M = L Lᵀ.
 *
 * <p>A Hermitian M = R + iJ (R symmetric, J antisymmetric) is solved as the real symmetric
 * positive-definite system of order 2n
 * <pre>
 *   [R  −J] [Re x]   [Re b]
 *   [J   R] [Im x] = [Im b],
 * </pre>
 * which has the same eigenvalues as M, each twice: twice the flops of a complex Cholesky, but at
 * FMA throughput instead of EJML's unblocked scalar complex kernel.
 *
 * <p>A pivot is rejected when L_kk² ≤ n u M_kk ({@link BlockedCholesky#firstLostPivot}).
 */
final class CholeskyFactor {
    private double[] panel = new double[0];
    private double[] diagonal = new double[0];
    private double[] embedded = new double[0];
    private double[] rhs = new double[0];
    private TaskRunner tasks = TaskRunner.SERIAL;

    void setTaskRunner(TaskRunner runner) {
        tasks = runner;
    }

    /** Solves m x = b; b is overwritten by x, m is destroyed. */
    void solve(DMatrixRMaj m, double[] b, String what) {
        factorAndSolve(m.data, m.numRows, b, what);
    }

    /** Solves m x = b for interleaved complex b (2n doubles); b is overwritten, m is not changed. */
    void solve(ZMatrixRMaj m, double[] b, String what) {
        int n = m.numRows;
        int n2 = 2 * n;
        embedded = DenseQgt.ensure(embedded, n2 * n2);
        rhs = DenseQgt.ensure(rhs, n2);
        double[] z = m.data;
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < n; t++) {
                double re = z[2 * (s * n + t)];
                double im = z[2 * (s * n + t) + 1];
                embedded[s * n2 + t] = re;
                embedded[s * n2 + n + t] = -im;
                embedded[(n + s) * n2 + t] = im;
                embedded[(n + s) * n2 + n + t] = re;
            }
            rhs[s] = b[2 * s];
            rhs[n + s] = b[2 * s + 1];
        }
        factorAndSolve(embedded, n2, rhs, what);
        for (int s = 0; s < n; s++) {
            b[2 * s] = rhs[s];
            b[2 * s + 1] = rhs[n + s];
        }
    }

    private void factorAndSolve(double[] a, int n, double[] b, String what) {
        panel = DenseQgt.ensure(panel, BlockedCholesky.panelLength(n));
        diagonal = DenseQgt.ensure(diagonal, n);
        for (int k = 0; k < n; k++) {
            diagonal[k] = a[k * n + k];
        }
        int failed = BlockedCholesky.factor(a, n, panel, tasks);
        if (failed < 0) {
            failed = BlockedCholesky.firstLostPivot(a, n, diagonal);
        }
        if (failed >= 0) {
            throw new SolverException(what + " is not numerically positive definite (Cholesky pivot " + failed
                    + " lost all digits); increase the diagonal shift or the number of samples");
        }
        BlockedCholesky.solve(a, n, b);
    }
}
