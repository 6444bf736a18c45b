package org.nqs4j.vmc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.io.Json;
import org.nqs4j.vmc.run.Checkpoint;
import org.nqs4j.vmc.run.OutputFolder;
import org.nqs4j.vmc.run.RunFolder;
import org.nqs4j.vmc.run.VmcRun;

/**
 * {@code nqs inspect RUN_DIR}: the summary of a finished run, or for an interrupted one the
 * progress from its log and checkpoint; for a sweep folder the table of its points so far.
 */
public final class InspectCommand implements Command {
    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String usage() {
        return "inspect RUN_DIR [--json]\n"
                + "      the summary of a finished run, the state of an interrupted or failed one, or the table of a sweep"
                + " folder so far";
    }

    @Override
    public int run(List<String> args) throws IOException {
        Arguments a = Arguments.parse(args, Set.of("--json"), Set.of());
        if (a.positionals().size() != 1) {
            throw new UsageException("expected exactly one RUN_DIR, got " + a.positionals().size() + ".");
        }
        Path dir = Path.of(a.positionals().get(0));
        if (!Files.isDirectory(dir)) {
            throw new OutputFolder.FolderRefusedException("there is no run folder " + dir + (Files.exists(dir)
                    ? ": it is a file" : ": it does not exist") + "; give a folder a run or sweep wrote.");
        }
        if (OutputFolder.isSweep(dir)) {
            List<Map<String, Object>> rows = SweepCommand.state(SweepPlan.read(dir), dir);
            if (a.flag("--json")) {
                System.out.println(Json.write(rows));
            } else {
                long done = rows.stream().filter(r -> !Set.of("interrupted", "not started").contains(r.get("status")))
                        .count();
                System.out.printf("%s: sweep, %d of %d points done%n", dir, done, rows.size());
                System.out.print(SweepTable.markdown(rows));
                if (done < rows.size()) {
                    System.out.printf("  continue     nqs resume %s%n", dir);
                }
            }
            return 0;
        }
        if (!Files.isRegularFile(dir.resolve(RunFolder.CONFIG))) {
            throw new OutputFolder.FolderRefusedException(dir + " is not a run folder: it has no " + RunFolder.CONFIG
                    + "; give a folder a run or sweep wrote (runs/NAME, or its --out DIR).");
        }
        Path summaryFile = dir.resolve(RunFolder.SUMMARY);
        Map<String, Object> summary = Files.isRegularFile(summaryFile) ? SummaryReport.read(summaryFile) : null;
        if (summary != null && VmcRun.finished(summary.get("status"))) {
            if (a.flag("--json")) {
                System.out.println(Json.write(summary));
            } else {
                SummaryReport.print(System.out, summary, dir);
            }
            return 0;
        }
        Map<String, Object> state = progress(dir, summary);
        if (a.flag("--json")) {
            System.out.println(Json.write(state));
        } else {
            print(System.out, dir, state);
        }
        return 0;
    }

    /** The state of an unfinished run: status, iterations logged and checkpointed, last log line. */
    static Map<String, Object> progress(Path dir, Map<String, Object> failedSummary) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        RunConfig config = RunConfigReader.read(dir.resolve(RunFolder.CONFIG), List.of());
        m.put("name", config.name());
        m.put("status", failedSummary != null ? failedSummary.get("status") : "interrupted");
        if (failedSummary != null && failedSummary.get("error") != null) {
            m.put("error", failedSummary.get("error"));
        }
        m.put("iterations", config.iterations());
        m.put("learning_rate", config.optimizer().learningRate());
        m.put("learning_rate_min", config.optimizer().learningRateMin());
        List<String> lines = Files.isRegularFile(dir.resolve(RunFolder.LOG))
                ? Files.readAllLines(dir.resolve(RunFolder.LOG)) : List.of();
        List<String> complete = lines.stream().filter(l -> l.endsWith("}")).toList();
        m.put("iterations_logged", complete.size());
        Path ck = dir.resolve(Checkpoint.FILE);
        if (Files.exists(ck)) {
            try {
                Checkpoint c = Checkpoint.read(ck);
                m.put("checkpoint_iterations", c.iterations());
                m.put("wall_time_s", c.wallSeconds());
            } catch (Checkpoint.CorruptCheckpointException e) {
                m.put("checkpoint_error", e.getMessage());
            }
        } else {
            m.put("checkpoint_iterations", 0);
        }
        if (!complete.isEmpty()) {
            try {
                m.put("last", SummaryReport.parse(complete.get(complete.size() - 1)));
            } catch (IllegalArgumentException e) {
                m.put("last_error", "the last log line is damaged: " + e.getMessage());
            }
        }
        return m;
    }

    static void print(PrintStream out, Path dir, Map<String, Object> m) {
        out.printf("%s: %s run%n", m.get("name"), m.get("status"));
        Optional.ofNullable(m.get("error")).ifPresent(e -> out.printf("  error        %s%n", e));
        out.printf("  logged       %s of %s iterations%n", m.get("iterations_logged"), m.get("iterations"));
        if (m.containsKey("checkpoint_error")) {
            out.printf("  checkpoint   unusable: %s%n", m.get("checkpoint_error"));
        } else {
            out.printf("  checkpoint   after %s iterations%s%n", m.get("checkpoint_iterations"),
                    m.containsKey("wall_time_s") ? String.format(" (%.1f s of wall time)",
                            SummaryReport.num(m.get("wall_time_s"))) : "");
        }
        if (m.get("last") instanceof Map<?, ?> last) {
            Map<?, ?> e = SummaryReport.map(last.get("energy"));
            out.printf("  last step    iteration %s: E = %s, variance %.4g, acceptance %.3f%n", last.get("iteration"),
                    Format.pm(SummaryReport.num(e.get("mean")), SummaryReport.num(e.get("error"))),
                    SummaryReport.num(e.get("variance")), SummaryReport.num(last.get("acceptance")));
        }
        if (!"failed".equals(m.get("status"))) {
            out.printf("  continue     nqs resume %s%n", dir);
            return;
        }
        // a failed run is not resumed (its steps are deterministic: it would fail again)
        Path parameters = dir.resolve(RunFolder.PARAMETERS);
        boolean saved = Files.isRegularFile(parameters);
        if (saved) {
            out.printf("  parameters   %s holds the last good parameters%n", parameters);
        }
        // ten times smaller, and no larger than the default: a step of 1e6 tenfold smaller still fails
        double eta = Math.min(SummaryReport.num(m.get("learning_rate")) / 10, RunConfigReader.DEFAULT_LEARNING_RATE);
        double floor = Math.min(eta, SummaryReport.num(m.get("learning_rate_min")));
        out.printf(java.util.Locale.ROOT, "  start again  with a smaller step, e.g. nqs run %s%s --set optimizer.learning_rate=%.3g"
                + " --set optimizer.learning_rate_min=%.3g (or a larger preconditioner.diag_shift)%n",
                dir.resolve(RunFolder.CONFIG), saved ? " --set ansatz.init_from=" + parameters : "", eta, floor);
    }
}
