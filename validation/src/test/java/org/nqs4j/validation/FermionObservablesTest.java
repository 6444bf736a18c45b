package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nqs4j.vmc.config.ObservableSpec;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.config.YamlConfigParser;
import org.nqs4j.vmc.driver.Evaluation;
import org.nqs4j.vmc.driver.NamedOperator;
import org.nqs4j.vmc.driver.SampledOperator;
import org.nqs4j.vmc.run.RunSetup;
import org.nqs4j.vmc.stats.Estimate;
import org.nqs4j.vmc.stats.LanczosStep;

/**
 * The fermion observables (densities, double occupancy, charge and zz-spin correlations, n(k)) of the
 * free Hubbard ring L = 6, N↑ = N↓ = 3 (closed shell k = 0, ±π/3; a unique ground state), three
 * ways: Wick's theorem by hand, ED of the ground state, and VMC sampling of the exact Slater
 * determinant.
 *
 * <p>Wick: G(r) = ⟨c†_iσ c_{i+r,σ}⟩ = (1/6)(1 + 2 cos(πr/3)) = 1/3, 0, −1/6 for r = 1, 2, 3; ⟨n_iσ⟩ = 1/2;
 * D = ⟨n↑⟩⟨n↓⟩ = 1/4; N(0) = ⟨n_i²⟩ = 1 + 2D = 3/2, N(r) = 1 − 2G(r)²; C^zz(0) = (1 − 2D)/4 = 1/8,
 * C^zz(r) = −G(r)²/2; n(k) = 1 on the three occupied momenta, 0 elsewhere.
 */
class FermionObservablesTest {
    static final String FREE_RING = """
            seed: 6
            lattice: {type: chain, length: 6, boundary: periodic}
            hamiltonian: {model: hubbard, t: 1.0, U: 0}
            hilbert: {type: fermions, n_up: 3, n_down: 3}
            ansatz: {type: slater, orbitals: tight_binding}
            sampler: {chains: 8, samples: 800}
            observables:
              - {type: densities}
              - {type: double_occupancy}
              - {type: charge_correlations}
              - {type: spin_correlations}
              - {type: momentum_distribution}
            """;

    static Map<String, Double> wick() {
        double[] g = {0.5, 1.0 / 3, 0, -1.0 / 6, 0, 1.0 / 3};
        Map<String, Double> m = new java.util.HashMap<>();
        for (int i = 0; i < 6; i++) {
            m.put("n_" + i, 1.0);
            m.put("N(" + i + ")", i == 0 ? 1.5 : 1 - 2 * g[i] * g[i]);
            m.put("Czz(" + i + ")", i == 0 ? 0.125 : -g[i] * g[i] / 2);
            m.put("n_k(" + i + ")", i == 0 || i == 1 || i == 5 ? 1.0 : 0.0);
        }
        m.put("double_occupancy", 0.25);
        return m;
    }

    static RunConfig config() {
        return RunConfigReader.read(YamlConfigParser.parse(FREE_RING, "free.yaml"), Path.of("free.yaml"));
    }

    @Test
    void exactDiagonalisationGivesWicksValues() throws Exception {
        Map<String, Double> ed = ExactGroundState.solveByDiagonalisation(config()).reference().observables();
        Map<String, Double> wick = wick();
        assertEquals(wick.keySet(), ed.keySet());
        for (Map.Entry<String, Double> e : wick.entrySet()) {
            assertEquals(e.getValue(), ed.get(e.getKey()), 1e-10, e.getKey());
        }
    }

    @Test
    void sampledObservablesAgreeWithEd() throws Exception {
        RunConfig c = config();
        Map<String, Double> ed = ExactGroundState.solveByDiagonalisation(c).reference().observables();
        List<NamedOperator> ops = c.observables().stream()
                .map(o -> new NamedOperator(o.name(), SampledOperator.forOperator(o.operator()))).toList();
        try (RunSetup s = RunSetup.build(c)) {
            Evaluation e = s.driver().evaluate(1000, 20, ops, LanczosStep.Mode.NONE);
            for (ObservableSpec o : c.observables()) {
                Estimate v = e.observables().get(o.name());
                double exact = ed.get(o.name());
                // 5σ; rounding alone when σ = 0
                assertTrue(Math.abs(v.mean() - exact) <= 5 * v.error() + 1e-12, o.name() + ": " + v + " vs " + exact);
            }
        }
    }
}
