package org.nqs4j.vmc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.nqs4j.vmc.plot.RunLog;
import org.nqs4j.vmc.plot.RunPlots;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** {@code nqs plot RUN_DIR...}: overlays the energy, variance and acceptance of several runs. */
public final class PlotCommand implements Command {
    @Override
    public String name() {
        return "plot";
    }

    @Override
    public String usage() {
        return "plot RUN_DIR... [--out DIR]\n"
                + "      overlay runs: energy (with the exact line when known), variance, acceptance as PNG and SVG";
    }

    @Override
    public int run(List<String> args) throws IOException {
        Arguments a = Arguments.parse("plot", args, Set.of(), Set.of("--out"));
        if (a.positionals().isEmpty()) {
            throw new UsageException("give at least one run folder.");
        }
        List<RunLog> runs = new ArrayList<>();
        OptionalDouble exact = OptionalDouble.empty();
        for (String d : a.positionals()) {
            Path dir = Path.of(d);
            runs.add(RunLog.read(dir));
            if (exact.isEmpty()) {
                exact = exactEnergy(dir);
            }
        }
        Path out = Path.of(a.option("--out") != null ? a.option("--out")
                : runs.size() == 1 ? a.positionals().get(0) : "plots");
        Files.createDirectories(out);
        String title = runs.size() == 1 ? runs.get(0).label() : runs.size() + " runs";
        RunPlots.write(runs, exact, title, out);
        System.out.println("wrote energy, variance and acceptance plots (.png, .svg) to " + out);
        return 0;
    }

    /** The exact energy recorded in a run's summary.json, if any. */
    static OptionalDouble exactEnergy(Path runDir) {
        Path summary = runDir.resolve("summary.json");
        if (!Files.isRegularFile(summary)) {
            return OptionalDouble.empty();
        }
        try {
            Object o = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(summary));
            if (o instanceof Map<?, ?> m && m.get("exact") instanceof Map<?, ?> x && x.get("energy") instanceof Number e) {
                return OptionalDouble.of(e.doubleValue());
            }
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }
}
