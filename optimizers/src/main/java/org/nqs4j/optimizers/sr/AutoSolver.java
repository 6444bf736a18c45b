package org.nqs4j.optimizers.sr;

import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.linalg.RankExchange;
import org.nqs4j.optimizers.linalg.TaskRunner;

/**
 * Picks the cheapest exact-enough solver per call from the shape of ΔO (see
 * {@link SrSolvers#auto()} for the rule). Each delegate is created on first use and keeps its
 * workspaces (and the CG warm start).
 */
public final class AutoSolver implements SrSolver {
    private final int denseMaxParameters;
    private final double cgTolerance;
    private final int cgMaxIterations;
    private SampleSpaceSolver sampleSpace;
    private DenseCholeskySolver dense;
    private ConjugateGradientSolver cg;
    private SrSolver last;
    private TaskRunner tasks = TaskRunner.SERIAL;
    private RankExchange ranks = RankExchange.SINGLE;

    AutoSolver(int denseMaxParameters, double cgTolerance, int cgMaxIterations) {
        if (denseMaxParameters < 1) {
            throw new IllegalArgumentException("dense-solver parameter limit must be >= 1, got " + denseMaxParameters);
        }
        this.denseMaxParameters = denseMaxParameters;
        this.cgTolerance = cgTolerance;
        this.cgMaxIterations = cgMaxIterations;
    }

    @Override
    public void solve(LogDerivativeSamples centeredO, double[] force, double[] shift, double[] direction) {
        SolverChecks.checkShapes(centeredO, force, shift, direction);
        last = choose(centeredO, shift);
        last.solve(centeredO, force, shift, direction);
    }

    private SrSolver choose(LogDerivativeSamples centeredO, double[] shift) {
        int p = centeredO.nParameters();
        if (p > centeredO.nSamples() && positive(shift, p)) {
            if (sampleSpace == null) {
                sampleSpace = new SampleSpaceSolver();
                sampleSpace.setTaskRunner(tasks);
                sampleSpace.setRankExchange(ranks);
            }
            return sampleSpace;
        }
        if (p <= denseMaxParameters && p <= centeredO.nSamples()) {
            if (dense == null) {
                dense = new DenseCholeskySolver();
                dense.setTaskRunner(tasks);
                dense.setRankExchange(ranks);
            }
            return dense;
        }
        return cg();
    }

    @Override
    public void setTaskRunner(TaskRunner runner) {
        tasks = SolverChecks.checkRunner(runner);
        if (sampleSpace != null) {
            sampleSpace.setTaskRunner(runner);
        }
        if (dense != null) {
            dense.setTaskRunner(runner);
        }
        if (cg != null) {
            cg.setTaskRunner(runner);
        }
    }

    @Override
    public void setRankExchange(RankExchange exchange) {
        ranks = SolverChecks.checkExchange(exchange);
        if (sampleSpace != null) {
            sampleSpace.setRankExchange(exchange);
        }
        if (dense != null) {
            dense.setRankExchange(exchange);
        }
        if (cg != null) {
            cg.setRankExchange(exchange);
        }
    }

    /** The CG warm start, when CG has been used; empty otherwise (the other solvers keep nothing). */
    @Override
    public double[] saveState() {
        return cg == null ? new double[0] : cg.saveState();
    }

    @Override
    public void restoreState(double[] state) {
        if (state.length == 0) {
            if (cg != null) {
                cg.restoreState(state);
            }
            return;
        }
        cg().restoreState(state);
    }

    /** The CG delegate, created on first use with this solver's stopping rule, runner and ranks. */
    private ConjugateGradientSolver cg() {
        if (cg == null) {
            cg = new ConjugateGradientSolver(cgTolerance, cgMaxIterations);
            cg.setTaskRunner(tasks);
            cg.setRankExchange(ranks);
        }
        return cg;
    }

    private static boolean positive(double[] shift, int p) {
        for (int k = 0; k < p; k++) {
            if (!(shift[k] > 0)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String lastSolveNote() {
        return last == null ? null : last.lastSolveNote();
    }

    /** The solver used by the last call, or null before the first. */
    public SrSolver lastUsed() {
        return last;
    }

    @Override
    public String description() {
        return "auto (minSR if P > N_s and shift > 0, dense Cholesky if P <= " + denseMaxParameters
                + ", else CG tol " + cgTolerance + ", max " + cgMaxIterations + " iterations)";
    }
}
