package org.nqs4j.optimizers.sr;

import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.Preconditioner;
import org.nqs4j.optimizers.linalg.RankExchange;
import org.nqs4j.optimizers.linalg.TaskRunner;

/**
 * Stochastic reconfiguration (Sorella 1998; Carleo &amp; Troyer 2017, supplement): δ solves
 * (S + diag(d_p)) δ = F with the quantum geometric tensor S = (1/N_s) ΔO†ΔO and the diagonal
 * shift d_p of the step p from a {@link DiagonalShift}; the linear algebra is an {@link SrSolver}.
 */
public final class StochasticReconfiguration implements Preconditioner {
    private final SrSolver solver;
    private final DiagonalShift shift;
    private double[] diagonal = new double[0];
    private double shiftScale = 1;

    public StochasticReconfiguration(SrSolver solver, DiagonalShift shift) {
        if (solver == null || shift == null) {
            throw new IllegalArgumentException("stochastic reconfiguration needs a solver and a diagonal shift");
        }
        this.solver = solver;
        this.shift = shift;
    }

    @Override
    public void apply(LogDerivativeSamples centeredO, double[] force, double[] direction, int iteration) {
        diagonal = DenseQgt.ensure(diagonal, centeredO.nParameters());
        shift.fill(centeredO, iteration, diagonal);
        if (shiftScale != 1) {
            for (int k = 0; k < centeredO.nParameters(); k++) {
                diagonal[k] *= shiftScale;
            }
        }
        solver.solve(centeredO, force, diagonal, direction);
    }

    /** d_k → factor · d_k (a zero shift stays zero). */
    @Override
    public void setShiftScale(double factor) {
        Preconditioner.super.setShiftScale(factor);
        shiftScale = factor;
    }

    @Override
    public void setTaskRunner(TaskRunner runner) {
        solver.setTaskRunner(runner);
    }

    @Override
    public void setRankExchange(RankExchange exchange) {
        solver.setRankExchange(exchange);
    }

    @Override
    public double[] saveState() {
        return solver.saveState();
    }

    @Override
    public void restoreState(double[] state) {
        solver.restoreState(state);
    }

    public SrSolver solver() {
        return solver;
    }

    @Override
    public String description() {
        return "SR, " + solver.description() + ", shift " + shift.description();
    }
}
