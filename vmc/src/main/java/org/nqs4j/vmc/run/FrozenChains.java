package org.nqs4j.vmc.run;

import java.util.Locale;
import org.nqs4j.vmc.stats.ConvergenceDiagnostics;

/**
 * Ends the optimisation of a run whose Markov chains froze. With (almost) no accepted move every
 * sample is one of a few configurations, the local energy is constant on them, and the SR force
 * ⟨O*(E_loc − E)⟩ vanishes: the parameters no longer move and no later step can unfreeze the
 * chains (measured: J1-J2 4×4 with seed 42 sat on the Néel configurations for 400 steps, variance
 * 10⁻²⁸; validation/README.md, "Other seeds, and the initial width"). So after {@value #STEPS}
 * consecutive steps with acceptance below {@link ConvergenceDiagnostics#FROZEN_ACCEPTANCE} the run
 * stops stepping, estimates, and reports itself as stopped early (a failing check: status suspect)
 * instead of spending the rest of its iterations on nothing.
 *
 * <p>The stop waits until at least 2·{@link ConvergenceDiagnostics#MIN_WINDOW} steps are logged,
 * so that the plateau check can judge the log (and flag the run as stalled in summary.json). The
 * count is a function of the logged acceptances only, so a resumed run, which rebuilds it from its
 * log, stops after the same step as an uninterrupted one. Exact sums have no acceptance (NaN) and
 * never stop.
 */
final class FrozenChains {
    /** Consecutive frozen steps after which the optimisation ends. */
    static final int STEPS = ConvergenceDiagnostics.MIN_WINDOW;
    private static final int MIN_LOGGED = 2 * ConvergenceDiagnostics.MIN_WINDOW;

    private int frozen;
    private int logged;

    /** The count after the steps of an earlier part of the run, from their logged acceptances. */
    static FrozenChains after(double[] loggedAcceptance) {
        FrozenChains f = new FrozenChains();
        for (double a : loggedAcceptance) {
            f.record(a);
        }
        return f;
    }

    /** Counts one more step with Metropolis acceptance {@code acceptance}. */
    void record(double acceptance) {
        logged++;
        frozen = acceptance < ConvergenceDiagnostics.FROZEN_ACCEPTANCE ? frozen + 1 : 0;
    }

    /** True when the optimisation is to stop after the steps counted so far. */
    boolean stopped() {
        return frozen >= STEPS && logged >= MIN_LOGGED;
    }

    /** The check of summary.json for a run that stopped after {@code done} of {@code iterations} steps. */
    static ResultCheck stoppedCheck(int done, int iterations) {
        return new ResultCheck("iterations", done, iterations, false, String.format(Locale.ROOT,
                "the optimisation stopped after %d of %d iterations: the chains were frozen for %d steps (acceptance"
                        + " below %.0e), where the parameters no longer move; the state is not the ground state's"
                        + " (try a smaller ansatz.init_scale, a smaller learning rate or another sampler.move)",
                done, iterations, STEPS, ConvergenceDiagnostics.FROZEN_ACCEPTANCE));
    }
}
