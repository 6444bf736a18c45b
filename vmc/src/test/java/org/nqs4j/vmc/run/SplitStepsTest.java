package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.plot.RunLog;

class SplitStepsTest {
    @TempDir
    Path tmp;

    /**
     * Only steps taken (updated) from moving chains with R̂ above 1.2 count: not an undone or rejected
     * line, not frozen chains (whose R̂ means nothing), not R̂ at or below the bound, not a missing R̂.
     */
    @Test
    void countsTheStepsTakenFromMovingChainsThatDisagree() {
        double[] rHat = {1.01, 1.35, 1.5, 2.0, 1.2, Double.NaN, 3.1, 1.25};
        double[] updated = {1, 1, 0, 1, 1, 1, 1, 1};
        double[] acceptance = {0.3, 0.3, 0.3, 1e-4, 0.3, 0.3, 0.3, 0.3};
        double[] iteration = {10, 11, 12, 13, 14, 15, 16, 17};
        double[] zeros = new double[8];
        RunLog log = new RunLog("x", iteration, zeros, zeros, zeros, acceptance, zeros, rHat, updated, zeros, "",
                OptionalDouble.empty());
        SplitSteps s = SplitSteps.of(log).orElseThrow();
        assertEquals(new SplitSteps(3, 11, 17, 3.1), s);
        assertFalse(s.toJson().containsKey("note"), "three are listed, not noted");
        assertTrue(((String) new SplitSteps(SplitSteps.NOTED, 11, 40, 3.1).toJson().get("note"))
                .startsWith(SplitSteps.NOTED + " optimisation step(s) between iterations 11 and 40"));
        double[] mixed = {1.01, 1.19, 1.0, 1.1, 1.2, 1.0, 0.99, 1.05};
        assertTrue(SplitSteps.of(new RunLog("x", iteration, zeros, zeros, zeros, acceptance, zeros, mixed, updated, zeros,
                "", OptionalDouble.empty())).isEmpty());
    }

    /** Steps that leave the state as it is, each from 16 chains of 4 samples: split-R̂ is noisy. */
    private static final String NOISY = """
            seed: 3
            iterations: 60
            lattice: {type: chain, length: 8}
            hamiltonian: {model: heisenberg, marshall_sign: true}
            ansatz: {type: rbm, alpha: 1, complex: false, pretrain: none}
            sampler: {chains: 16, samples: 64, discard: 0}
            optimizer: {type: sgd, learning_rate: 1e-12}
            evaluation: {samples: 256}
            """;

    /**
     * With 4 samples per chain split-R̂ exceeds 1.2 now and then: the summary names the steps taken from
     * such samples; with 128 per chain (the same state) it has no such entry.
     */
    @Test
    void theSummaryNamesTheStepsTakenFromSplitChains() throws IOException {
        RunConfig noisy = VmcRunTest.config(NOISY);
        RunConfig mixed = VmcRunTest.config(NOISY, "sampler.samples=2048");
        Map<?, ?> split;
        try (RunFolder f = RunFolder.create(tmp.resolve("noisy"), false)) {
            split = (Map<?, ?>) VmcRun.execute(noisy, f, RunListener.SILENT).summary().get("split_steps");
        }
        assertTrue((Integer) split.get("count") >= 1, split::toString);
        try (RunFolder f = RunFolder.create(tmp.resolve("mixed"), false)) {
            assertFalse(VmcRun.execute(mixed, f, RunListener.SILENT).summary().containsKey("split_steps"));
        }
    }
}
