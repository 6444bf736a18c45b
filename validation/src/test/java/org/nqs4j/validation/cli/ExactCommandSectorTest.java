package org.nqs4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nqs4j.validation.cli.CommandCapture.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nqs exact} names the ground state's symmetry sector of a spin-½ lattice model. */
class ExactCommandSectorTest {
    static final Path KAGOME = Path.of("suite-full", "heisenberg-kagome-12.yaml");

    @TempDir
    Path dir;

    /** The kagome 12 cluster of the suite: Γ B1, even under the flip, the sector its projection names. */
    @Test
    void printsTheSectorOfTheKagomeCluster() throws Exception {
        Object[] text = capture(() -> new ExactCommand().run(List.of(KAGOME.toString())));
        assertEquals(0, text[0]);
        assertTrue(((String) text[1]).contains("\n  sector       Γ B1, spin flip +1 (weight 1.000000)\n"), (String) text[1]);
        assertTrue(Files.readString(KAGOME).contains("projection: {group: point_group, irrep: B1, spin_flip: +1}"));

        Object[] json = capture(() -> new ExactCommand().run(List.of(KAGOME.toString(), "--json")));
        assertTrue(((String) json[1]).contains("\"sector\":{\"single\":true,\"label\":\"Γ B1, spin flip +1\","
                + "\"momentum\":[0,0],\"irrep\":\"B1\",\"dimension\":1,\"spin_flip\":1,\"weight\":"), (String) json[1]);
    }

    /**
     * A Marshall-rotated ring (L = 6) reports both bases: Γ A1 +1 rotated (a positive state), and
     * as written momentum π and parity −1 (L/2 = 3 odd); an analytic method gives no state.
     */
    @Test
    void marshallRotatedConfigsReportBothBases() throws Exception {
        Path config = dir.resolve("ring.yaml");
        Files.writeString(config, "lattice: {type: chain, length: 6}\nhamiltonian: {model: heisenberg}\n");
        String ed = (String) capture(() -> new ExactCommand().run(List.of(config.toString(), "--method", "ed")))[1];
        assertTrue(ed.contains("  sector       Γ A1, spin flip +1 (weight 1.000000) in the Marshall-rotated basis")
                && ed.contains("  sector bare  k=[3] A1, spin flip -1 (weight 1.000000) in the basis as written"), ed);
        String bethe = (String) capture(() -> new ExactCommand().run(List.of(config.toString())))[1];
        assertTrue(bethe.contains("  sector       not computed: bethe-ansatz gives the energy, not the state"), bethe);
    }
}
