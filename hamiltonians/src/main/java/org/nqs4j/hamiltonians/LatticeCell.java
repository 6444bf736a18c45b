package org.nqs4j.hamiltonians;

/**
 * The unit cell of an infinite Bravais lattice with a basis: sites at R + δ_b for every lattice
 * vector R = n₁a₁ (+ n₂a₂) and every basis offset δ_b, in Cartesian coordinates of the plane
 * (a chain lies on the x axis). {@code centre} is a point of highest site symmetry: the origin of
 * the point group on periodic lattices (a site of the square and triangular lattices, a hexagon
 * centre of the honeycomb and kagome lattices), so that every space-group element is a
 * translation times a point operation about it (all built-in lattices are symmorphic: p1m/p4mm/p6mm).
 * Nearest-neighbour distance 1 for the chain, square and triangular lattices, 1/√3 (honeycomb) and
 * 1/2 (kagome) for |a₁| = |a₂| = 1.
 *
 * @param vectors primitive vectors a₁ (, a₂), each (x, y)
 * @param offsets basis offsets δ_b, each (x, y)
 */
public record LatticeCell(String kind, double[][] vectors, double[][] offsets, double[] centre) {
    private static final double S3 = Math.sqrt(3);

    public static final LatticeCell CHAIN = new LatticeCell("chain", new double[][] {{1, 0}}, new double[][] {{0, 0}},
            new double[] {0, 0});
    public static final LatticeCell SQUARE = new LatticeCell("square", new double[][] {{1, 0}, {0, 1}},
            new double[][] {{0, 0}}, new double[] {0, 0});
    public static final LatticeCell TRIANGULAR = new LatticeCell("triangular", new double[][] {{1, 0}, {0.5, S3 / 2}},
            new double[][] {{0, 0}}, new double[] {0, 0});
    /** Sites A = 0 and B = (a₁ + a₂)/3; the hexagon centre 2(a₁ + a₂)/3 = (1, 1/√3). */
    public static final LatticeCell HONEYCOMB = new LatticeCell("honeycomb", new double[][] {{1, 0}, {0.5, S3 / 2}},
            new double[][] {{0, 0}, {0.5, S3 / 6}}, new double[] {1, 1 / S3});
    /** Sites 0, a₁/2, a₂/2 (an up triangle); the hexagon centre (a₁ + a₂)/2. */
    public static final LatticeCell KAGOME = new LatticeCell("kagome", new double[][] {{1, 0}, {0.5, S3 / 2}},
            new double[][] {{0, 0}, {0.5, 0}, {0.25, S3 / 4}}, new double[] {0.75, S3 / 4});

    public LatticeCell {
        if (vectors.length < 1 || vectors.length > 2 || offsets.length < 1) {
            throw new IllegalArgumentException("a unit cell needs 1 or 2 primitive vectors and at least one basis site");
        }
        vectors = deepCopy(vectors);
        offsets = deepCopy(offsets);
        centre = centre.clone();
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != 2) {
                throw new IllegalArgumentException("cell vectors and offsets are points (x, y) of the plane");
            }
            out[r] = rows[r].clone();
        }
        return out;
    }

    public int dimension() {
        return vectors.length;
    }

    public int nBasis() {
        return offsets.length;
    }

    /** The Cartesian position n₁a₁ + n₂a₂ + δ_b. */
    public double[] position(double n1, double n2, int b) {
        double x = n1 * vectors[0][0] + offsets[b][0];
        double y = n1 * vectors[0][1] + offsets[b][1];
        if (dimension() == 2) {
            x += n2 * vectors[1][0];
            y += n2 * vectors[1][1];
        }
        return new double[] {x, y};
    }

    /**
     * The reciprocal vectors b_a with a_i·b_j = δ_ij (b₁ = a₁/|a₁|² on a chain), so that a lattice
     * momentum of an L₁×L₂ torus is k = 2π Σ_a (n_a/L_a) b_a.
     */
    public double[][] reciprocal() {
        if (dimension() == 1) {
            double norm = vectors[0][0] * vectors[0][0] + vectors[0][1] * vectors[0][1];
            return new double[][] {{vectors[0][0] / norm, vectors[0][1] / norm}};
        }
        double det = vectors[0][0] * vectors[1][1] - vectors[0][1] * vectors[1][0];
        return new double[][] {{vectors[1][1] / det, -vectors[1][0] / det}, {-vectors[0][1] / det, vectors[0][0] / det}};
    }

    /** The coordinates (c₁, c₂) of a Cartesian vector r = c₁a₁ + c₂a₂ (c₂ = the y residue on a chain). */
    public double[] fractional(double x, double y) {
        double[][] b = reciprocal();
        double c1 = x * b[0][0] + y * b[0][1];
        return dimension() == 1 ? new double[] {c1, y} : new double[] {c1, x * b[1][0] + y * b[1][1]};
    }
}
