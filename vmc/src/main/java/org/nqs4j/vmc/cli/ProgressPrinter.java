package org.nqs4j.vmc.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.nqs4j.vmc.driver.IterationResult;
import org.nqs4j.vmc.run.RunListener;

/**
 * Progress on the terminal: a bar redrawn in place (iteration, energy ± error, variance,
 * acceptance, ETA) when stderr is a terminal, otherwise a plain line every tenth of the run;
 * nothing in quiet mode. Rejected steps are always reported, and the first step whose direction is
 * only approximate (CG at its iteration limit).
 */
public final class ProgressPrinter implements RunListener {
    private final PrintStream out;
    private final boolean quiet;
    private final boolean terminal;
    private int total;
    private int first;
    private long start;
    private boolean barDrawn;
    private boolean noted;

    public ProgressPrinter(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
        this.terminal = System.console() != null && System.getenv("NQS_NO_PROGRESS_BAR") == null;
    }

    @Override
    public void started(int first, int iterations) {
        this.first = first;
        total = iterations;
        start = System.nanoTime();
    }

    @Override
    public void iteration(IterationResult r) {
        if (!r.updated()) {
            clearBar();
            out.println("  iteration " + r.iteration() + ": step rejected (" + r.event() + ")");
        }
        if (r.note() != null && !noted) { // once: the log has every step's
            clearBar();
            out.println("  iteration " + r.iteration() + ": " + r.note() + " (each such step has a \"note\" in log.jsonl)");
            noted = true;
        }
        if (quiet) {
            return;
        }
        int done = r.iteration() + 1;
        double elapsed = (System.nanoTime() - start) * 1e-9;
        double eta = elapsed / Math.max(1, done - first) * (total - done);
        String line = String.format(Locale.ROOT, "it %d/%d  E = %s  var %.3g  acc %.2f  ETA %s", done, total,
                Format.pm(r.energy().mean(), r.energy().error()), r.energy().variance(), r.acceptance(), time(eta));
        if (terminal) {
            int width = 24;
            int filled = (int) Math.round(width * (double) done / Math.max(1, total));
            out.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + line + "   ");
            out.flush();
            barDrawn = true;
        } else if (done == total || done % Math.max(1, total / 10) == 0) {
            out.println("  " + line);
        }
    }

    private static String time(double s) {
        return s < 100 ? String.format(Locale.ROOT, "%.0fs", s) : String.format(Locale.ROOT, "%dm%02ds", (int) s / 60, (int) s % 60);
    }

    private void clearBar() {
        if (barDrawn) {
            out.println();
            barDrawn = false;
        }
    }

    @Override
    public void message(String text) {
        if (!quiet) {
            clearBar();
            out.println("  " + text);
        }
    }

    public void finish() {
        clearBar();
    }
}
