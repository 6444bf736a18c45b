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
    /**
     * Seconds ED may take in a validation, whatever the run's own budget: the reference is the point
     * of it, and the run's {@link org.nqs4j.vmc.run.VmcRun#EXACT_BUDGET_SECONDS} would leave out the
     * 24-site clusters (S_z = 0: 2.7·10⁶ states, estimated 45–70 s for kagome and triangular).
     */
    static final double MIN_BUDGET_SECONDS = 600;
    private final ExactGroundState provider = new ExactGroundState();
    private Optional<AnsatzSector> ansatzSector = Optional.empty();

    @Override
    public Optional<ExactReference> groundState(RunConfig config, double runBudget) {
        double secondsBudget = Math.max(runBudget, MIN_BUDGET_SECONDS);
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
