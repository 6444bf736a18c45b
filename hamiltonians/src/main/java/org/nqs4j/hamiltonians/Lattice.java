package org.nqs4j.hamiltonians;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nqs4j.hamiltonians.symmetry.SpaceGroup;

/**
 * A graph of N sites with coloured edges and, for Bravais lattices with a basis, real-space
 * positions, the cell extents L₁ (× L₂) and the space group.
 *
 * <p>Build one with the factories: {@link #chain}, {@link #square}, {@link #rectangular},
 * {@link #triangular}, {@link #honeycomb}, {@link #kagome}, {@link #bravais} (any {@link LatticeCell})
 * and {@link #custom}. On a Bravais lattice site b of cell (n₁, n₂) has index b + n_b·(n₁ + L₁n₂)
 * (x + Lx·y on the square lattice, x on a chain). Bonds are found by distance shells of the
 * infinite lattice: colour 0 joins nearest neighbours, colour 1 next-nearest, colour 2 third
 * neighbours, ... (bonds of equal length share a colour); on a periodic lattice a bond is wrapped
 * onto the torus. Duplicate bonds of one colour (which appear on periodic lattices of extent 2)
 * are kept once; a pair that is bonded with two colours keeps one edge of each colour.
 */
public final class Lattice {
    private static final double TOLERANCE = 1e-8;
    private final String name;
    private final int nSites;
    private final List<Edge> edges;
    private final int[] extents;      // {L1} or {L1, L2} (cells); empty for a custom graph
    private final Boundary boundary;  // null for a custom graph
    private final LatticeCell cell;   // null for a custom graph
    private final int[] sublattice;   // 2-colouring of the colour-0 bonds, or null when not bipartite
    private SpaceGroup spaceGroup;    // computed on first use

    private Lattice(String name, int nSites, List<Edge> edges, int[] extents, Boundary boundary, LatticeCell cell) {
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
        this.cell = cell;
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
     * An Lx×Ly rectangular piece of the square lattice, site index x + Lx·y; Ly = 1 is a chain.
     * Next-nearest bonds are (x, x+2) on a chain and the two diagonals of each plaquette in two
     * dimensions.
     */
    public static Lattice rectangular(int lx, int ly, Boundary boundary, boolean nextNearest) {
        return ly == 1 ? bravais(LatticeCell.CHAIN, new int[] {lx}, boundary, nextNearest ? 2 : 1)
                : bravais(LatticeCell.SQUARE, new int[] {lx, ly}, boundary, nextNearest ? 2 : 1);
    }

    /** An L₁×L₂ triangular lattice (a₁ = (1, 0), a₂ = (1/2, √3/2)), bonds up to {@code maxNeighborOrder}. */
    public static Lattice triangular(int l1, int l2, Boundary boundary, int maxNeighborOrder) {
        return bravais(LatticeCell.TRIANGULAR, new int[] {l1, l2}, boundary, maxNeighborOrder);
    }

    /** L₁×L₂ cells of the honeycomb lattice (2 sites each), bonds up to {@code maxNeighborOrder}. */
    public static Lattice honeycomb(int l1, int l2, Boundary boundary, int maxNeighborOrder) {
        return bravais(LatticeCell.HONEYCOMB, new int[] {l1, l2}, boundary, maxNeighborOrder);
    }

    /** L₁×L₂ cells of the kagome lattice (3 sites each), bonds up to {@code maxNeighborOrder}. */
    public static Lattice kagome(int l1, int l2, Boundary boundary, int maxNeighborOrder) {
        return bravais(LatticeCell.KAGOME, new int[] {l1, l2}, boundary, maxNeighborOrder);
    }

    /**
     * L₁ (× L₂) cells of {@code cell} with the bonds of the first {@code maxNeighborOrder} distance
     * shells, shell k with colour k − 1. Per site the bonds are listed by colour, then by the angle
     * in [0, π) of the bond vector (each bond once, from the end it leaves at that angle).
     */
    public static Lattice bravais(LatticeCell cell, int[] extents, Boundary boundary, int maxNeighborOrder) {
        if (extents.length != cell.dimension()) {
            throw new IllegalArgumentException("a " + cell.kind() + " lattice needs " + cell.dimension()
                    + " extent(s), got " + extents.length);
        }
        for (int l : extents) {
            if (l < 1) {
                throw new IllegalArgumentException("lattice extents must be positive, got " + Arrays.toString(extents));
            }
        }
        if (boundary == null) {
            throw new IllegalArgumentException("boundary must be PERIODIC or OPEN, got null");
        }
        if (maxNeighborOrder < 1) {
            throw new IllegalArgumentException("the neighbour order must be at least 1 (nearest neighbours), got "
                    + maxNeighborOrder);
        }
        int l1 = extents[0];
        int l2 = extents.length > 1 ? extents[1] : 1;
        int nb = cell.nBasis();
        List<List<List<int[]>>> forward = forwardNeighbours(cell, maxNeighborOrder);
        boolean periodic = boundary == Boundary.PERIODIC;
        Set<Edge> set = new LinkedHashSet<>();
        for (int n2 = 0; n2 < l2; n2++) {
            for (int n1 = 0; n1 < l1; n1++) {
                for (int b = 0; b < nb; b++) {
                    int s = b + nb * (n1 + l1 * n2);
                    for (int colour = 0; colour < maxNeighborOrder; colour++) {
                        for (int[] d : forward.get(b).get(colour)) {
                            int x = n1 + d[1];
                            int y = n2 + d[2];
                            if (!periodic && (x < 0 || x >= l1 || y < 0 || y >= l2)) {
                                continue;
                            }
                            int t = d[0] + nb * (Math.floorMod(x, l1) + l1 * Math.floorMod(y, l2));
                            if (t != s) { // a bond wrapping onto its own site (extent 1 or 2) is no bond
                                // the set keeps a pair once per colour (periodic extent 2 meets the same neighbour
                                // twice); a pair that is both nearest and next-nearest (ring of 3) keeps both
                                set.add(new Edge(Math.min(s, t), Math.max(s, t), colour));
                            }
                        }
                    }
                }
            }
        }
        String size = extents.length == 1 ? "L=" + l1 : l1 + "x" + l2;
        String kind = cell == LatticeCell.SQUARE && l1 != l2 ? "rectangular" : cell.kind();
        String order = maxNeighborOrder > 2 && cell != LatticeCell.CHAIN && cell != LatticeCell.SQUARE
                ? " (" + maxNeighborOrder + " neighbour shells)" : "";
        return new Lattice(kind + " " + size + " " + boundary.name().toLowerCase() + order, nb * l1 * l2,
                new ArrayList<>(set), extents, boundary, cell);
    }

    /**
     * For each basis site b and colour c, the bonds (b', Δn₁, Δn₂) of length = the (c+1)-th
     * smallest distance of the infinite lattice whose bond vector has an angle in [0, π), sorted
     * by that angle. The shells are the distinct distances from any basis site to the sites of the
     * cells within maxOrder + 1 cells, which contain all of them for the built-in cells.
     */
    private static List<List<List<int[]>>> forwardNeighbours(LatticeCell cell, int maxOrder) {
        int reach = maxOrder + 1;
        int nb = cell.nBasis();
        int reach2 = cell.dimension() == 2 ? reach : 0;
        List<Double> distances = new ArrayList<>();
        for (int b = 0; b < nb; b++) {
            double[] r0 = cell.position(0, 0, b);
            for (int d2 = -reach2; d2 <= reach2; d2++) {
                for (int d1 = -reach; d1 <= reach; d1++) {
                    for (int c = 0; c < nb; c++) {
                        double[] r = cell.position(d1, d2, c);
                        double dist = Math.hypot(r[0] - r0[0], r[1] - r0[1]);
                        if (dist > TOLERANCE) {
                            distances.add(dist);
                        }
                    }
                }
            }
        }
        distances.sort(null);
        List<Double> shells = new ArrayList<>();
        for (double d : distances) {
            if (shells.isEmpty() || d > shells.get(shells.size() - 1) + TOLERANCE) {
                shells.add(d);
            }
        }
        if (shells.size() < maxOrder) {
            throw new IllegalArgumentException("the " + cell.kind() + " cell has only " + shells.size()
                    + " neighbour shells within " + reach + " cells; asked for " + maxOrder);
        }
        List<List<List<int[]>>> out = new ArrayList<>();
        for (int b = 0; b < nb; b++) {
            double[] r0 = cell.position(0, 0, b);
            List<List<int[]>> perColour = new ArrayList<>();
            for (int colour = 0; colour < maxOrder; colour++) {
                List<double[]> found = new ArrayList<>(); // (angle, b', d1, d2)
                for (int d2 = -reach2; d2 <= reach2; d2++) {
                    for (int d1 = -reach; d1 <= reach; d1++) {
                        for (int c = 0; c < nb; c++) {
                            double[] r = cell.position(d1, d2, c);
                            double dx = r[0] - r0[0];
                            double dy = r[1] - r0[1];
                            boolean upperHalf = dy > TOLERANCE || (Math.abs(dy) <= TOLERANCE && dx > TOLERANCE);
                            if (upperHalf && Math.abs(Math.hypot(dx, dy) - shells.get(colour)) <= TOLERANCE) {
                                found.add(new double[] {Math.atan2(Math.max(dy, 0), dx), c, d1, d2});
                            }
                        }
                    }
                }
                found.sort((u, v) -> Double.compare(u[0], v[0]));
                perColour.add(found.stream().map(f -> new int[] {(int) f[1], (int) f[2], (int) f[3]}).toList());
            }
            out.add(perColour);
        }
        return out;
    }

    /** A graph given by its edge list; no positions, no periodic displacements. */
    public static Lattice custom(int nSites, List<Edge> edges) {
        Set<Edge> set = new LinkedHashSet<>();
        for (Edge e : edges) {
            set.add(new Edge(Math.min(e.i(), e.j()), Math.max(e.i(), e.j()), e.colour()));
        }
        return new Lattice("custom graph N=" + nSites, nSites, new ArrayList<>(set), new int[0], null, null);
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

    /** Cell extents {L₁} or {L₁, L₂} (Lx, Ly on the square lattice); empty for a custom graph. */
    public int[] extents() {
        return extents.clone();
    }

    public Optional<Boundary> boundary() {
        return Optional.ofNullable(boundary);
    }

    /** The unit cell of a Bravais lattice; empty for a custom graph. */
    public Optional<LatticeCell> cell() {
        return Optional.ofNullable(cell);
    }

    /** Sites per cell (1 on chains, square and triangular lattices). */
    public int nBasis() {
        requireCell();
        return cell.nBasis();
    }

    private void requireCell() {
        if (cell == null) {
            throw new UnsupportedOperationException("a custom graph has no coordinates");
        }
    }

    private void requireSite(int site) {
        requireCell();
        if (site < 0 || site >= nSites) {
            throw new IllegalArgumentException("site " + site + " outside 0.." + (nSites - 1));
        }
    }

    /** The cell coordinates (n₁, n₂) of a site of a Bravais lattice (x, y on the square lattice; n₂ = 0 on a chain). */
    public int[] coordinates(int site) {
        requireSite(site);
        int c = site / cell.nBasis();
        return new int[] {c % extents[0], c / extents[0]};
    }

    /** The basis index b of a site (0 on one-site cells). */
    public int basisIndex(int site) {
        requireSite(site);
        return site % cell.nBasis();
    }

    /** The Cartesian position n₁a₁ + n₂a₂ + δ_b of a site, (x, y). */
    public double[] position(int site) {
        int[] n = coordinates(site);
        return cell.position(n[0], n[1], basisIndex(site));
    }

    /**
     * The momentum k = 2π Σ_a (n_a/L_a) b_a of the torus in Cartesian components (b_a the
     * reciprocal vectors, a_i·b_j = δ_ij), one integer per dimension: q = (2πn_x/L_x, 2πn_y/L_y) on
     * the square lattice.
     */
    public double[] momentum(int[] n) {
        requireCell();
        if (n.length != extents.length) {
            throw new IllegalArgumentException("a momentum of the " + name + " needs " + extents.length
                    + " integer(s), got " + n.length);
        }
        double[][] b = cell.reciprocal();
        double[] k = new double[extents.length];
        for (int c = 0; c < k.length; c++) {
            for (int a = 0; a < n.length; a++) {
                k[c] += 2 * Math.PI * n[a] / extents[a] * b[a][c];
            }
        }
        return k;
    }

    /** The site at (n₁, n₂, b), wrapped on periodic lattices; −1 when it falls off an open one. */
    public int site(int n1, int n2, int b) {
        requireCell();
        int l1 = extents[0];
        int l2 = extents.length > 1 ? extents[1] : 1;
        if (boundary == Boundary.PERIODIC) {
            return b + cell.nBasis() * (Math.floorMod(n1, l1) + l1 * Math.floorMod(n2, l2));
        }
        return n1 < 0 || n1 >= l1 || n2 < 0 || n2 >= l2 ? -1 : b + cell.nBasis() * (n1 + l1 * n2);
    }

    /**
     * The site at r_site + dx·a₁ + dy·a₂ (same basis index), wrapped on periodic lattices; −1 when it
     * falls off an open one. Bravais lattices only.
     */
    public int translate(int site, int dx, int dy) {
        int[] r = coordinates(site);
        return site(r[0] + dx, r[1] + dy, basisIndex(site));
    }

    /**
     * The pairs (i, i + r), r = dx·a₁ + dy·a₂, over every site i whose translate exists (all of them
     * on a periodic lattice): the terms of a translation-averaged correlation at displacement r.
     *
     * @throws IllegalArgumentException when no pair is that far apart
     */
    public java.util.List<int[]> pairsAt(int dx, int dy) {
        java.util.List<int[]> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < nSites(); i++) {
            int j = translate(i, dx, dy);
            if (j >= 0) {
                pairs.add(new int[] {i, j});
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no pair of sites of " + this + " is " + dx + "," + dy + " apart");
        }
        return pairs;
    }

    /**
     * The space group: the bond- and colour-preserving site permutations that are translations ×
     * point operations of the cell (computed on first use, see {@link SpaceGroup}).
     *
     * @throws UnsupportedOperationException for a custom graph, which has no coordinates
     */
    public synchronized SpaceGroup spaceGroup() {
        if (cell == null) {
            throw new UnsupportedOperationException("a space group needs a Bravais lattice; " + name
                    + " has no coordinates (its automorphisms are GraphAutomorphisms.of)");
        }
        if (spaceGroup == null) {
            spaceGroup = SpaceGroup.of(this);
        }
        return spaceGroup;
    }

    /**
     * The translation group of a periodic Bravais lattice as site permutations: row t = dx + L₁·dy
     * maps site i to i + dx·a₁ + dy·a₂, so row 0 is the identity and the group has N/n_b elements.
     * These are the symmetries a translation-invariant ansatz shares its weights over (Carleo &amp;
     * Troyer 2017, supplement, "Use of symmetries").
     *
     * @throws UnsupportedOperationException for a custom graph or open boundaries, which have no
     *         translation group
     */
    public int[][] translations() {
        if (!hasTranslations()) {
            throw new UnsupportedOperationException("translations need a Bravais lattice with periodic boundaries; "
                    + name + " has none");
        }
        return spaceGroup().translations();
    }

    /** Whether {@link #translations} exists: a Bravais lattice (with coordinates) and periodic boundaries. */
    public boolean hasTranslations() {
        return cell != null && boundary == Boundary.PERIODIC;
    }

    /**
     * The point group as site permutations (row 0 the identity): the operations of {@link #spaceGroup}
     * that fix the cell's symmetry centre (periodic lattices) or the centroid of the sites (open
     * ones). C₄ᵥ (8) on an L×L square, C₂ᵥ (4) on an Lx ≠ Ly rectangle, C₆ᵥ (12) on triangular,
     * honeycomb and kagome tori that allow it, the reflection on a chain; an operation that equals
     * another one on the finite lattice (a reflection of a periodic axis of length 2) is kept once.
     *
     * @throws UnsupportedOperationException for a custom graph, which has no coordinates
     */
    public int[][] pointGroup() {
        if (cell == null) {
            throw new UnsupportedOperationException("a point group needs a Bravais lattice; "
                    + name + " has no coordinates");
        }
        return spaceGroup().pointGroup();
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
