package org.nqs4j.chemistry.fci;

import java.util.Arrays;

/**
 * H^s = sum_pq k_pq E_pq + 1/2 sum_{pqrs} (pq|rs) E_pq E_rs on the strings of one spin, stored
 * as a symmetric CSR matrix (row I lists J and &lt;I|H^s|J&gt;). Built column by column by applying
 * the single-replacement list twice: E_rs|J&gt; = s1|K&gt;, E_pq|K&gt; = s2|I&gt;.
 */
final class SparseStringMatrix {
    private final int[] start;
    private final int[] column;
    private final double[] value;
    private final double[] diagonal;

    private SparseStringMatrix(int[] start, int[] column, double[] value, double[] diagonal) {
        this.start = start;
        this.column = column;
        this.value = value;
        this.diagonal = diagonal;
    }

    static SparseStringMatrix of(StringSpace space, double[] k, double[] eri) {
        int size = space.size();
        int n = space.orbitals();
        int ns = space.singles();
        double[] acc = new double[size];
        boolean[] touched = new boolean[size];
        int[] list = new int[size];
        int[] start = new int[size + 1];
        int[] col = new int[Math.max(16, size * 8)];
        double[] val = new double[col.length];
        double[] diag = new double[size];
        int nnz = 0;
        for (int j = 0; j < size; j++) {
            int m = 0;
            for (int e1 = j * ns; e1 < (j + 1) * ns; e1++) {
                int kk = space.target(e1);
                int rs = space.pair(e1);
                double s1 = space.sign(e1);
                if (!touched[kk]) {
                    touched[kk] = true;
                    list[m++] = kk;
                }
                acc[kk] += k[rs] * s1;
                for (int e2 = kk * ns; e2 < (kk + 1) * ns; e2++) {
                    int i = space.target(e2);
                    if (!touched[i]) {
                        touched[i] = true;
                        list[m++] = i;
                    }
                    acc[i] += 0.5 * eri[space.pair(e2) * n * n + rs] * s1 * space.sign(e2);
                }
            }
            Arrays.sort(list, 0, m);
            if (nnz + m > col.length) {
                int cap = Math.max(col.length * 2, nnz + m);
                col = Arrays.copyOf(col, cap);
                val = Arrays.copyOf(val, cap);
            }
            for (int t = 0; t < m; t++) {
                int i = list[t];
                if (acc[i] != 0) {
                    col[nnz] = i;
                    val[nnz] = acc[i];
                    nnz++;
                }
                if (i == j) {
                    diag[j] = acc[i];
                }
                acc[i] = 0;
                touched[i] = false;
            }
            start[j + 1] = nnz;
        }
        return new SparseStringMatrix(start, Arrays.copyOf(col, nnz), Arrays.copyOf(val, nnz), diag);
    }

    double[] diagonal() {
        return diagonal;
    }

    long memoryBytes() {
        return 12L * value.length + 4L * start.length + 8L * diagonal.length;
    }

    /** out[outOffset + x] += sum_J H(I,J) c[J*width + x] for x &lt; width. */
    void rowTimesMatrix(int i, double[] c, int width, double[] out, int outOffset) {
        for (int t = start[i]; t < start[i + 1]; t++) {
            double v = value[t];
            int off = column[t] * width;
            for (int x = 0; x < width; x++) {
                out[outOffset + x] += v * c[off + x];
            }
        }
    }

    /** sum_J H(I,J) c[offset + J]. */
    double rowDot(int i, double[] c, int offset) {
        double s = 0;
        for (int t = start[i]; t < start[i + 1]; t++) {
            s += value[t] * c[offset + column[t]];
        }
        return s;
    }
}
