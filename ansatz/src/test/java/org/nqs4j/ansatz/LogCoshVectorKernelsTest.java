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

    /** 1 + |w|/|1 + w| + (1 + |w|)²/|1 + w|² for the decay w of modulus d (see the class comment). */
    private static double condition(double d, double wr, double wi) {
        double modulus2 = (1.0 + wr) * (1.0 + wr) + wi * wi;
        return 1.0 + d / Math.sqrt(modulus2) + (1.0 + d) * (1.0 + d) / modulus2;
    }

    @Test
    void logCoshAgreesWithTheScalarKernelOnTheGridAndKeepsItsBranch() {
        double[][] z = grid();
        int n = z[0].length;
        double[] sRe = new double[n];
        double[] sIm = new double[n];
        double[] vRe = new double[n];
        double[] vIm = new double[n];
        RbmKernels.logCosh(z[0], z[1], n, sRe, sIm);
        LogCoshVectorKernels.logCosh(z[0], z[1], n, vRe, vIm);
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
                double[] sRe = new double[n];
                double[] sIm = new double[n];
                double[] vRe = new double[n];
                double[] vIm = new double[n];
                RbmKernels.logCosh(re, im, n, sRe, sIm);
                LogCoshVectorKernels.logCosh(re, im, n, vRe, vIm);
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

    /** e^{z − shift} and the decay e^{−2sz} against Math.exp/cos/sin: relative C(1 + |phase|) to the modulus. */
    @Test
    void exponentialsAgreeWithMath() {
        double[][] z = grid();
        int n = z[0].length;
        double[] re = new double[n];
        double[] im = new double[n];
        LogCoshVectorKernels.decay(z[0], z[1], n, re, im);
        for (int k = 0; k < n; k++) {
            double x = z[0][k];
            double phase = (x >= 0.0 ? -2.0 : 2.0) * z[1][k];
            double modulus = Math.exp(Math.max(-2.0 * Math.abs(x), -700.0)); // the kernel's floor
            double tolerance = C * modulus * (1.0 + Math.abs(phase)) + Double.MIN_NORMAL;
            assertEquals(modulus * Math.cos(phase), re[k], tolerance, "Re decay at " + k);
            assertEquals(modulus * Math.sin(phase), im[k], tolerance, "Im decay at " + k);
        }
        double shift = 3.0;
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = shift - Math.abs(z[0][k]); // Re ≤ shift, down to e^{−397}
        }
        LogCoshVectorKernels.expBelow(a, z[1], n, shift, re, im);
        for (int k = 0; k < n; k++) {
            double modulus = Math.exp(Math.max(a[k] - shift, -700.0));
            double phase = z[1][k];
            double tolerance = C * modulus * (1.0 + Math.abs(phase)) + Double.MIN_NORMAL;
            assertEquals(modulus * Math.cos(phase), re[k], tolerance, "Re exp at " + k);
            assertEquals(modulus * Math.sin(phase), im[k], tolerance, "Im exp at " + k);
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
        double[] sRe = new double[n];
        double[] sIm = new double[n];
        double[] vRe = new double[n];
        double[] vIm = new double[n];
        RbmKernels.logCosh(re, im, n, sRe, sIm);
        LogCoshVectorKernels.logCosh(re, im, n, vRe, vIm);
        for (int k = 0; k < LogCoshVectorKernels.LANES; k++) {
            assertEquals(sRe[k], vRe[k], 0.0, "Re " + k);
            assertEquals(sIm[k], vIm[k], 0.0, "Im " + k);
        }
    }
}
