package org.nqs4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    /** A one-iteration quick run writes the JSON with the keys, the table and the plot. */
    @Test
    void quickRunWritesJsonTableAndPlot(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("bench");
        int code = new BenchCommand().run(List.of("--quick", "--iterations", "1", "--problems",
                "tfim-chain-40-h1-a1", "--out", out.toString()));
        assertEquals(0, code);
        String json = Files.readString(out.resolve("bench.json"));
        for (String key : new String[] {"\"samples_per_second\"", "\"seconds_per_iteration\"",
            "\"median_seconds_per_iteration\"", "\"threads\"", "\"peak_rss_mb\"", "\"energy_vs_wall_seconds\""}) {
            assertTrue(json.contains(key), key);
        }
        assertTrue(Files.readString(out.resolve("bench.md")).contains("tfim-chain-40-h1-a1"));
        assertTrue(Files.size(out.resolve("energy-vs-wall.png")) > 1000);
        assertTrue(Files.readString(out.resolve("energy-vs-wall.svg")).contains("<svg"));
    }

    /** --scaling alternates iterations on 1 and 2 threads and writes each problem's speed-up, a positive ratio. */
    @Test
    void scalingRunWritesTheSpeedUpOfEachProblem(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("scaling");
        int code = new BenchCommand().run(List.of("--quick", "--iterations", "1", "--problems",
                "tfim-chain-40-h1-a1", "--scaling", "--threads", "2", "--out", out.toString()));
        assertEquals(0, code);
        String json = Files.readString(out.resolve("bench-scaling.json"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"speedup\": ([0-9.]+)").matcher(json);
        assertTrue(m.find(), json);
        assertTrue(Double.parseDouble(m.group(1)) > 0, json);
        assertTrue(json.contains("\"median_seconds_per_iteration_1_thread\"") && json.contains("\"threads\": 2"), json);
        java.util.regex.Matcher c = java.util.regex.Pattern.compile("\"fma_ceiling\": ([0-9.]+)").matcher(json);
        assertTrue(c.find(), json);
        assertTrue(Double.parseDouble(c.group(1)) > 0, json);
        assertTrue(json.contains("\"quiet_pairs\": "), json);
        assertTrue(Files.readString(out.resolve("bench-scaling.md")).contains("tfim-chain-40-h1-a1"));
        assertEquals(1.5, BenchCommand.median(new double[] {3, 1, 2, 0}), 0.0);
    }

    /** The L = 100 reference is the Bethe-ansatz energy: −0.443... per site in spin-½ units. */
    @Test
    void chain100HasItsBetheAnsatzReference() {
        double e = BenchProblem.standard().get("heisenberg-chain-100-a1").exactEnergyPerSite();
        // E0/L of the L = 100 ring (spin-½ units) lies between the L = 80 value −0.4432759519 and
        // the thermodynamic limit 1/4 − ln 2 = −0.4431471806 (finite-size corrections ∝ 1/L²)
        assertTrue(e / 4 < -0.4431471806 && e / 4 > -0.4432759519, "E0/N = " + e / 4);
    }
}
