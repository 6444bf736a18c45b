package org.nqs4j.chemistry.scf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nqs4j.chemistry.Atom;
import org.nqs4j.chemistry.Element;
import org.nqs4j.chemistry.Molecule;

class StabilityTest {
    private static Molecule h2(double r) {
        return new Molecule(List.of(new Atom(Element.H, 0, 0, 0), new Atom(Element.H, 0, 0, r)), 0, 1);
    }

    /**
     * Stretched H2 (R = 10 bohr): RHF is unstable towards UHF (a triplet instability, Coulson and
     * Fischer 1949), and UHF started from the core guess sits on the RHF saddle until the
     * stability following breaks the spin symmetry. Two separate STO-3G H atoms have
     * E = 2 x (-0.466581849) Ha (the STO-3G hydrogen energy, e.g. NIST CCCBDB HF/STO-3G for H),
     * and the broken-symmetry determinant is half singlet, half triplet: S^2 -&gt; 1.
     */
    @Test
    void stretchedH2BreaksSpinSymmetry() {
        HartreeFock hf = WaterScfTest.hf(h2(10), "sto-3g");
        ScfResult rhf = hf.restricted(2, HartreeFock.Options.DEFAULT);
        Stability s = Stability.of(rhf, hf.unpackedEri());
        assertTrue(s.triplet() < -Stability.THRESHOLD, s.verdict());
        assertTrue(s.singlet() > 0);
        assertTrue(s.verdict().startsWith("UNSTABLE towards UHF"));
        ScfResult uhf = hf.unrestricted(1, 1, HartreeFock.Options.DEFAULT);
        assertTrue(uhf.stabilityRotations() >= 1);
        assertEquals(2 * -0.466581849, uhf.energy(), 1e-6);
        assertEquals(1.0, uhf.spinSquared(), 1e-3);
        assertTrue(Stability.of(uhf, hf.unpackedEri()).stable());
    }

    /**
     * N2 in STO-3G at 1.0977 angstrom: the core guess converges to a saddle point with a broken
     * pi pair (E = -106.766, singlet Hessian eigenvalue -0.35); following the instability reaches
     * the stable closed-shell ground state, lower by 0.73 Ha.
     */
    @Test
    void n2SaddlePointIsLeft() {
        Molecule n2 = new Molecule(List.of(new Atom(Element.N, 0, 0, 0), new Atom(Element.N, 0, 0, 1.0977 / Molecule.BOHR_IN_ANGSTROM)), 0, 1);
        HartreeFock hf = WaterScfTest.hf(n2, "sto-3g");
        ScfResult r = hf.restricted(14, HartreeFock.Options.DEFAULT);
        assertTrue(r.stabilityRotations() >= 1);
        assertTrue(r.energy() < -107.4);
        Stability s = Stability.of(r, hf.unpackedEri());
        assertTrue(s.stable(), s.verdict());
        assertFalse(s.internallyUnstable());
        // the pi pair is degenerate again
        assertEquals(r.energiesAlpha()[4], r.energiesAlpha()[5], 1e-6);
    }
}
