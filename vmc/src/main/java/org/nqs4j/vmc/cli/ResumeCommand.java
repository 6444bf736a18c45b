package org.nqs4j.vmc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.nqs4j.vmc.io.AtomicFiles;
import org.nqs4j.vmc.io.Json;
import org.nqs4j.vmc.run.OutputFolder;
import org.nqs4j.vmc.run.RunFolder;
import org.nqs4j.vmc.run.RunResult;
import org.nqs4j.vmc.run.VmcRun;

/** {@code nqs resume RUN_DIR}: continues an interrupted run from its last checkpoint. */
public final class ResumeCommand implements Command {
    @Override
    public String name() {
        return "resume";
    }

    @Override
    public String usage() {
        return "resume RUN_DIR [--quiet] [--json]\n"
                + "      continue an interrupted run from its last checkpoint (the result equals an uninterrupted run),"
                + " or an interrupted sweep (SWEEP_DIR: completed points are kept, the interrupted one is resumed)";
    }

    @Override
    public boolean distributed(List<String> args) {
        return true;
    }

    @Override
    public int run(List<String> args) throws IOException {
        Arguments a = Arguments.parse(args, Set.of("--quiet", "--json"), Set.of());
        if (a.positionals().size() != 1) {
            throw new UsageException("expected exactly one RUN_DIR, got " + a.positionals().size() + ".");
        }
        Path dir = Path.of(a.positionals().get(0));
        boolean quiet = a.flag("--quiet");
        if (OutputFolder.isSweep(dir)) {
            try (OutputFolder sweep = OutputFolder.open(dir)) {
                if (!quiet) {
                    System.err.println("nqs resume: sweep " + dir);
                }
                return SweepCommand.runPoints(SweepPlan.read(dir), dir, quiet, a.flag("--json"));
            }
        }
        if (!RankScratch.writesRunFolder()) {
            return resumeInScratch(dir);
        }
        try (RunFolder folder = RunFolder.open(dir)) {
            Path summary = dir.resolve(RunFolder.SUMMARY);
            Map<String, Object> s = Files.isRegularFile(summary) ? SummaryReport.read(summary) : null;
            if (s != null && "failed".equals(s.get("status"))) {
                throw new UsageException(dir + " stopped with an error (" + s.get("error") + "); resuming would repeat"
                        + " the same steps, because runs are deterministic. Start a new run as nqs inspect " + dir
                        + " advises.");
            }
            if (s != null && VmcRun.finished(s.get("status"))) {
                redrawMissingPlots(dir, s);
                System.err.println("nqs resume: " + dir + " is a finished run (" + s.get("status") + "); nothing to do"
                        + " (see nqs inspect " + dir + ").");
                return VmcRun.SUSPECT.equals(s.get("status")) ? 4 : 0;
            }
            ProgressPrinter progress = new ProgressPrinter(System.err, quiet);
            if (!quiet) {
                System.err.println("nqs resume " + folder.path());
            }
            RunResult result = VmcRun.resume(folder, progress);
            progress.finish();
            return RunCommand.report(System.out, result, folder.path(), a.flag("--json"));
        }
    }

    /**
     * An MPI rank other than 0 resumes in a scratch copy of the folder (rank 0 holds the folder's
     * lock and writes it); it takes the same decision as rank 0 on a failed or finished run, so that
     * either every rank steps or none does.
     */
    private static int resumeInScratch(Path dir) throws IOException {
        Path summary = dir.resolve(RunFolder.SUMMARY);
        Map<String, Object> s = Files.isRegularFile(summary) ? SummaryReport.read(summary) : null;
        if (s != null && "failed".equals(s.get("status"))) {
            return 2;
        }
        if (s != null && VmcRun.finished(s.get("status"))) {
            return VmcRun.SUSPECT.equals(s.get("status")) ? 4 : 0;
        }
        try (RankScratch scratch = RankScratch.copyOf(dir); RunFolder folder = RunFolder.open(scratch.path())) {
            return VmcRun.resume(folder, new ProgressPrinter(System.err, true)).exitCode();
        }
    }

    /**
     * Draws the plots of a completed run again when one is missing (a plot write that failed, or a
     * run of an older nqs4j killed between its summary and its plots); a {@code plot_error} of the
     * summary is then cleared.
     */
    static void redrawMissingPlots(Path dir, Map<String, Object> summary) throws IOException {
        boolean missing = summary.containsKey("plot_error");
        for (String base : List.of("energy", "variance", "acceptance")) {
            missing |= !Files.isRegularFile(dir.resolve(base + ".png"))
                    || !Files.isRegularFile(dir.resolve(base + ".svg"));
        }
        if (!missing) {
            return;
        }
        System.err.println("nqs resume: the plots of " + dir + " are missing; drawing them again");
        OptionalDouble exact = summary.get("exact") instanceof Map<?, ?> x && x.get("energy") instanceof Number e
                ? OptionalDouble.of(e.doubleValue()) : OptionalDouble.empty();
        VmcRun.writePlots(dir, String.valueOf(summary.get("name")), exact, summary);
        if (summary.remove("plot_error") != null) {
            AtomicFiles.write(dir.resolve(RunFolder.SUMMARY), Json.write(summary) + "\n");
        }
    }
}
