package org.nqs4j.hamiltonians.symmetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A symmetry sector to project onto: the distinct site permutations g of a group (row 0 the
 * identity; image site i of gσ takes σ_{g(i)}) and the characters χ(g) of the irrep, so that
 * P = (d/|G|) Σ_g χ(g)* ψ(gσ) is the projector onto it (for one-dimensional irreps
 * ψ_P(hσ) = χ(h) ψ_P(σ)).
 */
public record SymmetrySector(String label, int[][] permutations, double[] characterRe, double[] characterIm) {
    public SymmetrySector {
        if (permutations.length != characterRe.length || permutations.length != characterIm.length) {
            throw new IllegalArgumentException("one character per permutation");
        }
    }

    /** The trivial sector of a group of permutations (all characters 1). */
    public static SymmetrySector trivial(String label, int[][] permutations) {
        double[] one = new double[permutations.length];
        Arrays.fill(one, 1);
        return new SymmetrySector(label, permutations, one, new double[permutations.length]);
    }

    /**
     * The same projection of a ψ invariant under {@code invariances} (ψ(tσ) = ψ(σ)), summed once per
     * class: the images of g and g∘t, h(i) = g(t(i)), are the same amplitude ψ(t(gσ)) = ψ(gσ), so
     * each class keeps one element with the sum of its characters (classes whose characters cancel
     * drop out). A translation-symmetric RBM projected onto a space-group sector then needs
     * |G|/|T_k| images instead of |G|. The result differs from the full sum by a constant factor.
     *
     * @throws IllegalArgumentException when every class cancels: ψ has no component in this sector
     */
    public SymmetrySector modulo(int[][] invariances) {
        Map<List<Integer>, Integer> classOf = new HashMap<>();
        List<int[]> rows = new ArrayList<>();
        List<double[]> chi = new ArrayList<>();
        for (int e = 0; e < permutations.length; e++) {
            int[] h = permutations[e];
            Integer c = classOf.get(key(h));
            if (c == null) {
                c = rows.size();
                rows.add(h);
                chi.add(new double[2]);
                for (int[] t : invariances) {
                    int[] ht = new int[h.length];
                    for (int i = 0; i < h.length; i++) {
                        ht[i] = h[t[i]];
                    }
                    classOf.putIfAbsent(key(ht), c);
                }
            }
            chi.get(c)[0] += characterRe[e];
            chi.get(c)[1] += characterIm[e];
        }
        // a class's character is a sum of at most |invariances| roots of unity: one that cancels leaves rounding (~1e-15)
        int[] kept = IntStream.range(0, rows.size())
                .filter(c -> Math.hypot(chi.get(c)[0], chi.get(c)[1]) > 1e-9).toArray();
        if (kept.length == 0) {
            throw new IllegalArgumentException("a state invariant under these " + invariances.length
                    + " permutations has no component in the sector " + label);
        }
        return new SymmetrySector(label, Arrays.stream(kept).mapToObj(rows::get).toArray(int[][]::new),
                Arrays.stream(kept).mapToDouble(c -> chi.get(c)[0]).toArray(),
                Arrays.stream(kept).mapToDouble(c -> chi.get(c)[1]).toArray());
    }

    private static List<Integer> key(int[] permutation) {
        return Arrays.stream(permutation).boxed().toList();
    }

    /** Whether every character is 1: the projection then imposes no node on ψ. */
    public boolean isTrivial() {
        for (int e = 0; e < characterRe.length; e++) {
            if (Math.abs(characterRe[e] - 1) > 1e-12 || Math.abs(characterIm[e]) > 1e-12) {
                return false;
            }
        }
        return true;
    }

    /** Whether every character is real (a real ansatz can then carry the projection). */
    public boolean isReal() {
        for (double im : characterIm) {
            if (Math.abs(im) > 1e-12) {
                return false;
            }
        }
        return true;
    }
}
