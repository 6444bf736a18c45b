package org.nqs4j.optimizers.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
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
 * Re −= Lr_ik Pr_kl + Li_ik Pi_kl, Im −= Li_ik Pr_kl − Lr_ik Pi_kl with the panel copied transposed
 * (P_kl = L_lk), 4 rows × 2 SIMD vectors of columns in 16 accumulators. The diagonal of L is real.
 * Deterministic for a given n and independent of the {@link TaskRunner}; entries above the
 * diagonal are scratch.
 */
public final class HermitianBlockedCholesky {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Panel width: the two transposed panels (2 × BLOCK × n) of the update stay in L2. */
    static final int BLOCK = 64;
    /** Rows per task of the panel solve and the trailing update (a multiple of 4). */
    private static final int ROWS = 16;

    private HermitianBlockedCholesky() {
    }

    /** Doubles of each of the two panel scratch arrays that {@link #factor} needs for order n. */
    public static int panelLength(int n) {
        return BLOCK * (n + 2 * LANES);
    }

    /**
     * Factors (re + i·im) = L L† in place. Panel rows and trailing update are split by rows over
     * {@code tasks}, each entry computed by the same operations in the same order on any thread.
     *
     * @param panelRe scratch of {@link #panelLength}(n) doubles, and {@code panelIm} likewise
     * @return −1 on success, else the first pivot that is not positive and finite (then garbage)
     */
    public static int factor(double[] re, double[] im, int n, double[] panelRe, double[] panelIm, TaskRunner tasks) {
        int stride = n + 2 * LANES;
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int k1 = Math.min(n, k0 + BLOCK);
            int from = k0;
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
                for (int i = j + 1; i < k1; i++) {
                    // L_ij = (A_ij − Σ_k L_ik conj(L_jk)) / L_jj
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
            if (k1 < n) {
                int rowBlocks = (n - k1 + ROWS - 1) / ROWS;
                tasks.forEach(rowBlocks, t -> panelRows(re, im, n, from, k1, panelRe, panelIm, stride,
                        k1 + t * ROWS, Math.min(n, k1 + (t + 1) * ROWS)));
                for (int k = k0; k < k1; k++) {
                    java.util.Arrays.fill(panelRe, (k - k0) * stride + n, (k - k0) * stride + stride, 0.0);
                    java.util.Arrays.fill(panelIm, (k - k0) * stride + n, (k - k0) * stride + stride, 0.0);
                }
                tasks.forEach(rowBlocks, t -> trailingUpdate(re, im, n, from, k1, panelRe, panelIm, stride,
                        k1 + (rowBlocks - 1 - t) * ROWS));
            }
        }
        return -1;
    }

    /**
     * Panel rows r₀ ≤ i &lt; r₁: X L_kk† = A_{i,k0:k1} column by column on the transposed panel,
     * vectorised over rows (P[j] /= L_jj, then P[q] −= P[j] conj(L_qj) for q &gt; j), copied back.
     */
    private static void panelRows(double[] re, double[] im, int n, int k0, int k1, double[] pr, double[] pi,
                                  int stride, int r0, int r1) {
        for (int i = r0; i < r1; i++) {
            for (int j = k0; j < k1; j++) {
                pr[(j - k0) * stride + i] = re[i * n + j];
                pi[(j - k0) * stride + i] = im[i * n + j];
            }
        }
        int bound = r0 + SPECIES.loopBound(r1 - r0);
        for (int j = k0; j < k1; j++) {
            int pj = (j - k0) * stride;
            double ljj = re[j * n + j];
            int i = r0;
            for (; i < bound; i += LANES) {
                DoubleVector.fromArray(SPECIES, pr, pj + i).div(ljj).intoArray(pr, pj + i);
                DoubleVector.fromArray(SPECIES, pi, pj + i).div(ljj).intoArray(pi, pj + i);
            }
            for (; i < r1; i++) {
                pr[pj + i] /= ljj;
                pi[pj + i] /= ljj;
            }
            for (int q = j + 1; q < k1; q++) {
                int pq = (q - k0) * stride;
                double lr = re[q * n + j];
                double li = im[q * n + j];
                DoubleVector mlr = DoubleVector.broadcast(SPECIES, -lr);
                DoubleVector mli = DoubleVector.broadcast(SPECIES, -li);
                DoubleVector vli = DoubleVector.broadcast(SPECIES, li);
                i = r0;
                for (; i < bound; i += LANES) {
                    DoubleVector xr = DoubleVector.fromArray(SPECIES, pr, pj + i);
                    DoubleVector xi = DoubleVector.fromArray(SPECIES, pi, pj + i);
                    // P_q −= (xr + i xi)(lr − i li) = xr lr + xi li + i (xi lr − xr li)
                    xr.fma(mlr, xi.fma(mli, DoubleVector.fromArray(SPECIES, pr, pq + i))).intoArray(pr, pq + i);
                    xi.fma(mlr, xr.fma(vli, DoubleVector.fromArray(SPECIES, pi, pq + i))).intoArray(pi, pq + i);
                }
                for (; i < r1; i++) {
                    double xr = pr[pj + i];
                    double xi = pi[pj + i];
                    pr[pq + i] = Math.fma(xr, -lr, Math.fma(xi, -li, pr[pq + i]));
                    pi[pq + i] = Math.fma(xi, -lr, Math.fma(xr, li, pi[pq + i]));
                }
            }
        }
        for (int i = r0; i < r1; i++) {
            for (int j = k0; j < k1; j++) {
                re[i * n + j] = pr[(j - k0) * stride + i];
                im[i * n + j] = pi[(j - k0) * stride + i];
            }
        }
    }

    /** A_il −= Σ_k L_ik conj(L_lk) for k₁ ≤ l ≤ i, rows i₀ ≤ i &lt; min(n, i₀ + {@value #ROWS}). */
    private static void trailingUpdate(double[] re, double[] im, int n, int k0, int k1, double[] pr, double[] pi,
                                       int stride, int i0) {
        int end = Math.min(n, i0 + ROWS);
        int i = i0;
        for (; i + 3 < end; i += 4) {
            for (int l = k1; l <= i + 3; l += 2 * LANES) {
                block4(re, im, n, i, l, k0, k1, pr, pi, stride);
            }
        }
        for (; i < end; i++) {
            for (int l = k1; l <= i; l++) {
                double sr = 0;
                double si = 0;
                for (int k = k0; k < k1; k++) {
                    double ar = re[i * n + k];
                    double ai = im[i * n + k];
                    double br = pr[(k - k0) * stride + l];
                    double bi = pi[(k - k0) * stride + l];
                    sr += ar * br + ai * bi;
                    si += ai * br - ar * bi;
                }
                re[i * n + l] -= sr;
                im[i * n + l] -= si;
            }
        }
    }

    /** Rows i..i+3, columns l..l+2·LANES−1 (those &lt; n written): 16 accumulators. */
    private static void block4(double[] re, double[] im, int n, int i, int l, int k0, int k1, double[] pr,
                               double[] pi, int stride) {
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
        for (int k = k0; k < k1; k++) {
            int p = (k - k0) * stride + l;
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
        // masked to the columns < n and written inline (a vector passed to a non-inlined helper is boxed)
        VectorMask<Double> v0 = SPECIES.indexInRange(l, n);
        VectorMask<Double> v1 = SPECIES.indexInRange(l + LANES, n);
        int c0 = l;
        int c1 = l + LANES;
        DoubleVector.fromArray(SPECIES, re, o0 + c0, v0).sub(r00).intoArray(re, o0 + c0, v0);
        DoubleVector.fromArray(SPECIES, re, o0 + c1, v1).sub(r01).intoArray(re, o0 + c1, v1);
        DoubleVector.fromArray(SPECIES, im, o0 + c0, v0).sub(m00).intoArray(im, o0 + c0, v0);
        DoubleVector.fromArray(SPECIES, im, o0 + c1, v1).sub(m01).intoArray(im, o0 + c1, v1);
        DoubleVector.fromArray(SPECIES, re, o1 + c0, v0).sub(r10).intoArray(re, o1 + c0, v0);
        DoubleVector.fromArray(SPECIES, re, o1 + c1, v1).sub(r11).intoArray(re, o1 + c1, v1);
        DoubleVector.fromArray(SPECIES, im, o1 + c0, v0).sub(m10).intoArray(im, o1 + c0, v0);
        DoubleVector.fromArray(SPECIES, im, o1 + c1, v1).sub(m11).intoArray(im, o1 + c1, v1);
        DoubleVector.fromArray(SPECIES, re, o2 + c0, v0).sub(r20).intoArray(re, o2 + c0, v0);
        DoubleVector.fromArray(SPECIES, re, o2 + c1, v1).sub(r21).intoArray(re, o2 + c1, v1);
        DoubleVector.fromArray(SPECIES, im, o2 + c0, v0).sub(m20).intoArray(im, o2 + c0, v0);
        DoubleVector.fromArray(SPECIES, im, o2 + c1, v1).sub(m21).intoArray(im, o2 + c1, v1);
        DoubleVector.fromArray(SPECIES, re, o3 + c0, v0).sub(r30).intoArray(re, o3 + c0, v0);
        DoubleVector.fromArray(SPECIES, re, o3 + c1, v1).sub(r31).intoArray(re, o3 + c1, v1);
        DoubleVector.fromArray(SPECIES, im, o3 + c0, v0).sub(m30).intoArray(im, o3 + c0, v0);
        DoubleVector.fromArray(SPECIES, im, o3 + c1, v1).sub(m31).intoArray(im, o3 + c1, v1);
    }

    /** Solves L L† x = b in place for interleaved complex b (2n doubles) with the factor of {@link #factor}. */
    public static void solve(double[] re, double[] im, int n, double[] b) {
        for (int i = 0; i < n; i++) { // L y = b
            double sr = b[2 * i];
            double si = b[2 * i + 1];
            for (int k = 0; k < i; k++) {
                double lr = re[i * n + k];
                double li = im[i * n + k];
                double yr = b[2 * k];
                double yi = b[2 * k + 1];
                sr -= lr * yr - li * yi;
                si -= lr * yi + li * yr;
            }
            double lii = re[i * n + i];
            b[2 * i] = sr / lii;
            b[2 * i + 1] = si / lii;
        }
        for (int j = n - 1; j >= 0; j--) { // L† x = y; column j of L† is conj of row j of L
            double ljj = re[j * n + j];
            double xr = b[2 * j] / ljj;
            double xi = b[2 * j + 1] / ljj;
            b[2 * j] = xr;
            b[2 * j + 1] = xi;
            for (int k = 0; k < j; k++) {
                double lr = re[j * n + k];
                double li = im[j * n + k];
                // b_k −= conj(L_jk) x_j
                b[2 * k] -= lr * xr + li * xi;
                b[2 * k + 1] -= lr * xi - li * xr;
            }
        }
    }
}
