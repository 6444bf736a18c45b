package org.nqs4j.vmc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.fock.FockOperator;

/** VMC configs of lattice fermions: ansatz, moves and observables, and the errors of spin-only keys. */
class FermionConfigTest {
    static final String HUBBARD = """
            lattice: {type: chain, length: 6}
            hamiltonian: {model: hubbard, t: 1, U: 4}
            hilbert: {type: fermions, n_up: 3, n_down: 2}
            """;

    static RunConfig read(String yaml) {
        return RunConfigReader.read(YamlConfigParser.parse(yaml, "f.yaml"), Path.of("f.yaml"));
    }

    static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> read(yaml)).getMessage();
    }

    /**
     * A bare hubbard config: a translation-symmetric RBM Jastrow (α = 4 features) times UHF orbitals,
     * as a pair product when N↑ = N↓ (the ansatz of the 20-site ring's acceptance case), one
     * determinant otherwise; no symmetry (α = 1 hidden unit per spin-orbital) on open boundaries.
     */
    @Test
    void defaultsAreAnRbmJastrowTimesUhfWithHops() {
        RunConfig c = read(HUBBARD);
        FermionAnsatzSpec.RbmSlater a = assertInstanceOf(FermionAnsatzSpec.RbmSlater.class, c.ansatz().fermion().get());
        assertEquals(FermionAnsatzSpec.Orbitals.UHF, a.orbitals());
        assertEquals(4, a.alpha()); // features of the symmetric RBM
        assertEquals(FermionAnsatzSpec.Symmetry.TRANSLATIONS, a.symmetry());
        assertEquals(FermionAnsatzSpec.Determinant.SLATER, a.determinant());
        FermionAnsatzSpec balanced = read(HUBBARD.replace("n_down: 2", "n_down: 3")).ansatz().fermion().get();
        assertEquals(new FermionAnsatzSpec.RbmSlater(FermionAnsatzSpec.Orbitals.UHF,
                FermionAnsatzSpec.Determinant.PAIR_PRODUCT, 4, FermionAnsatzSpec.Symmetry.TRANSLATIONS), balanced);
        FermionAnsatzSpec open = read(HUBBARD.replace("length: 6", "length: 6, boundary: open")).ansatz().fermion().get();
        assertEquals(FermionAnsatzSpec.Symmetry.NONE, ((FermionAnsatzSpec.RbmSlater) open).symmetry());
        assertEquals(1, ((FermionAnsatzSpec.RbmSlater) open).alpha());
        assertEquals(FermionAnsatzSpec.Determinant.SLATER,
                read(HUBBARD.replace("n_down: 2", "n_down: 3") + "ansatz: {type: slater}\n").ansatz().fermion().get()
                        .determinant());
        assertEquals("hop", c.sampler().move());
        Map<?, ?> ansatz = (Map<?, ?>) c.resolved().get("ansatz");
        assertEquals("rbm_slater", ansatz.get("type"));
        assertEquals("uhf", ansatz.get("orbitals"));
    }

    @Test
    void vmcRefusesAnEmptySpecies() {
        String e = error(HUBBARD.replace("n_down: 2", "n_down: 0"));
        assertTrue(e.startsWith("f.yaml:3: key 'hilbert.n_down'") && e.contains("spinless_fermions"), e);
    }

    @Test
    void everyAnsatzTypeIsRead() {
        assertEquals(new FermionAnsatzSpec.Slater(FermionAnsatzSpec.Orbitals.TIGHT_BINDING,
                FermionAnsatzSpec.Determinant.SLATER),
                read(HUBBARD + "ansatz: {type: slater, orbitals: tight_binding}\n").ansatz().fermion().get());
        assertEquals(new FermionAnsatzSpec.SlaterJastrow(FermionAnsatzSpec.Orbitals.UHF,
                FermionAnsatzSpec.Determinant.SLATER, FermionAnsatzSpec.Jastrow.SPIN_RESOLVED),
                read(HUBBARD + "ansatz: {type: slater_jastrow, jastrow: spin_resolved}\n").ansatz().fermion().get());
        assertEquals(new FermionAnsatzSpec.Backflow(FermionAnsatzSpec.Orbitals.UHF, FermionAnsatzSpec.Determinant.SLATER, 2),
                read(HUBBARD + "ansatz: {type: backflow, alpha: 2}\n").ansatz().fermion().get());
        RunConfig spinless = read("""
                lattice: {type: chain, length: 6}
                hamiltonian: {model: spinless_fermions, V: 1}
                hilbert: {n_particles: 3}
                ansatz: {type: slater_jastrow}
                sampler: {move: hop-any}
                """);
        assertEquals(FermionAnsatzSpec.Orbitals.TIGHT_BINDING, spinless.ansatz().fermion().get().orbitals());
        assertEquals("hop-any", spinless.sampler().move());
    }

    @Test
    void spinOnlyKeysAreClearErrors() {
        String e = error(HUBBARD + "ansatz:\n  type: rbm_slater\n  projection: spin_flip\n");
        assertTrue(e.startsWith("f.yaml:6: key 'ansatz.projection'") && e.contains("type rbm_slater takes none"), e);
        assertTrue(error(HUBBARD + "ansatz: {complex: true}\n").contains("Fermion ansätze are real"));
        assertTrue(error(HUBBARD + "ansatz: {pretrain: symmetric}\n").contains("'ansatz.pretrain'"));
        assertTrue(error(HUBBARD + "ansatz: {type: rbm}\n").contains("allowed: slater, slater_jastrow, rbm_slater,"
                + " backflow"));
        e = error(HUBBARD + "sampler:\n  move: exchange\n");
        assertTrue(e.startsWith("f.yaml:5: key 'sampler.move'") && e.contains("use hop"), e);
        assertTrue(error(HUBBARD + "sampler: {move: flip}\n").contains("hop-any"));
        assertTrue(error(HUBBARD.replace("U: 4", "U: 4, marshall_sign: true")).contains("'hamiltonian.marshall_sign'"));
        assertTrue(error(HUBBARD + "observables: [{type: staggered_magnetization}]\n").contains("allowed: density"));
    }

    /** Backflow takes a sector of the space group with real characters; spin flips and complex momenta are errors. */
    @Test
    void backflowTakesARealSymmetrySector() {
        ProjectionSpec.LatticeSector sector = assertInstanceOf(ProjectionSpec.LatticeSector.class, read(HUBBARD
                + "ansatz: {type: backflow, projection: {group: translations, momentum: [3]}}\n").ansatz().projection());
        assertEquals(List.of(3), sector.momentum());
        assertInstanceOf(ProjectionSpec.LatticeSector.class,
                read(HUBBARD + "ansatz: {type: backflow, projection: point_group}\n").ansatz().projection());
        assertInstanceOf(ProjectionSpec.None.class, read(HUBBARD + "ansatz: {type: backflow}\n").ansatz().projection());
        String e = error(HUBBARD + "ansatz:\n  type: backflow\n  projection: {group: translations, momentum: [1]}\n");
        assertTrue(e.startsWith("f.yaml:6: key 'ansatz.projection'") && e.contains("complex characters")
                && e.contains("0 or π"), e);
        assertTrue(error(HUBBARD + "ansatz: {type: backflow, projection: spin_flip}\n").contains("spin-1/2"));
        assertTrue(error(HUBBARD + "ansatz: {type: backflow, projection: {group: automorphisms}}\n")
                .contains("space group"));
        assertTrue(error(HUBBARD + "ansatz: {type: slater, projection: point_group}\n").contains("type slater takes none"));
    }

    @Test
    void keysThatDoNotFitTheAnsatzOrModelAreErrors() {
        assertTrue(error(HUBBARD + "ansatz: {type: slater, alpha: 2}\n").contains("no hidden units"));
        assertTrue(error(HUBBARD + "ansatz: {type: rbm_slater, jastrow: density}\n").contains("has none"));
        String spinless = "lattice: {type: chain, length: 6}\nhamiltonian: {model: spinless_fermions}\n"
                + "hilbert: {n_particles: 3}\n";
        assertTrue(error(spinless + "ansatz: {orbitals: uhf}\n").contains("orbitals: tight_binding"));
        assertTrue(error(spinless + "observables: [{type: double_occupancy}]\n").contains("spinful"));
        assertTrue(error(HUBBARD + "ansatz: {type: backflow, symmetry: translations}\n").contains("takes none"));
        assertTrue(error(HUBBARD + "ansatz: {type: backflow, determinant: pair_product}\n").contains("n_up = n_down"));
        String e = error(HUBBARD + "ansatz: {determinant: pair_product}\n");
        assertTrue(e.startsWith("f.yaml:4: key 'ansatz.determinant'") && e.contains("n_up = n_down (here 3 and 2)"), e);
        assertTrue(error(spinless + "ansatz: {type: slater, determinant: pair_product}\n").contains("one species"));
        e = error(HUBBARD.replace("length: 6", "length: 6, boundary: open") + "ansatz: {symmetry: translations}\n");
        assertTrue(e.contains("'ansatz.symmetry'") && e.contains("periodic boundaries"), e);
    }

    /** The symmetric RBM Jastrow and the pair product are read, and written back resolved. */
    @Test
    void symmetricJastrowAndPairProductAreRead() {
        String balanced = HUBBARD.replace("n_down: 2", "n_down: 3");
        RunConfig c = read(balanced + "ansatz: {alpha: 4, symmetry: space_group, determinant: pair_product}\n");
        assertEquals(new FermionAnsatzSpec.RbmSlater(FermionAnsatzSpec.Orbitals.UHF,
                FermionAnsatzSpec.Determinant.PAIR_PRODUCT, 4, FermionAnsatzSpec.Symmetry.SPACE_GROUP),
                c.ansatz().fermion().get());
        Map<?, ?> ansatz = (Map<?, ?>) read(balanced).resolved().get("ansatz");
        assertEquals("translations", ansatz.get("symmetry"));
        assertEquals("pair_product", ansatz.get("determinant"));
    }

    /**
     * The pair product takes a shift relative to S_kk by default (diag_scale 1e-4), the other
     * fermion ansätze none; an explicit diag_scale wins, and with shift_mode relative it is refused.
     */
    @Test
    void thePairProductDefaultsToAShiftRelativeToItsDiagonal() {
        String balanced = HUBBARD.replace("n_down: 2", "n_down: 3");
        assertEquals(1e-4, read(balanced + "ansatz: {determinant: pair_product}\n").preconditioner().diagScale());
        assertEquals(1e-4, ((Map<?, ?>) read(balanced + "ansatz: {determinant: pair_product}\n").resolved()
                .get("preconditioner")).get("diag_scale"));
        assertEquals(1e-4, read(balanced).preconditioner().diagScale()); // the default ansatz has the pair product
        assertEquals(0.0, read(balanced + "ansatz: {determinant: slater}\n").preconditioner().diagScale());
        assertEquals(0.0, read(balanced + "ansatz: {type: backflow}\n").preconditioner().diagScale());
        RunConfig pairing = read(balanced + "ansatz: {type: backflow, determinant: pair_product}\n");
        assertEquals(new FermionAnsatzSpec.Backflow(FermionAnsatzSpec.Orbitals.UHF,
                FermionAnsatzSpec.Determinant.PAIR_PRODUCT, 1), pairing.ansatz().fermion().get());
        assertEquals(1e-4, pairing.preconditioner().diagScale());
        assertEquals(0.1, read(balanced + "ansatz: {determinant: pair_product}\npreconditioner: {diag_scale: 0.1}\n")
                .preconditioner().diagScale());
        String e = error(balanced + "preconditioner: {shift_mode: relative, diag_scale: 0.1}\n");
        assertTrue(e.contains("'preconditioner.diag_scale'") && e.contains("relative already"), e);
    }

    @Test
    void observablesAreFockOperatorsOfTheLattice() {
        RunConfig c = read(HUBBARD + """
                observables:
                  - {type: density, site: 2}
                  - {type: densities}
                  - {type: double_occupancy}
                  - {type: charge_correlations}
                  - {type: spin_correlations}
                  - {type: momentum_distribution}
                """);
        List<String> names = c.observables().stream().map(ObservableSpec::name).toList();
        assertEquals(1 + 6 + 1 + 3 * 6, names.size());
        assertEquals(List.of("n_2", "n_0"), names.subList(0, 2));
        assertTrue(names.containsAll(List.of("double_occupancy", "N(3)", "Czz(0)", "n_k(5)")), names.toString());
        for (ObservableSpec o : c.observables()) {
            assertEquals(12, assertInstanceOf(FockOperator.class, o.operator()).nModes());
        }
        assertEquals("momentum_distribution", c.observables().get(c.observables().size() - 1).group());
    }
}
