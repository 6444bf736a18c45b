package org.nqs4j.vmc.config;

/**
 * A literature value of the ground-state energy for a problem beyond exact methods (e.g. quantum
 * Monte Carlo for the 10x10 Heisenberg model), in the units of the configured Hamiltonian (total
 * energy, not per site), with its quoted error and source. Used as the reference when no exact
 * method applies.
 */
public record ReferenceEnergy(double energy, double error, String source) {
}
