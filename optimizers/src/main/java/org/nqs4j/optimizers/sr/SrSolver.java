package org.nqs4j.optimizers.sr;

import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.SolverException;
import org.nqs4j.optimizers.linalg.RankExchange;
import org.nqs4j.optimizers.linalg.TaskRunner;

/**
 * Solves the stochastic-reconfiguration equations (S + diag(d)) δ = F with the quantum geometric
 * tensor S = (1/N_s) ΔO†ΔO: complex Hermitian for a complex ansatz, real symmetric
 * (S = (1/N_s) ΔOᵀΔO, F real) for a real one. Instances keep workspaces (and a CG warm start)
 * and are not thread-safe. Obtain them from {@link SrSolvers}.
 */
public interface SrSolver {
    /**
     * @param centeredO ΔO, N_s × P
     * @param force     F in the parameter layout (P or 2P doubles)
     * @param shift     d_k ≥ 0, k &lt; P (real also for a complex ansatz)
     * @param direction δ, written in the parameter layout
     * @throws SolverException when the system is numerically singular or δ is not finite
     */
    void solve(LogDerivativeSamples centeredO, double[] force, double[] shift, double[] direction);

    /**
     * Why the last direction is not the exact solution of its system, or null: a solver that
     * stops early (CG at its iteration limit) says so, for the log.
     */
    default String lastSolveNote() {
        return null;
    }

    /** What one solve hands to the next (the CG warm start), for checkpoints; empty when nothing. */
    default double[] saveState() {
        return new double[0];
    }

    /** Restores {@link #saveState()}, so that a resumed run solves exactly as the uninterrupted one. */
    default void restoreState(double[] state) {
        if (state.length != 0) {
            throw new IllegalArgumentException(description() + " carries no state between solves; got "
                    + state.length + " doubles");
        }
    }

    /**
     * The runner for the solver's parallel kernels (default: {@link TaskRunner#SERIAL}). Solvers
     * split their work into a fixed set of tasks, so δ does not depend on the runner; solvers
     * without parallel kernels ignore it.
     */
    default void setTaskRunner(TaskRunner runner) {
    }

    /**
     * The ranks that share each solve (default: {@link RankExchange#SINGLE}), all calling
     * {@link #solve} with the same arguments: solvers that split their work compute their share
     * and all-gather it, with δ bit-identical for any rank count; the others solve on every rank.
     */
    default void setRankExchange(RankExchange exchange) {
    }

    String description();
}
