package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nqs4j.vmc.config.ConfigException;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.driver.IterationResult;
import org.nqs4j.vmc.driver.VmcDriver;

/** optimizer.max_infidelity: oversized steps are rejected before they reach the parameters. */
class StepGuardTest {
    private static final String RING = """
            seed: 3
            threads: 2
            lattice: {type: chain, length: 8}
            hamiltonian: {model: heisenberg, marshall_sign: true}
            ansatz: {type: rbm, alpha: 1, complex: true, init_scale: 0.05}
            sampler: {chains: 4, samples: 256}
            """;

    /**
     * A learning rate of 20 moves the state far (its first SR step has an infidelity near 1): with
     * a limit of 0.05 the step is rejected, the shift raised, and the parameters stay as they were.
     */
    @Test
    void anOversizedStepIsRejectedAndLeavesTheParameters() {
        RunConfig c = VmcRunTest.config(RING + "optimizer: {type: sgd, learning_rate: 20, max_infidelity: 0.05}\n");
        try (RunSetup s = RunSetup.build(c)) {
            VmcDriver driver = s.driver();
            double[] before = s.parameters();
            IterationResult r = driver.step(0);
            assertFalse(r.updated());
            assertNotNull(r.event());
            assertTrue(r.event().contains("infidelity") && r.event().contains("diagonal shift raised"), r.event());
            assertArrayEquals(before, s.parameters(), 0.0);
        }
    }

    /** Ordinary SR steps (learning rate 0.05) pass a limit of 0.2 and the energy goes down. */
    @Test
    void ordinaryStepsPassTheLimit() {
        RunConfig c = VmcRunTest.config(RING + "optimizer: {type: sgd, learning_rate: 0.05, max_infidelity: 0.2}\n");
        try (RunSetup s = RunSetup.build(c)) {
            VmcDriver driver = s.driver();
            double first = Double.NaN;
            double last = Double.NaN;
            for (int it = 0; it < 40; it++) {
                IterationResult r = driver.step(it);
                assertTrue(r.updated(), "iteration " + it + ": " + r.event());
                if (it == 0) {
                    first = r.energy().mean();
                }
                last = r.energy().mean();
            }
            assertTrue(last < first - 0.5, "E " + first + " -> " + last);
        }
    }

    /** Rejections included, the guarded run is the same bit for bit on one thread and on two. */
    @Test
    void guardedStepsDoNotDependOnTheThreadCount() {
        String yaml = RING.replace("threads: 2\n", "")
                + "optimizer: {type: sgd, learning_rate: 0.5, max_infidelity: 0.02}\n";
        double[][] finals = new double[2][];
        int rejected = 0;
        for (int t = 1; t <= 2; t++) {
            try (RunSetup s = RunSetup.build(VmcRunTest.config(yaml, "threads=" + t))) {
                for (int it = 0; it < 12; it++) {
                    if (!s.driver().step(it).updated()) {
                        rejected++;
                    }
                }
                finals[t - 1] = s.parameters();
            }
        }
        assertTrue(rejected > 0, "the limit should reject some of these steps");
        assertArrayEquals(finals[0], finals[1], 0.0);
    }

    @Test
    void aLimitOutsideTheOpenUnitIntervalNamesTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> VmcRunTest.config(RING + "optimizer: {type: sgd, max_infidelity: 1.5}\n"));
        assertTrue(e.getMessage().contains("max_infidelity") && e.getMessage().contains("test.yaml"), e.getMessage());
        ConfigException zero = assertThrows(ConfigException.class,
                () -> VmcRunTest.config(RING + "optimizer: {type: sgd, max_infidelity: 0}\n"));
        assertTrue(zero.getMessage().contains("(0, 1)"), zero.getMessage());
    }
}
