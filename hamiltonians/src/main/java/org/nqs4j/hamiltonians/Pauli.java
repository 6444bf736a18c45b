package org.nqs4j.hamiltonians;

/**
 * A single-site Pauli matrix in the σᶻ basis, with σ = +1 for up:
 * Z|σ⟩ = σ|σ⟩, X|σ⟩ = |−σ⟩, Y|σ⟩ = iσ|−σ⟩ (Y = [[0, −i], [i, 0]] in the basis (up, down)).
 */
public enum Pauli {
    X, Y, Z;

    /** True for X and Y, which flip the spin. */
    public boolean flips() {
        return this != Z;
    }

    /** True for Y and Z, whose matrix element carries a factor σ. */
    public boolean carriesSigma() {
        return this != X;
    }

    /** The Pauli matrix named by {@code 'X'}, {@code 'Y'} or {@code 'Z'} (either case). */
    public static Pauli of(char name) {
        return switch (Character.toUpperCase(name)) {
            case 'X' -> X;
            case 'Y' -> Y;
            case 'Z' -> Z;
            default -> throw new IllegalArgumentException("unknown Pauli operator '" + name + "': allowed are X, Y, Z and I");
        };
    }
}
