package org.nqs4j.hamiltonians.symmetry;

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
        java.util.Arrays.fill(one, 1);
        return new SymmetrySector(label, permutations, one, new double[permutations.length]);
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
