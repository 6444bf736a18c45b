package org.nqs4j.validation;

/** A real symmetric D×D matrix known through its product with vectors, the input of {@link Lanczos}. */
public interface SymmetricLinearMap {
    int dimension();

    /** y = A·x; {@code x} and {@code y} are distinct arrays of length D. */
    void multiply(double[] x, double[] y);
}
