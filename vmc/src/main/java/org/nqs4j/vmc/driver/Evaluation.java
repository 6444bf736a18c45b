package org.nqs4j.vmc.driver;

import java.util.Map;
import org.nqs4j.vmc.stats.Estimate;

/**
 * A final estimate at fixed parameters: the energy and every observable, each with its error.
 *
 * @param observables real parts of ⟨Ô⟩ per observable name, in the order requested
 */
public record Evaluation(Estimate energy, double energyImag, double acceptance, Map<String, Estimate> observables) {
}
