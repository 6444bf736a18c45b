package org.nqs4j.vmc.run;

import java.util.Map;
import java.util.Optional;
import org.nqs4j.vmc.driver.Evaluation;
import org.nqs4j.vmc.spi.ExactReference;
import org.nqs4j.vmc.spi.TrialState;

/**
 * The outcome of a run: the final estimate at fixed parameters, the exact reference and the
 * exact energy of the trial state when they were available, and the summary as written to
 * {@code summary.json}.
 */
public record RunResult(Evaluation evaluation, Optional<ExactReference> exact, Optional<TrialState> trial,
                        int nParameters, double wallSeconds, Map<String, Object> summary) {
}
