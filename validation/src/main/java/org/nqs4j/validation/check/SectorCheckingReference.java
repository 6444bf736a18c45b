package org.nqs4j.validation.check;

import java.util.Optional;

import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.validation.AnsatzSector;
import org.nqs4j.validation.ExactGroundState;
import org.nqs4j.validation.GroundStateSector;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.spi.ExactReference;
import org.nqs4j.vmc.spi.ExactReferenceProvider;
import org.nqs4j.vmc.spi.TrialState;

/**
 * The exact reference of a validation run, from {@link ExactGroundState} as for any run, which
 * also compares the sector of an ansatz confined to one with that of ED's ground state
 * ({@link AnsatzSector}): from the state vector of the same diagonalisation, at once, so that the
 * vector is released with it, and within what is left of the run's reference budget
 * ({@link GroundStateSector#of(RunConfig, ExactGroundState.Solution, double)}).
 */
final class SectorCheckingReference implements ExactReferenceProvider {
    private final ExactGroundState provider = new ExactGroundState();
    private Optional<AnsatzSector> ansatzSector = Optional.empty();

    @Override
    public Optional<ExactReference> groundState(RunConfig config, double secondsBudget) {
        ExactGroundState.Solution s;
        try {
            s = ExactGroundState.solve(config, secondsBudget);
        } catch (ExactGroundState.NoExactMethodException e) {
            return Optional.empty();
        }
        if (AnsatzSector.confined(config)) {
            ansatzSector = GroundStateSector.of(config, s, secondsBudget - s.seconds())
                    .flatMap(g -> AnsatzSector.of(config, g));
        }
        return Optional.of(s.reference());
    }

    @Override
    public Optional<TrialState> trialState(RunConfig config, WaveFunction psi) {
        return provider.trialState(config, psi);
    }

    /** The comparison, once {@link #groundState} ran for a config whose ansatz is confined to a sector. */
    Optional<AnsatzSector> ansatzSector() {
        return ansatzSector;
    }
}
