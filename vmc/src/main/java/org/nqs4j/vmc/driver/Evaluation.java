package org.nqs4j.vmc.driver;

import java.util.Map;
import java.util.Optional;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.vmc.stats.Estimate;
import org.nqs4j.vmc.stats.LanczosStep;

/**
 * A final estimate at fixed parameters: the energy and every observable, each with its error.
 *
 * @param observables real parts of ⟨Ô⟩ per observable name, in the order requested
 * @param lanczosStep  the energy after one Lanczos step from the same samples, when asked for
 * @param steppedState the last state a sampled Lanczos step drew (ψ₁, or ψ_k after k steps), for an exact sum of
 *                     its energy where the space is small
 */
public record Evaluation(Estimate energy, double energyImag, double acceptance, Map<String, Estimate> observables,
                         Optional<LanczosStep> lanczosStep, Optional<WaveFunction> steppedState) {
}
