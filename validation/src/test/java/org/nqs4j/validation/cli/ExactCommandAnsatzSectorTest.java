package org.nqs4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nqs4j.validation.cli.CommandCapture.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nqs exact} says whether the ansatz's symmetry sector is the ground state's. */
class ExactCommandAnsatzSectorTest {
    /** The L = 6 ring with a projection onto Γ A1 +1; marshall_sign set per test. */
    private static final String RING = """
            lattice: {type: chain, length: 6}
            hamiltonian: {model: heisenberg}
            ansatz: {projection: {group: space_group, irrep: A1, spin_flip: +1}}
            """;

    @TempDir
    Path dir;

    private String exact(String yaml, String... args) throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, yaml);
        List<String> all = new ArrayList<>(List.of(config.toString()));
        all.addAll(List.of(args));
        Object[] out = capture(() -> new ExactCommand().run(all));
        assertEquals(0, out[0], (String) out[2]);
        return (String) out[1];
    }

    private static String kagome(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(ExactCommandSectorTest.KAGOME.toString()));
        all.addAll(List.of(args));
        return (String) capture(() -> new ExactCommand().run(all))[1];
    }

    /**
     * The kagome 12 case of the suite: a translation-symmetric RBM (momentum 0) projected onto the
     * point-group irrep B1, even under the flip, is in Γ B1 +1, the ground state's sector; onto A1
     * it is not, and the line says which sector the ground state needs.
     */
    @Test
    void theKagomeClusterMatchesOnlyWithB1() throws Exception {
        String b1 = kagome();
        assertTrue(b1.contains("\n  ansatz       translation-symmetric and projected onto Γ B1, spin flip +1: matches the"
                + " ground state's sector\n"), b1);
        String a1 = kagome("--set", "ansatz.projection.irrep=A1");
        assertTrue(a1.contains("\n  ansatz       translation-symmetric and projected onto Γ A1, spin flip +1: NOT the"
                + " ground state's sector (Γ B1, spin flip +1): the ansatz can reach only the lowest state of its own"
                + " sector\n"), a1);
    }

    /**
     * The projection acts in the basis of the configured operator: on the L = 6 ring the ground
     * state is Γ A1 +1 Marshall-rotated but k = π A1 −1 as written, so the same projection matches
     * with marshall_sign: true only; a sector named in the basis as written under the rotation is
     * pointed out.
     */
    @Test
    void theProjectionIsComparedInTheBasisOfTheConfiguredOperator() throws Exception {
        String rotated = exact(RING.replace("heisenberg}", "heisenberg, marshall_sign: true}"), "--method", "ed");
        assertTrue(rotated.contains("  sector bare  k=[3] A1, spin flip -1"), rotated);
        assertTrue(rotated.contains("  ansatz       projected onto Γ A1, spin flip +1: matches the ground state's"
                + " sector\n"), rotated);
        String bare = exact(RING, "--method", "ed");
        assertTrue(bare.contains("  ansatz       projected onto Γ A1, spin flip +1: NOT the ground state's sector"
                + " (k=[3] A1, spin flip -1): the ansatz can reach only the lowest state of its own sector\n"), bare);
        String json = exact(RING, "--method", "ed", "--json");
        assertTrue(json.contains("\"ansatz_sector\":{\"ansatz\":\"projected onto Γ A1, spin flip +1\",\"verdict\":"
                + "\"mismatch\",\"ground_state\":\"k=[3] A1, spin flip -1\",\"basis\":\"as_written\"}"), json);
        String namedBare = exact(RING.replace("heisenberg}", "heisenberg, marshall_sign: true}")
                .replace("group: space_group,", "group: space_group, momentum: [9],").replace("+1}", "-1}"), "--method",
                "ed");
        assertTrue(namedBare.contains("  ansatz       projected onto k=[3] A1, spin flip -1: NOT the ground state's"
                + " sector (Γ A1, spin flip +1 in the Marshall-rotated basis): the ansatz can reach only the lowest state"
                + " of its own sector (it is the ground state's sector in the basis as written:"
                + " hamiltonian.marshall_sign: false keeps that basis)\n"), namedBare);
    }

    /**
     * Triangular 4×3: the ground state lies at k = [2, 0] (π along a₁), irrep B, spin flip +1; a
     * symmetric RBM projected there (features tied over the translations that keep k) matches it.
     */
    @Test
    void aSymmetricRbmProjectedOntoNonZeroMomentumMatches() throws Exception {
        String out = exact("""
                lattice: {type: triangular, extent: [4, 3], boundary: periodic}
                hamiltonian: {model: heisenberg}
                hilbert: {total_sz: 0}
                ansatz: {complex: true, symmetry: translations,
                         projection: {group: space_group, momentum: [2, 0], irrep: B, spin_flip: +1}}
                """);
        assertTrue(out.contains("\n  sector       k=[2, 0] B, spin flip +1 (weight 1.000000)"), out);
        assertTrue(out.contains("\n  ansatz       symmetric under the translations that keep its momentum and projected"
                + " onto k=[2, 0] B, spin flip +1: matches the ground state's sector\n"), out);
    }

    /**
     * A translation-symmetric RBM has momentum 0: with J2 = 0.2 the L = 6 ring's ground state as
     * written has momentum π (ED, not the Bethe ansatz), Γ once Marshall-rotated.
     */
    @Test
    void aTranslationSymmetricAnsatzHasMomentumZero() throws Exception {
        String yaml = """
                lattice: {type: chain, length: 6, next_nearest: true}
                hamiltonian: {model: j1j2, J1: 1.0, J2: 0.2}
                ansatz: {symmetry: translations}
                """;
        String bare = exact(yaml);
        assertTrue(bare.contains("  ansatz       translation-symmetric, momentum Γ: NOT the ground state's sector"
                + " (k=[3] A1, spin flip -1)"), bare);
        String rotated = exact(yaml.replace("J2: 0.2}", "J2: 0.2, marshall_sign: true}"));
        assertTrue(rotated.contains("  ansatz       translation-symmetric, momentum Γ: matches the ground state's"
                + " sector\n"), rotated);
    }

    /**
     * Nothing is claimed without one sector of a non-degenerate ψ₀: the odd ring's degenerate level,
     * the Bethe ansatz (no state), a parity compared while the automorphism sector cannot be; no
     * line without a confined ansatz.
     */
    @Test
    void nothingIsClaimedWithoutOneGroundStateSector() throws Exception {
        String odd = exact("lattice: {type: chain, length: 5}\nhamiltonian: {model: heisenberg}\nhilbert: {total_sz: 0.5}\n"
                + "ansatz: {projection: point_group}\n", "--method", "ed");
        assertTrue(odd.contains("  ansatz       projected onto point group A1: not compared: the ground state lies in no"
                + " single one-dimensional sector (see sector)\n"), odd);
        String bethe = exact(RING);
        assertTrue(bethe.contains("  ansatz       projected onto Γ A1, spin flip +1: not compared: the ground state's"
                + " sector was not computed (see sector)\n"), bethe);
        String graph = exact("lattice: {type: custom, sites: 4, edges: [[0, 1], [1, 2], [2, 3], [3, 0]]}\n"
                + "hamiltonian: {model: heisenberg}\nansatz: {projection: {group: automorphisms, spin_flip: +1}}\n");
        assertTrue(graph.contains("  ansatz       projected onto the trivial sector of the automorphisms, spin flip +1:"
                + " not compared: the ground state's sectors do not include the automorphism group's\n"), graph);
        String odd1 = exact("lattice: {type: custom, sites: 4, edges: [[0, 1], [1, 2], [2, 3], [3, 0]]}\n"
                + "hamiltonian: {model: heisenberg}\nansatz: {projection: {group: automorphisms, spin_flip: -1}}\n");
        assertTrue(odd1.contains("spin flip -1: NOT the ground state's sector (spin flip +1)"), odd1);
        assertFalse(exact("lattice: {type: chain, length: 6}\nhamiltonian: {model: heisenberg}\n", "--method", "ed")
                .contains("  ansatz "));
    }
}
