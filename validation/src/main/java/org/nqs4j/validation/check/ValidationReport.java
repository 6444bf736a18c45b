package org.nqs4j.validation.check;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.nqs4j.validation.AnsatzSector;
import org.nqs4j.vmc.cli.Format;
import org.nqs4j.vmc.config.SamplerSpec;
import org.nqs4j.vmc.run.ResultCheck;
import org.nqs4j.vmc.spi.ExactReference;
import org.nqs4j.vmc.spi.TrialState;
import org.nqs4j.vmc.stats.ConvergenceDiagnostics;
import org.nqs4j.vmc.stats.Estimate;
import org.nqs4j.vmc.stats.LanczosStep;

/**
 * A VMC result set against the exact reference: relative error, deviation in error bars,
 * V-score N·Var(E)/E² (Wu et al., arXiv:2302.04919), the exact energy of the trial state itself
 * when the space is small (so that VMC − E_trial is the sampling error and E_trial − E_0 the
 * variational error), and the verdict of a {@link Criterion}.
 *
 * @param molecule      an energy in hartree that is not extensive in the orbitals: no per-site energy
 * @param sampler       how the final estimate was sampled (a full sum has no error bar to count in)
 * @param energyHistory VMC energy of every optimisation step
 * @param convergence   the plateau check of those steps (as in the run's summary.json)
 * @param runChecks     the run's own checks of its estimate ({@link org.nqs4j.vmc.run.ResultChecks}): a
 *                      suspect run never passes
 * @param ansatzSector  for an ansatz confined to a symmetry sector, that sector against ED's ground
 *                      state's: a mismatch is warned of, as the reason the run ends far from E0 (it
 *                      fails its tolerance on its own)
 * @param splitSteps    the run summary's note on optimisation steps taken from chains that disagreed, if any
 * @param lanczosStep   the energy after one Lanczos step ({@code evaluation.lanczos_step}): when present, the
 *                      energy judged against the reference (the lowest variational energy of the run)
 */
public record ValidationReport(String name, Path config, Path folder, int nSites, boolean molecule,
                               SamplerSpec.Method sampler, Estimate vmc,
                               Optional<ExactReference> exact, Optional<TrialState> trial,
                               Map<String, Estimate> observables, double[] energyHistory,
                               ConvergenceDiagnostics convergence, Criterion criterion, double wallSeconds,
                               List<ResultCheck> runChecks, Optional<AnsatzSector> ansatzSector,
                               Optional<String> splitSteps, Optional<LanczosStep> lanczosStep) {
    public ValidationReport {
        runChecks = List.copyOf(runChecks);
    }

    /** The energy judged: after the Lanczos step when the run took one, else the trained state's. */
    public double judgedEnergy() {
        return lanczosStep.map(LanczosStep::judgedEnergy).orElse(vmc.mean());
    }

    /** The error bar of {@link #judgedEnergy}. */
    public double judgedError() {
        return lanczosStep.map(LanczosStep::judgedError).orElse(vmc.error());
    }

    public double relativeError() {
        return exact.map(x -> Math.abs((judgedEnergy() - x.energy()) / x.energy())).orElse(Double.NaN);
    }

    /** (E − E_0)/δ of the judged energy: positive above the exact energy. */
    public double deviationSigma() {
        return exact.map(x -> (judgedEnergy() - x.energy()) / judgedError()).orElse(Double.NaN);
    }

    /** |VMC − trial| beyond this many error bars prints a warning (p ≈ 0.3 % with honest bars). */
    public static final double MIXING_WARNING_SIGMA = 3;

    /** Split R̂ above this says the chains have not mixed (Vehtari et al., Bayesian Analysis 16, 667 (2021)). */
    public static final double R_HAT_WARNING = 1.01;

    /** (E − E_trial)/δ: the sampling error in error bars, NaN without the trial-state sum. */
    public double trialDeviationSigma() {
        return trial.map(t -> (vmc.mean() - t.energy()) / vmc.error()).orElse(Double.NaN);
    }

    public double vScore() {
        return nSites * vmc.variance() / (vmc.mean() * vmc.mean());
    }

    public boolean passed() {
        return failure().isEmpty();
    }

    /** Why the result fails, or empty when it passes. */
    public Optional<String> failure() {
        if (exact.isEmpty()) {
            return Optional.of("no exact reference for this problem");
        }
        double e0 = exact.get().energy();
        List<String> suspect = runChecks.stream().filter(c -> !c.passed()).map(c -> c.name() + ": " + c.message())
                .toList();
        if (!suspect.isEmpty()) {
            return Optional.of("the run's result is suspect (" + String.join("; ", suspect) + ")");
        }
        if (!Double.isFinite(judgedEnergy()) || !Double.isFinite(judgedError())) {
            return Optional.of(lanczosStep.isPresent() ? "the Lanczos-step estimate is not finite"
                    : "the VMC estimate is not finite");
        }
        if (!criterion.accurate(judgedEnergy(), e0)) {
            return Optional.of(String.format(Locale.ROOT, "relative error %.2e above the tolerance %.1e",
                    relativeError(), criterion.tolerance()));
        }
        if (!criterion.variational(judgedEnergy(), judgedError(), e0)) {
            return Optional.of(String.format(Locale.ROOT, "the estimate lies %.1f error bars below the exact energy",
                    -deviationSigma()));
        }
        return Optional.empty();
    }

    public void print(PrintStream out) {
        out.printf("validation of %s (%s)%n", name, criterion.statement());
        if (molecule) { // not extensive in its orbitals: no per-site energy
            out.printf(Locale.ROOT, "  %-20s %s Ha%n", "VMC energy", Format.pm(vmc.mean(), vmc.error()));
        } else {
            out.printf(Locale.ROOT, "  %-20s %s   (per site %s)%n", "VMC energy", Format.pm(vmc.mean(), vmc.error()),
                    Format.pm(vmc.mean() / nSites, vmc.error() / nSites));
        }
        lanczosStep.ifPresent(l -> out.printf(Locale.ROOT, "  %-20s %s   (per site %s; alpha %.4g%s; the energy judged)%n",
                "Lanczos step", Format.pm(l.judgedEnergy(), l.judgedError()),
                Format.pm(l.judgedEnergy() / nSites, l.judgedError() / nSites), l.alpha(), l.sampled().map(x -> String.format(
                        Locale.ROOT, "; sampled, tau %.3g, R-hat %.4f; moments %s", x.estimate().tauCorr(),
                        x.estimate().rHat(), Format.pm(l.energy(), l.error()))).orElse("")));
        exact.ifPresentOrElse(x -> {
            out.printf(Locale.ROOT, "  %-20s %.10f   (%s%s)%n", "exact energy", x.energy(), x.method(),
                    x.dimension() > 0 ? ", ED dimension " + x.dimension() : "");
            out.printf(Locale.ROOT, "  %-20s %.3e   (tolerance %.1e)%n", "relative error", relativeError(),
                    criterion.tolerance());
            if (judgedError() > 0) { // an exact sum over the sector has no error bar to count in
                out.printf(Locale.ROOT, "  %-20s %+.2f error bars%n", "deviation", deviationSigma());
            }
        }, () -> out.printf("  %-20s none (no analytic solution, ED impossible or beyond its budget)%n", "exact energy"));
        ansatzSector.flatMap(AnsatzSector::warning).ifPresent(w -> out.printf("  %-20s %s%n", "warning", w));
        out.printf(Locale.ROOT, "  %-20s %.6g   (V-score N·Var/E² = %.3e)%n", "variance", vmc.variance(), vScore());
        out.printf(Locale.ROOT, "  %-20s %s%n", "sampling", samplingLine());
        trial.ifPresent(t -> out.printf(Locale.ROOT, "  %-20s %.10f   (sum over %d states; VMC - trial = %s,"
                + " trial - exact = %.3e relative)%n", "trial-state energy", t.energy(), t.dimension(),
                vmc.error() > 0 ? String.format(Locale.ROOT, "%+.2f error bars", trialDeviationSigma())
                        : String.format(Locale.ROOT, "%.2g", vmc.mean() - t.energy()),
                exact.map(x -> Math.abs((t.energy() - x.energy()) / x.energy())).orElse(Double.NaN)));
        if (vmc.error() > 0 && Math.abs(trialDeviationSigma()) > MIXING_WARNING_SIGMA) {
            out.printf(Locale.ROOT, "  %-20s VMC and the exact energy of the same trial state differ by %.1f error bars:"
                    + " the chains may not mix on the scale of this run (try sampler.move: exchange-any, longer"
                    + " chains, or check the error bars with --seeds K)%n", "warning", Math.abs(trialDeviationSigma()));
        }
        observables.forEach((k, v) -> out.printf(Locale.ROOT, "  %-20s %s%s%n", "<" + k + ">", Format.pm(v.mean(),
                v.error()), exact.map(x -> x.observables().get(k)).map(e -> String.format(Locale.ROOT,
                "   (exact %.8f)", e)).orElse("")));
        out.printf("  %-20s %s%n", convergence.stalled() ? "WARNING" : "convergence", convergence.verdict());
        splitSteps.ifPresent(note -> out.printf("  %-20s %s%n", "note", note));
        out.printf("  %-20s %s%n", "result", passed() ? "PASS" : "FAIL: " + failure().get());
        out.printf("  %-20s %s%n", "output", folder);
    }

    /** What the sampling of the final estimate says about its error bar. */
    String samplingLine() {
        if (sampler == SamplerSpec.Method.FULL_SUM) {
            return String.format(Locale.ROOT, "none: the exact sum over the %d states of the sector (sampler type"
                    + " full_sum)", vmc.nSamples());
        }
        if (vmc.error() == 0) { // every sample gave the same local energy: τ and R-hat are undefined
            return String.format(Locale.ROOT, "%d samples (sampler type %s), all with the same local energy (zero"
                    + " variance: an eigenstate, or a sector of one state)", vmc.nSamples(), name(sampler));
        }
        String draws = sampler == SamplerSpec.Method.EXACT ? "independent draws" : "tau = "
                + String.format(Locale.ROOT, "%.2f sweeps", vmc.tauCorr());
        return String.format(Locale.ROOT, "%s, split R-hat = %.4f (%d samples, sampler type %s)%s", draws, vmc.rHat(),
                vmc.nSamples(), name(sampler), vmc.rHat() > R_HAT_WARNING
                        ? String.format(Locale.ROOT, ": R-hat above %.2f, the chains disagree (not mixed)", R_HAT_WARNING)
                        : "");
    }

    private static String name(SamplerSpec.Method method) {
        return method.name().toLowerCase(Locale.ROOT);
    }

    /** The content of validation.json. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("config", config.toString());
        m.put("run_folder", folder.toString());
        m.put("criterion", criterion.statement());
        m.put("tolerance", criterion.tolerance());
        m.put("passed", passed());
        failure().ifPresent(f -> m.put("failure", f));
        m.put("n_sites", nSites);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("mean", vmc.mean());
        e.put("error", vmc.error());
        e.put("variance", vmc.variance());
        e.put("tau_corr", vmc.tauCorr());
        e.put("r_hat", vmc.rHat());
        e.put("n_samples", vmc.nSamples());
        m.put("vmc", e);
        lanczosStep.ifPresent(l -> m.put("lanczos_step", l.toJson()));
        exact.ifPresent(x -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("energy", x.energy());
            r.put("method", x.method());
            if (x.dimension() > 0) {
                r.put("dimension", x.dimension());
            }
            r.put("observables", x.observables());
            m.put("exact", r);
            m.put("relative_error", relativeError());
            m.put("deviation_sigma", deviationSigma());
        });
        ansatzSector.ifPresent(a -> {
            Map<String, Object> r = new LinkedHashMap<>(a.json());
            a.warning().ifPresent(w -> r.put("warning", w));
            m.put("ansatz_sector", r);
        });
        m.put("v_score", vScore());
        trial.ifPresent(t -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("energy", t.energy());
            r.put("variance", t.variance());
            r.put("dimension", t.dimension());
            r.put("vmc_deviation_sigma", trialDeviationSigma());
            m.put("trial_state", r);
        });
        Map<String, Object> obs = new LinkedHashMap<>();
        observables.forEach((k, v) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("mean", v.mean());
            r.put("error", v.error());
            exact.map(x -> x.observables().get(k)).ifPresent(x -> r.put("exact", x));
            obs.put(k, r);
        });
        m.put("observables", obs);
        m.put("energy_history", energyHistory);
        m.put("convergence", convergence.toJson());
        splitSteps.ifPresent(note -> m.put("split_steps", note));
        m.put("wall_time_s", wallSeconds);
        return m;
    }
}
