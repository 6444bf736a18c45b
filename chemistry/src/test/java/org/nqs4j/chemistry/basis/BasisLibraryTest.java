package org.nqs4j.chemistry.basis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nqs4j.chemistry.Atom;
import org.nqs4j.chemistry.ChemistryInputException;
import org.nqs4j.chemistry.Element;
import org.nqs4j.chemistry.Molecule;
import org.nqs4j.chemistry.integrals.OneElectronIntegrals;

class BasisLibraryTest {
    /**
     * The published contraction coefficients belong to normalised contractions, so taken
     * literally they give a norm of 1 up to the rounding of the printed digits (worst case here
     * ~1e-4 for the 7-digit 6-31G sets): a mistyped digit in a basis file shows up as a larger
     * deviation. One exception is in the data itself: the He 6-31G contraction (0.0237660,
     * 0.1546790, 0.4696300; unpublished, from the Gaussian program) has norm 0.3506 as
     * distributed; programs, and {@link Shell}, renormalise it.
     */
    @Test
    void publishedContractionsAreNormalised() {
        for (String name : BasisLibrary.NAMES) {
            BasisLibrary lib = BasisLibrary.named(name);
            for (Element e : Element.values()) {
                Molecule atom = new Molecule(List.of(new Atom(e, 0, 0, 0)), 0, e.atomicNumber() % 2 + 1);
                for (Shell s : BasisSet.build(atom, lib).shells()) {
                    boolean heliumCore = name.equals("6-31g") && e == Element.He && s.primitives() == 3;
                    assertEquals(heliumCore ? 0.35056 : 1.0, s.publishedNorm(), 2e-4, name + " " + e + " l=" + s.angularMomentum());
                }
            }
        }
    }

    @Test
    void shellCountsMatchTheBasisDefinitions() {
        Molecule water = new Molecule(List.of(new Atom(Element.O, 0, 0, 0), new Atom(Element.H, 1.5, 0, 1),
                new Atom(Element.H, -1.5, 0, 1)), 0, 1);
        // STO-3G: O 1s 2s 2p (5), H 1s; 6-31G: O 1s, 2sp, 3sp (9), H 2 s
        assertEquals(7, BasisSet.build(water, BasisLibrary.named("sto-3g")).size());
        assertEquals(13, BasisSet.build(water, BasisLibrary.named("STO-3G")).size() + 6);
        assertEquals(13, BasisSet.build(water, BasisLibrary.named("6-31g")).size());
        OneElectronIntegrals one = OneElectronIntegrals.compute(BasisSet.build(water, BasisLibrary.named("6-31g")), water);
        for (int i = 0; i < 13; i++) {
            assertEquals(1.0, one.overlap().get(i, i), 1e-13);
        }
        assertThrows(ChemistryInputException.class, () -> BasisLibrary.named("cc-pvdz"));
    }
}
