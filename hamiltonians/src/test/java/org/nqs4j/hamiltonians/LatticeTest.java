package org.nqs4j.hamiltonians;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nqs4j.hamiltonians.PauliStringTest.assertMessage;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatticeTest {

    @Test
    void chainBondCounts() {
        assertEquals(7, Lattice.chain(7, Boundary.PERIODIC, false).edges().size());
        assertEquals(6, Lattice.chain(7, Boundary.OPEN, false).edges().size());
        assertEquals(1, Lattice.chain(2, Boundary.PERIODIC, false).edges().size(), "L=2 ring: bond (0,1) once");
        assertEquals(0, Lattice.chain(1, Boundary.PERIODIC, false).edges().size());
    }

    @Test
    void chainNextNearestCounts() {
        Lattice ring = Lattice.chain(8, Boundary.PERIODIC, true);
        assertEquals(8, ring.edges(0).size());
        assertEquals(8, ring.edges(1).size());
        assertEquals(2, ring.nColours());
        assertEquals(6, Lattice.chain(8, Boundary.OPEN, true).edges(1).size());
        assertEquals(2, Lattice.chain(4, Boundary.PERIODIC, true).edges(1).size(), "L=4: (0,2),(1,3) once each");
        assertTrue(ring.edges(1).contains(new Edge(0, 6, 1)));
    }

    @Test
    void threeSiteRingKeepsNearestBondsThatAreAlsoNextNearest() {
        Lattice ring = Lattice.chain(3, Boundary.PERIODIC, true);
        assertEquals(3, ring.edges(0).size());
        assertEquals(3, ring.edges(1).size());
        assertFalse(ring.isBipartite(), "a triangle is not bipartite");
    }

    @Test
    void squareBondCounts() {
        int l = 4;
        assertEquals(2 * l * l, Lattice.square(l, Boundary.PERIODIC, false).edges().size());
        assertEquals(2 * l * (l - 1), Lattice.square(l, Boundary.OPEN, false).edges().size());
        assertEquals(4, Lattice.square(2, Boundary.PERIODIC, false).edges().size(), "2x2 torus is a 4-ring");
        Lattice nnn = Lattice.square(l, Boundary.PERIODIC, true);
        assertEquals(2 * l * l, nnn.edges(1).size());
        assertEquals(2 * (l - 1) * (l - 1), Lattice.square(l, Boundary.OPEN, true).edges(1).size());
        assertEquals(2, Lattice.square(2, Boundary.PERIODIC, true).edges(1).size(), "2x2 torus: two diagonals");
        assertEquals(9, Lattice.rectangular(3, 2, Boundary.PERIODIC, false).edges().size(),
                "3x2 torus: 6 horizontal + 3 vertical (vertical bonds of extent 2 once)");
    }

    @Test
    void bipartiteDetection() {
        Lattice even = Lattice.chain(6, Boundary.PERIODIC, false);
        assertTrue(even.isBipartite());
        assertArrayEquals(new int[] {0, 1, 0, 1, 0, 1}, even.sublattice().orElseThrow());
        assertFalse(Lattice.chain(5, Boundary.PERIODIC, false).isBipartite());
        assertTrue(Lattice.chain(5, Boundary.OPEN, false).isBipartite());
        assertFalse(Lattice.square(3, Boundary.PERIODIC, false).isBipartite());
        Lattice square = Lattice.square(4, Boundary.PERIODIC, true);
        assertTrue(square.isBipartite(), "next-nearest bonds do not spoil the nearest-neighbour bipartition");
        int[] sub = square.sublattice().orElseThrow();
        for (int s = 0; s < 16; s++) {
            int[] r = square.coordinates(s);
            assertEquals((r[0] + r[1]) % 2, sub[s], "checkerboard");
        }
    }

    @Test
    void translationsAreTheAutomorphismGroupOfTheBonds() {
        Lattice rect = Lattice.rectangular(3, 2, Boundary.PERIODIC, true);
        int[][] group = rect.translations();
        assertEquals(6, group.length);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, group[0], "row 0 is the identity");
        assertArrayEquals(new int[] {1, 2, 0, 4, 5, 3}, group[1], "row 1 is x -> x + 1");
        assertArrayEquals(new int[] {3, 4, 5, 0, 1, 2}, group[3], "row Lx is y -> y + 1");
        assertEquals(6, closure(rect, group).size(), "closed under composition");
        for (Lattice none : List.of(Lattice.chain(4, Boundary.OPEN, false), Lattice.custom(2, List.of(new Edge(0, 1, 0))))) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, none::translations);
            assertTrue(e.getMessage().contains("periodic boundaries"), e.getMessage());
        }
    }

    /**
     * Asserts every row of {@code group} is a permutation mapping each bond onto a bond of the same
     * colour, and returns the set of all products g∘h.
     */
    private static java.util.Set<List<Integer>> closure(Lattice lattice, int[][] group) {
        int n = lattice.nSites();
        java.util.Set<Edge> bonds = new java.util.HashSet<>(lattice.edges());
        for (int[] g : group) {
            assertEquals(n, java.util.Arrays.stream(g).distinct().count(), "a permutation");
            for (Edge e : lattice.edges()) {
                Edge image = new Edge(Math.min(g[e.i()], g[e.j()]), Math.max(g[e.i()], g[e.j()]), e.colour());
                assertTrue(bonds.contains(image), "bond " + e + " maps onto a bond of the same colour");
            }
        }
        java.util.Set<List<Integer>> products = new java.util.HashSet<>();
        for (int[] gh : compose(group, group)) {
            products.add(java.util.Arrays.stream(gh).boxed().toList());
        }
        return products;
    }

    @Test
    void pointGroupIsC4vOnASquareC2vOnARectangleAndAReflectionOnAChain() {
        Lattice torus = Lattice.square(4, Boundary.PERIODIC, true);
        int[][] c4v = torus.pointGroup();
        assertEquals(8, c4v.length);
        assertArrayEquals(java.util.stream.IntStream.range(0, 16).toArray(), c4v[0], "row 0 is the identity");
        assertEquals(8, closure(torus, c4v).size(), "C4v is closed and has 8 distinct elements");
        assertEquals(128, closure(torus, compose(torus.translations(), c4v)).size(),
                "with the 16 translations: the space group of 128 elements");
        Lattice open = Lattice.square(3, Boundary.OPEN, true);
        assertEquals(8, closure(open, open.pointGroup()).size());
        assertEquals(4, open.pointGroup()[7][4], "the centre is fixed on an open lattice");
        Lattice rect = Lattice.rectangular(4, 6, Boundary.PERIODIC, false);
        assertEquals(4, closure(rect, rect.pointGroup()).size());
        assertEquals(2, Lattice.rectangular(4, 2, Boundary.PERIODIC, false).pointGroup().length,
                "y -> -y mod 2 is the identity, kept once");
        assertArrayEquals(new int[] {0, 5, 4, 3, 2, 1}, Lattice.chain(6, Boundary.PERIODIC, true).pointGroup()[1],
                "x -> -x mod L");
        assertArrayEquals(new int[] {4, 3, 2, 1, 0}, Lattice.chain(5, Boundary.OPEN, false).pointGroup()[1],
                "x -> L - 1 - x");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Lattice.custom(2, List.of(new Edge(0, 1, 0))).pointGroup());
        assertTrue(e.getMessage().contains("has no coordinates"), e.getMessage());
    }

    private static int[][] compose(int[][] first, int[][] second) {
        int[][] products = new int[first.length * second.length][];
        int k = 0;
        for (int[] g : first) {
            for (int[] h : second) {
                int[] gh = new int[g.length];
                for (int i = 0; i < g.length; i++) {
                    gh[i] = g[h[i]];
                }
                products[k++] = gh;
            }
        }
        return products;
    }

    @Test
    void coordinatesAndExtents() {
        Lattice lat = Lattice.rectangular(3, 2, Boundary.OPEN, false);
        assertArrayEquals(new int[] {2, 1}, lat.coordinates(5));
        assertArrayEquals(new int[] {3, 2}, lat.extents());
        assertArrayEquals(new int[] {5}, Lattice.chain(5, Boundary.OPEN, false).extents());
        assertEquals(Boundary.OPEN, lat.boundary().orElseThrow());
        assertMessage(() -> lat.coordinates(6), "outside 0..5");
        assertThrows(UnsupportedOperationException.class, () -> Lattice.custom(2, List.of()).coordinates(0));
    }

    @Test
    void customGraphNormalisesAndDeduplicates() {
        Lattice g = Lattice.custom(3, List.of(new Edge(1, 0, 0), new Edge(0, 1, 0), new Edge(2, 1, 1)));
        assertEquals(List.of(new Edge(0, 1, 0), new Edge(1, 2, 1)), g.edges());
        assertTrue(g.boundary().isEmpty());
        assertEquals(0, g.extents().length);
    }

    @Test
    void rejectsBadInput() {
        assertMessage(() -> Lattice.custom(2, List.of(new Edge(0, 2, 0))), "outside 0..1");
        assertMessage(() -> Lattice.chain(0, Boundary.OPEN, false), "positive");
        assertMessage(() -> Lattice.chain(3, null, false), "PERIODIC or OPEN");
        assertMessage(() -> new Edge(1, 1, 0), "itself");
        assertMessage(() -> new Edge(-1, 1, 0), "negative site");
        assertMessage(() -> new Edge(0, 1, -1), "negative colour");
        assertMessage(() -> Lattice.custom(0, List.of()), "at least one site");
    }
}
