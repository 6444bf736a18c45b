package org.nqs4j.optimizers.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Right-looking blocked Cholesky factorisation A = L Lᵀ of a real symmetric positive-definite
 * n × n row-major matrix, in place on the lower triangle (Golub &amp; Van Loan, 4th ed., Alg. 4.2.4),
 * and the triangular solves. For each panel of {@value #BLOCK} columns k₀..k₁:
 * <ol>
 *   <li>factor the diagonal block (dot-product form, contiguous row segments);</li>
 *   <li>panel rows i ≥ k₁: L_{i,k₀:k₁} = A_{i,k₀:k₁} L_{kk}^{−T} (column-oriented substitution on the
 *   transposed panel, vectorised over rows);</li>
 *   <li>trailing update A_il −= Σ_{k₀≤k&lt;k₁} L_ik L_lk for k₁ ≤ l ≤ i, the n³/3 flops of the
 *   factorisation, as a register-blocked outer product: the panel is copied transposed, so 8 rows ×
 *   2 SIMD vectors of columns accumulate in 16 registers with one broadcast per row and one load per
 *   vector per k, and no horizontal sums.</li>
 * </ol>
 * EJML's complex Cholesky is unblocked and scalar; this kernel runs the bulk of the flops at
 * FMA throughput. Deterministic: a fixed order of operations for a given n. Entries above the
 * diagonal are overwritten with scratch values (never read).
 */
public final class BlockedCholesky {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Panel width: the transposed panel (BLOCK × n) of the update stays in L2. */
    static final int BLOCK = 96;
    private static final double UNIT_ROUNDOFF = 0x1p-53;
    /** Rows handed to one task of the panel solve and the trailing update (a multiple of 8). */
    private static final int ROWS = 16;

    private BlockedCholesky() {
    }

    /** Doubles of the {@code panel} scratch that {@link #factor} needs for order n. */
    public static int panelLength(int n) {
        return BLOCK * (n + 2 * LANES);
    }

    /** {@link #factor(double[], int, double[], TaskRunner)} on the calling thread. */
    public static int factor(double[] a, int n, double[] panel) {
        return factor(a, n, panel, TaskRunner.SERIAL);
    }

    /**
     * Factors a = L Lᵀ in place (L in the lower triangle). The panel rows and the trailing update
     * are split by rows over {@code tasks}; every entry is computed by the same operations in the
     * same order whichever thread runs it, so L does not depend on the runner.
     *
     * @param panel scratch of {@link #panelLength}(n) doubles
     * @return −1 on success, else the index of the first pivot that is not positive and finite
     *     (a is then garbage); see also {@link #firstLostPivot}
     */
    public static int factor(double[] a, int n, double[] panel, TaskRunner tasks) {
        int stride = n + 2 * LANES; // the transposed panel's row length, padded for the last vector
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int k1 = Math.min(n, k0 + BLOCK);
            int from = k0;
            for (int j = k0; j < k1; j++) {
                double original = a[j * n + j];
                double d = original - DenseKernels.dot(a, j * n + k0, a, j * n + k0, j - k0);
                if (!(d > 0) || !Double.isFinite(d)) {
                    return j;
                }
                a[j * n + j] = Math.sqrt(d);
                for (int i = j + 1; i < k1; i++) {
                    panelEntry(a, n, k0, i, j);
                }
            }
            if (k1 < n) {
                int rowBlocks = (n - k1 + ROWS - 1) / ROWS;
                // L_{i,k0:k1} = A_{i,k0:k1} L_kk^{-T} on the transposed panel, and copied back
                tasks.forEach(rowBlocks, t -> panelRows(a, n, from, k1, panel, stride, k1 + t * ROWS,
                        Math.min(n, k1 + (t + 1) * ROWS)));
                for (int k = k0; k < k1; k++) {
                    java.util.Arrays.fill(panel, (k - k0) * stride + n, (k - k0) * stride + stride, 0.0);
                }
                // largest (lowest) row blocks first, so that the dynamic hand-out balances the triangle
                tasks.forEach(rowBlocks, t -> trailingUpdate(a, n, from, k1, panel, stride,
                        k1 + (rowBlocks - 1 - t) * ROWS));
            }
        }
        return -1;
    }

    /** L_ij = (A_ij − Σ_{k0≤k&lt;j} L_ik L_jk) / L_jj for i &gt; j (row i's earlier panel entries done). */
    private static void panelEntry(double[] a, int n, int k0, int i, int j) {
        a[i * n + j] = (a[i * n + j] - DenseKernels.dot(a, i * n + k0, a, j * n + k0, j - k0)) / a[j * n + j];
    }

    /**
     * Panel rows r₀ ≤ i &lt; r₁ below the diagonal block: X L_kkᵀ = A_{i,k0:k1} solved column by
     * column on the transposed panel P[j][i], vectorised over the rows (right-looking: column j
     * is divided by L_jj, then P[j'] −= L_j'j P[j] for j' &gt; j), then copied back into a.
     */
    private static void panelRows(double[] a, int n, int k0, int k1, double[] panel, int stride, int r0, int r1) {
        for (int i = r0; i < r1; i++) {
            for (int j = k0; j < k1; j++) {
                panel[(j - k0) * stride + i] = a[i * n + j];
            }
        }
        int bound = r0 + SPECIES.loopBound(r1 - r0);
        for (int j = k0; j < k1; j++) {
            int pj = (j - k0) * stride;
            double ljj = a[j * n + j];
            int i = r0;
            for (; i < bound; i += LANES) {
                DoubleVector.fromArray(SPECIES, panel, pj + i).div(ljj).intoArray(panel, pj + i);
            }
            for (; i < r1; i++) {
                panel[pj + i] /= ljj;
            }
            for (int q = j + 1; q < k1; q++) {
                int pq = (q - k0) * stride;
                double minusL = -a[q * n + j];
                DoubleVector m = DoubleVector.broadcast(SPECIES, minusL);
                i = r0;
                for (; i < bound; i += LANES) {
                    DoubleVector.fromArray(SPECIES, panel, pj + i)
                            .fma(m, DoubleVector.fromArray(SPECIES, panel, pq + i)).intoArray(panel, pq + i);
                }
                for (; i < r1; i++) {
                    panel[pq + i] = Math.fma(panel[pj + i], minusL, panel[pq + i]);
                }
            }
        }
        for (int i = r0; i < r1; i++) {
            for (int j = k0; j < k1; j++) {
                a[i * n + j] = panel[(j - k0) * stride + i];
            }
        }
    }

    /**
     * A_il −= Σ_k L_ik L_lk for k₁ ≤ l ≤ i, rows i₀ ≤ i &lt; min(n, i₀ + {@value #ROWS}) (and some
     * l &gt; i, which are never read).
     */
    private static void trailingUpdate(double[] a, int n, int k0, int k1, double[] panel, int stride, int i0) {
        int end = Math.min(n, i0 + ROWS);
        int i = i0;
        for (; i + 7 < end; i += 8) {
            for (int l = k1; l <= i + 7; l += 2 * LANES) {
                block8(a, n, i, l, k0, k1, panel, stride);
            }
        }
        for (; i < end; i++) {
            for (int l = k1; l <= i; l++) {
                double s = 0;
                for (int k = k0; k < k1; k++) {
                    s += a[i * n + k] * panel[(k - k0) * stride + l];
                }
                a[i * n + l] -= s;
            }
        }
    }

    /** Rows i..i+7, columns l..l+2·LANES−1 (those &lt; n written): 16 accumulators. */
    private static void block8(double[] a, int n, int i, int l, int k0, int k1, double[] panel, int stride) {
        DoubleVector c00 = DoubleVector.zero(SPECIES);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c40 = c00;
        DoubleVector c41 = c00;
        DoubleVector c50 = c00;
        DoubleVector c51 = c00;
        DoubleVector c60 = c00;
        DoubleVector c61 = c00;
        DoubleVector c70 = c00;
        DoubleVector c71 = c00;
        int r0 = i * n;
        int r1 = r0 + n;
        int r2 = r1 + n;
        int r3 = r2 + n;
        int r4 = r3 + n;
        int r5 = r4 + n;
        int r6 = r5 + n;
        int r7 = r6 + n;
        for (int k = k0; k < k1; k++) {
            int p = (k - k0) * stride + l;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, panel, p);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, panel, p + LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[r0 + k]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(SPECIES, a[r1 + k]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(SPECIES, a[r2 + k]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(SPECIES, a[r3 + k]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(SPECIES, a[r4 + k]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(SPECIES, a[r5 + k]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = DoubleVector.broadcast(SPECIES, a[r6 + k]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = DoubleVector.broadcast(SPECIES, a[r7 + k]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        // masked to the columns < n; written inline, since a vector passed to a helper that C2 does
        // not inline is boxed
        VectorMask<Double> m0 = SPECIES.indexInRange(l, n);
        VectorMask<Double> m1 = SPECIES.indexInRange(l + LANES, n);
        DoubleVector.fromArray(SPECIES, a, r0 + l, m0).sub(c00).intoArray(a, r0 + l, m0);
        DoubleVector.fromArray(SPECIES, a, r0 + l + LANES, m1).sub(c01).intoArray(a, r0 + l + LANES, m1);
        DoubleVector.fromArray(SPECIES, a, r1 + l, m0).sub(c10).intoArray(a, r1 + l, m0);
        DoubleVector.fromArray(SPECIES, a, r1 + l + LANES, m1).sub(c11).intoArray(a, r1 + l + LANES, m1);
        DoubleVector.fromArray(SPECIES, a, r2 + l, m0).sub(c20).intoArray(a, r2 + l, m0);
        DoubleVector.fromArray(SPECIES, a, r2 + l + LANES, m1).sub(c21).intoArray(a, r2 + l + LANES, m1);
        DoubleVector.fromArray(SPECIES, a, r3 + l, m0).sub(c30).intoArray(a, r3 + l, m0);
        DoubleVector.fromArray(SPECIES, a, r3 + l + LANES, m1).sub(c31).intoArray(a, r3 + l + LANES, m1);
        DoubleVector.fromArray(SPECIES, a, r4 + l, m0).sub(c40).intoArray(a, r4 + l, m0);
        DoubleVector.fromArray(SPECIES, a, r4 + l + LANES, m1).sub(c41).intoArray(a, r4 + l + LANES, m1);
        DoubleVector.fromArray(SPECIES, a, r5 + l, m0).sub(c50).intoArray(a, r5 + l, m0);
        DoubleVector.fromArray(SPECIES, a, r5 + l + LANES, m1).sub(c51).intoArray(a, r5 + l + LANES, m1);
        DoubleVector.fromArray(SPECIES, a, r6 + l, m0).sub(c60).intoArray(a, r6 + l, m0);
        DoubleVector.fromArray(SPECIES, a, r6 + l + LANES, m1).sub(c61).intoArray(a, r6 + l + LANES, m1);
        DoubleVector.fromArray(SPECIES, a, r7 + l, m0).sub(c70).intoArray(a, r7 + l, m0);
        DoubleVector.fromArray(SPECIES, a, r7 + l + LANES, m1).sub(c71).intoArray(a, r7 + l + LANES, m1);
    }

    /** Solves L Lᵀ x = b in place (b ← x) with the factor of {@link #factor}. */
    public static void solve(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) { // L y = b, rows of L contiguous
            b[i] = (b[i] - DenseKernels.dot(l, i * n, b, 0, i)) / l[i * n + i];
        }
        for (int j = n - 1; j >= 0; j--) { // Lᵀ x = y, column j of Lᵀ is row j of L
            b[j] /= l[j * n + j];
            DenseKernels.axpy(-b[j], l, j * n, b, 0, j);
        }
    }

    /**
     * The first k with L_kk² ≤ n u A_kk, or −1: the Schur complement of column k has lost all
     * digits relative to its own diagonal (u the unit round-off), i.e. A is singular to working
     * precision. Relative to A_kk, the test ignores a diagonal rescaling of A.
     *
     * @param diagonal A_kk before the factorisation
     */
    public static int firstLostPivot(double[] l, int n, double[] diagonal) {
        for (int k = 0; k < n; k++) {
            double lkk = l[k * n + k];
            if (!(lkk * lkk > n * UNIT_ROUNDOFF * diagonal[k])) {
                return k;
            }
        }
        return -1;
    }
}
