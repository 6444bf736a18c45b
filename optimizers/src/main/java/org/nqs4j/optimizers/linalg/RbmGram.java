package org.nqs4j.optimizers.linalg;

import org.nqs4j.optimizers.RbmFactors;

/**
 * The centred minSR Gram matrix ΔO ΔO† of RBM rows O_s = (σ_s, t_s, t_s ⊗ σ_s) from their factors
 * alone. The uncentred Gram is exactly
 * <pre>
 *   G_st = Σ_k O_sk conj(O_tk) = a_st + b_st + a_st b_st,   a_st = σ_s·σ_t,   b_st = t_s·conj(t_t)
 * </pre>
 * (the W block contributes Σ_ji t_sj σ_si conj(t_tj) σ_ti = a_st b_st), and ΔO = C O with the
 * centring projector C = I − 11ᵀ/N_s, so ΔO ΔO† = C G C:
 * <pre>
 *   (C G C)_st = G_st − r_s − conj(r_t) + ḡ,   r_s = (1/N_s) Σ_t G_st,   ḡ = (1/N_s) Σ_s r_s (real).
 * </pre>
 * Cost: two {@link GramKernel} products of widths N and M plus O(N_s²), instead of the
 * O(N_s² N M) of the rows themselves (Chen &amp; Heyl's minSR matrix at the cost of the RBM's
 * factors).
 *
 * <p>Rounding: the centring subtracts numbers of size |G| ≤ N(1 + M max|t|²), so an entry differs
 * from the directly summed ΔO ΔO† by O(u (N + M) |G|) absolutely, not relatively to the (possibly
 * smaller) centred entry. In minSR the matrix is N_s I + ΔO ΔO†/d with eigenvalues ≥ N_s, so this
 * moves the solution by a relative O(u (N + M) |G| / (d N_s)) — rounding level for any sane shift.
 *
 * <p>Rows are split into fixed tasks, each summed in order, so the result is bit-identical for any
 * {@link TaskRunner}. Instances keep workspaces and are not thread-safe.
 */
public final class RbmGram {
    /** Rows of the O(N_s²) passes per task. */
    static final int ROW_BLOCK = 32;
    private final GramKernel gram = new GramKernel();
    private double[] spinGram = new double[0];
    private double[] rowMean = new double[0];

    /**
     * c = scale · ΔO ΔO†, i.e. c_st = scale Σ_k ΔO_sk conj(ΔO_tk): real row-major N_s × N_s, or
     * complex interleaved (EJML {@code ZMatrixRMaj} layout) when the factors are complex; exactly
     * symmetric (Hermitian).
     */
    public void centred(RbmFactors f, double scale, double[] c, TaskRunner tasks) {
        int n = f.nSamples();
        int nVisible = f.layout().nVisible();
        int nHidden = f.layout().nHidden();
        boolean complex = f.isComplex();
        if (spinGram.length < n * n) {
            spinGram = new double[n * n];
        }
        if (rowMean.length < 2 * n) {
            rowMean = new double[2 * n];
        }
        gram.symmetric(f.spins(), n, nVisible, null, 1.0, spinGram, tasks);
        if (complex) {
            // the kernel gives conj(b_st)
            gram.hermitian(f.tanh(), n, nHidden, null, 1.0, c, tasks);
        } else {
            gram.symmetric(f.tanh(), n, nHidden, null, 1.0, c, tasks);
        }
        int blocks = (n + ROW_BLOCK - 1) / ROW_BLOCK;
        tasks.forEach(blocks, b -> uncentredRows(c, n, complex, b * ROW_BLOCK, Math.min(n, (b + 1) * ROW_BLOCK)));
        double grand = 0;
        for (int s = 0; s < n; s++) {
            grand += rowMean[2 * s];
        }
        double mean = grand / n;
        tasks.forEach(blocks, b -> centredRows(c, n, complex, mean, scale, b * ROW_BLOCK,
                Math.min(n, (b + 1) * ROW_BLOCK)));
    }

    /** G_st = a + (1 + a) b on rows [from, to), and their means r_s. */
    private void uncentredRows(double[] c, int n, boolean complex, int from, int to) {
        for (int s = from; s < to; s++) {
            double re = 0;
            double im = 0;
            for (int t = 0; t < n; t++) {
                double a = spinGram[s * n + t];
                if (complex) {
                    int at = 2 * (s * n + t);
                    double gRe = a + (1 + a) * c[at];
                    double gIm = -(1 + a) * c[at + 1];
                    c[at] = gRe;
                    c[at + 1] = gIm;
                    re += gRe;
                    im += gIm;
                } else {
                    double g = a + (1 + a) * c[s * n + t];
                    c[s * n + t] = g;
                    re += g;
                }
            }
            rowMean[2 * s] = re / n;
            rowMean[2 * s + 1] = im / n;
        }
    }

    /** scale (G_st − r_s − conj(r_t) + ḡ) on the upper triangle of rows [from, to), mirrored below. */
    private void centredRows(double[] c, int n, boolean complex, double mean, double scale, int from, int to) {
        for (int s = from; s < to; s++) {
            double rRe = rowMean[2 * s];
            double rIm = rowMean[2 * s + 1];
            for (int t = s; t < n; t++) {
                if (complex) {
                    int at = 2 * (s * n + t);
                    double re = scale * (c[at] - rRe - rowMean[2 * t] + mean);
                    double im = t == s ? 0.0 : scale * (c[at + 1] - rIm + rowMean[2 * t + 1]);
                    c[at] = re;
                    c[at + 1] = im;
                    if (t > s) {
                        int mirror = 2 * (t * n + s);
                        c[mirror] = re;
                        c[mirror + 1] = -im;
                    }
                } else {
                    double v = scale * (c[s * n + t] - rRe - rowMean[2 * t] + mean);
                    c[s * n + t] = v;
                    c[t * n + s] = v;
                }
            }
        }
    }
}
