package org.nqs4j.vmc.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The per-iteration series of a run folder's {@code log.jsonl} (iteration, energy mean and error,
 * variance, acceptance, wall time, split-R̂, whether a step was taken or undone), with what the plots need to
 * label them: the energy unit (from {@code config.resolved.yaml}) and the exact energy (from
 * {@code summary.json}) when known. A truncated last line (a run killed mid-write) is skipped.
 *
 * @param rHat       split-R̂ of each line's samples (NaN where not logged)
 * @param updated    1 where the line's step was taken (its {@code updated}), else 0
 * @param undone     1 where the line's samples undid the step before (its {@code undone}), else 0
 * @param energyUnit the unit of the energies, e.g. "units of J", or "" when unknown
 */
public record RunLog(String label, double[] iteration, double[] energy, double[] error, double[] variance,
                     double[] acceptance, double[] wallSeconds, double[] rHat, double[] updated, double[] undone,
                     String energyUnit, OptionalDouble exact) {

    public static RunLog read(Path runDir) throws IOException {
        Path file = runDir.resolve("log.jsonl");
        if (!Files.isRegularFile(file)) {
            throw new IOException(runDir + " has no log.jsonl; is it a run folder?");
        }
        return readSteps(runDir);
    }

    /** The steps of a run folder's log, none when it has no log.jsonl (a run of 0 iterations logs no step). */
    public static RunLog readSteps(Path runDir) throws IOException {
        Path file = runDir.resolve("log.jsonl");
        List<String> lines = Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        Load load = new Load(LoadSettings.builder().build());
        List<double[]> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Object parsed;
            try {
                parsed = load.loadFromString(line);
            } catch (RuntimeException e) {
                continue; // a partly written last line
            }
            if (!(parsed instanceof Map<?, ?> m) || !(m.get("energy") instanceof Map<?, ?> e)) {
                continue;
            }
            rows.add(new double[] {num(m.get("iteration")), num(e.get("mean")), num(e.get("error")),
                num(e.get("variance")), num(m.get("acceptance")), num(m.get("wall_time_s")), num(e.get("r_hat")),
                Boolean.TRUE.equals(m.get("updated")) ? 1 : 0, Boolean.TRUE.equals(m.get("undone")) ? 1 : 0});
        }
        int n = rows.size();
        double[][] cols = new double[9][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 9; c++) {
                cols[c][i] = rows.get(i)[c];
            }
        }
        Path name = runDir.toAbsolutePath().normalize().getFileName();
        return new RunLog(name == null ? runDir.toString() : name.toString(), cols[0], cols[1], cols[2], cols[3],
                cols[4], cols[5], cols[6], cols[7], cols[8], energyUnit(yaml(runDir.resolve("config.resolved.yaml"))),
                exactEnergy(yaml(runDir.resolve("summary.json"))));
    }

    /** The same log with the exact energy the caller knows (a run plots itself before or without a summary). */
    public RunLog withExact(OptionalDouble e) {
        return new RunLog(label, iteration, energy, error, variance, acceptance, wallSeconds, rHat, updated, undone,
                energyUnit, e);
    }

    private static String energyUnit(Map<?, ?> config) {
        return config.get("hamiltonian") instanceof Map<?, ?> h && h.get("model") instanceof String model
                ? EnergyUnit.of(model, h) : "";
    }

    private static OptionalDouble exactEnergy(Map<?, ?> summary) {
        return summary.get("exact") instanceof Map<?, ?> x && x.get("energy") instanceof Number e
                ? OptionalDouble.of(e.doubleValue()) : OptionalDouble.empty();
    }

    /** A YAML (or JSON) mapping, or an empty one when the file is absent or unreadable. */
    private static Map<?, ?> yaml(Path file) {
        try {
            if (Files.isRegularFile(file)
                    && new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file)) instanceof Map<?, ?> m) {
                return m;
            }
        } catch (IOException | RuntimeException e) {
            return Map.of(); // the labels and the exact line are optional; the series are not
        }
        return Map.of();
    }

    private static double num(Object o) {
        return o instanceof Number x ? x.doubleValue() : Double.NaN;
    }

    public int size() {
        return iteration.length;
    }
}
