package org.nqs4j.optimizers;

/**
 * Applies an update direction δ (from a {@link Preconditioner}) to the parameters. Complex
 * parameters are stored interleaved (re, im) and are updated component-wise, which for a
 * holomorphic ansatz is the complex update p ← p − η δ.
 */
public interface Optimizer {
    /** p ← p − step(δ) in place; {@code iteration} is the 0-based optimisation step. */
    void step(double[] parameters, double[] direction, int iteration);

    /** Internal state (e.g. Adam moments) for checkpoints; empty when stateless. */
    double[] saveState();

    void restoreState(double[] state);

    String description();
}
