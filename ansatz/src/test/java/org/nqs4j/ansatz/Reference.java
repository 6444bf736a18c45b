package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

/**
 * Independent textbook formulas for the tests: naive complex cosh/log and log ψ read directly
 * from the public parameter layout (valid for moderate |θ|, where nothing overflows).
 */
final class Reference {
    private Reference() {
    }

    /** log cosh(x + iy) = log(cosh x cos y + i sinh x sin y), principal branch. */
    static double[] naiveLogCosh(double x, double y) {
        double re = Math.cosh(x) * Math.cos(y);
        double im = Math.sinh(x) * Math.sin(y);
        return new double[] {Math.log(Math.hypot(re, im)), Math.atan2(im, re)};
    }

    /** θ²/2 − θ⁴/12 + θ⁶/45 of θ = x + iy, term by term in polar form: c_m θ^{2m} = c_m r^{2m} e^{2imφ}. */
    static double[] naivePoly6(double x, double y) {
        double r2 = x * x + y * y;
        double phase = Math.atan2(y, x);
        double[] coefficient = {0.5, -1.0 / 12, 1.0 / 45};
        double re = 0;
        double im = 0;
        for (int m = 1; m <= 3; m++) {
            double mod = coefficient[m - 1] * Math.pow(r2, m);
            re += mod * Math.cos(2 * m * phase);
            im += mod * Math.sin(2 * m * phase);
        }
        return new double[] {re, im};
    }

    /** RBM log ψ from the public layout a (N), b (M), W (j·N + i). */
    static double[] rbmLogPsi(double[] p, boolean complex, int n, int m, int[] sigma) {
        double re = 0.0;
        double im = 0.0;
        for (int i = 0; i < n; i++) {
            re += get(p, complex, i, 0) * sigma[i];
            im += get(p, complex, i, 1) * sigma[i];
        }
        for (int j = 0; j < m; j++) {
            double tr = get(p, complex, n + j, 0);
            double ti = get(p, complex, n + j, 1);
            for (int i = 0; i < n; i++) {
                tr += get(p, complex, n + m + j * n + i, 0) * sigma[i];
                ti += get(p, complex, n + m + j * n + i, 1) * sigma[i];
            }
            double[] lc = naiveLogCosh(tr, ti);
            re += lc[0];
            im += lc[1];
        }
        return new double[] {re, im};
    }

    /** Jastrow log ψ = Σ_{i<j} J_ij σ_i σ_j from the public pair layout (row-wise i < j). */
    static double[] jastrowLogPsi(double[] p, boolean complex, int n, int[] sigma) {
        double re = 0.0;
        double im = 0.0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, k++) {
                re += get(p, complex, k, 0) * sigma[i] * sigma[j];
                im += get(p, complex, k, 1) * sigma[i] * sigma[j];
            }
        }
        return new double[] {re, im};
    }

    static double get(double[] p, boolean complex, int k, int part) {
        if (complex) {
            return p[2 * k + part];
        }
        return part == 0 ? p[k] : 0.0;
    }

    /**
     * Asserts that a cache's O_k at σ are the derivatives of log ψ: central differences with step
     * h = 1e-5 (truncation h²/6 |f‴| ≲ 1e-11, rounding ε|log ψ|/h ≲ 1e-10), to 1e-8. A complex
     * ansatz is stepped along the real and the imaginary axis of each parameter: a holomorphic
     * log ψ has the same derivative in both directions. Leaves ψ at parameters {@code p}.
     */
    static void assertLogDerivativesMatchDifferences(WaveFunction psi, double[] p, int[] sigma) {
        psi.setParameters(p);
        WalkerCache cache = psi.newCache();
        cache.reset(sigma);
        double[] o = new double[p.length + 5];
        cache.logDerivatives(o, 5);
        double h = 1e-5;
        double[] plus = new double[2];
        double[] minus = new double[2];
        int parts = psi.isComplex() ? 2 : 1;
        for (int k = 0; k < psi.nParameters(); k++) {
            for (int part = 0; part < parts; part++) {
                double[] q = p.clone();
                q[parts * k + part] = p[parts * k + part] + h;
                psi.setParameters(q);
                psi.logPsi(sigma, plus);
                q[parts * k + part] = p[parts * k + part] - h;
                psi.setParameters(q);
                psi.logPsi(sigma, minus);
                double dRe = plus[0] - minus[0];
                double dIm = wrap(plus[1] - minus[1]);
                // divide by 2h (real step) or by 2ih (imaginary step)
                double estRe = part == 0 ? dRe / (2 * h) : dIm / (2 * h);
                double estIm = part == 0 ? dIm / (2 * h) : -dRe / (2 * h);
                assertEquals(estRe, o[5 + parts * k], 1e-8, "Re O_" + k + " direction " + part);
                if (psi.isComplex()) {
                    assertEquals(estIm, o[5 + 2 * k + 1], 1e-8, "Im O_" + k + " direction " + part);
                }
            }
        }
        psi.setParameters(p);
    }

    /** Asserts two complex logarithms agree: Re to {@code tol}, Im to {@code tol} modulo 2π. */
    static void assertLogEquals(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected[0], actual[0], tol, what + " (Re)");
        assertEquals(0.0, wrap(expected[1] - actual[1]), tol, what + " (Im mod 2pi)");
    }

    /** Angle difference mapped to (−π, π]. */
    static double wrap(double angle) {
        return Math.IEEEremainder(angle, 2.0 * Math.PI);
    }

    /**
     * Walks a fresh cache of {@code psi} (parameters already set) through {@code steps} proposed
     * one- and two-site moves, accepting all but those to a configuration of zero amplitude; on every step the log ratio equals the change of the cache's log ψ to
     * {@code tol}, and on half of them the move's {@link WalkerCache#ratio} (called before the move,
     * as the sampler does) is e^{log ratio}. At the end the walked cache's log-derivatives equal a
     * fresh cache's at the same σ to {@code tol}. Returns the walked cache.
     */
    static WalkerCache walkedCacheAgreesWithAFreshOne(WaveFunction psi, SplittableRandom rnd, int steps, double tol) {
        int n = psi.nSites();
        WalkerCache walked = psi.newCache();
        walked.reset(randomConfiguration(rnd, n));
        double[] ratio = new double[2];
        double[] logRatio = new double[2];
        double[] before = new double[2];
        double[] after = new double[2];
        for (int step = 0; step < steps; step++) {
            int[] sites = distinctSites(rnd, n, 1 + step % 2);
            walked.logPsi(before);
            walked.logRatio(sites, Reference.flipped(walked, sites), 0, sites.length, logRatio);
            if (logRatio[0] == Double.NEGATIVE_INFINITY) {
                continue; // a configuration of zero amplitude (outside a projection's sector) is never accepted
            }
            if (step % 4 < 2) {
                walked.ratio(sites, Reference.flipped(walked, sites), 0, sites.length, ratio);
                double modulus = Math.exp(logRatio[0]);
                assertEquals(modulus * Math.cos(logRatio[1]), ratio[0], tol * (1 + modulus), "Re ratio " + step);
                assertEquals(modulus * Math.sin(logRatio[1]), ratio[1], tol * (1 + modulus), "Im ratio " + step);
            }
            walked.applyMove(sites, Reference.flipped(walked, sites), 0, sites.length);
            walked.logPsi(after);
            assertLogEquals(new double[] {after[0] - before[0], after[1] - before[1]}, logRatio, tol,
                    "log ratio of step " + step);
        }
        WalkerCache fresh = psi.newCache();
        fresh.reset(walked.configuration());
        double[] dWalked = new double[psi.parameterArrayLength()];
        double[] dFresh = new double[psi.parameterArrayLength()];
        walked.logDerivatives(dWalked, 0);
        fresh.logDerivatives(dFresh, 0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(dFresh, dWalked, tol);
        return walked;
    }

    static int[] randomConfiguration(SplittableRandom rnd, int n) {
        int[] sigma = new int[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = rnd.nextBoolean() ? 1 : -1;
        }
        return sigma;
    }

    /** {@code count} distinct sites of 0..n−1, in random order. */
    static int[] distinctSites(SplittableRandom rnd, int n, int count) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int r = i + rnd.nextInt(n - i);
            int t = all[i];
            all[i] = all[r];
            all[r] = t;
        }
        int[] sites = new int[count];
        System.arraycopy(all, 0, sites, 0, count);
        return sites;
    }

    static int[] flipped(int[] sigma, int[] sites) {
        int[] s = sigma.clone();
        for (int i : sites) {
            s[i] = -s[i];
        }
        return s;
    }

    static double[] randomParameters(SplittableRandom rnd, int length, double scale) {
        double[] p = new double[length];
        for (int k = 0; k < length; k++) {
            p[k] = scale * (2.0 * rnd.nextDouble() - 1.0);
        }
        return p;
    }

    /** The new values of a spin-flip move: −σ at each listed site of the cache's configuration (0 elsewhere). */
    static int[] flipped(WalkerCache cache, int[] sites) {
        int[] sigma = cache.configuration();
        int[] values = new int[sites.length];
        for (int f = 0; f < sites.length; f++) {
            if (sites[f] >= 0 && sites[f] < sigma.length) {
                values[f] = -sigma[sites[f]];
            }
        }
        return values;
    }
}
