package org.nqs4j.chemistry.scf;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Eigenvalues (ascending) and eigenvectors (columns, same order) of a real symmetric matrix, via EJML. */
public record SymmetricEigen(double[] values, DMatrixRMaj vectors) {
    public static SymmetricEigen of(DMatrixRMaj a) {
        int n = a.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(a.copy())) {
            throw new ArithmeticException("symmetric eigendecomposition failed");
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> eig.getEigenvalue(i).real));
        double[] values = new double[n];
        DMatrixRMaj vectors = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            values[k] = eig.getEigenvalue(order[k]).real;
            DMatrixRMaj v = eig.getEigenVector(order[k]);
            for (int i = 0; i < n; i++) {
                vectors.set(i, k, v.get(i, 0));
            }
        }
        return new SymmetricEigen(values, vectors);
    }
}
