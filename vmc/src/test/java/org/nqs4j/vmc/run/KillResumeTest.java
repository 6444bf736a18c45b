package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;

/**
 * The real thing: {@code nqs run} in a child JVM, killed with SIGKILL mid-run, then resumed; the
 * log and summary equal those of an uninterrupted run (timings aside).
 */
class KillResumeTest {
    @TempDir
    Path tmp;

    @Test
    void runKilledWithSigkillResumesToTheUninterruptedResult() throws Exception {
        Path config = tmp.resolve("kill.yaml").toAbsolutePath();
        Files.writeString(config, """
                name: kill
                seed: 5
                threads: 2
                iterations: 300
                checkpoint: {every: 1}
                lattice: {type: chain, length: 8}
                hamiltonian: {model: heisenberg, marshall_sign: true}
                ansatz: {type: rbm, alpha: 1, complex: false}
                sampler: {chains: 4, samples: 128}
                optimizer: {type: adam, learning_rate: 0.01}
                evaluation: {samples: 512}
                """);
        Path killed = tmp.resolve("killed");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "org.nqs4j.vmc.cli.Main", "run", config.toString(), "--out", killed.toString(), "--quiet")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.out").toFile()).start();
        Path log = killed.resolve(RunFolder.LOG);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines(log) < 40 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(p.isAlive(), "the child ended before it could be killed: " + Files.readString(tmp.resolve("child.out")));
        p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flushing
        p.waitFor(10, TimeUnit.SECONDS);
        assertFalse(Files.exists(killed.resolve(RunFolder.SUMMARY)), "killed before the end");
        int logged = lines(log);
        assertTrue(logged < 300, "killed mid-run, " + logged + " lines logged");

        try (RunFolder f = RunFolder.open(killed)) {
            VmcRun.resume(f, RunListener.SILENT);
        }
        RunConfig c = RunConfigReader.read(config, List.of());
        Path whole = tmp.resolve("whole");
        try (RunFolder f = RunFolder.create(whole, false)) {
            VmcRun.execute(c, f, RunListener.SILENT);
        }
        RunLogs.assertSameLog(whole, killed, "killed after " + logged + " logged lines");
        assertEquals(RunLogs.summary(whole), RunLogs.summary(killed));
        assertArrayEquals(Files.readAllBytes(whole.resolve(RunFolder.PARAMETERS)),
                Files.readAllBytes(killed.resolve(RunFolder.PARAMETERS)));
    }

    private static int lines(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        byte[] b = Files.readAllBytes(log);
        int n = 0;
        for (byte x : b) {
            n += x == '\n' ? 1 : 0;
        }
        return n;
    }
}
