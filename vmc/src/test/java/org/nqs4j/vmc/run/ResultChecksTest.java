package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.stats.Estimate;
import org.nqs4j.vmc.stats.LanczosStep;

/** The run's verdict on its own final estimate (issue 13, item 3). */
class ResultChecksTest {
    @TempDir
    Path tmp;

    private static Map<String, Boolean> verdicts(List<ResultCheck> checks) {
        return checks.stream().collect(Collectors.toMap(ResultCheck::name, ResultCheck::passed));
    }

    /** The figures of the example heisenberg-chain run in the README: every check passes. */
    @Test
    void anHonestEstimatePassesEveryCheck() {
        Estimate e = new Estimate(-7.14037, 0.00041, 0.00605544, 1.13, 1.0000, 40000);
        List<ResultCheck> checks = ResultChecks.of(e, 0.409, 16, OptionalDouble.of(-7.1405308),
                OptionalDouble.of(-7.142296361));
        assertEquals(List.of("finite", "acceptance", "r_hat", "effective_samples", "trial_deviation",
                "variational_bound"), checks.stream().map(ResultCheck::name).toList());
        assertTrue(ResultChecks.allPassed(checks), checks.toString());
    }

    /**
     * Issue 13, case (a): Heisenberg on total_sz none with exchanges: R-hat 6.24, τ 1330 of 1260
     * samples per chain, VMC − trial 4.9σ; each is caught.
     */
    @Test
    void unmixedChainsFailRHatEffectiveSamplesAndTheTrialDeviation() {
        Estimate e = new Estimate(-2.86, 0.16, 0.408, 1330.4, 6.24, 20160);
        Map<String, Boolean> v = verdicts(ResultChecks.of(e, 0.569, 16, OptionalDouble.of(-3.6485),
                OptionalDouble.of(-3.651093409)));
        assertFalse(v.get("r_hat"));
        assertFalse(v.get("effective_samples"));
        assertFalse(v.get("trial_deviation"));
        assertTrue(v.get("acceptance") && v.get("finite") && v.get("variational_bound"), v.toString());
    }

    /**
     * A state broken where the chains rarely go (session 18: the triangular 6×4 parameters left by a run whose
     * chains froze, re-evaluated with 8,000 samples): E = −5.3·10⁸ ± 5.3·10⁸, variance 7.5·10²⁰. Every check of a
     * mean against its own error bar passes; the spectral bound (‖H‖ ≤ 54 for 72 bonds of 3/4) does not. The
     * README's honest run passes it, and without a bound there is no check.
     */
    @Test
    void anEstimateNoStateCanHaveFailsTheSpectralBound() {
        Estimate wild = new Estimate(-531580907, 531580901, 7.53354e20, 3.0, 1.004, 8000);
        assertTrue(ResultChecks.allPassed(ResultChecks.of(wild, 0.3, 16, OptionalDouble.empty(),
                OptionalDouble.of(-13.255980004))), "the checks against its own error bar pass");
        ResultCheck bound = ResultChecks.spectralBound(wild, 54).orElseThrow();
        assertEquals("spectral_bound", bound.name());
        assertFalse(bound.passed(), bound.message());
        Estimate honest = new Estimate(-7.14037, 0.00041, 0.00605544, 1.13, 1.0000, 40000);
        assertTrue(ResultChecks.spectralBound(honest, 12).orElseThrow().passed());
        assertFalse(ResultChecks.spectralBound(new Estimate(-7.1, 0.01, 200, 1, 1, 1000), 12).orElseThrow().passed(),
                "a spread beyond the bound");
        assertTrue(ResultChecks.spectralBound(honest, Double.POSITIVE_INFINITY).isEmpty());
    }

    /**
     * The Lanczos step's error bar against the energy's (session 18): 10×10 (0.0044 against 0.0047) passes,
     * kagome 2×4 at k ≠ 0 (0.055 against 0.0076) fails; an exact sum has no bar to compare.
     */
    @Test
    void aHeavyTailedLanczosStepFails() {
        Estimate sq10 = new Estimate(-67.0996, 0.0047, 0.230262, 1.15, 1.0, 12000);
        assertTrue(ResultChecks.lanczosTail(0.0044, sq10).orElseThrow().passed());
        Estimate kagome = new Estimate(-10.6326, 0.0076, 0.384946, 1.21, 0.9997, 8000);
        ResultCheck tail = ResultChecks.lanczosTail(0.055, kagome).orElseThrow();
        assertFalse(tail.passed(), tail.message());
        assertEquals("lanczos_tail", tail.name());
        assertTrue(ResultChecks.lanczosTail(0.0, new Estimate(-1.0, 0.0, 0.1, 1, 1, 36)).isEmpty());
    }

    /**
     * The stepped state's chains (session 21, kagome 2×4: τ 1.3, R̂ 1.001 on 16,000 samples of 16 chains) pass;
     * split chains, chains shorter than 10 τ, or frozen ones fail.
     */
    @Test
    void theSampledStepsChainsAreJudgedAsPsisAre() {
        Estimate kagome = new Estimate(-10.664, 0.0038, 0.3, 1.31, 1.0012, 16000);
        ResultCheck good = ResultChecks.lanczosSampling(sampled(kagome, 0.15), 16);
        assertTrue(good.passed(), good.message());
        assertEquals("lanczos_sampling", good.name());
        assertFalse(ResultChecks.lanczosSampling(sampled(
                new Estimate(-10.664, 0.0038, 0.3, 1.31, 1.3, 16000), 0.15), 16).passed(), "split chains");
        assertFalse(ResultChecks.lanczosSampling(sampled(
                new Estimate(-10.664, 0.0038, 0.3, 200, 1.01, 16000), 0.15), 16).passed(), "chains shorter than 10 tau");
        assertFalse(ResultChecks.lanczosSampling(sampled(kagome, 0.0), 16).passed(), "frozen chains");
    }

    private static LanczosStep.Sampled sampled(Estimate e, double acceptance) {
        return new LanczosStep.Sampled(List.of(e), List.of(-0.1), acceptance);
    }

    /** 4σ is the line: 3.9σ from the trial energy passes, 4.1σ fails; so do 4.1σ below E_0. */
    @Test
    void deviationsAreJudgedAtFourErrorBars() {
        Estimate e = new Estimate(-1.0, 0.01, 1, 1, 1, 10000);
        assertTrue(verdicts(ResultChecks.of(e, 0.5, 4, OptionalDouble.of(-1.039), OptionalDouble.empty()))
                .get("trial_deviation"));
        assertFalse(verdicts(ResultChecks.of(e, 0.5, 4, OptionalDouble.of(-0.959), OptionalDouble.empty()))
                .get("trial_deviation"));
        assertFalse(verdicts(ResultChecks.of(e, 0.5, 4, OptionalDouble.empty(), OptionalDouble.of(-0.959)))
                .get("variational_bound"));
        assertTrue(verdicts(ResultChecks.of(e, 0.5, 4, OptionalDouble.empty(), OptionalDouble.of(-1.5)))
                .get("variational_bound"));
    }

    /**
     * Issue 13, case (b): a complex RBM, plain gradient, learning rate 100 collapses onto one
     * configuration: energy −1 ± 0, acceptance 0. The run finishes, but as "suspect", with the
     * failed check in summary.json and the exit code 4.
     */
    @Test
    void aFrozenChainIsReportedSuspect() throws IOException {
        RunConfig c = org.nqs4j.vmc.run.VmcRunTest.config("""
                iterations: 50
                lattice: {type: chain, length: 8}
                hamiltonian: {model: heisenberg, marshall_sign: false}
                ansatz: {type: rbm, complex: true}
                optimizer: {learning_rate: 100}
                preconditioner: {type: none}
                sampler: {samples: 256}
                evaluation: {samples: 4096}
                """);
        RunResult r;
        try (RunFolder f = RunFolder.create(tmp.resolve("frozen"), false)) {
            r = VmcRun.execute(c, f, RunListener.SILENT);
        }
        assertEquals(0.0, r.evaluation().acceptance());
        assertTrue(r.suspect());
        assertEquals(4, r.exitCode());
        assertEquals(VmcRun.SUSPECT, r.summary().get("status"));
        assertFalse(verdicts(r.checks()).get("acceptance"));
        String summary = Files.readString(tmp.resolve("frozen").resolve(RunFolder.SUMMARY));
        assertTrue(summary.contains("\"status\":\"suspect\"") && summary.contains("\"name\":\"acceptance\",\"value\":0.0,"
                + "\"threshold\":0.0,\"passed\":false"), summary);
    }

    /**
     * An exact sum over 4 states: no chains to judge (a sampled estimate from 16 chains of 4 samples
     * would fail effective_samples), equal to its trial state to round-off, and never below E_0.
     */
    @Test
    void exactSumsAreJudgedByTheirValueOnly() {
        Estimate sum = new Estimate(-1.1372681, 0.0, 2e-6, 1.0, 1.0, 4);
        List<ResultCheck> checks = ResultChecks.ofExactSum(sum, OptionalDouble.of(-1.1372681 + 1e-15),
                OptionalDouble.of(-1.1372702));
        assertEquals(List.of("finite", "trial_deviation", "variational_bound"),
                checks.stream().map(ResultCheck::name).collect(Collectors.toList()));
        assertTrue(ResultChecks.allPassed(checks), checks.toString());
        assertFalse(ResultChecks.allPassed(ResultChecks.ofExactSum(sum, OptionalDouble.of(-1.1372), OptionalDouble.empty())),
                "a sum that is not the trial state's energy");
        assertFalse(ResultChecks.allPassed(ResultChecks.ofExactSum(sum, OptionalDouble.empty(), OptionalDouble.of(-1.13))),
                "below the ground state");
    }
}
