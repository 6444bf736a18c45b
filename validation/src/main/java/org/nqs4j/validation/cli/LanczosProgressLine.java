package org.nqs4j.validation.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.nqs4j.validation.Lanczos;

/**
 * The progress of a long diagonalisation as a line on stderr, e.g. "Lanczos: 2.70 M states,
 * product 48, lowest Ritz value -11.228, residual 3.1e-06, 12 s", at most one every
 * {@code everySeconds}, so that a minute of ED is not a minute of silence.
 */
final class LanczosProgressLine implements Lanczos.Progress {
    private final PrintStream err;
    private final double everySeconds;
    private final long start = System.nanoTime();
    private long last = start;

    LanczosProgressLine(PrintStream err, double everySeconds) {
        this.err = err;
        this.everySeconds = everySeconds;
    }

    @Override
    public void report(int dimension, int locked, int products, double ritz, double residual) {
        long now = System.nanoTime();
        if ((now - last) * 1e-9 < everySeconds) {
            return;
        }
        last = now;
        err.println(String.format(Locale.ROOT, "nqs exact: Lanczos: %s states, product %d, lowest Ritz value %.10g,"
                + " residual %.1e, %.0f s", states(dimension), products, ritz, residual, (now - start) * 1e-9));
    }

    @Override
    public void building(long dimension) {
        err.println("nqs exact: building the sparse Hamiltonian of " + states(dimension) + " states"
                + String.format(Locale.ROOT, " (%.0f s)", (System.nanoTime() - start) * 1e-9));
    }

    static String states(long dimension) {
        return dimension >= 1_000_000 ? String.format(Locale.ROOT, "%.2f M", dimension / 1e6)
                : dimension >= 10_000 ? String.format(Locale.ROOT, "%.1f k", dimension / 1e3) : String.valueOf(dimension);
    }
}
