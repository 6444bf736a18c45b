package org.nqs4j.vmc.driver;

import org.nqs4j.vmc.stats.Estimate;

/** The energy one set of Markov chains found, with the acceptance of their moves. */
public record ChainEnergy(Estimate energy, double acceptance) {
}
