package org.nqs4j.vmc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.run.RunFolder;
import org.nqs4j.vmc.run.RunResult;
import org.nqs4j.vmc.run.VmcRun;
import org.nqs4j.vmc.io.Json;
import org.nqs4j.vmc.parallel.World;

/** {@code nqs run CONFIG}: optimise the ansatz of a config and report the energy with its error. */
public final class RunCommand implements Command {
    @Override
    public String name() {
        return "run";
    }

    @Override
    public String usage() {
        return "run CONFIG [--out DIR] [--force] [--quiet] [--json] [--set key=value ...]\n"
                + "      optimise and estimate; results in runs/NAME (or DIR): log.jsonl, checkpoint.bin, summary.json,"
                + " parameters.npy, plots; --json prints the summary as JSON on stdout";
    }

    @Override
    public boolean distributed(List<String> args) {
        return true;
    }

    @Override
    public int run(List<String> args) throws IOException {
        Arguments a = Arguments.parse(args, Set.of("--quiet", "--force", "--json"), Set.of("--out", "--set"));
        Path file = a.configFile("");
        RunConfig config = RunConfigReader.read(file, a.all("--set"));
        if (!RankScratch.writesRunFolder()) { // an MPI rank other than 0: the same steps, in a scratch folder
            return RankScratch.runInScratch(config);
        }
        Path dir = RunFolder.choose(a.folderOption("--out"), config.outputRoot().resolve(config.name()), a.flag("--force"));
        boolean quiet = a.flag("--quiet");
        try (RunFolder folder = RunFolder.create(dir, a.flag("--force"))) {
            ProgressPrinter progress = new ProgressPrinter(System.err, quiet);
            if (!quiet) {
                System.err.println("nqs run " + config.name() + " -> " + folder.path()
                        + (World.get().size() > 1 ? " on " + World.get().description() : ""));
            }
            RunResult result = VmcRun.execute(config, folder, progress);
            progress.finish();
            return report(System.out, result, folder.path(), a.flag("--json"));
        }
    }

    /**
     * The summary as a readable report, or as one line of JSON (the content of summary.json) for
     * scripts; returns the exit code: 1 when the plots could not be written, else the result's (0, or 4 if suspect).
     */
    static int report(PrintStream out, RunResult result, Path folder, boolean json) {
        if (json) {
            out.println(Json.write(result.summary()));
        } else {
            SummaryReport.print(out, result.summary(), folder, World.get().size());
        }
        if (result.summary().get("plot_error") instanceof String e) {
            System.err.println("nqs: the result is in " + folder.resolve(RunFolder.SUMMARY) + ", but the plots could"
                    + " not be written (" + e + "); free space or fix the folder's permissions, then nqs resume "
                    + folder + " draws them.");
            return 1;
        }
        return result.exitCode();
    }
}
