package org.nqs4j.mpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nqs4j.vmc.run.Checkpoint;
import org.nqs4j.vmc.run.RunFolder;

/**
 * Real MPI runs (Open MPI's mpirun and MPICH's mpiexec, through the FFM binding) against one
 * process: log.jsonl (timings aside), summary.json (timings aside) and parameters.npy are identical
 * for 2 and 3 ranks; a job whose rank dies stops with a non-zero exit and an intact checkpoint, which
 * resumes on another rank count to the numbers of the uninterrupted run; a library that is not the
 * launcher's is refused. Each launcher runs when it is installed ({@code NQS_REQUIRE_MPI} and
 * {@code NQS_REQUIRE_MPICH}, set by CI, make its absence a failure). The MPI-5 standard ABI runs
 * where {@code NQS_MPI_ABI_PREFIX} names an MPI installation with {@code bin/mpiexec} (Hydra) and
 * {@code lib/libmpi_abi.so.1} (MPICH ≥ 4.3 configured with {@code --enable-mpi-abi}; no
 * distribution packages one yet, so CI has none).
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

    /** An MPI launcher, the options a test job needs and the variable that holds a process's rank. */
    enum Launcher {
        OPEN_MPI("Open MPI", "NQS_REQUIRE_MPI", "OMPI_COMM_WORLD_RANK", "mpirun.openmpi", "mpirun", "Open MPI"),
        MPICH("MPICH", "NQS_REQUIRE_MPICH", "PMI_RANK", "mpiexec.mpich", "mpiexec", "HYDRA"),
        /** Hydra of the installation at NQS_MPI_ABI_PREFIX, its ranks bound to its libmpi_abi.so.1. */
        MPI_ABI("the MPI-5 standard ABI", "NQS_MPI_ABI_PREFIX", "PMI_RANK", null, null, "HYDRA");

        final String label;
        /** The variable whose presence makes a missing launcher a failure (for MPI_ABI: the installation's path). */
        final String required;
        final String rankVariable;
        private final String suffixed;
        private final String plain;
        private final String banner;

        Launcher(String label, String required, String rankVariable, String suffixed, String plain, String banner) {
            this.label = label;
            this.required = required;
            this.rankVariable = rankVariable;
            this.suffixed = suffixed;
            this.plain = plain;
            this.banner = banner;
        }

        /**
         * The launcher's path: its Debian name, else the plain name when its --version says it is this MPI's (for
         * MPI_ABI: the installation's bin/mpiexec).
         */
        String find() {
            if (this == MPI_ABI) {
                String prefix = System.getenv(required);
                Assumptions.assumeTrue(prefix != null, "SKIPPED: NQS_MPI_ABI_PREFIX names no MPI installation with"
                        + " libmpi_abi.so.1");
                Path mpiexec = Path.of(prefix, "bin", "mpiexec");
                if (!Files.isExecutable(mpiexec) || !Files.exists(abiLibrary())) {
                    throw new AssertionError(required + "=" + prefix + " has no bin/mpiexec and lib/" + MpiLibrary.STANDARD_ABI);
                }
                return mpiexec.toString();
            }
            String path = which(suffixed);
            if (path == null) {
                path = which(plain);
                if (path != null && !version(path).contains(banner)) {
                    path = null;
                }
            }
            if (path == null && System.getenv(required) != null) {
                throw new AssertionError(required + " is set (as in CI) but there is no " + label + " launcher ("
                        + suffixed + ", or " + plain + " of " + label + ") on PATH");
            }
            Assumptions.assumeTrue(path != null, "SKIPPED: no " + label + " launcher on PATH; .ci/run installs it");
            return path;
        }

        /** The job of {@code ranks} processes running {@code command}, oversubscribed, unbound. */
        List<String> job(String path, int ranks, List<String> command) {
            List<String> cmd = new ArrayList<>(List.of(path));
            if (this == OPEN_MPI) { // Hydra runs as root, oversubscribed and unbound as it is
                cmd.addAll(List.of("--allow-run-as-root", "--oversubscribe", "--bind-to", "none"));
            }
            if (this == MPI_ABI) { // Hydra hands its ranks the variable: the standard ABI's library, and no other
                cmd.addAll(List.of("-genv", "NQS_MPI_LIBRARY", abiLibrary().toString()));
            }
            cmd.addAll(List.of("-np", Integer.toString(ranks)));
            cmd.addAll(command);
            return cmd;
        }

        private Path abiLibrary() {
            return Path.of(System.getenv(required), "lib", MpiLibrary.STANDARD_ABI);
        }

        private static String version(String path) {
            try {
                Process p = new ProcessBuilder(path, "--version").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                p.waitFor(30, TimeUnit.SECONDS);
                return out;
            } catch (IOException | InterruptedException e) {
                return "";
            }
        }
    }

    @TempDir
    Path tmp;

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

    /** Runs a command; its JVMs keep their temporary files (the scratch folders of ranks > 0) in {@link #tmp}. */
    int exec(List<String> cmd, Path log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp); // a killed rank cannot clean up
        pb.environment().put("OMPI_ALLOW_RUN_AS_ROOT", "1");
        pb.environment().put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        // what ./nqs does under a launcher: the JVM's signal chaining, so that an MPI's SIGSEGV handler
        // (MPICH through UCX) does not take the JVM's own signals
        pb.environment().put("LD_PRELOAD", Path.of(System.getProperty("java.home"), "lib", "libjsig.so").toString());
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

    /** One process. */
    Path run(Path config, String threads) throws Exception {
        return run(null, null, 0, config, threads);
    }

    /** {@code ranks} processes started by {@code launcher} at {@code path} (one process without a launcher). */
    Path run(Launcher launcher, String path, int ranks, Path config, String threads) throws Exception {
        String name = config.getFileName() + "-" + (launcher == null ? "one" : launcher + "-" + ranks) + "-" + threads;
        Path out = tmp.resolve(name + "-run");
        List<String> cli = java("run", config.toString(), "--out", out.toString(), "--quiet", "--set",
                "threads=" + threads);
        Path log = tmp.resolve(name + ".txt");
        int rc = exec(launcher == null ? cli : launcher.job(path, ranks, cli), log);
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

    @ParameterizedTest
    @EnumSource(Launcher.class)
    void twoAndThreeRanksWriteTheRunOfOneProcess(Launcher launcher) throws Exception {
        String path = launcher.find();
        Path config = config(8);
        Path one = run(config, "2");
        assertSameRun(one, run(launcher, path, 2, config, "1"), launcher.label + ", 2 ranks x 1 thread");
        assertSameRun(one, run(launcher, path, 3, config, "2"), launcher.label + ", 3 ranks x 2 threads (oversubscribed)");
    }

    /**
     * The SR solves the ranks share, through MPI: minSR (L = 12, α = 2: P = 324 > N_s = 140; the
     * Gram rows and the three panels of the Cholesky split over the ranks, δ in parameter slices)
     * and the dense S (P = 48 < N_s = 70, its rows and Cholesky split).
     */
    @Test
    void theDistributedSolvesWriteTheRunOfOneProcess() throws Exception {
        String path = Launcher.OPEN_MPI.find();
        String minSr = CONFIG.formatted(6).replace("solver: cg", "solver: minsr").replace("length: 6", "length: 12")
                .replace("alpha: 1", "alpha: 2").replace("samples: 70", "samples: 140");
        String dense = CONFIG.formatted(6).replace("solver: cg", "solver: cholesky");
        for (Path config : List.of(config("minsr", minSr), config("dense", dense))) {
            Path one = run(config, "1");
            assertSameRun(one, run(Launcher.OPEN_MPI, path, 2, config, "1"), config.getFileName() + ", 2 ranks x 1 thread");
            assertSameRun(one, run(Launcher.OPEN_MPI, path, 3, config, "2"),
                    config.getFileName() + ", 3 ranks x 2 threads (oversubscribed)");
        }
    }

    /**
     * Rank 1 is killed (SIGKILL) once rank 0 has logged 4 iterations: the job ends with a non-zero
     * exit, the checkpoint of rank 0 is intact, and the run resumed on 3 ranks equals one process's.
     */
    @ParameterizedTest
    @EnumSource(Launcher.class)
    void aDeadRankEndsTheJobAndItsCheckpointResumesOnAnotherRankCount(Launcher launcher) throws Exception {
        String path = launcher.find();
        Path config = config(100);
        Path out = tmp.resolve("killed");
        String java = String.join(" ", java("run", config.toString(), "--out", out.toString(), "--quiet", "--set",
                "threads=1").stream().map(a -> "'" + a + "'").toList());
        String killer = "if [ \"$" + launcher.rankVariable + "\" = 1 ]; then (while [ \"$(cat '" + out
                + "/log.jsonl' 2>/dev/null | wc -l)\" -lt 4 ]; do sleep 0.1; done; kill -9 $$) & fi; exec " + java;
        Path log = tmp.resolve("killed.txt");
        int rc = exec(launcher.job(path, 2, List.of("/bin/sh", "-c", killer)), log);
        assertNotEquals(0, rc, () -> "a job with a dead rank must fail; output:\n" + read(log));
        assertTrue(Files.notExists(out.resolve(RunFolder.SUMMARY)), "the killed job wrote no summary");
        awaitLockHolderEnd(out);
        Checkpoint c;
        try (RunFolder folder = RunFolder.open(out)) {
            c = folder.readCheckpoint().orElseThrow(() -> new AssertionError("no checkpoint; output:\n" + read(log)));
        }
        assertTrue(c.iterations() >= 2 && c.iterations() < 100, "checkpoint after " + c.iterations());
        Path resumeLog = tmp.resolve("resume.txt");
        int resumed = exec(launcher.job(path, 3, java("resume", out.toString(), "--quiet")), resumeLog);
        assertEquals(0, resumed, () -> "resume on 3 ranks; output:\n" + read(resumeLog));
        assertSameRun(run(config, "1"), out, launcher.label + ": killed on 2 ranks after " + c.iterations()
                + ", resumed on 3");
    }

    /**
     * {@code validate} of one config is shared by the ranks (rank 0 writes and judges: the run of one process and its
     * validation.json); a command that runs as one process ({@code inspect}, {@code validate --suite}) is refused
     * under 2 ranks, exit 2, said once (by rank 0).
     */
    @Test
    void validateIsSharedByTheRanksAndOneProcessCommandsAreRefused() throws Exception {
        String path = Launcher.OPEN_MPI.find();
        Path config = config(4);
        Path one = tmp.resolve("validated-one");
        Path two = tmp.resolve("validated-two");
        List<String> validate = List.of("--quiet", "--tolerance", "0.5", "--set", "threads=1");
        Path oneLog = tmp.resolve("validate-one.txt");
        List<String> cli = new ArrayList<>(java("validate", config.toString(), "--out", one.toString()));
        cli.addAll(validate);
        assertEquals(0, exec(cli, oneLog), () -> read(oneLog));
        cli = new ArrayList<>(java("validate", config.toString(), "--out", two.toString()));
        cli.addAll(validate);
        Path log = tmp.resolve("validate-two.txt");
        assertEquals(0, exec(Launcher.OPEN_MPI.job(path, 2, cli), log), () -> read(log));
        assertTrue(read(log).contains("PASS"), read(log));
        assertSameRun(one, two, "validate on 2 ranks");
        assertEquals(withoutTimings(Files.readString(one.resolve("validation.json"))).replace(one.toString(), "DIR"),
                withoutTimings(Files.readString(two.resolve("validation.json"))).replace(two.toString(), "DIR"));
        Path refused = tmp.resolve("inspect.txt");
        assertEquals(2, exec(Launcher.OPEN_MPI.job(path, 2, java("inspect", two.toString())), refused),
                () -> read(refused));
        assertEquals(1, occurrences(read(refused), "nqs inspect: runs as one process, not under an MPI launch of 2"),
                read(refused));
        // a suite is validated by one process: refused before the folder is read, said once
        Path suite = tmp.resolve("validate-suite.txt");
        assertEquals(2, exec(Launcher.OPEN_MPI.job(path, 2, java("validate", "--suite=" + tmp)), suite),
                () -> read(suite));
        assertEquals(1, occurrences(read(suite), "nqs validate: runs as one process, not under an MPI launch of 2"),
                read(suite));
    }

    /**
     * A mistake in the config is found by every rank; rank 0 says it and ends the job (exit 2), the other ranks
     * hold their copy until the launcher has ended them: said once, not once per rank.
     */
    @Test
    void aMistakeInTheConfigIsSaidOnce() throws Exception {
        String path = Launcher.OPEN_MPI.find();
        Path config = config(4);
        Path log = tmp.resolve("config-error.txt");
        List<String> cli = java("run", config.toString(), "--out", tmp.resolve("config-error").toString(), "--quiet",
                "--set", "iterations=-1");
        assertEquals(2, exec(Launcher.OPEN_MPI.job(path, 3, cli), log), () -> read(log));
        assertEquals(1, occurrences(read(log), "nqs run: config error: --set iterations=-1"), read(log));
    }

    private static int occurrences(String text, String line) {
        return text.split(Pattern.quote(line), -1).length - 1;
    }

    /**
     * MPICH's mpiexec with Open MPI's library: each process would join a world of its own and the
     * job would be two runs into one folder. Every process refuses (exit 3) and says why.
     */
    @Test
    void aLibraryOfAnotherMpiThanTheLaunchersIsRefused() throws Exception {
        String path = Launcher.MPICH.find();
        Assumptions.assumeTrue(loadable("libmpi.so.40") || System.getenv(Launcher.OPEN_MPI.required) != null,
                "SKIPPED: no Open MPI library to mismatch");
        Path config = config(4);
        Path out = tmp.resolve("mismatch");
        Path log = tmp.resolve("mismatch.txt");
        List<String> cmd = new ArrayList<>(List.of("env", "NQS_MPI_LIBRARY=libmpi.so.40"));
        cmd.addAll(java("run", config.toString(), "--out", out.toString(), "--quiet"));
        int rc = exec(Launcher.MPICH.job(path, 2, cmd), log);
        String text = read(log);
        assertNotEquals(0, rc, text);
        assertTrue(text.contains("the launcher started 2 processes (PMI_SIZE=2) but MPI joined them as"), text);
        assertTrue(!text.contains("Exception"), text);
        assertTrue(Files.notExists(out.resolve(RunFolder.SUMMARY)), "no run was made");
    }

    static boolean loadable(String library) {
        try {
            SymbolLookup.libraryLookup(library, Arena.ofAuto());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
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
