package org.nqs4j.hamiltonians.fock;

import java.util.Arrays;

/**
 * c · a_{o_0} a_{o_1} ⋯ a_{o_{k−1}}: a real coefficient times a product of ladder operators on
 * modes (spin-orbitals for fermions, sites for bosons), written left to right as in the formula,
 * so the rightmost factor acts first. {@code FockTerm.of(-t, "+-", i, j)} is −t c†_i c_j.
 */
public record FockTerm(double coefficient, Ladder[] operators, int[] modes) {
    public FockTerm {
        if (!Double.isFinite(coefficient)) {
            throw new IllegalArgumentException("coefficient must be finite, got " + coefficient);
        }
        if (operators.length != modes.length || operators.length == 0) {
            throw new IllegalArgumentException("a term needs one mode per ladder operator, got " + operators.length
                    + " operators and " + modes.length + " modes");
        }
        for (int m : modes) {
            if (m < 0) {
                throw new IllegalArgumentException("negative mode index " + m);
            }
        }
        operators = operators.clone();
        modes = modes.clone();
    }

    /** c times the product written as a word of '+', '-', 'n' on the given modes, in order. */
    public static FockTerm of(double coefficient, String word, int... modes) {
        Ladder[] ops = new Ladder[word.length()];
        for (int k = 0; k < ops.length; k++) {
            ops[k] = Ladder.of(word.charAt(k));
        }
        return new FockTerm(coefficient, ops, modes);
    }

    /** Net number of particles the term adds to the modes in [from, to). */
    public int charge(int from, int to) {
        int q = 0;
        for (int k = 0; k < modes.length; k++) {
            q += modes[k] >= from && modes[k] < to ? operators[k].charge() : 0;
        }
        return q;
    }

    /** True when the term only multiplies by occupations (no a† or a). */
    public boolean isDiagonal() {
        return Arrays.stream(operators).allMatch(o -> o == Ladder.NUMBER);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(coefficient);
        for (int k = 0; k < modes.length; k++) {
            b.append(' ').append(operators[k] == Ladder.CREATE ? "a†" : operators[k] == Ladder.ANNIHILATE ? "a" : "n")
                    .append('_').append(modes[k]);
        }
        return b.toString();
    }
}
