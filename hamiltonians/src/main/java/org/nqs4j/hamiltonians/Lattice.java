package org.nqs4j.hamiltonians;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A graph of N sites with coloured edges and, for Bravais lattices, real-space positions and the
 * linear extents used to build periodic displacements (for C(r) and S(q)).
 *
 * <p>Build one with the factories: {@link #chain}, {@link #square}, {@link #rectangular},
 * {@link #custom}. Duplicate bonds of one colour (which appear on periodic lattices of extent 2)
 * are kept once; a pair that is bonded with two colours keeps one edge of each colour.
 */
public final class Lattice {
    private final String name;
    private final int nSites;
    private final List<Edge> edges;
    private final int[] extents;      // {Lx} or {Lx, Ly}; empty for a custom graph
    private final Boundary boundary;  // null for a custom graph
    private final int[] sublattice;   // 2-colouring of the colour-0 bonds, or null when not bipartite

    private Lattice(String name, int nSites, List<Edge> edges, int[] extents, Boundary boundary) {
        if (nSites < 1) {
            throw new IllegalArgumentException("a lattice needs at least one site, got " + nSites);
        }
        for (Edge e : edges) {
            if (e.i() >= nSites || e.j() >= nSites) {
                throw new IllegalArgumentException("edge (" + e.i() + ", " + e.j() + ") names a site outside 0.." + (nSites - 1));
            }
        }
        this.name = name;
        this.nSites = nSites;
        this.edges = List.copyOf(edges);
        this.extents = extents.clone();
        this.boundary = boundary;
        this.sublattice = bipartition(nSites, this.edges);
    }

    /** A chain of L sites; {@code nextNearest} adds the bonds (i, i+2) with colour 1. */
    public static Lattice chain(int length, Boundary boundary, boolean nextNearest) {
        return rectangular(length, 1, boundary, nextNearest);
    }

    /** An L×L square lattice; {@code nextNearest} adds the diagonal bonds with colour 1. */
    public static Lattice square(int length, Boundary boundary, boolean nextNearest) {
        return rectangular(length, length, boundary, nextNearest);
    }

    /**
     * An Lx×Ly rectangular lattice, site index x + Lx·y; Ly = 1 is a chain. Next-nearest bonds are
     * (x, x+2) on a chain and the two diagonals of each plaquette in two dimensions.
     */
    public static Lattice rectangular(int lx, int ly, Boundary boundary, boolean nextNearest) {
        if (lx < 1 || ly < 1) {
            throw new IllegalArgumentException("lattice extents must be positive, got " + lx + "x" + ly);
        }
        if (boundary == null) {
            throw new IllegalArgumentException("boundary must be PERIODIC or OPEN, got null");
        }
        boolean periodic = boundary == Boundary.PERIODIC;
        Set<Edge> set = new LinkedHashSet<>();
        for (int y = 0; y < ly; y++) {
            for (int x = 0; x < lx; x++) {
                int s = x + lx * y;
                addBond(set, lx, ly, periodic, s, x + 1, y, 0);
                if (ly > 1) {
                    addBond(set, lx, ly, periodic, s, x, y + 1, 0);
                }
                if (nextNearest) {
                    if (ly == 1) {
                        addBond(set, lx, ly, periodic, s, x + 2, y, 1);
                    } else {
                        addBond(set, lx, ly, periodic, s, x + 1, y + 1, 1);
                        addBond(set, lx, ly, periodic, s, x - 1, y + 1, 1);
                    }
                }
            }
        }
        String kind = ly == 1 ? "chain L=" + lx : (lx == ly ? "square " : "rectangular ") + lx + "x" + ly;
        int[] ext = ly == 1 ? new int[] {lx} : new int[] {lx, ly};
        return new Lattice(kind + " " + boundary.name().toLowerCase(), lx * ly, new ArrayList<>(set), ext, boundary);
    }

    private static void addBond(Set<Edge> set, int lx, int ly, boolean periodic, int s, int x, int y, int colour) {
        if (!periodic && (x < 0 || x >= lx || y < 0 || y >= ly)) {
            return;
        }
        int t = Math.floorMod(x, lx) + lx * Math.floorMod(y, ly);
        if (t == s) {
            return; // a bond wrapping onto its own site (extent 1 or 2 with NNN) is no bond
        }
        // The set keeps a pair once per colour (periodic extent 2 meets the same neighbour twice);
        // a pair that is both nearest and next-nearest (periodic chain of 3) keeps both colours.
        set.add(new Edge(Math.min(s, t), Math.max(s, t), colour));
    }

    /** A graph given by its edge list; no positions, no periodic displacements. */
    public static Lattice custom(int nSites, List<Edge> edges) {
        Set<Edge> set = new LinkedHashSet<>();
        for (Edge e : edges) {
            set.add(new Edge(Math.min(e.i(), e.j()), Math.max(e.i(), e.j()), e.colour()));
        }
        return new Lattice("custom graph N=" + nSites, nSites, new ArrayList<>(set), new int[0], null);
    }

    public String name() {
        return name;
    }

    public int nSites() {
        return nSites;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** The edges of one colour. */
    public List<Edge> edges(int colour) {
        return edges.stream().filter(e -> e.colour() == colour).toList();
    }

    /** Number of distinct colours used (largest colour + 1). */
    public int nColours() {
        return edges.stream().mapToInt(Edge::colour).max().orElse(-1) + 1;
    }

    /** Linear extents {Lx} or {Lx, Ly}; empty for a custom graph. */
    public int[] extents() {
        return extents.clone();
    }

    public Optional<Boundary> boundary() {
        return Optional.ofNullable(boundary);
    }

    /** Coordinates (x, y) of a site of a Bravais lattice (y = 0 for a chain). */
    public int[] coordinates(int site) {
        if (extents.length == 0) {
            throw new UnsupportedOperationException("a custom graph has no coordinates");
        }
        if (site < 0 || site >= nSites) {
            throw new IllegalArgumentException("site " + site + " outside 0.." + (nSites - 1));
        }
        int lx = extents[0];
        return new int[] {site % lx, site / lx};
    }

    /**
     * The site at r_site + (dx, dy), wrapped on periodic lattices; −1 when it falls off an open
     * one. Bravais lattices only.
     */
    public int translate(int site, int dx, int dy) {
        int[] r = coordinates(site);
        int lx = extents[0];
        int ly = extents.length > 1 ? extents[1] : 1;
        int x = r[0] + dx;
        int y = r[1] + dy;
        if (boundary == Boundary.PERIODIC) {
            return Math.floorMod(x, lx) + lx * Math.floorMod(y, ly);
        }
        return x < 0 || x >= lx || y < 0 || y >= ly ? -1 : x + lx * y;
    }

    /**
     * The translation group of a periodic Bravais lattice as site permutations: row t = dx + Lx·dy
     * maps site i to i + (dx, dy), so row 0 is the identity and the group has N elements. These are
     * the symmetries a translation-invariant ansatz shares its weights over (Carleo &amp; Troyer 2017,
     * supplement, "Use of symmetries").
     *
     * @throws UnsupportedOperationException for a custom graph or open boundaries, which have no
     *         translation group
     */
    public int[][] translations() {
        if (extents.length == 0 || boundary != Boundary.PERIODIC) {
            throw new UnsupportedOperationException("translations need a chain, square or rectangular lattice"
                    + " with periodic boundaries; " + name + " has none");
        }
        int lx = extents[0];
        int ly = extents.length > 1 ? extents[1] : 1;
        int[][] group = new int[nSites][nSites];
        for (int dy = 0; dy < ly; dy++) {
            for (int dx = 0; dx < lx; dx++) {
                int[] row = group[dx + lx * dy];
                for (int i = 0; i < nSites; i++) {
                    row[i] = translate(i, dx, dy);
                }
            }
        }
        return group;
    }

    /**
     * The point group of a Bravais lattice as site permutations (row 0 the identity): the
     * reflections x → −x and y → −y and, on a square lattice, the diagonal reflection x ↔ y, with
     * all their products. That is C₂ᵥ-type {id, reflection} (2) on a chain, C₂ᵥ (4) on an Lx ≠ Ly
     * rectangle and C₄ᵥ (8) on an L×L square. On periodic lattices the operations fix site 0
     * (x → −x mod L), so with the translations they generate the whole space group; on open ones
     * they fix the centre (x → L − 1 − x). Every row maps the bonds of each colour onto themselves;
     * an operation that equals another one (a reflection of a periodic axis of length 2) is kept once.
     *
     * @throws UnsupportedOperationException for a custom graph, which has no coordinates
     */
    public int[][] pointGroup() {
        if (extents.length == 0) {
            throw new UnsupportedOperationException("a point group needs a chain, square or rectangular lattice; "
                    + name + " has no coordinates");
        }
        int lx = extents[0];
        int ly = extents.length > 1 ? extents[1] : 1;
        Set<List<Integer>> group = new LinkedHashSet<>();
        for (int swap = 0; swap < (lx == ly ? 2 : 1); swap++) {
            for (int flipY = 0; flipY < (ly > 1 ? 2 : 1); flipY++) {
                for (int flipX = 0; flipX < 2; flipX++) {
                    int[] row = new int[nSites];
                    for (int i = 0; i < nSites; i++) {
                        int x = flipX == 1 ? reflect(i % lx, lx) : i % lx;
                        int y = flipY == 1 ? reflect(i / lx, ly) : i / lx;
                        row[i] = swap == 1 ? y + lx * x : x + lx * y;
                    }
                    group.add(Arrays.stream(row).boxed().toList());
                }
            }
        }
        return group.stream().map(row -> row.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** The reflection of coordinate x on an axis of length L: about 0 when periodic, about the centre when open. */
    private int reflect(int x, int length) {
        return boundary == Boundary.PERIODIC ? Math.floorMod(-x, length) : length - 1 - x;
    }

    /**
     * Sublattice index (0 or 1) of each site for a 2-colouring of the colour-0 bonds, when the
     * graph is bipartite (the precondition of Marshall's sign rule).
     */
    public Optional<int[]> sublattice() {
        return Optional.ofNullable(sublattice).map(int[]::clone);
    }

    public boolean isBipartite() {
        return sublattice != null;
    }

    private static int[] bipartition(int n, List<Edge> edges) {
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            adj.add(new ArrayList<>());
        }
        for (Edge e : edges) {
            if (e.colour() == 0) {
                adj.get(e.i()).add(e.j());
                adj.get(e.j()).add(e.i());
            }
        }
        int[] colour = new int[n];
        Arrays.fill(colour, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < n; start++) {
            if (colour[start] >= 0) {
                continue;
            }
            colour[start] = 0;
            queue.add(start);
            while (!queue.isEmpty()) {
                int s = queue.poll();
                for (int t : adj.get(s)) {
                    if (colour[t] < 0) {
                        colour[t] = 1 - colour[s];
                        queue.add(t);
                    } else if (colour[t] == colour[s]) {
                        return null;
                    }
                }
            }
        }
        return colour;
    }

    @Override
    public String toString() {
        return name + " (" + nSites + " sites, " + edges.size() + " bonds)";
    }
}
