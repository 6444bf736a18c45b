package org.nqs4j.optimizers.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HermitianBlockedCholeskyTest {
    private static final double U = 0x1p-53;

    @Test
    void handExampleFactorsExactly() {
        // [4 2−2i; 2+2i 9] = L L† with L = [2 0; 1+i √7]; for x = (1, i): b = A x = (6+2i, 2+11i)
        double[] re = {4, 2, 2, 9};
        double[] im = {0, -2, 2, 0};
        assertEquals(-1, HermitianBlockedCholesky.factor(re, im, 2, panel(2), panel(2), TaskRunner.SERIAL));
        assertEquals(2.0, re[0]);
        assertEquals(1.0, re[2]);
        assertEquals(1.0, im[2]);
        assertEquals(Math.sqrt(7), re[3], 1e-15);
        assertEquals(0.0, im[3]);
        double[] b = {6, 2, 2, 11};
        HermitianBlockedCholesky.solve(re, im, 2, b, new double[2], new double[2], TaskRunner.SERIAL);
        assertEquals(1.0, b[0], 1e-15);
        assertEquals(0.0, b[1], 1e-15);
        assertEquals(0.0, b[2], 1e-15);
        assertEquals(1.0, b[3], 1e-15);
    }

    /** Sizes straddle the panel and SIMD widths and the 4-row tiles; L L† must reproduce A to rounding. */
    @Test
    void factorReproducesMatrixAndSolvesAcrossBlockBoundaries() {
        SplittableRandom rnd = new SplittableRandom(5);
        int block = HermitianBlockedCholesky.BLOCK;
        for (int n : new int[] {1, 3, 18, block - 1, block + 5, 2 * block + 23}) {
            double[][] a = randomHpd(rnd, n);
            double[] re = a[0].clone();
            double[] im = a[1].clone();
            assertEquals(-1, HermitianBlockedCholesky.factor(re, im, n, panel(n), panel(n), TaskRunner.SERIAL));
            double scale = 0;
            for (int i = 0; i < n; i++) {
                scale = Math.max(scale, a[0][i * n + i]);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double sr = 0;
                    double si = 0;
                    for (int k = 0; k <= j; k++) { // L_ik conj(L_jk)
                        sr += re[i * n + k] * re[j * n + k] + im[i * n + k] * im[j * n + k];
                        si += im[i * n + k] * re[j * n + k] - re[i * n + k] * im[j * n + k];
                    }
                    // backward stability: |L L† − A| ≤ c n u max A_kk (c = 8: four real products per term)
                    double tol = 8 * n * U * scale;
                    assertEquals(a[0][i * n + j], sr, tol, "n = " + n + ", Re (" + i + ", " + j + ")");
                    assertEquals(a[1][i * n + j], si, tol, "n = " + n + ", Im (" + i + ", " + j + ")");
                }
            }
            double[] x = new double[2 * n];
            for (int i = 0; i < 2 * n; i++) {
                x[i] = rnd.nextDouble(-1, 1);
            }
            double[] b = new double[2 * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double ar = a[0][i * n + j];
                    double ai = a[1][i * n + j];
                    b[2 * i] += ar * x[2 * j] - ai * x[2 * j + 1];
                    b[2 * i + 1] += ar * x[2 * j + 1] + ai * x[2 * j];
                }
            }
            HermitianBlockedCholesky.solve(re, im, n, b, new double[n], new double[n], TaskRunner.SERIAL);
            for (int i = 0; i < 2 * n; i++) {
                // cond(A) ≤ 2n/3 + 1 for the matrices below, so |Δx| ≲ cond · c n u ≪ 1e-10
                assertEquals(x[i], b[i], 1e-10, "n = " + n);
            }
        }
    }

    /** Factor and solve give the same bits on the serial, a parallel and a reversed runner. */
    @Test
    void factorAndSolveDoNotDependOnTheRunner() {
        int n = 3 * HermitianBlockedCholesky.BLOCK + 29; // several row and column tasks in the solve
        double[][] a = randomHpd(new SplittableRandom(13), n);
        double[] b = new SplittableRandom(17).doubles(2 * n, -1, 1).toArray();
        TaskRunner parallel = (count, task) -> IntStream.range(0, count).parallel().forEach(task);
        TaskRunner reversed = (count, task) -> {
            for (int t = count - 1; t >= 0; t--) {
                task.accept(t);
            }
        };
        double[][] serial = factorAndSolve(a, b, n, TaskRunner.SERIAL);
        for (TaskRunner runner : new TaskRunner[] {parallel, reversed}) {
            double[][] other = factorAndSolve(a, b, n, runner);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    for (int part = 0; part < 2; part++) {
                        assertEquals(serial[part][i * n + j], other[part][i * n + j], "(" + i + ", " + j + ")");
                    }
                }
            }
            assertArrayEquals(serial[2], other[2]);
        }
    }

    /** {L re, L im, x}: the factor of a and the solution of a x = b on {@code runner}. */
    private static double[][] factorAndSolve(double[][] a, double[] b, int n, TaskRunner runner) {
        double[] re = a[0].clone();
        double[] im = a[1].clone();
        double[] x = b.clone();
        assertEquals(-1, HermitianBlockedCholesky.factor(re, im, n, panel(n), panel(n), runner));
        HermitianBlockedCholesky.solve(re, im, n, x, new double[n], new double[n], runner);
        return new double[][] {re, im, x};
    }

    /**
     * A pivot made negative in the second or third panel, which the look-ahead factors inside the
     * trailing update of the panel before: reported at its index on any runner.
     */
    @Test
    void laterPivotsAreReportedFromTheLookAhead() {
        int block = HermitianBlockedCholesky.BLOCK;
        int n = 2 * block + 40;
        for (int p : new int[] {block, block + 5, 2 * block + 17}) {
            double[][] a = randomHpd(new SplittableRandom(p), n);
            a[0][p * n + p] = -1e3;
            assertEquals(p, HermitianBlockedCholesky.factor(a[0].clone(), a[1].clone(), n, panel(n), panel(n),
                    TaskRunner.SERIAL));
            assertEquals(p, HermitianBlockedCholesky.factor(a[0], a[1], n, panel(n), panel(n),
                    (count, task) -> IntStream.range(0, count).parallel().forEach(task)));
        }
    }

    @Test
    void indefiniteMatrixIsReportedAtItsPivot() {
        // [1 2i; −2i 1]: eigenvalues 3 and −1, the second pivot is 1 − 4 < 0
        double[] re = {1, 0, 0, 1};
        double[] im = {0, 2, -2, 0};
        assertEquals(1, HermitianBlockedCholesky.factor(re, im, 2, panel(2), panel(2), TaskRunner.SERIAL));
    }

    private static double[] panel(int n) {
        return new double[HermitianBlockedCholesky.panelLength(n)];
    }

    /** A = G G†/n + I with G uniform complex in [−1, 1]²: eigenvalues in [1, 2n/3 + 1]; {re, im}. */
    static double[][] randomHpd(SplittableRandom rnd, int n) {
        double[] gr = new double[n * n];
        double[] gi = new double[n * n];
        for (int k = 0; k < gr.length; k++) {
            gr[k] = rnd.nextDouble(-1, 1);
            gi[k] = rnd.nextDouble(-1, 1);
        }
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sr = 0;
                double si = 0;
                for (int k = 0; k < n; k++) { // G_ik conj(G_jk)
                    sr += gr[i * n + k] * gr[j * n + k] + gi[i * n + k] * gi[j * n + k];
                    si += gi[i * n + k] * gr[j * n + k] - gr[i * n + k] * gi[j * n + k];
                }
                re[i * n + j] = sr / n + (i == j ? 1 : 0);
                im[i * n + j] = i == j ? 0 : si / n;
            }
        }
        return new double[][] {re, im};
    }
}
