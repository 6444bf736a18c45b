package org.nqs4j.optimizers.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Gram matrices C = X W² Xᵀ (real) and C_kl = Σ_j conj(x_kj) x_lj w_j² (complex) of the n rows of
 * a row-major matrix X with optional real column weights w, the O(n² len) heart of forming the
 * quantum geometric tensor (P × P) or the minSR matrix (N_s × N_s).
 *
 * <p>Packed, register-blocked outer-product form (Goto &amp; van de Geijn, ACM TOMS 34, 2008): for
 * each block of {@value #KC} columns, the rows of X·w are copied into panels of {@value #MR}
 * rows (for broadcasts) and of NR = 2 SIMD vectors (for loads), k-major, so that a
 * {@value #MR} × NR tile of C accumulates in 12 registers with pure FMAs over contiguous data
 * and no horizontal sums. Only tiles touching the upper triangle are computed. The complex Gram
 * uses the interleaved real dot ⟨x, y⟩ = x·y + i x·(−i y): the −i y panel is packed on the fly and
 * both products share the broadcast panel.
 *
 * <p>Parallel over a fixed set of tasks (one per column panel); every tile is summed in the same
 * order whichever thread runs it, so C is bit-identical for any {@link TaskRunner}. Instances
 * keep the packing workspaces and are not thread-safe.
 */
public final class GramKernel {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Rows of X per tile (broadcast side). */
    static final int MR = 6;
    /** Rows of Y per tile (vector side): two SIMD vectors. */
    static final int NR = 2 * LANES;
    /** Column block: a packed NR-panel (NR × KC doubles) stays in L1, all MR-panels in L2. Even. */
    static final int KC = 128;
    private static final int TILE = MR * NR;
    /** Lines per packing task when X is given transposed. */
    private static final int LINES = 16;

    private double[] packedRows = new double[0];
    private double[] packedCols = new double[0];
    private double[] packedRotated = new double[0];
    private double[] real = new double[0];
    private double[] imaginary = new double[0];
    private int[] ownPanels = new int[0];

    static {
        if (RankExchange.ROWS % NR != 0) {
            throw new ExceptionInInitializerError("the row blocks of the ranks must hold whole column panels: "
                    + RankExchange.ROWS + " rows against panels of " + NR);
        }
    }

    /**
     * C = scale · X diag(w²) Xᵀ for the n × len row-major X, written fully (both triangles) into
     * the row-major n × n array {@code c}.
     *
     * @param weight w_j, j &lt; len, or null for w = 1
     */
    public void symmetric(double[] x, int n, int len, double[] weight, double scale, double[] c, TaskRunner tasks) {
        accumulate(x, n, len, 0, weight, false, RankExchange.SINGLE, tasks);
        mirror(n, scale, c, tasks);
    }

    /**
     * C = scale · Yᵀ Y for the len × n row-major Y with row stride {@code stride} ≥ n (the Gram of its
     * n columns: S ∝ ΔOᵀΔO straight from the sample rows, no transposed copy), written fully into
     * the row-major n × n array {@code c}. The packed panels hold the same numbers as for X = Yᵀ in
     * {@link #symmetric}, so C is bit-identical to that route.
     */
    public void symmetricOfColumns(double[] y, int len, int n, int stride, double scale, double[] c,
            TaskRunner tasks) {
        accumulate(y, n, len, stride, null, false, RankExchange.SINGLE, tasks);
        mirror(n, scale, c, tasks);
    }

    /**
     * C_kl = scale · Σ_s conj(y_sk) y_sl for the len rows of n complex numbers of Y (interleaved,
     * row stride {@code stride} ≥ 2n doubles), written fully into the interleaved n × n array
     * {@code c}; bit-identical to {@link #hermitian} of Yᵀ.
     */
    public void hermitianOfColumns(double[] y, int len, int n, int stride, double scale, double[] c,
            TaskRunner tasks) {
        accumulate(y, n, 2 * len, stride, null, true, RankExchange.SINGLE, tasks);
        mirrorHermitian(n, scale, c, tasks);
    }

    /**
     * {@link #hermitianOfColumns} shared by ranks: this rank's rows l ({@link RankExchange#ownsRow})
     * of the lower triangle, C_lk for k ≤ l (the conjugates of the upper entries, the column panels
     * of row l), each entry bit-identical to the one-process C; the rest of {@code c} is left as it
     * was. The form {@link DistributedCholesky} factors.
     */
    public void hermitianOfColumnsLower(double[] y, int len, int n, int stride, double scale, double[] c,
                                        RankExchange ranks, TaskRunner tasks) {
        accumulate(y, n, 2 * len, stride, null, true, ranks, tasks);
        lower(n, scale, c, true, ranks, tasks);
    }

    /** {@link #hermitian} shared by ranks: this rank's rows of the lower triangle, as {@link #hermitianOfColumnsLower}. */
    public void hermitianLower(double[] x, int n, int m, double[] weight, double scale, double[] c, RankExchange ranks,
                               TaskRunner tasks) {
        accumulate(x, n, 2 * m, 0, weight, true, ranks, tasks);
        lower(n, scale, c, true, ranks, tasks);
    }

    /** {@link #symmetric} shared by ranks: this rank's rows l of the lower triangle, C_lk for k ≤ l. */
    public void symmetricLower(double[] x, int n, int len, double[] weight, double scale, double[] c,
                               RankExchange ranks, TaskRunner tasks) {
        accumulate(x, n, len, 0, weight, false, ranks, tasks);
        lower(n, scale, c, false, ranks, tasks);
    }

    /** {@link #symmetricOfColumns} shared by ranks: this rank's rows l of the lower triangle, C_lk for k ≤ l. */
    public void symmetricOfColumnsLower(double[] y, int len, int n, int stride, double scale, double[] c,
                                        RankExchange ranks, TaskRunner tasks) {
        accumulate(y, n, len, stride, null, false, ranks, tasks);
        lower(n, scale, c, false, ranks, tasks);
    }

    /**
     * Rows l of this rank from the upper tiles, k ≤ l: c_lk = C_kl (real, as {@link #mirror}) or
     * conj(C_kl) with c_ll real (complex, as {@link #mirrorHermitian}).
     */
    private void lower(int n, double scale, double[] c, boolean complex, RankExchange ranks, TaskRunner tasks) {
        int own = ranks.ownedRowBlocks((n + RankExchange.ROWS - 1) / RankExchange.ROWS);
        tasks.forEach(own, b -> {
            int first = ranks.ownedRowBlock(b) * RankExchange.ROWS;
            for (int l = first; l < Math.min(n, first + RankExchange.ROWS); l++) {
                for (int k = 0; k <= l; k++) {
                    int t = tileIndex(k, l, n);
                    if (complex) {
                        c[2 * (l * n + k)] = scale * real[t];
                        c[2 * (l * n + k) + 1] = k == l ? 0.0 : -(scale * imaginary[t]);
                    } else {
                        c[l * n + k] = scale * real[t];
                    }
                }
            }
        });
    }

    private void mirror(int n, double scale, double[] c, TaskRunner tasks) {
        tasks.forEach(n, k -> {
            for (int l = k; l < n; l++) {
                double v = scale * real[tileIndex(k, l, n)];
                c[k * n + l] = v;
                c[l * n + k] = v;
            }
        });
    }

    /**
     * C_kl = scale · Σ_j conj(x_kj) x_lj w_j² for the n rows of m complex numbers of X (interleaved,
     * row length 2m), written fully into the interleaved row-major n × n array {@code c} (EJML
     * {@code ZMatrixRMaj} layout); the diagonal is exactly real.
     *
     * @param weight w_j, j &lt; m (real), or null for w = 1
     */
    public void hermitian(double[] x, int n, int m, double[] weight, double scale, double[] c, TaskRunner tasks) {
        accumulate(x, n, 2 * m, 0, weight, true, RankExchange.SINGLE, tasks);
        mirrorHermitian(n, scale, c, tasks);
    }

    private void mirrorHermitian(int n, double scale, double[] c, TaskRunner tasks) {
        tasks.forEach(n, k -> {
            c[2 * (k * n + k)] = scale * real[tileIndex(k, k, n)];
            c[2 * (k * n + k) + 1] = 0.0;
            for (int l = k + 1; l < n; l++) {
                int t = tileIndex(k, l, n);
                double re = scale * real[t];
                double im = scale * imaginary[t];
                c[2 * (k * n + l)] = re;
                c[2 * (k * n + l) + 1] = im;
                c[2 * (l * n + k)] = re;
                c[2 * (l * n + k) + 1] = -im;
            }
        });
    }

    private static int rowPanels(int n) {
        return (n + MR - 1) / MR;
    }

    private static int colPanels(int n) {
        return (n + NR - 1) / NR;
    }

    /** Where entry (k, l) of C lives in the tile-major accumulators. */
    private static int tileIndex(int k, int l, int n) {
        return ((l / NR) * rowPanels(n) + k / MR) * TILE + (k % MR) * NR + l % NR;
    }

    /**
     * real (and imaginary, if complex) ← the upper tiles of X W² Xᵀ (and X W² (−iX)ᵀ); X is n × len
     * row-major when {@code stride} = 0, else stored transposed (row j of Xᵀ, or for complex X the
     * pair j/2, at {@code x[(j or j/2)·stride]}). Only the column
     * panels of this rank's rows ({@link RankExchange#ownsRow}; NR divides the row blocks) are summed.
     */
    private void accumulate(double[] x, int n, int len, int stride, double[] weight, boolean complex,
            RankExchange ranks, TaskRunner tasks) {
        int rp = rowPanels(n);
        int cp = colPanels(n);
        int accLength = rp * cp * TILE;
        real = ensure(real, accLength);
        java.util.Arrays.fill(real, 0, accLength, 0.0);
        if (complex) {
            imaginary = ensure(imaginary, accLength);
            java.util.Arrays.fill(imaginary, 0, accLength, 0.0);
            packedRotated = ensure(packedRotated, cp * NR * KC);
        }
        packedRows = ensure(packedRows, rp * MR * KC);
        packedCols = ensure(packedCols, cp * NR * KC);
        if (ownPanels.length < cp) {
            ownPanels = new int[cp];
        }
        // largest column panels first, so that the dynamic hand-out balances the triangle
        int own = 0;
        for (int j = cp - 1; j >= 0; j--) {
            if (ranks.ownsRow(j * NR)) {
                ownPanels[own++] = j;
            }
        }
        int owned = own;
        for (int k0 = 0; k0 < len; k0 += KC) {
            int kc = Math.min(KC, len - k0);
            int from = k0;
            if (stride > 0 && !complex) {
                // each line k of every panel is a slice of row k₀ + k of Xᵀ: one pass over the rows
                int chunks = (kc + LINES - 1) / LINES;
                tasks.forEach(chunks, q -> packLines(x, n, stride, from, q * LINES, Math.min(kc, q * LINES + LINES),
                        kc, rp, cp));
            } else {
                tasks.forEach(rp + cp, t -> {
                    if (t < rp) {
                        pack(x, n, len, stride, weight, complex, from, kc, t * MR, MR, packedRows, t * MR * kc, false);
                    } else {
                        int j = t - rp;
                        pack(x, n, len, stride, weight, complex, from, kc, j * NR, NR, packedCols, j * NR * kc, false);
                        if (complex) {
                            pack(x, n, len, stride, weight, true, from, kc, j * NR, NR, packedRotated, j * NR * kc,
                                    true);
                        }
                    }
                });
            }
            tasks.forEach(owned, t -> {
                int j = ownPanels[t];
                int lastRow = Math.min(n - 1, j * NR + NR - 1);
                for (int i = 0; i <= lastRow / MR; i++) {
                    int acc = (j * rp + i) * TILE;
                    if (complex) {
                        tilePair(packedRows, i * MR * kc, packedCols, packedRotated, j * NR * kc, kc, real,
                                imaginary, acc);
                    } else {
                        tile(packedRows, i * MR * kc, packedCols, j * NR * kc, kc, real, acc);
                    }
                }
            });
        }
    }

    /**
     * Rows r0..r0+width−1 of X (zero beyond n), columns k0..k0+kc−1, times the weights, into
     * {@code dst[off + k·width + r]}; with {@code rotate}, of −iX: (re, im) → (im, −re).
     */
    private static void pack(double[] x, int n, int len, int stride, double[] weight, boolean complex, int k0,
            int kc, int r0, int width, double[] dst, int off, boolean rotate) {
        if (stride > 0) {
            packTransposed(x, n, stride, complex, k0, kc, r0, width, dst, off, rotate);
            return;
        }
        for (int r = 0; r < width; r++) {
            int row = r0 + r;
            if (row >= n) {
                for (int k = 0; k < kc; k++) {
                    dst[off + k * width + r] = 0.0;
                }
                continue;
            }
            int src = row * len + k0;
            for (int k = 0; k < kc; k++) {
                int j = k0 + k;
                double v;
                if (rotate) {
                    v = (k & 1) == 0 ? x[src + k + 1] : -x[src + k - 1];
                } else {
                    v = x[src + k];
                }
                if (weight != null) {
                    v *= weight[complex ? j >> 1 : j];
                }
                dst[off + k * width + r] = v;
            }
        }
    }

    /**
     * Lines [k₁, k₂) of every MR- and NR-panel from the real Xᵀ (rows k₀ + k at stride {@code stride}):
     * each row is read once, front to back, and scattered into the panels (zeros past n).
     */
    private void packLines(double[] x, int n, int stride, int k0, int k1, int k2, int kc, int rp, int cp) {
        int fullRows = n / MR;
        int fullCols = n / NR;
        for (int k = k1; k < k2; k++) {
            int src = (k0 + k) * stride;
            for (int t = 0; t < fullRows; t++) {
                int d = t * MR * kc + k * MR;
                for (int r = 0; r < MR; r++) {
                    packedRows[d + r] = x[src + t * MR + r];
                }
            }
            for (int j = 0; j < fullCols; j++) {
                int d = j * NR * kc + k * NR;
                DoubleVector.fromArray(SPECIES, x, src + j * NR).intoArray(packedCols, d);
                DoubleVector.fromArray(SPECIES, x, src + j * NR + LANES).intoArray(packedCols, d + LANES);
            }
            for (int t = fullRows; t < rp; t++) { // the edge panels: zeros past n
                for (int r = 0; r < MR; r++) {
                    packedRows[t * MR * kc + k * MR + r] = t * MR + r < n ? x[src + t * MR + r] : 0.0;
                }
            }
            for (int j = fullCols; j < cp; j++) {
                for (int r = 0; r < NR; r++) {
                    packedCols[j * NR * kc + k * NR + r] = j * NR + r < n ? x[src + j * NR + r] : 0.0;
                }
            }
        }
    }

    /**
     * {@link #pack} for X stored transposed (no weights): line k of the panel is a contiguous slice
     * of row k₀ + k of Xᵀ (real), or of its complex pair (k₀ + k)/2, component (k₀ + k) mod 2.
     */
    private static void packTransposed(double[] x, int n, int stride, boolean complex, int k0, int kc, int r0,
            int width, double[] dst, int off, boolean rotate) {
        int rows = Math.max(0, Math.min(width, n - r0));
        for (int k = 0; k < kc; k++) {
            int j = k0 + k;
            int d = off + k * width;
            if (!complex) {
                int src = j * stride + r0;
                for (int r = 0; r < rows; r++) { // a loop, not System.arraycopy: 6 or 2·LANES doubles
                    dst[d + r] = x[src + r];
                }
            } else {
                int src = (j >> 1) * stride + 2 * r0;
                int component = j & 1;
                if (rotate) { // −iX: (re, im) → (im, −re)
                    for (int r = 0; r < rows; r++) {
                        dst[d + r] = component == 0 ? x[src + 2 * r + 1] : -x[src + 2 * r];
                    }
                } else {
                    for (int r = 0; r < rows; r++) {
                        dst[d + r] = x[src + 2 * r + component];
                    }
                }
            }
            for (int r = rows; r < width; r++) {
                dst[d + r] = 0.0;
            }
        }
    }

    /** acc[MR × NR tile] += Σ_k a[k, 0..MR) ⊗ b[k, 0..NR): 12 accumulators, one broadcast per row. */
    private static void tile(double[] a, int aOff, double[] b, int bOff, int kc, double[] acc, int accOff) {
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, acc, accOff);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, acc, accOff + LANES);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, acc, accOff + NR);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, acc, accOff + NR + LANES);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, acc, accOff + 2 * NR);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, acc, accOff + 2 * NR + LANES);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, acc, accOff + 3 * NR);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, acc, accOff + 3 * NR + LANES);
        DoubleVector c40 = DoubleVector.fromArray(SPECIES, acc, accOff + 4 * NR);
        DoubleVector c41 = DoubleVector.fromArray(SPECIES, acc, accOff + 4 * NR + LANES);
        DoubleVector c50 = DoubleVector.fromArray(SPECIES, acc, accOff + 5 * NR);
        DoubleVector c51 = DoubleVector.fromArray(SPECIES, acc, accOff + 5 * NR + LANES);
        for (int k = 0; k < kc; k++) {
            int pb = bOff + k * NR;
            int pa = aOff + k * MR;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, pb);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, pb + LANES);
            DoubleVector s = DoubleVector.broadcast(SPECIES, a[pa]);
            c00 = s.fma(b0, c00);
            c01 = s.fma(b1, c01);
            s = DoubleVector.broadcast(SPECIES, a[pa + 1]);
            c10 = s.fma(b0, c10);
            c11 = s.fma(b1, c11);
            s = DoubleVector.broadcast(SPECIES, a[pa + 2]);
            c20 = s.fma(b0, c20);
            c21 = s.fma(b1, c21);
            s = DoubleVector.broadcast(SPECIES, a[pa + 3]);
            c30 = s.fma(b0, c30);
            c31 = s.fma(b1, c31);
            s = DoubleVector.broadcast(SPECIES, a[pa + 4]);
            c40 = s.fma(b0, c40);
            c41 = s.fma(b1, c41);
            s = DoubleVector.broadcast(SPECIES, a[pa + 5]);
            c50 = s.fma(b0, c50);
            c51 = s.fma(b1, c51);
        }
        c00.intoArray(acc, accOff);
        c01.intoArray(acc, accOff + LANES);
        c10.intoArray(acc, accOff + NR);
        c11.intoArray(acc, accOff + NR + LANES);
        c20.intoArray(acc, accOff + 2 * NR);
        c21.intoArray(acc, accOff + 2 * NR + LANES);
        c30.intoArray(acc, accOff + 3 * NR);
        c31.intoArray(acc, accOff + 3 * NR + LANES);
        c40.intoArray(acc, accOff + 4 * NR);
        c41.intoArray(acc, accOff + 4 * NR + LANES);
        c50.intoArray(acc, accOff + 5 * NR);
        c51.intoArray(acc, accOff + 5 * NR + LANES);
    }

    /**
     * The complex tile: re += Σ_k a_k ⊗ b_k and im += Σ_k a_k ⊗ z_k with z the packed −i Y; 24
     * accumulators (AVX-512 has 32 registers), each broadcast feeding four FMAs.
     */
    private static void tilePair(double[] a, int aOff, double[] b, double[] z, int bOff, int kc, double[] re,
            double[] im, int accOff) {
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, re, accOff);
        DoubleVector d00 = DoubleVector.fromArray(SPECIES, im, accOff);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, re, accOff + LANES);
        DoubleVector d01 = DoubleVector.fromArray(SPECIES, im, accOff + LANES);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, re, accOff + NR);
        DoubleVector d10 = DoubleVector.fromArray(SPECIES, im, accOff + NR);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, re, accOff + NR + LANES);
        DoubleVector d11 = DoubleVector.fromArray(SPECIES, im, accOff + NR + LANES);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, re, accOff + 2 * NR);
        DoubleVector d20 = DoubleVector.fromArray(SPECIES, im, accOff + 2 * NR);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, re, accOff + 2 * NR + LANES);
        DoubleVector d21 = DoubleVector.fromArray(SPECIES, im, accOff + 2 * NR + LANES);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, re, accOff + 3 * NR);
        DoubleVector d30 = DoubleVector.fromArray(SPECIES, im, accOff + 3 * NR);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, re, accOff + 3 * NR + LANES);
        DoubleVector d31 = DoubleVector.fromArray(SPECIES, im, accOff + 3 * NR + LANES);
        DoubleVector c40 = DoubleVector.fromArray(SPECIES, re, accOff + 4 * NR);
        DoubleVector d40 = DoubleVector.fromArray(SPECIES, im, accOff + 4 * NR);
        DoubleVector c41 = DoubleVector.fromArray(SPECIES, re, accOff + 4 * NR + LANES);
        DoubleVector d41 = DoubleVector.fromArray(SPECIES, im, accOff + 4 * NR + LANES);
        DoubleVector c50 = DoubleVector.fromArray(SPECIES, re, accOff + 5 * NR);
        DoubleVector d50 = DoubleVector.fromArray(SPECIES, im, accOff + 5 * NR);
        DoubleVector c51 = DoubleVector.fromArray(SPECIES, re, accOff + 5 * NR + LANES);
        DoubleVector d51 = DoubleVector.fromArray(SPECIES, im, accOff + 5 * NR + LANES);
        for (int k = 0; k < kc; k++) {
            int pb = bOff + k * NR;
            int pa = aOff + k * MR;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, pb);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, pb + LANES);
            DoubleVector z0 = DoubleVector.fromArray(SPECIES, z, pb);
            DoubleVector z1 = DoubleVector.fromArray(SPECIES, z, pb + LANES);
            DoubleVector s = DoubleVector.broadcast(SPECIES, a[pa]);
            c00 = s.fma(b0, c00);
            c01 = s.fma(b1, c01);
            d00 = s.fma(z0, d00);
            d01 = s.fma(z1, d01);
            s = DoubleVector.broadcast(SPECIES, a[pa + 1]);
            c10 = s.fma(b0, c10);
            c11 = s.fma(b1, c11);
            d10 = s.fma(z0, d10);
            d11 = s.fma(z1, d11);
            s = DoubleVector.broadcast(SPECIES, a[pa + 2]);
            c20 = s.fma(b0, c20);
            c21 = s.fma(b1, c21);
            d20 = s.fma(z0, d20);
            d21 = s.fma(z1, d21);
            s = DoubleVector.broadcast(SPECIES, a[pa + 3]);
            c30 = s.fma(b0, c30);
            c31 = s.fma(b1, c31);
            d30 = s.fma(z0, d30);
            d31 = s.fma(z1, d31);
            s = DoubleVector.broadcast(SPECIES, a[pa + 4]);
            c40 = s.fma(b0, c40);
            c41 = s.fma(b1, c41);
            d40 = s.fma(z0, d40);
            d41 = s.fma(z1, d41);
            s = DoubleVector.broadcast(SPECIES, a[pa + 5]);
            c50 = s.fma(b0, c50);
            c51 = s.fma(b1, c51);
            d50 = s.fma(z0, d50);
            d51 = s.fma(z1, d51);
        }
        c00.intoArray(re, accOff);
        d00.intoArray(im, accOff);
        c01.intoArray(re, accOff + LANES);
        d01.intoArray(im, accOff + LANES);
        c10.intoArray(re, accOff + NR);
        d10.intoArray(im, accOff + NR);
        c11.intoArray(re, accOff + NR + LANES);
        d11.intoArray(im, accOff + NR + LANES);
        c20.intoArray(re, accOff + 2 * NR);
        d20.intoArray(im, accOff + 2 * NR);
        c21.intoArray(re, accOff + 2 * NR + LANES);
        d21.intoArray(im, accOff + 2 * NR + LANES);
        c30.intoArray(re, accOff + 3 * NR);
        d30.intoArray(im, accOff + 3 * NR);
        c31.intoArray(re, accOff + 3 * NR + LANES);
        d31.intoArray(im, accOff + 3 * NR + LANES);
        c40.intoArray(re, accOff + 4 * NR);
        d40.intoArray(im, accOff + 4 * NR);
        c41.intoArray(re, accOff + 4 * NR + LANES);
        d41.intoArray(im, accOff + 4 * NR + LANES);
        c50.intoArray(re, accOff + 5 * NR);
        d50.intoArray(im, accOff + 5 * NR);
        c51.intoArray(re, accOff + 5 * NR + LANES);
        d51.intoArray(im, accOff + 5 * NR + LANES);
    }

    private static double[] ensure(double[] a, int len) {
        return a.length >= len ? a : new double[len];
    }
}
