package org.nqs4j.optimizers;

import org.nqs4j.optimizers.linalg.RankExchange;
import org.nqs4j.optimizers.linalg.TaskRunner;

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

    /**
     * Multiplies the regularising diagonal shift by {@code factor} ≥ 1 from the next step on; the
     * driver raises it after a rejected (non-finite) step. Preconditioners without a shift ignore it.
     */
    default void setShiftScale(double factor) {
        if (!(factor >= 1) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("the shift scale must be finite and >= 1, got " + factor);
        }
    }

    /**
     * The runner for the preconditioner's parallel kernels (default serial); the driver passes its
     * thread pool. The direction δ must not depend on the runner (fixed task decompositions), so
     * that runs are bit-identical for any thread count. Preconditioners without parallel kernels
     * ignore it.
     */
    default void setTaskRunner(TaskRunner runner) {
    }

    /**
     * The ranks (processes) that apply the preconditioner together, each with the same samples
     * (default: one process). δ must not depend on the rank count: ranks split whole entries of
     * the work and all-gather them, never sum floating-point partial results across ranks.
     * Preconditioners without distributed kernels ignore it (every rank computes everything).
     */
    default void setRankExchange(RankExchange exchange) {
    }

    /** Why the last direction is only an approximate solution of the preconditioner's system, or null. */
    default String lastSolveNote() {
        return null;
    }

    /** What one step hands to the next (e.g. a CG warm start), for checkpoints; empty when nothing. */
    default double[] saveState() {
        return new double[0];
    }

    /** Restores {@link #saveState()}. */
    default void restoreState(double[] state) {
        if (state.length != 0) {
            throw new IllegalArgumentException(description() + " carries no state between steps; got "
                    + state.length + " doubles");
        }
    }
}
