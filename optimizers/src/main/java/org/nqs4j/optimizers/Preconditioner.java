package org.nqs4j.optimizers;

/**
 * Turns the force F_k = ⟨ΔO_k* ΔE_loc⟩ into an update direction δ, so that the optimiser moves
 * p ← p − η δ. Plain gradient descent is the identity; stochastic reconfiguration solves
 * (S + ε) δ = F with the quantum geometric tensor S = ⟨ΔO†ΔO⟩ (Sorella 1998).
 */
public interface Preconditioner {
    /**
     * @param centeredO  ΔO for this iteration's samples (already centred)
     * @param force      F in the parameter layout
     * @param direction  δ, written in the parameter layout
     * @param iteration  0-based optimisation step (drives shift schedules)
     */
    void apply(LogDerivativeSamples centeredO, double[] force, double[] direction, int iteration);

    String description();
}
