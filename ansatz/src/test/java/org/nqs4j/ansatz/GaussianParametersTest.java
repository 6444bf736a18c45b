package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GaussianParametersTest {

    private static double[] parameters(WaveFunction psi) {
        double[] p = new double[psi.parameterArrayLength()];
        psi.getParameters(p);
        return p;
    }

    @Test
    void sameSeedGivesSameParametersAndOtherSeedsDiffer() {
        Rbm first = Rbm.complex(6, 2);
        Rbm second = Rbm.complex(6, 2);
        GaussianParameters.initialise(first, 1234L, 0.01);
        GaussianParameters.initialise(second, 1234L, 0.01);
        assertArrayEquals(parameters(first), parameters(second), 0.0);
        GaussianParameters.initialise(second, 1235L, 0.01);
        assertFalse(Arrays.equals(parameters(first), parameters(second)));
    }

    @Test
    void entriesHaveZeroMeanAndVarianceScaleSquaredIndependentlyInReAndIm() {
        Rbm rbm = Rbm.complex(50, 4);
        double scale = 0.1;
        GaussianParameters.initialise(rbm, 7L, scale);
        double[] p = parameters(rbm);
        int n = rbm.nParameters();
        double meanRe = 0.0;
        double meanIm = 0.0;
        double varRe = 0.0;
        double varIm = 0.0;
        double cross = 0.0;
        for (int k = 0; k < n; k++) {
            meanRe += p[2 * k];
            meanIm += p[2 * k + 1];
            varRe += p[2 * k] * p[2 * k];
            varIm += p[2 * k + 1] * p[2 * k + 1];
            cross += p[2 * k] * p[2 * k + 1];
        }
        double s2 = scale * scale;
        // 5 standard errors: mean σ/√n, second moment σ²√(2/n), cross moment σ²/√n
        assertEquals(0.0, meanRe / n, 5 * scale / Math.sqrt(n));
        assertEquals(0.0, meanIm / n, 5 * scale / Math.sqrt(n));
        assertEquals(s2, varRe / n, 5 * s2 * Math.sqrt(2.0 / n));
        assertEquals(s2, varIm / n, 5 * s2 * Math.sqrt(2.0 / n));
        assertEquals(0.0, cross / n, 5 * s2 / Math.sqrt(n));
    }

    @Test
    void realVariantFillsItsPRealParameters() {
        Rbm rbm = Rbm.real(5, 1);
        GaussianParameters.initialise(rbm, 3L, 0.5);
        double[] p = parameters(rbm);
        assertEquals(rbm.nParameters(), p.length);
        for (double v : p) {
            assertFalse(v == 0.0);
        }
        GaussianParameters.initialise(rbm, 3L, 0.0);
        assertArrayEquals(new double[p.length], parameters(rbm), 0.0);
    }

    @Test
    void badScaleIsRejected() {
        Rbm rbm = Rbm.real(2, 1);
        assertThrows(IllegalArgumentException.class,
                () -> GaussianParameters.initialise(rbm, 1L, -0.1));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianParameters.initialise(rbm, 1L, Double.NaN));
    }
}
