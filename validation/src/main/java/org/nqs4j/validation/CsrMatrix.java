package org.nqs4j.validation;

import org.ejml.data.DMatrixRMaj;
import org.nqs4j.hamiltonians.Connections;
import org.nqs4j.hamiltonians.LocalOperator;
import org.nqs4j.hamiltonians.fock.OccupationOperator;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * A real symmetric sparse matrix in compressed-sparse-row storage: the non-zeros of row r are
 * {@code values[rowStart[r] .. rowStart[r+1])} in the columns {@code columns[...]}, columns
 * strictly increasing within a row.
 *
 * <p>Built from a {@link LocalOperator} on a {@link SpinBasis}: row σ lists ⟨σ'|Ĥ|σ⟩ (the
 * column of σ, which equals its row because Ĥ is checked to be symmetric). Duplicate
 * connections to the same σ' are summed and exact zeros dropped.
 */
public final class CsrMatrix implements SymmetricLinearMap {
    private final int dimension;
    private final int[] rowStart;
    private final int[] columns;
    private final double[] values;
    private final int[] productBounds; // row ranges of equal non-zero count for the parallel product

    private CsrMatrix(int dimension, int[] rowStart, int[] columns, double[] values) {
        this.dimension = dimension;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
        this.productBounds = balancedBounds(rowStart, dimension);
    }

    /**
     * The matrix of a real Hermitian operator on {@code basis}, built row-parallel on
     * {@link RowParallel#THREADS} threads in two passes (count, then fill) so that no row is
     * stored twice; the result does not depend on thread timing. {@code op.connections} is
     * called concurrently (one {@link Connections} buffer per thread), which is safe for
     * operators that read only immutable tables, such as
     * {@link org.nqs4j.hamiltonians.PauliSumOperator}.
     *
     * @throws IllegalArgumentException if the operator has complex matrix elements, acts on a
     *         different number of sites, connects states outside the basis, or is not symmetric
     */
    public static CsrMatrix fromOperator(LocalOperator op, SpinBasis basis) {
        if (op.nSites() != basis.nSites()) {
            throw new IllegalArgumentException("operator acts on " + op.nSites() + " sites, basis has " + basis.nSites());
        }
        if (!op.isReal()) {
            throw new IllegalArgumentException("operator '" + op.description()
                    + "' has complex matrix elements; exact diagonalisation supports real symmetric operators only");
        }
        return build(OperatorRows.of(op, basis));
    }

    /**
     * The matrix of a Fock operator (fermions or bosons) on the ranked basis of a sector, built
     * like {@link #fromOperator}: rows by unranking, columns by ranking each connection.
     *
     * @throws IllegalArgumentException if the sector is too large, the operator acts on another
     *         number of modes, connects states outside the sector, or is not symmetric
     */
    public static CsrMatrix fromFockOperator(OccupationOperator op, Hilbert hilbert) {
        return build(OperatorRows.of(op, hilbert));
    }

    /** Rows in two row-parallel passes, count then fill (see {@link #fromOperator}). */
    private static CsrMatrix build(OperatorRows rows) {
        int n = rows.dimension();
        String what = rows.description();
        int[] bounds = RowParallel.evenBounds(n);
        int[] rowLength = new int[n];
        RowParallel.run(bounds, (part, from, to) -> {
            OperatorRows.Cursor builder = rows.newCursor();
            RowAssembler row = new RowAssembler(what);
            for (int r = from; r < to; r++) {
                rowLength[r] = row.assemble(r, builder);
            }
        });
        int[] rowStart = new int[n + 1];
        for (int r = 0; r < n; r++) {
            long next = (long) rowStart[r] + rowLength[r];
            if (next > SpinBasis.MAX_DIMENSION) {
                throw new IllegalArgumentException("the matrix has more than " + SpinBasis.MAX_DIMENSION
                        + " non-zeros, beyond what CSR arrays can index");
            }
            rowStart[r + 1] = (int) next;
        }
        int[] columns = new int[rowStart[n]];
        double[] values = new double[rowStart[n]];
        RowParallel.run(bounds, (part, from, to) -> {
            OperatorRows.Cursor builder = rows.newCursor();
            RowAssembler row = new RowAssembler(what);
            for (int r = from; r < to; r++) {
                int len = row.assemble(r, builder);
                System.arraycopy(row.columns, 0, columns, rowStart[r], len);
                System.arraycopy(row.values, 0, values, rowStart[r], len);
            }
        });
        CsrMatrix m = new CsrMatrix(n, rowStart, columns, values);
        m.requireSymmetric(what);
        return m;
    }

    /** One row at a time: (column, value) pairs sorted by column, duplicates summed, zeros dropped. */
    private static final class RowAssembler {
        private final String what;
        private int row;
        private int len;
        int[] columns = new int[16];
        double[] values = new double[16];

        RowAssembler(String what) {
            this.what = what;
        }

        int assemble(int r, OperatorRows.Cursor cursor) {
            row = r;
            len = 0;
            cursor.load(r);
            for (int k = 0; k < cursor.size; k++) {
                add(cursor.columns[k], cursor.re[k]);
            }
            int kept = 0;
            for (int k = 0; k < len; k++) {
                if (values[k] != 0.0) {
                    columns[kept] = columns[k];
                    values[kept++] = values[k];
                }
            }
            return kept;
        }

        /** Adds value at column c (−1: a state outside the basis), by insertion into the sorted prefix. */
        void add(int c, double value) {
            if (c < 0) {
                throw new IllegalArgumentException("operator '" + what + "' connects basis state " + row
                        + " to a state outside the basis (it does not conserve the sector)");
            }
            int p = len;
            while (p > 0 && columns[p - 1] > c) {
                p--;
            }
            if (p > 0 && columns[p - 1] == c) {
                values[p - 1] += value;
                return;
            }
            if (len == columns.length) {
                columns = java.util.Arrays.copyOf(columns, 2 * len);
                values = java.util.Arrays.copyOf(values, 2 * len);
            }
            System.arraycopy(columns, p, columns, p + 1, len - p);
            System.arraycopy(values, p, values, p + 1, len - p);
            columns[p] = c;
            values[p] = value;
            len++;
        }
    }

    /** Symmetry to rounding: |A_rc − A_cr| ≤ 1e-12·(|A_rc| + |A_cr|) for every stored entry. */
    private void requireSymmetric(String what) {
        int[] bad = {-1, -1};
        RowParallel.run(RowParallel.evenBounds(dimension), (part, from, to) -> {
            for (int r = from; r < to && bad[0] < 0; r++) {
                for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                    double mirror = entry(columns[k], r);
                    if (Math.abs(values[k] - mirror) > 1e-12 * (Math.abs(values[k]) + Math.abs(mirror))) {
                        synchronized (bad) {
                            bad[0] = r;
                            bad[1] = columns[k];
                        }
                        return;
                    }
                }
            }
        });
        if (bad[0] >= 0) {
            throw new IllegalArgumentException("operator '" + what + "' is not symmetric: A[" + bad[0] + "][" + bad[1]
                    + "] = " + entry(bad[0], bad[1]) + " but A[" + bad[1] + "][" + bad[0] + "] = " + entry(bad[1], bad[0]));
        }
    }

    /** A[r][c] by binary search in row r. */
    public double entry(int r, int c) {
        int lo = rowStart[r];
        int hi = rowStart[r + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (columns[mid] < c) {
                lo = mid + 1;
            } else if (columns[mid] > c) {
                hi = mid - 1;
            } else {
                return values[mid];
            }
        }
        return 0.0;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** y = A·x, row-parallel over ranges of equal non-zero count. */
    @Override
    public void multiply(double[] x, double[] y) {
        if (x.length != dimension || y.length != dimension) {
            throw new IllegalArgumentException("vectors must have length " + dimension);
        }
        RowParallel.run(productBounds, (part, from, to) -> {
            for (int r = from; r < to; r++) {
                double s = 0;
                for (int k = rowStart[r], end = rowStart[r + 1]; k < end; k++) {
                    s += values[k] * x[columns[k]];
                }
                y[r] = s;
            }
        });
    }

    public int nonZeros() {
        return rowStart[dimension];
    }

    /** Bytes of the three CSR arrays: 4(D+1) + 12·nnz. */
    public long memoryBytes() {
        return 4L * rowStart.length + 4L * columns.length + 8L * values.length;
    }

    /** The dense D×D copy, for full diagonalisation of small problems. */
    public DMatrixRMaj toDense() {
        if ((long) dimension * dimension > SpinBasis.MAX_DIMENSION) {
            throw new IllegalArgumentException("a dense copy of dimension " + dimension + " does not fit a Java array");
        }
        DMatrixRMaj a = new DMatrixRMaj(dimension, dimension);
        for (int r = 0; r < dimension; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                a.unsafe_set(r, columns[k], values[k]);
            }
        }
        return a;
    }

    private static int[] balancedBounds(int[] rowStart, int n) {
        int[] even = RowParallel.evenBounds(n);
        int parts = even.length - 1;
        int[] b = new int[parts + 1];
        b[parts] = n;
        long nnz = rowStart[n];
        int r = 0;
        for (int p = 1; p < parts; p++) {
            long target = nnz * p / parts;
            while (r < n && rowStart[r] < target) {
                r++;
            }
            b[p] = r;
        }
        return b;
    }

    @Override
    public String toString() {
        return "CsrMatrix(D=" + dimension + ", nnz=" + nonZeros() + ", " + memoryBytes() + " bytes)";
    }
}
