package org.nqs4j.hamiltonians;

/**
 * An undirected bond between sites {@code i} and {@code j}. The colour groups bonds that carry the
 * same coupling: by convention 0 = nearest neighbours (J1), 1 = next-nearest neighbours (J2).
 */
public record Edge(int i, int j, int colour) {
    public Edge {
        if (i < 0 || j < 0) {
            throw new IllegalArgumentException("edge (" + i + ", " + j + ") has a negative site index");
        }
        if (i == j) {
            throw new IllegalArgumentException("edge (" + i + ", " + j + ") joins a site to itself");
        }
        if (colour < 0) {
            throw new IllegalArgumentException("edge (" + i + ", " + j + ") has negative colour " + colour);
        }
    }

    /** The site pairs {i, j} of the edges, in order (for tables keyed by pairs). */
    public static int[][] sitePairs(java.util.List<Edge> edges) {
        return edges.stream().map(e -> new int[] {e.i(), e.j()}).toArray(int[][]::new);
    }
}
