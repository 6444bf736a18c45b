package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.samplers.SamplerState;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.driver.DriverState;
import org.nqs4j.vmc.driver.IterationResult;
import org.nqs4j.vmc.driver.NonFiniteUpdateException;

/** Failed writes and failed steps leave the last good checkpoint intact. */
class FaultTest {
    @TempDir
    Path tmp;

    static Checkpoint sample(int iterations, double p0) {
        return new Checkpoint(iterations, 1.5, new byte[] {1, 2, 3}, new DriverState(new double[] {p0, -2.5},
                new double[] {1, 0.1, 0.2, 0.3, 0.4}, new double[0],
                new SamplerState(new int[][] {{1, -1}, {-1, 1}}, new byte[][] {{9, 8, 7}, {6}}), 2, 100));
    }

    /**
     * Plain SGD at a learning rate of 5 on the 6-site TFIM: it wrecks the state now and then, with finite
     * ratios, so steps are undone while the chains keep moving (30 steps, a few undone).
     */
    static final String UNDOING = """
            seed: 5
            iterations: 30
            lattice: {type: chain, length: 6}
            hamiltonian: {model: ising, h: 0.8}
            ansatz: {type: rbm, alpha: 1, complex: true}
            sampler: {chains: 4, samples: 64}
            optimizer: {type: sgd, learning_rate: 5}
            evaluation: {samples: 256}
            """;

    /** Every step of it wrecks the state: a learning rate of 10⁶ (the tests below change what they need). */
    static final String WRECKING = """
            seed: 4
            iterations: 20
            checkpoint: {every: 1}
            lattice: {type: chain, length: 8}
            hamiltonian: {model: heisenberg, marshall_sign: true}
            ansatz: {type: rbm, alpha: 1, complex: false}
            sampler: {chains: 4, samples: 128}
            optimizer: {learning_rate: 1e6}
            """;

    @Test
    void checkpointRoundTripsEveryField() throws IOException {
        Path f = tmp.resolve(Checkpoint.FILE);
        sample(7, 0.25).write(f);
        Checkpoint c = Checkpoint.read(f);
        assertEquals(7, c.iterations());
        assertEquals(1.5, c.wallSeconds());
        assertArrayEquals(new byte[] {1, 2, 3}, c.configHash());
        assertArrayEquals(new double[] {0.25, -2.5}, c.state().parameters());
        assertArrayEquals(new double[] {1, 0.1, 0.2, 0.3, 0.4}, c.state().optimizer());
        assertArrayEquals(new int[] {-1, 1}, c.state().sampler().configurations()[1]);
        assertArrayEquals(new byte[] {9, 8, 7}, c.state().sampler().randomStates()[0]);
        assertEquals(2, c.state().consecutiveFailures());
        assertEquals(100, c.state().shiftScale());
    }

    /** A write that fails (here: the temporary file cannot be created) reports it and keeps the old file. */
    @Test
    void failedCheckpointWriteKeepsThePreviousOne() throws IOException {
        Path f = tmp.resolve(Checkpoint.FILE);
        sample(3, 0.5).write(f);
        byte[] before = Files.readAllBytes(f);
        Path blocker = tmp.resolve("." + Checkpoint.FILE + ".tmp");
        Files.createDirectories(blocker.resolve("occupied"));
        IOException e = assertThrows(IOException.class, () -> sample(6, 0.75).write(f));
        assertTrue(e.getMessage().contains("previous checkpoint, if any, is intact"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(3, Checkpoint.read(f).iterations());
    }

    private static double[] initialParameters(RunConfig c) {
        try (RunSetup s = RunSetup.build(c)) {
            return s.parameters();
        }
    }

    /** Runs {@code c} into {@code dir}, which must stop with a message containing {@code message}. */
    private static void assertStops(RunConfig c, Path dir, String message) throws IOException {
        try (RunFolder f = RunFolder.create(dir, false)) {
            NonFiniteUpdateException e = assertThrows(NonFiniteUpdateException.class,
                    () -> VmcRun.execute(c, f, RunListener.SILENT));
            assertTrue(e.getMessage().contains(message), e.getMessage());
        }
    }

    /**
     * A field h = 1e308 on 6 sites makes every local energy overflow (|E_loc| ≈ 6·10³⁰⁸ > max double):
     * each step is rejected with the shift raised, the fifth in a row stops the run, and the
     * checkpoint still holds the (finite, initial) parameters. The checkpoint due after step 3 is
     * dropped: step 4, which would have vouched for its state, stopped the run.
     */
    @Test
    void runStoppedByNonFiniteStepsKeepsItsLastGoodCheckpoint() throws IOException {
        RunConfig c = VmcRunTest.config("""
                seed: 2
                iterations: 20
                checkpoint: {every: 2}
                lattice: {type: chain, length: 6}
                hamiltonian: {model: ising, J: 0.0, h: 1e308}
                ansatz: {type: rbm, alpha: 1, complex: false, init_scale: 0.1, pretrain: none}
                sampler: {chains: 2, samples: 32}
                """);
        Path dir = tmp.resolve("nan");
        double[] initial = initialParameters(c);
        assertStops(c, dir, "5 optimisation steps in a row");
        List<String> log = Files.readAllLines(dir.resolve(RunFolder.LOG));
        assertEquals(4, log.size());
        for (String line : log) {
            assertTrue(line.contains("\"updated\":false") && line.contains("diagonal shift raised"), line);
        }
        Checkpoint ck = Checkpoint.read(dir.resolve(Checkpoint.FILE));
        assertEquals(2, ck.iterations());
        assertArrayEquals(initial, ck.state().parameters(), 0.0);
        assertEquals(2, ck.state().consecutiveFailures());
        assertEquals(100, ck.state().shiftScale());
        String summary = Files.readString(dir.resolve(RunFolder.SUMMARY));
        assertTrue(summary.contains("\"status\":\"failed\"") && summary.contains("\"checkpoint_iterations\":2"), summary);
    }

    /**
     * A step the infidelity limit rejects leaves no trace: the optimiser's and the preconditioner's state
     * (here SPRING's last direction) are those before it, so the retry is a first step again, with the
     * raised shift. Every step of this config moves the state too far for the limit.
     */
    @Test
    void aRejectedStepLeavesNoTraceInThePreconditioner() {
        RunConfig c = VmcRunTest.config(WRECKING, "iterations=3", "ansatz.complex=true", "optimizer.learning_rate=0.5",
                "optimizer.max_infidelity=1e-9", "preconditioner.momentum=0.9");
        try (RunSetup s = RunSetup.build(c)) {
            double[] before = s.driver().saveState().preconditioner();
            var r = s.driver().step(0);
            assertTrue(!r.updated() && r.event().contains("infidelity"), r.event());
            assertArrayEquals(before, s.driver().saveState().preconditioner(), 0.0);
        }
    }

    /**
     * A learning rate of 10⁶ sends step 0 far out (the next samples have non-finite local
     * energies). The step is undone; every retry is undone too, and the fifth stops the run. The
     * checkpoints (every step) never hold a wrecked state: only the initial parameters, which
     * parameters.npy of the failed run also holds, so that a new run can start from them.
     */
    @Test
    void aWreckingStepIsUndoneAndNeverCheckpointed() throws IOException {
        RunConfig c = VmcRunTest.config(WRECKING);
        Path dir = tmp.resolve("wreck");
        double[] initial = initialParameters(c);
        assertStops(c, dir, "back at the last good values");
        List<String> log = Files.readAllLines(dir.resolve(RunFolder.LOG));
        assertTrue(log.get(0).contains("\"updated\":true"), log.get(0));
        assertTrue(log.get(1).contains("\"undone\":true") && log.get(1).contains("step of iteration 0 is undone"),
                log.get(1));
        Checkpoint ck = Checkpoint.read(dir.resolve(Checkpoint.FILE));
        assertTrue(ck.iterations() >= 2, "iterations " + ck.iterations());
        assertArrayEquals(initial, ck.state().parameters(), 0.0);
        assertArrayEquals(initial, org.nqs4j.vmc.io.NpyReader.read(dir.resolve(RunFolder.PARAMETERS)).data(), 0.0);
    }
    /**
     * An undone step sends the chains back too: the broken state's sampling moved them where the
     * restored parameters may have little weight, and left there they would start the next sampling
     * out of equilibrium. Plain SGD at a learning rate of 5 on the 6-site TFIM (the undone-step resume
     * test) wrecks the state now and then, with finite ratios, so the chains do move under it: after
     * each undone step every chain holds the configuration the good state's sampling (the step
     * before) left it in.
     */
    @Test
    void anUndoneStepSendsTheChainsBackToTheGoodStatesConfigurations() {
        RunConfig c = VmcRunTest.config(UNDOING);
        int undone = 0;
        try (RunSetup setup = RunSetup.build(c)) {
            int[][] before = new int[4][];
            for (int it = 0; it < 30; it++) {
                IterationResult r = setup.driver().step(it);
                for (int k = 0; k < 4; k++) {
                    int[] now = setup.sampler().configuration(k);
                    if (r.undone()) {
                        assertArrayEquals(before[k], now, "iteration " + it + ", chain " + k);
                    }
                    before[k] = now;
                }
                undone += r.undone() ? 1 : 0;
            }
        }
        assertTrue(undone >= 3, "this config should undo a few steps: " + undone);
    }

    /**
     * The summary counts the rejected steps and those that undid the step before, as the log has them
     * (plain SGD at a learning rate of 5 on the 6-site TFIM undoes a few), and the report prints them.
     */
    @Test
    void theSummaryCountsTheRejectedAndUndoneSteps() throws IOException {
        RunConfig c = VmcRunTest.config(UNDOING);
        Path dir = tmp.resolve("rough");
        java.util.Map<?, ?> rejected;
        try (RunFolder f = RunFolder.create(dir, false)) {
            rejected = (java.util.Map<?, ?>) VmcRun.execute(c, f, RunListener.SILENT).summary().get("rejected_steps");
        }
        List<String> log = Files.readAllLines(dir.resolve(RunFolder.LOG));
        long notTaken = log.stream().filter(l -> l.contains("\"updated\":false")).count();
        long undone = log.stream().filter(l -> l.contains("\"undone\":true")).count();
        assertTrue(undone >= 3, "this config should undo a few steps: " + undone);
        assertEquals(java.util.Map.of("count", (int) notTaken, "undone", (int) undone, "of", 30),
                java.util.Map.copyOf(rejected));
    }

    /**
     * A run that fails during the symmetric pretraining stage (the overflowing field above, stopped
     * at step 4 of 10): its parameters.npy holds the stage's last good (here initial) state expanded
     * into the configured full RBM, what init_from of the same config takes, not the full RBM's
     * untouched random draw.
     */
    @Test
    void aRunFailedDuringPretrainingWritesTheExpandedSymmetricParameters() throws IOException {
        RunConfig c = VmcRunTest.config("""
                seed: 2
                iterations: 20
                checkpoint: {every: 2}
                lattice: {type: chain, length: 6}
                hamiltonian: {model: ising, J: 0.0, h: 1e308}
                ansatz: {type: rbm, alpha: 1, complex: false, init_scale: 0.1, pretrain: symmetric, pretrain_iterations: 10}
                sampler: {chains: 2, samples: 32}
                """);
        Path dir = tmp.resolve("nan-pretrain");
        assertStops(c, dir, "5 optimisation steps in a row");
        Checkpoint ck = Checkpoint.read(dir.resolve(Checkpoint.FILE));
        assertEquals(2, ck.iterations());
        org.nqs4j.ansatz.SymmetricRbm symmetric = org.nqs4j.ansatz.SymmetricRbm.real(c.lattice().translations(), 1);
        symmetric.setParameters(ck.state().parameters());
        assertArrayEquals(symmetric.expandedParameters(),
                org.nqs4j.vmc.io.NpyReader.read(dir.resolve(RunFolder.PARAMETERS)).data(), 0.0);
    }
    /**
     * The wrecking step as the last of the pretraining stage (pretrain_iterations: 1): the first
     * step of the full RBM samples the expanded state, which represents the same ψ, and must undo
     * the wrecking step as the symmetric RBM's next step would have; its checkpoint (due after
     * step 0) is never written, and the failed run's parameters are the expanded initial ones.
     */
    @Test
    void aWreckingLastPretrainingStepIsUndoneAfterTheHandOver() throws IOException {
        RunConfig c = VmcRunTest.config("""
                seed: 4
                iterations: 20
                checkpoint: {every: 1}
                lattice: {type: chain, length: 8}
                hamiltonian: {model: heisenberg, marshall_sign: true}
                ansatz: {type: rbm, alpha: 1, complex: false, pretrain: symmetric, pretrain_iterations: 1}
                sampler: {chains: 4, samples: 128}
                optimizer: {learning_rate: 1e6}
                """);
        Path dir = tmp.resolve("wreck-hand-over");
        org.nqs4j.ansatz.SymmetricRbm symmetric = org.nqs4j.ansatz.SymmetricRbm.real(c.lattice().translations(), 1);
        try (RunSetup s = RunSetup.build(c)) {
            symmetric.setParameters(s.driverFor(0).saveState().parameters());
        }
        double[] expanded = symmetric.expandedParameters();
        assertStops(c, dir, "back at the last good values");
        List<String> log = Files.readAllLines(dir.resolve(RunFolder.LOG));
        assertTrue(log.get(1).contains("\"undone\":true") && log.get(1).contains("step of iteration 0 is undone"),
                log.get(1));
        Checkpoint ck = Checkpoint.read(dir.resolve(Checkpoint.FILE));
        assertTrue(ck.iterations() >= 3, "iterations " + ck.iterations());
        assertArrayEquals(expanded, ck.state().parameters(), 0.0);
        assertArrayEquals(expanded, org.nqs4j.vmc.io.NpyReader.read(dir.resolve(RunFolder.PARAMETERS)).data(), 0.0);
    }

    /**
     * What an interrupted run leaves for ansatz.init_from: parameters.npy of the state its checkpoint
     * holds (a live run's parameters have moved on by the step that vouched for it), in the
     * pretraining stage (after 3 and after all 6 of its steps) the symmetric RBM's parameters
     * expanded into the configured RBM, after it (9) the full RBM's.
     */
    @Test
    void theCheckpointedStateIsWrittenAsParametersForInitFrom() throws IOException {
        RunConfig c = VmcRunTest.config("""
                seed: 4
                iterations: 20
                lattice: {type: chain, length: 8}
                hamiltonian: {model: heisenberg, marshall_sign: true}
                ansatz: {type: rbm, alpha: 1, complex: false, pretrain: symmetric, pretrain_iterations: 6}
                sampler: {chains: 4, samples: 128}
                """);
        for (int done : new int[] {3, 6, 9}) {
            Path dir = tmp.resolve("checkpointed-" + done);
            double[] expected;
            try (RunSetup s = RunSetup.build(c); RunFolder f = RunFolder.create(dir, false)) {
                f.writeResolvedConfig(c.resolved(), c.source());
                for (int it = 0; it < done; it++) {
                    if (it > 0) {
                        s.handOverAt(it);
                    }
                    s.driverFor(it).step(it);
                }
                org.nqs4j.vmc.driver.DriverState state = s.driverFor(done - 1).saveState();
                new Checkpoint(done, 1.0, new byte[] {1}, state).write(dir.resolve(Checkpoint.FILE));
                if (done <= c.ansatz().pretrainIterations()) {
                    org.nqs4j.ansatz.SymmetricRbm symmetric = org.nqs4j.ansatz.SymmetricRbm.real(c.lattice().translations(), 1);
                    symmetric.setParameters(state.parameters());
                    expected = symmetric.expandedParameters();
                } else {
                    expected = state.parameters();
                }
                s.driverFor(done).step(done); // the live state moves on
            }
            try (RunSetup s = RunSetup.build(c); RunFolder f = RunFolder.open(dir)) {
                VmcRun.writeCheckpointedParameters(f, s);
            }
            assertArrayEquals(expected, org.nqs4j.vmc.io.NpyReader.read(dir.resolve(RunFolder.PARAMETERS)).data(), 0.0,
                    "after " + done + " steps");
        }
    }
}
