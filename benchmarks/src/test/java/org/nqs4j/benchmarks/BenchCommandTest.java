package org.nqs4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.vmc.cli.UsageException;

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

    /**
     * The small-step problem is NetKet's example: a real RBM with P = N + M + NM = 440 on the L = 20
     * TFIM ring, 1,008 samples, and the free-fermion energy E0/L = −1.2748... (Pauli units; between
     * the L = 16 value −1.27528715 of examples/tfim-chain.yaml and the L = 40 value −1.2735668529).
     */
    @Test
    void smallStepProblemIsTheRealTfimChainOf20Sites() {
        BenchProblem p = BenchProblem.standard().get("tfim-chain-20-h1-a1-real");
        assertEquals(440, p.ansatz(1).nParameters());
        assertTrue(!p.ansatz(1).isComplex());
        assertEquals(1008, p.chains() * p.samplesPerChain());
        assertTrue(p.exactEnergyPerSite() > -1.27528715 && p.exactEnergyPerSite() < -1.2735668529,
                "E0/L = " + p.exactEnergyPerSite());
    }

    /** --compare reruns the stored run's problems and prints both figures and their ratio. */
    @Test
    void compareReadsAStoredRunAndPrintsTheRatio(@TempDir Path dir) throws Exception {
        Path stored = dir.resolve("before.json");
        Files.writeString(stored, "{\"fma_peak_gflops_one_core\": 50.0, \"threads\": 1, \"problems\": [\n"
                + "  {\"name\": \"tfim-chain-20-h1-a1-real\", \"median_seconds_per_iteration\": 1.0e6, "
                + "\"sampling_seconds_per_iteration\": 1.0, \"update_seconds_per_iteration\": 2.0, "
                + "\"samples_per_second\": 100.0, \"peak_rss_mb\": 99.0}\n]}\n");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        int code;
        try {
            System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
            code = new BenchCommand().run(List.of("--quick", "--iterations", "1", "--compare", stored.toString()));
        } finally {
            System.setOut(original);
        }
        assertEquals(0, code);
        String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("tfim-chain-20-h1-a1-real +1000000\\.0000 → +[0-9.]+ .* ([0-9.]+)x").matcher(text);
        assertTrue(m.find(), text);
        assertTrue(Double.parseDouble(m.group(1)) > 1000, text); // a step takes far less than 10⁶ s
        assertTrue(!text.contains("heisenberg-chain-40-a1"), "only the stored run's problems: " + text);
    }

    /** A file that is not the output of `nqs bench --json` is a usage error (exit 2), not a crash. */
    @Test
    void compareRejectsAFileWithoutProblems(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"scaling\": []}");
        UsageException e = assertThrows(UsageException.class,
                () -> new BenchCommand().run(List.of("--compare", bad.toString())));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("problems"), e.getMessage());
        String missing = dir.resolve("missing.json").toString();
        assertThrows(UsageException.class, () -> new BenchCommand().run(List.of("--compare", missing)));
    }
}
