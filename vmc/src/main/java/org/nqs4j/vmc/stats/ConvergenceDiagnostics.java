package org.nqs4j.vmc.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Whether an optimisation reached a stationary point that is an eigenstate, from its per-step
 * energies E_t ± δ_t and variances Var_t, judged on the last quarter of the steps (at least
 * {@value #MIN_WINDOW}; W steps):
 * <ul>
 * <li><b>energy still falling</b>: the least-squares line through E_t has a drop −b·(W−1) over the
 * window larger than twice its standard error (from the residuals, so that noisier steps widen it)
 * and larger than the mean error bar δ̄ of one step;</li>
 * <li><b>variance still falling</b>: the line through ln Var_t falls by more than twice its standard
 * error and by more than {@value #VARIANCE_FALL} of Var over the window;</li>
 * <li><b>V-score</b>: the median over the window of V_t = N·Var_t/E_t² (Wu et al., "Variational
 * benchmarks for quantum many-body problems", Science 386, 296 (2024)); it is 0 exactly for an
 * eigenstate, and √(V/N) is the spread of the energy distribution relative to |E|.</li>
 * </ul>
 * The run is <b>stalled</b> when neither the energy nor the variance falls while the V-score stays
 * above {@link #V_SCORE_STALLED}: a plateau away from any eigenstate (a converged run also has a
 * flat energy, but its V-score is small). It is stalled too when its chains are <b>frozen</b>: a
 * median Metropolis acceptance below {@value #FROZEN_ACCEPTANCE} over the window. Chains that do not
 * move repeat their configurations, so Var_t and V_t shrink towards 0 as if ψ were an eigenstate
 * (measured: the positive RBM on the L = 8 ring without Marshall's sign, acceptance 7e-5, Var_t from
 * 0.1 to 2e-5 over the window, read as "still improving"; its final estimate from fresh chains had
 * V = 3.9), and steps computed from them go nowhere. The zero of the energy is E_∞ = 0, the infinite-temperature
 * energy of the traceless Hamiltonians of this engine.
 *
 * @param assessed     false when the run is too short ({@code 2·MIN_WINDOW} steps) or the window has
 *                     non-finite values; the other fields are then NaN
 * @param energyDrop   fitted fall of the energy over the window (positive: still improving)
 * @param dropError    standard error of {@code energyDrop}
 * @param stepError    mean error bar δ̄ of one step's energy in the window
 * @param varianceRatio fitted Var at the end of the window over Var at its start
 * @param acceptance   median Metropolis acceptance over the window (NaN when the log has none)
 */
public record ConvergenceDiagnostics(boolean assessed, boolean stalled, int window, double energyDrop,
                                     double dropError, double stepError, double varianceRatio,
                                     double varianceRatioError, double vScore, double acceptance, String verdict) {
    /** Smallest window of steps judged. */
    public static final int MIN_WINDOW = 20;
    /**
     * V-score above which a flat optimisation counts as stalled: 5× the largest V of the converged
     * runs measured (2e-4 to 2e-3 at relative errors 4e-5 to 3e-4; stalled runs sat above 1;
     * validation/README.md, "Accuracy"). On 16–100 sites, 1e-2 is an energy spread √(V/N) of
     * 1–2.5 % of |E|.
     */
    public static final double V_SCORE_STALLED = 1e-2;
    /** Median acceptance over the window below which the chains count as frozen (stalled whatever Var_t says). */
    public static final double FROZEN_ACCEPTANCE = 1e-3;
    /** Relative fall of the variance over the window that counts as still improving. */
    public static final double VARIANCE_FALL = 0.1;
    private static final double SIGNIFICANCE = 2;

    /**
     * Judges the last quarter (at least {@value #MIN_WINDOW} steps) of the series, all of equal length
     * ({@code acceptance}: the steps' Metropolis acceptance, NaN where there is none, e.g. an exact sum).
     */
    public static ConvergenceDiagnostics of(double[] energy, double[] error, double[] variance, double[] acceptance,
                                            int nSites) {
        int n = energy.length;
        if (error.length != n || variance.length != n || acceptance.length != n) {
            throw new IllegalArgumentException("energy, error, variance and acceptance series differ in length: " + n
                    + ", " + error.length + ", " + variance.length + ", " + acceptance.length);
        }
        int w = Math.max(MIN_WINDOW, n / 4);
        if (n < 2 * MIN_WINDOW) {
            return notAssessed(w, (n == 1 ? "1 optimisation step is" : n + " optimisation steps are")
                    + " too few to judge convergence (need " + 2 * MIN_WINDOW + ")");
        }
        int from = n - w;
        double[] logVariance = new double[w];
        double[] v = new double[w];
        double noise = 0;
        for (int t = 0; t < w; t++) {
            double e = energy[from + t];
            double var = variance[from + t];
            if (!Double.isFinite(e) || !Double.isFinite(error[from + t]) || !(var > 0) || !Double.isFinite(var)
                    || e == 0) {
                return notAssessed(w, "non-finite or zero energy/variance in the last " + w + " steps");
            }
            logVariance[t] = Math.log(var);
            v[t] = nSites * var / (e * e);
            noise += error[from + t] / w;
        }
        Line energyLine = Line.fit(Arrays.copyOfRange(energy, from, n));
        Line varianceLine = Line.fit(logVariance);
        double drop = -energyLine.slope() * (w - 1);
        double dropError = energyLine.slopeError() * (w - 1);
        double logRatio = varianceLine.slope() * (w - 1);
        double logRatioError = varianceLine.slopeError() * (w - 1);
        double ratio = Math.exp(logRatio);
        boolean energyFalling = drop > SIGNIFICANCE * dropError && drop > noise;
        boolean varianceFalling = -logRatio > SIGNIFICANCE * logRatioError && ratio < 1 - VARIANCE_FALL;
        double vScore = median(v);
        double accepted = median(Arrays.copyOfRange(acceptance, from, n)); // NaN if any step has none
        boolean frozen = accepted < FROZEN_ACCEPTANCE;
        boolean stalled = frozen || !energyFalling && !varianceFalling && vScore > V_SCORE_STALLED;
        String verdict;
        if (frozen) {
            verdict = String.format(Locale.ROOT, "STALLED: the chains are frozen (median acceptance %.2g over the last %d"
                    + " steps, below %.0e): they repeat their configurations, so the variance (x%.2f) and the V-score"
                    + " (%.3g) measure nothing and the steps go nowhere (try a smaller init_scale, a larger shift, or"
                    + " another move)", accepted, w, FROZEN_ACCEPTANCE, ratio, vScore);
        } else if (stalled) {
            verdict = String.format(Locale.ROOT, "STALLED: the energy is flat over the last %d steps (fitted fall %.2g"
                    + " ± %.2g, step error %.2g) and the variance does not fall (x%.2f), while the V-score %.3g stays above"
                    + " %.0e: a plateau away from the ground state (try a symmetric ansatz, a larger shift, more"
                    + " samples, or another seed)", w, drop, dropError, noise, ratio, vScore, V_SCORE_STALLED);
        } else if (energyFalling || varianceFalling) {
            verdict = String.format(Locale.ROOT, "still improving over the last %d steps (energy fall %.2g ± %.2g,"
                    + " variance x%.2f): more iterations may lower the energy", w, drop, dropError, ratio);
        } else {
            verdict = String.format(Locale.ROOT, "converged: flat energy and variance over the last %d steps with"
                    + " V-score %.3g <= %.0e", w, vScore, V_SCORE_STALLED);
        }
        return new ConvergenceDiagnostics(true, stalled, w, drop, dropError, noise, ratio,
                ratio * logRatioError, vScore, accepted, verdict);
    }

    /** The median of the values (sorted in place); NaN if one is NaN. */
    private static double median(double[] x) {
        for (double value : x) {
            if (Double.isNaN(value)) {
                return Double.NaN;
            }
        }
        Arrays.sort(x);
        int w = x.length;
        return w % 2 == 1 ? x[w / 2] : 0.5 * (x[w / 2 - 1] + x[w / 2]);
    }

    private static ConvergenceDiagnostics notAssessed(int window, String why) {
        return new ConvergenceDiagnostics(false, false, window, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, "not assessed: " + why);
    }

    /** The {@code convergence} record of summary.json. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stalled", stalled);
        m.put("assessed", assessed);
        m.put("window", window);
        m.put("energy_drop", energyDrop);
        m.put("energy_drop_error", dropError);
        m.put("step_error", stepError);
        m.put("variance_ratio", varianceRatio);
        m.put("variance_ratio_error", varianceRatioError);
        m.put("v_score", vScore);
        m.put("v_score_stalled", V_SCORE_STALLED);
        m.put("acceptance", acceptance);
        m.put("verdict", verdict);
        return m;
    }

    /** Least-squares line y_t = a + b·t over t = 0..n−1, with the standard error of b from the residuals. */
    record Line(double slope, double slopeError) {
        static Line fit(double[] y) {
            int n = y.length;
            double tMean = (n - 1) / 2.0;
            double yMean = 0;
            for (double v : y) {
                yMean += v / n;
            }
            double sxx = 0;
            double sxy = 0;
            for (int t = 0; t < n; t++) {
                sxx += (t - tMean) * (t - tMean);
                sxy += (t - tMean) * (y[t] - yMean);
            }
            double b = sxy / sxx;
            double rss = 0;
            for (int t = 0; t < n; t++) {
                double r = y[t] - yMean - b * (t - tMean);
                rss += r * r;
            }
            return new Line(b, Math.sqrt(rss / (n - 2) / sxx));
        }
    }
}
