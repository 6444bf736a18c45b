package org.nqs4j.vmc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.hilbert.BosonHilbert;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;

/** Fermion and boson configs: read for exact methods, bosons refused for VMC, sectors checked against H. */
class FockConfigTest {
    static final String HUBBARD = """
            lattice: {type: chain, length: 6}
            hamiltonian: {model: hubbard, t: 1, U: 4}
            hilbert: {type: fermions, n_up: 3, n_down: 2}
            """;

    static RunConfig exact(String yaml) {
        return RunConfigReader.readForExact(YamlConfigParser.parse(yaml, "f.yaml"), Path.of("f.yaml"));
    }

    static String exactError(String yaml) {
        return assertThrows(ConfigException.class, () -> exact(yaml)).getMessage();
    }

    @Test
    void hubbardConfigBuildsTheSectorAndTheModel() {
        RunConfig c = exact(HUBBARD);
        FermionHilbert h = assertInstanceOf(FermionHilbert.class, c.hilbert());
        assertEquals(3, h.nParticles(0));
        assertEquals(2, h.nParticles(1));
        assertEquals(12, c.hamiltonian().fockOperator().nModes());
        assertEquals(4.0, c.hamiltonian().coupling("U"));
        assertEquals(0.0, c.hamiltonian().coupling("t_prime"));
        assertEquals("fermions", ((java.util.Map<?, ?>) c.resolved().get("hilbert")).get("type"));
    }

    @Test
    void spinlessAndBosonConfigs() {
        RunConfig s = exact("lattice: {type: chain, length: 5}\nhamiltonian: {model: spinless_fermions, V: 2}\n"
                + "hilbert: {n_particles: 2}\n");
        assertEquals(1, ((FermionHilbert) s.hilbert()).nSpecies());
        RunConfig b = exact("lattice: {type: chain, length: 4}\nhamiltonian: {model: bose_hubbard, U: 3}\n"
                + "hilbert: {type: bosons, n_particles: 4}\n");
        assertEquals(4, ((BosonHilbert) b.hilbert()).nMax(), "n_max defaults to the number of bosons");
    }

    @Test
    void aSectorTheHamiltonianDoesNotConserveIsAConfigError() {
        String ising = "lattice: {type: chain, length: 6}\nhamiltonian: {model: ising, h: 1}\nhilbert:\n  total_sz: 0\n";
        ConfigException e = assertThrows(ConfigException.class,
                () -> RunConfigReader.read(YamlConfigParser.parse(ising, "i.yaml"), Path.of("i.yaml")));
        assertTrue(e.getMessage().startsWith("i.yaml:4: key 'hilbert.total_sz'") && e.getMessage().contains("does not"
                + " conserve") && e.getMessage().contains("total_sz: none"), e.getMessage());
        // the same model without the field conserves S_z
        exact("lattice: {type: chain, length: 6}\nhamiltonian: {model: ising, h: 0}\nhilbert: {total_sz: 0}\n");
    }

    @Test
    void mismatchesAndImpossibleSectorsAreReported() {
        assertTrue(exactError(HUBBARD.replace("type: fermions", "type: spin")).contains("set hilbert.type: fermions"));
        assertTrue(exactError(HUBBARD.replace("n_up: 3", "n_up: 7")).contains("'hilbert.n_up'"));
        assertTrue(exactError(HUBBARD.replace("n_up: 3, ", "")).contains("'n_up'"));
        assertTrue(exactError(HUBBARD.replace("U: 4", "U: 4, t_prime: 0.2")).contains("next_nearest"));
        assertTrue(exactError(HUBBARD.replace("U: 4", "U: 4, J: 1")).contains("'hamiltonian.J'"));
        assertTrue(exactError("lattice: {type: chain, length: 3}\nhamiltonian: {model: bose_hubbard, U: 1}\n"
                + "hilbert: {type: bosons, n_particles: 7, n_max: 2}\n").contains("do not fit"));
        assertTrue(exactError(HUBBARD + "observables:\n  - {type: magnetization}\n").contains("allowed: density"));
    }

    static final String BOSONS = """
            lattice: {type: chain, length: 4}
            hamiltonian: {model: bose_hubbard, U: 3}
            hilbert: {type: bosons, n_particles: 4, n_max: 3}
            """;

    static String vmcError(String yaml) {
        return assertThrows(ConfigException.class,
                () -> RunConfigReader.read(YamlConfigParser.parse(yaml, "b.yaml"), Path.of("b.yaml"))).getMessage();
    }

    @Test
    void vmcOfBosonsDefaultsToARealOneHotRbmAndHops() {
        RunConfig c = RunConfigReader.read(YamlConfigParser.parse(BOSONS + "observables:\n  - {type: densities}\n"
                + "  - {type: density_correlations}\n  - {type: density_correlation, sites: [0, 2]}\n", "b.yaml"),
                Path.of("b.yaml"));
        assertEquals("rbm", c.ansatz().type());
        assertEquals(false, c.ansatz().complex());
        assertEquals("hop", c.sampler().move());
        assertEquals(4 + 4 + 1, c.observables().size());
        assertEquals("n(3)", c.observables().get(3).name());
        assertEquals("D(1)", c.observables().get(5).name());
        assertEquals("nn_0_2", c.observables().get(8).name());
    }

    @Test
    void spinOnlyKeysOfABosonRunAreRefusedAtTheirLine() {
        String e = vmcError(BOSONS + "sampler: {move: exchange}\n");
        assertTrue(e.startsWith("b.yaml:4: key 'sampler.move'") && e.contains("hop"), e);
        e = vmcError(BOSONS + "ansatz:\n  type: rbm\n  symmetry: translations\n");
        assertTrue(e.startsWith("b.yaml:6: key 'ansatz.symmetry'") && e.contains("spin ansätze only"), e);
        e = vmcError(BOSONS + "ansatz: {type: jastrow, alpha: 2}\n");
        assertTrue(e.contains("unknown key 'ansatz.alpha'") && !e.contains("symmetry"), e);
        e = vmcError(BOSONS + "ansatz: {type: ffnn}\n");
        assertTrue(e.contains("'ansatz.type'") && e.contains("rbm, jastrow"), e);
        e = vmcError(BOSONS + "ansatz: {type: jastrow, complex: true}\n");
        assertTrue(e.contains("'ansatz.complex'") && e.contains("real"), e);
        e = vmcError(BOSONS.replace("n_max: 3", "n_max: 3, total_sz: 0"));
        assertTrue(e.startsWith("b.yaml:3: key 'hilbert.total_sz'") && e.contains("n_particles"), e);
        e = vmcError("lattice: {type: custom, sites: 3, edges: [[0, 1], [1, 2, 1]]}\n"
                + "hamiltonian: {model: bose_hubbard, U: 3}\nhilbert: {type: bosons, n_particles: 3}\n");
        assertTrue(e.contains("'hilbert.type'") && e.contains("site 2"), e);
        e = vmcError(BOSONS + "observables: [{type: magnetization}]\n");
        assertTrue(e.contains("'observables") && e.contains("densities"), e);
    }
}
