package org.nqs4j.optimizers.sr;

import java.util.Arrays;
import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.Preconditioner;
import org.nqs4j.optimizers.linalg.RankExchange;
import org.nqs4j.optimizers.linalg.TaskRunner;

/**
 * Stochastic reconfiguration (Sorella 1998; Carleo &amp; Troyer 2017, supplement): δ solves
 * (S + D) δ = F with the quantum geometric tensor S = (1/N_s) ΔO†ΔO and the diagonal shift
 * D = diag(d_p) of the step p from a {@link DiagonalShift}; the linear algebra is an {@link SrSolver}.
 *
 * <p>With a momentum μ &gt; 0 it is SPRING (Goldshlager, Abrahamsen &amp; Lin, J. Comput. Phys. 2024):
 * the regulariser pulls δ towards μ times the last direction δ' instead of towards 0,
 * <pre>
 *   δ = argmin ‖ΔO δ − Δe‖²/N_s + (δ − μδ')† D (δ − μδ'),   i.e.   (S + D) δ = F + μ D δ',
 * </pre>
 * so any solver serves: only the right-hand side changes. Where the samples fix δ (large
 * eigenvalues of S) the step is SR's; along directions they hardly see, δ keeps μ of the last one
 * instead of shrinking to 0, and consistent directions add up over steps (a Kaczmarz iteration on
 * the minSR least-squares problem). μ = 0 is plain SR. δ' is state ({@link #saveState}): a rejected
 * or undone step puts it back with the rest.
 */
public final class StochasticReconfiguration implements Preconditioner {
    private final SrSolver solver;
    private final DiagonalShift shift;
    private final double momentum;
    private double[] diagonal = new double[0];
    private double[] rightHandSide = new double[0];
    /** δ' of the last step (SPRING), empty before the first. */
    private double[] previous = new double[0];
    private double shiftScale = 1;

    public StochasticReconfiguration(SrSolver solver, DiagonalShift shift) {
        this(solver, shift, 0);
    }

    /** SR with SPRING's momentum μ ∈ [0, 1) (0: plain SR). */
    public StochasticReconfiguration(SrSolver solver, DiagonalShift shift, double momentum) {
        if (solver == null || shift == null) {
            throw new IllegalArgumentException("stochastic reconfiguration needs a solver and a diagonal shift");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("the SPRING momentum must be in [0, 1), got " + momentum);
        }
        this.solver = solver;
        this.shift = shift;
        this.momentum = momentum;
    }

    @Override
    public void apply(LogDerivativeSamples centeredO, double[] force, double[] direction, int iteration) {
        int p = centeredO.nParameters();
        diagonal = DenseQgt.ensure(diagonal, p);
        shift.fill(centeredO, iteration, diagonal);
        if (shiftScale != 1) {
            for (int k = 0; k < p; k++) {
                diagonal[k] *= shiftScale;
            }
        }
        if (momentum == 0) {
            solver.solve(centeredO, force, diagonal, direction);
            return;
        }
        int row = centeredO.rowLength();
        int components = row / p;
        rightHandSide = DenseQgt.ensure(rightHandSide, row);
        for (int k = 0; k < p; k++) { // F + μ D δ'
            for (int c = 0; c < components; c++) {
                int i = components * k + c;
                rightHandSide[i] = previous.length == row ? force[i] + momentum * diagonal[k] * previous[i] : force[i];
            }
        }
        solver.solve(centeredO, rightHandSide, diagonal, direction);
        if (previous.length != row) {
            previous = new double[row];
        }
        System.arraycopy(direction, 0, previous, 0, row);
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
    public String lastSolveNote() {
        return solver.lastSolveNote();
    }

    /** The solver's state; with a momentum, [its length, the solver's state, δ'] (δ' empty before the first step). */
    @Override
    public double[] saveState() {
        double[] own = solver.saveState();
        if (momentum == 0) {
            return own;
        }
        double[] state = new double[1 + own.length + previous.length];
        state[0] = own.length;
        System.arraycopy(own, 0, state, 1, own.length);
        System.arraycopy(previous, 0, state, 1 + own.length, previous.length);
        return state;
    }

    @Override
    public void restoreState(double[] state) {
        if (momentum == 0) {
            solver.restoreState(state);
            return;
        }
        int own = state.length == 0 ? -1 : (int) state[0];
        if (own < 0 || own != state[0] || 1 + own > state.length) {
            throw new IllegalArgumentException(description() + ": not a state of SR with momentum (" + state.length
                    + " doubles)");
        }
        solver.restoreState(Arrays.copyOfRange(state, 1, 1 + own));
        previous = Arrays.copyOfRange(state, 1 + own, state.length);
    }

    public SrSolver solver() {
        return solver;
    }

    @Override
    public String description() {
        return "SR, " + solver.description() + ", shift " + shift.description()
                + (momentum == 0 ? "" : ", SPRING momentum " + momentum);
    }
}
