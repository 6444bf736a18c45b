package org.nqs4j.ansatz.fermion;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;

/**
 * log |det A| and sign(det A) of a square matrix, and A⁻¹, from one LU decomposition with partial
 * pivoting (EJML): PA = LU, det A = (−1)^{parity P} Π_i U_ii, so log |det A| = Σ_i log |U_ii| never
 * overflows. A reusable workspace for one size; {@link #decompose} allocates nothing once built.
 */
final class LogDeterminant {
    private final int n;
    private final LUDecompositionAlt_DDRM lu = new LUDecompositionAlt_DDRM();
    private final LinearSolverLu_DDRM solver = new LinearSolverLu_DDRM(lu);
    private final boolean[] visited;
    private double logAbs;
    private double sign;

    LogDeterminant(int n) {
        this.n = n;
        this.visited = new boolean[n];
        lu.setExpectedMaxSize(n, n);
    }

    /** Factorises A (not modified); afterwards {@link #logAbs}, {@link #sign}, {@link #invert}. */
    void decompose(DMatrixRMaj a) {
        if (n == 0) {
            logAbs = 0;
            sign = 1;
            return;
        }
        if (!solver.setA(a)) {
            throw new IllegalStateException("LU decomposition failed");
        }
        DMatrixRMaj factors = lu.getLU();
        double s = permutationSign(lu.getPivot());
        double log = 0;
        for (int i = 0; i < n; i++) {
            double u = factors.get(i, i);
            if (u == 0) {
                logAbs = Double.NEGATIVE_INFINITY;
                sign = 0;
                return;
            }
            log += Math.log(Math.abs(u));
            s *= Math.signum(u);
        }
        logAbs = log;
        sign = s;
    }

    double logAbs() {
        return logAbs;
    }

    /** +1, −1, or 0 for a singular matrix. */
    double sign() {
        return sign;
    }

    /** A⁻¹ of the last decomposed (non-singular) matrix into {@code out}. */
    void invert(DMatrixRMaj out) {
        solver.invert(out);
    }

    /**
     * (A⁻¹)ᵀ row-major into {@code inverseT} (inverseT[c·n + k] = (A⁻¹)_{k c}: the columns of A⁻¹
     * contiguous, as the Sherman–Morrison updates read them), through the scratch {@code inverse}.
     */
    void invertTransposed(DMatrixRMaj inverse, double[] inverseT) {
        solver.invert(inverse);
        for (int c = 0; c < n; c++) {
            for (int k = 0; k < n; k++) {
                inverseT[c * n + k] = inverse.data[k * n + c];
            }
        }
    }

    /** (−1)^{n − number of cycles} of the permutation pivot[0..n). */
    private double permutationSign(int[] pivot) {
        java.util.Arrays.fill(visited, false);
        int transpositions = 0;
        for (int i = 0; i < n; i++) {
            if (!visited[i]) {
                int j = i;
                int length = 0;
                while (!visited[j]) {
                    visited[j] = true;
                    j = pivot[j];
                    length++;
                }
                transpositions += length - 1;
            }
        }
        return (transpositions & 1) == 0 ? 1 : -1;
    }
}
