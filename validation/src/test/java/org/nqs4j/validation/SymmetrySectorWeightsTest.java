package org.nqs4j.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.PauliSumOperator;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.SpinModels;
import org.nqs4j.hamiltonians.Units;
import org.nqs4j.validation.SymmetrySectorWeights.Sector;

class SymmetrySectorWeightsTest {

    private static double[] random(int dimension, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] psi = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            psi[i] = rnd.nextDouble() - 0.5;
        }
        return psi;
    }

    /**
     * The character projectors of all sectors (every momentum, every irrep of its little group,
     * both parities) resolve the identity, Σ_s P_s = 1: the weights of any state sum to 1, each in
     * [0, 1], with and without a sign mask, on a periodic, an open and a flip-less case.
     */
    @Test
    void weightsOfAnyStateSumToOne() {
        Object[][] cases = {
            {Lattice.kagome(2, 2, Boundary.PERIODIC, 1), SpinHilbert.fixedMagnetization(12, 0), true},
            {Lattice.rectangular(3, 2, Boundary.OPEN, true), SpinHilbert.unconstrained(6), true},
            {Lattice.triangular(3, 3, Boundary.PERIODIC, 1), SpinHilbert.fixedMagnetization(9, 1), false},
        };
        for (Object[] c : cases) {
            Lattice lattice = (Lattice) c[0];
            SpinBasis basis = SpinBasis.of((SpinHilbert) c[1]);
            for (List<Sector> frame : SymmetrySectorWeights.of(lattice, true, (boolean) c[2], basis,
                    random(basis.dimension(), 3), 0, 0b101101)) {
                double sum = 0;
                for (Sector s : frame) {
                    assertTrue(s.weight() > -1e-12 && s.weight() < 1 + 1e-12, lattice + ": " + s);
                    sum += s.weight();
                }
                assertEquals(1, sum, 1e-12, lattice.toString());
            }
        }
    }

    /**
     * The sign mask of the Marshall sublattice turns the sectors of the rotated ground state into
     * those of the ground state of H as written, found by a separate ED of the unrotated operator.
     * Heisenberg ring L = 10: the rotated state is positive (Γ A1, parity +1); the one as written
     * has momentum π, since the unit translation swaps the sublattices, χ(T) = (−1)^{N↓} = −1, and
     * parity (−1)^{N/2} = −1 of a singlet.
     */
    @Test
    void marshallMaskGivesTheSectorsOfTheUnrotatedState() {
        Lattice ring = Lattice.chain(10, Boundary.PERIODIC, false);
        SpinHilbert sz0 = SpinHilbert.fixedMagnetization(10, 0);
        PauliSumOperator bare = SpinModels.heisenberg(ring, 1.0, Units.SPIN_HALF);
        var rotated = ExactDiagonalization.lowest(SpinModels.marshallRotated(bare, ring), sz0, 1, Lanczos.Settings.defaults());
        var written = ExactDiagonalization.lowest(bare, sz0, 1, Lanczos.Settings.defaults());
        long mask = 0;
        int[] b = ring.sublattice().orElseThrow();
        for (int j = 0; j < b.length; j++) {
            mask |= (long) b[j] << j;
        }
        List<List<Sector>> frames = SymmetrySectorWeights.of(ring, true, true, rotated.basis(), rotated.groundState(),
                0, mask);
        List<Sector> direct = SymmetrySectorWeights.of(ring, true, true, written.basis(), written.groundState(), 0)
                .get(0);
        assertEquals("Γ A1, spin flip +1", GroundStateSector.label(holding(frames.get(0))));
        assertEquals("k=[5] A1, spin flip -1", GroundStateSector.label(holding(frames.get(1))));
        for (int s = 0; s < direct.size(); s++) {
            assertEquals(direct.get(s).weight(), frames.get(1).get(s).weight(), 1e-9, GroundStateSector.label(direct.get(s)));
        }
    }

    private static Sector holding(List<Sector> sectors) {
        List<Sector> held = sectors.stream().filter(s -> s.weight() > 1e-6).toList();
        assertEquals(1, held.size(), held.toString());
        assertEquals(1, held.get(0).weight(), 1e-9);
        return held.get(0);
    }
}
