package org.nqs4j.optimizers.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.nqs4j.optimizers.OuterProductFactors;

/**
 * The centred minSR Gram matrix ΔO ΔO† of RBM rows O_s = (σ_s, t_s, t_s ⊗ σ_s) from their factors
 * alone. The uncentred Gram is exactly
 * <pre>
 *   G_st = Σ_k O_sk conj(O_tk) = a_st + b_st + a_st b_st,   a_st = σ_s·σ_t,   b_st = t_s·conj(t_t)
 * </pre>
 * (the W block contributes Σ_ji t_sj σ_si conj(t_tj) σ_ti = a_st b_st), and ΔO = C O with the
 * centring projector C = I − 11ᵀ/N_s, so ΔO ΔO† = C G C:
 * <pre>
 *   (C G C)_st = G_st − (r_s + conj(r_t)) + ḡ,   r_s = (1/N_s) Σ_t G_st,   ḡ = (1/N_s) Σ_s Re r_s.
 * </pre>
 * The row means need no full rows: r_s = O_s·conj(Ō) exactly, an N_s N M product of the factors
 * ({@link OuterProductRowProducts#multiplyUncentred}), so only the lower triangle t ≤ s is formed, the one
 * the Cholesky reads. Cost N_s² (N + 4M) flops plus O(N_s²) passes, instead of the O(N_s² N M)
 * of the rows themselves. A real RBM runs the same kernel with Im t = 0.
 *
 * <p>Kernel: 4 rows s × two SIMD vectors of samples t per tile (a first, then Re b and Im b in 16
 * accumulators), each broadcast of σ_si or t_sj feeding FMAs over contiguous feature-major factors
 * ({@link OuterProductFactors}); G is written row by row in split (re, im) storage, the form
 * {@link HermitianBlockedCholesky} factors. Each lane is one entry, summed over i and j in order:
 * no horizontal sums, and rows split into fixed tasks, so the result is bit-identical for any
 * {@link TaskRunner}. Row blocks grow along the triangle, so the largest are handed out first.
 *
 * <p>Rounding: the centring subtracts numbers of size |G| ≤ N(1 + M max|t|²), so an entry differs
 * from the directly summed ΔO ΔO† by O(u (N + M + N_s) |G|) absolutely, not relatively to the
 * (possibly smaller) centred entry. In minSR the matrix is N_s I + ΔO ΔO†/d with eigenvalues
 * ≥ N_s, so this moves the solution by a relative O(u (N + M + N_s) |G| / (d N_s)): rounding level
 * for any sane shift.
 */
public final class OuterProductGram {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Rows per task (a multiple of the 4-row tile): the blocks of {@link RankExchange#ownsRowBlock}. */
    static final int ROW_BLOCK = RankExchange.ROWS;
    private double[] rowMean = new double[0];
    private double[] scratch = new double[0];
    private double[] conjugateMean = new double[0];

    /**
     * The lower triangle (t ≤ s) of (re + i·im) = scale · ΔO ΔO†, i.e. scale Σ_k ΔO_sk conj(ΔO_tk),
     * N_s × N_s row-major split storage; the upper triangle is left as it was. {@code mean} is Ō,
     * the column means of the uncentred rows ({@link org.nqs4j.optimizers.LogDerivativeSamples#means});
     * {@code im} may be null for a real RBM (the imaginary part is zero).
     */
    public void centred(OuterProductFactors f, double[] mean, double scale, double[] re, double[] im, TaskRunner tasks) {
        centred(f, mean, scale, re, im, RankExchange.SINGLE, tasks);
    }

    /**
     * {@link #centred(OuterProductFactors, double[], double, double[], double[], TaskRunner)} for the rows
     * of this rank's row blocks only ({@link RankExchange#ownsRowBlock}); the other rows are left
     * as they were. Each entry is computed as on one process.
     */
    public void centred(OuterProductFactors f, double[] mean, double scale, double[] re, double[] im, RankExchange ranks,
                        TaskRunner tasks) {
        int n = f.nSamples();
        int c = f.isComplex() ? 2 : 1;
        int row = c * f.layout().nParameters();
        if (rowMean.length < 2 * n) {
            rowMean = new double[2 * n];
        }
        if (conjugateMean.length < row) {
            conjugateMean = new double[row];
        }
        double[] imaginary = im;
        if (imaginary == null) {
            if (scratch.length < n * n) {
                scratch = new double[n * n];
            }
            imaginary = scratch;
        }
        double[] out = imaginary;
        // r_s = (1/N_s) Σ_t G_st = O_s·conj(Ō), from the factors
        for (int k = 0; k < row; k++) {
            conjugateMean[k] = c == 2 && k % 2 == 1 ? -mean[k] : mean[k];
        }
        OuterProductRowProducts.multiplyUncentred(f, conjugateMean, rowMean, ranks, tasks);
        double grand = 0;
        for (int s = 0; s < n; s++) {
            grand += rowMean[c * s];
        }
        double average = grand / n;
        int owned = ranks.ownedRowBlocks((n + ROW_BLOCK - 1) / ROW_BLOCK);
        // the largest blocks (the last rows) first, so the threads finish together
        tasks.forEach(owned, task -> {
            int b = ranks.ownedRowBlock(owned - 1 - task);
            int end = Math.min(n, (b + 1) * ROW_BLOCK);
            int full = n - n % (2 * LANES);
            for (int s = b * ROW_BLOCK; s < end; s += 4) {
                int last = Math.min(n, s + 4); // columns t < last cover the rows' lower triangle
                int t = 0;
                for (; t < full && t < last; t += 2 * LANES) {
                    tile(f, s, t, re, out);
                }
                if (t < last) {
                    tailTile(f, s, t, re, out);
                }
            }
            for (int s = b * ROW_BLOCK; s < end; s++) {
                double rRe = rowMean[c * s];
                double rIm = c == 2 ? rowMean[2 * s + 1] : 0.0;
                for (int t = 0; t < s; t++) {
                    double tRe = rowMean[c * t];
                    double tIm = c == 2 ? rowMean[2 * t + 1] : 0.0;
                    re[s * n + t] = scale * (re[s * n + t] - (rRe + tRe) + average);
                    out[s * n + t] = scale * (out[s * n + t] - (rIm - tIm));
                }
                re[s * n + s] = scale * (re[s * n + s] - 2 * rRe + average);
                out[s * n + s] = 0.0; // exactly: the Gram diagonal is real
            }
        });
    }

    /**
     * G for rows s..s+3 (those &lt; N_s written) and the last N_s mod 2·LANES samples t..N_s−1,
     * in scalar code: masked vector loads and stores are not intrinsified in every compiled
     * context, and a tile that falls back to the Vector API's Java implementation is ~50× slower.
     */
    private static void tailTile(OuterProductFactors f, int s, int t, double[] re, double[] im) {
        int n = f.nSamples();
        int ld = f.stride();
        double[] spins = f.spins();
        double[] tr = f.tanhRe();
        double[] ti = f.tanhIm();
        for (int r = s; r < Math.min(s + 4, n); r++) {
            for (int c = t; c < n; c++) {
                double a = 0;
                for (int i = 0; i < f.layout().nVisible(); i++) {
                    a = Math.fma(spins[i * ld + c], spins[i * ld + r], a);
                }
                double p = 0;
                double q = 0;
                for (int j = 0; j < f.layout().nHidden(); j++) {
                    int o = j * ld;
                    p = Math.fma(ti[o + c], ti[o + r], Math.fma(tr[o + c], tr[o + r], p));
                    q = Math.fma(-ti[o + c], tr[o + r], Math.fma(tr[o + c], ti[o + r], q));
                }
                re[r * n + c] = Math.fma(a + 1.0, p, a);
                im[r * n + c] = (a + 1.0) * q;
            }
        }
    }

    /**
     * G for rows s..s+3 (those &lt; N_s written) and samples t..t+2·LANES−1 (all &lt; N_s: no masks,
     * see {@link #tailTile}); rows beyond N_s read the factors' zero padding. First a
     * (8 accumulators) is stored into {@code re}, then Re b, Im b (16 accumulators) are summed and
     * combined with it, so no more than 16 accumulators are live.
     */
    private static void tile(OuterProductFactors f, int s, int t, double[] re, double[] im) {
        int n = f.nSamples();
        int ld = f.stride();
        double[] spins = f.spins();
        double[] tr = f.tanhRe();
        double[] ti = f.tanhIm();
        int t1 = t + LANES;
        DoubleVector a00 = DoubleVector.zero(SPECIES);
        DoubleVector a01 = a00;
        DoubleVector a10 = a00;
        DoubleVector a11 = a00;
        DoubleVector a20 = a00;
        DoubleVector a21 = a00;
        DoubleVector a30 = a00;
        DoubleVector a31 = a00;
        for (int i = 0; i < f.layout().nVisible(); i++) {
            int o = i * ld;
            DoubleVector v0 = DoubleVector.fromArray(SPECIES, spins, o + t);
            DoubleVector v1 = DoubleVector.fromArray(SPECIES, spins, o + t1);
            DoubleVector x = DoubleVector.broadcast(SPECIES, spins[o + s]);
            a00 = v0.fma(x, a00);
            a01 = v1.fma(x, a01);
            x = DoubleVector.broadcast(SPECIES, spins[o + s + 1]);
            a10 = v0.fma(x, a10);
            a11 = v1.fma(x, a11);
            x = DoubleVector.broadcast(SPECIES, spins[o + s + 2]);
            a20 = v0.fma(x, a20);
            a21 = v1.fma(x, a21);
            x = DoubleVector.broadcast(SPECIES, spins[o + s + 3]);
            a30 = v0.fma(x, a30);
            a31 = v1.fma(x, a31);
        }
        // stored inline (a vector passed to a non-inlined helper is boxed); rows ≥ N_s are dropped
        a00.intoArray(re, s * n + t);
        a01.intoArray(re, s * n + t1);
        if (s + 1 < n) {
            a10.intoArray(re, (s + 1) * n + t);
            a11.intoArray(re, (s + 1) * n + t1);
        }
        if (s + 2 < n) {
            a20.intoArray(re, (s + 2) * n + t);
            a21.intoArray(re, (s + 2) * n + t1);
        }
        if (s + 3 < n) {
            a30.intoArray(re, (s + 3) * n + t);
            a31.intoArray(re, (s + 3) * n + t1);
        }
        DoubleVector p00 = DoubleVector.zero(SPECIES);
        DoubleVector p01 = p00;
        DoubleVector p10 = p00;
        DoubleVector p11 = p00;
        DoubleVector p20 = p00;
        DoubleVector p21 = p00;
        DoubleVector p30 = p00;
        DoubleVector p31 = p00;
        DoubleVector q00 = p00;
        DoubleVector q01 = p00;
        DoubleVector q10 = p00;
        DoubleVector q11 = p00;
        DoubleVector q20 = p00;
        DoubleVector q21 = p00;
        DoubleVector q30 = p00;
        DoubleVector q31 = p00;
        for (int j = 0; j < f.layout().nHidden(); j++) {
            int o = j * ld;
            DoubleVector r0 = DoubleVector.fromArray(SPECIES, tr, o + t);
            DoubleVector r1 = DoubleVector.fromArray(SPECIES, tr, o + t1);
            DoubleVector i0 = DoubleVector.fromArray(SPECIES, ti, o + t);
            DoubleVector i1 = DoubleVector.fromArray(SPECIES, ti, o + t1);
            DoubleVector n0 = i0.neg();
            DoubleVector n1 = i1.neg();
            // t_s conj(t_t): Re = tr_s Re t_t + ti_s Im t_t, Im = ti_s Re t_t − tr_s Im t_t
            DoubleVector x = DoubleVector.broadcast(SPECIES, tr[o + s]);
            DoubleVector y = DoubleVector.broadcast(SPECIES, ti[o + s]);
            p00 = i0.fma(y, r0.fma(x, p00));
            p01 = i1.fma(y, r1.fma(x, p01));
            q00 = n0.fma(x, r0.fma(y, q00));
            q01 = n1.fma(x, r1.fma(y, q01));
            x = DoubleVector.broadcast(SPECIES, tr[o + s + 1]);
            y = DoubleVector.broadcast(SPECIES, ti[o + s + 1]);
            p10 = i0.fma(y, r0.fma(x, p10));
            p11 = i1.fma(y, r1.fma(x, p11));
            q10 = n0.fma(x, r0.fma(y, q10));
            q11 = n1.fma(x, r1.fma(y, q11));
            x = DoubleVector.broadcast(SPECIES, tr[o + s + 2]);
            y = DoubleVector.broadcast(SPECIES, ti[o + s + 2]);
            p20 = i0.fma(y, r0.fma(x, p20));
            p21 = i1.fma(y, r1.fma(x, p21));
            q20 = n0.fma(x, r0.fma(y, q20));
            q21 = n1.fma(x, r1.fma(y, q21));
            x = DoubleVector.broadcast(SPECIES, tr[o + s + 3]);
            y = DoubleVector.broadcast(SPECIES, ti[o + s + 3]);
            p30 = i0.fma(y, r0.fma(x, p30));
            p31 = i1.fma(y, r1.fma(x, p31));
            q30 = n0.fma(x, r0.fma(y, q30));
            q31 = n1.fma(x, r1.fma(y, q31));
        }
        // G = a + (1 + a) b
        int o = s * n;
        DoubleVector a = DoubleVector.fromArray(SPECIES, re, o + t);
        a.add(1.0).fma(p00, a).intoArray(re, o + t);
        a.add(1.0).mul(q00).intoArray(im, o + t);
        a = DoubleVector.fromArray(SPECIES, re, o + t1);
        a.add(1.0).fma(p01, a).intoArray(re, o + t1);
        a.add(1.0).mul(q01).intoArray(im, o + t1);
        if (s + 1 < n) {
            o += n;
            a = DoubleVector.fromArray(SPECIES, re, o + t);
            a.add(1.0).fma(p10, a).intoArray(re, o + t);
            a.add(1.0).mul(q10).intoArray(im, o + t);
            a = DoubleVector.fromArray(SPECIES, re, o + t1);
            a.add(1.0).fma(p11, a).intoArray(re, o + t1);
            a.add(1.0).mul(q11).intoArray(im, o + t1);
        }
        if (s + 2 < n) {
            o += n;
            a = DoubleVector.fromArray(SPECIES, re, o + t);
            a.add(1.0).fma(p20, a).intoArray(re, o + t);
            a.add(1.0).mul(q20).intoArray(im, o + t);
            a = DoubleVector.fromArray(SPECIES, re, o + t1);
            a.add(1.0).fma(p21, a).intoArray(re, o + t1);
            a.add(1.0).mul(q21).intoArray(im, o + t1);
        }
        if (s + 3 < n) {
            o += n;
            a = DoubleVector.fromArray(SPECIES, re, o + t);
            a.add(1.0).fma(p30, a).intoArray(re, o + t);
            a.add(1.0).mul(q30).intoArray(im, o + t);
            a = DoubleVector.fromArray(SPECIES, re, o + t1);
            a.add(1.0).fma(p31, a).intoArray(re, o + t1);
            a.add(1.0).mul(q31).intoArray(im, o + t1);
        }
    }
}
