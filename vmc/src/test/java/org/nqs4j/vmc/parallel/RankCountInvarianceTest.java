package org.nqs4j.vmc.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.samplers.LocalFlipRule;
import org.nqs4j.samplers.MetropolisSampler;
import org.nqs4j.vmc.config.ConfigException;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.driver.DriverState;
import org.nqs4j.vmc.driver.ChainEnergy;
import org.nqs4j.vmc.driver.Evaluation;
import org.nqs4j.vmc.driver.IterationResult;
import org.nqs4j.vmc.driver.NamedOperator;
import org.nqs4j.vmc.driver.VmcDriver;
import org.nqs4j.vmc.run.RunSetup;
import org.nqs4j.vmc.stats.Estimate;
import org.nqs4j.vmc.stats.LanczosStep;

/**
 * The promise of distributed runs: the same config and seed give the same numbers, bit for bit,
 * on any number of ranks (here threads posing as ranks, {@link ThreadCollective}), and a state
 * saved on K ranks continues on K' ranks as it would have.
 */
class RankCountInvarianceTest {
    /** 5 chains (blocks of 3+2, 2+2+1, ...), complex RBM, CG, Adam, the step-infidelity guard, an observable. */
    static final String CONFIG = """
            name: ranks
            seed: 5
            threads: 2
            iterations: 6
            lattice: {type: chain, length: 6}
            hamiltonian: {model: ising, h: 0.8}
            ansatz: {type: rbm, alpha: 1, complex: true}
            sampler: {chains: 5, samples: 60}
            optimizer: {type: adam, learning_rate: 0.02, max_infidelity: 0.5}
            preconditioner: {solver: cg, diag_shift: 0.05}
            evaluation: {samples: 200}
            observables: [{type: magnetization}]
            """;

    @TempDir
    Path tmp;

    /** What a rank saw: per step (mean, error, τ, R̂, acceptance), the final parameters, the evaluation. */
    record Trace(List<double[]> steps, double[] parameters, double[] evaluation) {
    }

    RunConfig config(String threads) throws IOException {
        return config(CONFIG, threads);
    }

    RunConfig config(String yaml, String threads) throws IOException {
        Path f = tmp.resolve("ranks.yaml");
        Files.writeString(f, yaml);
        return RunConfigReader.read(f, List.of("threads=" + threads));
    }

    static double[] row(IterationResult r) {
        Estimate e = r.energy();
        return new double[] {e.mean(), e.error(), e.variance(), e.tauCorr(), e.rHat(), r.energyImag(), r.acceptance(),
            r.updated() ? 1 : 0, r.undone() ? 1 : 0, r.swapAcceptance()};
    }

    /** Runs {@code body} on every rank of a group of {@code ranks} threads; returns rank 0's result. */
    static <T> T onRanks(int ranks, Function<Collective, T> body) throws Exception {
        ThreadCollective[] group = ThreadCollective.group(ranks);
        ExecutorService pool = Executors.newFixedThreadPool(ranks);
        try {
            List<Future<T>> results = new ArrayList<>();
            for (ThreadCollective c : group) {
                results.add(pool.submit(() -> body.apply(c)));
            }
            T first = null;
            for (Future<T> f : results) {
                T t = f.get();
                first = first == null ? t : first;
            }
            return first;
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        } finally {
            pool.shutdownNow();
        }
    }

    static Trace run(RunConfig config, Collective collective, DriverState from, int first, int last) {
        return run(config, collective, from, first, last, null);
    }

    /** As above, the chains dealt by {@code split} (null: the driver's default). */
    static Trace run(RunConfig config, Collective collective, DriverState from, int first, int last, ChainSplit split) {
        try (RunSetup setup = RunSetup.build(config, collective)) {
            VmcDriver driver = setup.driver();
            if (split != null) {
                driver.splitChainsBy(split);
            }
            if (from != null) {
                driver.restoreState(from);
            }
            List<double[]> steps = new ArrayList<>();
            for (int it = first; it < last; it++) {
                steps.add(row(driver.step(it)));
            }
            List<NamedOperator> obs = config.observables().stream()
                    .map(o -> new NamedOperator(o.name(), org.nqs4j.vmc.driver.SampledOperator.forOperator(o.operator()))).toList();
            Evaluation e = driver.evaluate(40, 5, obs, LanczosStep.Mode.SAMPLED);
            Estimate m = e.observables().values().iterator().next();
            LanczosStep l = e.lanczosStep().orElseThrow();
            LanczosStep.Sampled s = l.sampled().orElseThrow();
            // the final estimate's check by fresh chains (the run's are single flips, as these)
            ChainEnergy f = driver.energyFrom(new MetropolisSampler(setup.waveFunction(), config.hilbert(),
                    new LocalFlipRule(config.lattice().nSites()), config.sampler().chains(),
                    config.sampler().sweepSize(), 99), 30, 10);
            return new Trace(steps, setup.parameters(), new double[] {e.energy().mean(), e.energy().error(),
                e.energy().tauCorr(), e.energy().rHat(), e.acceptance(), m.mean(), m.error(), l.energy(), l.error(),
                s.estimate().mean(), s.estimate().error(), s.estimate().rHat(), s.acceptance(), f.energy().mean(),
                f.energy().error(), f.energy().rHat(), f.acceptance()});
        }
    }

    static void assertSame(Trace expected, Trace actual, String what) {
        assertEquals(expected.steps().size(), actual.steps().size());
        for (int i = 0; i < expected.steps().size(); i++) {
            assertArrayEquals(expected.steps().get(i), actual.steps().get(i), 0.0, what + ", step " + i);
        }
        assertArrayEquals(expected.parameters(), actual.parameters(), 0.0, what + ": parameters");
        assertArrayEquals(expected.evaluation(), actual.evaluation(), 0.0, what + ": evaluation");
    }

    @Test
    void oneToFiveRanksAndAnyThreadCountGiveTheNumbersOfOneProcess() throws Exception {
        RunConfig two = config("2");
        Trace reference = run(two, Collective.single(), null, 0, 6);
        for (int ranks = 1; ranks <= 5; ranks++) {
            for (String threads : List.of("1", "3")) {
                RunConfig c = config(threads);
                assertSame(reference, onRanks(ranks, k -> run(c, k, null, 0, 6)), ranks + " ranks x " + threads
                        + " threads");
            }
        }
    }

    /**
     * Chains dealt anew after every step, whatever the timings: rank (step mod K) takes all but one
     * chain of each other rank, so every chain changes rank again and again.
     */
    static ChainSplit everyStepAnew() {
        return new ChainSplit() {
            private int step;

            @Override
            public int[] next(double[] seconds, int[] chains) {
                int k = chains.length;
                int[] next = new int[k];
                java.util.Arrays.fill(next, 1);
                next[step++ % k] += java.util.Arrays.stream(chains).sum() - k;
                return next;
            }
        };
    }

    /**
     * Chains that move between ranks from step to step give the numbers of one process: with the
     * step guard, and where steps are undone (SGD at a learning rate of 5 wrecks the 6-site state now
     * and then, as in FaultTest), which sends every chain back to the good state's configuration on
     * whichever rank now runs it.
     */
    /** Tempered chains carry their replicas from rank to rank and into the sampled Lanczos step's sampler. */
    @Test
    void temperedChainsGiveTheNumbersOfOneProcess() throws Exception {
        String tempered = CONFIG.replace("{chains: 5, samples: 60}", "{chains: 5, samples: 60, replicas: 3}");
        Trace reference = run(config(tempered, "2"), Collective.single(), null, 0, 6);
        assertEquals(true, reference.steps().get(5)[9] > 0, "swaps are taken");
        for (int ranks = 2; ranks <= 3; ranks++) {
            for (String threads : List.of("1", "3")) {
                RunConfig c = config(tempered, threads);
                assertSame(reference, onRanks(ranks, k -> run(c, k, null, 0, 6, everyStepAnew())),
                        ranks + " ranks x " + threads + " threads");
            }
        }
    }

    @Test
    void chainsMovingBetweenRanksEveryStepGiveTheNumbersOfOneProcess() throws Exception {
        String undoing = CONFIG.replace("iterations: 6", "iterations: 30")
                .replace("{type: adam, learning_rate: 0.02, max_infidelity: 0.5}", "{type: sgd, learning_rate: 20}");
        for (String yaml : List.of(CONFIG, undoing)) {
            int steps = yaml == CONFIG ? 6 : 30;
            Trace reference = run(config(yaml, "2"), Collective.single(), null, 0, steps);
            if (yaml != CONFIG) {
                long undone = reference.steps().stream().filter(r -> r[8] == 1).count();
                assertEquals(true, undone >= 3, "the config should undo a few steps: " + undone);
            }
            for (int ranks = 2; ranks <= 3; ranks++) {
                for (String threads : List.of("1", "3")) {
                    RunConfig c = config(yaml, threads);
                    assertSame(reference, onRanks(ranks, k -> run(c, k, null, 0, steps, everyStepAnew())),
                            ranks + " ranks x " + threads + " threads, chains moved every step");
                }
            }
        }
    }

    /**
     * A wrecking last step of the pretraining (learning rate 10⁶: the steps alternate kept and
     * undone) is undone by the first samples of the full RBM. The pretraining dealt its chains
     * unevenly once, after step 0, and kept that split, so the good state's chains of its last kept
     * step (2) are known only to the ranks that ran them; the full RBM starts on the even split, and
     * its undo at step 3 sends every chain back to those configurations, gathered at the hand-over
     * ({@code VmcDriver.continueJudgment}), as on one process.
     */
    @Test
    void anUndoRightAfterTheHandOverSendsEveryChainBackAsOneProcessWould() throws Exception {
        String yaml = """
                name: ranks
                seed: 4
                threads: 2
                iterations: 6
                lattice: {type: chain, length: 8}
                hamiltonian: {model: heisenberg, marshall_sign: true}
                ansatz: {type: rbm, alpha: 1, complex: false, pretrain: symmetric, pretrain_iterations: 3}
                sampler: {chains: 5, samples: 60}
                optimizer: {learning_rate: 1e6}
                """;
        java.util.function.BiFunction<RunConfig, Collective, List<double[]>> staged = (c, k) -> {
            List<double[]> steps = new ArrayList<>();
            try (RunSetup setup = RunSetup.build(c, k)) {
                setup.driverFor(0).splitChainsBy(onceUneven());
                for (int it = 0; it < 6; it++) {
                    if (it > 0) {
                        setup.handOverAt(it);
                    }
                    steps.add(row(setup.driverFor(it).step(it)));
                }
            } catch (org.nqs4j.vmc.driver.NonFiniteUpdateException e) {
                steps.add(new double[] {steps.size()}); // where the rejections stopped it
            }
            return steps;
        };
        List<double[]> reference = staged.apply(config(yaml, "2"), Collective.single());
        assertEquals(1.0, reference.get(3)[8], "step 3, the full RBM's first, undoes the pretraining's last step");
        for (int ranks = 2; ranks <= 3; ranks++) {
            RunConfig c = config(yaml, "1");
            List<double[]> got = onRanks(ranks, k -> staged.apply(c, k));
            assertEquals(reference.size(), got.size(), ranks + " ranks");
            for (int i = 0; i < reference.size(); i++) {
                assertArrayEquals(reference.get(i), got.get(i), 0.0, ranks + " ranks, row " + i);
            }
        }
    }

    /** After the first step rank 0 takes all but one chain of each other rank, for good. */
    static ChainSplit onceUneven() {
        return new ChainSplit() {
            private boolean dealt;

            @Override
            public int[] next(double[] seconds, int[] chains) {
                if (dealt) {
                    return null;
                }
                dealt = true;
                int[] next = new int[chains.length];
                java.util.Arrays.fill(next, 1);
                next[0] += java.util.Arrays.stream(chains).sum() - chains.length;
                return next;
            }
        };
    }

    /**
     * An earlier stage (the symmetric pretraining; an RBM grown from α = 1 to 2, with more samples) hands its chains, and the
     * good state's chains an undone step returns to, to the next driver, whose split is the even one again:
     * with the chains dealt anew every step in both stages, the same numbers as one process.
     */
    @Test
    void chainsMovedInAnEarlierStageAreHandedOverAsOneProcessWould() throws Exception {
        String cholesky = CONFIG.replace("{solver: cg, diag_shift: 0.05}", "{solver: cholesky, diag_shift: 0.05}");
        for (String stage : new String[] {"pretrain: symmetric, pretrain_iterations: 3", "grow: [{alpha: 2, after: 3, samples: 90}]"}) {
            String yaml = cholesky.replace("alpha: 1, complex: true}", "alpha: 1, complex: true, " + stage + "}");
            java.util.function.BiFunction<RunConfig, Collective, List<double[]>> staged = (c, k) -> {
                try (RunSetup setup = RunSetup.build(c, k)) {
                    assertEquals(java.util.Optional.of(stage.startsWith("pretrain") ? "pretrain" : "alpha 1"),
                            setup.stageLabel(2));
                    setup.driverFor(0).splitChainsBy(everyStepAnew());
                    setup.driver().splitChainsBy(everyStepAnew());
                    List<double[]> steps = new ArrayList<>();
                    for (int it = 0; it < 6; it++) {
                        if (it > 0) {
                            setup.handOverAt(it);
                        }
                        steps.add(row(setup.driverFor(it).step(it)));
                    }
                    steps.add(setup.parameters());
                    return steps;
                }
            };
            List<double[]> reference = staged.apply(config(yaml, "2"), Collective.single());
            for (int ranks = 2; ranks <= 3; ranks++) {
                RunConfig c = config(yaml, "1");
                List<double[]> got = onRanks(ranks, k -> staged.apply(c, k));
                for (int i = 0; i < reference.size(); i++) {
                    assertArrayEquals(reference.get(i), got.get(i), 0.0, stage + ", " + ranks + " ranks, row " + i);
                }
            }
        }
    }

    /**
     * The SR solves the ranks share: minSR with the Gram rows and the Cholesky split (L = 12,
     * α = 2: P = 324 > N_s = 100, two panels of the factor; complex and real) and the dense S
     * (P = 48 < N_s = 60; complex, and real, whose S comes from the moments of the RBM factors),
     * in equal shares and in the shares of chains dealt anew every step.
     */
    @Test
    void theDistributedSolvesGiveTheNumbersOfOneProcess() throws Exception {
        String minSr = CONFIG.replace("solver: cg", "solver: minsr").replace("length: 6", "length: 12")
                .replace("alpha: 1", "alpha: 2").replace("samples: 60", "samples: 100");
        String dense = CONFIG.replace("solver: cg", "solver: cholesky");
        String realMinSr = minSr.replace("complex: true", "complex: false");
        String realDense = dense.replace("complex: true", "complex: false");
        for (String yaml : List.of(minSr, dense, realMinSr, realDense)) {
            Trace reference = run(config(yaml, "2"), Collective.single(), null, 0, 6);
            String what = yaml == dense ? "dense S" : yaml == minSr ? "minSR" : yaml == realDense ? "real dense S" : "real minSR";
            for (int ranks = 2; ranks <= 4; ranks++) {
                for (String threads : List.of("1", "3")) {
                    RunConfig c = config(yaml, threads);
                    assertSame(reference, onRanks(ranks, k -> run(c, k, null, 0, 6)), ranks + " ranks x " + threads
                            + " threads, " + what);
                }
                // the solve's rows and ranges in the unequal shares of the chains (e.g. 4 : 1, then 1 : 4)
                RunConfig c = config(yaml, "1");
                assertSame(reference, onRanks(ranks, k -> run(c, k, null, 0, 6, everyStepAnew())), ranks
                        + " ranks, chains and solve dealt anew every step, " + what);
            }
        }
    }

    @Test
    void aStateSavedOnTwoRanksContinuesOnThreeAsOneProcessWould() throws Exception {
        RunConfig c = config("1");
        Trace reference = run(c, Collective.single(), null, 0, 6);
        DriverState saved = onRanks(2, k -> {
            try (RunSetup setup = RunSetup.build(c, k)) {
                for (int it = 0; it < 3; it++) {
                    setup.driver().step(it);
                }
                return setup.driver().saveState(); // collective: every rank contributes its chains
            }
        });
        Trace resumed = onRanks(3, k -> run(c, k, saved, 3, 6));
        assertSame(new Trace(reference.steps().subList(3, 6), reference.parameters(), reference.evaluation()), resumed,
                "saved on 2 ranks, resumed on 3");
    }

    /** A rank that read another config stops with a config error; the thread count may differ per rank. */
    @Test
    void ranksMustReadTheSameConfigButMayUseOtherThreadCounts() throws Exception {
        RunConfig one = config("1");
        RunConfig two = config("2");
        assertEquals(0, (int) onRanks(2, k -> {
            RunSetup.build(k.rank() == 0 ? one : two, k).close();
            return 0;
        }));
        Path f = tmp.resolve("other.yaml");
        Files.writeString(f, CONFIG.replace("seed: 5", "seed: 6"));
        RunConfig other = RunConfigReader.read(f, List.of());
        ConfigException e = assertThrows(ConfigException.class, () -> onRanks(2, k -> {
            RunSetup.build(k.rank() == 0 ? one : other, k).close();
            return 0;
        }));
        assertEquals(true, e.getMessage().contains("rank 1 read a config"), e.getMessage());
    }

    @Test
    void moreRanksThanChainsIsAConfigError() throws Exception {
        RunConfig c = config("1");
        ConfigException e = assertThrows(ConfigException.class, () -> onRanks(6, k -> run(c, k, null, 0, 1)));
        assertEquals(true, e.getMessage().contains("sampler.chains = 5 cannot be split over 6 MPI ranks"),
                e.getMessage());
    }
}
