package org.nqs4j.optimizers.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nqs4j.optimizers.LogDerivativeSamples;

/**
 * A v and A† w against the defining sums (each a sum of at most max(N_s, P) products, so within
 * 2 max(N_s, P) u Σ|terms|), and bit-identical for any runner: N_s = 70 and P = 600 span several
 * row and parameter blocks with tails.
 */
class SampleMatrixOpsTest {
    private static final double U = 0x1p-53;
    private static final TaskRunner REVERSED = (count, task) -> {
        for (int t = count - 1; t >= 0; t--) {
            task.accept(t);
        }
    };
    private static final TaskRunner PARALLEL = (count, task) -> IntStream.range(0, count).parallel().forEach(task);

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void productsMatchTheDefiningSumsForAnyRunner(boolean complex) {
        int n = 70;
        int p = 2 * SampleMatrixOps.PARAMETER_BLOCK + 88;
        Random random = new Random(complex ? 1 : 2);
        LogDerivativeSamples a = new LogDerivativeSamples(n, p, complex);
        double[] d = a.data();
        for (int j = 0; j < d.length; j++) {
            d[j] = random.nextGaussian();
        }
        int c = complex ? 2 : 1;
        double[] v = new double[c * p];
        double[] w = new double[c * n];
        for (int j = 0; j < v.length; j++) {
            v[j] = random.nextGaussian();
        }
        for (int j = 0; j < w.length; j++) {
            w[j] = random.nextGaussian();
        }
        double[] av = new double[c * n];
        double[] aw = new double[c * p];
        SampleMatrixOps.multiply(a, v, av, TaskRunner.SERIAL);
        SampleMatrixOps.multiplyAdjoint(a, w, 0.5, aw, TaskRunner.SERIAL);
        int row = a.rowLength();
        for (int s = 0; s < n; s++) {
            double re = 0;
            double im = 0;
            double abs = 0;
            for (int k = 0; k < p; k++) {
                double xr = d[s * row + c * k];
                double xi = complex ? d[s * row + c * k + 1] : 0;
                double yr = v[c * k];
                double yi = complex ? v[c * k + 1] : 0;
                re += xr * yr - xi * yi;
                im += xr * yi + xi * yr;
                abs += Math.hypot(xr, xi) * Math.hypot(yr, yi);
            }
            assertEquals(re, av[c * s], 4 * p * U * abs, "(A v)_" + s);
            if (complex) {
                assertEquals(im, av[c * s + 1], 4 * p * U * abs, "Im (A v)_" + s);
            }
        }
        for (int k = 0; k < p; k++) {
            double re = 0;
            double im = 0;
            double abs = 0;
            for (int s = 0; s < n; s++) {
                // conj(A_sk) w_s
                double xr = d[s * row + c * k];
                double xi = complex ? -d[s * row + c * k + 1] : 0;
                double yr = w[c * s];
                double yi = complex ? w[c * s + 1] : 0;
                re += xr * yr - xi * yi;
                im += xr * yi + xi * yr;
                abs += Math.hypot(xr, xi) * Math.hypot(yr, yi);
            }
            assertEquals(0.5 * re, aw[c * k], 4 * n * U * abs, "(A† w)_" + k);
            if (complex) {
                assertEquals(0.5 * im, aw[c * k + 1], 4 * n * U * abs, "Im (A† w)_" + k);
            }
        }
        for (TaskRunner runner : new TaskRunner[] {REVERSED, PARALLEL}) {
            double[] av2 = new double[c * n];
            double[] aw2 = new double[c * p];
            SampleMatrixOps.multiply(a, v, av2, runner);
            SampleMatrixOps.multiplyAdjoint(a, w, 0.5, aw2, runner);
            assertArrayEquals(av, av2, 0.0);
            assertArrayEquals(aw, aw2, 0.0);
        }
    }

    /**
     * Lazy centring: A v, A† w and the force on O with the mean still pending (the rank-one
     * correction) equal those on the subtracted ΔO to rounding; columns with a large mean (5)
     * next to unit fluctuations make the cancellation visible if the correction were wrong.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aPendingCentringGivesTheProductsOfTheCentredMatrix(boolean complex) {
        int n = 70;
        int p = SampleMatrixOps.PARAMETER_BLOCK + 41;
        Random random = new Random(complex ? 3 : 4);
        LogDerivativeSamples lazy = new LogDerivativeSamples(n, p, complex);
        LogDerivativeSamples eager = new LogDerivativeSamples(n, p, complex);
        double[] d = lazy.data();
        for (int j = 0; j < d.length; j++) {
            d[j] = 5.0 + random.nextGaussian();
        }
        System.arraycopy(d, 0, eager.data(), 0, d.length);
        int c = complex ? 2 : 1;
        double[] mean = new double[c * p];
        lazy.center(mean, TaskRunner.SERIAL);
        eager.center(mean, TaskRunner.SERIAL);
        double[] centred = eager.data(); // carries out the subtraction
        org.junit.jupiter.api.Assertions.assertNotNull(lazy.pendingMean());
        org.junit.jupiter.api.Assertions.assertNull(eager.pendingMean());
        double[] v = new double[c * p];
        double[] w = new double[c * n];
        double[] energies = new double[2 * n];
        for (int j = 0; j < v.length; j++) {
            v[j] = random.nextGaussian();
        }
        for (int j = 0; j < w.length; j++) {
            w[j] = random.nextGaussian();
        }
        for (int j = 0; j < energies.length; j++) {
            energies[j] = random.nextGaussian();
        }
        double[][] lazyOut = {new double[c * n], new double[c * p], new double[c * p]};
        double[][] eagerOut = {new double[c * n], new double[c * p], new double[c * p]};
        SampleMatrixOps.multiply(lazy, v, lazyOut[0], PARALLEL);
        SampleMatrixOps.multiplyAdjoint(lazy, w, 0.5, lazyOut[1], PARALLEL);
        org.nqs4j.optimizers.Forces.compute(lazy, energies, lazyOut[2], PARALLEL);
        SampleMatrixOps.multiply(eager, v, eagerOut[0], PARALLEL);
        SampleMatrixOps.multiplyAdjoint(eager, w, 0.5, eagerOut[1], PARALLEL);
        org.nqs4j.optimizers.Forces.compute(eager, energies, eagerOut[2], PARALLEL);
        // the raw products carry |O| ≈ 5 over up to max(N_s, P) terms; 1e-12 is ≈ 10⁴ u of that scale
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(eagerOut[k], lazyOut[k], 1e-12 * 5 * Math.max(n, p), "output " + k);
        }
        assertArrayEquals(centred, lazy.data(), 0.0, "data() carries out the pending subtraction exactly");
    }
}
