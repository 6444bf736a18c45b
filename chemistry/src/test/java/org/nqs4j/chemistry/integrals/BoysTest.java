package org.nqs4j.chemistry.integrals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

/** F_m(T) against closed forms: F_0(T) = sqrt(pi/T) erf(sqrt T)/2, F_m(0) = 1/(2m+1), large-T asymptote. */
class BoysTest {
    @Test
    void matchesClosedForms() {
        double[] f = new double[9];
        for (double t : new double[] {1e-12, 1e-3, 0.5, 0.999, 1.0, 2.5, 10, 35, 120}) {
            Boys.values(8, t, f);
            double exact0 = 0.5 * Math.sqrt(Math.PI / t) * Erf.erf(Math.sqrt(t));
            assertEquals(exact0, f[0], 1e-14 * Math.max(1, exact0), "F0 at T=" + t);
            // upward relation F_{m+1} = ((2m+1) F_m - e^{-T}) / (2T), checked where it is stable (T large)
            if (t > 20) {
                for (int m = 0; m < 8; m++) {
                    assertEquals(((2 * m + 1) * f[m] - Math.exp(-t)) / (2 * t), f[m + 1], 1e-13 * f[m + 1]);
                }
            }
        }
        Boys.values(8, 0, f);
        for (int m = 0; m <= 8; m++) {
            assertEquals(1.0 / (2 * m + 1), f[m], 1e-16);
        }
        // F_m(T) -> (2m-1)!! / 2^{m+1} sqrt(pi / T^{2m+1}) for large T
        Boys.values(3, 200, f);
        assertEquals(15.0 / 16 * Math.sqrt(Math.PI / Math.pow(200, 7)), f[3], 1e-14 * f[3]);
    }
}
