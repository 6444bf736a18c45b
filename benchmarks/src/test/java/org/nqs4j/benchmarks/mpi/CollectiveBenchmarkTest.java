package org.nqs4j.benchmarks.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CollectiveBenchmark} runs under Open MPI's launcher as benchmarks/collectives-jmh.sh runs it:
 * two ranks, one trial, no fork, and ends (ranks that disagreed on the number of calls would hang in the
 * last collective), each rank printing its report. One measured iteration of each operation at 8 B;
 * skipped without Open MPI unless {@code NQS_REQUIRE_MPI} (set by CI) asks for it.
 */
class CollectiveBenchmarkTest {
    @TempDir
    Path tmp;

    /** Open MPI's launcher: its Debian name, else a plain mpirun that says it is Open MPI's. */
    private static Optional<Path> openMpiLauncher() throws IOException, InterruptedException {
        Optional<Path> debian = onPath("mpirun.openmpi");
        if (debian.isPresent()) {
            return debian;
        }
        Optional<Path> plain = onPath("mpirun");
        if (plain.isEmpty()) {
            return plain;
        }
        Process p = new ProcessBuilder(plain.get().toString(), "--version").redirectErrorStream(true).start();
        String version = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return version.contains("Open MPI") ? plain : Optional.empty();
    }

    private static Optional<Path> onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
    }

    @Test
    void bothOperationsRunOnTwoRanksAndEnd() throws Exception {
        Optional<Path> mpirun = openMpiLauncher();
        if (System.getenv("NQS_REQUIRE_MPI") == null) {
            Assumptions.assumeTrue(mpirun.isPresent(), "no Open MPI launcher on the PATH");
        }
        for (String operation : List.of("allgather", "allreduce")) {
            Path log = tmp.resolve(operation + ".txt");
            Path ranks = tmp.resolve(operation); // each rank's output in a file of its own (DIR/1/rank.R/stdout)
            ProcessBuilder pb = new ProcessBuilder(mpirun.orElseThrow().toString(), "--allow-run-as-root",
                    "--oversubscribe", "--bind-to", "none", "--output-filename", ranks.toString(), "-np", "2",
                    ProcessHandle.current().info().command().orElseThrow(), "--add-modules", "jdk.incubator.vector",
                    "--enable-native-access=ALL-UNNAMED", "-Djmh.ignoreLock=true",
                    "-cp", System.getProperty("java.class.path"), "org.openjdk.jmh.Main",
                    "CollectiveBenchmark." + operation + "$", "-p", "bytes=8", "-wi", "0", "-i", "1")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("OMPI_ALLOW_RUN_AS_ROOT", "1");
            pb.environment().put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
            Process p = pb.start();
            boolean ended = p.waitFor(120, TimeUnit.SECONDS);
            if (!ended) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            String out = Files.readString(log);
            assertTrue(ended, "the ranks did not end: " + out);
            assertEquals(0, p.exitValue(), out);
            // each rank prints its report, one result line of this operation (read per rank: the two
            // ranks' lines interleave on a shared stdout, once cutting a result line in two)
            List<Path> reports;
            try (Stream<Path> files = Files.walk(ranks)) {
                reports = files.filter(f -> f.getFileName().toString().equals("stdout")).sorted().toList();
            }
            assertEquals(2, reports.size(), "per-rank outputs under " + ranks + ": " + reports + "\n" + out);
            for (Path report : reports) {
                String text = Files.readString(report);
                String result = "CollectiveBenchmark." + operation + " ";
                assertEquals(1, text.lines().filter(l -> l.startsWith(result)).count(), report + ":\n" + text);
            }
        }
    }
}
