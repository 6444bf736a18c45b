package org.nqs4j.optimizers.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Right-looking blocked Cholesky factorisation A = L Lᵀ of a real symmetric positive-definite
 * n × n row-major matrix, in place on the lower triangle (Golub &amp; Van Loan, 4th ed., Alg. 4.2.4),
 * and the triangular solves. For each panel of {@value #BLOCK} columns k₀..k₁:
 * <ol>
 *   <li>factor the diagonal block (dot-product form, contiguous row segments);</li>
 *   <li>panel rows i ≥ k₁: L_{i,k₀:k₁} = A_{i,k₀:k₁} L_{kk}^{−T} (forward substitution along the
 *   panel's columns, vectorised over rows);</li>
 *   <li>trailing update A_il −= Σ_{k₀≤k&lt;k₁} L_ik L_lk for k₁ ≤ l ≤ i, the n³/3 flops of the
 *   factorisation, as a register-blocked outer product: the panel is copied transposed, so 8 rows ×
 *   2 SIMD vectors of columns accumulate in 16 registers with one broadcast per row and one load per
 *   vector per k, and no horizontal sums.</li>
 * </ol>
 * The transposed panel is held in slabs of {@link #GROUP} rows, one per task, column after column
 * ({@code slab[k][r]}) and a cache line apart, as in {@link HermitianBlockedCholesky}: tasks on
 * different threads never write the same cache line, and the update streams each slab.
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
    /** Rows per task and per slab: the column width (two vectors) of the update's 8-row tile. */
    static final int GROUP = 2 * LANES;
    /** Doubles per slab: a BLOCK × GROUP column-major block and a cache line of padding. */
    private static final int SLAB = BLOCK * GROUP + 8;

    private BlockedCholesky() {
    }

    /** Doubles of the {@code panel} scratch that {@link #factor} needs for order n. */
    public static int panelLength(int n) {
        return ((n + GROUP - 1) / GROUP) * SLAB;
    }

    /** {@link #factor(double[], int, double[], TaskRunner)} on the calling thread. */
    public static int factor(double[] a, int n, double[] panel) {
        return factor(a, n, panel, TaskRunner.SERIAL);
    }

    /**
     * Factors a = L Lᵀ in place (L in the lower triangle). The panel rows and the trailing update
     * are split into tasks of {@link #GROUP} rows; every entry is computed by the same operations in the
     * same order whichever thread runs it, so L does not depend on the runner.
     *
     * @param panel scratch of {@link #panelLength}(n) doubles
     * @return −1 on success, else the index of the first pivot that is not positive and finite
     *     (a is then garbage); see also {@link #firstLostPivot}
     */
    public static int factor(double[] a, int n, double[] panel, TaskRunner tasks) {
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int k1 = Math.min(n, k0 + BLOCK);
            int from = k0;
            int pivot = diagonalBlock(a, n, k0, k1);
            if (pivot >= 0) {
                return pivot;
            }
            if (k1 < n) {
                int groups = (n - k1 + GROUP - 1) / GROUP;
                tasks.forEach(groups, g -> panelRows(a, n, from, k1, panel, g));
                // largest (lowest) row groups first, so that the dynamic hand-out balances the triangle
                tasks.forEach(groups, t -> trailingUpdate(a, n, from, k1, panel, groups - 1 - t));
            }
        }
        return -1;
    }

    /** Factors the diagonal block k₀ ≤ i, j &lt; k₁ (already updated by every earlier panel); −1 or the failing pivot. */
    static int diagonalBlock(double[] a, int n, int k0, int k1) {
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
        return -1;
    }

    /** L_ij = (A_ij − Σ_{k0≤k&lt;j} L_ik L_jk) / L_jj for i &gt; j (row i's earlier panel entries done). */
    private static void panelEntry(double[] a, int n, int k0, int i, int j) {
        a[i * n + j] = (a[i * n + j] - DenseKernels.dot(a, i * n + k0, a, j * n + k0, j - k0)) / a[j * n + j];
    }

    /**
     * Slab g (rows r₀ = k₁ + g·GROUP ≤ i &lt; r₁): X L_kkᵀ = A_{i,k0:k1} by forward substitution
     * along the panel's columns, vectorised over the slab's rows, X_j = (A_j − Σ_{q&lt;j} L_jq X_q) / L_jj,
     * then copied back into a. Four columns j at a time: their sums over q below the four run as
     * eight independent FMA chains (one column alone is bound by the FMA latency), then the 4 × 4
     * triangle; each X_j still sees the same operations in the same order (q ascending, then the
     * division), so L does not depend on the grouping.
     */
    static void panelRows(double[] a, int n, int k0, int k1, double[] panel, int g) {
        packPanel(a, n, k0, k1, panel, g);
        int r0 = k1 + g * GROUP;
        int r1 = Math.min(n, r0 + GROUP);
        int base = g * SLAB;
        int width = k1 - k0;
        int j = 0;
        for (; j + 3 < width; j += 4) {
            int p0 = base + j * GROUP;
            int p1 = p0 + GROUP;
            int p2 = p1 + GROUP;
            int p3 = p2 + GROUP;
            DoubleVector x00 = DoubleVector.fromArray(SPECIES, panel, p0);
            DoubleVector x01 = DoubleVector.fromArray(SPECIES, panel, p0 + LANES);
            DoubleVector x10 = DoubleVector.fromArray(SPECIES, panel, p1);
            DoubleVector x11 = DoubleVector.fromArray(SPECIES, panel, p1 + LANES);
            DoubleVector x20 = DoubleVector.fromArray(SPECIES, panel, p2);
            DoubleVector x21 = DoubleVector.fromArray(SPECIES, panel, p2 + LANES);
            DoubleVector x30 = DoubleVector.fromArray(SPECIES, panel, p3);
            DoubleVector x31 = DoubleVector.fromArray(SPECIES, panel, p3 + LANES);
            int l0 = (k0 + j) * n + k0;
            int l1 = l0 + n;
            int l2 = l1 + n;
            int l3 = l2 + n;
            for (int q = 0; q < j; q++) {
                int pq = base + q * GROUP;
                DoubleVector b0 = DoubleVector.fromArray(SPECIES, panel, pq);
                DoubleVector b1 = DoubleVector.fromArray(SPECIES, panel, pq + LANES);
                DoubleVector m = DoubleVector.broadcast(SPECIES, -a[l0 + q]);
                x00 = b0.fma(m, x00);
                x01 = b1.fma(m, x01);
                m = DoubleVector.broadcast(SPECIES, -a[l1 + q]);
                x10 = b0.fma(m, x10);
                x11 = b1.fma(m, x11);
                m = DoubleVector.broadcast(SPECIES, -a[l2 + q]);
                x20 = b0.fma(m, x20);
                x21 = b1.fma(m, x21);
                m = DoubleVector.broadcast(SPECIES, -a[l3 + q]);
                x30 = b0.fma(m, x30);
                x31 = b1.fma(m, x31);
            }
            x00 = x00.div(a[l0 + j]);
            x01 = x01.div(a[l0 + j]);
            DoubleVector m = DoubleVector.broadcast(SPECIES, -a[l1 + j]);
            x10 = x00.fma(m, x10).div(a[l1 + j + 1]);
            x11 = x01.fma(m, x11).div(a[l1 + j + 1]);
            m = DoubleVector.broadcast(SPECIES, -a[l2 + j]);
            x20 = x00.fma(m, x20);
            x21 = x01.fma(m, x21);
            m = DoubleVector.broadcast(SPECIES, -a[l2 + j + 1]);
            x20 = x10.fma(m, x20).div(a[l2 + j + 2]);
            x21 = x11.fma(m, x21).div(a[l2 + j + 2]);
            m = DoubleVector.broadcast(SPECIES, -a[l3 + j]);
            x30 = x00.fma(m, x30);
            x31 = x01.fma(m, x31);
            m = DoubleVector.broadcast(SPECIES, -a[l3 + j + 1]);
            x30 = x10.fma(m, x30);
            x31 = x11.fma(m, x31);
            m = DoubleVector.broadcast(SPECIES, -a[l3 + j + 2]);
            x30 = x20.fma(m, x30).div(a[l3 + j + 3]);
            x31 = x21.fma(m, x31).div(a[l3 + j + 3]);
            x00.intoArray(panel, p0);
            x01.intoArray(panel, p0 + LANES);
            x10.intoArray(panel, p1);
            x11.intoArray(panel, p1 + LANES);
            x20.intoArray(panel, p2);
            x21.intoArray(panel, p2 + LANES);
            x30.intoArray(panel, p3);
            x31.intoArray(panel, p3 + LANES);
        }
        for (; j < width; j++) {
            int pj = base + j * GROUP;
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, panel, pj);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, panel, pj + LANES);
            int lj = (k0 + j) * n + k0;
            for (int q = 0; q < j; q++) {
                int pq = base + q * GROUP;
                DoubleVector m = DoubleVector.broadcast(SPECIES, -a[lj + q]);
                x0 = DoubleVector.fromArray(SPECIES, panel, pq).fma(m, x0);
                x1 = DoubleVector.fromArray(SPECIES, panel, pq + LANES).fma(m, x1);
            }
            double ljj = a[lj + j];
            x0.div(ljj).intoArray(panel, pj);
            x1.div(ljj).intoArray(panel, pj + LANES);
        }
        for (int i = r0; i < r1; i++) {
            for (int c = 0; c < width; c++) {
                a[i * n + k0 + c] = panel[base + c * GROUP + i - r0];
            }
        }
    }

    /**
     * Copies the columns k₀..k₁−1 of the rows of slab g transposed into the slab (zeros for rows
     * past n, so the update's tail stays finite): the panel rows' input, or, for rows already
     * solved (by another rank), the slab the trailing update reads.
     */
    static void packPanel(double[] a, int n, int k0, int k1, double[] panel, int g) {
        int r0 = k1 + g * GROUP;
        int r1 = Math.min(n, r0 + GROUP);
        int base = g * SLAB;
        int width = k1 - k0;
        for (int i = r0; i < r1; i++) { // contiguous reads of row i
            for (int j = 0; j < width; j++) {
                panel[base + j * GROUP + i - r0] = a[i * n + k0 + j];
            }
        }
        for (int j = 0; j < width; j++) {
            for (int r = r1 - r0; r < GROUP; r++) {
                panel[base + j * GROUP + r] = 0;
            }
        }
    }

    /**
     * A_il −= Σ_k L_ik L_lk for the rows of slab g and the columns k₁ ≤ l ≤ i (in whole groups; the
     * part above the diagonal is scratch). Tiles that would reach past column n−1 go through a
     * scalar loop, so that no store is masked (masked stores left C2's intrinsics).
     */
    static void trailingUpdate(double[] a, int n, int k0, int k1, double[] panel, int g) {
        int i0 = k1 + g * GROUP;
        int end = Math.min(n, i0 + GROUP);
        int i = i0;
        for (; i + 7 < end; i += 8) {
            for (int l = k1, h = 0; l <= i + 7; l += GROUP, h++) {
                if (l + GROUP <= n) {
                    block8(a, n, i, l, k0, k1, panel, h * SLAB);
                } else {
                    scalarTile(a, n, i, i + 8, l, k0, k1, panel, h * SLAB);
                }
            }
        }
        if (i < end) {
            for (int l = k1, h = 0; l < end; l += GROUP, h++) {
                scalarTile(a, n, i, end, l, k0, k1, panel, h * SLAB);
            }
        }
    }

    /** Rows r₀ ≤ i &lt; r₁, the columns l ≤ c &lt; min(n, l + GROUP) of slab {@code base}, one entry at a time. */
    private static void scalarTile(double[] a, int n, int r0, int r1, int l, int k0, int k1, double[] panel,
                                   int base) {
        for (int i = r0; i < r1; i++) {
            for (int c = l; c < Math.min(n, l + GROUP); c++) {
                double s = 0;
                for (int k = k0; k < k1; k++) {
                    s += a[i * n + k] * panel[base + (k - k0) * GROUP + c - l];
                }
                a[i * n + c] -= s;
            }
        }
    }

    /** Rows i..i+7, columns l..l+GROUP−1 (all &lt; n) from slab {@code base}: 16 accumulators. */
    private static void block8(double[] a, int n, int i, int l, int k0, int k1, double[] panel, int base) {
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
        for (int k = k0, p = base; k < k1; k++, p += GROUP) {
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
        // written inline: a vector passed to a helper that C2 does not inline is boxed
        DoubleVector.fromArray(SPECIES, a, r0 + l).sub(c00).intoArray(a, r0 + l);
        DoubleVector.fromArray(SPECIES, a, r0 + l + LANES).sub(c01).intoArray(a, r0 + l + LANES);
        DoubleVector.fromArray(SPECIES, a, r1 + l).sub(c10).intoArray(a, r1 + l);
        DoubleVector.fromArray(SPECIES, a, r1 + l + LANES).sub(c11).intoArray(a, r1 + l + LANES);
        DoubleVector.fromArray(SPECIES, a, r2 + l).sub(c20).intoArray(a, r2 + l);
        DoubleVector.fromArray(SPECIES, a, r2 + l + LANES).sub(c21).intoArray(a, r2 + l + LANES);
        DoubleVector.fromArray(SPECIES, a, r3 + l).sub(c30).intoArray(a, r3 + l);
        DoubleVector.fromArray(SPECIES, a, r3 + l + LANES).sub(c31).intoArray(a, r3 + l + LANES);
        DoubleVector.fromArray(SPECIES, a, r4 + l).sub(c40).intoArray(a, r4 + l);
        DoubleVector.fromArray(SPECIES, a, r4 + l + LANES).sub(c41).intoArray(a, r4 + l + LANES);
        DoubleVector.fromArray(SPECIES, a, r5 + l).sub(c50).intoArray(a, r5 + l);
        DoubleVector.fromArray(SPECIES, a, r5 + l + LANES).sub(c51).intoArray(a, r5 + l + LANES);
        DoubleVector.fromArray(SPECIES, a, r6 + l).sub(c60).intoArray(a, r6 + l);
        DoubleVector.fromArray(SPECIES, a, r6 + l + LANES).sub(c61).intoArray(a, r6 + l + LANES);
        DoubleVector.fromArray(SPECIES, a, r7 + l).sub(c70).intoArray(a, r7 + l);
        DoubleVector.fromArray(SPECIES, a, r7 + l + LANES).sub(c71).intoArray(a, r7 + l + LANES);
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
