package org.nqs4j.optimizers.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Gram matrices against the defining triple loop, on shapes that hit the 6 × 2·LANES tiles, their
 * row and column padding, several column blocks and odd block tails. Each entry is a dot product
 * of length len, so the two summation orders differ by at most 2 len u Σ|x y| per entry.
 */
class GramKernelTest {
    private static final double U = 0x1p-53;
    private final Random random = new Random(5);

    @Test
    void symmetricMatchesTripleLoop() {
        int[][] shapes = {{1, 1}, {2, 3}, {5, 7}, {9, 17}, {13, 64}, {37, 129}, {11, 40_001}};
        for (int[] shape : shapes) {
            int n = shape[0];
            int len = shape[1];
            double[] x = gaussian(n * len);
            double[] c = new double[n * n];
            new GramKernel().symmetric(x, n, len, null, 0.5, c, TaskRunner.SERIAL);
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
            double[] c = new double[2 * n * n];
            new GramKernel().hermitian(x, n, m, null, 0.25, c, TaskRunner.SERIAL);
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

    @Test
    void weightedMatchesTripleLoop() {
        int n = 23;
        int m = 301; // three column blocks of the complex row (2m = 602 doubles), odd tail
        double[] x = gaussian(2 * n * m);
        double[] w = new double[m];
        for (int j = 0; j < m; j++) {
            w[j] = 0.5 + random.nextDouble();
        }
        double[] c = new double[2 * n * n];
        new GramKernel().hermitian(x, n, m, w, 1.0, c, TaskRunner.SERIAL);
        double[] r = new double[n * n];
        new GramKernel().symmetric(x, n, 2 * m, doubled(w), 1.0, r, TaskRunner.SERIAL);
        for (int k = 0; k < n; k++) {
            for (int l = 0; l < n; l++) {
                double re = 0;
                double im = 0;
                double abs = 0;
                for (int j = 0; j < m; j++) {
                    double w2 = w[j] * w[j];
                    double ar = x[2 * (k * m + j)];
                    double ai = x[2 * (k * m + j) + 1];
                    double br = x[2 * (l * m + j)];
                    double bi = x[2 * (l * m + j) + 1];
                    re += w2 * (ar * br + ai * bi);
                    im += w2 * (ar * bi - ai * br);
                    abs += w2 * Math.hypot(ar, ai) * Math.hypot(br, bi);
                }
                double tol = 6 * m * U * abs; // the weights add one rounding per factor
                assertEquals(re, c[2 * (k * n + l)], tol);
                assertEquals(im, c[2 * (k * n + l) + 1], tol);
                // the real Gram of the interleaved rows is the real part
                assertEquals(re, r[k * n + l], tol);
            }
        }
    }

    /** Each tile is summed in a fixed order whichever thread runs it: bit-identical for any runner. */
    @Test
    void resultDoesNotDependOnTheRunner() {
        int n = 53;
        int m = 150;
        double[] x = gaussian(2 * n * m);
        double[] serial = new double[2 * n * n];
        double[] reversed = new double[2 * n * n];
        double[] parallel = new double[2 * n * n];
        GramKernel kernel = new GramKernel();
        kernel.hermitian(x, n, m, null, 1.0, serial, TaskRunner.SERIAL);
        kernel.hermitian(x, n, m, null, 1.0, reversed, (count, task) -> {
            for (int t = count - 1; t >= 0; t--) {
                task.accept(t);
            }
        });
        kernel.hermitian(x, n, m, null, 1.0, parallel, (count, task) -> IntStream.range(0, count).parallel()
                .forEach(task));
        assertArrayEquals(serial, reversed);
        assertArrayEquals(serial, parallel);
    }

    /**
     * The Gram of the columns of a sample-row matrix (stride past the row's end) equals, bit for bit,
     * the Gram of the rows of its transpose: the packed panels hold the same numbers.
     */
    @Test
    void columnsOfRowMajorEqualRowsOfTranspose() {
        int[][] shapes = {{1, 1}, {7, 5}, {300, 37}, {1008, 29}};
        for (int[] shape : shapes) {
            int len = shape[0];
            int n = shape[1];
            int stride = 2 * n + 3;
            double[] y = gaussian(len * stride);
            double[] realT = new double[n * len];
            double[] complexT = new double[2 * n * len];
            for (int s = 0; s < len; s++) {
                for (int k = 0; k < n; k++) {
                    realT[k * len + s] = y[s * stride + k];
                    complexT[2 * (k * len + s)] = y[s * stride + 2 * k];
                    complexT[2 * (k * len + s) + 1] = y[s * stride + 2 * k + 1];
                }
            }
            GramKernel kernel = new GramKernel();
            double[] expected = new double[n * n];
            double[] actual = new double[n * n];
            kernel.symmetric(realT, n, len, null, 0.5, expected, TaskRunner.SERIAL);
            kernel.symmetricOfColumns(y, len, n, stride, 0.5, actual, TaskRunner.SERIAL);
            assertArrayEquals(expected, actual, 0.0, "real, len " + len + " n " + n);
            double[] expectedZ = new double[2 * n * n];
            double[] actualZ = new double[2 * n * n];
            kernel.hermitian(complexT, n, len, null, 0.25, expectedZ, TaskRunner.SERIAL);
            kernel.hermitianOfColumns(y, len, n, stride, 0.25, actualZ, TaskRunner.SERIAL);
            assertArrayEquals(expectedZ, actualZ, 0.0, "complex, len " + len + " n " + n);
        }
    }

    private static double[] doubled(double[] w) {
        double[] d = new double[2 * w.length];
        for (int j = 0; j < d.length; j++) {
            d[j] = w[j / 2];
        }
        return d;
    }

    private double[] gaussian(int len) {
        double[] x = new double[len];
        for (int j = 0; j < len; j++) {
            x[j] = random.nextGaussian();
        }
        return x;
    }
}
