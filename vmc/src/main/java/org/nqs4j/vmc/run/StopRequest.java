package org.nqs4j.vmc.run;

import sun.misc.Signal;

/**
 * A request to stop a run at the next step boundary, made by SIGTERM or SIGINT once the command
 * line has {@link #installSignalHandlers() installed} the handlers. The run then writes a final
 * checkpoint and a summary with status "interrupted" and ends with 128 + the signal number (143
 * for TERM, 130 for INT), so that {@code nqs resume} continues it exactly. A second signal ends the
 * process at once (the last checkpoint stays valid: it is replaced atomically).
 */
public final class StopRequest {
    private static volatile Signal received;

    private StopRequest() {
    }

    /** Replaces the JVM's default handling of TERM and INT (which would end the process at once). */
    public static void installSignalHandlers() {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), s -> {
                if (received != null) {
                    Runtime.getRuntime().halt(128 + s.getNumber());
                }
                received = s;
            });
        }
    }

    /** The number of the signal received since the handlers were installed (15 for TERM, 2 for INT), 0 when none. */
    static int pendingNumber() {
        Signal s = received;
        return s == null ? 0 : s.getNumber();
    }

    /** The name of a signal these handlers take, by number (another rank's, broadcast). */
    static String name(int number) {
        return number == 2 ? "SIGINT" : number == 15 ? "SIGTERM" : "signal " + number;
    }

    /** The run stopped on a signal after writing its final checkpoint. */
    public static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        /** {@code signal}: the number of the signal the ranks agreed on (rank 0's). */
        Interrupted(String message, int signal) {
            super(message);
            this.exitCode = 128 + signal;
        }

        /** 128 + the signal number, as a shell reports a process ended by the signal (143 TERM, 130 INT). */
        public int exitCode() {
            return exitCode;
        }
    }
}
