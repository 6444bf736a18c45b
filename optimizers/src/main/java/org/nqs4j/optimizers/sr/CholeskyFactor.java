package org.nqs4j.optimizers.sr;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.nqs4j.optimizers.SolverException;
import org.nqs4j.optimizers.linalg.BlockedCholesky;
import org.nqs4j.optimizers.linalg.DistributedCholesky;
import org.nqs4j.optimizers.linalg.HermitianBlockedCholesky;
import org.nqs4j.optimizers.linalg.RankExchange;
import org.nqs4j.optimizers.linalg.TaskRunner;

/**
 * In-place solve of M x = b for a real symmetric or complex Hermitian positive-definite M by the
 * SIMD {@link BlockedCholesky} M = L Lᵀ or {@link HermitianBlockedCholesky} M = L L† (split real and
 * imaginary storage; half the flops of the real 2n embedding used before).
 *
 * <p>A pivot is rejected when L_kk² ≤ n u M_kk ({@link BlockedCholesky#firstLostPivot}).
 */
final class CholeskyFactor {
    private double[] panel = new double[0];
    private double[] panelIm = new double[0];
    private double[] diagonal = new double[0];
    private double[] solveRe = new double[0];
    private double[] solveIm = new double[0];
    private double[] re = new double[0];
    private double[] im = new double[0];
    private TaskRunner tasks = TaskRunner.SERIAL;
    private final DistributedCholesky distributed = new DistributedCholesky();

    void setTaskRunner(TaskRunner runner) {
        tasks = runner;
    }

    /**
     * Solves m x = b; b is overwritten by x, m is destroyed. Factored by the ranks together
     * ({@link DistributedCholesky}): only this rank's rows ({@link RankExchange#ownsRow}) of m need
     * be set, and x is the same on every rank, bit for bit.
     */
    void solve(DMatrixRMaj m, double[] b, String what, RankExchange ranks) {
        factorAndSolve(m.data, m.numRows, b, what, ranks);
    }

    /**
     * Solves m x = b for interleaved complex b (2n doubles); b is overwritten, m is not changed.
     * Factored by the ranks together, as {@link #solve(DMatrixRMaj, double[], String, RankExchange)}.
     */
    void solve(ZMatrixRMaj m, double[] b, String what, RankExchange ranks) {
        int n = m.numRows;
        re = DenseQgt.ensure(re, n * n);
        im = DenseQgt.ensure(im, n * n);
        double[] z = m.data;
        for (int j = 0; j < n * n; j++) {
            re[j] = z[2 * j];
            im[j] = z[2 * j + 1];
        }
        solve(re, im, n, b, what, ranks);
    }

    /**
     * Solves (re + i·im) x = b for interleaved complex b (2n doubles), M in split row-major storage
     * (only the lower triangle is read); b is overwritten, re and im are destroyed. Factored by the
     * ranks together, as {@link #solve(DMatrixRMaj, double[], String, RankExchange)}.
     */
    void solve(double[] re, double[] im, int n, double[] b, String what, RankExchange ranks) {
        panel = DenseQgt.ensure(panel, HermitianBlockedCholesky.panelLength(n));
        panelIm = DenseQgt.ensure(panelIm, HermitianBlockedCholesky.panelLength(n));
        diagonal = DenseQgt.ensure(diagonal, n);
        int failed;
        if (ranks.size() == 1) {
            for (int k = 0; k < n; k++) {
                diagonal[k] = re[k * n + k];
            }
            failed = HermitianBlockedCholesky.factor(re, im, n, panel, panelIm, tasks);
        } else {
            distributed.gatherDiagonal(re, n, diagonal, ranks);
            failed = distributed.factorHermitian(re, im, n, panel, panelIm, ranks, tasks);
        }
        check(failed, re, n, what);
        solveRe = DenseQgt.ensure(solveRe, n);
        solveIm = DenseQgt.ensure(solveIm, n);
        HermitianBlockedCholesky.solve(re, im, n, b, solveRe, solveIm, tasks);
    }

    private void factorAndSolve(double[] a, int n, double[] b, String what, RankExchange ranks) {
        panel = DenseQgt.ensure(panel, BlockedCholesky.panelLength(n));
        diagonal = DenseQgt.ensure(diagonal, n);
        if (ranks.size() == 1) {
            for (int k = 0; k < n; k++) {
                diagonal[k] = a[k * n + k];
            }
            check(BlockedCholesky.factor(a, n, panel, tasks), a, n, what);
        } else {
            distributed.gatherDiagonal(a, n, diagonal, ranks);
            check(distributed.factorSymmetric(a, n, panel, ranks, tasks), a, n, what);
        }
        BlockedCholesky.solve(a, n, b);
    }

    /** Throws unless the factor succeeded and kept digits at every pivot (real diagonal of L in {@code l}). */
    private void check(int failed, double[] l, int n, String what) {
        if (failed < 0) {
            failed = BlockedCholesky.firstLostPivot(l, n, diagonal);
        }
        if (failed >= 0) {
            throw new SolverException(what + " is not numerically positive definite (Cholesky pivot " + failed
                    + " lost all digits); increase the diagonal shift or the number of samples");
        }
    }
}
