package org.nqs4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.nqs4j.chemistry.fci.Davidson;
import org.nqs4j.chemistry.fci.FciHamiltonian;
import org.nqs4j.chemistry.fcidump.FcidumpReader;
import org.nqs4j.validation.ExactGroundState;
import org.nqs4j.validation.ExactGroundState.Solution;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.RunConfigReader;

/** {@code nqs exact} on a molecule config: method fci, E_HF, E_MP2 and the determinant count; ED agrees. */
class ExactCommandMoleculeTest {
    static final Path CONFIG = Path.of("suite-chem", "h2o-fcidump.yaml");

    @Test
    void printsTheFullCiWithTheHartreeFockAndMp2References() throws Exception {
        RunConfig c = RunConfigReader.readForExact(CONFIG, List.of());
        Solution s = ExactGroundState.solve(c, 60);
        assertEquals("fci", s.reference().method());
        double fci = Davidson.lowest(new FciHamiltonian(FcidumpReader.read(Path.of("suite-chem", "h2o-sto3g.fcidump"))),
                Davidson.Options.DEFAULT).energy();
        assertEquals(fci, s.reference().energy(), 1e-12);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExactCommand.report(new PrintStream(bytes, true, StandardCharsets.UTF_8), c, s, Optional.empty(),
                Optional.empty());
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("method       fci") && text.contains("determinants 441") && text.contains("E_HF ")
                && text.contains("E_MP2 ") && text.contains("E_FCI - E_HF"), text);

        Map<String, Object> json = ExactCommand.record(c, s, Optional.empty(), Optional.empty());
        assertEquals(441L, json.get("determinants"));
        assertEquals(c.hamiltonian().coupling("e_hf"), json.get("e_hf"));
        assertTrue(json.containsKey("e_mp2"));
        assertTrue(!json.containsKey("energy_per_site"), "a molecule has orbitals, not sites: " + json);

        Solution ed = ExactGroundState.solveByDiagonalisation(c);
        assertEquals("ed-full", ed.reference().method());
        assertEquals(fci, ed.reference().energy(), 1e-10);
    }
}
