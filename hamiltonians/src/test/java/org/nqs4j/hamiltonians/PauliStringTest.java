package org.nqs4j.hamiltonians;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PauliStringTest {

    @Test
    void sortsFactorsBySiteAndDropsIdentities() {
        PauliString p = PauliString.of(-0.5, "ZIxY", 7, 2, 0, 3);
        assertEquals("X0 Y3 Z7", p.label());
        assertEquals(3, p.weight());
        assertEquals(-0.5, p.coefficient());
        assertEquals(Pauli.Y, p.operator(1));
        assertEquals(3, p.site(1));
        assertEquals(7, p.maxSite());
        assertEquals(1, p.count(Pauli.Y));
        assertEquals(1, p.count(Pauli.Z));
    }

    @Test
    void identityIsTheEmptyProduct() {
        PauliString id = PauliString.identity(2.5);
        assertEquals(0, id.weight());
        assertEquals("I", id.label());
        assertEquals(-1, id.maxSite());
        assertEquals(id, PauliString.of(2.5, "II", 0, 1));
    }

    @Test
    void scalingKeepsTheOperator() {
        PauliString p = PauliString.of(2, "XY", 1, 4).scaled(-0.25);
        assertEquals(-0.5, p.coefficient());
        assertEquals("X1 Y4", p.label());
        assertEquals(PauliString.of(-0.5, "YX", 4, 1), p);
    }

    @Test
    void rejectsBadInput() {
        assertMessage(() -> PauliString.of(1, "XY", 0), "2 operators but 1 sites");
        assertMessage(() -> PauliString.of(1, "XZ", 3, 3), "site 3 twice");
        assertMessage(() -> PauliString.of(1, "IZ", 3, 3), "site 3 twice");
        assertMessage(() -> PauliString.of(1, "X", -1), "negative");
        assertMessage(() -> PauliString.of(1, "XQ", 0, 1), "unknown Pauli operator 'Q'");
        assertMessage(() -> PauliString.of(Double.NaN, "X", 0), "finite");
        assertMessage(() -> PauliString.of(1, "X", 0).withCoefficient(Double.POSITIVE_INFINITY), "finite");
    }

    static void assertMessage(Runnable r, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), () -> "message \"" + e.getMessage() + "\" lacks \"" + fragment + "\"");
    }
}
