package org.nqs4j.vmc.spi;

import java.util.Optional;
import org.nqs4j.vmc.config.RunConfig;

/**
 * Supplies exact references for configured problems (implemented by the validation module and
 * found through {@link java.util.ServiceLoader}).
 */
public interface ExactReferenceProvider {
    /**
     * The exact ground state of the configured Hamiltonian, when this provider can obtain it
     * within about {@code secondsBudget} seconds; empty otherwise.
     */
    Optional<ExactReference> groundState(RunConfig config, double secondsBudget);
}
