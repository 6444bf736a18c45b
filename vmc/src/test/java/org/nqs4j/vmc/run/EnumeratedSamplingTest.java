package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nqs4j.vmc.config.H2Sto3g.CORE;
import static org.nqs4j.vmc.config.H2Sto3g.H11;
import static org.nqs4j.vmc.config.H2Sto3g.H22;
import static org.nqs4j.vmc.config.H2Sto3g.H2_FCIDUMP;
import static org.nqs4j.vmc.config.H2Sto3g.J11;
import static org.nqs4j.vmc.config.H2Sto3g.J22;
import static org.nqs4j.vmc.config.H2Sto3g.K12;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.hamiltonians.hilbert.Hilbert;
import org.nqs4j.vmc.config.ConfigException;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.config.SamplerSpec;
import org.nqs4j.vmc.driver.Evaluation;
import org.nqs4j.vmc.driver.IterationResult;
import org.nqs4j.vmc.driver.SampledOperator;
import org.nqs4j.vmc.stats.LanczosStep;

/**
 * Runs whose sampler enumerates the sector: the full sum's energy is ⟨ψ|H|ψ⟩/⟨ψ|ψ⟩ exactly (against
 * the same sum taken with the ansatz's own cache), the Jordan–Wigner RBM under the full sum reaches
 * the full CI of H2 with no sampling error, exact draws give an honest error bar, results do not
 * depend on the thread count, and the config refuses what these samplers cannot do.
 */
class EnumeratedSamplingTest {
    @TempDir
    Path dir;

    /** Szabo &amp; Ostlund's H2 at 1.4 a0: HF mixes only with the double excitation. */
    private static final double E_FCI;

    static {
        double hf = CORE + 2 * H11 + J11;
        double ed = CORE + 2 * H22 + J22;
        E_FCI = 0.5 * (hf + ed) - Math.sqrt(0.25 * (ed - hf) * (ed - hf) + K12 * K12);
    }

    private RunConfig h2(String... overrides) throws IOException {
        Files.writeString(dir.resolve("h2.fcidump"), H2_FCIDUMP);
        Path config = dir.resolve("h2.yaml");
        Files.writeString(config, """
                name: h2
                hamiltonian: {model: molecule, fcidump: h2.fcidump}
                ansatz: {type: rbm, alpha: 1}
                sampler: {type: full_sum, chains: 3}
                optimizer: {learning_rate: 0.1}
                preconditioner: {type: sr, diag_shift: 0.001}
                threads: 2
                """);
        return RunConfigReader.read(config, List.of(overrides));
    }

    /** Σ_x |ψ(x)|² E_loc(x) / Σ_x |ψ(x)|² with the ansatz's own cache (no table), for the current parameters. */
    private static double exactEnergy(RunConfig c, WaveFunction psi) {
        return exactEnergy(c.hilbert(), SampledOperator.forOperator(c.hamiltonian().operator()), psi);
    }

    /** The same sum over the states of {@code space}, nodes (ψ = 0, where no cache can sit) left out. */
    static double exactEnergy(Hilbert space, SampledOperator h, WaveFunction psi) {
        SampledOperator.LocalValue local = h.newLocalValue();
        WalkerCache cache = psi.newCache();
        int[] x = new int[space.size()];
        double[] lp = new double[2];
        double[] e = new double[2];
        double weight = 0;
        double sum = 0;
        for (long i = 0; i < space.nStates(); i++) {
            space.state(i, x);
            psi.logPsi(x, lp);
            if (lp[0] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double w = Math.exp(2 * lp[0]);
            cache.reset(x);
            local.evaluate(cache, e);
            weight += w;
            sum += w * e[0];
        }
        return sum / weight;
    }

    @Test
    void fullSumEnergyIsTheExpectationValue() throws IOException {
        RunConfig c = h2();
        assertEquals(SamplerSpec.Method.FULL_SUM, c.sampler().method());
        assertEquals(6, c.sampler().samples(), "4 determinants over 3 chains: 2 slots each");
        try (RunSetup setup = RunSetup.build(c)) {
            for (int it = 0; it < 3; it++) {
                double expected = exactEnergy(c, setup.waveFunction());
                IterationResult r = setup.driver().step(it);
                assertEquals(expected, r.energy().mean(), 1e-12, "iteration " + it);
                assertEquals(0, r.energy().error(), "no sampling error");
            }
        }
    }

    /** 200 deterministic SR steps of the complex Jordan–Wigner RBM end on the full CI of H2 (correlation 20.5 mHa) to 1 µHa. */
    @Test
    void jordanWignerRbmReachesFullCiOfH2() throws IOException {
        try (RunSetup setup = RunSetup.build(h2("iterations=200"))) {
            for (int it = 0; it < 200; it++) {
                setup.driver().step(it);
            }
            Evaluation e = setup.driver().evaluate(2, 0, List.of(), LanczosStep.Mode.NONE);
            assertEquals(E_FCI, e.energy().mean(), 1e-6);
            assertTrue(e.energy().mean() >= E_FCI - 1e-12, "below the ground state");
        }
    }

    /** Neural backflow around the HF orbitals (real parameters, signs in the determinant) reaches the same full CI. */
    @Test
    void backflowReachesFullCiOfH2() throws IOException {
        RunConfig c = h2("ansatz.type=backflow", "iterations=200");
        assertEquals("backflow", c.ansatz().type());
        try (RunSetup setup = RunSetup.build(c)) {
            for (int it = 0; it < 200; it++) {
                setup.driver().step(it);
            }
            Evaluation e = setup.driver().evaluate(2, 0, List.of(), LanczosStep.Mode.NONE);
            assertEquals(E_FCI, e.energy().mean(), 1e-6);
            assertTrue(e.energy().mean() >= E_FCI - 1e-12, "below the ground state");
        }
    }

    @Test
    void fullSumDoesNotDependOnTheThreadCount() throws IOException {
        double[][] p = new double[2][];
        for (int t = 1; t <= 2; t++) {
            try (RunSetup setup = RunSetup.build(h2("threads=" + t))) {
                for (int it = 0; it < 10; it++) {
                    setup.driver().step(it);
                }
                p[t - 1] = setup.parameters();
            }
        }
        assertArrayEquals(p[0], p[1]);
    }

    /** Independent draws: the estimate of the energy of the current ψ lies within 4 error bars of the exact one. */
    @Test
    void exactDrawsGiveAnHonestErrorBar() throws IOException {
        RunConfig c = h2("sampler.type=exact", "sampler.samples=4000", "sampler.chains=8");
        try (RunSetup setup = RunSetup.build(c)) {
            for (int it = 0; it < 20; it++) {
                setup.driver().step(it);
            }
            double expected = exactEnergy(c, setup.waveFunction());
            Evaluation e = setup.driver().evaluate(2000, 0, List.of(), LanczosStep.Mode.NONE);
            assertTrue(e.energy().error() > 0);
            assertTrue(Math.abs(e.energy().mean() - expected) < 4 * e.energy().error(),
                    e.energy().mean() + " ± " + e.energy().error() + " vs " + expected);
        }
    }

    @Test
    void configRefusesWhatEnumerationCannotDo() throws IOException {
        assertThrows(ConfigException.class, () -> h2("sampler.samples=100"), "full_sum fixes the sample count");
        assertThrows(ConfigException.class, () -> h2("sampler.move=excitations"), "no moves");
        assertThrows(ConfigException.class, () -> h2("evaluation.samples=100"), "the final estimate is the sum");
        ConfigException noChain = assertThrows(ConfigException.class, () -> h2("sampler.discard=50"));
        assertTrue(noChain.getMessage().contains("discard does nothing"), noChain.getMessage());
        assertThrows(ConfigException.class, () -> h2("sampler.type=exact", "sampler.sweep=1"), "no chain to sweep");
        h2("sampler.discard=5"); // the default, as folders written before the check carry it: still read
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, """
                name: big
                lattice: {type: chain, length: 40}
                hamiltonian: {model: heisenberg}
                sampler: {type: exact}
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> RunConfigReader.read(big, List.of()));
        assertTrue(e.getMessage().contains("type"), e.getMessage());
        assertEquals(SamplerSpec.Method.METROPOLIS, h2("sampler.type=metropolis").sampler().method());
        assertThrows(ConfigException.class, () -> h2("optimizer.max_infidelity=0.01"), "no samples to estimate it from");
    }

    /** Exact sums default to longer SR steps with a smaller shift: no sampling noise to damp. */
    @Test
    void exactSumsTakeTheirOwnOptimiserDefaults() throws IOException {
        Files.writeString(dir.resolve("h2.fcidump"), H2_FCIDUMP);
        Path bare = dir.resolve("bare.yaml");
        Files.writeString(bare, "hamiltonian: {model: molecule, fcidump: h2.fcidump}\n");
        RunConfig full = RunConfigReader.read(bare, List.of());
        assertEquals(RunConfigReader.EXACT_SUM_LEARNING_RATE, full.optimizer().learningRate());
        assertEquals(RunConfigReader.EXACT_SUM_DIAG_SHIFT, full.preconditioner().diagShift());
        RunConfig sampled = RunConfigReader.read(bare, List.of("sampler.type=exact"));
        assertEquals(RunConfigReader.DEFAULT_LEARNING_RATE, sampled.optimizer().learningRate());
    }
}
