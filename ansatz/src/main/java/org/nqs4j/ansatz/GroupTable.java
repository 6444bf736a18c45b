package org.nqs4j.ansatz;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The multiplication table of a finite group of site permutations, the index arithmetic of a
 * group convolution. Element a is the row a(i) (image site i of aσ takes σ_{a(i)}); the product
 * a∘b has the row a(b(i)), so that (a(bσ)) = (a∘b)σ is a left action and
 * {@code product(a, b)} is the index of the row i ↦ a(b(i)).
 */
final class GroupTable {
    private final int[][] rows;
    private final int[][] product;
    /** inverseRow[g][j] = i with g(i) = j: the entry of gσ that holds σ_j. */
    private final int[][] inverseRow;

    /**
     * @throws IllegalArgumentException when a row is not a permutation, a row repeats, the identity
     *         is missing, or a product leaves the set (not a group)
     */
    GroupTable(int[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("a group needs at least one permutation (the identity)");
        }
        int n = rows[0].length;
        this.rows = new int[rows.length][];
        Map<List<Integer>, Integer> index = new HashMap<>();
        for (int g = 0; g < rows.length; g++) {
            this.rows[g] = SymmetricRbm.requirePermutation(rows[g], n, g);
            if (index.put(Arrays.stream(rows[g]).boxed().toList(), g) != null) {
                throw new IllegalArgumentException("permutation " + g + " repeats an earlier one; list each element once");
            }
        }
        int[] identity = new int[n];
        Arrays.setAll(identity, i -> i);
        if (!index.containsKey(Arrays.stream(identity).boxed().toList())) {
            throw new IllegalArgumentException("the permutations do not contain the identity");
        }
        this.product = new int[rows.length][rows.length];
        Integer[] composed = new Integer[n];
        for (int a = 0; a < rows.length; a++) {
            for (int b = 0; b < rows.length; b++) {
                for (int i = 0; i < n; i++) {
                    composed[i] = rows[a][rows[b][i]];
                }
                Integer ab = index.get(Arrays.asList(composed));
                if (ab == null) {
                    throw new IllegalArgumentException("the permutations are not a group: the product of " + a + " and "
                            + b + " is not among them");
                }
                product[a][b] = ab;
            }
        }
        this.inverseRow = new int[rows.length][n];
        for (int g = 0; g < rows.length; g++) {
            for (int i = 0; i < n; i++) {
                inverseRow[g][rows[g][i]] = i;
            }
        }
    }

    int order() {
        return rows.length;
    }

    int nSites() {
        return rows[0].length;
    }

    /** g(i). */
    int row(int g, int i) {
        return rows[g][i];
    }

    /** The index of a∘b. */
    int product(int a, int b) {
        return product[a][b];
    }

    /** i with g(i) = j. */
    int preimage(int g, int j) {
        return inverseRow[g][j];
    }
}
