package org.nqs4j.validation.check;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * Compares the energies E_k ± δ_k of K runs of one config with different seeds when the trial
 * states' exact energies are out of reach (the Hilbert space is beyond the trial-state sum). With
 * honest error bars and runs that end in states of equal energy, the deviations from the weighted
 * mean Ē = Σ w_k E_k / Σ w_k (w_k = 1/δ_k²) give X² = Σ ((E_k − Ē)/δ_k)² distributed as χ² with
 * K − 1 degrees of freedom. A small P(χ²_{K−1} ≥ X²) (below {@value ErrorBarCalibration#LEVEL})
 * says the seeds ended in different variational states (an optimisation that has not converged,
 * or stalls in seed-dependent states) or the error bars are too small; the lowest energy is the
 * best variational bound.
 *
 * @param energy the runs' energies E_k
 * @param error  their error bars δ_k
 */
public record SeedConsistency(double[] energy, double[] error) {
    public SeedConsistency {
        if (energy.length < 2 || energy.length != error.length) {
            throw new IllegalArgumentException("a seed comparison needs at least 2 runs with one error bar each, got "
                    + energy.length + " energies and " + error.length + " error bars");
        }
        for (int k = 0; k < energy.length; k++) {
            if (!Double.isFinite(energy[k]) || !(error[k] > 0) || !Double.isFinite(error[k])) {
                throw new IllegalArgumentException("run " + k + " needs a finite energy and a positive finite error bar,"
                        + " got " + energy[k] + " ± " + error[k]);
            }
        }
        energy = energy.clone();
        error = error.clone();
    }

    public static SeedConsistency of(List<ValidationReport> reports) {
        double[] e = new double[reports.size()];
        double[] d = new double[reports.size()];
        for (int k = 0; k < e.length; k++) {
            e[k] = reports.get(k).judgedEnergy();
            d[k] = reports.get(k).judgedError();
        }
        return new SeedConsistency(e, d);
    }

    @Override
    public double[] energy() {
        return energy.clone();
    }

    @Override
    public double[] error() {
        return error.clone();
    }

    /** The inverse-variance weighted mean Ē. */
    public double weightedMean() {
        double s = 0;
        double w = 0;
        for (int k = 0; k < energy.length; k++) {
            double wk = 1 / (error[k] * error[k]);
            s += wk * energy[k];
            w += wk;
        }
        return s / w;
    }

    public double chiSquare() {
        double mean = weightedMean();
        double x2 = 0;
        for (int k = 0; k < energy.length; k++) {
            double z = (energy[k] - mean) / error[k];
            x2 += z * z;
        }
        return x2;
    }

    public int degreesOfFreedom() {
        return energy.length - 1;
    }

    /** P(χ²_{K−1} ≥ X²). */
    public double pValue() {
        return 1 - new ChiSquaredDistribution(degreesOfFreedom()).cumulativeProbability(chiSquare());
    }

    public boolean consistent() {
        return pValue() >= ErrorBarCalibration.LEVEL;
    }

    /** Sample standard deviation of the E_k. */
    public double spread() {
        double mean = 0;
        for (double e : energy) {
            mean += e / energy.length;
        }
        double s = 0;
        for (double e : energy) {
            s += (e - mean) * (e - mean);
        }
        return Math.sqrt(s / (energy.length - 1));
    }

    /** √(mean δ_k²): the spread expected from the error bars alone. */
    public double rmsError() {
        double s = 0;
        for (double d : error) {
            s += d * d / error.length;
        }
        return Math.sqrt(s);
    }

    public double lowest() {
        double m = Double.POSITIVE_INFINITY;
        for (double e : energy) {
            m = Math.min(m, e);
        }
        return m;
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "seed consistency over %d runs (no exact trial-state energies): spread %.3g vs error"
                        + " bars %.3g, chi2 = %.1f for %d dof, p = %.3g: %s; lowest energy %.10g%n", energy.length,
                spread(), rmsError(), chiSquare(), degreesOfFreedom(), pValue(), consistent() ? "consistent"
                        : "INCONSISTENT (the seeds ended in different states, or the error bars are too small)",
                lowest());
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", energy.length);
        m.put("energies", energy.clone());
        m.put("errors", error.clone());
        m.put("weighted_mean", weightedMean());
        m.put("spread", spread());
        m.put("rms_error", rmsError());
        m.put("chi_square", chiSquare());
        m.put("dof", degreesOfFreedom());
        m.put("p_value", pValue());
        m.put("level", ErrorBarCalibration.LEVEL);
        m.put("consistent", consistent());
        m.put("lowest", lowest());
        return m;
    }
}
