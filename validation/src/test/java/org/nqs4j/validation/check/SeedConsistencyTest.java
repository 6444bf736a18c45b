package org.nqs4j.validation.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeedConsistencyTest {
    /** Two runs 1 ± 1 and 2 ± 1: Ē = 1.5, X² = 0.5 for 1 dof, P = erfc(1/2) = 0.4795. */
    @Test
    void chiSquareOfTwoRunsByHand() {
        SeedConsistency c = new SeedConsistency(new double[] {1, 2}, new double[] {1, 1});
        assertEquals(1.5, c.weightedMean(), 1e-15);
        assertEquals(0.5, c.chiSquare(), 1e-15);
        assertEquals(1, c.degreesOfFreedom());
        assertEquals(0.4795001221869535, c.pValue(), 1e-12);
        assertTrue(c.consistent());
        assertEquals(Math.sqrt(0.5), c.spread(), 1e-15);
        assertEquals(1, c.lowest());
    }

    /** Inverse-variance weights: 0 ± 1 and 3 ± 2 give Ē = (0 + 3/4)/(1 + 1/4) = 0.6, X² = 0.36 + 1.44 = 1.8. */
    @Test
    void weightsFollowTheErrorBars() {
        SeedConsistency c = new SeedConsistency(new double[] {0, 3}, new double[] {1, 2});
        assertEquals(0.6, c.weightedMean(), 1e-15);
        assertEquals(1.8, c.chiSquare(), 1e-14);
    }

    /** Seeds stuck in states 10 error bars apart are inconsistent. */
    @Test
    void seedsInDifferentStatesAreInconsistent() {
        SeedConsistency c = new SeedConsistency(new double[] {-44.30, -44.00, -44.31}, new double[] {0.01, 0.01, 0.01});
        assertFalse(c.consistent(), "p = " + c.pValue());
        assertEquals(-44.31, c.lowest());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SeedConsistency(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new SeedConsistency(new double[] {1, 2}, new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> new SeedConsistency(new double[] {1, Double.NaN}, new double[] {1, 1}));
    }
}
