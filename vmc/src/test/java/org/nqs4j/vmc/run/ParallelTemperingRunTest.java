package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.samplers.MetropolisSampler;
import org.nqs4j.vmc.config.ConfigException;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.driver.Evaluation;
import org.nqs4j.vmc.driver.IterationResult;
import org.nqs4j.vmc.driver.SampledOperator;
import org.nqs4j.vmc.stats.LanczosStep;

/** {@code sampler.replicas}: parallel tempering in a run, its energies against exact sums, its config errors. */
class ParallelTemperingRunTest {
    static final String CONFIG = """
            name: tempered
            seed: 3
            threads: 2
            iterations: 30
            lattice: {type: chain, length: 10}
            hamiltonian: {model: heisenberg, marshall_sign: true}
            hilbert: {total_sz: 0}
            ansatz: {type: rbm, alpha: 1, complex: false}
            sampler: {chains: 8, samples: 400, replicas: 3, beta_min: 0.3}
            evaluation: {samples: 4000}
            """;

    /** The same without beta_min (its default). */
    static final String NO_LADDER = CONFIG.replace(", beta_min: 0.3", "");

    @TempDir
    Path tmp;

    /**
     * The β = 1 walkers of tempered chains sample |ψ|²: after 30 steps the 4,000-sample estimate of the state's
     * energy lies within 4 error bars of ⟨ψ|Ĥ|ψ⟩/⟨ψ|ψ⟩ summed over the 252 states of S_z = 0, and the swaps are taken.
     */
    @Test
    void temperedChainsEstimateTheEnergyOfTheState() {
        RunConfig c = VmcRunTest.config(CONFIG);
        try (RunSetup setup = RunSetup.build(c)) {
            assertEquals(3, ((MetropolisSampler) setup.sampler()).temperatures().replicas());
            IterationResult last = null;
            for (int it = 0; it < 30; it++) {
                last = setup.driver().step(it);
            }
            assertTrue(last.swapAcceptance() > 0.05 && last.swapAcceptance() <= 1, "swap acceptance " + last.swapAcceptance());
            assertTrue(last.energy().mean() < -4.0, "30 steps take the energy towards E0 = -4.515: " + last.energy().mean());
            double exact = EnumeratedSamplingTest.exactEnergy(c.hilbert(),
                    SampledOperator.forOperator(c.hamiltonian().operator()), setup.waveFunction());
            Evaluation e = setup.driver().evaluate(500, 5, List.of(), LanczosStep.Mode.NONE);
            assertTrue(Math.abs(e.energy().mean() - exact) < 4 * e.energy().error(),
                    e.energy().mean() + " ± " + e.energy().error() + " vs " + exact);
        }
    }

    /** Each step's swap acceptance is in log.jsonl; a plain run writes none. */
    @Test
    void theLogCarriesTheSwapAcceptance() throws IOException {
        Path dir = tmp.resolve("run");
        try (RunFolder f = RunFolder.create(dir, false)) {
            VmcRun.execute(VmcRunTest.config(CONFIG, "iterations=3", "evaluation.samples=400"), f, RunListener.SILENT);
        }
        List<String> lines = Files.readAllLines(dir.resolve("log.jsonl"));
        assertEquals(3, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.contains("\"swap_acceptance\":")), lines.get(0));
        assertTrue(Files.readString(dir.resolve("config.resolved.yaml")).contains("beta_min: 0.3"));
        Path plain = tmp.resolve("plain");
        try (RunFolder f = RunFolder.create(plain, false)) {
            VmcRun.execute(VmcRunTest.config(NO_LADDER, "iterations=2", "evaluation.samples=400", "sampler.replicas=1"),
                    f, RunListener.SILENT);
        }
        assertTrue(Files.readAllLines(plain.resolve("log.jsonl")).stream().noneMatch(l -> l.contains("swap")));
    }

    @Test
    void theConfigRefusesWhatTemperingCannotDo() {
        ConfigException lonely = assertThrows(ConfigException.class,
                () -> VmcRunTest.config(CONFIG, "sampler.replicas=1"));
        assertTrue(lonely.getMessage().contains("beta_min") && lonely.getMessage().contains("replicas"),
                lonely.getMessage());
        ConfigException cold = assertThrows(ConfigException.class, () -> VmcRunTest.config(CONFIG, "sampler.beta_min=1"));
        assertTrue(cold.getMessage().contains("strictly between 0 and 1"), cold.getMessage());
        assertThrows(ConfigException.class, () -> VmcRunTest.config(CONFIG, "sampler.replicas=0"));
        assertThrows(ConfigException.class, () -> VmcRunTest.config(CONFIG, "sampler.replicas=65"));
        ConfigException exact = assertThrows(ConfigException.class, () -> VmcRunTest.config(NO_LADDER,
                "sampler.type=exact"));
        assertTrue(exact.getMessage().contains("replicas does nothing"), exact.getMessage());
        assertEquals(0.1, VmcRunTest.config(NO_LADDER).sampler().betaMin());
    }
}
