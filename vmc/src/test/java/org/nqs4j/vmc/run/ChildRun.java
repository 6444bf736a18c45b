package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;

/**
 * {@code nqs run CONFIG --out DIR} in a child JVM on this test's class path, to be killed or
 * signalled mid-run, and the comparison of what it leaves (after a resume) with an uninterrupted run.
 */
final class ChildRun {
    private ChildRun() {
    }

    /** Starts the child; its stdout and stderr go to {@code output}. */
    static Process start(Path config, Path out, Path output) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "org.nqs4j.vmc.cli.Main", "run", config.toString(), "--out", out.toString(), "--quiet")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** Waits until the child's log holds {@code n} lines, the child has ended, or {@code seconds} have passed. */
    static void awaitLines(Process child, Path log, int n, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (lines(log) < n && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** Complete lines of {@code log} (0 while it does not exist). */
    static int lines(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        int n = 0;
        for (byte x : Files.readAllBytes(log)) {
            n += x == '\n' ? 1 : 0;
        }
        return n;
    }

    /** Runs {@code config} uninterrupted into {@code whole} and compares log, summary and parameters with {@code dir}. */
    static void assertSameAsUninterrupted(Path config, Path whole, Path dir, String what) throws IOException {
        RunConfig c = RunConfigReader.read(config, List.of());
        try (RunFolder f = RunFolder.create(whole, false)) {
            VmcRun.execute(c, f, RunListener.SILENT);
        }
        RunLogs.assertSameLog(whole, dir, what);
        assertEquals(RunLogs.summary(whole), RunLogs.summary(dir));
        assertArrayEquals(Files.readAllBytes(whole.resolve(RunFolder.PARAMETERS)),
                Files.readAllBytes(dir.resolve(RunFolder.PARAMETERS)));
    }
}
