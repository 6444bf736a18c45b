package org.nqs4j.optimizers.sr;

import java.util.Arrays;
import java.util.Locale;

import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.SolverException;
import org.nqs4j.optimizers.linalg.DenseKernels;
import org.nqs4j.optimizers.linalg.RankExchange;
import org.nqs4j.optimizers.linalg.SampleMatrixOps;
import org.nqs4j.optimizers.linalg.TaskRunner;

/**
 * Matrix-free conjugate gradient (Hestenes &amp; Stiefel 1952) for (S + diag(d)) δ = F, with
 * (S + diag(d)) v = (1/N_s) ΔO†(ΔO v) + d ⊙ v evaluated in O(N_s P) per iteration without forming S.
 *
 * <p>For a complex ansatz the system is complex Hermitian positive definite. Its CG needs only
 * Re⟨x, y⟩ (the step lengths ⟨r, r⟩/⟨p, Ap⟩ are real), which is the real dot product of the
 * interleaved arrays, so one real CG serves both layouts.
 *
 * <p>Stops at ‖r‖ ≤ tol ‖F‖ (recursive residual) or after {@code maxIterations}; the last iterate is
 * returned either way and {@link #converged()} tells which. Each solve starts from the previous
 * solution when the shapes match (successive SR steps have similar δ).
 *
 * <p>Shared by ranks ({@link #setRankExchange}): ΔO v in sample slices and ΔO† w in parameter
 * slices, each all-gathered (N_s and P numbers per iteration), every entry summed whole by one
 * rank; the O(P) vector updates and dot products run on every rank, so the iterates (and the
 * iteration count) are the same on every rank, bit for bit.
 */
public final class ConjugateGradientSolver implements SrSolver {
    private final double tolerance;
    private final int maxIterations;
    private double[] x = new double[0];
    private double[] r = new double[0];
    private double[] p = new double[0];
    private double[] ap = new double[0];
    private double[] samples = new double[0];
    private int iterations;
    private RankExchange ranks = RankExchange.SINGLE;
    private TaskRunner tasks = TaskRunner.SERIAL;
    private double relativeResidual;

    ConjugateGradientSolver(double tolerance, int maxIterations) {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("CG relative-residual tolerance must be in (0, 1), got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("CG needs maxIterations >= 1, got " + maxIterations);
        }
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    @Override
    public void setRankExchange(RankExchange exchange) {
        ranks = SolverChecks.checkExchange(exchange);
    }

    /**
     * The two products of each iteration in tasks (fixed row and parameter blocks: the same numbers
     * for any runner). Serial, they left the other threads idle for the whole solve. Measured on
     * 10×10, a trained complex symmetric RBM α = 16 projected on C₄ᵥ (P = 1,617, N_s = 2,016, 2
     * threads, the update of a step with the step guard's ψ ratios): 4.4–5.6 s against 5.1–7.1 s
     * serial; the products stream ΔO (52 MB) twice per iteration, so they are bound by memory
     * bandwidth, not by the threads (the dense Cholesky, compute-bound: 2.3–2.5 s).
     */
    @Override
    public void setTaskRunner(TaskRunner runner) {
        tasks = SolverChecks.checkRunner(runner);
    }

    @Override
    public void solve(LogDerivativeSamples centeredO, double[] force, double[] shift, double[] direction) {
        SolverChecks.checkShapes(centeredO, force, shift, direction);
        int len = centeredO.rowLength();
        if (x.length != len || !DenseKernels.allFinite(x, len)) {
            x = new double[len];
            r = new double[len];
            p = new double[len];
            ap = new double[len];
        }
        samples = DenseQgt.ensure(samples, centeredO.isComplex() ? 2 * centeredO.nSamples() : centeredO.nSamples());

        double forceNorm = Math.sqrt(DenseKernels.dot(force, 0, force, 0, len));
        if (!Double.isFinite(forceNorm)) {
            throw new SolverException("CG: the force is not finite");
        }
        iterations = 0;
        if (forceNorm == 0) {
            Arrays.fill(x, 0.0);
            Arrays.fill(direction, 0, len, 0.0);
            relativeResidual = 0;
            return;
        }
        applyOperator(centeredO, shift, x, ap);
        for (int j = 0; j < len; j++) {
            r[j] = force[j] - ap[j];
        }
        System.arraycopy(r, 0, p, 0, len);
        double rr = DenseKernels.dot(r, 0, r, 0, len);
        requireFinite(rr);
        double target = tolerance * forceNorm;
        while (Math.sqrt(rr) > target && iterations < maxIterations) {
            applyOperator(centeredO, shift, p, ap);
            double pAp = DenseKernels.dot(p, 0, ap, 0, len);
            if (!(pAp > 0)) {
                Arrays.fill(x, 0.0);
                throw new SolverException("CG: S + shift is not positive definite along a search direction (p·Sp = "
                        + pAp + " at iteration " + iterations + "); increase the diagonal shift");
            }
            double alpha = rr / pAp;
            DenseKernels.axpy(alpha, p, 0, x, 0, len);
            DenseKernels.axpy(-alpha, ap, 0, r, 0, len);
            double rrNext = DenseKernels.dot(r, 0, r, 0, len);
            requireFinite(rrNext);
            double beta = rrNext / rr;
            for (int j = 0; j < len; j++) {
                p[j] = r[j] + beta * p[j];
            }
            rr = rrNext;
            iterations++;
        }
        relativeResidual = Math.sqrt(rr) / forceNorm;
        System.arraycopy(x, 0, direction, 0, len);
        SolverChecks.checkFinite(direction, len, "CG");
    }

    private void requireFinite(double residualSquared) {
        if (!Double.isFinite(residualSquared)) {
            Arrays.fill(x, 0.0);
            throw new SolverException("CG: the residual is not finite after " + iterations
                    + " iterations; check the log-derivatives for NaN/Inf");
        }
    }

    /** out = (1/N_s) ΔO†(ΔO v) + d ⊙ v. */
    private void applyOperator(LogDerivativeSamples a, double[] shift, double[] v, double[] out) {
        SampleMatrixOps.multiply(a, v, samples, ranks, tasks);
        SampleMatrixOps.multiplyAdjoint(a, samples, 1.0 / a.nSamples(), out, ranks, tasks);
        int components = a.isComplex() ? 2 : 1;
        for (int k = 0; k < a.nParameters(); k++) {
            for (int c = 0; c < components; c++) {
                out[components * k + c] += shift[k] * v[components * k + c];
            }
        }
    }

    @Override
    public String lastSolveNote() {
        return converged() ? null : String.format(Locale.ROOT, "CG stopped at its limit of %d iterations with"
                + " the relative residual %.2g above its tolerance %.1g: the step follows an approximate solution (raise"
                + " preconditioner.cg_max_iterations or the diagonal shift, or use solver cholesky or minsr)",
                maxIterations, relativeResidual, tolerance);
    }

    /** CG iterations of the last solve. */
    public int iterations() {
        return iterations;
    }

    /** ‖r‖/‖F‖ of the last solve, from the CG recursion. */
    public double relativeResidual() {
        return relativeResidual;
    }

    /** True when the last solve reached the tolerance within the iteration limit. */
    public boolean converged() {
        return relativeResidual <= tolerance;
    }

    /** The warm start x (the last solution; empty before the first solve). */
    @Override
    public double[] saveState() {
        return x.clone();
    }

    @Override
    public void restoreState(double[] state) {
        x = state.clone();
        r = new double[x.length];
        p = new double[x.length];
        ap = new double[x.length];
    }

    /** Forgets the warm start: the next solve starts from δ = 0. */
    public void reset() {
        Arrays.fill(x, 0.0);
    }

    @Override
    public String description() {
        return "matrix-free CG (tol " + tolerance + ", max " + maxIterations + " iterations, warm start)";
    }
}
