package org.nqs4j.hamiltonians;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The spiral of lowest classical energy on the torus: the Néel state on the even ring and the square
 * lattice (the Marshall sign), 120° on triangular clusters whose extents are multiples of 3 (three
 * sublattices, every triangle holding all three), and on the triangular 6 × 4, where 120° does not
 * close, the best allowed Q by direct enumeration of E(θ₁, θ₂) = cos θ₁ + cos θ₂ + cos(θ₁ − θ₂), which is
 * not the infinite lattice's order (not commensurate).
 */
class ClassicalSpiralTest {
    @Test
    void neelOnBipartiteLattices() {
        for (Lattice l : new Lattice[] {Lattice.chain(10, Boundary.PERIODIC, false),
                Lattice.square(4, Boundary.PERIODIC, false), Lattice.rectangular(6, 4, Boundary.PERIODIC, false)}) {
            ClassicalSpiral s = ClassicalSpiral.of(l).orElseThrow();
            assertEquals(-1.0, s.energy(), 1e-12, l.name());
            assertTrue(s.commensurate(), l.name());
            assertFalse(s.noncollinear(), l.name());
            int[] sub = l.sublattice().orElseThrow();
            int[] c = s.phaseIndex();
            for (int i = 0; i < l.nSites(); i++) {
                // φᵢ = 2π cᵢ/q is π on one sublattice, 0 on the other: Marshall's sign
                assertEquals(sub[i] == sub[0] ? 0 : s.period() / 2, Math.floorMod(c[i] - c[0], s.period()), l.name());
            }
        }
    }

    @Test
    void oneHundredTwentyDegreesWhereTheTorusAllowsIt() {
        for (int[] extent : new int[][] {{6, 3}, {3, 6}, {6, 6}, {3, 3}}) {
            Lattice t = Lattice.triangular(extent[0], extent[1], Boundary.PERIODIC, 1);
            ClassicalSpiral s = ClassicalSpiral.of(t).orElseThrow();
            assertEquals(-0.5, s.energy(), 1e-12, t.name());
            assertTrue(s.commensurate(), t.name());
            assertTrue(s.noncollinear(), t.name());
            int[] c = s.phaseIndex();
            int[] count = new int[3];
            for (int i = 0; i < t.nSites(); i++) {
                int third = Math.floorMod(c[i] - c[0], s.period()) * 3;
                assertEquals(0, third % s.period(), "angles are multiples of 120 degrees: " + t.name());
                count[third / s.period()]++;
            }
            assertEquals(t.nSites() / 3, count[0], t.name());
            assertEquals(t.nSites() / 3, count[1], t.name());
            for (Edge e : t.edges(0)) {
                assertTrue(c[e.i()] != c[e.j()], t.name() + ": bond " + e);
            }
        }
    }

    @Test
    void theBestSpiralThatClosesOnTriangular6x4() {
        Lattice t = Lattice.triangular(6, 4, Boundary.PERIODIC, 1);
        double best = Double.POSITIVE_INFINITY;
        for (int m = 0; m < 6; m++) {
            for (int n = 0; n < 4; n++) {
                double a = 2 * Math.PI * m / 6;
                double b = 2 * Math.PI * n / 4;
                best = Math.min(best, (Math.cos(a) + Math.cos(b) + Math.cos(a - b)) / 3);
            }
        }
        assertEquals(-(0.5 + Math.sqrt(3) / 2) / 3, best, 1e-12, "cos 120° + cos 90° + cos 150°, per bond");
        ClassicalSpiral s = ClassicalSpiral.of(t).orElseThrow();
        assertEquals(best, s.energy(), 1e-12);
        assertEquals(12, s.period());
        assertFalse(s.commensurate(), "120 degrees (-1/2 per bond) does not close around 4 cells");
        assertFalse(ClassicalSpiral.of(Lattice.triangular(4, 4, Boundary.PERIODIC, 1)).orElseThrow().commensurate());
        assertFalse(ClassicalSpiral.of(Lattice.triangular(4, 3, Boundary.PERIODIC, 1)).orElseThrow().commensurate());
        for (int[] extent : new int[][] {{6, 4}, {4, 4}, {4, 3}, {5, 4}}) {
            assertTrue(ClassicalSpiral.of(Lattice.triangular(extent[0], extent[1], Boundary.PERIODIC, 1)).orElseThrow()
                    .noncollinear(), "the triangular lattice's order is 120 degrees, whatever the torus");
        }
    }

    /**
     * An odd ring frustrates Néel order only at its seam: its best spiral, Q = 2π·4/9 (E = cos(8π/9) per
     * bond), is a compromise of a collinear order.
     */
    @Test
    void theOddRingsCompromiseIsOfACollinearOrder() {
        ClassicalSpiral s = ClassicalSpiral.of(Lattice.chain(9, Boundary.PERIODIC, false)).orElseThrow();
        assertEquals(Math.cos(8 * Math.PI / 9), s.energy(), 1e-12);
        assertFalse(s.commensurate());
        assertFalse(s.noncollinear());
    }

    @Test
    void noSpiralWithoutOneSiteCellsOnATorus() {
        assertTrue(ClassicalSpiral.of(Lattice.kagome(2, 2, Boundary.PERIODIC, 1)).isEmpty());
        assertTrue(ClassicalSpiral.of(Lattice.triangular(6, 3, Boundary.OPEN, 1)).isEmpty());
    }
}
