package org.nqs4j.vmc.stats;

/**
 * Mean, error and diagnostics of values produced by several Markov chains of equal length,
 * stored chain-major: value s of chain c at index {@code c * perChain + s}.
 *
 * <p>The autocorrelation time is estimated twice and the larger is kept, so that the error bar
 * is not optimistic: (i) by Sokal's automatic windowing of the chain-averaged autocorrelation
 * function, τ(W) = 1 + 2 Σ_{t=1}^{W} ρ(t) with the smallest W ≥ 5 τ(W) (Sokal, Monte Carlo Methods
 * in Statistical Mechanics, 1997, §3); (ii) from the scatter of the chain means,
 * τ_B = n · Var(chain means) / Var, which also captures chains that have not mixed.
 */
public final class ChainStatistics {
    private static final double WINDOW_FACTOR = 5.0;

    private ChainStatistics() {
    }

    public static Estimate of(double[] values, int nChains, int perChain) {
        return of(values, 0, 1, nChains, perChain);
    }

    /**
     * Statistics of {@code values[offset + stride * (c * perChain + s)]}; with stride 2 and offset 0
     * this reads the real parts of an interleaved complex array.
     */
    public static Estimate of(double[] values, int offset, int stride, int nChains, int perChain) {
        if (nChains < 1 || perChain < 1) {
            throw new IllegalArgumentException("need at least one chain with one sample");
        }
        long n = (long) nChains * perChain;
        double[] chainMean = new double[nChains];
        double total = 0;
        for (int c = 0; c < nChains; c++) {
            double s = 0;
            for (int k = 0; k < perChain; k++) {
                s += at(values, offset, stride, c * perChain + k);
            }
            chainMean[c] = s / perChain;
            total += s;
        }
        double mean = total / n;
        double ss = 0;
        for (long k = 0; k < n; k++) {
            double d = at(values, offset, stride, (int) k) - mean;
            ss += d * d;
        }
        double variance = n > 1 ? ss / (n - 1) : 0.0;
        if (!(variance > 0)) {
            // a constant estimator (e.g. an exact eigenstate): no fluctuations to correlate
            return new Estimate(mean, 0.0, Double.isNaN(variance) ? Double.NaN : 0.0, 1.0,
                    perChain >= 4 ? 1.0 : Double.NaN, n);
        }
        double tau = Math.max(windowedTau(values, offset, stride, nChains, perChain, chainMean),
                betweenChainTau(chainMean, mean, perChain, variance));
        tau = Math.max(tau, 1.0 / perChain); // never fewer than one effective sample per chain length
        double error = Math.sqrt(variance * Math.min(tau, perChain) / n);
        return new Estimate(mean, error, variance, tau, splitRHat(values, offset, stride, nChains, perChain), n);
    }

    private static double at(double[] v, int offset, int stride, int k) {
        return v[offset + stride * k];
    }

    /** Sokal's windowed τ of the autocorrelation averaged over chains (each about its own mean). */
    static double windowedTau(double[] v, int offset, int stride, int nChains, int perChain, double[] chainMean) {
        double gamma0 = autocovariance(v, offset, stride, nChains, perChain, chainMean, 0);
        if (!(gamma0 > 0)) {
            return 1.0;
        }
        double tau = 1.0;
        for (int t = 1; t < perChain; t++) {
            tau += 2 * autocovariance(v, offset, stride, nChains, perChain, chainMean, t) / gamma0;
            if (t >= WINDOW_FACTOR * tau) {
                return Math.max(tau, 1.0 / perChain);
            }
        }
        return Math.max(tau, 1.0); // no window found: the chains are too short to resolve τ
    }

    private static double autocovariance(double[] v, int offset, int stride, int nChains, int perChain,
                                         double[] chainMean, int lag) {
        double s = 0;
        for (int c = 0; c < nChains; c++) {
            int base = c * perChain;
            double m = chainMean[c];
            for (int k = 0; k + lag < perChain; k++) {
                s += (at(v, offset, stride, base + k) - m) * (at(v, offset, stride, base + k + lag) - m);
            }
        }
        return s / ((double) nChains * perChain);
    }

    /** τ_B = n·Var(chain means)/Var: the chain means scatter by Var·τ/n when τ is right. */
    static double betweenChainTau(double[] chainMean, double mean, int perChain, double variance) {
        int m = chainMean.length;
        if (m < 2) {
            return 0.0;
        }
        double s = 0;
        for (double cm : chainMean) {
            s += (cm - mean) * (cm - mean);
        }
        return perChain * (s / (m - 1)) / variance;
    }

    /** Split-R̂: each chain cut in halves, R̂ = √(((n−1)/n·W + B/n) / W). */
    static double splitRHat(double[] v, int offset, int stride, int nChains, int perChain) {
        int half = perChain / 2;
        if (half < 2) {
            return Double.NaN;
        }
        int m = 2 * nChains;
        double[] means = new double[m];
        double[] vars = new double[m];
        for (int c = 0; c < nChains; c++) {
            for (int h = 0; h < 2; h++) {
                int base = c * perChain + h * half + (h == 1 ? perChain - 2 * half : 0);
                double s = 0;
                for (int k = 0; k < half; k++) {
                    s += at(v, offset, stride, base + k);
                }
                double mu = s / half;
                double q = 0;
                for (int k = 0; k < half; k++) {
                    double d = at(v, offset, stride, base + k) - mu;
                    q += d * d;
                }
                means[2 * c + h] = mu;
                vars[2 * c + h] = q / (half - 1);
            }
        }
        double w = 0;
        double grand = 0;
        for (int j = 0; j < m; j++) {
            w += vars[j];
            grand += means[j];
        }
        w /= m;
        grand /= m;
        double b = 0;
        for (int j = 0; j < m; j++) {
            b += (means[j] - grand) * (means[j] - grand);
        }
        b = half * b / (m - 1);
        if (!(w > 0)) {
            return Double.NaN;
        }
        return Math.sqrt(((half - 1.0) / half * w + b / half) / w);
    }
}
