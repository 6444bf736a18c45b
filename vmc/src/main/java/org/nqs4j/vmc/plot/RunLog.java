package org.nqs4j.vmc.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The per-iteration series of a run folder's {@code log.jsonl}: iteration, energy mean and
 * error, variance and acceptance. A truncated last line (a run killed mid-write) is skipped.
 */
public record RunLog(String label, double[] iteration, double[] energy, double[] error, double[] variance,
                     double[] acceptance, double[] wallSeconds) {

    public static RunLog read(Path runDir) throws IOException {
        Path file = runDir.resolve("log.jsonl");
        if (!Files.isRegularFile(file)) {
            throw new IOException(runDir + " has no log.jsonl; is it a run folder?");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
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
                num(e.get("variance")), num(m.get("acceptance")), num(m.get("wall_time_s"))});
        }
        int n = rows.size();
        double[][] cols = new double[6][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 6; c++) {
                cols[c][i] = rows.get(i)[c];
            }
        }
        Path name = runDir.toAbsolutePath().normalize().getFileName();
        return new RunLog(name == null ? runDir.toString() : name.toString(), cols[0], cols[1], cols[2], cols[3],
                cols[4], cols[5]);
    }

    private static double num(Object o) {
        return o instanceof Number x ? x.doubleValue() : Double.NaN;
    }

    public int size() {
        return iteration.length;
    }
}
