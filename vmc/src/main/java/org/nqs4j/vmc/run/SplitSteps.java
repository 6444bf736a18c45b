package org.nqs4j.vmc.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nqs4j.vmc.driver.VmcDriver;
import org.nqs4j.vmc.plot.RunLog;
import org.nqs4j.vmc.stats.ConvergenceDiagnostics;

/**
 * The optimisation steps taken from samples whose chains disagreed: split-R̂ above
 * {@link VmcDriver#R_HAT_SPLIT} with the chains moving (acceptance at least
 * {@link ConvergenceDiagnostics#FROZEN_ACCEPTANCE}). The driver undoes a step after which the chains
 * of a well-mixed state split; it cannot refuse the good state's own samples when those split (after
 * an undone or rejected step, the same state sampled again), as they are the best knowledge of that
 * state there is, and the optimisation goes on from them, its forces averaged over chains in
 * different regions of |ψ|². Measured: J1-J2 6×6 (session 16), 79 such steps from 696 to 824, the
 * per-step energy up from −18.03 to −12.6 and back, reported nowhere but in the log's R̂. The final
 * estimate has its own R̂ check; this says how the optimisation got there. The summary lists any
 * such steps; from {@value #NOTED} on, a stretch rather than a fluctuation, it adds a note that the
 * report prints (538 run folders of sessions 13–16: the healthy ones had at most 2, from R̂'s own
 * noise, and up to 4 in the burn-in of steps 0–5; those that lost their way 10 to 160).
 *
 * @param count     the steps taken from split chains
 * @param first     the first one's iteration
 * @param last      the last one's iteration
 * @param largest   the largest R̂ among them
 */
record SplitSteps(int count, int first, int last, double largest) {
    /** Split steps from which the summary carries a note (and the report prints it). */
    static final int NOTED = 10;

    /** The split steps of {@code log}, or empty when there are none. */
    static Optional<SplitSteps> of(RunLog log) {
        int count = 0;
        int first = -1;
        int last = -1;
        double largest = 0;
        for (int i = 0; i < log.size(); i++) {
            double rHat = log.rHat()[i];
            if (log.updated()[i] == 1 && rHat > VmcDriver.R_HAT_SPLIT
                    && log.acceptance()[i] >= ConvergenceDiagnostics.FROZEN_ACCEPTANCE) {
                int iteration = (int) log.iteration()[i];
                first = count == 0 ? iteration : first;
                last = iteration;
                largest = Math.max(largest, rHat);
                count++;
            }
        }
        return count == 0 ? Optional.empty() : Optional.of(new SplitSteps(count, first, last, largest));
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("first", first);
        m.put("last", last);
        m.put("r_hat_max", largest);
        if (count < NOTED) {
            return m;
        }
        m.put("note", String.format(Locale.ROOT, "%d optimisation step(s) between iterations %d and %d were taken from"
                + " chains that disagreed (split R-hat above %.1f, up to %.3g): their forces averaged over chains in"
                + " different regions of the state; see r_hat in log.jsonl (parallel tempering, sampler.replicas, lets"
                + " the chains cross between such regions)", count, first, last, VmcDriver.R_HAT_SPLIT,
                largest));
        return m;
    }
}
