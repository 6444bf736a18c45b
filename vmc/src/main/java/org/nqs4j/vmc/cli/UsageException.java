package org.nqs4j.vmc.cli;

/** Wrong command-line arguments; printed as one paragraph, exit code 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
