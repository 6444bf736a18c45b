package org.nqs4j.mpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.vmc.run.Checkpoint;
import org.nqs4j.vmc.run.RunFolder;

/**
 * Real MPI runs (Open MPI's or MPICH's mpirun, through the FFM binding) against one process:
 * log.jsonl (timings aside), summary.json (timings aside) and parameters.npy are identical for
 * 2 and 3 ranks; a job whose rank dies stops with a non-zero exit and an intact checkpoint, which
 * resumes on another rank count to the numbers of the uninterrupted run.
 */
class MpiRunTest {
    static final String CONFIG = """
            name: mpi-test
            seed: 3
            iterations: %d
            checkpoint: {every: 2}
            lattice: {type: chain, length: 6}
            hamiltonian: {model: ising, h: 0.8}
            ansatz: {type: rbm, alpha: 1, complex: true}
            sampler: {chains: 7, samples: 70}
            optimizer: {type: adam, learning_rate: 0.02}
            preconditioner: {solver: cg, diag_shift: 0.05}
            evaluation: {samples: 700}
            observables: [{type: magnetization}]
            """;

    static String mpirun;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findMpirun() {
        mpirun = which("mpirun");
        if (mpirun == null && System.getenv("NQS_REQUIRE_MPI") != null) {
            throw new AssertionError("NQS_REQUIRE_MPI is set (as in CI) but there is no mpirun on PATH");
        }
        Assumptions.assumeTrue(mpirun != null, "SKIPPED: no mpirun on PATH; install Open MPI (apt-get install"
                + " openmpi-bin libopenmpi-dev) to test distributed runs (.ci/run does)");
    }

    static String which(String name) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /** This JVM's java with the test class path: the CLI without the launcher. */
    static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "org.nqs4j.vmc.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static List<String> mpi(int ranks, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of(mpirun, "--allow-run-as-root", "--oversubscribe", "--bind-to",
                "none", "-np", Integer.toString(ranks)));
        cmd.addAll(command);
        return cmd;
    }

    /** Runs a command; its JVMs keep their temporary files (the scratch folders of ranks > 0) in {@link #tmp}. */
    int exec(List<String> cmd, Path log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp); // a killed rank cannot clean up
        pb.environment().put("OMPI_ALLOW_RUN_AS_ROOT", "1");
        pb.environment().put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd + "\n" + Files.readString(log));
        }
        return p.exitValue();
    }

    Path config(int iterations) throws IOException {
        return config("mpi-test-" + iterations, CONFIG.formatted(iterations));
    }

    Path config(String name, String yaml) throws IOException {
        Path f = tmp.resolve(name + ".yaml");
        Files.writeString(f, yaml);
        return f;
    }

    Path run(int ranks, Path config, String threads) throws Exception {
        Path out = tmp.resolve(config.getFileName() + "-run-" + ranks + "-" + threads);
        List<String> cli = java("run", config.toString(), "--out", out.toString(), "--quiet", "--set",
                "threads=" + threads);
        Path log = tmp.resolve(config.getFileName() + "-out-" + ranks + "-" + threads + ".txt");
        int rc = exec(ranks == 0 ? cli : mpi(ranks, cli), log);
        assertEquals(0, rc, () -> "exit code of " + ranks + " ranks; output:\n" + read(log));
        return out;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * JSON without the fields that describe the machine, not the run: timings ({@code time_s},
     * {@code wall_time_s}) and the summary's threads per process ({@code threads}).
     */
    static String withoutTimings(String json) {
        return json.replaceAll(",\"time_s\":\\{[^}]*\\}", "").replaceAll(",\"wall_time_s\":[^,}]*", "")
                .replaceAll(",\"threads\":[0-9]+", "");
    }

    static List<String> log(Path run) throws IOException {
        return Files.readAllLines(run.resolve(RunFolder.LOG)).stream().map(MpiRunTest::withoutTimings).toList();
    }

    static String summary(Path run) throws IOException {
        return withoutTimings(Files.readString(run.resolve(RunFolder.SUMMARY)));
    }

    static void assertSameRun(Path expected, Path actual, String what) throws IOException {
        assertEquals(log(expected), log(actual), what + ": log.jsonl");
        assertEquals(summary(expected), summary(actual), what + ": summary.json");
        assertArrayEquals(Files.readAllBytes(expected.resolve(RunFolder.PARAMETERS)),
                Files.readAllBytes(actual.resolve(RunFolder.PARAMETERS)), what + ": parameters.npy");
    }

    @Test
    void twoAndThreeRanksWriteTheRunOfOneProcess() throws Exception {
        Path config = config(8);
        Path one = run(0, config, "2");
        assertSameRun(one, run(2, config, "1"), "2 ranks x 1 thread");
        assertSameRun(one, run(3, config, "2"), "3 ranks x 2 threads (oversubscribed)");
    }

    /**
     * The SR solves the ranks share, through MPI: minSR (L = 12, α = 2: P = 324 > N_s = 140; the
     * Gram rows and the three panels of the Cholesky split over the ranks, δ in parameter slices)
     * and the dense S (P = 48 < N_s = 70, its rows and Cholesky split).
     */
    @Test
    void theDistributedSolvesWriteTheRunOfOneProcess() throws Exception {
        String minSr = CONFIG.formatted(6).replace("solver: cg", "solver: minsr").replace("length: 6", "length: 12")
                .replace("alpha: 1", "alpha: 2").replace("samples: 70", "samples: 140");
        String dense = CONFIG.formatted(6).replace("solver: cg", "solver: cholesky");
        for (Path config : List.of(config("minsr", minSr), config("dense", dense))) {
            Path one = run(0, config, "1");
            assertSameRun(one, run(2, config, "1"), config.getFileName() + ", 2 ranks x 1 thread");
            assertSameRun(one, run(3, config, "2"), config.getFileName() + ", 3 ranks x 2 threads (oversubscribed)");
        }
    }

    /**
     * Rank 1 is killed (SIGKILL) once rank 0 has logged 4 iterations: the job ends with a non-zero
     * exit, the checkpoint of rank 0 is intact, and the run resumed on 3 ranks equals one process's.
     */
    @Test
    void aDeadRankEndsTheJobAndItsCheckpointResumesOnAnotherRankCount() throws Exception {
        Path config = config(100);
        Path out = tmp.resolve("killed");
        String java = String.join(" ", java("run", config.toString(), "--out", out.toString(), "--quiet", "--set",
                "threads=1").stream().map(a -> "'" + a + "'").toList());
        String killer = "if [ \"$OMPI_COMM_WORLD_RANK\" = 1 ]; then (while [ \"$(cat '" + out + "/log.jsonl' 2>/dev/null"
                + " | wc -l)\" -lt 4 ]; do sleep 0.1; done; kill -9 $$) & fi; exec " + java;
        Path log = tmp.resolve("killed.txt");
        int rc = exec(mpi(2, List.of("/bin/sh", "-c", killer)), log);
        assertNotEquals(0, rc, () -> "a job with a dead rank must fail; output:\n" + read(log));
        assertTrue(Files.notExists(out.resolve(RunFolder.SUMMARY)), "the killed job wrote no summary");
        awaitLockHolderEnd(out);
        Checkpoint c;
        try (RunFolder folder = RunFolder.open(out)) {
            c = folder.readCheckpoint().orElseThrow(() -> new AssertionError("no checkpoint; output:\n" + read(log)));
        }
        assertTrue(c.iterations() >= 2 && c.iterations() < 100, "checkpoint after " + c.iterations());
        Path resumeLog = tmp.resolve("resume.txt");
        int resumed = exec(mpi(3, java("resume", out.toString(), "--quiet")), resumeLog);
        assertEquals(0, resumed, () -> "resume on 3 ranks; output:\n" + read(resumeLog));
        assertSameRun(run(0, config, "1"), out, "killed on 2 ranks after " + c.iterations() + ", resumed on 3");
    }

    /**
     * mpirun may return while a rank's JVM is still ending; the folder's lock is released only then.
     * Waits (at most 30 s) until the process whose PID the lock file holds has ended.
     */
    private static void awaitLockHolderEnd(Path folder) throws Exception {
        Path lock = folder.resolve(".lock");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            String pid = Files.exists(lock) ? Files.readString(lock).trim() : "";
            if (!pid.matches("[0-9]+") || !ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
                return;
            }
            Thread.sleep(100);
        }
    }
}
