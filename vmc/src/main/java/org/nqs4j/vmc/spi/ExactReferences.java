package org.nqs4j.vmc.spi;

import java.util.Optional;
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
}
