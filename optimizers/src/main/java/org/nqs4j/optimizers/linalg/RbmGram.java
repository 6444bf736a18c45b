package org.nqs4j.optimizers.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
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
 *   (C G C)_st = G_st − (r_s + conj(r_t)) + ḡ,   r_s = (1/N_s) Σ_t G_st,   ḡ = (1/N_s) Σ_s Re r_s.
 * </pre>
 * Cost 2 N_s² (N + 4M) flops plus O(N_s²) passes, instead of the O(N_s² N M) of the rows
 * themselves. A real RBM runs the same kernel with Im t = 0.
 *
 * <p>Kernel: 4 rows s × one SIMD vector of samples t per tile, a, Re b, Im b in 12 accumulators,
 * each broadcast of σ_si or t_sj feeding FMAs over contiguous feature-major factors
 * ({@link RbmFactors}); G is written row by row in split (re, im) storage, the form
 * {@link HermitianBlockedCholesky} factors. Each lane is one entry, summed over i and j in order:
 * no horizontal sums, and rows split into fixed tasks, so the result is bit-identical for any
 * {@link TaskRunner}. Both triangles are written; they agree to rounding (the Cholesky reads the
 * lower one).
 *
 * <p>Rounding: the centring subtracts numbers of size |G| ≤ N(1 + M max|t|²), so an entry differs
 * from the directly summed ΔO ΔO† by O(u (N + M + N_s) |G|) absolutely, not relatively to the
 * (possibly smaller) centred entry. In minSR the matrix is N_s I + ΔO ΔO†/d with eigenvalues
 * ≥ N_s, so this moves the solution by a relative O(u (N + M + N_s) |G| / (d N_s)): rounding level
 * for any sane shift.
 */
public final class RbmGram {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Rows per task (a multiple of the 4-row tile). */
    static final int ROW_BLOCK = 16;
    private double[] rowMean = new double[0];
    private double[] scratch = new double[0];

    /**
     * (re + i·im) = scale · ΔO ΔO†, i.e. scale Σ_k ΔO_sk conj(ΔO_tk), N_s × N_s row-major split
     * storage; {@code im} may be null for a real RBM (the imaginary part is zero).
     */
    public void centred(RbmFactors f, double scale, double[] re, double[] im, TaskRunner tasks) {
        int n = f.nSamples();
        if (rowMean.length < 2 * n) {
            rowMean = new double[2 * n];
        }
        double[] imaginary = im;
        if (imaginary == null) {
            if (scratch.length < n * n) {
                scratch = new double[n * n];
            }
            imaginary = scratch;
        }
        double[] out = imaginary;
        int blocks = (n + ROW_BLOCK - 1) / ROW_BLOCK;
        tasks.forEach(blocks, b -> {
            int end = Math.min(n, (b + 1) * ROW_BLOCK);
            for (int s = b * ROW_BLOCK; s < end; s += 4) {
                for (int t = 0; t < n; t += LANES) {
                    tile(f, s, t, re, out);
                }
            }
            for (int s = b * ROW_BLOCK; s < end; s++) {
                double sumRe = 0;
                double sumIm = 0;
                for (int t = 0; t < n; t++) {
                    sumRe += re[s * n + t];
                    sumIm += out[s * n + t];
                }
                rowMean[2 * s] = sumRe / n;
                rowMean[2 * s + 1] = sumIm / n;
            }
        });
        double grand = 0;
        for (int s = 0; s < n; s++) {
            grand += rowMean[2 * s];
        }
        double mean = grand / n;
        tasks.forEach(blocks, b -> {
            int end = Math.min(n, (b + 1) * ROW_BLOCK);
            for (int s = b * ROW_BLOCK; s < end; s++) {
                double rRe = rowMean[2 * s];
                double rIm = rowMean[2 * s + 1];
                for (int t = 0; t < n; t++) {
                    re[s * n + t] = scale * (re[s * n + t] - (rRe + rowMean[2 * t]) + mean);
                    out[s * n + t] = scale * (out[s * n + t] - (rIm - rowMean[2 * t + 1]));
                }
                out[s * n + s] = 0.0; // exactly: the Gram diagonal is real

            }
        });
    }

    /**
     * G for rows s..s+3 (those &lt; N_s written) and samples t..t+LANES−1 (masked to &lt; N_s); rows
     * beyond N_s read the factors' zero padding.
     */
    private static void tile(RbmFactors f, int s, int t, double[] re, double[] im) {
        int n = f.nSamples();
        int ld = f.stride();
        double[] spins = f.spins();
        double[] tr = f.tanhRe();
        double[] ti = f.tanhIm();
        DoubleVector a0 = DoubleVector.zero(SPECIES);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        for (int i = 0; i < f.layout().nVisible(); i++) {
            int o = i * ld;
            DoubleVector v = DoubleVector.fromArray(SPECIES, spins, o + t);
            a0 = v.fma(DoubleVector.broadcast(SPECIES, spins[o + s]), a0);
            a1 = v.fma(DoubleVector.broadcast(SPECIES, spins[o + s + 1]), a1);
            a2 = v.fma(DoubleVector.broadcast(SPECIES, spins[o + s + 2]), a2);
            a3 = v.fma(DoubleVector.broadcast(SPECIES, spins[o + s + 3]), a3);
        }
        DoubleVector p0 = DoubleVector.zero(SPECIES);
        DoubleVector p1 = p0;
        DoubleVector p2 = p0;
        DoubleVector p3 = p0;
        DoubleVector q0 = p0;
        DoubleVector q1 = p0;
        DoubleVector q2 = p0;
        DoubleVector q3 = p0;
        for (int j = 0; j < f.layout().nHidden(); j++) {
            int o = j * ld;
            DoubleVector vr = DoubleVector.fromArray(SPECIES, tr, o + t);
            DoubleVector vi = DoubleVector.fromArray(SPECIES, ti, o + t);
            // t_s conj(t_t): Re = tr_s vr + ti_s vi, Im = ti_s vr − tr_s vi
            DoubleVector x = DoubleVector.broadcast(SPECIES, tr[o + s]);
            DoubleVector y = DoubleVector.broadcast(SPECIES, ti[o + s]);
            p0 = vi.fma(y, vr.fma(x, p0));
            q0 = vi.fma(x.neg(), vr.fma(y, q0));
            x = DoubleVector.broadcast(SPECIES, tr[o + s + 1]);
            y = DoubleVector.broadcast(SPECIES, ti[o + s + 1]);
            p1 = vi.fma(y, vr.fma(x, p1));
            q1 = vi.fma(x.neg(), vr.fma(y, q1));
            x = DoubleVector.broadcast(SPECIES, tr[o + s + 2]);
            y = DoubleVector.broadcast(SPECIES, ti[o + s + 2]);
            p2 = vi.fma(y, vr.fma(x, p2));
            q2 = vi.fma(x.neg(), vr.fma(y, q2));
            x = DoubleVector.broadcast(SPECIES, tr[o + s + 3]);
            y = DoubleVector.broadcast(SPECIES, ti[o + s + 3]);
            p3 = vi.fma(y, vr.fma(x, p3));
            q3 = vi.fma(x.neg(), vr.fma(y, q3));
        }
        // G = a + (1 + a) b, written inline (a vector passed to a non-inlined helper is boxed)
        VectorMask<Double> m = SPECIES.indexInRange(t, n);
        DoubleVector w = a0.add(1.0);
        w.fma(p0, a0).intoArray(re, s * n + t, m);
        w.mul(q0).intoArray(im, s * n + t, m);
        if (s + 1 < n) {
            w = a1.add(1.0);
            w.fma(p1, a1).intoArray(re, (s + 1) * n + t, m);
            w.mul(q1).intoArray(im, (s + 1) * n + t, m);
        }
        if (s + 2 < n) {
            w = a2.add(1.0);
            w.fma(p2, a2).intoArray(re, (s + 2) * n + t, m);
            w.mul(q2).intoArray(im, (s + 2) * n + t, m);
        }
        if (s + 3 < n) {
            w = a3.add(1.0);
            w.fma(p3, a3).intoArray(re, (s + 3) * n + t, m);
            w.mul(q3).intoArray(im, (s + 3) * n + t, m);
        }
    }
}
