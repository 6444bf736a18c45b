package org.nqs4j.vmc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                + "      continue an interrupted run from its last checkpoint; the result equals an uninterrupted run";
    }

    @Override
    public int run(List<String> args) throws IOException {
        Arguments a = Arguments.parse("resume", args, Set.of("--quiet", "--json"), Set.of());
        if (a.positionals().size() != 1) {
            throw new UsageException("expected exactly one RUN_DIR, got " + a.positionals().size() + ".");
        }
        Path dir = Path.of(a.positionals().get(0));
        Path summary = dir.resolve(RunFolder.SUMMARY);
        if (Files.isRegularFile(summary)) {
            Map<String, Object> s = SummaryReport.read(summary);
            if (VmcRun.finished(s.get("status"))) {
                System.err.println("nqs resume: " + dir + " is a finished run (" + s.get("status") + "); nothing to do"
                        + " (see nqs inspect " + dir + ").");
                return VmcRun.SUSPECT.equals(s.get("status")) ? 4 : 0;
            }
            throw new UsageException(dir + " stopped with an error (" + s.get("error") + "); resuming would repeat"
                    + " the same steps, because runs are deterministic. Change the config and start a new run.");
        }
        if (!RankScratch.writesRunFolder()) {
            try (RankScratch scratch = RankScratch.copyOf(dir); RunFolder folder = RunFolder.open(scratch.path())) {
                return VmcRun.resume(folder, new ProgressPrinter(System.err, true)).exitCode();
            }
        }
        boolean quiet = a.flag("--quiet");
        try (RunFolder folder = RunFolder.open(dir)) {
            ProgressPrinter progress = new ProgressPrinter(System.err, quiet);
            if (!quiet) {
                System.err.println("nqs resume " + folder.path());
            }
            RunResult result = VmcRun.resume(folder, progress);
            progress.finish();
            RunCommand.report(System.out, result, folder.path(), a.flag("--json"));
            return result.exitCode();
        }
    }
}
