package org.nqs4j.optimizers.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Gram matrices against the defining triple loop, on shapes that hit the 2 × 4 blocks, their row
 * and column tails, several L2 chunks and vector tails. Each entry is a dot product of length
 * len, so the two summation orders differ by at most 2 len u Σ|x y| per entry.
 */
class GramKernelTest {
    private static final double U = 0x1p-53;
    private final Random random = new Random(5);

    @Test
    void symmetricMatchesTripleLoop() {
        int[][] shapes = {{1, 1}, {2, 3}, {5, 7}, {9, 17}, {13, 64}, {11, 40_001}};
        for (int[] shape : shapes) {
            int n = shape[0];
            int len = shape[1];
            double[] x = gaussian(n * len);
            double[] c = new double[n * n];
            GramKernel.symmetric(x, n, len, 0.5, c);
            for (int k = 0; k < n; k++) {
                for (int l = 0; l < n; l++) {
                    double sum = 0;
                    double abs = 0;
                    for (int j = 0; j < len; j++) {
                        sum += x[k * len + j] * x[l * len + j];
                        abs += Math.abs(x[k * len + j] * x[l * len + j]);
                    }
                    assertEquals(0.5 * sum, c[k * n + l], 2 * len * U * abs, "n " + n + " len " + len);
                }
            }
        }
    }

    @Test
    void hermitianMatchesTripleLoop() {
        int[][] shapes = {{1, 1}, {3, 2}, {6, 5}, {10, 9}, {9, 20_001}};
        for (int[] shape : shapes) {
            int n = shape[0];
            int m = shape[1];
            double[] x = gaussian(2 * n * m);
            double[] rotated = new double[x.length];
            DenseKernels.timesMinusI(x, 0, rotated, 0, n * m);
            double[] c = new double[2 * n * n];
            GramKernel.hermitian(x, rotated, n, m, 0.25, c);
            for (int k = 0; k < n; k++) {
                for (int l = 0; l < n; l++) {
                    double re = 0;
                    double im = 0;
                    double abs = 0;
                    for (int j = 0; j < m; j++) {
                        // conj(x_kj) x_lj
                        double ar = x[2 * (k * m + j)];
                        double ai = x[2 * (k * m + j) + 1];
                        double br = x[2 * (l * m + j)];
                        double bi = x[2 * (l * m + j) + 1];
                        re += ar * br + ai * bi;
                        im += ar * bi - ai * br;
                        abs += Math.hypot(ar, ai) * Math.hypot(br, bi);
                    }
                    double tol = 4 * m * U * abs;
                    assertEquals(0.25 * re, c[2 * (k * n + l)], tol);
                    assertEquals(0.25 * im, c[2 * (k * n + l) + 1], tol);
                }
            }
        }
    }

    private double[] gaussian(int len) {
        double[] x = new double[len];
        for (int j = 0; j < len; j++) {
            x[j] = random.nextGaussian();
        }
        return x;
    }
}
