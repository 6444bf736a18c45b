package org.nqs4j.chemistry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class XyzReaderTest {
    @Test
    void readsAngstromAndConvertsToBohr() {
        Molecule m = XyzReader.parse("h2.xyz", List.of("2", "hydrogen", "H 0 0 0", "h 0.0 0.0 0.52917721092", ""), 0, 1);
        assertEquals(2, m.atoms().size());
        assertEquals(1.0, m.atoms().get(1).z(), 1e-15);
        assertEquals(1.0, m.nuclearRepulsion(), 1e-15);
        assertEquals(1, m.alphaElectrons());
        assertEquals(1, m.betaElectrons());
    }

    @Test
    void chargeAndMultiplicitySplitTheElectrons() {
        List<String> oh = List.of("2", "", "O 0 0 0", "H 0 0 0.97");
        Molecule radical = XyzReader.parse("oh.xyz", oh, 0, 2);
        assertEquals(9, radical.electrons());
        assertEquals(5, radical.alphaElectrons());
        assertEquals(4, radical.betaElectrons());
        Molecule anion = XyzReader.parse("oh.xyz", oh, -1, 1);
        assertEquals(5, anion.betaElectrons());
        assertTrue(error(oh, 0, 1).contains("multiplicity 1 is impossible with 9 electrons"));
        assertTrue(error(oh, 9, 1).contains("charge 9 leaves 0 electrons"));
    }

    private static String error(List<String> lines, int charge, int multiplicity) {
        return assertThrows(ChemistryInputException.class, () -> XyzReader.parse("x.xyz", lines, charge, multiplicity)).getMessage();
    }

    @Test
    void refusesBadFilesWithFileAndLine() {
        assertTrue(error(List.of("two", ""), 0, 1).startsWith("x.xyz:1: expected the number of atoms"));
        assertTrue(error(List.of("2", "", "H 0 0 0"), 0, 1).startsWith("x.xyz:3: the file ends after 1 atom lines"));
        assertTrue(error(List.of("1", "", "Na 0 0 0"), 0, 1).startsWith("x.xyz:3: unknown or unsupported element 'Na'"));
        assertTrue(error(List.of("1", "", "H 0 zero 0"), 0, 2).startsWith("x.xyz:3: coordinate y is not a number"));
        assertTrue(error(List.of("1", "", "H 0 0"), 0, 2).startsWith("x.xyz:3: expected 'Symbol x y z'"));
        assertTrue(error(List.of("1", "", "H 0 0 0", "H 1 1 1"), 0, 2).startsWith("x.xyz:4: unexpected text"));
        assertTrue(error(List.of("2", "", "H 0 0 0", "H 0 0 0"), 0, 1).contains("on top of each other"));
    }
}
