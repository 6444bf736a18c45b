package org.nqs4j.chemistry.integrals;

import org.hipparchus.special.Gamma;

/**
 * The Boys function F_m(T) = int_0^1 t^{2m} exp(-T t^2) dt for m = 0..mMax.
 *
 * <p>The top order comes from the regularised lower incomplete gamma function,
 * F_m(T) = Gamma(m+1/2) P(m+1/2, T) / (2 T^{m+1/2}) (Hipparchus), or for T &lt; 1 from the
 * alternating series F_m(T) = sum_k (-T)^k / (k! (2m+2k+1)), which has no cancellation there and
 * no 0/0 at T = 0. The lower orders follow by the downward recursion
 * F_{m-1}(T) = (2T F_m(T) + e^{-T}) / (2m-1), which is stable (Helgaker, Jorgensen &amp; Olsen, eq. 9.8.13).
 */
public final class Boys {
    private Boys() {
    }

    /** Fills out[0..mMax] with F_0(T)..F_mMax(T). */
    public static void values(int mMax, double t, double[] out) {
        double top;
        if (t < 1) {
            top = 0;
            double term = 1;
            for (int k = 0; k < 60; k++) {
                double add = term / (2 * mMax + 2 * k + 1);
                top += add;
                if (Math.abs(add) < 1e-17 * top) {
                    break;
                }
                term *= -t / (k + 1);
            }
        } else {
            double a = mMax + 0.5;
            top = Math.exp(Gamma.logGamma(a) - a * Math.log(t)) * Gamma.regularizedGammaP(a, t, 1e-16, 10000) / 2;
        }
        out[mMax] = top;
        double e = Math.exp(-t);
        for (int m = mMax; m > 0; m--) {
            out[m - 1] = (2 * t * out[m] + e) / (2 * m - 1);
        }
    }
}
