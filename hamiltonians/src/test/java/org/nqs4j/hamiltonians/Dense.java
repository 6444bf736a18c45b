package org.nqs4j.hamiltonians;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Test-only dense representation of small operators. Basis index b ↔ configuration σ with
 * σ_k = +1 when bit k of b is 0 and −1 when it is 1.
 */
final class Dense {
    private Dense() {
    }

    static int[] config(int index, int n) {
        int[] s = new int[n];
        for (int k = 0; k < n; k++) {
            s[k] = ((index >> k) & 1) == 0 ? 1 : -1;
        }
        return s;
    }

    static int index(int[] sigma) {
        int b = 0;
        for (int k = 0; k < sigma.length; k++) {
            if (sigma[k] == -1) {
                b |= 1 << k;
            }
        }
        return b;
    }

    /** Index of σ with the sites of connection k flipped. */
    static int target(int[] sigma, Connections c, int k) {
        int b = index(sigma);
        for (int f = 0; f < c.flipCount(k); f++) {
            b ^= 1 << c.flipSite(k, f);
        }
        return b;
    }

    /** {re, im} with m[row σ'][column σ] = ⟨σ'|Ô|σ⟩, built from connections(). */
    static double[][][] matrix(LocalOperator op) {
        int n = op.nSites();
        int dim = 1 << n;
        double[][][] m = new double[2][dim][dim];
        Connections c = op.newConnections();
        for (int col = 0; col < dim; col++) {
            int[] sigma = config(col, n);
            op.connections(sigma, c);
            for (int k = 0; k < c.size(); k++) {
                int row = target(sigma, c, k);
                m[0][row][col] += c.re(k);
                m[1][row][col] += c.im(k);
            }
        }
        return m;
    }

    /** Ascending eigenvalues of a real symmetric operator (asserted), by EJML. */
    static double[] eigenvalues(LocalOperator op) {
        double[][][] m = matrix(op);
        int dim = m[0].length;
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                if (m[1][i][j] != 0 || m[0][i][j] != m[0][j][i]) {
                    throw new AssertionError("operator is not real symmetric at (" + i + ", " + j + ")");
                }
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(dim, false, true);
        if (!eig.decompose(new DMatrixRMaj(m[0]))) {
            throw new AssertionError("eigen-decomposition failed");
        }
        double[] e = new double[dim];
        for (int i = 0; i < dim; i++) {
            e[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(e);
        return e;
    }

    /** Ô ψ for a real operator and real ψ, through connections(). */
    static double[] apply(LocalOperator op, double[] psi) {
        int n = op.nSites();
        double[] out = new double[psi.length];
        Connections c = op.newConnections();
        for (int col = 0; col < psi.length; col++) {
            if (psi[col] == 0) {
                continue;
            }
            int[] sigma = config(col, n);
            op.connections(sigma, c);
            for (int k = 0; k < c.size(); k++) {
                if (c.im(k) != 0) {
                    throw new AssertionError("apply() is for real operators");
                }
                out[target(sigma, c, k)] += c.re(k) * psi[col];
            }
        }
        return out;
    }

    /** ⟨ψ|Ô|ψ⟩ / ⟨ψ|ψ⟩ for real ψ. */
    static double expectation(LocalOperator op, double[] psi) {
        double[] h = apply(op, psi);
        double num = 0;
        double norm = 0;
        for (int i = 0; i < psi.length; i++) {
            num += psi[i] * h[i];
            norm += psi[i] * psi[i];
        }
        return num / norm;
    }

    /** Ground-state vector of a real symmetric operator, by EJML. */
    static double[] groundState(LocalOperator op) {
        double[][][] m = matrix(op);
        int dim = m[0].length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(dim, true, true);
        if (!eig.decompose(new DMatrixRMaj(m[0]))) {
            throw new AssertionError("eigen-decomposition failed");
        }
        int best = 0;
        for (int i = 1; i < dim; i++) {
            if (eig.getEigenvalue(i).getReal() < eig.getEigenvalue(best).getReal()) {
                best = i;
            }
        }
        return eig.getEigenVector(best).getData().clone();
    }
}
