package org.nqs4j.chemistry.fci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nqs4j.chemistry.Atom;
import org.nqs4j.chemistry.Element;
import org.nqs4j.chemistry.Molecule;
import org.nqs4j.chemistry.Molecules;
import org.nqs4j.chemistry.fcidump.Fcidump;

class FciTest {
    static Fcidump rhfIntegrals(Molecule m, String basisName) {
        return FciTestSupport.rhfIntegrals(m, basisName);
    }

    static double fci(Fcidump f) {
        Davidson.Result r = Davidson.lowest(new FciHamiltonian(f), Davidson.Options.DEFAULT);
        assertTrue(r.converged());
        return r.energy();
    }

    /** Szabo &amp; Ostlund section 4.3 (eq. 4.20 and below): E_FCI(H2, STO-3G, R = 1.4 bohr) = -1.1373 (4 decimals). */
    @Test
    void h2MatchesSzaboOstlund() {
        Fcidump f = rhfIntegrals(Molecules.h2(), "sto-3g");
        assertEquals(-1.1373, fci(f), 1e-4);
    }

    /**
     * H2/STO-3G at 0.7414 angstrom, the geometry of OpenFermion's and many VQE examples: PySCF's
     * FCI energy -1.137270174660904 (quoted e.g. by OpenFermion-ProjectQ's UCCSD test as
     * -1.13727017463). Versions of the bohr constant move it by 2e-10: tolerance 1e-9.
     */
    @Test
    void h2AtEquilibriumMatchesPyscf() {
        Molecule h2 = new Molecule(List.of(new Atom(Element.H, 0, 0, 0), new Atom(Element.H, 0, 0, 0.7414 / Molecule.BOHR_IN_ANGSTROM)), 0, 1);
        assertEquals(-1.137270174660904, fci(rhfIntegrals(h2, "sto-3g")), 1e-9);
    }

    /**
     * Water STO-3G at the Crawford geometry: Psi4's FCI, -75.0129801827, quoted as the reference
     * in jjgoings/McMurchie-Davidson tests/test017.py (geometry given there in angstrom as
     * O 0 -0.075791844 0, H +-0.866811829 0.601435779 0, the Crawford bohr geometry converted).
     * The same test quotes Psi4's SCF -74.9420798986, 3e-8 from Crawford's value: the angstrom
     * rounding and the basis digits move E by a few 1e-8, hence 1e-7 here.
     */
    @Test
    void waterSto3gMatchesPsi4() {
        Fcidump f = rhfIntegrals(Molecules.waterCrawford(), "sto-3g");
        assertEquals(-75.0129801827, fci(f), 1e-7);
    }

    private static Molecule li2(int charge, int multiplicity) {
        return new Molecule(List.of(new Atom(Element.Li, 0, 0, 0), new Atom(Element.Li, 0, 0, 3.0)), charge, multiplicity);
    }

    /**
     * Li2 and Li2+ in STO-3G at R = 3.0 bohr, all electrons, from the Forte test suite
     * (evangelistalab/forte, tests "Li2 minimal basis FCI" and "Li2+ minimal basis ROHF/FCI",
     * compared there to 11 decimals): E_FCI(Li2) = -14.595808852754 (3+3 electrons, 14 400
     * determinants), E_FCI(Li2+) = -14.387401674585 (3+2 electrons, open shell, here in UHF alpha
     * orbitals: FCI does not depend on the orbitals). The closed shell's RHF is checked too
     * (-14.548739101084). Forte's Psi4 used the 8-digit EMSL STO-3G (16.1195750, 0.15432897, ...):
     * with those numbers swapped into our basis file this code gives -14.595808852754 and
     * -14.387401674585, all 12 printed digits; with our 10-digit Basis Set Exchange data E moves
     * by up to 4.5e-8 (measured). Tolerance 1e-7 for that reason.
     */
    @Test
    void lithiumDimerAndCationMatchForte() {
        assertEquals(-14.548739101084, FciTestSupport.hartreeFock(li2(0, 1), "sto-3g")
                .restricted(6, org.nqs4j.chemistry.scf.HartreeFock.Options.DEFAULT).energy(), 1e-7);
        assertEquals(-14.595808852754, fci(rhfIntegrals(li2(0, 1), "sto-3g")), 1e-7);
        Fcidump cation = rhfIntegrals(li2(1, 2), "sto-3g");
        assertEquals(5400, new FciHamiltonian(cation).dimension());
        assertEquals(-14.387401674585, fci(cation), 1e-7);
    }

    /** sigma = H c is summed in the same order whatever the number of threads: bitwise equal. */
    @Test
    void sigmaIsIndependentOfThreadCount() throws Exception {
        FciHamiltonian h = new FciHamiltonian(rhfIntegrals(Molecules.waterCrawford(), "sto-3g"));
        double[] c = new double[h.dimension()];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        for (int i = 0; i < c.length; i++) {
            c[i] = rng.nextDouble() - 0.5;
        }
        double[] one = new double[c.length];
        double[] three = new double[c.length];
        java.util.concurrent.ForkJoinPool p1 = new java.util.concurrent.ForkJoinPool(1);
        java.util.concurrent.ForkJoinPool p3 = new java.util.concurrent.ForkJoinPool(3);
        try {
            p1.submit(() -> h.apply(c, one, h.workspace())).get();
            p3.submit(() -> h.apply(c, three, h.workspace())).get();
        } finally {
            p1.shutdown();
            p3.shutdown();
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(one, three, 0.0);
    }

    /** Independent dense Slater-Condon FCI on small spaces, closed and open shell. */
    @Test
    void matchesDenseSlaterCondon() {
        Molecule lih = new Molecule(List.of(new Atom(Element.Li, 0, 0, 0), new Atom(Element.H, 0, 0, 3.015)), 0, 1);
        Fcidump f = rhfIntegrals(lih, "sto-3g");
        assertEquals(225, new FciHamiltonian(f).dimension());
        assertEquals(SlaterCondon.groundEnergy(f), fci(f), 1e-9);
        Molecule triplet = new Molecule(List.of(new Atom(Element.Be, 0, 0, 0), new Atom(Element.H, 0, 0, 2.5)), 0, 2);
        Fcidump t = rhfIntegrals(triplet, "sto-3g");
        assertEquals(SlaterCondon.dimension(t), new FciHamiltonian(t).dimension());
        assertEquals(SlaterCondon.groundEnergy(t), fci(t), 1e-9);
    }
}
