package org.nqs4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IdentityPreconditionerTest {
    @Test
    void directionIsTheForce() {
        double[] delta = new double[4];
        new IdentityPreconditioner().apply(HandExamples.complexO(), HandExamples.COMPLEX_FORCE, delta, 0);
        assertArrayEquals(HandExamples.COMPLEX_FORCE, delta, 0.0);
    }

    @Test
    void rejectsShortArrays() {
        assertThrows(IllegalArgumentException.class,
                () -> new IdentityPreconditioner().apply(HandExamples.complexO(), new double[2], new double[4], 0));
    }
}
