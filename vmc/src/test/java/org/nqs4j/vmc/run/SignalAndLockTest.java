package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.vmc.cli.Main;
import org.nqs4j.vmc.cli.SummaryReport;

/**
 * {@code nqs run} in a child JVM: while it writes its folder, a second writer in this JVM (another
 * process) is refused with the child's PID and changes nothing; SIGTERM then makes the child write
 * a final checkpoint and exit 143 with status "interrupted", and the resumed run equals an
 * uninterrupted one (timings aside).
 */
class SignalAndLockTest {
    @TempDir
    Path tmp;

    @Test
    void aLockedFolderRefusesOtherWritersAndSigtermCheckpointsForAnExactResume() throws Exception {
        Path config = tmp.resolve("term.yaml").toAbsolutePath();
        Files.writeString(config, """
                name: term
                seed: 7
                threads: 2
                iterations: 200
                checkpoint: {every: 1000}
                lattice: {type: chain, length: 8}
                hamiltonian: {model: heisenberg, marshall_sign: true}
                ansatz: {type: rbm, alpha: 1, complex: false}
                sampler: {chains: 4, samples: 128}
                optimizer: {type: adam, learning_rate: 0.01}
                evaluation: {samples: 512}
                """);
        Path dir = tmp.resolve("term");
        Process p = ChildRun.start(config, dir, tmp.resolve("child.out"));
        Path log = dir.resolve(RunFolder.LOG);
        ChildRun.awaitLines(p, log, 5, 120);
        assertTrue(p.isAlive(), "the child ended too early: " + Files.readString(tmp.resolve("child.out")));

        String[] force = {"run", config.toString(), "--out", dir.toString(), "--force", "--quiet"};
        String[] resume = {"resume", dir.toString(), "--quiet"};
        for (String[] second : List.of(force, resume)) {
            String[] err = new String[1];
            int code = main(second, err);
            assertEquals(1, code, second[0] + ": " + err[0]);
            assertTrue(err[0].contains("PID " + p.pid()), "names the holder: " + err[0]);
        }
        assertTrue(Files.exists(log) && Files.exists(dir.resolve(RunFolder.CONFIG)), "the refused --force deleted nothing");

        p.destroy(); // SIGTERM on Unix
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child ends at the next step boundary");
        assertEquals(143, p.exitValue(), Files.readString(tmp.resolve("child.out")));
        Map<String, Object> summary = SummaryReport.read(dir.resolve(RunFolder.SUMMARY));
        assertEquals("interrupted", summary.get("status"));
        int logged = ChildRun.lines(log);
        assertTrue(logged < 200, "interrupted mid-run, " + logged + " lines");
        assertEquals(logged, ((Number) summary.get("checkpoint_iterations")).intValue());
        assertEquals(logged, Checkpoint.read(dir.resolve(Checkpoint.FILE)).iterations(), "final checkpoint written");

        String[] err = new String[1];
        assertEquals(0, main(resume, err), err[0]); // the child's lock was released when it ended
        ChildRun.assertSameAsUninterrupted(config, tmp.resolve("whole"), dir, "terminated after " + logged + " lines");
    }

    private static int main(String[] args, String[] err) {
        PrintStream old = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return Main.run(args);
        } finally {
            System.setErr(old);
            System.setOut(oldOut);
            err[0] = buf.toString(StandardCharsets.UTF_8);
        }
    }
}
