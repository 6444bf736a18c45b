package org.nqs4j.chemistry.scf;

import java.util.ArrayDeque;
import java.util.Deque;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Pulay's direct inversion in the iterative subspace (P. Pulay, Chem. Phys. Lett. 73, 393
 * (1980); J. Comput. Chem. 3, 556 (1982)): the next Fock matrix is sum_i c_i F_i with the c_i
 * minimising |sum_i c_i e_i| subject to sum_i c_i = 1, e_i = X^T(F D S - S D F)X the orbital
 * gradient of iteration i. Vectors are flat so that UHF passes alpha and beta concatenated.
 */
final class Diis {
    private final int capacity;
    private final Deque<double[]> focks = new ArrayDeque<>();
    private final Deque<double[]> errors = new ArrayDeque<>();

    Diis(int capacity) {
        this.capacity = capacity;
    }

    /** Stores (F, e) and returns the extrapolated F (a new array). */
    double[] extrapolate(double[] fock, double[] error) {
        focks.addLast(fock.clone());
        errors.addLast(error.clone());
        if (focks.size() > capacity) {
            focks.removeFirst();
            errors.removeFirst();
        }
        int m = focks.size();
        double[][] e = errors.toArray(new double[0][]);
        double[][] f = focks.toArray(new double[0][]);
        DMatrixRMaj b = new DMatrixRMaj(m + 1, m + 1);
        DMatrixRMaj rhs = new DMatrixRMaj(m + 1, 1);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double d = 0;
                for (int k = 0; k < e[i].length; k++) {
                    d += e[i][k] * e[j][k];
                }
                b.set(i, j, d);
                b.set(j, i, d);
            }
            b.set(i, m, -1);
            b.set(m, i, -1);
        }
        rhs.set(m, 0, -1);
        // scale the error block to keep B well conditioned near convergence
        double scale = Math.max(b.get(m - 1, m - 1), 1e-300);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                b.set(i, j, b.get(i, j) / scale);
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(m + 1);
        DMatrixRMaj c = new DMatrixRMaj(m + 1, 1);
        if (!solver.setA(b)) {
            focks.clear();
            errors.clear();
            return fock.clone();
        }
        solver.solve(rhs, c);
        double[] out = new double[fock.length];
        for (int i = 0; i < m; i++) {
            double ci = c.get(i, 0);
            if (!Double.isFinite(ci)) {
                focks.clear();
                errors.clear();
                return fock.clone();
            }
            for (int k = 0; k < out.length; k++) {
                out[k] += ci * f[i][k];
            }
        }
        return out;
    }
}
