package org.nqs4j.validation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The complete spectrum of a small real symmetric matrix by dense symmetric eigen-decomposition
 * (EJML: Householder tridiagonalisation, then implicit QR), O(D³) time and O(D²) memory.
 */
public final class FullDiagonalization {
    /** Largest dimension accepted: D = 5000 already needs 200 MB per dense copy. */
    public static final int MAX_DIMENSION = 5000;

    private final double[] eigenvalues;
    private final DMatrixRMaj eigenvectors; // column l is the eigenvector of eigenvalues[l]

    private FullDiagonalization(double[] eigenvalues, DMatrixRMaj eigenvectors) {
        this.eigenvalues = eigenvalues;
        this.eigenvectors = eigenvectors;
    }

    public static FullDiagonalization of(CsrMatrix a) {
        requireSmall(a.dimension());
        return of(a.toDense());
    }

    /** Diagonalises a dense symmetric matrix (only its symmetry is assumed, not checked). */
    public static FullDiagonalization of(DMatrixRMaj a) {
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException("matrix must be square, got " + a.numRows + "x" + a.numCols);
        }
        int d = a.numRows;
        requireSmall(d);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(a.copy())) {
            throw new IllegalStateException("symmetric eigen-decomposition of dimension " + d + " failed");
        }
        Integer[] order = IntStream.range(0, d).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(k -> eig.getEigenvalue(k).real));
        double[] values = new double[d];
        DMatrixRMaj vectors = new DMatrixRMaj(d, d);
        for (int l = 0; l < d; l++) {
            values[l] = eig.getEigenvalue(order[l]).real;
            DMatrixRMaj v = eig.getEigenVector(order[l]);
            for (int i = 0; i < d; i++) {
                vectors.unsafe_set(i, l, v.get(i));
            }
        }
        return new FullDiagonalization(values, vectors);
    }

    private static void requireSmall(int d) {
        if (d < 1 || d > MAX_DIMENSION) {
            throw new IllegalArgumentException("full diagonalisation handles dimensions 1.." + MAX_DIMENSION
                    + ", got " + d + "; use Lanczos for larger problems");
        }
    }

    /** All eigenvalues, ascending, with multiplicity. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    public double groundEnergy() {
        return eigenvalues[0];
    }

    /** The unit eigenvector of the l-th lowest eigenvalue. */
    public double[] eigenvector(int l) {
        double[] v = new double[eigenvalues.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = eigenvectors.unsafe_get(i, l);
        }
        return v;
    }

    public double[] groundState() {
        return eigenvector(0);
    }
}
