package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.boson.BosonJastrow;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.driver.Evaluation;
import org.nqs4j.vmc.driver.NamedOperator;
import org.nqs4j.vmc.driver.SampledOperator;
import org.nqs4j.vmc.stats.LanczosStep;

/** VMC of bosons through the run's set-up: local energies, hops and densities against exact states. */
class BosonRunTest {
    /**
     * Free bosons (U = 0) on a ring of L sites without truncation (n_max = N): the ground state is
     * the k = 0 condensate (b†_{k=0})^N|0⟩ ∝ Σ_n √(N!/Π n_i!) L^{−N/2} |n⟩, energy −2JN. Its log
     * amplitude is Σ_i g(n_i) with g(n) = −½ log n!, exactly a boson Jastrow with v = 0: every local
     * energy must equal −2JN (zero variance), and every density N/L.
     */
    @Test
    void theFreeCondensateIsAnExactJastrowState() {
        int l = 5;
        int n = 4;
        double j = 0.7;
        RunConfig c = VmcRunTest.config("""
                seed: 2
                lattice: {type: chain, length: 5}
                hamiltonian: {model: bose_hubbard, J: 0.7, U: 0}
                hilbert: {type: bosons, n_particles: 4, n_max: 4}
                ansatz: {type: jastrow}
                sampler: {chains: 4, samples: 400}
                observables: [{type: densities}]
                """);
        try (RunSetup s = RunSetup.build(c)) {
            double[] p = new double[s.waveFunction().nParameters()];
            BosonJastrow.condensate(l, n).getParameters(p);
            s.waveFunction().setParameters(p);
            List<NamedOperator> densities = c.observables().stream()
                    .map(o -> new NamedOperator(o.name(), SampledOperator.forOperator(o.operator()))).toList();
            Evaluation e = s.driver().evaluate(100, 10, densities, LanczosStep.Mode.NONE);
            assertEquals(-2 * j * n, e.energy().mean(), 1e-12);
            assertEquals(0, e.energy().variance(), 1e-20);
            // ⟨n_i⟩ is sampled, not exact: within 5 standard errors of N/L
            for (int i = 0; i < l; i++) {
                var d = e.observables().get("n(" + i + ")");
                assertEquals((double) n / l, d.mean(), 5 * d.error(), "n(" + i + ")");
            }
        }
    }

    /** The same seed gives bit-identical energies and parameters whatever the number of threads. */
    @Test
    void resultsDoNotDependOnTheThreadCount() {
        String yaml = """
                seed: 3
                iterations: 4
                lattice: {type: chain, length: 6}
                hamiltonian: {model: bose_hubbard, U: 2}
                hilbert: {type: bosons, n_particles: 6, n_max: 3}
                sampler: {chains: 6, samples: 120}
                """;
        for (String ansatz : new String[] {"rbm", "jastrow"}) {
            double[] one = VmcRunTest.trace(VmcRunTest.config(yaml, "threads=1", "ansatz.type=" + ansatz));
            assertArrayEquals(one, VmcRunTest.trace(VmcRunTest.config(yaml, "threads=2", "ansatz.type=" + ansatz)));
            assertArrayEquals(one, VmcRunTest.trace(VmcRunTest.config(yaml, "threads=3", "ansatz.type=" + ansatz)));
        }
    }
}
