package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: {@code nqs run} in a child JVM, killed with SIGKILL mid-run, then resumed; the
 * log and summary equal those of an uninterrupted run (timings aside).
 */
class KillResumeTest {
    @TempDir
    Path tmp;

    @Test
    void runKilledWithSigkillResumesToTheUninterruptedResult() throws Exception {
        killAndResume("""
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
    }

    /** The same for fermions: RBM Jastrow × UHF determinant with hops, whose caches are rebuilt on resume. */
    @Test
    void fermionRunKilledWithSigkillResumesToTheUninterruptedResult() throws Exception {
        killAndResume("""
                name: kill-fermions
                seed: 5
                threads: 2
                iterations: 300
                checkpoint: {every: 1}
                lattice: {type: chain, length: 6}
                hamiltonian: {model: hubbard, U: 4}
                hilbert: {type: fermions, n_up: 3, n_down: 3}
                ansatz: {type: rbm_slater, alpha: 1}
                sampler: {chains: 4, samples: 128}
                evaluation: {samples: 512}
                """);
    }

    private void killAndResume(String yaml) throws Exception {
        Path config = tmp.resolve("kill.yaml").toAbsolutePath();
        Files.writeString(config, yaml);
        Path killed = tmp.resolve("killed");
        Process p = ChildRun.start(config, killed, tmp.resolve("child.out"));
        Path log = killed.resolve(RunFolder.LOG);
        ChildRun.awaitLines(p, log, 40, 60);
        assertTrue(p.isAlive(), "the child ended before it could be killed: " + Files.readString(tmp.resolve("child.out")));
        p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flushing
        p.waitFor(10, TimeUnit.SECONDS);
        assertFalse(Files.exists(killed.resolve(RunFolder.SUMMARY)), "killed before the end");
        int logged = ChildRun.lines(log);
        assertTrue(logged < 300, "killed mid-run, " + logged + " lines logged");

        try (RunFolder f = RunFolder.open(killed)) {
            VmcRun.resume(f, RunListener.SILENT);
        }
        ChildRun.assertSameAsUninterrupted(config, tmp.resolve("whole"), killed, "killed after " + logged
                + " logged lines");
    }
}
