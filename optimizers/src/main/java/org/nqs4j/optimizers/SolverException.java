package org.nqs4j.optimizers;

/**
 * A linear solve of the SR equations failed: the matrix is not (numerically) positive definite
 * or the result is not finite. Thrown instead of returning NaN so a run stops at the cause;
 * the usual remedy is a larger diagonal shift or more samples.
 */
public final class SolverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SolverException(String message) {
        super(message);
    }
}
