package org.nqs4j.vmc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nqs4j.vmc.config.H2Sto3g.CORE;
import static org.nqs4j.vmc.config.H2Sto3g.H11;
import static org.nqs4j.vmc.config.H2Sto3g.H22;
import static org.nqs4j.vmc.config.H2Sto3g.H2_FCIDUMP;
import static org.nqs4j.vmc.config.H2Sto3g.J11;
import static org.nqs4j.vmc.config.H2Sto3g.J12;
import static org.nqs4j.vmc.config.H2Sto3g.K12;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqs4j.hamiltonians.fock.MolecularHamiltonian;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;

/** {@code hamiltonian: {model: molecule, fcidump | xyz}}: no lattice, the sector from NELEC/MS2, strict errors. */
class MoleculeConfigTest {
    @TempDir
    Path dir;

    RunConfig exact(String yaml) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("configs"));
        Files.writeString(dir.resolve("h2.fcidump"), H2_FCIDUMP);
        Path config = sub.resolve("m.yaml");
        Files.writeString(config, yaml);
        return RunConfigReader.readForExact(config, java.util.List.of());
    }

    String error(String yaml) {
        return assertThrows(ConfigException.class, () -> exact(yaml)).getMessage();
    }

    @Test
    void fcidumpRelativeToTheConfigGivesTheSectorAndTheReferences() throws IOException {
        RunConfig c = exact("hamiltonian: {model: molecule, fcidump: ../h2.fcidump}\n");
        FermionHilbert h = assertInstanceOf(FermionHilbert.class, c.hilbert());
        assertEquals(2, h.nSites());
        assertEquals(1, h.nParticles(0));
        assertEquals(1, h.nParticles(1));
        assertEquals(2, c.lattice().nSites());
        assertInstanceOf(MolecularHamiltonian.class, c.hamiltonian().operator());
        // E_HF = E_core + 2 h11 + (11|11); orbital energies e1 = h11 + (11|11), e2 = h22 + 2(11|22) − (12|21)
        double hf = CORE + 2 * H11 + J11;
        assertEquals(hf, c.hamiltonian().coupling("e_hf"), 1e-12);
        assertEquals(-1.1167, hf, 1e-4, "Szabo & Ostlund's E_0");
        double e1 = H11 + J11;
        double e2 = H22 + 2 * J12 - K12;
        double mp2 = K12 * K12 / (2 * (e1 - e2));
        assertEquals(-0.0132, mp2, 1e-4, "Szabo & Ostlund's E(2) for H2");
        assertEquals(hf + mp2, c.hamiltonian().coupling("e_mp2"), 1e-12);
    }

    @Test
    void theSectorIsCheckedAgainstTheFcidump() {
        String e = error("hamiltonian: {model: molecule, fcidump: ../h2.fcidump}\nhilbert: {type: fermions, n_up: 2, n_down: 0}\n");
        assertTrue(e.startsWith("m.yaml:2: key 'hilbert.n_up'") && e.contains("NELEC = 2"), e);
        e = error("hamiltonian: {model: molecule, fcidump: ../h2.fcidump}\nhilbert: {type: spin}\n");
        assertTrue(e.contains("hilbert.type") && e.contains("fermions"), e);
    }

    @Test
    void aDamagedFcidumpIsNamedWithItsLine() throws IOException {
        Files.writeString(dir.resolve("bad.fcidump"), H2_FCIDUMP.replace("0.6636  1 1 2 2", "0.66x6  1 1 2 2"));
        String e = error("name: x\nhamiltonian: {model: molecule, fcidump: ../bad.fcidump}\n");
        assertTrue(e.contains(":2: key 'hamiltonian.fcidump'") && e.contains("bad.fcidump:6"), e);
        e = error("hamiltonian: {model: molecule, fcidump: ../none.fcidump}\n");
        assertTrue(e.contains("key 'hamiltonian.fcidump'") && e.contains("no file"), e);
        e = error("hamiltonian: {model: molecule}\n");
        assertTrue(e.contains("'fcidump'") && e.contains("xyz"), e);
    }

    @Test
    void onlyTheMoleculeDoesWithoutALattice() {
        String e = error("lattice: {type: chain, length: 2}\nhamiltonian: {model: molecule, fcidump: ../h2.fcidump}\n");
        assertTrue(e.contains("key 'lattice'") && e.contains("no lattice"), e);
        e = error("hamiltonian: {model: hubbard, U: 4}\nhilbert: {n_up: 1, n_down: 1}\n");
        assertTrue(e.contains("section 'lattice' needs the key 'type'") && e.contains("only model molecule"), e);
    }

    @Test
    void vmcReadsTheMoleculeAnsatzAndMoves() throws IOException {
        exact("hamiltonian: {model: molecule, fcidump: ../h2.fcidump}\n"); // writes the files
        RunConfig c = RunConfigReader.read(dir.resolve("configs/m.yaml"), java.util.List.of());
        assertEquals("jw_rbm", c.ansatz().type(), "the complex Jordan-Wigner RBM by default");
        assertTrue(c.ansatz().complex());
        assertEquals(2, c.ansatz().alpha());
        assertEquals(SamplerSpec.Method.FULL_SUM, c.sampler().method(), "4 determinants: summed exactly");
        c = RunConfigReader.read(dir.resolve("configs/m.yaml"), java.util.List.of("ansatz.type=slater",
                "sampler.type=metropolis"));
        assertEquals("slater+rbm", c.ansatz().type());
        assertEquals(1, c.ansatz().alpha());
        assertEquals(0.1, c.ansatz().initScale());
        assertEquals("excitations", c.sampler().move());
        assertEquals(4, c.sampler().sweepSize(), "a sweep is 2·NORB proposals");
        c = RunConfigReader.read(dir.resolve("configs/m.yaml"), java.util.List.of("ansatz.type=slater",
                "ansatz.jastrow=pairs"));
        assertEquals("slater+pairs", c.ansatz().type());
        String e = assertThrows(ConfigException.class, () -> RunConfigReader.read(dir.resolve("configs/m.yaml"),
                java.util.List.of("ansatz.type=ffnn"))).getMessage();
        assertTrue(e.contains("ansatz.type") && e.contains("slater"), e);
        e = assertThrows(ConfigException.class, () -> RunConfigReader.read(dir.resolve("configs/m.yaml"),
                java.util.List.of("sampler.type=metropolis", "sampler.move=exchange"))).getMessage();
        assertTrue(e.contains("sampler.move") && e.contains("excitations"), e);
        // chains from random determinants would take long to find Hartree–Fock: no fresh-chains check
        assertEquals(new FreshChains.Off(), RunConfigReader.read(dir.resolve("configs/m.yaml"),
                java.util.List.of("sampler.type=metropolis")).evaluation().freshChains());
        e = assertThrows(ConfigException.class, () -> RunConfigReader.read(dir.resolve("configs/m.yaml"),
                java.util.List.of("sampler.type=metropolis", "evaluation.fresh_chains=1000"))).getMessage();
        assertTrue(e.contains("evaluation.fresh_chains") && e.contains("Hartree"), e);
        e = assertThrows(ConfigException.class, () -> RunConfigReader.read(dir.resolve("configs/m.yaml"),
                java.util.List.of("ansatz.type=slater", "ansatz.jastrow=none", "ansatz.alpha=2"))).getMessage();
        assertTrue(e.contains("ansatz.alpha"), e);
    }

    @Test
    void xyzComputesTheIntegralsAndTheScfEnergyIsTheAufbauDeterminant() throws IOException {
        Files.writeString(dir.resolve("h2.xyz"), "2\nH2 at 0.7414 A\nH 0 0 0\nH 0 0 0.7414\n");
        RunConfig c = exact("hamiltonian: {model: molecule, xyz: ../h2.xyz, basis: sto-3g}\n");
        MolecularHamiltonian h = (MolecularHamiltonian) c.hamiltonian().operator();
        assertEquals(c.hamiltonian().coupling("e_hf"), h.determinantEnergy(h.aufbau(1, 1)), 1e-10);
        // the resolved config (read again by nqs resume from the run folder) names the file absolutely
        Object xyz = ((java.util.Map<?, ?>) c.resolved().get("hamiltonian")).get("xyz");
        assertEquals(dir.resolve("h2.xyz").toAbsolutePath().normalize(), java.nio.file.Path.of((String) xyz).normalize());
        assertFalse(c.hamiltonian().couplings().get("e_mp2").isNaN());
        String e = error("hamiltonian: {model: molecule, xyz: ../h2.xyz, basis: cc-pvdz}\n");
        assertTrue(e.contains("hamiltonian.basis") && e.contains("sto-3g"), e);
        e = error("hamiltonian: {model: molecule, xyz: ../h2.xyz, basis: sto-3g, charge: 1}\n");
        assertTrue(e.contains("hamiltonian.xyz") || e.contains("multiplicity"), e);
    }

    /**
     * {@code bond_length} moves the second atom of a diatomic along the axis: H2 at 1.4 a0 written as
     * 0.5 Å in the file and re-set to 1.4 a0 gives Szabo &amp; Ostlund's E_HF (which depends on R through
     * the nuclear repulsion and the integrals); three atoms are refused.
     */
    @Test
    void bondLengthResetsTheDistanceOfADiatomic() throws IOException {
        Files.writeString(dir.resolve("h2.xyz"), "2\nH2\nH 0 0 0\nH 0 0.3 0.4\n");
        double angstrom = 1.4 * org.nqs4j.chemistry.Molecule.BOHR_IN_ANGSTROM;
        RunConfig c = exact("hamiltonian: {model: molecule, xyz: ../h2.xyz, basis: sto-3g, bond_length: " + angstrom + "}\n");
        assertEquals(-1.1167, c.hamiltonian().coupling("e_hf"), 1e-4, "Szabo & Ostlund's E_0 at 1.4 a0");
        Files.writeString(dir.resolve("h3.xyz"), "3\nH3+\nH 0 0 0\nH 0 0 0.9\nH 0 0.8 0.45\n");
        String e = error("hamiltonian: {model: molecule, xyz: ../h3.xyz, basis: sto-3g, charge: 1, bond_length: 1.0}\n");
        assertTrue(e.contains("bond_length") && e.contains("3 atoms"), e);
    }
}
