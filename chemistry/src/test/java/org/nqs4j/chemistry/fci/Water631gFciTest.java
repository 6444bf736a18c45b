package org.nqs4j.chemistry.fci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nqs4j.chemistry.Molecules;
import org.nqs4j.chemistry.fcidump.Fcidump;

/**
 * Water 6-31G, 13 orbitals, 5 alpha + 5 beta electrons, 1 656 369 determinants, all electrons
 * correlated: Psi4 tests/fci-h2o, refci = -76.1210978474779 (compared there to 7 decimals),
 * refscf = -75.985323665263 at the bohr geometry of {@link Molecules#waterPsi4Fci()}.
 * Our Davidson stops at |r| &lt; 1e-6 (energy error ~1e-12); tolerance 1e-7 as in Psi4's test.
 */
class Water631gFciTest {
    @Test
    void matchesPsi4DetciWithinItsTestTolerance() {
        Fcidump f = FciTestSupport.rhfIntegrals(Molecules.waterPsi4Fci(), "6-31g");
        FciHamiltonian h = new FciHamiltonian(f);
        assertEquals(1_656_369, h.dimension());
        Davidson.Result r = Davidson.lowest(h, Davidson.Options.DEFAULT);
        System.out.printf("H2O/6-31G FCI: %.10f in %d iterations, %.1f s%n", r.energy(), r.iterations(), r.seconds());
        assertTrue(r.converged());
        assertEquals(-76.1210978474779, r.energy(), 1e-7);
    }
}
