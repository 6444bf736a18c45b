package org.nqs4j.vmc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.SweepSpec;
import org.nqs4j.vmc.driver.NonFiniteUpdateException;
import org.nqs4j.vmc.io.AtomicFiles;
import org.nqs4j.vmc.io.Json;
import org.nqs4j.vmc.run.OutputFolder;
import org.nqs4j.vmc.run.RunFolder;
import org.nqs4j.vmc.run.RunResult;
import org.nqs4j.vmc.run.VmcRun;

/**
 * {@code nqs sweep CONFIG}: runs every point of the config's {@code sweep} as its own run folder
 * inside {@code runs/NAME-sweep}, then writes the table {@code sweep.csv} / {@code sweep.md} and
 * the plot {@code sweep-energy.png/svg} of the energy per site against the (first) swept key.
 * Every point is validated before the first one runs.
 */
public final class SweepCommand implements Command {
    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public String usage() {
        return "sweep CONFIG [--out DIR] [--force] [--quiet] [--json] [--set key=value ...]\n"
                + "      run every point of the config's sweep (runs/NAME-sweep/NAME-key=value), then a table"
                + " (sweep.csv, sweep.md) and a plot of the energy against the swept key";
    }

    @Override
    public int run(List<String> args) throws IOException {
        Arguments a = Arguments.parse(args, Set.of("--quiet", "--force", "--json"), Set.of("--out", "--set"));
        SweepPlan plan = SweepPlan.of(a.configFile(""), a.all("--set"));
        List<RunConfig> configs = new ArrayList<>();
        for (SweepSpec.Point p : plan.sweep().points()) {
            configs.add(plan.pointConfig(p)); // every point is validated before the first runs
        }
        Path dir = RunFolder.choose(a.folderOption("--out"), configs.get(0).outputRoot().resolve(plan.baseName() + "-sweep"),
                a.flag("--force"));
        try (OutputFolder folder = OutputFolder.create(dir, a.flag("--force"), OutputFolder.Kind.SWEEP)) {
            plan.write(dir);
            return runPoints(plan, dir, a.flag("--quiet"), a.flag("--json"));
        }
    }

    /**
     * Runs the points of a sweep folder in order, then writes its table and plot: a completed or
     * failed point is taken from its summary, an interrupted one is resumed from its checkpoint, a
     * missing one is started. The caller holds the sweep folder's lock.
     */
    static int runPoints(SweepPlan plan, Path dir, boolean quiet, boolean json) throws IOException {
        SweepSpec sweep = plan.sweep();
        List<SweepSpec.Point> points = sweep.points();
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean failed = false;
        boolean suspect = false;
        List<RunConfig> configs = new ArrayList<>();
        for (int k = 0; k < points.size(); k++) {
            SweepSpec.Point point = points.get(k);
            RunConfig config = plan.pointConfig(point);
            configs.add(config);
            Path pointDir = dir.resolve(config.name());
            Map<String, Object> row = new LinkedHashMap<>();
            point.assignments().forEach((key, v) -> row.put(key, v.text()));
            Map<String, Object> previous = summary(pointDir);
            String status = previous == null ? null : String.valueOf(previous.get("status"));
            boolean resume = previous == null ? Files.isRegularFile(pointDir.resolve(RunFolder.CONFIG))
                    : status.equals("interrupted");
            if (!quiet) {
                System.err.println("nqs sweep: point " + (k + 1) + "/" + points.size() + " " + point.label() + " -> "
                        + pointDir + (previous != null && !resume ? " (" + status + " before)" : resume ? " (resumed)"
                        : ""));
            }
            if (previous != null && !resume) {
                if (status.equals("failed")) {
                    row.put("status", "failed");
                    failed = true;
                } else {
                    ResumeCommand.redrawMissingPlots(pointDir, previous); // as nqs resume of the point would
                    SweepTable.addResult(row, previous);
                    suspect |= VmcRun.SUSPECT.equals(status);
                }
            } else {
                // a point folder without its config was made by a run killed before it started: replace it
                // (--force replaces only a folder nqs4j marked as its own)
                try (RunFolder folder = resume ? RunFolder.open(pointDir)
                        : RunFolder.create(pointDir, Files.isDirectory(pointDir))) {
                    ProgressPrinter progress = new ProgressPrinter(System.err, quiet);
                    RunResult r = resume ? VmcRun.resume(folder, progress) : VmcRun.execute(config, folder, progress);
                    progress.finish();
                    SweepTable.addResult(row, r.summary());
                    suspect |= r.suspect();
                    if (r.summary().get("plot_error") instanceof String e) { // exit 1, as nqs run
                        System.err.println("nqs sweep: the plots of point " + point.label() + " could not be written ("
                                + e + "); nqs resume " + dir + " draws them.");
                        failed = true;
                    }
                } catch (NonFiniteUpdateException e) {
                    System.err.println("nqs sweep: point " + point.label() + " stopped: " + e.getMessage());
                    row.put("status", "failed");
                    failed = true;
                }
            }
            row.put("folder", config.name());
            rows.add(row);
        }
        AtomicFiles.write(dir.resolve("sweep.csv"), SweepTable.csv(rows));
        String md = SweepTable.markdown(rows);
        AtomicFiles.write(dir.resolve("sweep.md"), md);
        try {
            SweepTable.plot(sweep, rows, plan.baseName(), SweepTable.energyUnit(configs)).write(dir, "sweep-energy");
        } catch (IOException | RuntimeException | Error e) {
            System.err.println("nqs sweep: the plot sweep-energy.png/svg could not be written: " + e.getMessage());
            failed = true;
        }
        if (json) {
            System.out.println(Json.write(rows));
        } else {
            System.out.print(md);
            System.out.println("table sweep.csv, sweep.md and plot sweep-energy.png/svg in " + dir);
        }
        return failed ? 1 : suspect ? 4 : 0;
    }

    /**
     * The state of every point of a sweep folder, one row each as in sweep.csv: the result of a
     * completed point, otherwise its status ("failed", "interrupted" or "not started").
     */
    static List<Map<String, Object>> state(SweepPlan plan, Path dir) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SweepSpec.Point point : plan.sweep().points()) {
            String name = plan.baseName() + "-" + point.label();
            Map<String, Object> row = new LinkedHashMap<>();
            point.assignments().forEach((key, v) -> row.put(key, v.text()));
            Map<String, Object> s = summary(dir.resolve(name));
            if (s != null && !"failed".equals(s.get("status")) && !"interrupted".equals(s.get("status"))) {
                SweepTable.addResult(row, s);
            } else {
                row.put("status", s != null ? s.get("status")
                        : Files.isDirectory(dir.resolve(name)) ? "interrupted" : "not started");
            }
            row.put("folder", name);
            rows.add(row);
        }
        return rows;
    }

    /** The summary of a point's folder, or null when it has none. */
    private static Map<String, Object> summary(Path pointDir) throws IOException {
        Path file = pointDir.resolve(RunFolder.SUMMARY);
        return Files.isRegularFile(file) ? SummaryReport.read(file) : null;
    }
}
