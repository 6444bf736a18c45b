package org.nqs4j.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nqs4j.vmc.cli.CommandLine.nqs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nqs4j.vmc.cli.CommandLine.Outcome;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end through {@link Main#run}: exit codes, --json, sweep, inspect, resume. */
class CommandsTest {
    static final String TINY = """
            name: tiny
            seed: 4
            threads: 1
            iterations: 6
            checkpoint: {every: 2}
            lattice: {type: chain, length: 4}
            hamiltonian: {model: ising, h: 1.0}
            ansatz: {type: rbm, alpha: 1, complex: false}
            sampler: {chains: 2, samples: 32}
            evaluation: {samples: 128}
            """;

    @TempDir
    Path tmp;



    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void configMistakesExitWithTwoAndNameKeyAndLine() throws IOException {
        String[][] cases = {
            {"iterations: 6\n", "iterations: -3\n", "bad.yaml:4", "iterations"},
            {"hamiltonian: {model: ising, h: 1.0}\n", "hamiltonian: {model: ising, h: 1.0, hh: 2}\n", "bad.yaml:7", "hamiltonian.hh"},
            {"sampler: {chains: 2, samples: 32}\n", "sampler: {chains: two, samples: 32}\n", "bad.yaml:9", "sampler.chains"},
            {"checkpoint: {every: 2}\n", "checkpoint: {every: 0.5}\n", "bad.yaml:5", "checkpoint.every"},
            {"lattice: {type: chain, length: 4}\n", "lattice: {type: chain, length: 4\n", "bad.yaml", "not valid YAML"},
        };
        for (String[] c : cases) {
            Path f = write("bad.yaml", TINY.replace(c[0], c[1]));
            Outcome r = nqs("run", f.toString(), "--out", tmp.resolve("never").toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains(c[2]) && r.err().contains(c[3]), r.err());
            assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
        }
        Path sweep = write("sweep.yaml", TINY + "sweep: {hamiltonian.h: [0.5, 1.0]}\n");
        Outcome r = nqs("run", sweep.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nqs sweep"), r.err());
    }

    @Test
    void runJsonInspectAndResume() throws IOException {
        Path cfg = write("tiny.yaml", TINY);
        Path dir = tmp.resolve("run");
        Outcome r = nqs("run", cfg.toString(), "--out", dir.toString(), "--quiet", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> s = SummaryReport.parse(r.out().trim());
        assertEquals("completed", s.get("status"));
        assertEquals(Files.readString(dir.resolve("summary.json")).trim(), r.out().trim());
        assertTrue(Files.isRegularFile(dir.resolve("checkpoint.bin")));

        Outcome inspect = nqs("inspect", dir.toString());
        assertEquals(0, inspect.code());
        assertTrue(inspect.out().contains("energy") && inspect.out().contains("tiny"), inspect.out());
        assertEquals(0, nqs("resume", dir.toString()).code(), "a completed run: nothing to do");

        // an interrupted run: no summary, log longer than the checkpoint
        Files.delete(dir.resolve("summary.json"));
        Outcome partial = nqs("inspect", dir.toString(), "--json");
        Map<String, Object> p = SummaryReport.parse(partial.out().trim());
        assertEquals("interrupted", p.get("status"));
        assertEquals(6, p.get("checkpoint_iterations"));
        Outcome resumed = nqs("resume", dir.toString(), "--quiet", "--json");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(r.out().replaceAll("\"(wall_time_s|time_s)\":(\\{[^}]*\\}|[^,}]*)", ""),
                resumed.out().replaceAll("\"(wall_time_s|time_s)\":(\\{[^}]*\\}|[^,}]*)", ""));

        Path ck = dir.resolve("checkpoint.bin");
        Files.write(ck, java.util.Arrays.copyOf(Files.readAllBytes(ck), 40));
        Files.delete(dir.resolve("summary.json"));
        Outcome refused = nqs("resume", dir.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("checkpoint") && refused.err().contains("damaged"), refused.err());
    }

    @Test
    void sweepOverThreeFieldsWritesTableAndPlot() throws IOException {
        Path cfg = write("tfim.yaml", TINY + "sweep:\n  hamiltonian.h: [0.5, 1.0, 1.5]\n");
        Path dir = tmp.resolve("sw");
        Outcome r = nqs("sweep", cfg.toString(), "--out", dir.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(dir.resolve("sweep.csv"));
        assertEquals(4, csv.size());
        assertTrue(csv.get(0).startsWith("hamiltonian.h,status,n_sites,energy,error,energy_per_site"), csv.get(0));
        assertTrue(csv.get(2).startsWith("1.0,completed,4,"), csv.get(2));
        assertTrue(Files.readString(dir.resolve("sweep.md")).contains("| 1.5 | completed |"));
        for (String f : new String[] {"sweep-energy.png", "sweep-energy.svg", "tiny-h=0.5/summary.json",
            "tiny-h=1.5/log.jsonl"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        // a mistake in one point is found before anything runs
        Path bad = write("bad.yaml", TINY + "sweep:\n  sampler.chains: [2, 0]\n");
        Outcome b = nqs("sweep", bad.toString(), "--out", tmp.resolve("bad").toString());
        assertEquals(2, b.code());
        assertTrue(b.err().contains("sweep point chains=0") && b.err().contains("sampler.chains"), b.err());
        assertTrue(!Files.exists(tmp.resolve("bad")));
    }

    /**
     * Two samples per chain cannot give a split R-hat: the run finishes, says SUSPECT and exits with
     * 4; a sweep with such a point lists it as suspect and exits with 4 too.
     */
    @Test
    void aSuspectResultExitsWithFourAndFailsItsSweep() throws IOException {
        Path cfg = write("thin.yaml", TINY.replace("evaluation: {samples: 128}", "evaluation: {samples: 4}"));
        Outcome r = nqs("run", cfg.toString(), "--out", tmp.resolve("thin").toString(), "--quiet");
        assertEquals(4, r.code(), r.err());
        assertTrue(r.out().contains("SUSPECT") && r.out().contains("r_hat"), r.out());
        assertTrue(Files.readString(tmp.resolve("thin/summary.json")).contains("\"status\":\"suspect\""));
        assertEquals(4, nqs("resume", tmp.resolve("thin").toString()).code(), "finished, still suspect");

        Path sweep = write("sw.yaml", TINY + "sweep:\n  evaluation.samples: [128, 4]\n");
        Outcome s = nqs("sweep", sweep.toString(), "--out", tmp.resolve("sw").toString(), "--quiet");
        assertEquals(4, s.code(), s.err());
        assertTrue(Files.readString(tmp.resolve("sw/sweep.md")).contains("| 4 | suspect |"), s.out());
    }

    /**
     * A run stopped by wrecking steps (learning rate 10⁶) is not resumed; inspect advises a new run
     * from its last good parameters with a smaller learning rate, and that command line is valid
     * (here cut to two iterations: it runs to the end instead of being refused).
     */
    @Test
    void aFailedRunIsAdvisedAValidNewRun() throws IOException {
        Path cfg = write("wreck.yaml", """
                seed: 4
                threads: 1
                iterations: 20
                lattice: {type: chain, length: 8}
                hamiltonian: {model: heisenberg, marshall_sign: true}
                ansatz: {type: rbm, alpha: 1, complex: false}
                sampler: {chains: 4, samples: 128}
                optimizer: {learning_rate: 1e6}
                evaluation: {samples: 512}
                """);
        Path dir = tmp.resolve("wreck");
        assertEquals(1, nqs("run", cfg.toString(), "--out", dir.toString(), "--quiet").code());
        Outcome inspect = nqs("inspect", dir.toString());
        assertTrue(!inspect.out().contains("nqs resume"), inspect.out());
        String advice = inspect.out().lines().filter(l -> l.contains("start again")).findFirst().orElseThrow();
        String command = advice.substring(advice.indexOf("nqs run ") + 4, advice.indexOf(" (or"));
        assertTrue(command.contains("--set ansatz.init_from=" + dir.resolve("parameters.npy"))
                && command.contains("--set optimizer.learning_rate=0.0200"), command); // at most the default
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--set", "iterations=2", "--out", tmp.resolve("again").toString(), "--quiet"));
        Outcome again = nqs(args.toArray(String[]::new));
        assertTrue(again.code() == 0 || again.code() == 4, again.code() + ": " + again.err());
    }
}
