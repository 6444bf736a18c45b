package org.nqs4j.hamiltonians;

/**
 * Normalisation of the single-site operators in a model or observable.
 *
 * <p>{@link #PAULI}: the operators are the Pauli matrices σ^α (eigenvalues ±1).
 * {@link #SPIN_HALF}: the operators are the spin-1/2 matrices S^α = σ^α/2 (eigenvalues ±1/2), so
 * a product of k of them carries 2^−k, e.g. J S_i·S_j = (J/4)(X_iX_j + Y_iY_j + Z_iZ_j).
 */
public enum Units {
    PAULI(1.0, "Pauli"),
    SPIN_HALF(0.5, "spin");

    private final double perOperator;
    private final String word;

    Units(double perOperator, String word) {
        this.perOperator = perOperator;
        this.word = word;
    }

    /** The word of the config key {@code units} ("Pauli" or "spin"), as printed in "spin units". */
    @Override
    public String toString() {
        return word;
    }

    /** The factor of one single-site operator in Pauli matrices: 1 or 1/2. */
    public double perOperator() {
        return perOperator;
    }

    /** The factor of a product of {@code k} single-site operators in Pauli matrices: 1 or 2^−k. */
    public double product(int k) {
        return Math.pow(perOperator, k);
    }
}
