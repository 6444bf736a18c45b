package org.nqs4j.vmc.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.fermion.FermionWaveFunction;
import org.nqs4j.ansatz.fermion.PairProduct;
import org.nqs4j.ansatz.fermion.SlaterDeterminant;
import org.nqs4j.ansatz.fermion.SpinOrbitals;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;
import org.nqs4j.vmc.config.FermionAnsatzSpec;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.driver.Evaluation;
import org.nqs4j.vmc.stats.Estimate;
import org.nqs4j.vmc.stats.LanczosStep;

/** VMC of lattice fermions through the run set-up: the sampled local energy, seeds and threads. */
class FermionRunTest {
    /**
     * Free fermions with a closed shell: the Slater determinant of the lowest tight-binding orbitals
     * is an exact eigenstate, so every local energy equals E₀ (zero variance) and the mean is
     * E₀ = Σ_σ Σ_{k occupied} −2t cos k. On the periodic ring of L = 10 with N↑ = N↓ = 5 (k = 2πm/L,
     * m = 0, ±1, ±2; N odd, so the Jordan–Wigner string keeps the boundary periodic):
     * E₀ = −4 (1 + 2 cos 36° + 2 cos 72°) = −4 (1 + √5) = −12.944….
     */
    @Test
    void slaterDeterminantOfTheFreeProblemHasZeroVarianceAndTheExactEnergy() {
        RunConfig c = VmcRunTest.config("""
                seed: 9
                lattice: {type: chain, length: 10, boundary: periodic}
                hamiltonian: {model: hubbard, t: 1.0, U: 0}
                hilbert: {type: fermions, n_up: 5, n_down: 5}
                ansatz: {type: slater, orbitals: tight_binding}
                sampler: {chains: 4, samples: 400}
                """);
        assertExactEigenstate(c, -4 * (1 + Math.sqrt(5)));
    }

    /**
     * The same state as a pair product (F = Φ↑Φ↓ᵀ of the tight-binding orbitals) times a
     * translation-symmetric RBM Jastrow drawn with scale 0 (J = const): still the exact eigenstate,
     * through the config keys determinant and symmetry.
     */
    @Test
    void pairProductOfTheFreeProblemTimesAFlatSymmetricJastrowIsExact() {
        RunConfig c = VmcRunTest.config("""
                seed: 9
                lattice: {type: chain, length: 10, boundary: periodic}
                hamiltonian: {model: hubbard, t: 1.0, U: 0}
                hilbert: {type: fermions, n_up: 5, n_down: 5}
                ansatz: {type: rbm_slater, alpha: 2, symmetry: translations, determinant: pair_product,
                         orbitals: tight_binding, init_scale: 0}
                sampler: {chains: 4, samples: 400}
                """);
        assertExactEigenstate(c, -4 * (1 + Math.sqrt(5)));
    }

    /**
     * Backflow with V = 0 (init_scale 0) around the open-shell Fermi sea of the 4×4 torus at
     * N↑ = N↓ = 4 (k = 0 and 3 of the 4 levels at −2t per species, E₀ = 2(−4 − 6) = −20), projected
     * on the momentum (0, π) through the config key: still an exact eigenstate, zero variance, if the
     * projection's fermionic signs and the set-up are right.
     */
    @Test
    void projectedBackflowOfTheFreeOpenShellIsExact() {
        RunConfig c = VmcRunTest.config("""
                seed: 5
                lattice: {type: square, length: 4, boundary: periodic}
                hamiltonian: {model: hubbard, t: 1.0, U: 0}
                hilbert: {type: fermions, n_up: 4, n_down: 4}
                ansatz: {type: backflow, orbitals: tight_binding, init_scale: 0,
                         projection: {group: translations, momentum: [0, 2]}}
                sampler: {chains: 2, samples: 100}
                """);
        assertExactEigenstate(c, -20);
    }

    /**
     * The same in two dimensions, where hops cross other particles' Jordan–Wigner strings: spinless
     * fermions on the periodic 4×4 torus with N = 5 fill k = (0,0) and the four (±π/2, 0), (0, ±π/2),
     * E₀ = −2t Σ (cos k_x + cos k_y) = −4 − 4·2 = −12.
     */
    @Test
    void slaterDeterminantOfFreeSpinlessFermionsOnTheTorus() {
        RunConfig c = VmcRunTest.config("""
                seed: 4
                lattice: {type: square, length: 4, boundary: periodic}
                hamiltonian: {model: spinless_fermions, t: 1.0}
                hilbert: {type: fermions, n_particles: 5}
                ansatz: {type: slater}
                sampler: {chains: 4, samples: 400, move: hop-any}
                """);
        assertExactEigenstate(c, -12);
    }

    /**
     * The block that takes the relative SR shift is the determinant's: its parameters are those of the
     * starting determinant (F = Φ↑Φ↓ᵀ, or Φ) built from the same orbitals, for a product (last
     * factor) and for backflow (first block).
     */
    @Test
    void theRelativelyShiftedBlockIsTheDeterminant() {
        String yaml = """
                lattice: {type: chain, length: 6}
                hamiltonian: {model: hubbard, U: 4}
                hilbert: {type: fermions, n_up: 3, n_down: 3}
                """;
        for (String ansatz : List.of("{type: rbm_slater, determinant: pair_product}", "{type: slater_jastrow}",
                "{type: backflow}", "{type: slater}")) {
            RunConfig c = VmcRunTest.config(yaml + "ansatz: " + ansatz + "\n");
            FermionAnsatzSpec spec = c.ansatz().fermion().orElseThrow();
            FermionHilbert hilbert = (FermionHilbert) c.hilbert();
            SpinOrbitals orbitals = FermionSetup.orbitals(spec.orbitals(), c.lattice(), c.hamiltonian(), hilbert);
            FermionWaveFunction start = spec.determinant() == FermionAnsatzSpec.Determinant.PAIR_PRODUCT
                    ? PairProduct.of(orbitals) : SlaterDeterminant.of(orbitals);
            double[] expected = new double[start.nParameters()];
            start.getParameters(expected);
            FermionWaveFunction psi = FermionSetup.initialised(c);
            double[] all = new double[psi.nParameters()];
            psi.getParameters(all);
            int[] block = FermionSetup.determinantParameters(spec, psi.nParameters(), hilbert);
            assertArrayEquals(expected, java.util.Arrays.copyOfRange(all, block[0], block[1]), 0.0, ansatz);
        }
    }

    private static void assertExactEigenstate(RunConfig c, double exact) {
        try (RunSetup s = RunSetup.build(c)) {
            Evaluation e = s.driver().evaluate(100, 20, List.of(), LanczosStep.Mode.NONE);
            Estimate energy = e.energy();
            assertEquals(exact, energy.mean(), 1e-10 * Math.abs(exact));
            assertEquals(0, energy.variance(), 1e-18);
            assertTrue(e.acceptance() > 0.05, "the chains move: acceptance " + e.acceptance());
        }
    }

    /** The same seed gives bit-identical steps and parameters with 1 and 2 threads. */
    @Test
    void resultsDoNotDependOnTheThreadCount() {
        String yaml = """
                seed: 3
                iterations: 4
                lattice: {type: chain, length: 6}
                hamiltonian: {model: hubbard, U: 4}
                hilbert: {type: fermions, n_up: 3, n_down: 2}
                ansatz: {type: rbm_slater, alpha: 1}
                sampler: {chains: 6, samples: 120}
                """;
        assertArrayEquals(VmcRunTest.trace(VmcRunTest.config(yaml, "threads=1")),
                VmcRunTest.trace(VmcRunTest.config(yaml, "threads=2")));
        String paired = yaml.replace("n_down: 2", "n_down: 3").replace("alpha: 1", "alpha: 2, symmetry: translations,"
                + " determinant: pair_product");
        assertArrayEquals(VmcRunTest.trace(VmcRunTest.config(paired, "threads=1")),
                VmcRunTest.trace(VmcRunTest.config(paired, "threads=2")));
        String backflow = yaml.replace("rbm_slater", "backflow");
        assertArrayEquals(VmcRunTest.trace(VmcRunTest.config(backflow, "threads=1")),
                VmcRunTest.trace(VmcRunTest.config(backflow, "threads=2")));
    }

    /** Optimisation lowers the energy of a Slater–Jastrow state of the Hubbard ring below its UHF start. */
    @Test
    void optimisationLowersTheEnergy() {
        RunConfig c = VmcRunTest.config("""
                seed: 2
                threads: 2
                iterations: 40
                lattice: {type: chain, length: 6}
                hamiltonian: {model: hubbard, U: 4}
                hilbert: {type: fermions, n_up: 3, n_down: 3}
                ansatz: {type: slater_jastrow}
                sampler: {chains: 8, samples: 400}
                optimizer: {learning_rate: 0.05}
                """);
        try (RunSetup s = RunSetup.build(c)) {
            double first = s.driver().step(0).energy().mean();
            for (int it = 1; it < c.iterations(); it++) {
                s.driver().step(it);
            }
            Estimate last = s.driver().evaluate(200, 20, List.of(), LanczosStep.Mode.NONE).energy();
            assertTrue(last.mean() < first - 10 * last.error(), first + " -> " + last);
        }
    }
}
