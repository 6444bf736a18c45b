package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.fock.FockModels;
import org.nqs4j.hamiltonians.hilbert.BosonHilbert;

class BoseHubbardEdTest {

    @Test
    void freeBosonsCondenseInTheLowestLevel() {
        // U = 0 without truncation (n_max = N): E = N·ε_min = −2J N on a ring
        Lattice ring = Lattice.chain(5, Boundary.PERIODIC, false);
        double e = FockEd.groundEnergy(FockModels.boseHubbard(ring, 0.8, 0, 0, 4), BosonHilbert.fixedNumber(5, 4, 4));
        assertEquals(-2 * 0.8 * 4, e, 1e-10);
    }

    @Test
    void hardCoreBosonsAreFreeFermionsOnAnOpenChain() {
        // n_max = 1 on an open chain: Jordan–Wigner maps hard-core bosons to free fermions without strings
        Lattice chain = Lattice.chain(8, Boundary.OPEN, false);
        double e = FockEd.groundEnergy(FockModels.boseHubbard(chain, 1, 5, 0, 1), BosonHilbert.fixedNumber(8, 1, 3));
        assertEquals(FreeFermions.groundState(chain, 1, 0, 0, 3).groundEnergy(), e, 1e-10);
    }

    @Test
    void deepMottLimitFollowsSecondOrderPerturbationTheory() {
        // unit filling, J ≪ U, second order: each bond contributes −4J²/U (two directions, |⟨0 2|b†b|1 1⟩|² = 2)
        int l = 6;
        double j = 0.01;
        double u = 1;
        Lattice ring = Lattice.chain(l, Boundary.PERIODIC, false);
        double e = FockEd.groundEnergy(FockModels.boseHubbard(ring, j, u, 0, 3), BosonHilbert.fixedNumber(l, 3, l));
        assertEquals(-4 * j * j / u * l, e, 1e-6 * l);
    }
}
