package org.nqs4j.optimizers.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockedCholeskyTest {

    @Test
    void handExampleFactorsExactly() {
        // [4 2; 2 5] = L Lᵀ with L = [2 0; 1 2]; x for b = (8, 9) is (1.375, 1.25)
        double[] a = {4, 2, 2, 5};
        double[] panel = new double[BlockedCholesky.panelLength(2)];
        assertEquals(-1, BlockedCholesky.factor(a, 2, panel));
        assertEquals(2.0, a[0]);
        assertEquals(1.0, a[2]);
        assertEquals(2.0, a[3]);
        double[] b = {8, 9};
        BlockedCholesky.solve(a, 2, b);
        assertEquals(1.375, b[0], 1e-15);
        assertEquals(1.25, b[1], 1e-15);
    }

    /** Sizes straddle the panel width and the SIMD width; L Lᵀ must reproduce A to rounding. */
    @Test
    void factorReproducesMatrixAndSolvesAcrossBlockBoundaries() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int n : new int[] {1, 3, 17, BlockedCholesky.BLOCK - 1, BlockedCholesky.BLOCK + 5, 2 * BlockedCholesky.BLOCK + 21}) {
            double[] a = randomSpd(rnd, n);
            double[] l = a.clone();
            assertEquals(-1, BlockedCholesky.factor(l, n, new double[BlockedCholesky.panelLength(n)]), "n = " + n);
            double scale = 0;
            for (int i = 0; i < n; i++) {
                scale = Math.max(scale, a[i * n + i]);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = 0;
                    for (int k = 0; k <= j; k++) {
                        s += l[i * n + k] * l[j * n + k];
                    }
                    // backward stability: |L Lᵀ − A| ≤ c n u max A_kk
                    assertEquals(a[i * n + j], s, 4 * n * 0x1p-53 * scale, "n = " + n + ", (" + i + ", " + j + ")");
                }
            }
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextDouble(-1, 1);
            }
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    b[i] += a[i * n + j] * x[j];
                }
            }
            BlockedCholesky.solve(l, n, b);
            for (int i = 0; i < n; i++) {
                // cond(A) ≤ (n + 1)/1 for the matrices below, so |Δx| ≲ cond · n u
                assertEquals(x[i], b[i], 1e-10, "n = " + n);
            }
        }
    }

    /** Rows are split over tasks, each entry computed the same way: L is bit-identical for any runner. */
    @Test
    void factorDoesNotDependOnTheRunner() {
        int n = 2 * BlockedCholesky.BLOCK + 37;
        double[] a = randomSpd(new SplittableRandom(11), n);
        double[] serial = a.clone();
        double[] parallel = a.clone();
        double[] reversed = a.clone();
        assertEquals(-1, BlockedCholesky.factor(serial, n, new double[BlockedCholesky.panelLength(n)]));
        assertEquals(-1, BlockedCholesky.factor(parallel, n, new double[BlockedCholesky.panelLength(n)],
                (count, task) -> IntStream.range(0, count).parallel().forEach(task)));
        assertEquals(-1, BlockedCholesky.factor(reversed, n, new double[BlockedCholesky.panelLength(n)],
                (count, task) -> {
                    for (int t = count - 1; t >= 0; t--) {
                        task.accept(t);
                    }
                }));
        for (int i = 0; i < n; i++) { // the lower triangle is L; above it is scratch
            for (int j = 0; j <= i; j++) {
                assertEquals(serial[i * n + j], parallel[i * n + j], "(" + i + ", " + j + ")");
                assertEquals(serial[i * n + j], reversed[i * n + j], "(" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void indefiniteMatrixIsReportedAtItsPivot() {
        double[] a = {1, 2, 2, 1}; // eigenvalues 3 and −1: the second pivot is 1 − 4 < 0
        assertEquals(1, BlockedCholesky.factor(a, 2, new double[BlockedCholesky.panelLength(2)]));
    }

    @Test
    void singularToWorkingPrecisionIsCaughtByTheRelativePivotTest() {
        double[] a = {1, 1, 1, 1 + 1e-17};
        double[] diagonal = {1, 1 + 1e-17};
        int failed = BlockedCholesky.factor(a, 2, new double[BlockedCholesky.panelLength(2)]);
        assertTrue(failed == 1 || BlockedCholesky.firstLostPivot(a, 2, diagonal) == 1);
    }

    /** A = G Gᵀ/n + I with G uniform in [−1, 1]: eigenvalues in [1, n/3 + 1]. */
    static double[] randomSpd(SplittableRandom rnd, int n) {
        double[] g = new double[n * n];
        for (int k = 0; k < g.length; k++) {
            g[k] = rnd.nextDouble(-1, 1);
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += g[i * n + k] * g[j * n + k];
                }
                a[i * n + j] = s / n + (i == j ? 1 : 0);
            }
        }
        return a;
    }
}
