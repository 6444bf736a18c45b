package org.nqs4j.hamiltonians;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nqs4j.hamiltonians.PauliStringTest.assertMessage;

import org.junit.jupiter.api.Test;

class SpinHilbertTest {

    @Test
    void dimensions() {
        assertEquals(1024, SpinHilbert.unconstrained(10).dimension());
        assertEquals(252, SpinHilbert.fixedMagnetization(10, 0).dimension());
        assertEquals(4, SpinHilbert.fixedMagnetization(4, 2).dimension(), "3 up of 4");
        assertEquals(1, SpinHilbert.fixedMagnetization(5, -5).dimension());
        assertEquals(Math.pow(2, 100), SpinHilbert.unconstrained(100).dimension());
        // C(100, 50) = 1.00891344545564193334812497256e29; 100 roundings in the product: relative error ~1e-14
        assertEquals(1.00891344545564193e29, SpinHilbert.fixedMagnetization(100, 0).dimension(), 1e29 * 1e-13);
    }

    @Test
    void membership() {
        SpinHilbert h = SpinHilbert.fixedMagnetization(4, 0);
        assertTrue(h.contains(new int[] {1, -1, -1, 1}));
        assertFalse(h.contains(new int[] {1, 1, -1, 1}), "wrong magnetisation");
        assertFalse(h.contains(new int[] {1, -1, 0, 0}), "not ±1");
        assertFalse(h.contains(new int[] {1, -1}), "wrong length");
        assertTrue(SpinHilbert.unconstrained(2).contains(new int[] {1, 1}));
        assertEquals(0, h.sumSigma());
        assertThrows(IllegalStateException.class, () -> SpinHilbert.unconstrained(2).sumSigma());
    }

    @Test
    void rejectsImpossibleSectors() {
        assertMessage(() -> SpinHilbert.unconstrained(0), "at least one site");
        assertMessage(() -> SpinHilbert.fixedMagnetization(4, 1), "parity of N");
        assertMessage(() -> SpinHilbert.fixedMagnetization(4, 6), "[-N, N]");
    }
}
