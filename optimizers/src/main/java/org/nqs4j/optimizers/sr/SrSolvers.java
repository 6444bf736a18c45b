package org.nqs4j.optimizers.sr;

/** Factories for the {@link SrSolver}s. */
public final class SrSolvers {
    /** Largest P for which {@link #auto()} forms S densely: O(P³/3) Cholesky is then ≲ 1 s. */
    public static final int DENSE_MAX_PARAMETERS = 1500;
    /**
     * Default CG relative residual ‖r‖/‖F‖: well below the statistical error of F, which is
     * O(1/√N_s) ≈ 3% for N_s = 1000.
     */
    public static final double DEFAULT_CG_TOLERANCE = 1e-3;
    public static final int DEFAULT_CG_MAX_ITERATIONS = 500;

    private SrSolvers() {
    }

    /** Explicit S, Cholesky: O(N_s P² + P³), exact; for P up to a few thousand. */
    public static DenseCholeskySolver denseCholesky() {
        return new DenseCholeskySolver();
    }

    /** Matrix-free CG with the default tolerance and iteration limit. */
    public static ConjugateGradientSolver conjugateGradient() {
        return conjugateGradient(DEFAULT_CG_TOLERANCE, DEFAULT_CG_MAX_ITERATIONS);
    }

    /**
     * Matrix-free CG, O(N_s P) per iteration.
     *
     * @param tolerance     relative residual ‖r‖/‖F‖ at which to stop, in (0, 1)
     * @param maxIterations iteration limit, ≥ 1
     */
    public static ConjugateGradientSolver conjugateGradient(double tolerance, int maxIterations) {
        return new ConjugateGradientSolver(tolerance, maxIterations);
    }

    /** Sample-space minSR, O(N_s² P + N_s³), exact; for P &gt; N_s; needs every shift d_k &gt; 0. */
    public static SampleSpaceSolver sampleSpace() {
        return new SampleSpaceSolver();
    }

    /**
     * Chooses per solve: sample-space minSR when P &gt; N_s and every d_k &gt; 0; else dense
     * Cholesky when P ≤ {@link #DENSE_MAX_PARAMETERS} (and P ≤ N_s); else CG with the default
     * tolerance. A zero shift with P &gt; N_s (S then singular, but F in its range) goes to CG.
     */
    public static AutoSolver auto() {
        return new AutoSolver(DENSE_MAX_PARAMETERS, DEFAULT_CG_TOLERANCE, DEFAULT_CG_MAX_ITERATIONS);
    }
}
