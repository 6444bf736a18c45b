package org.nqs4j.hamiltonians.symmetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Edge;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.LatticeCell;

/**
 * The space group of a Bravais lattice with a basis, found rather than assumed: every candidate
 * point operation R of {@link PointOperation#candidates} (all rotations by 30° steps and mirrors
 * 15° apart) is applied to the site positions about the cell's symmetry centre x₀ (periodic) or
 * the centroid of the sites (open), x ↦ R(x − x₀) + x₀ wrapped onto the torus, and kept when it
 * maps sites onto sites, the torus onto itself, and the bonds of each colour onto bonds of that
 * colour. The translations of a periodic lattice (cell shifts) are verified the same way. The
 * group is {T_t ∘ P}: all of it for the symmorphic built-in lattices (square p4mm, triangular,
 * honeycomb, kagome p6mm) with x₀ at a point of full site symmetry.
 *
 * <p>Permutation convention: row g has g(i) = the site at G(r_i); image site i of gσ takes
 * σ_{g(i)}, so (gσ)(r) = σ(G r) and g ↦ row is a homomorphism (row of G∘H = row_G ∘ row_H).
 * Two operations that act as the same permutation on a small cluster are kept once, the second
 * remembered as an alias so that a sector can check its characters agree.
 */
public final class SpaceGroup {
    private static final double TOLERANCE = 1e-6;
    private final Lattice lattice;
    private final int[][] elements;
    /** Element e = translation (shift[e][0], shift[e][1]) cells after point operation op[e]. */
    private final int[][] shift;
    private final PointOperation[] op;
    /** Other labels (shift, op) of an element already listed: {element, dx, dy, operation index}. */
    private final List<int[]> aliases = new ArrayList<>();
    private final List<PointOperation> pointOperations;

    private SpaceGroup(Lattice lattice) {
        this.lattice = lattice;
        LatticeCell cell = lattice.cell().orElseThrow();
        int n = lattice.nSites();
        boolean periodic = lattice.boundary().orElseThrow() == Boundary.PERIODIC;
        double[][] positions = new double[n][];
        double[] centre = periodic ? cell.centre() : new double[2];
        for (int i = 0; i < n; i++) {
            positions[i] = lattice.position(i);
            if (!periodic) {
                centre[0] += positions[i][0] / n;
                centre[1] += positions[i][1] / n;
            }
        }
        Set<Long> bonds = bondKeys(lattice);
        List<PointOperation> ops = new ArrayList<>();
        List<int[]> pointRows = new ArrayList<>();
        for (PointOperation r : PointOperation.candidates(cell.dimension())) {
            if (periodic && !preservesTorus(cell, lattice.extents(), r)) {
                continue;
            }
            int[] row = image(lattice, cell, positions, centre, r);
            if (row != null && preservesBonds(lattice, bonds, row)) {
                ops.add(r);
                pointRows.add(row);
            }
        }
        int[] ext = lattice.extents();
        int l1 = periodic ? ext[0] : 1;
        int l2 = periodic && ext.length > 1 ? ext[1] : 1;
        List<int[]> translationRows = new ArrayList<>();
        for (int dy = 0; dy < l2; dy++) {
            for (int dx = 0; dx < l1; dx++) {
                int[] row = new int[n];
                for (int i = 0; i < n; i++) {
                    row[i] = lattice.translate(i, dx, dy);
                }
                if (!preservesBonds(lattice, bonds, row)) {
                    throw new IllegalStateException("the translation by (" + dx + ", " + dy + ") cells does not map"
                            + " the bonds of " + lattice + " onto themselves");
                }
                translationRows.add(row);
            }
        }
        Map<List<Integer>, Integer> index = new LinkedHashMap<>();
        List<int[]> rows = new ArrayList<>();
        List<int[]> shifts = new ArrayList<>();
        List<PointOperation> labels = new ArrayList<>();
        for (int t = 0; t < translationRows.size(); t++) {
            int[] tr = translationRows.get(t);
            for (int p = 0; p < pointRows.size(); p++) {
                int[] pr = pointRows.get(p);
                int[] row = new int[n];
                for (int i = 0; i < n; i++) {
                    row[i] = tr[pr[i]];
                }
                List<Integer> key = Arrays.stream(row).boxed().toList();
                Integer seen = index.get(key);
                if (seen == null) {
                    index.put(key, rows.size());
                    rows.add(row);
                    shifts.add(new int[] {t % l1, t / l1});
                    labels.add(ops.get(p));
                } else {
                    aliases.add(new int[] {seen, t % l1, t / l1, p});
                }
            }
        }
        this.elements = rows.toArray(int[][]::new);
        this.shift = shifts.toArray(int[][]::new);
        this.op = labels.toArray(PointOperation[]::new);
        this.pointOperations = List.copyOf(ops);
    }

    /** The space group of a Bravais lattice (open or periodic). */
    public static SpaceGroup of(Lattice lattice) {
        if (lattice.cell().isEmpty()) {
            throw new UnsupportedOperationException("a space group needs a Bravais lattice; " + lattice.name()
                    + " has no coordinates");
        }
        return new SpaceGroup(lattice);
    }

    static Set<Long> bondKeys(Lattice lattice) {
        Set<Long> keys = new HashSet<>();
        for (Edge e : lattice.edges()) {
            keys.add(bondKey(lattice.nSites(), e.i(), e.j(), e.colour()));
        }
        return keys;
    }

    private static long bondKey(int n, int i, int j, int colour) {
        return ((long) colour * n + Math.min(i, j)) * n + Math.max(i, j);
    }

    /** Whether the permutation maps every bond onto a bond of the same colour (and so the bond set onto itself). */
    static boolean preservesBonds(Lattice lattice, Set<Long> bonds, int[] row) {
        int n = lattice.nSites();
        for (Edge e : lattice.edges()) {
            if (!bonds.contains(bondKey(n, row[e.i()], row[e.j()], e.colour()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether R maps the torus vectors L_a a_a into the lattice they span (else R is not defined on the torus). */
    private static boolean preservesTorus(LatticeCell cell, int[] ext, PointOperation r) {
        for (int a = 0; a < ext.length; a++) {
            double[] v = cell.vectors()[a];
            double[] image = r.apply(ext[a] * v[0], ext[a] * v[1]);
            double[] c = cell.fractional(image[0], image[1]);
            for (int b = 0; b < ext.length; b++) {
                if (!isInteger(c[b] / ext[b])) {
                    return false;
                }
            }
            if (ext.length == 1 && Math.abs(c[1]) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInteger(double x) {
        return Math.abs(x - Math.rint(x)) < TOLERANCE;
    }

    /** The row of x ↦ R(x − x₀) + x₀, or null when a site lands off the lattice or two land on one. */
    private static int[] image(Lattice lattice, LatticeCell cell, double[][] positions, double[] centre,
                               PointOperation r) {
        int n = positions.length;
        int[] row = new int[n];
        boolean[] hit = new boolean[n];
        for (int i = 0; i < n; i++) {
            double[] p = r.apply(positions[i][0] - centre[0], positions[i][1] - centre[1]);
            int s = siteAt(lattice, cell, p[0] + centre[0], p[1] + centre[1]);
            if (s < 0 || hit[s]) {
                return null;
            }
            hit[s] = true;
            row[i] = s;
        }
        return row;
    }

    private static int siteAt(Lattice lattice, LatticeCell cell, double x, double y) {
        for (int b = 0; b < cell.nBasis(); b++) {
            double[] c = cell.fractional(x - cell.offsets()[b][0], y - cell.offsets()[b][1]);
            boolean oneDimensional = cell.dimension() == 1;
            if (isInteger(c[0]) && (oneDimensional ? Math.abs(c[1]) < TOLERANCE : isInteger(c[1]))) {
                return lattice.site((int) Math.rint(c[0]), oneDimensional ? 0 : (int) Math.rint(c[1]), b);
            }
        }
        return -1;
    }

    /** All distinct elements, row e = translation ∘ point operation, row 0 the identity. */
    public int[][] elements() {
        return copy(elements);
    }

    public int order() {
        return elements.length;
    }

    /** The translations (row dx + L₁·dy), the identity alone on an open lattice. */
    public int[][] translations() {
        return select(e -> op[e].equals(PointOperation.IDENTITY));
    }

    /**
     * The translations that leave every state of momentum k = 2π Σ_a (n_a/L_a) b_a unchanged: the
     * kernel of the character e^{−ik·t} (all of them at k = 0, row 0 the identity). A state
     * symmetric under these alone can carry momentum k; summed over the others with the
     * characters it has momentum k (an RBM with weights tied over the kernel, e.g., then needs
     * |T|/|kernel| images, not |T| independent copies of its parameters).
     */
    public int[][] translationsKeeping(int[] momentum) {
        SymmetrySector t = sector(Scope.TRANSLATIONS, momentum, Optional.empty());
        return java.util.stream.IntStream.range(0, t.permutations().length)
                .filter(e -> Math.abs(t.characterRe()[e] - 1) < 1e-9 && Math.abs(t.characterIm()[e]) < 1e-9)
                .mapToObj(e -> t.permutations()[e].clone()).toArray(int[][]::new);
    }

    /** The elements that fix x₀: the point group, row 0 the identity. */
    public int[][] pointGroup() {
        return select(e -> shift[e][0] == 0 && shift[e][1] == 0);
    }

    /** The point operations found (about x₀), as candidates, before identifying equal permutations. */
    public List<PointOperation> pointOperations() {
        return pointOperations;
    }

    private int[][] select(java.util.function.IntPredicate keep) {
        return java.util.stream.IntStream.range(0, elements.length).filter(keep).mapToObj(e -> elements[e].clone())
                .toArray(int[][]::new);
    }

    private static int[][] copy(int[][] rows) {
        return Arrays.stream(rows).map(int[]::clone).toArray(int[][]::new);
    }

    /** Which elements a sector sums over. */
    public enum Scope {
        /** Translations only: a momentum sector. */
        TRANSLATIONS,
        /** The point group about x₀ only (momentum zero). */
        POINT_GROUP,
        /** Translations × the little group of k. */
        SPACE_GROUP
    }

    /**
     * The sector of momentum k = 2π Σ_a (n_a/L_a) b_a and point-group irrep {@code irrep} (empty:
     * the trivial one): the elements G = T_t∘R of {@code scope} with R in the little group of k
     * (Rᵀk ≡ k modulo the reciprocal lattice) and the characters
     * χ(G) = e^{−ik·t} χ_irrep(R), a one-dimensional representation for 1D irreps because the
     * group is symmorphic about x₀ (Bradley &amp; Cracknell, <i>The Mathematical Theory of Symmetry
     * in Solids</i>, 1972, §4.4); for the multi-dimensional E irreps the same sum is the
     * character projector of T × little group. ψ projected this way obeys ψ(T_tσ) = e^{−ik·t} ψ(σ),
     * i.e. momentum k with T̂ = e^{−iP̂·t}.
     *
     * @throws IllegalArgumentException when k is not a momentum of the torus, the irrep is unknown
     *         to the little group, or two operations that act alike on this cluster have different
     *         characters (the sector does not exist on it)
     */
    public SymmetrySector sector(Scope scope, int[] momentum, Optional<String> irrep) {
        boolean periodic = lattice.boundary().orElseThrow() == Boundary.PERIODIC;
        int[] ext = lattice.extents();
        int[] k = momentum == null ? new int[ext.length] : momentum.clone();
        boolean gamma = Arrays.stream(k).allMatch(x -> x == 0);
        if (scope == Scope.POINT_GROUP && !gamma) {
            throw new IllegalArgumentException("a point-group projection alone has momentum 0; for momentum "
                    + Arrays.toString(k) + " use the space group or the translations");
        }
        if (scope != Scope.POINT_GROUP && !periodic) {
            throw new IllegalArgumentException("the " + lattice.name() + " has open boundaries and no translations");
        }
        if (scope == Scope.TRANSLATIONS && irrep.isPresent()) {
            throw new IllegalArgumentException("the translations have no point-group irrep; use the space group");
        }
        if (k.length != ext.length) {
            throw new IllegalArgumentException("a momentum of the " + lattice.name() + " has " + ext.length
                    + " integer(s) n_a (k = 2π Σ n_a/L_a b_a), got " + k.length);
        }
        double[] kc = lattice.momentum(k);
        List<PointOperation> little = new ArrayList<>();
        for (PointOperation r : pointOperations) {
            if (scope != Scope.TRANSLATIONS && inLittleGroup(r, kc) || r.equals(PointOperation.IDENTITY)) {
                little.add(r);
            }
        }
        CharacterTable table = new CharacterTable(little);
        String label = irrep.orElse(table.irreps().get(0));
        table.character(label, PointOperation.IDENTITY); // rejects an unknown label with the list
        List<int[]> rows = new ArrayList<>();
        List<double[]> chi = new ArrayList<>();
        double[] byElement = new double[2 * elements.length];
        Arrays.fill(byElement, Double.NaN);
        for (int e = 0; e < elements.length; e++) {
            boolean inScope = switch (scope) {
                case TRANSLATIONS -> op[e].equals(PointOperation.IDENTITY);
                case POINT_GROUP -> shift[e][0] == 0 && shift[e][1] == 0;
                case SPACE_GROUP -> true;
            };
            if (inScope && little.contains(op[e])) {
                double[] c = character(table, label, k, ext, shift[e][0], shift[e][1], op[e]);
                byElement[2 * e] = c[0];
                byElement[2 * e + 1] = c[1];
                rows.add(elements[e].clone());
                chi.add(c);
            }
        }
        for (int[] alias : aliases) {
            int e = alias[0];
            PointOperation r = pointOperations.get(alias[3]);
            if (Double.isNaN(byElement[2 * e]) || !little.contains(r)) {
                continue;
            }
            double[] c = character(table, label, k, ext, alias[1], alias[2], r);
            if (Math.hypot(c[0] - byElement[2 * e], c[1] - byElement[2 * e + 1]) > 1e-9) {
                throw new IllegalArgumentException("on the " + lattice.name() + " the operations " + op[e] + " + shift "
                        + Arrays.toString(shift[e]) + " and " + r + " + shift [" + alias[1] + ", " + alias[2]
                        + "] are the same permutation but have different characters in irrep " + label + " at momentum "
                        + Arrays.toString(k) + ": this sector does not exist on so small a cluster");
            }
        }
        String name = scope.name().toLowerCase() + (scope == Scope.POINT_GROUP ? "" : " k=" + Arrays.toString(k))
                + (scope == Scope.TRANSLATIONS ? "" : " " + label);
        return new SymmetrySector(name, rows.toArray(int[][]::new), chi.stream().mapToDouble(c -> c[0]).toArray(),
                chi.stream().mapToDouble(c -> c[1]).toArray());
    }

    /** The irreps a sector of this scope and momentum may name (those of the little group of k). */
    public List<String> irreps(int[] momentum) {
        double[] kc = lattice.momentum(momentum);
        return new CharacterTable(pointOperations.stream().filter(r -> inLittleGroup(r, kc)).toList()).irreps();
    }

    /**
     * Whether every point operation keeps k (Rᵀk ≡ k modulo the reciprocal lattice): the little
     * group of k is then the whole point group, and a state of a one-dimensional sector at k is
     * in the point-group irrep of the same name.
     */
    public boolean pointGroupKeeps(int[] momentum) {
        double[] kc = lattice.momentum(momentum);
        return pointOperations.stream().allMatch(r -> inLittleGroup(r, kc));
    }

    /** Rᵀk − k in the reciprocal lattice 2π(Z b₁ + Z b₂): (Rᵀk − k)·a_a/2π integer for each a. */
    private boolean inLittleGroup(PointOperation r, double[] k) {
        double[] kk = {k[0], k.length > 1 ? k[1] : 0};
        double[] rk = r.applyTransposed(kk[0], kk[1]);
        for (double[] a : lattice.cell().orElseThrow().vectors()) {
            if (!isInteger(((rk[0] - kk[0]) * a[0] + (rk[1] - kk[1]) * a[1]) / (2 * Math.PI))) {
                return false;
            }
        }
        return true;
    }

    /** e^{−ik·t} χ(R) with k·t = 2π Σ_a n_a t_a / L_a for t = t₁a₁ + t₂a₂. */
    private static double[] character(CharacterTable table, String label, int[] k, int[] ext, int t1, int t2,
                                      PointOperation r) {
        double phase = 2 * Math.PI * (double) k[0] * t1 / ext[0];
        if (ext.length > 1) {
            phase += 2 * Math.PI * (double) k[1] * t2 / ext[1];
        }
        double chi = table.character(label, r);
        return new double[] {chi * Math.cos(phase), -chi * Math.sin(phase)};
    }
}
