package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The vector log cosh and its pieces against the scalar kernels ({@link RbmKernels#logCosh},
 * {@link Math}). Tolerances from rounding: each side is within a few ulp of the exact function of its
 * rounded inputs, so they agree to c·ε times the condition of the function, with c = 16 covering the
 * few ulp of both. For log(1 + w) both kernels form |1 + w|² = 1 + (2 Re w + |w|²) from terms of
 * size (1 + |w|)², so an absolute ε there is a relative ε(1 + |w|)²/|1 + w|² of the logarithm's
 * argument, and ε|w|/|1 + w| in its angle: large only near the zeros of cosh.
 */
class LogCoshVectorKernelsTest {
    private static final double EPS = Math.ulp(1.0);
    private static final double C = 16 * EPS;

    /** Re z: 0, ±0, tiny, moderate, |Re z| &gt; 20 (w below ε), saturated; Im z: 0, near ±π/2, beyond π, large. */
    private static final double[] RE = {0.0, -0.0, 1e-300, -1e-300, 1e-8, -1e-8, 0.3, -0.3, 1.0, -1.0, 5.0, -5.0, 20.5,
        -20.5, 25.0, -25.0, 400.0, -400.0};
    private static final double[] IM = {0.0, 0.1, -0.1, 1.0, -1.0, Math.PI / 2 - 1e-3, -Math.PI / 2 + 1e-3,
        Math.PI / 2 + 1e-3, -Math.PI / 2 - 1e-3, Math.PI / 2 - 1e-6, Math.PI / 2 + 1e-6, 3.0, -3.0, 10.0, -10.0,
        100.0, -100.0, 1e5};

    /** The grid RE × IM, in an order that puts every kind of point in vector lanes and in the scalar tail. */
    private static double[][] grid() {
        int n = RE.length * IM.length;
        double[][] z = new double[2][n];
        for (int a = 0; a < RE.length; a++) {
            for (int b = 0; b < IM.length; b++) {
                z[0][a * IM.length + b] = RE[a];
                z[1][a * IM.length + b] = IM[b];
            }
        }
        return z;
    }

    /** The scalar kernel's (re, im), then the vector kernel's, of z. */
    private static double[][] logCoshes(double[] re, double[] im) {
        int n = re.length;
        double[][] out = new double[4][n];
        RbmKernels.logCosh(re, im, n, out[0], out[1]);
        LogCoshVectorKernels.logCosh(re, im, n, out[2], out[3]);
        return out;
    }

    /** As {@link #logCoshes}, for tanh. */
    private static double[][] tanhs(double[] re, double[] im) {
        int n = re.length;
        double[][] out = new double[4][n];
        RbmKernels.tanh(re, im, n, out[0], out[1]);
        LogCoshVectorKernels.tanh(re, im, n, out[2], out[3]);
        return out;
    }

    /** 1 + |w|/|1 + w| + (1 + |w|)²/|1 + w|² for the decay w of modulus d (see the class comment). */
    private static double condition(double d, double wr, double wi) {
        double modulus2 = (1.0 + wr) * (1.0 + wr) + wi * wi;
        return 1.0 + d / Math.sqrt(modulus2) + (1.0 + d) * (1.0 + d) / modulus2;
    }

    @Test
    void logCoshAgreesWithTheScalarKernelOnTheGridAndKeepsItsBranch() {
        double[][] z = grid();
        int n = z[0].length;
        double[][] both = logCoshes(z[0], z[1]);
        double[] sRe = both[0];
        double[] sIm = both[1];
        double[] vRe = both[2];
        double[] vIm = both[3];
        for (int k = 0; k < n; k++) {
            double x = z[0][k];
            double y = z[1][k];
            double s = x >= 0.0 ? 1.0 : -1.0;
            double d = Math.exp(-2.0 * Math.abs(x));
            double wr = d * Math.cos(-2.0 * s * y);
            double wi = d * Math.sin(-2.0 * s * y);
            double condition = condition(d, wr, wi);
            double tolerance = C * condition * (1.0 + Math.abs(x) + 2.0 * Math.abs(y));
            String at = "log cosh(" + x + " + i " + y + ")";
            assertEquals(sRe[k], vRe[k], tolerance, "Re " + at);
            assertEquals(sIm[k], vIm[k], tolerance, "Im " + at);
            // the branch: Im = s Im z + arg(1 + w), arg in (−π/2, π/2]
            assertTrue(Math.abs(vIm[k] - s * y) <= Math.PI / 2 + tolerance, "branch of " + at);
        }
    }

    @Test
    void logCoshAgreesOnRandomArgumentsOfEveryLength() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int n : new int[] {1, 7, 8, 9, 16, 17, 128, 513}) {
            for (double scale : new double[] {0.05, 1.0, 30.0}) {
                double[] re = Reference.randomParameters(rnd, n, scale);
                double[] im = Reference.randomParameters(rnd, n, scale);
                double[][] both = logCoshes(re, im);
                double[] sRe = both[0];
                double[] sIm = both[1];
                double[] vRe = both[2];
                double[] vIm = both[3];
                for (int k = 0; k < n; k++) {
                    double d = Math.exp(-2.0 * Math.abs(re[k]));
                    double phase = 2.0 * im[k];
                    double condition = condition(d, d * Math.cos(phase), d * Math.sin(phase));
                    double tolerance = C * condition * (1.0 + Math.abs(re[k]) + 2.0 * Math.abs(im[k]));
                    assertEquals(sRe[k], vRe[k], tolerance, "Re at " + re[k] + " + i " + im[k]);
                    assertEquals(sIm[k], vIm[k], tolerance, "Im at " + re[k] + " + i " + im[k]);
                }
            }
        }
    }

    /**
     * The last layer's terms and their log-sum-exp: log Σ_g e^{A_g} Π_c cosh θ_{c,g} against the scalar
     * log cosh summed over c and {@link ProjectedWaveFunction#logSumExp}. Each of the C channels adds
     * a few ulp of its |θ| and of its phase, so the tolerance is C·ε·Σ_c (1 + 3|θ_{c,g}|) at its
     * largest over g, as in the grid test (no zero of cosh nearby: |Im θ| &lt; 1.2).
     */
    @Test
    void coshTermsSumToTheScalarLogSumExp() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int stride : new int[] {3, 8, 18, 128}) {
            for (int channels : new int[] {1, 4}) {
                for (double scale : new double[] {0.3, 3.0, 40.0}) {
                    double[] thetaRe = Reference.randomParameters(rnd, channels * stride, scale);
                    double[] thetaIm = Reference.randomParameters(rnd, channels * stride, 1.2);
                    double[] aRe = Reference.randomParameters(rnd, 2 * stride, 2.0);
                    double[] aIm = Reference.randomParameters(rnd, 2 * stride, 3.0);
                    double[] zRe = new double[channels * stride];
                    double[] zIm = new double[channels * stride];
                    RbmKernels.logCosh(thetaRe, thetaIm, channels * stride, zRe, zIm);
                    double[] terms = new double[4 * stride];
                    double worst = 0.0;
                    for (int g = 0; g < stride; g++) {
                        double size = 0.0;
                        for (int half = 0; half < 2; half++) { // the same θ under two coefficients, as s = ±1
                            terms[2 * (half * stride + g)] = aRe[half * stride + g];
                            terms[2 * (half * stride + g) + 1] = aIm[half * stride + g];
                        }
                        for (int c = 0; c < channels; c++) {
                            for (int half = 0; half < 2; half++) {
                                terms[2 * (half * stride + g)] += zRe[c * stride + g];
                                terms[2 * (half * stride + g) + 1] += zIm[c * stride + g];
                            }
                            size += 1.0 + 3.0 * Math.hypot(thetaRe[c * stride + g], thetaIm[c * stride + g]);
                        }
                        worst = Math.max(worst, size + Math.abs(aRe[g]) + Math.abs(aIm[g]));
                    }
                    double[] expected = new double[2];
                    ProjectedWaveFunction.logSumExp(terms, expected, new double[terms.length]);
                    double[] productRe = new double[2 * stride];
                    double[] productIm = new double[2 * stride];
                    for (int half = 0; half < 2; half++) {
                        LogCoshVectorKernels.coshProduct(thetaRe, thetaIm, channels, stride, aRe, aIm, productRe,
                                productIm, half * stride, new double[channels * stride], new double[channels * stride]);
                    }
                    double[] sum = new double[2];
                    double[] actual = new double[2];
                    LogCoshVectorKernels.logSumExp(aRe, aIm, productRe, productIm, 2 * stride, sum, actual);
                    String what = "stride " + stride + ", " + channels + " channels, scale " + scale;
                    double tolerance = C * worst * Math.sqrt(2 * stride);
                    assertEquals(expected[0], actual[0], tolerance, "Re " + what);
                    assertEquals(0.0, Reference.wrap(expected[1] - actual[1]), tolerance, "Im " + what);
                }
            }
        }
    }

    /**
     * tanh against {@link RbmKernels#tanh} on the grid: both are s(1 − w)/(1 + w) from a decay w
     * accurate to a few ulp; |1 + w|² is formed from terms of size (1 + |w|)², so both carry a relative
     * error C(1 + 2|Im z|)(1 + |w|)²/|1 + w|² (the pole's condition) in the denominator and that absolute
     * error in the numerator (1 − |w|² is formed directly here): tolerance that times (1 + |tanh z|).
     */
    @Test
    void tanhAgreesWithTheScalarKernelOnTheGrid() {
        double[][] z = grid();
        int n = z[0].length;
        double[][] both = tanhs(z[0], z[1]);
        double[] sRe = both[0];
        double[] sIm = both[1];
        double[] vRe = both[2];
        double[] vIm = both[3];
        for (int k = 0; k < n; k++) {
            double x = z[0][k];
            double y = z[1][k];
            double d = Math.exp(-2.0 * Math.abs(x));
            double phase = (x >= 0.0 ? -2.0 : 2.0) * y;
            double modulus2 = (1.0 + d * Math.cos(phase)) * (1.0 + d * Math.cos(phase)) + d * d * Math.sin(phase)
                    * Math.sin(phase);
            double tolerance = C * (1.0 + 2.0 * Math.abs(y)) * (1.0 + d) * (1.0 + d) / modulus2
                    * (1.0 + Math.hypot(sRe[k], sIm[k]));
            assertEquals(sRe[k], vRe[k], tolerance, "Re tanh(" + x + " + i " + y + ")");
            assertEquals(sIm[k], vIm[k], tolerance, "Im tanh(" + x + " + i " + y + ")");
        }
    }

    /** A vector with a phase beyond the reducible range is the scalar kernel's, bit for bit; the others are not touched by it. */
    @Test
    void outOfRangeVectorsAreTheScalarKernels() {
        int n = 2 * LogCoshVectorKernels.LANES;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int k = 0; k < n; k++) {
            re[k] = 0.1 * k - 0.5;
            im[k] = 0.2 * k;
        }
        im[1] = 3e6;
        double[][] both = logCoshes(re, im);
        double[] sRe = both[0];
        double[] sIm = both[1];
        double[] vRe = both[2];
        double[] vIm = both[3];
        for (int k = 0; k < LogCoshVectorKernels.LANES; k++) {
            assertEquals(sRe[k], vRe[k], 0.0, "Re " + k);
            assertEquals(sIm[k], vIm[k], 0.0, "Im " + k);
        }
    }
}
