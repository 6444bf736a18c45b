package org.nqs4j.vmc.spi;

import java.util.Optional;
import org.nqs4j.ansatz.WaveFunction;
import java.util.ServiceLoader;
import org.nqs4j.vmc.config.RunConfig;

/** Asks every registered {@link ExactReferenceProvider} in turn. */
public final class ExactReferences {
    private ExactReferences() {
    }

    public static Optional<ExactReference> find(RunConfig config, double secondsBudget) {
        for (ExactReferenceProvider p : ServiceLoader.load(ExactReferenceProvider.class)) {
            Optional<ExactReference> r = p.groundState(config, secondsBudget);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    /** The first provider's exact energy of the trial state, if any can sum the space. */
    public static Optional<TrialState> trialState(RunConfig config, WaveFunction psi) {
        for (ExactReferenceProvider p : ServiceLoader.load(ExactReferenceProvider.class)) {
            Optional<TrialState> t = p.trialState(config, psi);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }
}
