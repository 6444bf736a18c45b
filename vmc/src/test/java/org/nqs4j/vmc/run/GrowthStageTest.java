package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.samplers.SamplerState;
import org.nqs4j.vmc.config.RunConfig;

/**
 * An RBM grown in steps (ansatz.grow): each stage's driver runs its steps with its samples, and at the
 * growth the larger RBM takes the trained features with the added ones at their small draw, so it starts
 * at the state reached; the chains go on where they were.
 */
class GrowthStageTest {
    static final String GROWING = """
            name: growth-test
            seed: 3
            threads: 2
            iterations: 9
            checkpoint: {every: 2}
            lattice: {type: chain, length: 8}
            hamiltonian: {model: heisenberg, marshall_sign: true}
            ansatz: {type: rbm, alpha: 1, complex: true, symmetry: translations,
                     grow: [{alpha: 2, after: 3}, {alpha: 3, after: 6, init_scale: 1.0e-9, samples: 96}]}
            sampler: {chains: 4, samples: 64}
            optimizer: {learning_rate: 0.05}
            evaluation: {samples: 256}
            """;

    @Test
    void aGrownRbmStartsAtTheStateReachedWithTheChainsWhereTheyWere() {
        RunConfig c = VmcRunTest.config(GROWING);
        try (RunSetup s = RunSetup.build(c)) {
            for (int it = 0; it < 6; it++) {
                if (it > 0) {
                    Optional<String> message = s.handOverAt(it);
                    assertEquals(it == 3, message.isPresent(), "hand-over before step " + it);
                }
                assertEquals(Optional.of(it < 3 ? "alpha 1" : "alpha 2"), s.stageLabel(it));
                assertEquals(64, s.driverFor(it).step(it).energy().nSamples(), "step " + it + " draws sampler.samples");
            }
            WaveFunction alpha2 = s.driverFor(5).waveFunction();
            SamplerState chains = s.driverFor(5).saveState().sampler();
            String message = s.handOverAt(6).orElseThrow();
            assertTrue(message.contains("alpha = 2") && message.contains("after 6 iterations")
                    && message.contains("96 samples per step"), message);
            assertEquals(Optional.empty(), s.stageLabel(6));
            WaveFunction alpha3 = s.driverFor(6).waveFunction();
            assertEquals(1 + 3 + 3 * 8, alpha3.nParameters(), "P = 1 + alpha + alpha N at alpha = 3");
            // the third feature at 1e-9: the same amplitudes, and the chains continue from the same states
            double[] before = new double[2];
            double[] after = new double[2];
            for (int[] sigma : new int[][] {{1, -1, 1, -1, 1, -1, 1, -1}, {1, 1, -1, -1, 1, -1, -1, 1}}) {
                alpha2.logPsi(sigma, before);
                alpha3.logPsi(sigma, after);
                assertEquals(before[0], after[0], 1e-7);
                assertEquals(before[1], after[1], 1e-7);
            }
            SamplerState carried = s.driver().saveState().sampler();
            assertEquals(chains.configurations().length, carried.configurations().length);
            for (int k = 0; k < chains.configurations().length; k++) {
                assertArrayEquals(chains.configurations()[k], carried.configurations()[k], "chain " + k);
            }
            assertEquals(96, s.driverFor(6).step(6).energy().nSamples(), "the last growth's samples: 24 per chain");
        }
    }
}
