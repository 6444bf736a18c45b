package org.nqs4j.chemistry.integrals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nqs4j.chemistry.Molecule;
import org.nqs4j.chemistry.Molecules;
import org.nqs4j.chemistry.basis.BasisLibrary;
import org.nqs4j.chemistry.basis.BasisSet;

/**
 * H2 in STO-3G at R = 1.4 bohr against Szabo &amp; Ostlund, Modern Quantum Chemistry (Dover 1996),
 * section 3.5.2 (eq. 3.229-3.235), printed to 4 decimals: tolerance 1e-4.
 */
class H2IntegralsTest {
    private final Molecule h2 = Molecules.h2();
    private final BasisSet basis = BasisSet.build(h2, BasisLibrary.named("sto-3g"));

    @Test
    void oneElectronIntegralsMatchSzaboOstlund() {
        OneElectronIntegrals one = OneElectronIntegrals.compute(basis, h2);
        assertEquals(1.0, one.overlap().get(0, 0), 1e-12);
        assertEquals(0.6593, one.overlap().get(0, 1), 1e-4);
        assertEquals(0.7600, one.kinetic().get(0, 0), 1e-4);
        assertEquals(0.2365, one.kinetic().get(0, 1), 1e-4);
        // V = V^1 + V^2; S&O: V^1_11 = -1.2266, V^2_11 = -0.6538, V^1_12 = V^2_12 = -0.5974
        assertEquals(-1.2266 - 0.6538, one.nuclear().get(0, 0), 2e-4);
        assertEquals(-2 * 0.5974, one.nuclear().get(0, 1), 2e-4);
        // core Hamiltonian, S&O eq. 3.232: H11 = -1.1204, H12 = -0.9584
        assertEquals(-1.1204, one.core().get(0, 0), 1e-4);
        assertEquals(-0.9584, one.core().get(0, 1), 1e-4);
    }

    @Test
    void twoElectronIntegralsMatchSzaboOstlund() {
        PackedEri eri = TwoElectronIntegrals.compute(basis);
        assertEquals(0.7746, eri.get(0, 0, 0, 0), 1e-4);
        assertEquals(0.7746, eri.get(1, 1, 1, 1), 1e-4);
        assertEquals(0.5697, eri.get(0, 0, 1, 1), 1e-4);
        assertEquals(0.4441, eri.get(1, 0, 0, 0), 1e-4);
        assertEquals(0.4441, eri.get(1, 1, 0, 1), 1e-4);
        assertEquals(0.2970, eri.get(1, 0, 1, 0), 1e-4);
        assertEquals(6, eri.uniqueCount());
    }

    @Test
    void nuclearRepulsionIsOneOverR() {
        assertEquals(1 / 1.4, h2.nuclearRepulsion(), 1e-15);
    }
}
