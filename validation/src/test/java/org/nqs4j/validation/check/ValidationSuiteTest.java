package org.nqs4j.validation.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.run.RunListener;

/** The smallest cases of the shipped suite, end to end through the code the launcher calls. */
class ValidationSuiteTest {
    private static final Path SUITE = Path.of("suite");

    @TempDir
    Path out;

    @Test
    void smallestShippedCasesPass() throws IOException {
        List<ValidationSuite.Case> all = ValidationSuite.cases(SUITE);
        assertTrue(all.size() >= 6, "the shipped suite has " + all.size() + " cases");
        List<ValidationSuite.Case> small = all.stream()
                .filter(c -> List.of("pauli-tilted-ising-8", "tfim-chain-10-h2.0").contains(c.stem())).toList();
        assertEquals(2, small.size());
        assertEquals(2.0e-4, small.get(1).criterion().tolerance(), 0, "tolerance from tolerances.yaml");
        List<ValidationSuite.Outcome> outcomes = ValidationSuite.run(small, out, false, List.of("threads=2"),
                c -> RunListener.SILENT);
        for (ValidationSuite.Outcome o : outcomes) {
            assertTrue(o.passed(), o.testCase().stem() + ": " + o.error()
                    + o.report().flatMap(ValidationReport::failure).orElse(""));
            ValidationReport r = o.report().orElseThrow();
            assertTrue(Files.isRegularFile(r.folder().resolve(ValidationRun.REPORT)));
            assertTrue(Files.isRegularFile(r.folder().resolve(ValidationRun.PLOT + ".png")));
            // the trial state's exact energy: VMC differs from it only by sampling error
            double trial = r.trial().orElseThrow().energy();
            assertTrue(Math.abs(r.vmc().mean() - trial) <= 5 * r.vmc().error(), r.vmc() + " vs trial " + trial);
        }
        assertTrue(Files.isRegularFile(out.resolve(ValidationSuite.SUMMARY)));
    }

    /**
     * Issue 14's stall, at CI size: a full RBM (P = 2,352 > 1,008 samples) on the 48-site ring with the
     * README example's settings must get past the dimerised plateau (9.9e-3 from a random start,
     * ansatz.pretrain: none) to its tolerance in suite/tolerances.yaml, via the default pretraining.
     * The L = 100 case is validation/suite-full/heisenberg-chain-100-full.yaml.
     */
    @Test
    void fullRbmOnA48SiteRingDoesNotStall() throws IOException {
        RunConfig c = RunConfigReader.read(SUITE.resolve("heisenberg-chain-48-full.yaml"), List.of("threads=2"));
        assertEquals(200, c.ansatz().pretrainIterations(), "auto resolves to the symmetric pretraining");
        passingCase("heisenberg-chain-48-full");
    }

    /** Runs the suite case {@code stem} on two threads and requires it to pass. */
    private ValidationReport passingCase(String stem) throws IOException {
        List<ValidationSuite.Case> one = ValidationSuite.cases(SUITE).stream().filter(c -> c.stem().equals(stem)).toList();
        assertEquals(1, one.size());
        ValidationSuite.Outcome o = ValidationSuite.run(one, out, false, List.of("threads=2"),
                x -> RunListener.SILENT).get(0);
        assertTrue(o.passed(), o.error() + o.report().flatMap(ValidationReport::failure).orElse(""));
        return o.report().orElseThrow();
    }

    /**
     * A ground state at k ≠ 0 (triangular 4×3, k = [2, 0] B +1) against ED: the symmetric RBM tied over
     * the 6 translations that keep k, projected with one image per class (8 with the spin flip); then the
     * sampled Lanczos step, checked against the stepped state's exact sum.
     */
    @Test
    void nonZeroMomentumCasePasses() throws IOException {
        ValidationReport r = passingCase("heisenberg-triangular-12-k");
        String ansatz = Files.readString(r.folder().resolve("summary.json"));
        assertTrue(ansatz.contains("|G|=6") && ansatz.contains("|K|=8 images"), ansatz);
        // the sampled Lanczos step is judged, and its energy agrees with the stepped state's exact sum
        assertTrue(r.lanczosStep().orElseThrow().sampled().isPresent());
        assertTrue(r.runChecks().stream().anyMatch(c -> c.name().equals("lanczos_trial_deviation") && c.passed()),
                r.runChecks().toString());
    }

    /** The fermion case: VMC of the Hubbard ring L = 6 against Lieb–Wu, its trial state and ED observables. */
    @Test
    void hubbardChainCasePasses() throws IOException {
        ValidationReport r = passingCase("hubbard-chain-6");
        assertEquals("lieb-wu", r.exact().orElseThrow().method());
        double trial = r.trial().orElseThrow().energy();
        assertTrue(Math.abs(r.vmc().mean() - trial) <= 5 * r.vmc().error(), r.vmc() + " vs trial " + trial);
    }

    @Test
    void deliberatelyBadRunFails() throws IOException {
        // alpha 1, 3 steps from a near-uniform state: far above the exact energy
        RunConfig c = RunConfigReader.read(SUITE.resolve("tfim-chain-10-h1.0.yaml"),
                List.of("iterations=3", "ansatz.alpha=1", "threads=2", "evaluation.samples=4000"));
        ValidationReport r = ValidationRun.execute(c, out.resolve("bad"), false, Criterion.defaults(), RunListener.SILENT);
        assertFalse(r.passed());
        assertTrue(r.failure().orElseThrow().contains("relative error"), r.failure().orElseThrow());
        assertEquals("free-fermion", r.exact().orElseThrow().method());
    }

    /** iterations: 0 validates the ansatz as it starts (or as init_from gives it): an estimate, no steps, no plot. */
    @Test
    void anEvaluationWithoutStepsIsValidated() throws IOException {
        RunConfig c = RunConfigReader.read(SUITE.resolve("tfim-chain-10-h1.0.yaml"),
                List.of("iterations=0", "threads=2", "evaluation.samples=2000"));
        ValidationReport r = ValidationRun.execute(c, out.resolve("steps0"), false, Criterion.defaults(), RunListener.SILENT);
        assertFalse(r.passed()); // the random start is far above E0
        assertTrue(r.failure().orElseThrow().contains("relative error"), r.failure().orElseThrow());
        assertTrue(Files.isRegularFile(r.folder().resolve(ValidationRun.REPORT)));
    }

    @Test
    void criterionIsVariationalWithFourSigma() {
        Criterion c = new Criterion(1e-3);
        assertTrue(c.accurate(-0.9995, -1));
        assertFalse(c.accurate(-0.998, -1));
        assertTrue(c.variational(-1.0003, 1e-4, -1)); // 3σ below: allowed
        assertFalse(c.variational(-1.0005, 1e-4, -1));
        assertThrows(IllegalArgumentException.class, () -> new Criterion(0));
    }

    @Test
    void unknownFileInTolerancesIsRejected(@TempDir Path dir) throws IOException {
        Files.copy(SUITE.resolve("tfim-chain-10-h1.0.yaml"), dir.resolve("a.yaml"));
        Files.writeString(dir.resolve(ValidationSuite.TOLERANCES), "b.yaml: 1e-3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValidationSuite.cases(dir));
        assertTrue(e.getMessage().contains("b.yaml"), e.getMessage());
    }
}
