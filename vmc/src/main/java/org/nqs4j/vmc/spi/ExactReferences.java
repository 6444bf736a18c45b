package org.nqs4j.vmc.spi;

import java.util.Optional;
import org.nqs4j.ansatz.WaveFunction;
import java.util.ServiceLoader;
import org.nqs4j.vmc.config.RunConfig;

/** Asks every registered {@link ExactReferenceProvider} in turn. */
public final class ExactReferences {
    private ExactReferences() {
    }

    /** Every registered provider as one: {@link #find} and {@link #trialState}. */
    public static ExactReferenceProvider registered() {
        return new ExactReferenceProvider() {
            @Override
            public Optional<ExactReference> groundState(RunConfig config, double secondsBudget) {
                return find(config, secondsBudget);
            }

            @Override
            public Optional<TrialState> trialState(RunConfig config, WaveFunction psi) {
                return ExactReferences.trialState(config, psi);
            }
        };
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
