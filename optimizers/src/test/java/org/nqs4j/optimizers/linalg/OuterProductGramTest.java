package org.nqs4j.optimizers.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.RandomRows;
import org.nqs4j.optimizers.OuterProductFactors;

/**
 * The structured RBM Gram matrix against the defining sum Σ_k ΔO_sk conj(ΔO_tk) over the centred
 * rows themselves. Both sum O(N + M + N_s) terms of size at most max|G| (the uncentred Gram) per
 * entry, so they differ by at most 4 (N + M + N_s) u max|G| (see {@link OuterProductGram}). Sizes hit the
 * 4-row tiles' and the SIMD vectors' tails.
 */
class OuterProductGramTest {
    private static final double U = 0x1p-53;

    private static LogDerivativeSamples rows(int n, int nVisible, int nHidden, boolean complex, long seed) {
        return RandomRows.factoredRbm(n, nVisible, nHidden, complex, seed);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void centredGramMatchesTheSumOverCentredRows(boolean complex) {
        // 70 samples: several row blocks and a tail; N = 7, M = 9 hit the kernel's padding
        int n = 70;
        LogDerivativeSamples o = rows(n, 7, 9, complex, complex ? 3 : 4);
        assertTrue(o.outerProductFactors().isEmpty(), "factors exist only after centring");
        double[] uncentred = o.data().clone();
        o.center(new double[o.rowLength()]);
        OuterProductFactors factors = o.outerProductFactors().orElseThrow();
        double maxG = 0;
        int row = o.rowLength();
        for (int s = 0; s < n; s++) {
            double g = 0;
            for (int k = 0; k < row; k++) {
                g += uncentred[s * row + k] * uncentred[s * row + k];
            }
            maxG = Math.max(maxG, g); // |G_st| ≤ sqrt(G_ss G_tt) ≤ max G_ss
        }
        double scale = 0.25;
        double[] gramRe = new double[n * n];
        double[] gramIm = complex ? new double[n * n] : null;
        new OuterProductGram().centred(factors, o.means(), scale, gramRe, gramIm, TaskRunner.SERIAL);
        double tolerance = 4 * (7 + 9 + n) * U * maxG * scale;
        double[] d = o.data();
        for (int s = 0; s < n; s++) {
            for (int t = 0; t <= s; t++) { // the lower triangle, the one written
                double re = 0;
                double im = 0;
                for (int k = 0; k < o.nParameters(); k++) {
                    if (complex) {
                        // ΔO_sk conj(ΔO_tk)
                        double ar = d[s * row + 2 * k];
                        double ai = d[s * row + 2 * k + 1];
                        double br = d[t * row + 2 * k];
                        double bi = d[t * row + 2 * k + 1];
                        re += ar * br + ai * bi;
                        im += ai * br - ar * bi;
                    } else {
                        re += d[s * row + k] * d[t * row + k];
                    }
                }
                assertEquals(scale * re, gramRe[s * n + t], tolerance, "(" + s + ", " + t + ")");
                if (complex) {
                    assertEquals(scale * im, gramIm[s * n + t], tolerance, "(" + s + ", " + t + ") imaginary");
                }
            }
            if (complex) {
                assertEquals(0.0, gramIm[s * n + s], 0.0, "the diagonal is exactly real");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void resultDoesNotDependOnTheTaskRunner(boolean complex) {
        int n = 101;
        LogDerivativeSamples o = rows(n, 12, 13, complex, 9);
        o.center(new double[o.rowLength()]);
        OuterProductFactors f = o.outerProductFactors().orElseThrow();
        double[][] serial = {new double[n * n], new double[n * n]};
        double[][] reversed = {new double[n * n], new double[n * n]};
        double[][] parallel = {new double[n * n], new double[n * n]};
        OuterProductGram gram = new OuterProductGram();
        gram.centred(f, o.means(), 1.0, serial[0], serial[1], TaskRunner.SERIAL);
        gram.centred(f, o.means(), 1.0, reversed[0], reversed[1], (count, task) -> {
            for (int t = count - 1; t >= 0; t--) {
                task.accept(t);
            }
        });
        gram.centred(f, o.means(), 1.0, parallel[0], parallel[1],
                (count, task) -> IntStream.range(0, count).parallel().forEach(task));
        for (int part = 0; part < 2; part++) {
            assertArrayEquals(serial[part], reversed[part], 0.0);
            assertArrayEquals(serial[part], parallel[part], 0.0);
        }
    }
}
