package org.nqs4j.hamiltonians.fock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;

class OccupationOperatorsTest {
    /** The single (diagonal) element of a diagonal operator at occupations x. */
    private static double diagonal(FockOperator op, int[] x) {
        FockConnections c = op.newConnections();
        op.connections(x, c);
        double sum = 0;
        for (int k = 0; k < c.size(); k++) {
            assertEquals(0, c.changeCount(k), "a density operator has no off-diagonal element");
            sum += c.value(k);
        }
        return sum;
    }

    @Test
    void densitiesAndCorrelationsAreTheOccupationProducts() {
        int[] x = {3, 0, 1, 2};
        assertEquals(1, diagonal(OccupationOperators.density(4, 3, 2), x), 0);
        assertEquals(6, diagonal(OccupationOperators.densityCorrelation(4, 3, 0, 3), x), 0);
        assertEquals(9, diagonal(OccupationOperators.densityCorrelation(4, 3, 0, 0), x), 0);
    }

    @Test
    void translationAverageRunsOverEveryPairAtDistanceR() {
        int[] x = {3, 0, 1, 2};
        Lattice ring = Lattice.chain(4, Boundary.PERIODIC, false);
        // r = 1: (3·0 + 0·1 + 1·2 + 2·3)/4
        assertEquals(8.0 / 4, diagonal(OccupationOperators.densityCorrelation(ring, 3, 1, 0), x), 1e-15);
        // r = 0: mean n_i² = (9 + 0 + 1 + 4)/4
        assertEquals(14.0 / 4, diagonal(OccupationOperators.densityCorrelation(ring, 3, 0, 0), x), 1e-15);
        // open chain, r = 1: the three pairs (0,1), (1,2), (2,3): (0 + 0 + 2)/3
        Lattice open = Lattice.chain(4, Boundary.OPEN, false);
        assertEquals(2.0 / 3, diagonal(OccupationOperators.densityCorrelation(open, 3, 1, 0), x), 1e-15);
    }
}
