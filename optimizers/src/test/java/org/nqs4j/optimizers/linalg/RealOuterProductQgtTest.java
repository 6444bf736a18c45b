package org.nqs4j.optimizers.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.OuterProductJacobian;
import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.RandomRows;

/** S of a real RBM from the moments of its factors against the centred triple loop over the full rows. */
class RealOuterProductQgtTest {
    /** S_pq = (1/N_s) Σ_s ΔO_sp ΔO_sq from the expanded full rows, in long-hand. */
    private static double[] tripleLoop(LogDerivativeSamples o) {
        double[] d = o.data();
        int p = o.nParameters();
        int ns = o.nSamples();
        double[] s = new double[p * p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double sum = 0.0;
                for (int k = 0; k < ns; k++) {
                    sum += d[k * p + a] * d[k * p + b];
                }
                s[a * p + b] = sum / ns;
            }
        }
        return s;
    }

    private static double[] moments(LogDerivativeSamples o, TaskRunner tasks) {
        int p = o.nParameters();
        double[] s = new double[p * p];
        new RealOuterProductQgt().form(o.outerProductFactors().orElseThrow(), o.means(), s, tasks);
        return s;
    }

    /**
     * Both are sums of N_s products of entries |O| ≤ max|t|: each differs from the exact sum by at most
     * γ_{N_s+2} max|O|² (Higham, Thm 3.1), γ_n = nε/(1 − nε), the centring included.
     */
    private static double bound(int ns, double maxEntry) {
        double gamma = (ns + 2) * 0x1p-52 / (1 - (ns + 2) * 0x1p-52);
        return 2 * gamma * maxEntry * maxEntry;
    }

    @Test
    void agreesWithTheCentredGramOfTheFullRows() {
        for (int[] shape : new int[][] {{3, 1, 7}, {5, 4, 40}, {20, 20, 1008}, {6, 13, 97}}) {
            LogDerivativeSamples o = RandomRows.factoredRbm(shape[2], shape[0], shape[1], false, 31 + shape[2]);
            o.center(new double[o.rowLength()]);
            double[] actual = moments(o, TaskRunner.SERIAL);
            double[] expected = tripleLoop(o);
            assertArrayEquals(expected, actual, bound(shape[2], 2.0), "N, M, N_s = " + java.util.Arrays.toString(shape));
        }
    }

    /** An ordered, saturated state: σ mostly +1, t within 1e-3 of 1, where the moment form cancels most. */
    @Test
    void orderedSaturatedStateStaysWithinTheRoundingBound() {
        int n = 8;
        int m = 8;
        int ns = 500;
        Random random = new Random(4);
        LogDerivativeSamples o = LogDerivativeSamples.ofOuterProduct(ns, new OuterProductJacobian(n, m), false);
        double[] rows = o.rowsToFill();
        for (int s = 0; s < ns; s++) {
            for (int i = 0; i < n; i++) {
                rows[s * (n + m) + i] = random.nextDouble() < 0.99 ? 1 : -1;
            }
            for (int j = 0; j < m; j++) {
                rows[s * (n + m) + n + j] = 1 - 1e-3 * random.nextDouble();
            }
        }
        o.center(new double[o.rowLength()]);
        double[] actual = moments(o, TaskRunner.SERIAL);
        double[] expected = tripleLoop(o);
        assertArrayEquals(expected, actual, bound(ns, 1.0));
        int p = o.nParameters();
        for (int k = 0; k < p; k++) {
            assertTrue(actual[k * p + k] >= 0.0, "a variance is never negative");
        }
    }

    @Test
    void sameBitsForAnyTaskRunner() {
        LogDerivativeSamples o = RandomRows.factoredRbm(300, 10, 20, false, 5);
        o.center(new double[o.rowLength()]);
        double[] serial = moments(o, TaskRunner.SERIAL);
        TaskRunner reversed = (n, task) -> {
            for (int i = n - 1; i >= 0; i--) {
                task.accept(i);
            }
        };
        TaskRunner parallel = (n, task) -> java.util.stream.IntStream.range(0, n).parallel().forEach(task);
        for (TaskRunner runner : new TaskRunner[] {reversed, parallel}) {
            double[] other = moments(o, runner);
            for (int k = 0; k < serial.length; k++) {
                assertEquals(Double.doubleToLongBits(serial[k]), Double.doubleToLongBits(other[k]));
            }
        }
    }

    /** The lower triangle and diagonal of {@code formLower} are {@code form}'s, bit for bit; the upper triangle is not written. */
    @Test
    void lowerTriangleIsTheFullFormsAndLeavesTheRestAlone() {
        LogDerivativeSamples o = RandomRows.factoredRbm(203, 7, 9, false, 8);
        o.center(new double[o.rowLength()]);
        int p = o.nParameters();
        double[] full = moments(o, TaskRunner.SERIAL);
        double[] lower = new double[p * p];
        java.util.Arrays.fill(lower, -7.0);
        new RealOuterProductQgt().formLower(o.outerProductFactors().orElseThrow(), o.means(), lower, TaskRunner.SERIAL);
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double expected = b <= a ? full[a * p + b] : -7.0;
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(lower[a * p + b]), a + ", " + b);
            }
        }
    }
}
