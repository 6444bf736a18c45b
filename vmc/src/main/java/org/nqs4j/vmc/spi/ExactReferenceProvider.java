package org.nqs4j.vmc.spi;

import java.util.Optional;
import org.nqs4j.ansatz.WaveFunction;
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

    /**
     * ⟨ψ|Ĥ|ψ⟩/⟨ψ|ψ⟩ of the trial state itself, summed over the whole Hilbert space (sector), when
     * the space is small enough; VMC − trial is then pure sampling error, trial − exact the
     * variational error.
     */
    default Optional<TrialState> trialState(RunConfig config, WaveFunction psi) {
        return Optional.empty();
    }
}
