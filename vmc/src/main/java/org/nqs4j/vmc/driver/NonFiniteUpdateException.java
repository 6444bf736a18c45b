package org.nqs4j.vmc.driver;

/** Raised when optimisation steps keep producing NaN/Inf and the run cannot continue. */
public final class NonFiniteUpdateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NonFiniteUpdateException(String message) {
        super(message);
    }
}
