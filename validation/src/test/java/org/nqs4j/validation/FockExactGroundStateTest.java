package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.nqs4j.validation.ExactGroundState.Solution;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;
import org.nqs4j.vmc.config.YamlConfigParser;

/** The exact reference chosen for fermion and boson configs, and its agreement with ED. */
class FockExactGroundStateTest {

    private static RunConfig config(String yaml) {
        return RunConfigReader.readForExact(YamlConfigParser.parse(yaml, "f.yaml"), Path.of("f.yaml"));
    }

    private static final String RING = """
            lattice: {type: chain, length: 8, boundary: periodic}
            hamiltonian: {model: hubbard, U: 3, mu: 0.25}
            hilbert: {type: fermions, n_up: 3, n_down: 3}
            """;

    @Test
    void hubbardRingUsesLiebWuAndAgreesWithEd() throws Exception {
        RunConfig c = config(RING);
        Solution s = ExactGroundState.solve(c, 60);
        assertEquals("lieb-wu", s.reference().method());
        Solution ed = ExactGroundState.solveByDiagonalisation(c);
        assertEquals("lanczos", ed.reference().method(), "C(8,3)² = 3136 states");
        assertEquals(ed.reference().energy(), s.reference().energy(), 1e-10 * Math.abs(ed.reference().energy()),
                "μ enters as −μN on both");
    }

    @Test
    void aboveHalfFillingTheParticleHoleMapApplies() throws Exception {
        RunConfig c = config(RING.replace("length: 8", "length: 6").replace("n_up: 3, n_down: 3", "n_up: 4, n_down: 5"));
        Solution s = ExactGroundState.solve(c, 60);
        assertEquals("lieb-wu", s.reference().method());
        assertEquals(ExactGroundState.solveByDiagonalisation(c).reference().energy(), s.reference().energy(), 1e-9);
    }

    @Test
    void noninteractingFermionsUseTheTightBindingLevels() throws Exception {
        String yaml = """
                lattice: {type: square, length: 3, boundary: open, next_nearest: true}
                hamiltonian: {model: hubbard, U: 0, t_prime: 0.3}
                hilbert: {type: fermions, n_up: 2, n_down: 3}
                """;
        RunConfig c = config(yaml);
        Solution s = ExactGroundState.solve(c, 60);
        assertEquals("free-fermion", s.reference().method());
        assertEquals(ExactGroundState.solveByDiagonalisation(c).reference().energy(), s.reference().energy(), 1e-10);
        Solution open = ExactGroundState.solve(config("""
                lattice: {type: chain, length: 6}
                hamiltonian: {model: spinless_fermions}
                hilbert: {n_particles: 2}
                """), 60);
        assertTrue(open.note().contains("not unique"), open.note());
    }

    @Test
    void interactingModelsWithoutAnAnalyticSolutionUseEd() throws Exception {
        Solution spinless = ExactGroundState.solve(config("""
                lattice: {type: chain, length: 10}
                hamiltonian: {model: spinless_fermions, V: 2}
                hilbert: {n_particles: 5}
                """), 60);
        assertEquals("ed-full", spinless.reference().method());
        assertEquals(252, spinless.reference().dimension());
        Solution bosons = ExactGroundState.solve(config("""
                lattice: {type: chain, length: 2, boundary: open}
                hamiltonian: {model: bose_hubbard, J: 0.5, U: 2}
                hilbert: {type: bosons, n_particles: 2}
                """), 60);
        assertEquals((2 - Math.sqrt(4 + 16 * 0.25)) / 2, bosons.reference().energy(), 1e-12, "two-site analytic value");
    }
}
