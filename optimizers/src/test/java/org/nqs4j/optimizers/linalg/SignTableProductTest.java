package org.nqs4j.optimizers.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sign-table cross product Hᵀ V (V = ±1) against the long-hand sum, in exact and in rounded arithmetic. */
class SignTableProductTest {
    /** Signs V (N_s × B, ±1) as the group-major patterns of {@link SignTableProduct#multiply}. */
    private static byte[] patterns(int[][] v, int ns, int b) {
        byte[] p = new byte[SignTableProduct.groups(ns) * b];
        for (int s = 0; s < ns; s++) {
            for (int c = 0; c < b; c++) {
                if (v[s][c] < 0) {
                    p[(s / SignTableProduct.GROUP) * b + c] |= (byte) (1 << (s % SignTableProduct.GROUP));
                }
            }
        }
        return p;
    }

    private static double[] product(SignTableProduct kernel, double[][] h, int[][] v, int a, int b, double scale,
                                    TaskRunner tasks) {
        int ns = h.length;
        kernel.rows(ns, a);
        for (int s = 0; s < ns; s++) {
            kernel.setRow(s, h[s], 0, a, ns);
        }
        double[] out = new double[a * b];
        kernel.multiply(ns, a, patterns(v, ns, b), b, scale, out, tasks);
        return out;
    }

    /**
     * Integer H: every partial sum is exact, so any order of summation gives the exact Σ_s H_sa V_sb;
     * the shapes cover N_s, A and B off every block size (4 samples, two vectors, 8 columns).
     */
    @Test
    void integerRowsGiveTheExactProduct() {
        Random random = new Random(11);
        SignTableProduct kernel = new SignTableProduct();
        for (int[] shape : new int[][] {{1, 1, 1}, {7, 3, 5}, {64, 16, 8}, {97, 33, 17}, {1008, 231, 211}}) {
            int ns = shape[0];
            int a = shape[1];
            int b = shape[2];
            double[][] h = new double[ns][a];
            int[][] v = new int[ns][b];
            for (int s = 0; s < ns; s++) {
                for (int k = 0; k < a; k++) {
                    h[s][k] = random.nextInt(2001) - 1000;
                }
                for (int c = 0; c < b; c++) {
                    v[s][c] = random.nextBoolean() ? 1 : -1;
                }
            }
            double[] out = product(kernel, h, v, a, b, 0.5, TaskRunner.SERIAL);
            for (int k = 0; k < a; k++) {
                for (int c = 0; c < b; c++) {
                    long sum = 0;
                    for (int s = 0; s < ns; s++) {
                        sum += (long) h[s][k] * v[s][c];
                    }
                    assertEquals(0.5 * sum, out[k * b + c], "entry " + k + ", " + c + " of " + java.util.Arrays.toString(shape));
                }
            }
        }
    }

    /** Real H: within γ_{N_s} Σ_s |H_sa| of the long-hand sum, and the same bits for any task runner. */
    @Test
    void realRowsWithinTheRoundingBoundForAnyRunner() {
        Random random = new Random(12);
        int ns = 501;
        int a = 45;
        int b = 30;
        double[][] h = new double[ns][a];
        int[][] v = new int[ns][b];
        for (int s = 0; s < ns; s++) {
            for (int k = 0; k < a; k++) {
                h[s][k] = Math.tanh(3 * random.nextGaussian());
            }
            for (int c = 0; c < b; c++) {
                v[s][c] = random.nextDouble() < 0.8 ? 1 : -1;
            }
        }
        double[] serial = product(new SignTableProduct(), h, v, a, b, 1.0 / ns, TaskRunner.SERIAL);
        double gamma = ns * 0x1p-53 / (1 - ns * 0x1p-53);
        for (int k = 0; k < a; k++) {
            double abs = 0;
            for (int s = 0; s < ns; s++) {
                abs += Math.abs(h[s][k]);
            }
            for (int c = 0; c < b; c++) {
                double sum = 0;
                for (int s = 0; s < ns; s++) {
                    sum += h[s][k] * v[s][c];
                }
                // both sums are within γ Σ|H| of the exact one
                assertTrue(Math.abs(sum / ns - serial[k * b + c]) <= 2 * gamma * abs / ns + 0x1p-52 * abs / ns);
            }
        }
        TaskRunner reversed = (n, task) -> {
            for (int i = n - 1; i >= 0; i--) {
                task.accept(i);
            }
        };
        TaskRunner parallel = (n, task) -> java.util.stream.IntStream.range(0, n).parallel().forEach(task);
        for (TaskRunner runner : new TaskRunner[] {reversed, parallel}) {
            double[] other = product(new SignTableProduct(), h, v, a, b, 1.0 / ns, runner);
            for (int k = 0; k < serial.length; k++) {
                assertEquals(Double.doubleToLongBits(serial[k]), Double.doubleToLongBits(other[k]));
            }
        }
    }
}
