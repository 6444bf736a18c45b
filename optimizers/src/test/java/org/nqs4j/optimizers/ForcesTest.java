package org.nqs4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ForcesTest {
    /** Hand values are sums of three terms of order 10: a few ulps. */
    private static final double TOL = 1e-14;

    @Test
    void realForceUsesRealPartOfCentredEnergies() {
        double[] f = new double[2];
        Forces.compute(HandExamples.realO(), HandExamples.realEnergies(), f);
        assertArrayEquals(HandExamples.REAL_FORCE, f, TOL);
    }

    @Test
    void complexForceConjugatesTheLogDerivatives() {
        double[] f = {9, 9, 9, 9};
        Forces.compute(HandExamples.complexO(), HandExamples.complexEnergies(), f);
        assertArrayEquals(HandExamples.COMPLEX_FORCE, f, TOL);
    }

    @Test
    void constantEnergyGivesZeroForce() {
        double[] f = new double[4];
        Forces.compute(HandExamples.complexO(), new double[] {-2, 0.5, -2, 0.5, -2, 0.5}, f);
        assertArrayEquals(new double[4], f, 0.0);
    }

    @Test
    void rejectsShortArrays() {
        assertThrows(IllegalArgumentException.class,
                () -> Forces.compute(HandExamples.realO(), new double[3], new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> Forces.compute(HandExamples.realO(), new double[6], new double[1]));
    }
}
