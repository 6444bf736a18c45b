package org.nqs4j.vmc.run;

import java.util.Locale;
import java.util.Optional;
import org.nqs4j.vmc.stats.ConvergenceDiagnostics;
import org.nqs4j.vmc.stats.Estimate;

/**
 * Whether the optimisation lost ground: the final estimate far above the lowest mean energy of
 * {@value #WINDOW} consecutive logged steps. The step guards undo a step that raises the energy at
 * once; a state can still drift up over many kept steps, or wreck itself between undone ones (triangular
 * 6×4 grown to α = 8: −12.75 at step 230, chains splitting from step 238, frozen at E = −6 from step
 * 327; validation/README.md). A window's error is the spread of its step energies over √{@value #WINDOW},
 * which holds the state's own fluctuation from step to step as well as the sampling noise; a loss must
 * exceed 5 combined error bars and {@value #RELATIVE} of |E|, so that a run that merely fluctuates at its
 * plateau is never flagged.
 */
final class LostGround {
    static final int WINDOW = ConvergenceDiagnostics.MIN_WINDOW;
    static final double SIGMAS = 5;
    static final double RELATIVE = 1e-2;

    private LostGround() {
    }

    /**
     * The failing check when {@code last} lies that far above some window of {@code stepEnergies} (each
     * window judged with its own error, so that a window holding a wild estimate, such as a step the
     * guards undid, is too uncertain to count); the window reported is the lowest of those.
     */
    static Optional<ResultCheck> check(double[] stepEnergies, Estimate last) {
        if (stepEnergies.length < 2 * WINDOW || !Double.isFinite(last.mean())) {
            return Optional.empty();
        }
        double best = Double.POSITIVE_INFINITY;
        double bestError = 0;
        int bestStart = -1;
        for (int start = 0; start + WINDOW <= stepEnergies.length; start++) {
            double sum = 0;
            double squares = 0;
            for (int i = start; i < start + WINDOW; i++) {
                sum += stepEnergies[i];
                squares += stepEnergies[i] * stepEnergies[i];
            }
            double mean = sum / WINDOW;
            double error = Math.sqrt(Math.max(0, squares / WINDOW - mean * mean) / (WINDOW - 1));
            double loss = last.mean() - mean;
            if (Double.isFinite(mean) && Double.isFinite(error) && mean < best
                    && loss > SIGMAS * Math.hypot(last.error(), error) && loss > RELATIVE * Math.abs(mean)) {
                best = mean;
                bestError = error;
                bestStart = start;
            }
        }
        if (bestStart < 0) {
            return Optional.empty();
        }
        double loss = last.mean() - best;
        double sigmas = loss / Math.hypot(last.error(), bestError);
        return Optional.of(new ResultCheck("lost_ground", sigmas, SIGMAS, false, String.format(Locale.ROOT,
                "the final energy %.6g lies %.4g above the %d-step mean %.6g ± %.2g of steps %d-%d (%.1f error bars,"
                        + " %.1f%% of |E|): the state lost ground after them (see the log's events), so it is not the"
                        + " best this run found (restart from an earlier checkpoint, or with a smaller learning rate"
                        + " or a larger diagonal shift)",
                last.mean(), loss, WINDOW, best, bestError, bestStart, bestStart + WINDOW - 1, sigmas,
                100 * loss / Math.abs(best))));
    }
}
