package org.nqs4j.validation.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.io.AtomicFiles;
import org.nqs4j.vmc.io.Json;
import org.nqs4j.vmc.plot.LinePlot;
import org.nqs4j.vmc.plot.RunLog;
import org.nqs4j.vmc.plot.Series;
import org.nqs4j.vmc.run.RunFolder;
import org.nqs4j.vmc.run.RunListener;
import org.nqs4j.vmc.run.RunResult;
import org.nqs4j.vmc.run.VmcRun;
import org.nqs4j.vmc.stats.ConvergenceDiagnostics;

/**
 * One validation case: the VMC run of a config exactly as {@code nqs run} does it (same folder
 * content), the exact reference the run looked up, the exact energy of the optimised trial state
 * when the space is small, whether an ansatz confined to a symmetry sector can reach the ground
 * state ({@link SectorCheckingReference}), and {@code validation.json} with the plots in the run
 * folder.
 */
public final class ValidationRun {
    public static final String REPORT = "validation.json";
    public static final String PLOT = "validation";
    public static final String ERROR_PLOT = "validation-error";

    private ValidationRun() {
    }

    /** Runs {@code config} into {@code dir} (an existing non-empty folder needs {@code force}). */
    public static ValidationReport execute(RunConfig config, Path dir, boolean force, Criterion criterion,
                                           RunListener listener) throws IOException {
        long start = System.nanoTime();
        try (RunFolder folder = RunFolder.create(dir, force)) {
            SectorCheckingReference exact = new SectorCheckingReference();
            RunResult result = VmcRun.execute(config, folder, listener, exact);
            RunLog log = RunLog.readSteps(folder.path());
            ValidationReport report = new ValidationReport(config.name(), config.source(), folder.path(),
                    config.lattice().nSites(), config.hamiltonian().model().equals("molecule"),
                    config.sampler().method(), result.evaluation().energy(), result.exact(), result.trial(),
                    result.evaluation().observables(), log.energy(), ConvergenceDiagnostics.of(log.energy(), log.error(),
                    log.variance(), log.acceptance(), config.lattice().nSites()), criterion, (System.nanoTime() - start) * 1e-9,
                    result.checks(), exact.ansatzSector(), result.summary().get("split_steps") instanceof Map<?, ?> split
                            && split.get("note") instanceof String note ? Optional.of(note) : Optional.empty(),
                    result.evaluation().lanczosStep());
            AtomicFiles.write(folder.path().resolve(REPORT), Json.write(report.toJson()) + "\n");
            if (log.size() > 0) { // iterations: 0 (an evaluation of init_from parameters) has no steps to draw
                plot(report, log);
            }
            return report;
        }
    }

    /**
     * {@value #PLOT}.png/.svg: VMC energy per step with its error band and the exact (and
     * trial-state) energy as lines; {@value #ERROR_PLOT}.png/.svg: the relative error
     * |E − E_0|/|E_0| per step on a log scale with the tolerance as a line.
     */
    private static void plot(ValidationReport report, RunLog log) throws IOException {
        LinePlot energy = new LinePlot(report.name() + ": VMC energy", "iteration", "energy")
                .add(new Series("VMC", log.iteration(), log.energy(), log.error()));
        report.exact().ifPresent(x -> energy.referenceLine(String.format(Locale.ROOT, "exact %.8g (%s)", x.energy(),
                x.method()), x.energy()));
        report.trial().ifPresent(t -> energy.referenceLine(String.format(Locale.ROOT, "trial state %.8g",
                t.energy()), t.energy()));
        energy.write(report.folder(), PLOT);
        if (report.exact().isPresent()) {
            double e0 = report.exact().get().energy();
            double[] rel = new double[log.energy().length];
            for (int i = 0; i < rel.length; i++) {
                rel[i] = Math.abs((log.energy()[i] - e0) / e0);
            }
            new LinePlot(report.name() + ": relative error", "iteration", "|E - E0| / |E0|").logY()
                    .add(new Series("VMC", log.iteration(), rel, null))
                    .referenceLine(String.format(Locale.ROOT, "tolerance %.1e", report.criterion().tolerance()),
                            report.criterion().tolerance())
                    .write(report.folder(), ERROR_PLOT);
        }
    }
}
