package org.nqs4j.vmc.config;

/**
 * A mistake in a run configuration. The message is one paragraph for the user: where (file and
 * line), which key, what is wrong, and what is allowed. The CLI prints it without a stack trace
 * and exits with code 2.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
