package org.nqs4j.vmc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nqs4j.vmc.config.ConfigException;
import org.nqs4j.vmc.config.ConfigValue;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.config.SweepSpec;
import org.nqs4j.vmc.config.YamlConfigParser;
import org.nqs4j.vmc.driver.NonFiniteUpdateException;
import org.nqs4j.vmc.io.AtomicFiles;
import org.nqs4j.vmc.io.Json;
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
        Arguments a = Arguments.parse("sweep", args, Set.of("--quiet", "--force", "--json"), Set.of("--out", "--set"));
        Path file = a.configFile("");
        SweepSpec sweep = SweepSpec.extract(parse(file, a.all("--set"))).orElseThrow(() -> new ConfigException(file
                + ": the config declares no sweep; add e.g. 'sweep: {hamiltonian.h: [0.5, 1.0, 1.5]}', or use nqs run."));
        List<SweepSpec.Point> points = sweep.points();
        List<RunConfig> configs = new ArrayList<>();
        for (SweepSpec.Point p : points) {
            configs.add(pointConfig(file, a.all("--set"), p));
        }
        String base = baseName(parse(file, a.all("--set")), file);
        Path dir = RunFolder.choose(a.option("--out"), configs.get(0).outputRoot().resolve(base + "-sweep"),
                a.flag("--force"));
        RunFolder.create(dir, a.flag("--force")).close();
        boolean quiet = a.flag("--quiet");
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean failed = false;
        for (int k = 0; k < points.size(); k++) {
            RunConfig config = configs.get(k);
            Map<String, Object> row = new LinkedHashMap<>();
            points.get(k).assignments().forEach((key, v) -> row.put(key, v.text()));
            try (RunFolder folder = RunFolder.create(dir.resolve(config.name()), false)) {
                if (!quiet) {
                    System.err.println("nqs sweep: point " + (k + 1) + "/" + points.size() + " " + points.get(k).label()
                            + " -> " + folder.path());
                }
                ProgressPrinter progress = new ProgressPrinter(System.err, quiet);
                RunResult r = VmcRun.execute(config, folder, progress);
                progress.finish();
                SweepTable.addResult(row, r.summary());
            } catch (NonFiniteUpdateException e) {
                System.err.println("nqs sweep: point " + points.get(k).label() + " stopped: " + e.getMessage());
                row.put("status", "failed");
                failed = true;
            }
            row.put("folder", config.name());
            rows.add(row);
        }
        AtomicFiles.write(dir.resolve("sweep.csv"), SweepTable.csv(rows));
        String md = SweepTable.markdown(rows);
        AtomicFiles.write(dir.resolve("sweep.md"), md);
        try {
            SweepTable.plot(sweep, rows, base, SweepTable.energyUnit(configs)).write(dir, "sweep-energy");
        } catch (IOException | RuntimeException | Error e) {
            System.err.println("nqs sweep: plot not written: " + e);
        }
        if (a.flag("--json")) {
            System.out.println(Json.write(rows));
        } else {
            System.out.print(md);
            System.out.println("table sweep.csv, sweep.md and plot sweep-energy.png/svg in " + dir);
        }
        return failed ? 1 : 0;
    }

    private static ConfigValue.Mapping parse(Path file, List<String> overrides) {
        ConfigValue.Mapping root = YamlConfigParser.parseFile(file);
        for (String o : overrides) {
            YamlConfigParser.override(root, o);
        }
        return root;
    }

    /** The config's name (or the file's stem) before the sweep labels are appended. */
    private static String baseName(ConfigValue.Mapping root, Path file) {
        if (root.entries().get("name") instanceof ConfigValue.Scalar s) {
            return s.text().trim();
        }
        return file.getFileName().toString().replaceFirst("\\.(ya?ml)$", "");
    }

    /** The config of one point: the file with its overrides, the point's values, and the name NAME-label. */
    static RunConfig pointConfig(Path file, List<String> overrides, SweepSpec.Point point) {
        ConfigValue.Mapping root = parse(file, overrides);
        SweepSpec sweep = SweepSpec.extract(root).orElseThrow();
        String name = baseName(root, file) + "-" + point.label();
        point.applyTo(root);
        YamlConfigParser.set(root, "name", new ConfigValue.Scalar(name, true, sweep.where()));
        try {
            return RunConfigReader.read(root, file);
        } catch (ConfigException e) {
            throw new ConfigException("sweep point " + point.label() + ": " + e.getMessage(), e);
        }
    }
}
