package org.nqs4j.optimizers.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nqs4j.optimizers.Forces;
import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.RandomRows;

/**
 * Factored RBM rows against the same rows stored in full: the column means, A v, A† w and the
 * force from the factors agree with the defining sums over the expanded ΔO (each a sum of at most
 * N_s + P products, so within 8 (N_s + P) u Σ|terms|, the means' own rounding included), and
 * they are bit-identical for any runner. N = 7 (a tail after the 4-spin passes), M = 5 and
 * N_s = 37 (not a multiple of the 16-sample padding or of any vector length).
 */
class OuterProductRowProductsTest {
    private static final double U = 0x1p-53;
    private static final int N = 7;
    private static final int M = 5;
    private static final int SAMPLES = 37;
    private static final TaskRunner REVERSED = (count, task) -> {
        for (int t = count - 1; t >= 0; t--) {
            task.accept(t);
        }
    };
    private static final TaskRunner PARALLEL = (count, task) -> IntStream.range(0, count).parallel().forEach(task);

    private static LogDerivativeSamples factored(boolean complex, long seed) {
        return RandomRows.factoredRbm(SAMPLES, N, M, complex, seed);
    }

    private static double[] gaussian(int len, long seed) {
        Random random = new Random(seed);
        double[] x = new double[len];
        for (int j = 0; j < len; j++) {
            x[j] = random.nextGaussian();
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void factoredProductsMatchTheExpandedRowsForAnyRunner(boolean complex) {
        LogDerivativeSamples o = factored(complex, complex ? 11 : 12);
        int c = complex ? 2 : 1;
        int p = o.nParameters();
        int row = o.rowLength();
        assertTrue(o.isFactored());
        assertEquals(c * (N + M), o.storedRowLength());
        double[] raw = o.data().clone(); // the uncentred O, expanded from the factors
        for (int s = 0; s < SAMPLES; s++) {
            for (int j = 0; j < M; j++) {
                for (int i = 0; i < N; i++) {
                    int w = s * row + c * (N + M + j * N + i);
                    assertEquals(raw[s * row + c * i] * raw[s * row + c * (N + j)], raw[w], 0.0);
                }
            }
        }
        double[] mean = new double[row];
        o.center(mean, TaskRunner.SERIAL);
        assertTrue(o.outerProductFactors().isPresent());
        for (int k = 0; k < row; k++) {
            double sum = 0;
            double abs = 0;
            for (int s = 0; s < SAMPLES; s++) {
                sum += raw[s * row + k];
                abs += Math.abs(raw[s * row + k]);
            }
            assertEquals(sum / SAMPLES, mean[k], 2 * SAMPLES * U * abs / SAMPLES, "mean " + k);
        }
        double[] centred = o.data();
        for (int j = 0; j < raw.length; j++) {
            assertEquals(raw[j] - mean[j % row], centred[j], 0.0, "expanded ΔO entry " + j);
        }

        double[] v = gaussian(row, 3);
        double[] w = gaussian(c * SAMPLES, 4);
        double[] energies = gaussian(2 * SAMPLES, 5);
        double[] av = new double[c * SAMPLES];
        double[] aw = new double[row];
        double[] force = new double[row];
        SampleMatrixOps.multiply(o, v, av, TaskRunner.SERIAL);
        SampleMatrixOps.multiplyAdjoint(o, w, 0.5, aw, TaskRunner.SERIAL);
        Forces.compute(o, energies, force, TaskRunner.SERIAL);
        double tolerance = 8 * (SAMPLES + p) * U;
        for (int s = 0; s < SAMPLES; s++) {
            double re = 0;
            double im = 0;
            double abs = 0;
            for (int k = 0; k < p; k++) {
                double xr = raw[s * row + c * k] - mean[c * k];
                double xi = complex ? raw[s * row + c * k + 1] - mean[c * k + 1] : 0;
                double yr = v[c * k];
                double yi = complex ? v[c * k + 1] : 0;
                re += xr * yr - xi * yi;
                im += xr * yi + xi * yr;
                abs += (Math.hypot(raw[s * row + c * k], complex ? raw[s * row + c * k + 1] : 0)
                        + Math.hypot(mean[c * k], complex ? mean[c * k + 1] : 0)) * Math.hypot(yr, yi);
            }
            assertEquals(re, av[c * s], tolerance * abs, "(A v)_" + s);
            if (complex) {
                assertEquals(im, av[c * s + 1], tolerance * abs, "Im (A v)_" + s);
            }
        }
        double meanRe = 0;
        double meanIm = 0;
        for (int s = 0; s < SAMPLES; s++) {
            meanRe += energies[2 * s] / SAMPLES;
            meanIm += energies[2 * s + 1] / SAMPLES;
        }
        for (int k = 0; k < p; k++) {
            double re = 0;
            double im = 0;
            double fRe = 0;
            double fIm = 0;
            double abs = 0;
            double fAbs = 0;
            for (int s = 0; s < SAMPLES; s++) {
                // conj(ΔO_sk) w_s and conj(ΔO_sk) (E_s − Ē)/N_s (the real part for a real ansatz)
                double xr = raw[s * row + c * k] - mean[c * k];
                double xi = complex ? -(raw[s * row + c * k + 1] - mean[c * k + 1]) : 0;
                double yr = w[c * s];
                double yi = complex ? w[c * s + 1] : 0;
                re += xr * yr - xi * yi;
                im += xr * yi + xi * yr;
                double er = (energies[2 * s] - meanRe) / SAMPLES;
                double ei = complex ? (energies[2 * s + 1] - meanIm) / SAMPLES : 0;
                fRe += xr * er - xi * ei;
                fIm += xr * ei + xi * er;
                double xAbs = Math.hypot(raw[s * row + c * k], complex ? raw[s * row + c * k + 1] : 0)
                        + Math.hypot(mean[c * k], complex ? mean[c * k + 1] : 0);
                abs += xAbs * Math.hypot(yr, yi);
                fAbs += xAbs * Math.hypot(er, ei);
            }
            assertEquals(0.5 * re, aw[c * k], tolerance * abs, "(A† w)_" + k);
            assertEquals(fRe, force[c * k], tolerance * fAbs, "F_" + k);
            if (complex) {
                assertEquals(0.5 * im, aw[c * k + 1], tolerance * abs, "Im (A† w)_" + k);
                assertEquals(fIm, force[c * k + 1], tolerance * fAbs, "Im F_" + k);
            }
        }

        for (TaskRunner runner : new TaskRunner[] {REVERSED, PARALLEL}) {
            LogDerivativeSamples again = factored(complex, complex ? 11 : 12);
            double[] mean2 = new double[row];
            again.center(mean2, runner);
            double[] av2 = new double[c * SAMPLES];
            double[] aw2 = new double[row];
            double[] force2 = new double[row];
            SampleMatrixOps.multiply(again, v, av2, runner);
            SampleMatrixOps.multiplyAdjoint(again, w, 0.5, aw2, runner);
            Forces.compute(again, energies, force2, runner);
            assertArrayEquals(mean, mean2, 0.0);
            assertArrayEquals(av, av2, 0.0);
            assertArrayEquals(aw, aw2, 0.0);
            assertArrayEquals(force, force2, 0.0);
        }
    }

    /** Refilling the rows forgets the old factors and expansion: the new rows are what counts. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void refilledRowsReplaceTheOldFactorsAndExpansion(boolean complex) {
        LogDerivativeSamples o = factored(complex, 21);
        o.center(new double[o.rowLength()]);
        o.data();
        LogDerivativeSamples fresh = factored(complex, 22);
        double[] rows = o.rowsToFill();
        assertTrue(o.outerProductFactors().isEmpty());
        System.arraycopy(fresh.rowsToFill(), 0, rows, 0, rows.length);
        assertArrayEquals(fresh.data(), o.data(), 0.0);
        double[] m1 = new double[o.rowLength()];
        double[] m2 = new double[o.rowLength()];
        o.center(m1);
        fresh.center(m2);
        assertArrayEquals(m2, m1, 0.0);
        assertArrayEquals(fresh.data(), o.data(), 0.0);
    }
}
