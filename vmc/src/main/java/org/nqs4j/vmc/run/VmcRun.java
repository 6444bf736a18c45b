package org.nqs4j.vmc.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.DoubleSupplier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.nqs4j.vmc.config.ObservableSpec;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.driver.Evaluation;
import org.nqs4j.vmc.driver.IterationResult;
import org.nqs4j.vmc.driver.NamedOperator;
import org.nqs4j.vmc.driver.SampledOperator;
import org.nqs4j.vmc.driver.NonFiniteUpdateException;
import org.nqs4j.vmc.driver.VmcDriver;
import org.nqs4j.vmc.parallel.Collective;
import org.nqs4j.vmc.plot.RunLog;
import org.nqs4j.vmc.plot.RunPlots;
import org.nqs4j.vmc.spi.ExactReference;
import org.nqs4j.vmc.spi.ExactReferenceProvider;
import org.nqs4j.vmc.spi.ExactReferences;
import org.nqs4j.vmc.spi.TrialState;
import org.nqs4j.vmc.stats.ConvergenceDiagnostics;
import org.nqs4j.vmc.stats.Estimate;
import org.nqs4j.vmc.stats.LanczosStep;

/**
 * A whole run from a validated config: optimise for the configured iterations, logging every
 * step, then estimate energy and observables at the final parameters with fresh samples, compare
 * with an exact reference when a provider has one, and write the summary and parameters.
 */
public final class VmcRun {
    /** Seconds an exact reference may take at the end of a run before it is skipped. */
    public static final double EXACT_BUDGET_SECONDS = 30;
    /** {@code status} of a run whose final estimate passed every {@link ResultChecks} check. */
    public static final String COMPLETED = "completed";
    /** {@code status} of a run that finished but whose estimate failed a check (exit code 4). */
    public static final String SUSPECT = "suspect";

    private VmcRun() {
    }

    /** Starts a new run in an empty folder. */
    public static RunResult execute(RunConfig config, RunFolder folder, RunListener listener) throws IOException {
        return execute(config, folder, listener, ExactReferences.registered());
    }

    /**
     * Starts a new run in an empty folder, with the exact reference and trial-state energy from
     * {@code exact} (nqs validate keeps what its provider learns about the ground state on the way).
     */
    public static RunResult execute(RunConfig config, RunFolder folder, RunListener listener,
                                    ExactReferenceProvider exact) throws IOException {
        folder.writeResolvedConfig(config.resolved(), config.source());
        try (RunSetup setup = RunSetup.build(config)) {
            return continueFrom(config, folder, setup, 0, 0, listener, exact);
        }
    }

    /**
     * Continues an interrupted run in its folder from its last checkpoint (from the start when it
     * has none), with the folder's config.resolved.yaml. Log lines after the checkpoint are cut and
     * regenerated: the steps are deterministic given the checkpointed state, so the log and summary
     * equal those of an uninterrupted run except for timings.
     */
    public static RunResult resume(RunFolder folder, RunListener listener) throws IOException {
        Path configFile = folder.path().resolve(RunFolder.CONFIG);
        Optional<Checkpoint> checkpoint = folder.readCheckpoint();
        // a damaged folder (exit 1), not a config mistake: checked before the file is parsed
        if (checkpoint.isPresent() && !Arrays.equals(checkpoint.get().configHash(), folder.configHash())) {
            throw new IOException(configFile + " was changed after the checkpoint was written; a run resumes only"
                    + " with the config it started with. Restore the file, or start a new run.");
        }
        RunConfig config = RunConfigReader.read(configFile, List.of()).withSource(folder.originalSource());
        try (RunSetup setup = RunSetup.build(config)) {
            int start = 0;
            double wall = 0;
            if (checkpoint.isPresent()) {
                Checkpoint c = checkpoint.get();
                if (c.iterations() > config.iterations()) {
                    throw new Checkpoint.CorruptCheckpointException(folder.path().resolve(Checkpoint.FILE),
                            "it is after " + c.iterations() + " iterations, the config has " + config.iterations());
                }
                try {
                    setup.driverFor(c.iterations() - 1).restoreState(c.state());
                } catch (IllegalArgumentException e) {
                    throw new Checkpoint.CorruptCheckpointException(folder.path().resolve(Checkpoint.FILE),
                            "it does not fit the config (" + e.getMessage() + ")");
                }
                start = c.iterations();
                wall = c.wallSeconds();
            }
            folder.truncateLog(start);
            listener.message(start == 0 ? "no checkpoint: starting from the beginning"
                    : "resuming after iteration " + start + " of " + config.iterations());
            return continueFrom(config, folder, setup, start, wall, listener, ExactReferences.registered());
        }
    }

    private static RunResult continueFrom(RunConfig config, RunFolder folder, RunSetup setup, int first,
                                          double wallBefore, RunListener listener, ExactReferenceProvider exactProvider)
            throws IOException {
        long start = System.nanoTime();
        DoubleSupplier wall = () -> wallBefore + (System.nanoTime() - start) * 1e-9;
        listener.started(first, config.iterations());
        // A checkpoint due after step `it` holds the state that step produced, which only the samples of
        // step it + 1 can vouch for: it is written once they passed (not when they undid the step).
        Checkpoint pending = null;
        int checkpointed = first;
        FrozenChains frozen = FrozenChains.after(RunLog.readSteps(folder.path()).acceptance());
        // the iterations done when frozen chains ended the optimisation early (a resumed run may be past it)
        int stoppedAfter = frozen.stopped() && first < config.iterations() ? first : -1;
        for (int it = first; it < config.iterations() && stoppedAfter < 0; it++) {
            stopIfRequested(config, folder, setup, it, checkpointed, pending, wall);
            if (it > 0) {
                setup.handOverAt(it).ifPresent(listener::message);
            }
            VmcDriver driver = setup.driverFor(it);
            IterationResult r;
            try {
                r = driver.step(it);
            } catch (NonFiniteUpdateException e) {
                folder.writeSummary(failure(config, e, it, checkpointed));
                // the driver is back at the last good parameters: a new run can start from them (init_from);
                // in an earlier stage they are its ansatz's, written carried into the configured one
                setup.handOverFrom(it);
                folder.writeParameters(setup.parameters(), setup.waveFunction().isComplex());
                throw e;
            }
            folder.appendLog(logRecord(r, setup.stageLabel(it), wall.getAsDouble()));
            listener.iteration(r);
            if (pending != null && !r.undone()) {
                folder.syncLog(); // the log must hold every iteration the checkpoint counts
                pending.write(folder.path().resolve(Checkpoint.FILE));
                checkpointed = pending.iterations();
            }
            pending = null;
            int done = it + 1;
            frozen.record(r.acceptance());
            boolean stop = frozen.stopped() && done < config.iterations();
            if (stop || done == config.iterations()
                    || (config.checkpointEvery() > 0 && done % config.checkpointEvery() == 0)) {
                pending = new Checkpoint(done, wall.getAsDouble(), folder.configHash(), driver.saveState());
            }
            if (stop) {
                stoppedAfter = done;
                listener.message("stopping after iteration " + done + " of " + config.iterations() + ": the chains"
                        + " have been frozen for " + FrozenChains.STEPS + " steps");
            }
        }
        if (pending != null) {
            // after the last step: its state is judged by the final estimate's checks instead
            folder.syncLog();
            pending.write(folder.path().resolve(Checkpoint.FILE));
            checkpointed = pending.iterations();
        }
        stopIfRequested(config, folder, setup, stoppedAfter < 0 ? config.iterations() : stoppedAfter, checkpointed,
                null, wall);
        double optSeconds = wall.getAsDouble();
        int perChain = (config.evaluation().samples() + config.sampler().chains() - 1) / config.sampler().chains();
        listener.message(setup.sampler().weighsSamples() ? "final estimate: the exact sum over the sector"
                : "final estimate from " + perChain * config.sampler().chains() + " samples");
        List<NamedOperator> observables = new ArrayList<>();
        for (ObservableSpec o : config.observables()) {
            observables.add(new NamedOperator(o.name(), SampledOperator.forOperator(o.operator())));
        }
        int evalDiscard = 10 * config.sampler().discardSweeps() + 10;
        Evaluation eval = setup.driver().evaluate(perChain, evalDiscard, observables,
                config.evaluation().lanczosStep(), config.evaluation().lanczosSteps());
        double evalSeconds = wall.getAsDouble() - optSeconds;
        // an MPI rank other than 0 writes a scratch copy of the folder: the reference and plots are rank 0's
        boolean writer = setup.collective().rank() == 0;
        listener.message("looking for an exact reference");
        Optional<ExactReference> exact = writer ? exactProvider.groundState(config, EXACT_BUDGET_SECONDS)
                : Optional.empty();
        Optional<TrialState> trial = exact.isPresent() ? exactProvider.trialState(config, setup.waveFunction())
                : Optional.empty();
        // the stepped state's own sum costs a local energy per basis state: one step only
        Optional<TrialState> steppedTrial = exact.isPresent() && config.evaluation().lanczosSteps() == 1
                ? eval.steppedState().flatMap(s -> exactProvider.trialState(config, s)) : Optional.empty();
        Optional<FreshChainsCheck.Result> fresh = FreshChainsCheck.sample(config, setup, perChain, evalDiscard,
                trial.isPresent(), wall, listener);
        double total = wall.getAsDouble();
        Map<String, Object> summary = summary(config, setup, eval, exact, total, optSeconds, evalSeconds);
        fresh.ifPresent(f -> f.addTo(summary, eval.energy()));
        trial.ifPresent(t -> addTrialState(summary, t.energy(), eval.energy()));
        steppedTrial.ifPresent(t -> addSteppedTrialState(summary, t.energy()));
        OptionalDouble trialEnergy = trial.map(t -> OptionalDouble.of(t.energy())).orElse(OptionalDouble.empty());
        OptionalDouble exactEnergy = exact.map(x -> OptionalDouble.of(x.energy())).orElse(OptionalDouble.empty());
        List<ResultCheck> checks = setup.sampler().weighsSamples()
                ? ResultChecks.ofExactSum(eval.energy(), trialEnergy, exactEnergy)
                : ResultChecks.of(eval.energy(), eval.acceptance(), config.sampler().chains(), trialEnergy, exactEnergy);
        checks = new ArrayList<>(checks);
        if (fresh.isPresent()) {
            checks.add(ResultChecks.freshChains(eval.energy(), fresh.get().chains(), config.sampler().chains(),
                    fresh.get().move()));
        }
        if (stoppedAfter >= 0) {
            checks.add(FrozenChains.stoppedCheck(stoppedAfter, config.iterations()));
            summary.put("iterations_run", stoppedAfter);
        }
        RunLog steps = loggedSteps(folder);
        LostGround.check(steps.energy(), eval.energy()).ifPresent(checks::add);
        ResultChecks.spectralBound(eval.energy(), SampledOperator.forOperator(config.hamiltonian().operator())
                .normBound()).ifPresent(checks::add);
        if (eval.lanczosStep().isPresent()) {
            LanczosStep l = eval.lanczosStep().get();
            if (l.sampled().isPresent()) { // the moments only chose α: their tail does not touch ψ₁'s own energy
                checks.add(ResultChecks.lanczosSampling(l.sampled().get(), config.sampler().chains()));
            } else {
                ResultChecks.lanczosTail(l.error(), eval.energy()).ifPresent(checks::add);
            }
            if (exactEnergy.isPresent()) {
                checks.add(ResultChecks.lanczosBound(l.judgedEnergy(), l.judgedError(), exactEnergy.getAsDouble()));
            }
            if (steppedTrial.isPresent()) {
                checks.add(ResultChecks.lanczosTrialDeviation(l.judgedEnergy(), l.judgedError(),
                        steppedTrial.get().energy()));
            }
        }
        addChecks(summary, checks);
        summary.put("convergence", convergence(steps, config).toJson());
        SplitSteps.of(steps).ifPresent(s -> summary.put("split_steps", s.toJson()));
        rejectedSteps(steps).ifPresent(r -> summary.put("rejected_steps", r));
        folder.writeParameters(setup.parameters(), setup.waveFunction().isComplex());
        // plots before the summary: a run is complete only once summary.json exists, so a kill in
        // between leaves a run that nqs resume finishes (and draws), never one without plots
        try {
            if (writer) {
                writePlots(folder.path(), config.name(), exact.map(x -> OptionalDouble.of(x.energy()))
                        .orElse(OptionalDouble.empty()), summary);
            }
        } catch (IOException | RuntimeException | Error e) {
            summary.put("plot_error", e.getMessage() != null ? e.getMessage() : e.toString());
        }
        folder.writeSummary(summary);
        return new RunResult(eval, exact, trial, setup.waveFunction().nParameters(), total, summary, checks);
    }

    /**
     * The run's verdict on its estimate: {@code status} {@value #COMPLETED} when every check passed,
     * else {@value #SUSPECT}; {@code checks} lists them all.
     */
    static void addChecks(Map<String, Object> summary, List<ResultCheck> checks) {
        summary.put("status", ResultChecks.allPassed(checks) ? COMPLETED : SUSPECT);
        summary.put("checks", checks.stream().map(ResultCheck::toJson).toList());
    }

    /** Whether a summary's {@code status} is that of a run that finished (passed or suspect). */
    public static boolean finished(Object status) {
        return COMPLETED.equals(status) || SUSPECT.equals(status);
    }

    /**
     * At a step boundary, after {@code done} iterations: when SIGTERM or SIGINT arrived, writes the
     * final checkpoint and the "interrupted" summary, then throws {@link StopRequest.Interrupted};
     * the resumed run continues from exactly that checkpoint. A checkpoint holds only states that
     * samples vouched for, so the state after step {@code done − 1} (or the {@code pending} checkpoint
     * of it) is first judged by one more step: kept, it is written; undone, the last checkpoint stands.
     * The checkpoint's parameters are written as parameters.npy too, a start for another run.
     */
    private static void stopIfRequested(RunConfig config, RunFolder folder, RunSetup setup, int done,
                                        int checkpointed, Checkpoint pending, DoubleSupplier wall)
            throws IOException {
        // the state after `done` steps is held by the driver that made the last step (or was restored)
        VmcDriver driver = setup.driverFor(done - 1);
        int number = agreedStop(driver.collective());
        if (number == 0) {
            return;
        }
        String signal = StopRequest.name(number);
        int saved = checkpointed;
        if (done > checkpointed && done < config.iterations()) {
            Checkpoint candidate = pending != null ? pending
                    : new Checkpoint(done, wall.getAsDouble(), folder.configHash(), driver.saveState());
            boolean vouched;
            try {
                vouched = !driver.step(done).undone();
            } catch (NonFiniteUpdateException e) {
                vouched = false;
            }
            if (vouched) {
                folder.syncLog(); // the log must hold every iteration the checkpoint counts
                candidate.write(folder.path().resolve(Checkpoint.FILE));
                saved = done;
            }
        }
        writeCheckpointedParameters(folder, setup);
        folder.writeSummary(interrupted(config, signal, saved));
        throw new StopRequest.Interrupted("interrupted by " + signal + " after iteration " + saved + " of "
                + config.iterations() + " (checkpoint written); continue with: nqs resume " + folder.path(), number);
    }

    /**
     * parameters.npy of the state the folder's checkpoint holds (nothing without one), what
     * {@code ansatz.init_from} of the same config takes: in an earlier stage (symmetric pretraining, a
     * smaller α) its parameters carried into the configured RBM. Puts the setup in that state (the run ends).
     */
    static void writeCheckpointedParameters(RunFolder folder, RunSetup setup) throws IOException {
        Optional<Checkpoint> checkpoint = folder.readCheckpoint();
        if (checkpoint.isEmpty() || checkpoint.get().iterations() == 0) {
            return;
        }
        int done = checkpoint.get().iterations();
        setup.driverFor(done - 1).restoreState(checkpoint.get().state());
        setup.handOverFrom(done - 1);
        folder.writeParameters(setup.parameters(), setup.waveFunction().isComplex());
    }

    /**
     * The number of the signal that stops the run (0: none) as rank 0 sees it, broadcast to every
     * rank, so that all stop at the same step boundary with the same exit code (mpirun forwards a
     * signal to each rank, which may see it a step apart; a signal sent to rank 0 alone reaches no
     * other); one process reads its own.
     */
    static int agreedStop(Collective collective) {
        int signal = StopRequest.pendingNumber();
        if (collective.size() == 1) {
            return signal;
        }
        byte[] stop = {(byte) signal};
        collective.broadcast(stop, 0);
        return stop[0];
    }

    /** The summary of a run stopped by a signal: resumable from its checkpoint. */
    static Map<String, Object> interrupted(RunConfig config, String signal, int iterations) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", config.name());
        m.put("status", "interrupted");
        m.put("signal", signal);
        m.put("checkpoint_iterations", iterations);
        m.put("iterations", config.iterations());
        return m;
    }

    static Map<String, Object> failure(RunConfig config, RuntimeException e, int iteration, int checkpointed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", config.name());
        m.put("status", "failed");
        m.put("error", e.getMessage());
        m.put("failed_at_iteration", iteration);
        m.put("checkpoint_iterations", checkpointed);
        m.put("iterations", config.iterations());
        return m;
    }

    /** The optimisation steps in the folder's log (all of them, after a resume too; none after 0 iterations). */
    static RunLog loggedSteps(RunFolder folder) throws IOException {
        folder.syncLog();
        return RunLog.readSteps(folder.path());
    }

    /**
     * How many logged steps were rejected ({@code count}: not taken, by the step guards or for
     * non-finite values) and how many of those undid the step before ({@code undone}), when any were:
     * how rough the optimisation was, at a glance.
     */
    static Optional<Map<String, Object>> rejectedSteps(RunLog steps) {
        int rejected = 0;
        int undone = 0;
        for (int i = 0; i < steps.size(); i++) {
            rejected += steps.updated()[i] == 0 ? 1 : 0;
            undone += steps.undone()[i] == 1 ? 1 : 0;
        }
        if (rejected == 0) {
            return Optional.empty();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", rejected);
        m.put("undone", undone);
        m.put("of", steps.size());
        return Optional.of(m);
    }

    /** The plateau check of the logged optimisation steps (not assessed without enough of them). */
    static ConvergenceDiagnostics convergence(RunLog steps, RunConfig config) {
        return ConvergenceDiagnostics.of(steps.energy(), steps.error(), steps.variance(), steps.acceptance(),
                config.lattice().nSites());
    }

    /**
     * Draws the plots of a run folder from its log and summary (atomically: a failed write leaves no
     * truncated file). Called at the end of a run, and by nqs resume on a completed run whose plots
     * are missing.
     */
    public static void writePlots(Path dir, String name, OptionalDouble exact, Map<String, Object> summary)
            throws IOException {
        if (Files.isRegularFile(dir.resolve(RunFolder.LOG))) { // iterations: 0 (an evaluation only) logs no step
            RunPlots.write(List.of(RunLog.read(dir).withExact(exact)), name, dir);
        }
        RunPlots.writeFamilies(summary, name, dir);
    }

    /** One log line; {@code stage} names the earlier stage the step belongs to ("pretrain", "alpha 8"). */
    static Map<String, Object> logRecord(IterationResult r, Optional<String> stage, double wall) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iteration", r.iteration());
        Map<String, Object> e = estimate(r.energy());
        e.put("imag", r.energyImag());
        m.put("energy", e);
        m.put("acceptance", r.acceptance());
        if (!Double.isNaN(r.swapAcceptance())) {
            m.put("swap_acceptance", r.swapAcceptance());
        }
        m.put("updated", r.updated());
        if (r.undone()) {
            m.put("undone", true);
        }
        if (r.event() != null) {
            m.put("event", r.event());
        }
        if (r.note() != null) {
            m.put("note", r.note());
        }
        stage.ifPresent(label -> m.put("stage", label));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("sampling", r.samplingSeconds());
        t.put("update", r.updateSeconds());
        if (r.exchangeSeconds() > 0) {
            t.put("exchange", r.exchangeSeconds()); // distributed runs: time in the all-gathers
        }
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
        m.put("status", COMPLETED);
        m.put("config", config.source().toString());
        m.put("hamiltonian", config.hamiltonian().operator().description());
        boolean molecule = config.hamiltonian().model().equals("molecule");
        if (molecule) {
            m.put("units", "hartree");
        } else if (config.hamiltonian().units() != null) { // spin models
            m.put("units", config.hamiltonian().units().toString().toLowerCase()); // as the config key
        }
        m.put("lattice", config.lattice().toString());
        m.put("ansatz", setup.waveFunction().description());
        m.put("n_sites", n);
        m.put("n_parameters", setup.waveFunction().nParameters());
        m.put("n_samples", e.nSamples());
        m.put("iterations", config.iterations());
        Map<String, Object> energy = estimate(e);
        energy.put("imag", eval.energyImag());
        if (!molecule) { // a molecule's energy is not extensive in its orbitals
            Map<String, Object> perSite = new LinkedHashMap<>();
            perSite.put("mean", e.mean() / n);
            perSite.put("error", e.error() / n);
            energy.put("per_site", perSite);
        }
        m.put("energy", energy);
        if (molecule) { // the references of the integrals, in Hartree
            m.put("e_hf", config.hamiltonian().coupling("e_hf"));
            if (config.hamiltonian().couplings().containsKey("e_mp2")) {
                m.put("e_mp2", config.hamiltonian().coupling("e_mp2"));
            }
        }
        m.put("sampler", config.sampler().method().name().toLowerCase(java.util.Locale.ROOT));
        m.put("acceptance", eval.acceptance());
        m.put("tau_corr", e.tauCorr());
        m.put("r_hat", e.rHat());
        m.put("v_score", n * e.variance() / (e.mean() * e.mean()));
        exact.ifPresent(x -> m.put("exact", exactRecord(x, e)));
        eval.lanczosStep().ifPresent(l -> m.put("lanczos_step", lanczosRecord(l, molecule ? 0 : n, exact)));
        m.put("observables", observables(config, eval, exact));
        m.put("seed", config.seed());
        m.put("threads", config.threads());
        m.put("wall_time_s", wall);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("optimisation", optSeconds);
        t.put("evaluation", evalSeconds);
        m.put("time_s", t);
        return m;
    }

    /**
     * Single observables by name; a family (C(r), S(q)) as one entry holding arrays in the order
     * of its members: {@code coordinate}, {@code mean}, {@code error}, and {@code exact} when known.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> observables(RunConfig config, Evaluation eval, Optional<ExactReference> exact) {
        Map<String, Object> obs = new LinkedHashMap<>();
        for (ObservableSpec o : config.observables()) {
            Estimate v = eval.observables().get(o.name());
            Double x = exact.map(r -> r.observables().get(o.name())).orElse(null);
            if (o.group() == null) {
                Map<String, Object> rec = estimate(v);
                if (x != null) {
                    rec.put("exact", x);
                }
                obs.put(o.name(), rec);
                continue;
            }
            Map<String, Object> family = (Map<String, Object>) obs.computeIfAbsent(o.group(), g -> {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("coordinate", new ArrayList<List<Integer>>());
                f.put("mean", new ArrayList<Double>());
                f.put("error", new ArrayList<Double>());
                return f;
            });
            ((List<List<Integer>>) family.get("coordinate")).add(o.coordinate());
            ((List<Double>) family.get("mean")).add(v.mean());
            ((List<Double>) family.get("error")).add(v.error());
            if (x != null) {
                ((List<Double>) family.computeIfAbsent("exact", k -> new ArrayList<Double>())).add(x);
            }
        }
        return obs;
    }

    /**
     * Splits the deviation from the exact energy: VMC − trial-state energy is sampling error
     * (consistent with the error bar when within a few σ), trial − exact the variational error.
     */
    @SuppressWarnings("unchecked")
    static void addTrialState(Map<String, Object> summary, double trial, Estimate e) {
        Map<String, Object> x = (Map<String, Object>) summary.get("exact");
        x.put("trial_state_energy", trial);
        x.put("sampling_deviation_sigma", e.error() > 0 ? (e.mean() - trial) / e.error() : Double.NaN);
        x.put("variational_error", trial - (Double) x.get("energy"));
    }

    /** {@code lanczos_step.trial_state_energy}: the stepped state's exact energy, summed over the Hilbert space. */
    @SuppressWarnings("unchecked")
    static void addSteppedTrialState(Map<String, Object> summary, double trial) {
        ((Map<String, Object>) summary.get("lanczos_step")).put("trial_state_energy", trial);
    }

    /**
     * {@code lanczos_step}: the energy of ψ₁ = ψ + α(Ĥ − E)ψ and its error, α, the jackknife's blocks, per
     * site ({@code sites} &gt; 0) and against the exact energy when known.
     */
    static Map<String, Object> lanczosRecord(LanczosStep l, int sites, Optional<ExactReference> exact) {
        Map<String, Object> m = l.toJson();
        if (sites > 0) {
            m.put("per_site", Map.of("mean", l.judgedEnergy() / sites, "error", l.judgedError() / sites));
        }
        exact.ifPresent(x -> putDeviation(m, l.judgedEnergy(), l.judgedError(), x.energy()));
        return m;
    }

    static Map<String, Object> exactRecord(ExactReference x, Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energy", x.energy());
        m.put("method", x.method());
        if (x.dimension() > 0) {
            m.put("dimension", x.dimension());
        }
        putDeviation(m, e.mean(), e.error(), x.energy());
        return m;
    }

    /** {@code relative_error} and {@code deviation_sigma} (NaN without an error bar) of E ± σ from E_exact. */
    private static void putDeviation(Map<String, Object> m, double mean, double error, double exact) {
        m.put("relative_error", Math.abs((mean - exact) / exact));
        m.put("deviation_sigma", error > 0 ? (mean - exact) / error : Double.NaN);
    }
}
