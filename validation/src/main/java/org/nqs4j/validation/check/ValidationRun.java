package org.nqs4j.validation.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.validation.TrialStateEnergy;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.driver.IterationResult;
import org.nqs4j.vmc.io.AtomicFiles;
import org.nqs4j.vmc.io.Json;
import org.nqs4j.vmc.run.RunFolder;
import org.nqs4j.vmc.run.RunListener;
import org.nqs4j.vmc.run.RunResult;
import org.nqs4j.vmc.run.RunSetup;
import org.nqs4j.vmc.run.VmcRun;

/**
 * One validation case: the VMC run of a config exactly as {@code nqs run} does it (same folder
 * content), the exact reference the run looked up, the exact energy of the optimised trial state
 * when the space is small, and {@code validation.json} in the run folder.
 */
public final class ValidationRun {
    /** Largest space whose trial-state energy is summed exactly after a run. */
    public static final int TRIAL_STATE_MAX_DIMENSION = 100_000;
    public static final String REPORT = "validation.json";

    private ValidationRun() {
    }

    /** Runs {@code config} into {@code dir} (an existing non-empty folder needs {@code force}). */
    public static ValidationReport execute(RunConfig config, Path dir, boolean force, Criterion criterion,
                                           RunListener listener) throws IOException {
        long start = System.nanoTime();
        try (RunFolder folder = RunFolder.create(dir, force)) {
            EnergyHistory history = new EnergyHistory(listener);
            RunResult result = VmcRun.execute(config, folder, history);
            Optional<TrialStateEnergy.Result> trial = Optional.empty();
            if (result.exact().isPresent() && config.hilbert().dimension() <= TRIAL_STATE_MAX_DIMENSION) {
                listener.message("exact energy of the trial state (sum over the Hilbert space)");
                trial = Optional.of(trialState(config, folder.path().resolve(RunFolder.PARAMETERS)));
            }
            ValidationReport report = new ValidationReport(config.name(), config.source(), folder.path(),
                    config.lattice().nSites(), result.evaluation().energy(), result.exact(), trial,
                    result.evaluation().observables(), history.energies(), criterion,
                    (System.nanoTime() - start) * 1e-9);
            AtomicFiles.write(folder.path().resolve(REPORT), Json.write(report.toJson()) + "\n");
            return report;
        }
    }

    /** The trial state of the config's ansatz at the parameters the run wrote. */
    private static TrialStateEnergy.Result trialState(RunConfig config, Path parameters) throws IOException {
        try (RunSetup setup = RunSetup.build(config)) {
            WaveFunction psi = setup.waveFunction();
            psi.setParameters(NpyVector.read(parameters));
            return TrialStateEnergy.of(psi, config.hamiltonian().operator(), config.hilbert());
        }
    }

    /** Records the energy of every step and passes everything on. */
    private static final class EnergyHistory implements RunListener {
        private final RunListener next;
        private final List<Double> energies = new ArrayList<>();

        EnergyHistory(RunListener next) {
            this.next = next;
        }

        @Override
        public void started(int iterations) {
            next.started(iterations);
        }

        @Override
        public void iteration(IterationResult result) {
            energies.add(result.energy().mean());
            next.iteration(result);
        }

        @Override
        public void message(String text) {
            next.message(text);
        }

        double[] energies() {
            return energies.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
