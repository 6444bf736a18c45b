package org.nqs4j.vmc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nqs4j.vmc.plot.RunLog;
import org.nqs4j.vmc.plot.RunPlots;

/** {@code nqs plot RUN_DIR...}: overlays the energy, variance and acceptance of several runs. */
public final class PlotCommand implements Command {
    @Override
    public String name() {
        return "plot";
    }

    @Override
    public String usage() {
        return "plot RUN_DIR... [--out DIR]\n"
                + "      overlay runs: energy (each run's exact line and relative error when known), variance, acceptance as PNG and SVG";
    }

    @Override
    public int run(List<String> args) throws IOException {
        Arguments a = Arguments.parse(args, Set.of(), Set.of("--out"));
        if (a.positionals().isEmpty()) {
            throw new UsageException("give at least one run folder.");
        }
        List<RunLog> runs = new ArrayList<>();
        for (String d : a.positionals()) {
            runs.add(RunLog.read(Path.of(d)));
        }
        Path out = Path.of(a.option("--out") != null ? a.option("--out")
                : runs.size() == 1 ? a.positionals().get(0) : "plots");
        Files.createDirectories(out);
        String title = runs.size() == 1 ? runs.get(0).label() : runs.size() + " runs";
        RunPlots.write(runs, title, out);
        System.out.println("wrote energy, variance and acceptance plots (.png, .svg) to " + out);
        return 0;
    }
}
