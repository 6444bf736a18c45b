package org.nqs4j.chemistry;

import java.util.List;

/** Geometries (bohr) of the published reference calculations the tests compare with. */
public final class Molecules {
    private Molecules() {
    }

    /** H2 at R = 1.4 bohr on the z axis (Szabo &amp; Ostlund, Modern Quantum Chemistry, section 3.5.2). */
    public static Molecule h2() {
        return new Molecule(List.of(new Atom(Element.H, 0, 0, 0), new Atom(Element.H, 0, 0, 1.4)), 0, 1);
    }

    /**
     * Water of T.D. Crawford's programming projects #3 (SCF) and #4 (MP2), file
     * Project#03/input/h2o/STO-3G/geom.dat (bohr): https://github.com/CrawfordGroup/ProgrammingProjects;
     * it reproduces their E_nuc = 8.002367061810450 to 1e-12 (WaterScfTest).
     */
    public static Molecule waterCrawford() {
        return new Molecule(List.of(new Atom(Element.O, 0.000000000000, -0.143225816552, 0.000000000000),
                new Atom(Element.H, 1.638036840407, 1.136548822547, -0.000000000000),
                new Atom(Element.H, -1.638036840407, 1.136548822547, -0.000000000000)), 0, 1);
    }

    /** Water of Psi4's test tests/fci-h2o (bohr, 6-31G FCI). */
    public static Molecule waterPsi4Fci() {
        return new Molecule(List.of(new Atom(Element.O, 0, 0, -0.0742719254),
                new Atom(Element.H, 0, -1.4949589982, -1.0728640373),
                new Atom(Element.H, 0, 1.4949589982, -1.0728640373)), 0, 1);
    }
}
