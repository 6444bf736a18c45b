package org.nqs4j.optimizers.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.nqs4j.optimizers.OuterProductFactors;

/**
 * The column means, A v and A† w of the RBM sample matrix A = ΔO from the row factors σ_s, t_s
 * alone ({@link OuterProductFactors}), never reading an N_s × P array. With O_s = (σ_s, t_s, t_s ⊗ σ_s)
 * (∂/∂W_ji = t_sj σ_si) and Ō the column means:
 * <pre>
 *   (O v)_s   = Σ_i σ_si v^a_i + Σ_j t_sj (v^b_j + Σ_i V_ji σ_si),          (A v)_s = (O v)_s − Ō·v,
 *   (O† w)_W  = Σ_s conj(t_sj) σ_si w_s,  (O† w)_b = Σ_s conj(t_sj) w_s,     A† w = O† w − conj(Ō) Σ_s w_s,
 *   Ō_W(j,i)  = (1/N_s) Σ_s t_sj σ_si.
 * </pre>
 * Each W entry is an N_s-long dot product of contiguous factor rows (SIMD over samples, 4 spins per
 * pass), each (O v)_s a lane of a sample vector (SIMD over samples, 2 vectors per pass): N_s N M
 * complex multiply-adds from O(N_s (N + M)) numbers, so the products run from cache at the FMA
 * rate where the stored rows were read from memory at its bandwidth. The factors' zero padding of
 * the sample dimension ({@link OuterProductFactors#stride}) lets every loop run over whole vectors.
 *
 * <p>Tasks are fixed (one hidden unit j, or one block of samples, each) and every sum runs in a
 * fixed order, so the results are bit-identical for any {@link TaskRunner}. A real RBM runs the
 * same kernels with Im t = 0 and writes only real parts. Nothing allocates.
 */
public final class OuterProductRowProducts {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Samples per task of {@link #multiply}: a multiple of 2·LANES that divides the factors' padding. */
    static final int SAMPLE_BLOCK = 16;

    private OuterProductRowProducts() {
    }

    /**
     * Ō in the row layout (length (1 or 2)·P): Ō_a = ⟨σ⟩, Ō_b = ⟨t⟩, Ō_W(j,i) = ⟨t_j σ_i⟩, in
     * parameter slices as {@link #multiplyAdjoint}: rank r the b and W means of the hidden units of
     * its contiguous range, every rank the a means, then one all-gather of (1 + N)·M numbers.
     */
    public static void columnMeans(OuterProductFactors f, double[] mean, RankExchange ranks, TaskRunner tasks) {
        int nv = f.layout().nVisible();
        int nh = f.layout().nHidden();
        int ld = f.stride();
        int c = f.isComplex() ? 2 : 1;
        double inv = 1.0 / f.nSamples();
        int j0 = ranks.first(nh, ranks.rank());
        int j1 = ranks.first(nh, ranks.rank() + 1);
        tasks.forEach(j1 - j0 + 1, t -> {
            int j = t == j1 - j0 ? nh : j0 + t;
            if (j == nh) {
                for (int i = 0; i < nv; i++) {
                    mean[c * i] = inv * sum(f.spins(), i * ld, ld);
                    if (c == 2) {
                        mean[2 * i + 1] = 0.0;
                    }
                }
                return;
            }
            mean[c * (nv + j)] = inv * sum(f.tanhRe(), j * ld, ld);
            if (c == 2) {
                mean[2 * (nv + j) + 1] = inv * sum(f.tanhIm(), j * ld, ld);
            }
            crossRow(f.tanhRe(), f.tanhIm(), j * ld, f.spins(), ld, nv, inv, mean, c * (nv + nh + j * nv), c);
        });
        allgatherHiddenUnits(f, mean, ranks);
    }

    /**
     * out = A v, A = O − 1 Ōᵀ with Ō = {@code mean}: {@code v} in the row layout, {@code out} N_s
     * (real) or 2N_s (complex, interleaved) doubles. In sample slices: rank r computes the
     * contiguous range of sample blocks {@link RankExchange#first} gives it and the ranks
     * all-gather them (N_s numbers).
     */
    public static void multiply(OuterProductFactors f, double[] mean, double[] v, double[] out, RankExchange ranks,
                                TaskRunner tasks) {
        boolean complex = f.isComplex();
        int c = complex ? 2 : 1;
        int p = f.layout().nParameters();
        double meanRe;
        double meanIm = 0;
        if (complex) {
            double[] dot = f.sampleScratchRe(); // free until multiplyUncentred
            DenseKernels.complexDot(mean, 0, v, 0, p, dot, 0);
            meanRe = dot[0];
            meanIm = dot[1];
        } else {
            meanRe = DenseKernels.dot(mean, 0, v, 0, p);
        }
        multiplyUncentred(f, v, out, ranks, tasks);
        for (int s = 0; s < f.nSamples(); s++) {
            out[c * s] -= meanRe;
            if (complex) {
                out[2 * s + 1] -= meanIm;
            }
        }
    }

    /**
     * out = O v of the uncentred rows, in the layouts of {@link #multiply}, in the sample slices of
     * {@link #multiply}.
     */
    public static void multiplyUncentred(OuterProductFactors f, double[] v, double[] out, RankExchange ranks,
                                          TaskRunner tasks) {
        int n = f.nSamples();
        int ld = f.stride();
        boolean complex = f.isComplex();
        double[] re = f.sampleScratchRe();
        double[] im = f.sampleScratchIm();
        int blocks = ld / SAMPLE_BLOCK;
        int b0 = ranks.first(blocks, ranks.rank());
        tasks.forEach(ranks.first(blocks, ranks.rank() + 1) - b0, t -> {
            int b = b0 + t;
            for (int s = b * SAMPLE_BLOCK; s < (b + 1) * SAMPLE_BLOCK; s += 2 * LANES) {
                samplePair(f, v, complex ? 2 : 1, s, re, im);
            }
            for (int s = b * SAMPLE_BLOCK; s < Math.min(n, (b + 1) * SAMPLE_BLOCK); s++) {
                if (complex) {
                    out[2 * s] = re[s];
                    out[2 * s + 1] = im[s];
                } else {
                    out[s] = re[s];
                }
            }
        });
        int c = complex ? 2 : 1;
        ranks.allgatherRanges(out, 0, blocks, c * SAMPLE_BLOCK, c * n);
    }

    /**
     * (O v)_s for the 2·LANES samples from s, lane by lane, into split {@code re}, {@code im}:
     * Σ_i σ_si v^a_i, then for each j the complex t_sj times (v^b_j + Σ_i V_ji σ_si).
     */
    private static void samplePair(OuterProductFactors f, double[] v, int c, int s, double[] re, double[] im) {
        int nv = f.layout().nVisible();
        int nh = f.layout().nHidden();
        int ld = f.stride();
        double[] spins = f.spins();
        double[] tr = f.tanhRe();
        double[] ti = f.tanhIm();
        boolean complex = c == 2;
        int s1 = s + LANES;
        DoubleVector out0r = DoubleVector.zero(SPECIES);
        DoubleVector out0i = out0r;
        DoubleVector out1r = out0r;
        DoubleVector out1i = out0r;
        for (int i = 0; i < nv; i++) {
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, spins, i * ld + s);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, spins, i * ld + s1);
            DoubleVector ar = DoubleVector.broadcast(SPECIES, v[c * i]);
            DoubleVector ai = DoubleVector.broadcast(SPECIES, complex ? v[c * i + 1] : 0.0);
            out0r = x0.fma(ar, out0r);
            out1r = x1.fma(ar, out1r);
            out0i = x0.fma(ai, out0i);
            out1i = x1.fma(ai, out1i);
        }
        for (int j = 0; j < nh; j++) {
            double br = v[c * (nv + j)];
            double bi = complex ? v[c * (nv + j) + 1] : 0.0;
            DoubleVector acc0r = DoubleVector.broadcast(SPECIES, br);
            DoubleVector acc0i = DoubleVector.broadcast(SPECIES, bi);
            DoubleVector acc1r = acc0r;
            DoubleVector acc1i = acc0i;
            int w = c * (nv + nh + j * nv);
            for (int i = 0; i < nv; i++) {
                DoubleVector x0 = DoubleVector.fromArray(SPECIES, spins, i * ld + s);
                DoubleVector x1 = DoubleVector.fromArray(SPECIES, spins, i * ld + s1);
                DoubleVector vr = DoubleVector.broadcast(SPECIES, v[w + c * i]);
                DoubleVector vi = DoubleVector.broadcast(SPECIES, complex ? v[w + c * i + 1] : 0.0);
                acc0r = x0.fma(vr, acc0r);
                acc1r = x1.fma(vr, acc1r);
                acc0i = x0.fma(vi, acc0i);
                acc1i = x1.fma(vi, acc1i);
            }
            DoubleVector t0r = DoubleVector.fromArray(SPECIES, tr, j * ld + s);
            DoubleVector t0i = DoubleVector.fromArray(SPECIES, ti, j * ld + s);
            DoubleVector t1r = DoubleVector.fromArray(SPECIES, tr, j * ld + s1);
            DoubleVector t1i = DoubleVector.fromArray(SPECIES, ti, j * ld + s1);
            out0r = t0r.fma(acc0r, t0i.neg().fma(acc0i, out0r));
            out0i = t0r.fma(acc0i, t0i.fma(acc0r, out0i));
            out1r = t1r.fma(acc1r, t1i.neg().fma(acc1i, out1r));
            out1i = t1r.fma(acc1i, t1i.fma(acc1r, out1i));
        }
        out0r.intoArray(re, s);
        out1r.intoArray(re, s1);
        out0i.intoArray(im, s);
        out1i.intoArray(im, s1);
    }

    /**
     * out = scale A† w, A = O − 1 Ōᵀ with Ō = {@code mean}: {@code w} N_s (real) or 2N_s (complex,
     * interleaved) doubles, {@code out} in the row layout. In parameter slices: rank r computes the
     * b and W entries of the hidden units of its contiguous range ({@link RankExchange#first}),
     * every rank the a entries (N N_s work), and the ranks all-gather the slices (one all-gather
     * of (1 + N)·M numbers).
     */
    public static void multiplyAdjoint(OuterProductFactors f, double[] mean, double[] w, double scale, double[] out,
                                       RankExchange ranks, TaskRunner tasks) {
        int n = f.nSamples();
        int nv = f.layout().nVisible();
        int nh = f.layout().nHidden();
        int ld = f.stride();
        boolean complex = f.isComplex();
        int c = complex ? 2 : 1;
        double sumRe = 0;
        double sumIm = 0;
        for (int s = 0; s < n; s++) {
            sumRe += w[c * s];
            sumIm += complex ? w[2 * s + 1] : 0.0;
        }
        // the rank-one correction −scale conj(Ō_k) Σ_s w_s
        double corrRe = -scale * sumRe;
        double corrIm = -scale * sumIm;
        double[] spins = f.spins();
        double[] yRe = f.weightedTanhRe();
        double[] yIm = f.weightedTanhIm();
        int j0 = ranks.first(nh, ranks.rank());
        int j1 = ranks.first(nh, ranks.rank() + 1);
        tasks.forEach(j1 - j0 + 1, t -> {
            int j = t == j1 - j0 ? nh : j0 + t;
            if (j == nh) {
                for (int i = 0; i < nv; i++) {
                    double ar = 0;
                    double ai = 0;
                    for (int s = 0; s < n; s++) {
                        double x = spins[i * ld + s];
                        ar += x * w[c * s];
                        ai += complex ? x * w[2 * s + 1] : 0.0;
                    }
                    addCorrected(scale * ar, scale * ai, mean, c * i, corrRe, corrIm, out, c);
                }
                return;
            }
            // y_s = conj(t_sj) w_s, zero in the padding
            int o = j * ld;
            double br = 0;
            double bi = 0;
            for (int s = 0; s < ld; s++) {
                double r = 0;
                double q = 0;
                if (s < n) {
                    double tr = f.tanhRe()[o + s];
                    double ti = f.tanhIm()[o + s];
                    double wr = w[c * s];
                    double wi = complex ? w[2 * s + 1] : 0.0;
                    r = tr * wr + ti * wi;
                    q = tr * wi - ti * wr;
                }
                yRe[o + s] = r;
                yIm[o + s] = q;
                br += r;
                bi += q;
            }
            addCorrected(scale * br, scale * bi, mean, c * (nv + j), corrRe, corrIm, out, c);
            int base = c * (nv + nh + j * nv);
            crossRow(yRe, yIm, o, spins, ld, nv, scale, out, base, c);
            for (int i = 0; i < nv; i++) {
                int k = base + c * i;
                addCorrected(out[k], c == 2 ? out[k + 1] : 0.0, mean, k, corrRe, corrIm, out, c);
            }
        });
        allgatherHiddenUnits(f, out, ranks);
    }

    /**
     * All-gathers the b and W entries of the hidden units (in the row layout {@code out}), each rank
     * having filled those of its contiguous range ({@link RankExchange#first}), in one all-gather:
     * unit by unit, b_j then W_j·, through {@link OuterProductFactors#hiddenUnitScratch}.
     */
    private static void allgatherHiddenUnits(OuterProductFactors f, double[] out, RankExchange ranks) {
        if (ranks.size() == 1) {
            return;
        }
        int nv = f.layout().nVisible();
        int nh = f.layout().nHidden();
        int c = f.isComplex() ? 2 : 1;
        int width = c * (1 + nv);
        double[] units = f.hiddenUnitScratch();
        int j0 = ranks.first(nh, ranks.rank());
        int j1 = ranks.first(nh, ranks.rank() + 1);
        for (int j = j0; j < j1; j++) {
            System.arraycopy(out, c * (nv + j), units, j * width, c);
            System.arraycopy(out, c * (nv + nh + j * nv), units, j * width + c, c * nv);
        }
        ranks.allgatherRanges(units, 0, nh, width);
        for (int j = 0; j < nh; j++) {
            if (j < j0 || j >= j1) {
                System.arraycopy(units, j * width, out, c * (nv + j), c);
                System.arraycopy(units, j * width + c, out, c * (nv + nh + j * nv), c * nv);
            }
        }
    }

    /** out[k] = (re, im) + conj(mean_k)·(corrRe, corrIm), the real part only when c = 1. */
    private static void addCorrected(double re, double im, double[] mean, int k, double corrRe, double corrIm,
                                     double[] out, int c) {
        double mr = mean[k];
        if (c == 1) {
            out[k] = re + mr * corrRe;
            return;
        }
        double mi = mean[k + 1];
        out[k] = re + (mr * corrRe + mi * corrIm);
        out[k + 1] = im + (mr * corrIm - mi * corrRe);
    }

    /**
     * out at {@code base + c·i}, i &lt; N: scale Σ_s y_s σ_si over whole vectors of the padded sample
     * rows (y at {@code yOff}, σ_i at {@code i·ld}); the real part only when c = 1.
     */
    private static void crossRow(double[] yRe, double[] yIm, int yOff, double[] spins, int ld, int nv, double scale,
                                 double[] out, int base, int c) {
        int i = 0;
        for (; i + 4 <= nv; i += 4) {
            DoubleVector r0 = DoubleVector.zero(SPECIES);
            DoubleVector r1 = r0;
            DoubleVector r2 = r0;
            DoubleVector r3 = r0;
            DoubleVector q0 = r0;
            DoubleVector q1 = r0;
            DoubleVector q2 = r0;
            DoubleVector q3 = r0;
            for (int s = 0; s < ld; s += LANES) {
                DoubleVector yr = DoubleVector.fromArray(SPECIES, yRe, yOff + s);
                DoubleVector yi = DoubleVector.fromArray(SPECIES, yIm, yOff + s);
                DoubleVector x0 = DoubleVector.fromArray(SPECIES, spins, i * ld + s);
                DoubleVector x1 = DoubleVector.fromArray(SPECIES, spins, (i + 1) * ld + s);
                DoubleVector x2 = DoubleVector.fromArray(SPECIES, spins, (i + 2) * ld + s);
                DoubleVector x3 = DoubleVector.fromArray(SPECIES, spins, (i + 3) * ld + s);
                r0 = x0.fma(yr, r0);
                r1 = x1.fma(yr, r1);
                r2 = x2.fma(yr, r2);
                r3 = x3.fma(yr, r3);
                q0 = x0.fma(yi, q0);
                q1 = x1.fma(yi, q1);
                q2 = x2.fma(yi, q2);
                q3 = x3.fma(yi, q3);
            }
            store(r0, q0, scale, out, base + c * i, c);
            store(r1, q1, scale, out, base + c * (i + 1), c);
            store(r2, q2, scale, out, base + c * (i + 2), c);
            store(r3, q3, scale, out, base + c * (i + 3), c);
        }
        for (; i < nv; i++) {
            DoubleVector r = DoubleVector.zero(SPECIES);
            DoubleVector q = r;
            for (int s = 0; s < ld; s += LANES) {
                DoubleVector x = DoubleVector.fromArray(SPECIES, spins, i * ld + s);
                r = x.fma(DoubleVector.fromArray(SPECIES, yRe, yOff + s), r);
                q = x.fma(DoubleVector.fromArray(SPECIES, yIm, yOff + s), q);
            }
            store(r, q, scale, out, base + c * i, c);
        }
    }

    private static void store(DoubleVector re, DoubleVector im, double scale, double[] out, int k, int c) {
        out[k] = scale * DenseKernels.sumLanes(re);
        if (c == 2) {
            out[k + 1] = scale * DenseKernels.sumLanes(im);
        }
    }

    private static double sum(double[] x, int from, int length) {
        double total = 0;
        for (int s = from; s < from + length; s++) {
            total += x[s];
        }
        return total;
    }
}
