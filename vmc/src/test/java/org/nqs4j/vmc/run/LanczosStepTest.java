package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.hamiltonians.Connections;
import org.nqs4j.hamiltonians.DiscreteOperator;
import org.nqs4j.hamiltonians.LocalOperator;
import org.nqs4j.hamiltonians.fock.FockConnections;
import org.nqs4j.hamiltonians.fock.OccupationOperator;
import org.nqs4j.hamiltonians.hilbert.Hilbert;
import org.nqs4j.vmc.config.ConfigException;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.driver.Evaluation;
import org.nqs4j.vmc.stats.Estimate;
import org.nqs4j.vmc.stats.LanczosStep;

/**
 * The energy after one Lanczos step ({@link LanczosStep}, {@code evaluation.lanczos_step}) against the same
 * step taken on vectors: ψ over the S_z = 0 sector of a Heisenberg ring of 8 sites, Ĥψ and Ĥ²ψ by the
 * operator's matrix elements, and the lower root of det(H − E S) = 0 in the basis {ψ, Ĥψ}. The full sum
 * gives it to round-off; Metropolis samples within their jackknife error bar; both lie between the exact
 * ground energy (Bethe ansatz) and the energy of ψ.
 */
class LanczosStepTest {
    /** The Heisenberg ring of 8 sites, H = Σ S_i·S_j: E₀ = −3.651093408937 (Bethe ansatz, `nqs exact`). */
    private static final double E0 = -3.651093408937;

    @TempDir
    Path dir;

    private RunConfig ring(String sampler) throws IOException {
        return config("""
                lattice: {type: chain, length: 8, boundary: periodic}
                ansatz: {type: rbm, alpha: 1, complex: true, init_scale: 0.3}
                """ + sampler);
    }

    private RunConfig config(String system) throws IOException {
        Path config = dir.resolve("case.yaml");
        Files.writeString(config, """
                name: case
                seed: 5
                hamiltonian: {model: heisenberg, units: spin, J: 1.0}
                hilbert: {total_sz: 0}
                optimizer: {learning_rate: 0.05}
                preconditioner: {type: sr, diag_shift: 0.01}
                threads: 2
                """ + system);
        return RunConfigReader.read(config, List.of());
    }

    /** E₁ of the current parameters from vectors over the sector: (h₁ − E)(h₃ − E h₂) = (h₂ − E h₁)², the lower root. */
    private static double krylovEnergy(RunConfig c, WaveFunction psi) {
        Hilbert space = c.hilbert();
        DiscreteOperator h = c.hamiltonian().operator();
        double[] v = amplitudes(space, psi);
        double[] hv = apply(space, h, v);
        double[] h2v = apply(space, h, hv);
        double norm = dot(v, v);
        double h1 = dot(v, hv) / norm;
        double h2 = dot(hv, hv) / norm;
        double h3 = dot(hv, h2v) / norm;
        // (h2 − h1²) E² − (h3 − h1 h2) E + (h1 h3 − h2²) = 0
        double a = h2 - h1 * h1;
        double b = -(h3 - h1 * h2);
        double cc = h1 * h3 - h2 * h2;
        return (-b - Math.sqrt(b * b - 4 * a * cc)) / (2 * a);
    }

    /** ψ(x) over the sector, interleaved (re, im) by state index. */
    private static double[] amplitudes(Hilbert space, WaveFunction psi) {
        int n = (int) space.nStates();
        double[] v = new double[2 * n];
        int[] x = new int[space.size()];
        double[] lp = new double[2];
        for (int i = 0; i < n; i++) {
            space.state(i, x);
            psi.logPsi(x, lp);
            v[2 * i] = Math.exp(lp[0]) * Math.cos(lp[1]);
            v[2 * i + 1] = Math.exp(lp[0]) * Math.sin(lp[1]);
        }
        return v;
    }

    /** (Ĥv)(x) = Σ_x' ⟨x|Ĥ|x'⟩ v(x'), the row elements the conjugates of the listed ⟨x'|Ĥ|x⟩. */
    private static double[] apply(Hilbert space, DiscreteOperator h, double[] v) {
        int n = (int) space.nStates();
        double[] out = new double[2 * n];
        int[] x = new int[space.size()];
        for (int i = 0; i < n; i++) {
            space.state(i, x);
            List<double[]> row = new ArrayList<>(); // (index of x', Re, Im) of each connection
            if (h instanceof LocalOperator spin) {
                Connections c = spin.newConnections();
                spin.connections(x, c);
                for (int k = 0; k < c.size(); k++) {
                    int[] y = x.clone();
                    for (int f = 0; f < c.flipCount(k); f++) {
                        y[c.flipSite(k, f)] *= -1;
                    }
                    row.add(new double[] {space.index(y), c.re(k), -c.im(k)});
                }
            } else {
                OccupationOperator fock = (OccupationOperator) h;
                FockConnections c = fock.newConnections();
                fock.connections(x, c);
                for (int k = 0; k < c.size(); k++) {
                    int[] y = x.clone();
                    for (int f = c.changeOffset(k); f < c.changeOffset(k) + c.changeCount(k); f++) {
                        y[c.changeModes()[f]] = c.changeValues()[f];
                    }
                    row.add(new double[] {space.index(y), c.value(k), 0});
                }
            }
            for (double[] e : row) {
                int j = (int) e[0];
                out[2 * i] += e[1] * v[2 * j] - e[2] * v[2 * j + 1];
                out[2 * i + 1] += e[1] * v[2 * j + 1] + e[2] * v[2 * j];
            }
        }
        return out;
    }

    /** Re⟨u|w⟩. */
    private static double dot(double[] u, double[] w) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * w[i];
        }
        return s;
    }

    /** Five SR steps from the random start: a state well away from the ground state, which a step lowers. */
    private static void trainFiveSteps(RunSetup setup) {
        for (int it = 0; it < 5; it++) {
            setup.driver().step(it);
        }
    }

    @Test
    void theFullSumStepIsTheLowestStateOfTheKrylovSpace() throws IOException {
        RunConfig c = ring("sampler: {type: full_sum, chains: 2}\n");
        try (RunSetup setup = RunSetup.build(c)) {
            trainFiveSteps(setup);
            Evaluation e = setup.driver().evaluate(c.sampler().samples() / 2, 0, List.of(), LanczosStep.Mode.MOMENTS);
            LanczosStep step = e.lanczosStep().orElseThrow();
            double expected = krylovEnergy(c, setup.waveFunction());
            assertEquals(expected, step.energy(), 1e-10, "the exact step");
            assertEquals(0, step.error());
            double h1 = e.energy().mean();
            assertTrue(step.energy() < h1 - 1e-3, "a step from a state far from E0 lowers its energy: " + h1 + " -> "
                    + step.energy());
            assertTrue(step.energy() > E0, "above the ground state: " + step.energy());
        }
    }

    /**
     * An RBM projected on kagome 2×2's Γ B1 (the ground state's sector) vanishes on configurations that an
     * element of character −1 fixes; at those connected x' the step takes (Ĥψ)(x')/ψ(x) from the walker at x.
     */
    @Test
    void theStepIsExactWhereConnectedConfigurationsAreNodes() throws IOException {
        RunConfig c = config("""
                lattice: {type: kagome, extent: [2, 2], boundary: periodic}
                ansatz: {type: rbm, alpha: 1, complex: true, symmetry: translations, init_scale: 0.3,
                         projection: {group: point_group, irrep: B1, spin_flip: 1}}
                sampler: {type: full_sum, chains: 2}
                """);
        try (RunSetup setup = RunSetup.build(c)) {
            trainFiveSteps(setup);
            assertTrue(nodes(c.hilbert(), setup.waveFunction()) > 0, "the projected state has nodes");
            LanczosStep step = setup.driver().evaluate(c.sampler().samples() / 2, 0, List.of(), LanczosStep.Mode.MOMENTS).lanczosStep()
                    .orElseThrow();
            assertEquals(krylovEnergy(c, setup.waveFunction()), step.energy(), 1e-10);
        }
    }

    /** Fermions: the Hubbard chain of 4 sites at half filling, the occupation-number connections. */
    @Test
    void theStepIsExactForFermions() throws IOException {
        Path config = dir.resolve("hubbard.yaml");
        Files.writeString(config, """
                name: hubbard
                seed: 5
                lattice: {type: chain, length: 4, boundary: periodic}
                hamiltonian: {model: hubbard, t: 1.0, U: 4}
                hilbert: {type: fermions, n_up: 2, n_down: 2}
                ansatz: {type: rbm_slater, alpha: 1, init_scale: 0.3}
                sampler: {type: full_sum, chains: 2}
                optimizer: {learning_rate: 0.05}
                preconditioner: {type: sr, diag_shift: 0.01}
                """);
        RunConfig c = RunConfigReader.read(config, List.of());
        try (RunSetup setup = RunSetup.build(c)) {
            trainFiveSteps(setup);
            Evaluation e = setup.driver().evaluate(c.sampler().samples() / 2, 0, List.of(), LanczosStep.Mode.MOMENTS);
            double expected = krylovEnergy(c, setup.waveFunction());
            assertEquals(expected, e.lanczosStep().orElseThrow().energy(), 1e-10);
            assertTrue(expected < e.energy().mean() - 1e-4, "the step lowers the energy");
        }
    }

    /** The states of the sector where ψ = 0. */
    private static int nodes(Hilbert space, WaveFunction psi) {
        int[] x = new int[space.size()];
        double[] lp = new double[2];
        int nodes = 0;
        for (long i = 0; i < space.nStates(); i++) {
            space.state(i, x);
            psi.logPsi(x, lp);
            nodes += Math.exp(lp[0]) == 0 ? 1 : 0;
        }
        return nodes;
    }

    @Test
    void sampledStepAgreesWithTheExactStepWithinItsErrorBar() throws IOException {
        RunConfig c = ring("sampler: {move: exchange-any, chains: 16, samples: 512}\n");
        try (RunSetup setup = RunSetup.build(c)) {
            trainFiveSteps(setup);
            Evaluation e = setup.driver().evaluate(500, 20, List.of(), LanczosStep.Mode.MOMENTS);
            LanczosStep step = e.lanczosStep().orElseThrow();
            double expected = krylovEnergy(c, setup.waveFunction());
            assertTrue(step.error() > 0 && step.blocks() >= 16, step.toString());
            assertTrue(Math.abs(step.energy() - expected) <= 4 * step.error(),
                    "sampled " + step.energy() + " ± " + step.error() + " against the exact step " + expected);
            assertTrue(expected < e.energy().mean() - 10 * step.error(), "the step lowers the energy by many error bars");
        }
    }

    /**
     * ⟨ψ₁|Ĥ|ψ₁⟩/⟨ψ₁|ψ₁⟩ for ψ₁ = ψ + α(Ĥ − h₁)ψ on vectors over the sector, ψ₁ = 0 where ψ = 0 (as
     * {@code LanczosState} defines it at the nodes of ψ).
     */
    private static double steppedEnergy(RunConfig c, WaveFunction psi, double alpha, double h1) {
        double[] v1 = stepped(c, amplitudes(c.hilbert(), psi), alpha, h1);
        return dot(v1, apply(c.hilbert(), c.hamiltonian().operator(), v1)) / dot(v1, v1);
    }

    /** v + α(Ĥ − h₁)v, 0 where v is. */
    private static double[] stepped(RunConfig c, double[] v, double alpha, double h1) {
        double[] hv = apply(c.hilbert(), c.hamiltonian().operator(), v);
        double[] v1 = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            boolean node = v[i & ~1] == 0 && v[i | 1] == 0;
            v1[i] = node ? 0 : v[i] + alpha * (hv[i] - h1 * v[i]);
        }
        return v1;
    }

    /**
     * {@code lanczos_step: sampled}: ψ₁ drawn from |ψ₁|² with the moments' α; its local-energy mean is the
     * energy of that very state, which the vectors give exactly: on the ring, and on kagome 2×2 projected on
     * Γ B1, whose ψ has nodes (there the moments' estimator has its heavy tail; ψ₁'s own does not).
     */
    @Test
    void theSampledStepIsTheEnergyOfTheSteppedState() throws IOException {
        for (String system : List.of("""
                lattice: {type: chain, length: 8, boundary: periodic}
                ansatz: {type: rbm, alpha: 1, complex: true, init_scale: 0.3}
                sampler: {move: exchange-any, chains: 16, samples: 512}
                """, """
                lattice: {type: kagome, extent: [2, 2], boundary: periodic}
                ansatz: {type: rbm, alpha: 1, complex: true, symmetry: translations, init_scale: 0.3,
                         projection: {group: point_group, irrep: B1, spin_flip: 1}}
                sampler: {move: exchange-any, chains: 16, samples: 512}
                """)) {
            RunConfig c = config(system);
            try (RunSetup setup = RunSetup.build(c)) {
                trainFiveSteps(setup);
                Evaluation e = setup.driver().evaluate(250, 20, List.of(), LanczosStep.Mode.SAMPLED);
                LanczosStep step = e.lanczosStep().orElseThrow();
                LanczosStep.Sampled sampled = step.sampled().orElseThrow();
                double expected = steppedEnergy(c, setup.waveFunction(), step.alpha(), e.energy().mean());
                double error = sampled.estimate().error();
                assertTrue(error > 0 && sampled.acceptance() > 0, sampled.toString());
                assertEquals(expected, step.judgedEnergy(), 4 * error, "sampled against the stepped state's energy");
                assertTrue(expected < e.energy().mean() - 10 * error, "the step lowers the energy by many error bars: "
                        + e.energy().mean() + " -> " + expected);
                assertTrue(Math.abs(sampled.estimate().rHat() - 1) < 0.05, "the stepped state's chains mix: " + sampled);
            }
        }
    }

    /**
     * Two sampled steps: ψ₂ = ψ₁ + α₂(Ĥ − h₂)ψ₁, α₂ from the moments of ψ₁'s samples and h₂ their mean energy;
     * the second sampled energy is ψ₂'s on vectors, and below ψ₁'s.
     */
    @Test
    void aSecondSampledStepIsTheEnergyOfTheTwiceSteppedState() throws IOException {
        RunConfig c = ring("sampler: {move: exchange-any, chains: 16, samples: 512}\n");
        try (RunSetup setup = RunSetup.build(c)) {
            trainFiveSteps(setup);
            Evaluation e = setup.driver().evaluate(250, 20, List.of(), LanczosStep.Mode.SAMPLED, 2);
            LanczosStep.Sampled sampled = e.lanczosStep().orElseThrow().sampled().orElseThrow();
            assertEquals(2, sampled.energies().size());
            double[] v1 = stepped(c, amplitudes(c.hilbert(), setup.waveFunction()), sampled.alphas().get(0),
                    e.energy().mean());
            double[] v2 = stepped(c, v1, sampled.alphas().get(1), sampled.energies().get(0).mean());
            double expected = dot(v2, apply(c.hilbert(), c.hamiltonian().operator(), v2)) / dot(v2, v2);
            Estimate second = sampled.energies().get(1);
            assertEquals(expected, second.mean(), 4 * second.error(), "the second step against its state's energy");
            assertTrue(second.mean() < sampled.energies().get(0).mean(), "the second step lowers the energy again: "
                    + sampled.energies());
        }
    }

    /** The sampled step asks for Metropolis chains: with the full sum the config says to use the moments. */
    @Test
    void theSampledStepNeedsMetropolisChains() throws IOException {
        ConfigException refused = assertThrows(ConfigException.class, () -> config("""
                lattice: {type: chain, length: 8, boundary: periodic}
                ansatz: {type: rbm, alpha: 1, complex: true}
                sampler: {type: full_sum, chains: 2}
                evaluation: {lanczos_step: sampled}
                """));
        assertTrue(refused.getMessage().contains("lanczos_step") && refused.getMessage().contains("moments"),
                refused.getMessage());
    }

    /** Further steps are sampled ones: {@code lanczos_steps} without {@code lanczos_step: sampled} is refused. */
    @Test
    void furtherStepsNeedTheSampledStep() {
        ConfigException refused = assertThrows(ConfigException.class, () -> config("""
                lattice: {type: chain, length: 8, boundary: periodic}
                ansatz: {type: rbm, alpha: 1, complex: true}
                evaluation: {lanczos_step: true, lanczos_steps: 2}
                """));
        assertTrue(refused.getMessage().contains("lanczos_steps") && refused.getMessage().contains("sampled"),
                refused.getMessage());
    }
}
