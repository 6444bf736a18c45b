package org.nqs4j.vmc.parallel;

/** The process was launched by an MPI launcher but cannot join the job: why, and what was looked for. */
public final class CollectiveUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CollectiveUnavailableException(String message) {
        super(message);
    }

    public CollectiveUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
