package org.nqs4j.vmc.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nqs4j.vmc.driver.Evaluation;
import org.nqs4j.vmc.spi.ExactReference;
import org.nqs4j.vmc.spi.TrialState;

/**
 * The outcome of a run: the final estimate at fixed parameters, the exact reference and the
 * exact energy of the trial state when they were available, and the summary as written to
 * {@code summary.json}, with the run's checks of its estimate ({@link ResultChecks}).
 */
public record RunResult(Evaluation evaluation, Optional<ExactReference> exact, Optional<TrialState> trial,
                        int nParameters, double wallSeconds, Map<String, Object> summary, List<ResultCheck> checks) {
    public RunResult {
        checks = List.copyOf(checks);
    }

    /** True when a check failed: the run finished, but its result is suspect (exit code 4). */
    public boolean suspect() {
        return !ResultChecks.allPassed(checks);
    }

    /** The exit code of a finished run: 0 when every check passed, 4 when the result is suspect. */
    public int exitCode() {
        return suspect() ? 4 : 0;
    }
}
