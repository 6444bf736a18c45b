package org.nqs4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nqs validate CONFIG} under Open MPI's mpirun (the whole application is on this module's class path: the
 * validation commands and the MPI binding): rank 0 writes and judges, the other ranks run the same steps; the
 * run folder is that of one process, with validation.json. Needs mpirun (NQS_REQUIRE_MPI, set by CI, makes its
 * absence a failure).
 */
class DistributedValidateTest {
    static final String CONFIG = """
            name: validate-ranks
            seed: 3
            iterations: 4
            lattice: {type: chain, length: 6}
            hamiltonian: {model: ising, h: 0.8}
            ansatz: {type: rbm, alpha: 1, complex: true}
            sampler: {chains: 7, samples: 70}
            optimizer: {type: adam, learning_rate: 0.02}
            preconditioner: {solver: cg, diag_shift: 0.05}
            evaluation: {samples: 700}
            threads: 1
            """;

    @TempDir
    Path tmp;

    @Test
    void oneConfigIsValidatedByTwoRanksAsByOneProcess() throws Exception {
        String mpirun = openMpiLauncher();
        Path config = tmp.resolve("validate-ranks.yaml");
        Files.writeString(config, CONFIG);
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        assertEquals(0, exec(java("validate", config.toString(), "--out", one.toString(), "--quiet", "--tolerance",
                "0.5"), tmp.resolve("one.txt")), () -> read(tmp.resolve("one.txt")));
        List<String> job = new ArrayList<>(List.of(mpirun, "--allow-run-as-root", "--oversubscribe", "--bind-to",
                "none", "-np", "2"));
        job.addAll(java("validate", config.toString(), "--out", two.toString(), "--quiet", "--tolerance", "0.5"));
        Path log = tmp.resolve("two.txt");
        assertEquals(0, exec(job, log), () -> read(log));
        assertTrue(read(log).contains("PASS"), read(log));
        for (String file : List.of("log.jsonl", "summary.json", "validation.json")) {
            assertEquals(withoutTimings(read(one.resolve(file))), withoutTimings(read(two.resolve(file))), file);
        }
    }

    /** Timings, the thread count and the folder's name differ; the numbers may not. */
    private static String withoutTimings(String json) {
        return json.replaceAll(",\"time_s\":\\{[^}]*\\}", "").replaceAll(",\"wall_time_s\":[^,}]*", "")
                .replaceAll(",\"threads\":[0-9]+", "").replaceAll("\"run_folder\":\"[^\"]*\"", "");
    }

    /** mpirun.openmpi (Debian's name), else an mpirun whose --version says Open MPI. */
    private static String openMpiLauncher() throws Exception {
        for (String name : List.of("mpirun.openmpi", "mpirun")) {
            for (String dir : System.getenv("PATH").split(":")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p) && (name.endsWith(".openmpi") || isOpenMpi(p))) {
                    return p.toString();
                }
            }
        }
        if (System.getenv("NQS_REQUIRE_MPI") != null) {
            throw new AssertionError("NQS_REQUIRE_MPI is set (as in CI) but there is no mpirun on PATH");
        }
        Assumptions.abort("SKIPPED: no mpirun on PATH");
        return null;
    }

    private static boolean isOpenMpi(Path mpirun) throws Exception {
        Process p = new ProcessBuilder(mpirun.toString(), "--version").redirectErrorStream(true).start();
        String version = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return version.contains("Open MPI");
    }

    private static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "org.nqs4j.vmc.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private int exec(List<String> cmd, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp);
        pb.environment().put("OMPI_ALLOW_RUN_AS_ROOT", "1");
        pb.environment().put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        pb.environment().put("LD_PRELOAD", Path.of(System.getProperty("java.home"), "lib", "libjsig.so").toString());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd + "\n" + read(log));
        }
        return p.exitValue();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
