package org.nqs4j.hamiltonians.symmetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Edge;
import org.nqs4j.hamiltonians.Lattice;

class SpaceGroupTest {

    private static Set<List<Integer>> asSet(int[][] rows) {
        Set<List<Integer>> set = new HashSet<>();
        for (int[] row : rows) {
            set.add(Arrays.stream(row).boxed().toList());
        }
        return set;
    }

    /** Closure under products, the identity, and every element mapping each colour's bonds onto themselves. */
    private static void assertBondPreservingGroup(Lattice lattice, int[][] rows) {
        Set<List<Integer>> set = asSet(rows);
        assertEquals(rows.length, set.size(), "distinct elements");
        assertTrue(set.contains(IntStream.range(0, lattice.nSites()).boxed().toList()), "identity");
        for (int[] g : rows) {
            for (int[] h : rows) {
                int[] gh = new int[g.length];
                for (int i = 0; i < g.length; i++) {
                    gh[i] = g[h[i]];
                }
                assertTrue(set.contains(Arrays.stream(gh).boxed().toList()), lattice + ": closed under products");
            }
            assertTrue(preservesBonds(lattice, g), lattice + ": " + Arrays.toString(g) + " maps bonds onto bonds");
        }
    }

    /** An independent check: the image of every bond is a bond of the same colour. */
    private static boolean preservesBonds(Lattice lattice, int[] g) {
        Set<Edge> edges = new HashSet<>(lattice.edges());
        for (Edge e : lattice.edges()) {
            if (!edges.contains(new Edge(Math.min(g[e.i()], g[e.j()]), Math.max(g[e.i()], g[e.j()]), e.colour()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Orders |G| = (number of cells) × |point group|. The square torus L×L is invariant under C4v
     * (8 elements); an L×L torus of the triangular Bravais lattice (a₁, a₂ at 60°) is spanned by
     * La₁, La₂, itself a triangular lattice, hence invariant under C6v (12); honeycomb and kagome
     * share that Bravais lattice and their point group about a hexagon centre is C6v too (the
     * wallpaper group p6mm of all three, International Tables for Crystallography A, No. 17).
     * So: square 4×4 16·8 = 128; triangular 3×3 9·12 = 108, 4×4 16·12 = 192; honeycomb 3×3 (18
     * sites) 9·12 = 108; kagome 2×2 (12 sites) 4·12 = 48; and a 4×3 triangular torus only keeps
     * C2 (the inversion maps 4a₁, 3a₂ to their negatives; no mirror or 60° rotation maps the
     * torus onto itself): 12·2 = 24.
     */
    @Test
    void spaceGroupOrdersAreCellsTimesThePointGroup() {
        Object[][] cases = {
            {Lattice.square(4, Boundary.PERIODIC, true), 16, 128},
            {Lattice.triangular(3, 3, Boundary.PERIODIC, 1), 9, 108},
            {Lattice.triangular(4, 4, Boundary.PERIODIC, 2), 16, 192},
            {Lattice.honeycomb(3, 3, Boundary.PERIODIC, 1), 18, 108},
            {Lattice.kagome(2, 2, Boundary.PERIODIC, 1), 12, 48},
            {Lattice.triangular(4, 3, Boundary.PERIODIC, 1), 12, 24},
        };
        for (Object[] c : cases) {
            Lattice lattice = (Lattice) c[0];
            SpaceGroup group = lattice.spaceGroup();
            assertEquals(c[1], lattice.nSites(), lattice.toString());
            assertEquals(c[2], group.order(), lattice.toString());
            assertEquals(group.order(), group.translations().length * group.pointGroup().length, lattice.toString());
            assertBondPreservingGroup(lattice, group.elements());
            assertArrayEquals(IntStream.range(0, lattice.nSites()).toArray(), group.elements()[0], "row 0 is the identity");
        }
    }

    /**
     * The old hard-coded point group reflected the cell indices, (n₁, n₂) → (−n₁, n₂). On the
     * sheared triangular cell that is no isometry: it maps the bond a₂ − a₁ (a nearest neighbour)
     * onto a₂ + a₁, a next-nearest neighbour at distance √3, so it breaks the bonds and the computed
     * group does not contain it. The true mirror across the a₂ axis (the 60° line: a₁ ↦ a₂ − a₁,
     * a₂ ↦ a₂) is (n₁, n₂) → (−n₁, n₂ + n₁) in cell indices, and it is in the group.
     */
    @Test
    void theOldHardCodedReflectionIsNoSymmetryOfAShearedLattice() {
        Lattice tri = Lattice.triangular(4, 4, Boundary.PERIODIC, 1);
        int[] oldReflection = new int[16];
        int[] trueMirror = new int[16];
        for (int s = 0; s < 16; s++) {
            int[] n = tri.coordinates(s);
            oldReflection[s] = tri.site(-n[0], n[1], 0);
            trueMirror[s] = tri.site(-n[0], n[1] + n[0], 0);
        }
        assertFalse(preservesBonds(tri, oldReflection), "x -> -x on the cell indices breaks the triangular bonds");
        Set<List<Integer>> group = asSet(tri.spaceGroup().elements());
        assertFalse(group.contains(Arrays.stream(oldReflection).boxed().toList()));
        assertTrue(group.contains(Arrays.stream(trueMirror).boxed().toList()));
        assertTrue(preservesBonds(tri, trueMirror));
    }

    /**
     * Neighbour shells: colour c holds the bonds of the (c+1)-th distance, z_c per site. Distances
     * and coordination numbers of the infinite lattices (|a| = 1): triangular 1, √3, 2 with z = 6,
     * 6, 6; honeycomb 1/√3, 1, 2/√3 with z = 3, 6, 3; kagome 1/2, √3/2, 1 with z = 4, 4, 6 (the
     * third shell holds both the bonds across a hexagon and those along a line of the lattice,
     * which have the same length); square 1, √2, 2 with z = 4, 4, 4. On a torus large enough not
     * to wrap, colour c has z_c·N/2 bonds and each has the minimum-image length of its shell.
     */
    @Test
    void bondsAreFoundByDistanceShells() {
        double s3 = Math.sqrt(3);
        Object[][] cases = {
            {Lattice.triangular(6, 6, Boundary.PERIODIC, 3), new double[] {1, s3, 2}, new int[] {6, 6, 6}},
            {Lattice.honeycomb(6, 6, Boundary.PERIODIC, 3), new double[] {1 / s3, 1, 2 / s3}, new int[] {3, 6, 3}},
            {Lattice.kagome(6, 6, Boundary.PERIODIC, 3), new double[] {0.5, s3 / 2, 1}, new int[] {4, 4, 6}},
            {Lattice.square(6, Boundary.PERIODIC, false), new double[] {1}, new int[] {4}},
        };
        for (Object[] c : cases) {
            Lattice lattice = (Lattice) c[0];
            double[] distance = (double[]) c[1];
            int[] z = (int[]) c[2];
            assertEquals(distance.length, lattice.nColours(), lattice.toString());
            for (int colour = 0; colour < distance.length; colour++) {
                assertEquals(z[colour] * lattice.nSites() / 2, lattice.edges(colour).size(), lattice + " colour " + colour);
                for (Edge e : lattice.edges(colour)) {
                    assertEquals(distance[colour], minimumImageDistance(lattice, e.i(), e.j()), 1e-12,
                            lattice + " bond " + e);
                }
            }
        }
    }

    private static double minimumImageDistance(Lattice lattice, int i, int j) {
        double[] ri = lattice.position(i);
        double[] rj = lattice.position(j);
        double[][] a = lattice.cell().orElseThrow().vectors();
        int[] ext = lattice.extents();
        double best = Double.POSITIVE_INFINITY;
        for (int m1 = -1; m1 <= 1; m1++) {
            for (int m2 = -1; m2 <= 1; m2++) {
                double dx = rj[0] - ri[0] + m1 * ext[0] * a[0][0] + m2 * ext[1] * a[1][0];
                double dy = rj[1] - ri[1] + m1 * ext[0] * a[0][1] + m2 * ext[1] * a[1][1];
                best = Math.min(best, Math.hypot(dx, dy));
            }
        }
        return best;
    }

    /**
     * Character tables: the rows of every C_nv found on the built-in lattices are orthogonal,
     * Σ_R χ_a(R) χ_b(R) = |P| δ_ab (real characters), and a one-dimensional irrep of the little
     * group makes every sector's characters a homomorphism: χ(gh) = χ(g) χ(h) over all pairs of the
     * sector's permutations, with complex momenta (triangular 3×3, all 9 momenta).
     */
    @Test
    void charactersAreOrthogonalAndOneDimensionalSectorsAreHomomorphisms() {
        for (Lattice lattice : List.of(Lattice.square(4, Boundary.PERIODIC, false),
                Lattice.rectangular(4, 6, Boundary.PERIODIC, false), Lattice.triangular(3, 3, Boundary.PERIODIC, 1),
                Lattice.chain(6, Boundary.PERIODIC, false))) {
            List<PointOperation> ops = lattice.spaceGroup().pointOperations();
            CharacterTable table = new CharacterTable(ops);
            int squares = 0;
            for (String a : table.irreps()) {
                squares += table.dimension(a) * table.dimension(a);
                for (String b : table.irreps()) {
                    double sum = 0;
                    for (PointOperation r : ops) {
                        sum += table.character(a, r) * table.character(b, r);
                    }
                    assertEquals(a.equals(b) ? ops.size() : 0, sum, 1e-12, lattice + ": " + a + " . " + b);
                }
            }
            assertEquals(ops.size(), squares, lattice + ": Σ d² = |P| (Burnside)");
        }
        SpaceGroup tri = Lattice.triangular(3, 3, Boundary.PERIODIC, 1).spaceGroup();
        int checked = 0;
        for (int n1 = 0; n1 < 3; n1++) {
            for (int n2 = 0; n2 < 3; n2++) {
                int[] k = {n1, n2};
                for (String irrep : tri.irreps(k)) {
                    if (irrep.startsWith("E")) {
                        continue;
                    }
                    assertHomomorphism(tri.sector(SpaceGroup.Scope.SPACE_GROUP, k, Optional.of(irrep)));
                    checked++;
                }
                assertHomomorphism(tri.sector(SpaceGroup.Scope.TRANSLATIONS, k, Optional.empty()));
            }
        }
        assertEquals(20, checked);
        assertEquals(List.of("A1", "A2", "B1", "B2", "E1", "E2"), tri.irreps(new int[2]), "C6v at Γ");
        assertEquals(List.of("A1", "A2", "E"), tri.irreps(new int[] {2, 1}), "C3v at K = (2b₁ + b₂)/3");
        assertEquals(List.of("A1", "A2"), tri.irreps(new int[] {1, 1}), "one mirror on Γ-M: (b₁ + b₂)/3");
    }

    private static void assertHomomorphism(SymmetrySector sector) {
        int[][] rows = sector.permutations();
        java.util.Map<List<Integer>, Integer> index = new java.util.HashMap<>();
        for (int g = 0; g < rows.length; g++) {
            index.put(Arrays.stream(rows[g]).boxed().toList(), g);
        }
        for (int g = 0; g < rows.length; g++) {
            for (int h = 0; h < rows.length; h++) {
                int[] gh = new int[rows[g].length];
                for (int i = 0; i < gh.length; i++) {
                    gh[i] = rows[g][rows[h][i]];
                }
                Integer p = index.get(Arrays.stream(gh).boxed().toList());
                assertTrue(p != null, sector.label() + ": closed");
                double re = sector.characterRe()[g] * sector.characterRe()[h] - sector.characterIm()[g] * sector.characterIm()[h];
                double im = sector.characterRe()[g] * sector.characterIm()[h] + sector.characterIm()[g] * sector.characterRe()[h];
                assertEquals(sector.characterRe()[p], re, 1e-12, sector.label());
                assertEquals(sector.characterIm()[p], im, 1e-12, sector.label());
            }
        }
    }

    @Test
    void sectorsACusterCannotHoldAreRejected() {
        // on the 4x2 square torus the mirror y -> -y is the identity permutation: A2 and B2 would give
        // it -1; B1 (+1 on that mirror, -1 on the rotation by π and on x -> -x, which coincide) exists
        SpaceGroup small = Lattice.rectangular(4, 2, Boundary.PERIODIC, false).spaceGroup();
        for (String irrep : List.of("A2", "B2")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> small.sector(SpaceGroup.Scope.POINT_GROUP, null, Optional.of(irrep)));
            assertTrue(e.getMessage().contains("same permutation"), e.getMessage());
        }
        assertEquals(2, small.sector(SpaceGroup.Scope.POINT_GROUP, null, Optional.of("B1")).permutations().length);
        IllegalArgumentException e;
        SpaceGroup square = Lattice.square(4, Boundary.PERIODIC, false).spaceGroup();
        e = assertThrows(IllegalArgumentException.class,
                () -> square.sector(SpaceGroup.Scope.POINT_GROUP, new int[] {1, 0}, Optional.empty()));
        assertTrue(e.getMessage().contains("momentum 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> square.sector(SpaceGroup.Scope.SPACE_GROUP, new int[] {1, 0}, Optional.of("E")));
        assertTrue(e.getMessage().contains("[A1, A2] (C1v)"), e.getMessage() + ": (π/2, 0) keeps the mirror y -> -y only");
        assertEquals(16 * 4, square.sector(SpaceGroup.Scope.SPACE_GROUP, new int[] {2, 0}, Optional.empty())
                .permutations().length, "X = (π, 0): little group C2v");
        assertEquals(16 * 8, square.sector(SpaceGroup.Scope.SPACE_GROUP, new int[] {2, 2}, Optional.empty())
                .permutations().length, "M = (π, π): little group C4v");
    }

    /**
     * Automorphisms of custom graphs: the 4×4 torus C4 □ C4 is the 4-cube graph Q4 (C4 = Q2), whose
     * automorphism group has 2⁴·4! = 384 elements, more than the 128 of the space group; with the
     * next-nearest (diagonal) bonds as a second colour only the 128 remain. A ring of 6 has the
     * dihedral group of 12; colouring one bond leaves the identity and the mirror through it.
     */
    @Test
    void automorphismsOfCustomGraphsAreFoundBySearch() {
        int[][] q4 = GraphAutomorphisms.of(Lattice.custom(16, Lattice.square(4, Boundary.PERIODIC, false).edges()), 1000);
        assertEquals(384, q4.length);
        Lattice coloured = Lattice.custom(16, Lattice.square(4, Boundary.PERIODIC, true).edges());
        int[][] j1j2 = GraphAutomorphisms.of(coloured, 1000);
        assertEquals(128, j1j2.length);
        assertBondPreservingGroup(coloured, j1j2);
        assertEquals(asSet(Lattice.square(4, Boundary.PERIODIC, true).spaceGroup().elements()), asSet(j1j2),
                "the same 128 permutations as the space group");
        Lattice ring = Lattice.chain(6, Boundary.PERIODIC, false);
        assertEquals(12, GraphAutomorphisms.of(ring, 100).length);
        List<Edge> marked = new java.util.ArrayList<>(ring.edges());
        marked.set(0, new Edge(0, 1, 1));
        int[][] two = GraphAutomorphisms.of(6, marked, 100);
        assertEquals(2, two.length);
        assertArrayEquals(new int[] {1, 0, 5, 4, 3, 2}, two[1], "the mirror through bond (0, 1)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GraphAutomorphisms.of(ring, 5));
        assertTrue(e.getMessage().contains("more than 5"), e.getMessage());
    }
}
