package org.nqs4j.optimizers.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Allocation-free vector kernels on raw {@code double[]} slices, SIMD through the Vector API.
 *
 * <p>Complex vectors are interleaved (re, im). The vector length of the preferred species is
 * even, so a SIMD register always holds whole complex numbers and the tails are whole pairs.
 */
public final class DenseKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Lane permutation (re, im) → (im, re) within every complex pair. */
    private static final VectorShuffle<Double> SWAP_PAIRS = VectorShuffle.fromOp(SPECIES, i -> i ^ 1);
    /** (+1, −1, +1, −1, …). */
    private static final DoubleVector ALTERNATING = DoubleVector.fromArray(SPECIES, alternatingSigns(), 0);

    private DenseKernels() {
    }

    private static double[] alternatingSigns() {
        double[] s = new double[SPECIES.length()];
        for (int i = 0; i < s.length; i++) {
            s[i] = (i & 1) == 0 ? 1.0 : -1.0;
        }
        return s;
    }

    /** Σ_j x[xOff + j] · y[yOff + j] for j &lt; len. */
    public static double dot(double[] x, int xOff, double[] y, int yOff, int len) {
        int bound = SPECIES.loopBound(len);
        DoubleVector acc0 = DoubleVector.zero(SPECIES);
        DoubleVector acc1 = DoubleVector.zero(SPECIES);
        int step = SPECIES.length();
        int j = 0;
        // two accumulators hide the FMA latency
        for (; j + step < bound; j += 2 * step) {
            acc0 = DoubleVector.fromArray(SPECIES, x, xOff + j)
                    .fma(DoubleVector.fromArray(SPECIES, y, yOff + j), acc0);
            acc1 = DoubleVector.fromArray(SPECIES, x, xOff + j + step)
                    .fma(DoubleVector.fromArray(SPECIES, y, yOff + j + step), acc1);
        }
        for (; j < bound; j += step) {
            acc0 = DoubleVector.fromArray(SPECIES, x, xOff + j)
                    .fma(DoubleVector.fromArray(SPECIES, y, yOff + j), acc0);
        }
        double sum = sumLanes(acc0.add(acc1));
        for (; j < len; j++) {
            sum += x[xOff + j] * y[yOff + j];
        }
        return sum;
    }

    /** y[yOff + j] += α · x[xOff + j] for j &lt; len. */
    public static void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int len) {
        int bound = SPECIES.loopBound(len);
        DoubleVector a = DoubleVector.broadcast(SPECIES, alpha);
        int j = 0;
        for (; j < bound; j += SPECIES.length()) {
            DoubleVector.fromArray(SPECIES, x, xOff + j)
                    .fma(a, DoubleVector.fromArray(SPECIES, y, yOff + j))
                    .intoArray(y, yOff + j);
        }
        for (; j < len; j++) {
            y[yOff + j] += alpha * x[xOff + j];
        }
    }

    /**
     * The bilinear (unconjugated) product Σ_k a_k v_k of n complex numbers, written as (re, im)
     * to {@code out[outOff]}, {@code out[outOff + 1]}.
     *
     * <p>Lane-wise, a ⊙ v holds (a_re v_re, a_im v_im) per pair, whose alternating sum is the real
     * part, and a ⊙ swap(v) holds (a_re v_im, a_im v_re), whose sum is the imaginary part.
     */
    public static void complexDot(double[] a, int aOff, double[] v, int vOff, int n, double[] out, int outOff) {
        int len = 2 * n;
        int bound = SPECIES.loopBound(len);
        DoubleVector accRe = DoubleVector.zero(SPECIES);
        DoubleVector accIm = DoubleVector.zero(SPECIES);
        int j = 0;
        for (; j < bound; j += SPECIES.length()) {
            DoubleVector av = DoubleVector.fromArray(SPECIES, a, aOff + j);
            DoubleVector vv = DoubleVector.fromArray(SPECIES, v, vOff + j);
            accRe = av.fma(vv, accRe);
            accIm = av.fma(vv.rearrange(SWAP_PAIRS), accIm);
        }
        double re = sumLanes(accRe.mul(ALTERNATING));
        double im = sumLanes(accIm);
        for (; j < len; j += 2) {
            double ar = a[aOff + j];
            double ai = a[aOff + j + 1];
            double vr = v[vOff + j];
            double vi = v[vOff + j + 1];
            re += ar * vr - ai * vi;
            im += ar * vi + ai * vr;
        }
        out[outOff] = re;
        out[outOff + 1] = im;
    }

    /**
     * y_k += conj(a_k) · w for n complex numbers, w = (wRe, wIm).
     *
     * <p>Per pair: y_re += a_re w_re + a_im w_im and y_im += a_re w_im − a_im w_re, i.e.
     * y += a ⊙ (w_re, −w_re) + swap(a) ⊙ (w_im, w_im).
     */
    public static void complexAxpyConjugate(double wRe, double wIm, double[] a, int aOff, double[] y, int yOff,
            int n) {
        int len = 2 * n;
        int bound = SPECIES.loopBound(len);
        DoubleVector c1 = ALTERNATING.mul(wRe);
        DoubleVector c2 = DoubleVector.broadcast(SPECIES, wIm);
        int j = 0;
        for (; j < bound; j += SPECIES.length()) {
            DoubleVector av = DoubleVector.fromArray(SPECIES, a, aOff + j);
            DoubleVector yv = DoubleVector.fromArray(SPECIES, y, yOff + j);
            av.fma(c1, av.rearrange(SWAP_PAIRS).fma(c2, yv)).intoArray(y, yOff + j);
        }
        for (; j < len; j += 2) {
            double ar = a[aOff + j];
            double ai = a[aOff + j + 1];
            y[yOff + j] += ar * wRe + ai * wIm;
            y[yOff + j + 1] += ar * wIm - ai * wRe;
        }
    }

    /** dst = −i · src for n interleaved complex numbers: (re, im) → (im, −re). */
    public static void timesMinusI(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        for (int k = 0; k < n; k++) {
            double re = src[srcOff + 2 * k];
            dst[dstOff + 2 * k] = src[srcOff + 2 * k + 1];
            dst[dstOff + 2 * k + 1] = -re;
        }
    }

    /**
     * Σ of the lanes in lane order. {@code reduceLanes(ADD)} leaves the order unspecified, so its
     * rounding may differ between interpreted and compiled code; runs must be bit-reproducible.
     */
    public static double sumLanes(DoubleVector v) {
        double s = 0;
        for (int i = 0; i < v.length(); i++) {
            s += v.lane(i);
        }
        return s;
    }

    /** True when every entry of {@code x[0..len)} is finite. */
    public static boolean allFinite(double[] x, int len) {
        for (int j = 0; j < len; j++) {
            if (!Double.isFinite(x[j])) {
                return false;
            }
        }
        return true;
    }
}
