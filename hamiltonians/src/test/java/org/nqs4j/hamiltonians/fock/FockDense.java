package org.nqs4j.hamiltonians.fock;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/** Test-only dense matrices of Fock operators: on a sector via its ranking, or on the whole fermion Fock space. */
final class FockDense {
    private FockDense() {
    }

    /** m[x'][x] = ⟨x'|Ô|x⟩ on the sector's basis; fails if Ô leaves the sector. */
    static double[][] matrix(OccupationOperator op, Hilbert h) {
        int d = (int) h.nStates();
        double[][] m = new double[d][d];
        int[] x = new int[h.size()];
        FockConnections c = op.newConnections();
        for (int col = 0; col < d; col++) {
            h.state(col, x);
            op.connections(x, c);
            for (int k = 0; k < c.size(); k++) {
                m[(int) h.index(target(x, c, k))][col] += c.value(k);
            }
        }
        return m;
    }

    /** m[b'][b] on all 2^M fermion occupations, basis index b = Σ x_o 2^o. */
    static double[][] fullFermionMatrix(FockOperator op) {
        int modes = op.nModes();
        int d = 1 << modes;
        double[][] m = new double[d][d];
        int[] x = new int[modes];
        FockConnections c = op.newConnections();
        for (int col = 0; col < d; col++) {
            for (int o = 0; o < modes; o++) {
                x[o] = (col >> o) & 1;
            }
            op.connections(x, c);
            for (int k = 0; k < c.size(); k++) {
                int[] y = target(x, c, k);
                int row = 0;
                for (int o = 0; o < modes; o++) {
                    row |= y[o] << o;
                }
                m[row][col] += c.value(k);
            }
        }
        return m;
    }

    static int[] target(int[] x, FockConnections c, int k) {
        int[] y = x.clone();
        for (int q = 0; q < c.changeCount(k); q++) {
            y[c.changeMode(k, q)] = c.changeValue(k, q);
        }
        return y;
    }

    static double lowestEigenvalue(double[][] m) {
        DMatrixRMaj a = new DMatrixRMaj(m);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.length, false, true);
        if (!eig.decompose(a)) {
            throw new IllegalStateException("eigen-decomposition failed");
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m.length; i++) {
            min = Math.min(min, eig.getEigenvalue(i).getReal());
        }
        return min;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int d = a.length;
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                if (a[i][k] != 0) {
                    for (int j = 0; j < d; j++) {
                        c[i][j] += a[i][k] * b[k][j];
                    }
                }
            }
        }
        return c;
    }
}
