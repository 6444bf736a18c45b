package org.nqs4j.optimizers.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Right-looking blocked Cholesky A = L L† of a complex Hermitian positive-definite n × n matrix
 * held as split real and imaginary row-major arrays (re, im), in place on the lower triangle; the
 * complex counterpart of {@link BlockedCholesky} (same three steps per panel of {@value #BLOCK}
 * columns: diagonal block, panel rows X L_kk† = A_panel, trailing update
 * A_il −= Σ_k L_ik conj(L_lk)). Half the flops of the real 2n embedding: (4/3) n³ instead of
 * (8/3) n³.
 *
 * <p>Split storage makes the complex product four real FMAs on contiguous vectors:
 * Re −= Lr_ik Pr_kl + Li_ik Pi_kl, Im −= Li_ik Pr_kl − Lr_ik Pi_kl, 4 rows × 2 SIMD vectors of
 * columns in 16 accumulators. The panel is copied transposed into slabs of {@link #GROUP} rows,
 * one slab per task, laid out column after column ({@code slab[k][r]}) and a cache line apart:
 * the panel solve of a task then writes only its own slab (interleaved rows of two tasks on two
 * threads shared cache lines and made the panel step slower on two threads than on one), and
 * the trailing update reads each slab as one contiguous stream. The diagonal of L is real.
 * The next panel's diagonal block is factored inside the trailing update, by the task that updates
 * its rows (look-ahead), so on several threads it overlaps the rest of the update.
 * Deterministic for a given n and independent of the {@link TaskRunner}; entries above the
 * diagonal are scratch.
 */
public final class HermitianBlockedCholesky {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Panel width: the two transposed panels (2 × BLOCK × n) of the update stay in L2. */
    static final int BLOCK = 64;
    /** Rows per task and per slab: the column width (two vectors) of the update's 4-row tile. */
    static final int GROUP = 2 * LANES;
    /** Doubles per slab: a BLOCK × GROUP column-major block and a cache line of padding. */
    private static final int SLAB = BLOCK * GROUP + 8;
    /** Rows per task of the forward substitution's update below a diagonal block. */
    static final int SOLVE_ROWS = 64;
    /** Columns per task of the back substitution's update left of a diagonal block: a multiple of any SIMD width. */
    static final int SOLVE_COLUMNS = 128;

    private HermitianBlockedCholesky() {
    }

    /** Doubles of each of the two panel scratch arrays that {@link #factor} needs for order n. */
    public static int panelLength(int n) {
        return ((n + GROUP - 1) / GROUP) * SLAB;
    }

    /**
     * Factors (re + i·im) = L L† in place. Panel rows and trailing update are split into tasks of
     * {@link #GROUP} rows, each entry computed by the same operations in the same order on any thread.
     *
     * @param panelRe scratch of {@link #panelLength}(n) doubles, and {@code panelIm} likewise
     * @return −1 on success, else the first pivot that is not positive and finite (then garbage)
     */
    public static int factor(double[] re, double[] im, int n, double[] panelRe, double[] panelIm, TaskRunner tasks) {
        int pivot = diagonalBlock(re, im, n, 0, Math.min(n, BLOCK));
        int[] aheadPivot = new int[1];
        for (int k0 = 0; k0 < n && pivot < 0; k0 += BLOCK) {
            int k1 = Math.min(n, k0 + BLOCK);
            if (k1 == n) {
                break;
            }
            int from = k0;
            int groups = (n - k1 + GROUP - 1) / GROUP;
            tasks.forEach(groups, g -> panelRows(re, im, n, from, k1, panelRe, panelIm, g));
            // look-ahead: task 0 updates the rows of the next diagonal block, then factors it, while
            // the other tasks update the rest (largest first): the serial block leaves the critical path
            int k2 = Math.min(n, k1 + BLOCK);
            int ahead = (k2 - k1 + GROUP - 1) / GROUP;
            tasks.forEach(groups - ahead + 1, t -> {
                if (t == 0) {
                    for (int g = 0; g < ahead; g++) {
                        trailingUpdate(re, im, n, from, k1, panelRe, panelIm, g);
                    }
                    aheadPivot[0] = diagonalBlock(re, im, n, k1, k2);
                } else {
                    trailingUpdate(re, im, n, from, k1, panelRe, panelIm, groups - t);
                }
            });
            pivot = aheadPivot[0];
        }
        return pivot;
    }

    /** Factors the diagonal block k₀ ≤ i, j &lt; k₁ (already updated by every earlier panel); −1 or the failing pivot. */
    static int diagonalBlock(double[] re, double[] im, int n, int k0, int k1) {
        for (int j = k0; j < k1; j++) {
            double d = re[j * n + j];
            for (int k = k0; k < j; k++) {
                double r = re[j * n + k];
                double m = im[j * n + k];
                d -= r * r + m * m;
            }
            if (!(d > 0) || !Double.isFinite(d)) {
                return j;
            }
            double ljj = Math.sqrt(d);
            re[j * n + j] = ljj;
            im[j * n + j] = 0;
            diagonalColumn(re, im, n, k0, k1, j, ljj);
        }
        return -1;
    }

    /**
     * Column j of the diagonal block below the pivot, L_ij = (A_ij − Σ_{k0≤k&lt;j} L_ik conj(L_jk)) / L_jj
     * for j &lt; i &lt; k₁, four rows at a time: each row's sum runs over k in order as before, but
     * the four independent sums hide the latency of the chained multiply-adds (this block is the
     * serial part of every panel).
     */
    private static void diagonalColumn(double[] re, double[] im, int n, int k0, int k1, int j, double ljj) {
        int i = j + 1;
        for (; i + 3 < k1; i += 4) {
            int o0 = i * n;
            int o1 = o0 + n;
            int o2 = o1 + n;
            int o3 = o2 + n;
            double s0r = re[o0 + j];
            double s0i = im[o0 + j];
            double s1r = re[o1 + j];
            double s1i = im[o1 + j];
            double s2r = re[o2 + j];
            double s2i = im[o2 + j];
            double s3r = re[o3 + j];
            double s3i = im[o3 + j];
            for (int k = k0; k < j; k++) {
                double br = re[j * n + k];
                double bi = im[j * n + k];
                s0r -= re[o0 + k] * br + im[o0 + k] * bi;
                s0i -= im[o0 + k] * br - re[o0 + k] * bi;
                s1r -= re[o1 + k] * br + im[o1 + k] * bi;
                s1i -= im[o1 + k] * br - re[o1 + k] * bi;
                s2r -= re[o2 + k] * br + im[o2 + k] * bi;
                s2i -= im[o2 + k] * br - re[o2 + k] * bi;
                s3r -= re[o3 + k] * br + im[o3 + k] * bi;
                s3i -= im[o3 + k] * br - re[o3 + k] * bi;
            }
            re[o0 + j] = s0r / ljj;
            im[o0 + j] = s0i / ljj;
            re[o1 + j] = s1r / ljj;
            im[o1 + j] = s1i / ljj;
            re[o2 + j] = s2r / ljj;
            im[o2 + j] = s2i / ljj;
            re[o3 + j] = s3r / ljj;
            im[o3 + j] = s3i / ljj;
        }
        for (; i < k1; i++) {
            double sr = re[i * n + j];
            double si = im[i * n + j];
            for (int k = k0; k < j; k++) {
                double ar = re[i * n + k];
                double ai = im[i * n + k];
                double br = re[j * n + k];
                double bi = im[j * n + k];
                sr -= ar * br + ai * bi;
                si -= ai * br - ar * bi;
            }
            re[i * n + j] = sr / ljj;
            im[i * n + j] = si / ljj;
        }
    }

    /**
     * Slab g (rows r₀ = k₁ + g·GROUP ≤ i &lt; r₁): X L_kk† = A_{i,k0:k1} by forward substitution
     * along the panel's columns, vectorised over the slab's rows,
     * X_j = (A_j − Σ_{q&lt;j} X_q conj(L_jq)) / L_jj, then copied back into the rows.
     */
    static void panelRows(double[] re, double[] im, int n, int k0, int k1, double[] pr, double[] pi, int g) {
        packPanel(re, im, n, k0, k1, pr, pi, g);
        int r0 = k1 + g * GROUP;
        int r1 = Math.min(n, r0 + GROUP);
        int base = g * SLAB;
        int width = k1 - k0;
        for (int j = 0; j < width; j++) {
            int pj = base + j * GROUP;
            DoubleVector ar0 = DoubleVector.fromArray(SPECIES, pr, pj);
            DoubleVector ar1 = DoubleVector.fromArray(SPECIES, pr, pj + LANES);
            DoubleVector ai0 = DoubleVector.fromArray(SPECIES, pi, pj);
            DoubleVector ai1 = DoubleVector.fromArray(SPECIES, pi, pj + LANES);
            int lj = (k0 + j) * n + k0;
            for (int q = 0; q < j; q++) {
                int pq = base + q * GROUP;
                DoubleVector xr0 = DoubleVector.fromArray(SPECIES, pr, pq);
                DoubleVector xr1 = DoubleVector.fromArray(SPECIES, pr, pq + LANES);
                DoubleVector xi0 = DoubleVector.fromArray(SPECIES, pi, pq);
                DoubleVector xi1 = DoubleVector.fromArray(SPECIES, pi, pq + LANES);
                // A_j −= X_q conj(L_jq) = (xr lr + xi li) + i (xi lr − xr li)
                DoubleVector mlr = DoubleVector.broadcast(SPECIES, -re[lj + q]);
                DoubleVector mli = DoubleVector.broadcast(SPECIES, -im[lj + q]);
                DoubleVector vli = DoubleVector.broadcast(SPECIES, im[lj + q]);
                ar0 = xr0.fma(mlr, xi0.fma(mli, ar0));
                ar1 = xr1.fma(mlr, xi1.fma(mli, ar1));
                ai0 = xi0.fma(mlr, xr0.fma(vli, ai0));
                ai1 = xi1.fma(mlr, xr1.fma(vli, ai1));
            }
            double ljj = re[lj + j];
            ar0.div(ljj).intoArray(pr, pj);
            ar1.div(ljj).intoArray(pr, pj + LANES);
            ai0.div(ljj).intoArray(pi, pj);
            ai1.div(ljj).intoArray(pi, pj + LANES);
        }
        for (int i = r0; i < r1; i++) {
            for (int j = 0; j < width; j++) {
                re[i * n + k0 + j] = pr[base + j * GROUP + i - r0];
                im[i * n + k0 + j] = pi[base + j * GROUP + i - r0];
            }
        }
    }

    /**
     * Copies the columns k₀..k₁−1 of the rows of slab g transposed into the slab (zeros for rows
     * past n, so the update's tail stays finite): the panel rows' input, or, for rows already
     * solved (by another rank), the slab the trailing update reads.
     */
    static void packPanel(double[] re, double[] im, int n, int k0, int k1, double[] pr, double[] pi, int g) {
        int r0 = k1 + g * GROUP;
        int r1 = Math.min(n, r0 + GROUP);
        int base = g * SLAB;
        for (int j = 0; j < k1 - k0; j++) {
            int p = base + j * GROUP;
            for (int i = r0; i < r1; i++) {
                pr[p + i - r0] = re[i * n + k0 + j];
                pi[p + i - r0] = im[i * n + k0 + j];
            }
            for (int r = r1 - r0; r < GROUP; r++) {
                pr[p + r] = 0;
                pi[p + r] = 0;
            }
        }
    }

    /**
     * A_il −= Σ_k L_ik conj(L_lk) for the rows of slab g and the columns k₁ ≤ l ≤ i (in whole
     * groups; the part above the diagonal is scratch). Tiles that would reach past column n−1 go
     * through a scalar loop, so that no store is masked (masked stores left C2's intrinsics).
     */
    static void trailingUpdate(double[] re, double[] im, int n, int k0, int k1, double[] pr, double[] pi,
                                       int g) {
        int i0 = k1 + g * GROUP;
        int end = Math.min(n, i0 + GROUP);
        int i = i0;
        for (; i + 3 < end; i += 4) {
            for (int l = k1, h = 0; l <= i + 3; l += GROUP, h++) {
                if (l + GROUP <= n) {
                    block4(re, im, n, i, l, k0, k1, pr, pi, h * SLAB);
                } else {
                    scalarTile(re, im, n, i, i + 4, l, k0, k1, pr, pi, h * SLAB);
                }
            }
        }
        if (i < end) {
            for (int l = k1, h = 0; l < end; l += GROUP, h++) {
                scalarTile(re, im, n, i, end, l, k0, k1, pr, pi, h * SLAB);
            }
        }
    }

    /** Rows r₀ ≤ i &lt; r₁, the columns l ≤ c &lt; min(n, l + GROUP) of slab {@code base}, one entry at a time. */
    private static void scalarTile(double[] re, double[] im, int n, int r0, int r1, int l, int k0, int k1,
                                   double[] pr, double[] pi, int base) {
        for (int i = r0; i < r1; i++) {
            for (int c = l; c < Math.min(n, l + GROUP); c++) {
                double sr = 0;
                double si = 0;
                for (int k = k0; k < k1; k++) {
                    double ar = re[i * n + k];
                    double ai = im[i * n + k];
                    double br = pr[base + (k - k0) * GROUP + c - l];
                    double bi = pi[base + (k - k0) * GROUP + c - l];
                    sr += ar * br + ai * bi;
                    si += ai * br - ar * bi;
                }
                re[i * n + c] -= sr;
                im[i * n + c] -= si;
            }
        }
    }

    /** Rows i..i+3, columns l..l+GROUP−1 (all &lt; n) from slab {@code base}: 16 accumulators. */
    private static void block4(double[] re, double[] im, int n, int i, int l, int k0, int k1, double[] pr,
                               double[] pi, int base) {
        DoubleVector r00 = DoubleVector.zero(SPECIES);
        DoubleVector r01 = r00;
        DoubleVector r10 = r00;
        DoubleVector r11 = r00;
        DoubleVector r20 = r00;
        DoubleVector r21 = r00;
        DoubleVector r30 = r00;
        DoubleVector r31 = r00;
        DoubleVector m00 = r00;
        DoubleVector m01 = r00;
        DoubleVector m10 = r00;
        DoubleVector m11 = r00;
        DoubleVector m20 = r00;
        DoubleVector m21 = r00;
        DoubleVector m30 = r00;
        DoubleVector m31 = r00;
        int o0 = i * n;
        int o1 = o0 + n;
        int o2 = o1 + n;
        int o3 = o2 + n;
        for (int k = k0, p = base; k < k1; k++, p += GROUP) {
            DoubleVector br0 = DoubleVector.fromArray(SPECIES, pr, p);
            DoubleVector br1 = DoubleVector.fromArray(SPECIES, pr, p + LANES);
            DoubleVector bi0 = DoubleVector.fromArray(SPECIES, pi, p);
            DoubleVector bi1 = DoubleVector.fromArray(SPECIES, pi, p + LANES);
            // Re += ar br + ai bi; Im += ai br − ar bi (= ai br + (−ar) bi)
            DoubleVector ar = DoubleVector.broadcast(SPECIES, re[o0 + k]);
            DoubleVector ai = DoubleVector.broadcast(SPECIES, im[o0 + k]);
            DoubleVector na = DoubleVector.broadcast(SPECIES, -re[o0 + k]);
            r00 = ai.fma(bi0, ar.fma(br0, r00));
            r01 = ai.fma(bi1, ar.fma(br1, r01));
            m00 = na.fma(bi0, ai.fma(br0, m00));
            m01 = na.fma(bi1, ai.fma(br1, m01));
            ar = DoubleVector.broadcast(SPECIES, re[o1 + k]);
            ai = DoubleVector.broadcast(SPECIES, im[o1 + k]);
            na = DoubleVector.broadcast(SPECIES, -re[o1 + k]);
            r10 = ai.fma(bi0, ar.fma(br0, r10));
            r11 = ai.fma(bi1, ar.fma(br1, r11));
            m10 = na.fma(bi0, ai.fma(br0, m10));
            m11 = na.fma(bi1, ai.fma(br1, m11));
            ar = DoubleVector.broadcast(SPECIES, re[o2 + k]);
            ai = DoubleVector.broadcast(SPECIES, im[o2 + k]);
            na = DoubleVector.broadcast(SPECIES, -re[o2 + k]);
            r20 = ai.fma(bi0, ar.fma(br0, r20));
            r21 = ai.fma(bi1, ar.fma(br1, r21));
            m20 = na.fma(bi0, ai.fma(br0, m20));
            m21 = na.fma(bi1, ai.fma(br1, m21));
            ar = DoubleVector.broadcast(SPECIES, re[o3 + k]);
            ai = DoubleVector.broadcast(SPECIES, im[o3 + k]);
            na = DoubleVector.broadcast(SPECIES, -re[o3 + k]);
            r30 = ai.fma(bi0, ar.fma(br0, r30));
            r31 = ai.fma(bi1, ar.fma(br1, r31));
            m30 = na.fma(bi0, ai.fma(br0, m30));
            m31 = na.fma(bi1, ai.fma(br1, m31));
        }
        // written inline: a vector passed to a non-inlined helper is boxed
        int c0 = l;
        int c1 = l + LANES;
        DoubleVector.fromArray(SPECIES, re, o0 + c0).sub(r00).intoArray(re, o0 + c0);
        DoubleVector.fromArray(SPECIES, re, o0 + c1).sub(r01).intoArray(re, o0 + c1);
        DoubleVector.fromArray(SPECIES, im, o0 + c0).sub(m00).intoArray(im, o0 + c0);
        DoubleVector.fromArray(SPECIES, im, o0 + c1).sub(m01).intoArray(im, o0 + c1);
        DoubleVector.fromArray(SPECIES, re, o1 + c0).sub(r10).intoArray(re, o1 + c0);
        DoubleVector.fromArray(SPECIES, re, o1 + c1).sub(r11).intoArray(re, o1 + c1);
        DoubleVector.fromArray(SPECIES, im, o1 + c0).sub(m10).intoArray(im, o1 + c0);
        DoubleVector.fromArray(SPECIES, im, o1 + c1).sub(m11).intoArray(im, o1 + c1);
        DoubleVector.fromArray(SPECIES, re, o2 + c0).sub(r20).intoArray(re, o2 + c0);
        DoubleVector.fromArray(SPECIES, re, o2 + c1).sub(r21).intoArray(re, o2 + c1);
        DoubleVector.fromArray(SPECIES, im, o2 + c0).sub(m20).intoArray(im, o2 + c0);
        DoubleVector.fromArray(SPECIES, im, o2 + c1).sub(m21).intoArray(im, o2 + c1);
        DoubleVector.fromArray(SPECIES, re, o3 + c0).sub(r30).intoArray(re, o3 + c0);
        DoubleVector.fromArray(SPECIES, re, o3 + c1).sub(r31).intoArray(re, o3 + c1);
        DoubleVector.fromArray(SPECIES, im, o3 + c0).sub(m30).intoArray(im, o3 + c0);
        DoubleVector.fromArray(SPECIES, im, o3 + c1).sub(m31).intoArray(im, o3 + c1);
    }

    /**
     * Solves L L† x = b in place for interleaved complex b (2n doubles) with the factor of
     * {@link #factor}; {@code yRe}, {@code yIm} are scratch of n doubles. Both substitutions go
     * block column by block column of {@value #BLOCK}, so that all but the small diagonal triangles
     * split into independent tasks (each reads its part of L once; L is too large for the caches,
     * so the solve streams it from memory and gains from a second core):
     * <ul>
     * <li>forward, L y = b: solve the diagonal block for y_J, then y_i −= Σ_{k∈J} L_ik y_k for every
     *   row i below it, in tasks of {@value #SOLVE_ROWS} rows (SIMD dot products along the rows);</li>
     * <li>back, L† x = y, blocks in reverse: x_j = y_j/L_jj and y_k −= conj(L_jk) x_j within the
     *   diagonal block, then the same update of every earlier y_k by the block's rows, in tasks of
     *   {@value #SOLVE_COLUMNS} columns (SIMD updates along the rows).</li>
     * </ul>
     * Each y_i accumulates its terms in the same order for any runner, so the result does not
     * depend on it.
     */
    public static void solve(double[] re, double[] im, int n, double[] b, double[] yRe, double[] yIm,
                             TaskRunner tasks) {
        for (int k = 0; k < n; k++) {
            yRe[k] = b[2 * k];
            yIm[k] = b[2 * k + 1];
        }
        for (int j0 = 0; j0 < n; j0 += BLOCK) { // L y = b
            int j1 = Math.min(n, j0 + BLOCK);
            for (int i = j0; i < j1; i++) {
                subtractRowSegment(re, im, n, i, j0, i, yRe, yIm);
                double lii = re[i * n + i];
                yRe[i] /= lii;
                yIm[i] /= lii;
            }
            int from = j0;
            tasks.forEach((n - j1 + SOLVE_ROWS - 1) / SOLVE_ROWS, t -> {
                int end = Math.min(n, j1 + (t + 1) * SOLVE_ROWS);
                for (int i = j1 + t * SOLVE_ROWS; i < end; i++) {
                    subtractRowSegment(re, im, n, i, from, j1, yRe, yIm);
                }
            });
        }
        for (int j0 = (n - 1) / BLOCK * BLOCK; j0 >= 0; j0 -= BLOCK) { // L† x = y
            int j1 = Math.min(n, j0 + BLOCK);
            for (int j = j1 - 1; j >= j0; j--) {
                double ljj = re[j * n + j];
                yRe[j] /= ljj;
                yIm[j] /= ljj;
                subtractConjugateColumn(re, im, n, j, j0, j, yRe, yIm);
            }
            int from = j0;
            tasks.forEach((j0 + SOLVE_COLUMNS - 1) / SOLVE_COLUMNS, t -> {
                int c0 = t * SOLVE_COLUMNS;
                int c1 = Math.min(from, c0 + SOLVE_COLUMNS);
                for (int j = j1 - 1; j >= from; j--) {
                    subtractConjugateColumn(re, im, n, j, c0, c1, yRe, yIm);
                }
            });
        }
        for (int k = 0; k < n; k++) {
            b[2 * k] = yRe[k];
            b[2 * k + 1] = yIm[k];
        }
    }

    /** y_i −= Σ_{k0 ≤ k &lt; k1} L_ik y_k: a SIMD dot product along row i (lanes summed in lane order). */
    private static void subtractRowSegment(double[] re, double[] im, int n, int i, int k0, int k1,
                                           double[] yRe, double[] yIm) {
        int o = i * n;
        int bound = k0 + SPECIES.loopBound(k1 - k0);
        DoubleVector rr = DoubleVector.zero(SPECIES);
        DoubleVector ii = rr;
        DoubleVector ri = rr;
        DoubleVector ir = rr;
        for (int k = k0; k < bound; k += LANES) {
            DoubleVector lr = DoubleVector.fromArray(SPECIES, re, o + k);
            DoubleVector li = DoubleVector.fromArray(SPECIES, im, o + k);
            DoubleVector vr = DoubleVector.fromArray(SPECIES, yRe, k);
            DoubleVector vi = DoubleVector.fromArray(SPECIES, yIm, k);
            rr = lr.fma(vr, rr);
            ii = li.fma(vi, ii);
            ri = lr.fma(vi, ri);
            ir = li.fma(vr, ir);
        }
        double sr = yRe[i] - (DenseKernels.sumLanes(rr) - DenseKernels.sumLanes(ii));
        double si = yIm[i] - (DenseKernels.sumLanes(ri) + DenseKernels.sumLanes(ir));
        for (int k = bound; k < k1; k++) {
            double lr = re[o + k];
            double li = im[o + k];
            sr -= lr * yRe[k] - li * yIm[k];
            si -= lr * yIm[k] + li * yRe[k];
        }
        yRe[i] = sr;
        yIm[i] = si;
    }

    /**
     * y_k −= conj(L_jk) x_j for k0 ≤ k &lt; k1, with x_j already in y_j: column j of L† is the
     * conjugate of row j of L, so this is a SIMD update along row j.
     */
    private static void subtractConjugateColumn(double[] re, double[] im, int n, int j, int k0, int k1,
                                                double[] yRe, double[] yIm) {
        int o = j * n;
        double xr = yRe[j];
        double xi = yIm[j];
        // y_k −= (lr xr + li xi) + i (lr xi − li xr)
        DoubleVector mxr = DoubleVector.broadcast(SPECIES, -xr);
        DoubleVector mxi = DoubleVector.broadcast(SPECIES, -xi);
        DoubleVector pxr = DoubleVector.broadcast(SPECIES, xr);
        int bound = k0 + SPECIES.loopBound(k1 - k0);
        for (int k = k0; k < bound; k += LANES) {
            DoubleVector lr = DoubleVector.fromArray(SPECIES, re, o + k);
            DoubleVector li = DoubleVector.fromArray(SPECIES, im, o + k);
            li.fma(mxi, lr.fma(mxr, DoubleVector.fromArray(SPECIES, yRe, k))).intoArray(yRe, k);
            li.fma(pxr, lr.fma(mxi, DoubleVector.fromArray(SPECIES, yIm, k))).intoArray(yIm, k);
        }
        for (int k = bound; k < k1; k++) {
            double lr = re[o + k];
            double li = im[o + k];
            yRe[k] = Math.fma(li, -xi, Math.fma(lr, -xr, yRe[k]));
            yIm[k] = Math.fma(li, xr, Math.fma(lr, -xi, yIm[k]));
        }
    }
}
