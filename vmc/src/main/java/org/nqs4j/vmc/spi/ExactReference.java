package org.nqs4j.vmc.spi;

import java.util.Map;

/**
 * An exact ground-state energy (in the units of the configured Hamiltonian) and how it was
 * obtained.
 *
 * @param method      ed-full, lanczos, free-fermion or bethe-ansatz
 * @param dimension   Hilbert-space dimension used by ED, or 0 for analytic methods
 * @param observables exact ground-state expectation values of the configured observables, by name
 */
public record ExactReference(double energy, String method, long dimension, Map<String, Double> observables) {
}
