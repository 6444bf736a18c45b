package org.nqs4j.validation.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ErrorBarCalibrationTest {
    /** χ²₁₀ has its 1 % upper point at 23.209 (tables): the test's threshold. */
    @Test
    void pValueIsTheChiSquareTail() {
        double[] z = new double[10];
        java.util.Arrays.fill(z, Math.sqrt(23.209 / 10));
        ErrorBarCalibration c = new ErrorBarCalibration(z);
        assertEquals(23.209, c.chiSquare(), 1e-9);
        assertEquals(0.01, c.pValue(), 1e-4);
        assertEquals(Math.sqrt(2.3209), c.rmsZ(), 1e-12);
    }

    /** The two rows of validation/README.md: the RBM state passes, the slowly mixing ffnn state fails. */
    @Test
    void measuredScattersAreJudgedAsInTheReadme() {
        ErrorBarCalibration rbm = new ErrorBarCalibration(new double[] {-0.2, -0.4, 1.4, 0.5, 0.3, -0.1, -1.2, -0.8,
                0.7, 1.5});
        assertTrue(rbm.consistent(), "p = " + rbm.pValue());
        ErrorBarCalibration ffnn = new ErrorBarCalibration(new double[] {-3.1, 0.2, 0.3, -4.6, -3.1, -3.7, 1.5, 0.9,
                0.4, 0.5});
        assertFalse(ffnn.consistent(), "p = " + ffnn.pValue());
        assertEquals(-1.07, ffnn.meanZ(), 1e-12);
    }

    /** Standard normal z pass at about the stated rate; the same z from bars 2× too small fail. */
    @Test
    void honestBarsPassAndHalvedBarsFail() {
        SplittableRandom rnd = new SplittableRandom(1);
        int trials = 2000;
        int honestFailures = 0;
        int halvedFailures = 0;
        for (int t = 0; t < trials; t++) {
            double[] z = new double[10];
            double[] doubled = new double[10];
            for (int k = 0; k < z.length; k++) {
                z[k] = gaussian(rnd);
                doubled[k] = 2 * z[k];
            }
            honestFailures += new ErrorBarCalibration(z).consistent() ? 0 : 1;
            halvedFailures += new ErrorBarCalibration(doubled).consistent() ? 0 : 1;
        }
        // 1 % expected: 20 ± 4.5 of 2000; P(χ²₁₀ ≥ 23.209/4 = 5.80) = 0.83 for halved bars
        assertTrue(honestFailures > 5 && honestFailures < 40, honestFailures + " honest failures");
        assertTrue(halvedFailures > 0.75 * trials, halvedFailures + " failures with halved bars");
    }

    private static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    @Test
    void tooFewOrNonFiniteRunsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ErrorBarCalibration(new double[] {1.0}));
        assertThrows(IllegalArgumentException.class, () -> new ErrorBarCalibration(new double[] {1.0, Double.NaN}));
    }
}
