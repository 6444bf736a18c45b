package org.nqs4j.vmc.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.nqs4j.vmc.config.ObservableSpec;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.driver.Evaluation;
import org.nqs4j.vmc.driver.IterationResult;
import org.nqs4j.vmc.driver.NamedOperator;
import org.nqs4j.vmc.driver.VmcDriver;
import org.nqs4j.vmc.plot.RunLog;
import org.nqs4j.vmc.plot.RunPlots;
import org.nqs4j.vmc.spi.ExactReference;
import org.nqs4j.vmc.spi.ExactReferences;
import org.nqs4j.vmc.stats.Estimate;

/**
 * A whole run from a validated config: optimise for the configured iterations, logging every
 * step, then estimate energy and observables at the final parameters with fresh samples, compare
 * with an exact reference when a provider has one, and write the summary and parameters.
 */
public final class VmcRun {
    /** Seconds an exact reference may take at the end of a run before it is skipped. */
    public static final double EXACT_BUDGET_SECONDS = 30;

    private VmcRun() {
    }

    public static RunResult execute(RunConfig config, RunFolder folder, RunListener listener) throws IOException {
        long start = System.nanoTime();
        folder.writeResolvedConfig(config.resolved(), "# nqs4j resolved config of " + config.source()
                + " (every default filled in)\n");
        try (RunSetup setup = RunSetup.build(config)) {
            VmcDriver driver = setup.driver();
            listener.started(config.iterations());
            for (int it = 0; it < config.iterations(); it++) {
                IterationResult r = driver.step(it);
                folder.appendLog(logRecord(r, (System.nanoTime() - start) * 1e-9));
                listener.iteration(r);
            }
            double optSeconds = (System.nanoTime() - start) * 1e-9;
            int perChain = (config.evaluationSamples() + config.sampler().chains() - 1) / config.sampler().chains();
            listener.message("final estimate from " + perChain * config.sampler().chains() + " samples");
            List<NamedOperator> observables = new ArrayList<>();
            for (ObservableSpec o : config.observables()) {
                observables.add(new NamedOperator(o.name(), o.operator()));
            }
            Evaluation eval = driver.evaluate(perChain, 10 * config.sampler().discardSweeps() + 10, observables);
            double evalSeconds = (System.nanoTime() - start) * 1e-9 - optSeconds;
            listener.message("looking for an exact reference");
            Optional<ExactReference> exact = ExactReferences.find(config, EXACT_BUDGET_SECONDS);
            double wall = (System.nanoTime() - start) * 1e-9;
            Map<String, Object> summary = summary(config, setup, eval, exact, wall, optSeconds, evalSeconds);
            folder.writeSummary(summary);
            folder.writeParameters(setup.parameters(), setup.waveFunction().isComplex());
            writePlots(folder, config, exact, listener);
            return new RunResult(eval, exact, setup.waveFunction().nParameters(), wall, summary);
        }
    }

    /** Plots are a convenience: a failure to draw one is reported, never fatal to the run. */
    private static void writePlots(RunFolder folder, RunConfig config, Optional<ExactReference> exact,
                                   RunListener listener) {
        try {
            RunPlots.write(List.of(RunLog.read(folder.path())),
                    exact.map(x -> OptionalDouble.of(x.energy())).orElse(OptionalDouble.empty()), config.name(),
                    folder.path());
        } catch (IOException | RuntimeException | Error e) {
            listener.message("plots not written: " + e);
        }
    }

    static Map<String, Object> logRecord(IterationResult r, double wall) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iteration", r.iteration());
        Map<String, Object> e = estimate(r.energy());
        e.put("imag", r.energyImag());
        m.put("energy", e);
        m.put("acceptance", r.acceptance());
        m.put("updated", r.updated());
        if (r.event() != null) {
            m.put("event", r.event());
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("sampling", r.samplingSeconds());
        t.put("update", r.updateSeconds());
        m.put("time_s", t);
        m.put("wall_time_s", wall);
        return m;
    }

    static Map<String, Object> estimate(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", e.mean());
        m.put("error", e.error());
        m.put("variance", e.variance());
        m.put("tau_corr", e.tauCorr());
        m.put("r_hat", e.rHat());
        return m;
    }

    static Map<String, Object> summary(RunConfig config, RunSetup setup, Evaluation eval,
                                       Optional<ExactReference> exact, double wall, double optSeconds,
                                       double evalSeconds) {
        int n = config.lattice().nSites();
        Estimate e = eval.energy();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", config.name());
        m.put("status", "completed");
        m.put("config", config.source().toString());
        m.put("hamiltonian", config.hamiltonian().operator().description());
        m.put("units", config.hamiltonian().units().name().toLowerCase());
        m.put("lattice", config.lattice().toString());
        m.put("ansatz", setup.waveFunction().description());
        m.put("n_sites", n);
        m.put("n_parameters", setup.waveFunction().nParameters());
        m.put("n_samples", e.nSamples());
        m.put("iterations", config.iterations());
        Map<String, Object> energy = estimate(e);
        energy.put("imag", eval.energyImag());
        Map<String, Object> perSite = new LinkedHashMap<>();
        perSite.put("mean", e.mean() / n);
        perSite.put("error", e.error() / n);
        energy.put("per_site", perSite);
        m.put("energy", energy);
        m.put("acceptance", eval.acceptance());
        m.put("tau_corr", e.tauCorr());
        m.put("r_hat", e.rHat());
        m.put("v_score", n * e.variance() / (e.mean() * e.mean()));
        exact.ifPresent(x -> m.put("exact", exactRecord(x, e)));
        Map<String, Object> obs = new LinkedHashMap<>();
        eval.observables().forEach((k, v) -> {
            Map<String, Object> rec = estimate(v);
            exact.map(x -> x.observables().get(k)).ifPresent(xv -> rec.put("exact", xv));
            obs.put(k, rec);
        });
        m.put("observables", obs);
        m.put("seed", config.seed());
        m.put("threads", config.threads());
        m.put("wall_time_s", wall);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("optimisation", optSeconds);
        t.put("evaluation", evalSeconds);
        m.put("time_s", t);
        return m;
    }

    static Map<String, Object> exactRecord(ExactReference x, Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energy", x.energy());
        m.put("method", x.method());
        if (x.dimension() > 0) {
            m.put("dimension", x.dimension());
        }
        m.put("relative_error", Math.abs((e.mean() - x.energy()) / x.energy()));
        m.put("deviation_sigma", e.error() > 0 ? (e.mean() - x.energy()) / e.error() : Double.NaN);
        return m;
    }
}
