package org.nqs4j.validation.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nqs4j.vmc.config.SamplerSpec;
import org.nqs4j.vmc.spi.ExactReference;
import org.nqs4j.vmc.run.ResultCheck;
import org.nqs4j.vmc.spi.TrialState;
import org.nqs4j.vmc.stats.ConvergenceDiagnostics;
import org.nqs4j.vmc.stats.Estimate;
import org.nqs4j.vmc.stats.LanczosStep;

class ValidationReportTest {
    private static ValidationReport report(double vmc, double error, double trial) {
        return report(vmc, error, trial, List.of());
    }

    private static ValidationReport report(double vmc, double error, double trial, List<ResultCheck> checks) {
        return report(vmc, error, trial, checks, false, SamplerSpec.Method.METROPOLIS);
    }

    private static ValidationReport report(double vmc, double error, double trial, List<ResultCheck> checks,
                                           boolean molecule, SamplerSpec.Method sampler) {
        return new ValidationReport("case", Path.of("case.yaml"), Path.of("out"), 10, molecule, sampler,
                new Estimate(vmc, error, 0.01, 1, 1, 1000), Optional.of(new ExactReference(-4.5154, "ed-full", 252,
                Map.of())), Optional.of(new TrialState(trial, 0.01, 252)), Map.of(), new double[0],
                ConvergenceDiagnostics.of(new double[0], new double[0], new double[0], new double[0], 10), Criterion.defaults(), 1.0,
                checks, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static String printed(ValidationReport r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        r.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** VMC − trial beyond 3 error bars is flagged as a mixing problem; within, nothing is said. */
    @Test
    void farFromTheTrialStateEnergyWarnsOfMixing() {
        ValidationReport far = report(-4.5140, 0.0003, -4.5128);
        assertEquals(-4.0, far.trialDeviationSigma(), 1e-9);
        String text = printed(far);
        assertTrue(text.contains("warning") && text.contains("4.0 error bars") && text.contains("exchange-any"), text);
        assertFalse(printed(report(-4.5140, 0.0003, -4.5134)).contains("warning"));
    }

    /** An accurate energy from a run that failed one of its own checks (here split R-hat) does not pass. */
    @Test
    void aSuspectRunDoesNotPass() {
        assertTrue(report(-4.5150, 0.0003, -4.5150).passed());
        ValidationReport suspect = report(-4.5150, 0.0003, -4.5150,
                List.of(new ResultCheck("r_hat", 1.3, 1.05, false, "split R-hat 1.300 > 1.05")));
        assertFalse(suspect.passed());
        assertTrue(suspect.failure().orElseThrow().contains("suspect") && suspect.failure().get().contains("r_hat"),
                suspect.failure().get());
    }

    /** τ and R̂ of the final estimate are printed; R̂ = 1 raises no mixing note. */
    @Test
    void printsTheAutocorrelationTimeAndRHat() {
        String text = printed(report(-4.5140, 0.0003, -4.5134));
        assertTrue(text.contains("tau = 1.00 sweeps, split R-hat = 1.0000 (1000 samples, sampler type metropolis)"), text);
        assertFalse(text.contains("not mixed"), text);
        assertTrue(text.contains("convergence          not assessed"), text);
    }

    /** The run's note on steps taken from split chains is printed and kept in validation.json; none, no line. */
    @Test
    void printsTheNoteOnStepsTakenFromSplitChains() {
        ValidationReport plain = report(-4.5140, 0.0003, -4.5134);
        assertFalse(printed(plain).contains("note "), printed(plain));
        ValidationReport split = new ValidationReport(plain.name(), plain.config(), plain.folder(), plain.nSites(),
                plain.molecule(), plain.sampler(), plain.vmc(), plain.exact(), plain.trial(), plain.observables(),
                plain.energyHistory(), plain.convergence(), plain.criterion(), plain.wallSeconds(), plain.runChecks(),
                plain.ansatzSector(), Optional.of("3 optimisation step(s) between iterations 11 and 17 were taken"),
                Optional.empty());
        assertTrue(printed(split).contains("note                 3 optimisation step(s) between iterations 11 and 17"),
                printed(split));
        assertEquals("3 optimisation step(s) between iterations 11 and 17 were taken", split.toJson().get("split_steps"));
    }

    /**
     * With a Lanczos step the judged energy is the step's: a trained state 2.6e-3 above E0 (tolerance 1e-3)
     * fails alone and passes after a step to 2.2e-4; a step below E0 by 5 of its error bars fails.
     */
    @Test
    void aLanczosStepIsTheEnergyJudged() {
        ValidationReport plain = report(-4.5036, 0.0003, -4.5036);
        assertFalse(plain.passed(), plain.failure().orElse(""));
        ValidationReport stepped = withStep(plain, new LanczosStep(-4.5144, 0.0004, -0.2, 64));
        assertTrue(stepped.passed(), stepped.failure().orElse(""));
        assertEquals(Math.abs((-4.5144 + 4.5154) / 4.5154), stepped.relativeError(), 1e-12);
        assertTrue(printed(stepped).contains("Lanczos step         -4.51440 ± 0.00040"), printed(stepped));
        assertEquals(-4.5144, ((Map<?, ?>) stepped.toJson().get("lanczos_step")).get("energy"));
        ValidationReport below = withStep(plain, new LanczosStep(-4.5174, 0.0004, -0.2, 64));
        assertFalse(below.passed());
        assertTrue(below.failure().orElseThrow().contains("below the exact energy"), below.failure().get());
    }

    /**
     * A sampled step is judged by ψ₁'s own energy, not by the moments': here the moments (−4.5150 ± 0.0030,
     * 9e-5) would pass 1e-3 but the stepped state's energy (−4.5080 ± 0.0002, 1.6e-3) does not.
     */
    @Test
    void aSampledStepIsJudgedByTheSteppedStatesEnergy() {
        ValidationReport plain = report(-4.5036, 0.0003, -4.5036);
        LanczosStep moments = new LanczosStep(-4.5150, 0.0030, -0.2, 64);
        ValidationReport sampled = withStep(plain, moments.withSampled(
                List.of(new Estimate(-4.5080, 0.0002, 0.01, 1.2, 1.001, 16000)), List.of(-0.2), 0.3));
        assertEquals(Math.abs((-4.5080 + 4.5154) / 4.5154), sampled.relativeError(), 1e-12);
        assertFalse(sampled.passed(), "judged by the sampled energy");
        Map<?, ?> json = (Map<?, ?>) sampled.toJson().get("lanczos_step");
        assertEquals(-4.5080, json.get("energy"));
        assertEquals(-4.5150, ((Map<?, ?>) json.get("moments")).get("energy"));
        assertTrue(printed(sampled).contains("sampled, tau 1.20, R-hat 1.0010; moments -4.5150 ± 0.0030"), printed(sampled));
    }

    private static ValidationReport withStep(ValidationReport r, LanczosStep step) {
        return new ValidationReport(r.name(), r.config(), r.folder(), r.nSites(), r.molecule(), r.sampler(), r.vmc(),
                r.exact(), r.trial(), r.observables(), r.energyHistory(), r.convergence(), r.criterion(),
                r.wallSeconds(), r.runChecks(), r.ansatzSector(), r.splitSteps(), Optional.of(step));
    }

    /** The sampling line says what the sampler did, not what the error bar happens to be. */
    @Test
    void theSamplingLineNamesTheSampler() {
        assertTrue(report(-4.5140, 0, -4.5140, List.of(), false, SamplerSpec.Method.FULL_SUM).samplingLine()
                .startsWith("none: the exact sum over the 1000 states"));
        // a zero-variance Metropolis estimate (an eigenstate) is not an exact sum
        String eigenstate = report(-4.5154, 0, -4.5154, List.of(), false, SamplerSpec.Method.METROPOLIS).samplingLine();
        assertTrue(eigenstate.contains("sampler type metropolis") && eigenstate.contains("zero variance"), eigenstate);
        String draws = report(-4.5140, 0.0003, -4.5140, List.of(), false, SamplerSpec.Method.EXACT).samplingLine();
        assertTrue(draws.startsWith("independent draws, split R-hat"), draws);
        String chains = report(-4.5140, 0.0003, -4.5140).samplingLine();
        assertTrue(chains.startsWith("tau = 1.00 sweeps"), chains);
    }

    /** A molecule's energy is printed in hartree, without the per-site energy of a lattice model. */
    @Test
    void aMoleculeHasNoPerSiteEnergy() {
        String molecule = printed(report(-4.5140, 0, -4.5140, List.of(), true, SamplerSpec.Method.FULL_SUM));
        assertTrue(molecule.contains(" Ha") && !molecule.contains("per site"), molecule);
        assertTrue(printed(report(-4.5140, 0.0003, -4.5140)).contains("per site"));
    }
}
