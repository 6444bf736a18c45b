package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.driver.IterationResult;

/** An interrupted run, resumed from its checkpoint, equals the uninterrupted run. */
class ResumeTest {
    /** Adam (moments), CG (warm start), complex RBM, non-conserving flips: every piece of carried state. */
    static final String CONFIG = """
            name: resume-test
            seed: 11
            threads: 2
            iterations: 12
            checkpoint: {every: 3}
            lattice: {type: chain, length: 6}
            hamiltonian: {model: ising, h: 0.8}
            ansatz: {type: rbm, alpha: 1, complex: true}
            sampler: {chains: 4, samples: 64}
            optimizer: {type: adam, learning_rate: 0.02}
            preconditioner: {solver: cg, diag_shift: 0.05}
            evaluation: {samples: 256}
            observables: [{type: magnetization}]
            """;

    @TempDir
    Path tmp;

    /** Stops the run after the step {@code at}, as a kill would (the log line is written, nothing else). */
    static final class Interrupt extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    static RunListener stopAfter(int at) {
        return new RunListener() {
            @Override
            public void started(int first, int iterations) {
            }

            @Override
            public void iteration(IterationResult r) {
                if (r.iteration() == at) {
                    throw new Interrupt();
                }
            }

            @Override
            public void message(String text) {
            }
        };
    }

    private Path uninterrupted(RunConfig c) throws IOException {
        Path dir = tmp.resolve("whole" + cases++);
        try (RunFolder f = RunFolder.create(dir, false)) {
            VmcRun.execute(c, f, RunListener.SILENT);
        }
        return dir;
    }

    @Test
    void resumedRunEqualsTheUninterruptedOne() throws IOException {
        assertResumesAsTheWhole(VmcRunTest.config(CONFIG), 1, 5, 8, 11);
    }

    /** Tempered chains: the checkpoint holds every replica's configuration. */
    @Test
    void aTemperedRunResumesAsTheUninterruptedOne() throws IOException {
        assertResumesAsTheWhole(VmcRunTest.config(CONFIG.replace("{chains: 4, samples: 64}",
                "{chains: 4, samples: 64, replicas: 3, beta_min: 0.2}")), 2, 7);
    }

    /** A fermion run (RBM Jastrow × UHF determinant, hops, observables) resumes bit-identically too. */
    @Test
    void resumedFermionRunEqualsTheUninterruptedOne() throws IOException {
        assertResumesAsTheWhole(VmcRunTest.config("""
                seed: 8
                threads: 2
                iterations: 10
                checkpoint: {every: 2}
                lattice: {type: chain, length: 6}
                hamiltonian: {model: hubbard, U: 4}
                hilbert: {type: fermions, n_up: 3, n_down: 3}
                ansatz: {type: rbm_slater, alpha: 1}
                sampler: {chains: 4, samples: 64}
                evaluation: {samples: 256}
                observables: [{type: double_occupancy}]
                """), 1, 4, 7);
    }

    /**
     * Plain SGD with a learning rate of 5 wrecks the state now and then: those steps are undone
     * (rolled back to the last good state) and the checkpoint is written only after the next
     * step vouched for its state, so a resume still repeats the uninterrupted run exactly.
     */
    @Test
    void resumedRunWithUndoneStepsEqualsTheUninterruptedOne() throws IOException {
        RunConfig c = VmcRunTest.config("threads: 2\ncheckpoint: {every: 1}\n" + FaultTest.UNDOING);
        Path whole = assertResumesAsTheWhole(c, 3, 12, 20, 27);
        List<String> log = Files.readAllLines(whole.resolve(RunFolder.LOG));
        List<Integer> undone = java.util.stream.IntStream.range(0, log.size())
                .filter(i -> log.get(i).contains("\"undone\":true")).boxed().toList();
        assertTrue(undone.size() >= 3, "this config should undo a few steps: " + undone);
        for (int stop : undone) {
            if (stop > 0 && stop < 29) {
                assertResumesAsTheWhole(c, stop - 1, stop);
                break;
            }
        }
    }

    /**
     * A run whose chains froze stops early ({@link FrozenChains}); resumed from a cut inside the frozen
     * stretch or just before the stop, it rebuilds the count from its log and stops after the same step.
     */
    @Test
    void resumedFrozenRunStopsAfterTheSameStep() throws IOException {
        RunConfig c = VmcRunTest.config("checkpoint: {every: 1}\n" + VmcRunTest.STALLED);
        Path whole = assertResumesAsTheWhole(c, 128, 138);
        assertEquals(139, Files.readAllLines(whole.resolve(RunFolder.LOG)).size(), "the stop this test cuts before");
    }

    private int cases;

    /** Interrupts a run of {@code c} after each of {@code stops}, resumes it, and compares with the whole run. */
    private Path assertResumesAsTheWhole(RunConfig c, int... stops) throws IOException {
        Path whole = uninterrupted(c);
        for (int stop : stops) {
            Path dir = tmp.resolve("cut" + stop + "-" + cases++);
            try (RunFolder f = RunFolder.create(dir, false)) {
                assertThrows(Interrupt.class, () -> VmcRun.execute(c, f, stopAfter(stop)));
            }
            // a line torn by the kill, after the logged ones
            Files.writeString(dir.resolve(RunFolder.LOG), "{\"iteration\":99,\"ener", StandardOpenOption.APPEND);
            assertFalse(Files.exists(dir.resolve(RunFolder.SUMMARY)));
            try (RunFolder f = RunFolder.open(dir)) {
                VmcRun.resume(f, RunListener.SILENT);
            }
            RunLogs.assertSameLog(whole, dir, "stopped after step " + stop);
            assertEquals(RunLogs.summary(whole), RunLogs.summary(dir), "stopped after step " + stop);
            assertArrayEquals(Files.readAllBytes(whole.resolve(RunFolder.PARAMETERS)),
                    Files.readAllBytes(dir.resolve(RunFolder.PARAMETERS)));
        }
        return whole;
    }

    /**
     * The samplers that enumerate the sector: a full sum (no random state, weighted exact sums) on a
     * Heisenberg ring and independent exact draws (each chain's own stream) on a Hubbard ring resume
     * exactly.
     */
    @Test
    void enumeratingSamplersResumeAsTheUninterruptedRun() throws IOException {
        assertResumesAsTheWhole(VmcRunTest.config("""
                seed: 4
                threads: 2
                iterations: 8
                checkpoint: {every: 2}
                lattice: {type: chain, length: 8}
                hamiltonian: {model: heisenberg}
                ansatz: {type: rbm, alpha: 1}
                sampler: {type: full_sum, chains: 5}
                """), 1, 4);
        assertResumesAsTheWhole(VmcRunTest.config("""
                seed: 9
                threads: 2
                iterations: 8
                checkpoint: {every: 2}
                lattice: {type: chain, length: 4}
                hamiltonian: {model: hubbard, U: 4}
                hilbert: {type: fermions, n_up: 2, n_down: 2}
                ansatz: {type: rbm_slater, alpha: 1}
                sampler: {type: exact, chains: 4, samples: 64}
                evaluation: {samples: 256}
                """), 3, 6);
    }

    /** Bosons: the hop rule's chains, the one-hot RBM and the density observables resume exactly too. */
    @Test
    void aBosonRunResumesAsTheUninterruptedOne() throws IOException {
        RunConfig c = VmcRunTest.config("""
                name: boson-resume-test
                seed: 13
                threads: 2
                iterations: 10
                checkpoint: {every: 3}
                lattice: {type: chain, length: 5}
                hamiltonian: {model: bose_hubbard, U: 3}
                hilbert: {type: bosons, n_particles: 5, n_max: 3}
                ansatz: {type: rbm, alpha: 1, complex: true}
                sampler: {chains: 4, samples: 64}
                evaluation: {samples: 256}
                observables: [{type: densities}]
                """);
        assertResumesAsTheWhole(c, 1, 4, 8);
    }

    /** A full RBM with a symmetric pretraining stage of 6 steps; checkpoints every 3, so one falls on the hand-over. */
    static final String PRETRAINED = """
            name: pretrain-resume-test
            seed: 5
            threads: 2
            iterations: 12
            checkpoint: {every: 3}
            lattice: {type: chain, length: 6}
            hamiltonian: {model: heisenberg, marshall_sign: true}
            ansatz: {type: rbm, alpha: 1, complex: false, pretrain: symmetric, pretrain_iterations: 6}
            sampler: {chains: 4, samples: 64}
            optimizer: {learning_rate: 0.05}
            evaluation: {samples: 256}
            """;

    @Test
    void aRunStoppedInEitherStageOfThePretrainingResumesIdentically() throws IOException {
        RunConfig c = VmcRunTest.config(PRETRAINED);
        assertEquals(6, c.ansatz().pretrainIterations());
        // stopped after 4: checkpoint 3 in the pretraining; after 7: checkpoint 6, the hand-over; after 10: checkpoint 9
        Path whole = assertResumesAsTheWhole(c, 4, 7, 10);
        List<String> lines = Files.readAllLines(whole.resolve(RunFolder.LOG));
        for (int it = 0; it < lines.size(); it++) {
            assertEquals(it < 6, lines.get(it).contains("\"stage\":\"pretrain\""), "log line " + it);
        }
    }

    /** A growing RBM (α 1 → 2 after 3 steps → 3 after 6), checkpoints every 2: one falls on the second growth. */
    @Test
    void aRunStoppedInAnyStageOfAGrowingRbmResumesIdentically() throws IOException {
        RunConfig c = VmcRunTest.config(GrowthStageTest.GROWING);
        Path whole = assertResumesAsTheWhole(c, 2, 4, 7);
        List<String> lines = Files.readAllLines(whole.resolve(RunFolder.LOG));
        for (int it = 0; it < lines.size(); it++) {
            String stage = it < 3 ? "\"stage\":\"alpha 1\"" : it < 6 ? "\"stage\":\"alpha 2\"" : "\"stage\"";
            assertEquals(it < 6, lines.get(it).contains(stage), "log line " + it);
        }
    }

    @Test
    void theSummaryNamesTheOriginalConfigAndTheResolvedConfigReadsBack() throws IOException {
        RunConfig c = VmcRunTest.config(CONFIG);
        Path dir = tmp.resolve("r");
        try (RunFolder f = RunFolder.create(dir, false)) {
            assertThrows(Interrupt.class, () -> VmcRun.execute(c, f, stopAfter(0)));
        }
        try (RunFolder f = RunFolder.open(dir)) {
            assertEquals(Path.of("test.yaml"), f.originalSource());
            VmcRun.resume(f, RunListener.SILENT);
        }
        assertTrue(Files.readString(dir.resolve(RunFolder.SUMMARY)).contains("\"config\":\"test.yaml\""));
    }

    @Test
    void damagedCheckpointsAreRefusedAndLeaveTheFolderAlone() throws IOException {
        RunConfig c = VmcRunTest.config(CONFIG);
        Path dir = tmp.resolve("d");
        try (RunFolder f = RunFolder.create(dir, false)) {
            assertThrows(Interrupt.class, () -> VmcRun.execute(c, f, stopAfter(7)));
        }
        Path ck = dir.resolve(Checkpoint.FILE);
        byte[] good = Files.readAllBytes(ck);
        byte[] log = Files.readAllBytes(dir.resolve(RunFolder.LOG));

        Files.write(ck, java.util.Arrays.copyOf(good, good.length - 5));
        assertRefused(dir, "truncated");
        byte[] flipped = good.clone();
        flipped[flipped.length - 20] ^= 1;
        Files.write(ck, flipped);
        assertRefused(dir, "checksum");
        Files.write(ck, java.util.Arrays.copyOf(good, 10));
        assertRefused(dir, "not an nqs4j checkpoint");
        Files.writeString(ck, "parameters: 1, 2, 3 and so on, this is not a checkpoint at all", StandardCharsets.UTF_8);
        assertRefused(dir, "not an nqs4j checkpoint");
        assertArrayEquals(log, Files.readAllBytes(dir.resolve(RunFolder.LOG)), "a refused resume must not cut the log");

        Files.write(ck, good);
        Files.writeString(dir.resolve(RunFolder.CONFIG), "\n# edited\n", StandardOpenOption.APPEND);
        try (RunFolder f = RunFolder.open(dir)) {
            Exception e = assertThrows(IOException.class, // a damaged folder (exit 1), not a config mistake
                    () -> VmcRun.resume(f, RunListener.SILENT));
            assertTrue(e.getMessage().contains("changed after the checkpoint"), e.getMessage());
        }
    }

    private static void assertRefused(Path dir, String why) throws IOException {
        try (RunFolder f = RunFolder.open(dir)) {
            Exception e = assertThrows(Checkpoint.CorruptCheckpointException.class,
                    () -> VmcRun.resume(f, RunListener.SILENT));
            assertTrue(e.getMessage().contains(why), e.getMessage());
        }
    }
}
