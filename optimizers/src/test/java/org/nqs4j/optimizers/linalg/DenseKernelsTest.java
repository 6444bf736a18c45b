package org.nqs4j.optimizers.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * SIMD kernels against plain loops. Lengths 0..40 cover empty input, SIMD-only and tail-only
 * cases for any vector width up to 16 doubles. The kernels sum in a different order, so they may
 * differ by the summation bound len · u · Σ|x_j y_j| (Higham, Accuracy and Stability, §3.1).
 */
class DenseKernelsTest {
    private static final double U = 0x1p-53;
    private final Random random = new Random(11);

    @Test
    void dotMatchesLoopWithinSummationBound() {
        for (int len = 0; len <= 40; len++) {
            double[] x = gaussian(len + 3);
            double[] y = gaussian(len + 5);
            double expected = 0;
            double abs = 0;
            for (int j = 0; j < len; j++) {
                expected += x[3 + j] * y[5 + j];
                abs += Math.abs(x[3 + j] * y[5 + j]);
            }
            assertEquals(expected, DenseKernels.dot(x, 3, y, 5, len), 2 * len * U * abs, "len " + len);
        }
    }

    @Test
    void axpyRoundsOncePerElement() {
        for (int len = 0; len <= 40; len++) {
            double[] x = gaussian(len + 1);
            double[] y = gaussian(len + 2);
            double[] before = y.clone();
            DenseKernels.axpy(-0.75, x, 1, y, 2, len);
            for (int j = 0; j < y.length; j++) {
                boolean inside = j >= 2 && j < 2 + len;
                double fused = inside ? Math.fma(-0.75, x[j - 1], before[j]) : before[j];
                double separate = inside ? before[j] + -0.75 * x[j - 1] : before[j];
                // SIMD lanes use a fused multiply-add, the scalar tail may not
                assertTrue(y[j] == fused || y[j] == separate, "len " + len + " j " + j);
            }
        }
    }

    @Test
    void complexDotIsTheBilinearProduct() {
        // (1 + 2i)(3 − i) + (−2 + i)(i) = (3 − i + 6i + 2) + (−2i − 1) = 4 + 3i
        double[] a = {1, 2, -2, 1};
        double[] v = {3, -1, 0, 1};
        double[] out = new double[3];
        DenseKernels.complexDot(a, 0, v, 0, 2, out, 1);
        assertArrayEquals(new double[] {0, 4, 3}, out, 0.0);
        for (int n = 0; n <= 20; n++) {
            double[] x = gaussian(2 * n + 2);
            double[] y = gaussian(2 * n);
            double re = 0;
            double im = 0;
            double abs = 0;
            for (int k = 0; k < n; k++) {
                double ar = x[2 + 2 * k];
                double ai = x[3 + 2 * k];
                double vr = y[2 * k];
                double vi = y[2 * k + 1];
                re += ar * vr - ai * vi;
                im += ar * vi + ai * vr;
                abs += Math.hypot(ar, ai) * Math.hypot(vr, vi);
            }
            DenseKernels.complexDot(x, 2, y, 0, n, out, 0);
            assertEquals(re, out[0], 4 * (n + 1) * U * abs, "re, n " + n);
            assertEquals(im, out[1], 4 * (n + 1) * U * abs, "im, n " + n);
        }
    }

    @Test
    void complexAxpyConjugateAddsConjugateTimesScalar() {
        // y += conj(1 + 2i) (3 − i) = (1 − 2i)(3 − i) = 3 − i − 6i − 2 = 1 − 7i
        double[] y = {10, 20};
        DenseKernels.complexAxpyConjugate(3, -1, new double[] {1, 2}, 0, y, 0, 1);
        assertArrayEquals(new double[] {11, 13}, y, 0.0);
        for (int n = 0; n <= 20; n++) {
            double[] a = gaussian(2 * n);
            double[] z = gaussian(2 * n);
            double[] before = z.clone();
            DenseKernels.complexAxpyConjugate(0.3, -1.7, a, 0, z, 0, n);
            for (int j = 0; j < 2 * n; j += 2) {
                // conj(a)(0.3 − 1.7i) = (a_re 0.3 − 1.7 a_im) + i(−1.7 a_re − 0.3 a_im)
                double re = before[j] + a[j] * 0.3 + a[j + 1] * -1.7;
                double im = before[j + 1] + a[j] * -1.7 - a[j + 1] * 0.3;
                // two products and two sums: at most 3 roundings of the largest partial sum
                double scale = Math.abs(before[j]) + Math.abs(before[j + 1]) + 1.7 * (Math.abs(a[j]) + Math.abs(a[j + 1]));
                assertEquals(re, z[j], 3 * U * scale);
                assertEquals(im, z[j + 1], 3 * U * scale);
            }
        }
    }

    @Test
    void timesMinusIRotatesEachPair() {
        double[] dst = new double[4];
        DenseKernels.timesMinusI(new double[] {1, 2, -3, 4}, 0, dst, 0, 2);
        // −i(1 + 2i) = 2 − i, −i(−3 + 4i) = 4 + 3i
        assertArrayEquals(new double[] {2, -1, 4, 3}, dst, 0.0);
    }

    private double[] gaussian(int len) {
        double[] x = new double[len];
        for (int j = 0; j < len; j++) {
            x[j] = random.nextGaussian();
        }
        return x;
    }
}
