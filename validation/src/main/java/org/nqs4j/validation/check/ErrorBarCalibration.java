package org.nqs4j.validation.check;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * Checks the error bars themselves. Each of K independent runs (different seeds) gives a VMC
 * estimate E_k ± δ_k of a trial state whose exact energy T_k is known from the sum over the
 * Hilbert space; with honest error bars z_k = (E_k − T_k)/δ_k are independent standard normal, so
 * X² = Σ z_k² follows χ² with K degrees of freedom (no mean is fitted: a common bias counts as
 * well as too small error bars). The bars are consistent unless the upper tail P(χ²_K ≥ X²) falls
 * below {@value #LEVEL}. A sampler that does not mix on the scale of one run (a slow mode its
 * chains never reach) shows up here, where no within-run diagnostic can see it.
 *
 * @param z the deviations z_k in error bars, one per run
 */
public record ErrorBarCalibration(double[] z) {
    /** Significance level of the χ² test. */
    public static final double LEVEL = 0.01;

    public ErrorBarCalibration {
        if (z.length < 2) {
            throw new IllegalArgumentException("a calibration needs at least 2 runs, got " + z.length);
        }
        for (double v : z) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("every run needs a finite VMC - trial deviation, got " + v);
            }
        }
        z = z.clone();
    }

    @Override
    public double[] z() {
        return z.clone();
    }

    /** The z_k of the reports, each of which must carry the exact trial-state energy. */
    public static ErrorBarCalibration of(List<ValidationReport> reports) {
        double[] z = new double[reports.size()];
        for (int k = 0; k < z.length; k++) {
            ValidationReport r = reports.get(k);
            if (r.trial().isEmpty()) {
                throw new IllegalArgumentException(r.name() + ": no exact trial-state energy (the Hilbert space is"
                        + " beyond the trial-state sum), so its error bar cannot be checked");
            }
            z[k] = r.trialDeviationSigma();
        }
        return new ErrorBarCalibration(z);
    }

    public double chiSquare() {
        double s = 0;
        for (double v : z) {
            s += v * v;
        }
        return s;
    }

    /** P(χ²_K ≥ X²): the chance of a scatter at least this large with honest error bars. */
    public double pValue() {
        return 1 - new ChiSquaredDistribution(z.length).cumulativeProbability(chiSquare());
    }

    /** √(X²/K): about 1 with honest error bars, the factor by which they are too small otherwise. */
    public double rmsZ() {
        return Math.sqrt(chiSquare() / z.length);
    }

    public double meanZ() {
        double s = 0;
        for (double v : z) {
            s += v;
        }
        return s / z.length;
    }

    public boolean consistent() {
        return pValue() >= LEVEL;
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "error bars over %d runs: rms(VMC - trial) = %.2f error bars (mean %+.2f),"
                        + " chi2 = %.1f for %d dof, p = %.3g: %s%n", z.length, rmsZ(), meanZ(), chiSquare(), z.length,
                pValue(), consistent() ? "consistent"
                        : "TOO SMALL (the chains do not mix on the scale of one run, or the estimator is biased)");
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", z.length);
        m.put("z", z.clone());
        m.put("rms_z", rmsZ());
        m.put("mean_z", meanZ());
        m.put("chi_square", chiSquare());
        m.put("p_value", pValue());
        m.put("level", LEVEL);
        m.put("consistent", consistent());
        return m;
    }
}
