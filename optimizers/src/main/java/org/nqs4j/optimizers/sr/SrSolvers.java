package org.nqs4j.optimizers.sr;

/** Factories for the {@link SrSolver}s. */
public final class SrSolvers {
    /**
     * Largest P for which {@link #auto()} forms S densely when P ≤ N_s (S then holds no more numbers
     * than ΔO). Dense costs N_s P² + P³/3 flops, compute-bound and known in advance; CG's k iterations
     * stream ΔO 2k times, bandwidth-bound, with k set by the conditioning of S, which grows as the
     * state trains. Measured (2 threads, Zen 5): P = 1,617, N_s = 2,016 on a trained state, dense
     * 2.3–2.5 s per update against CG (10⁻⁶) 4.4–5.6 s; P = 4,041, N_s = 4,096 on a fresh state (few
     * iterations), dense 4.7 s against a serial CG's 2.8 s. Up to 4,096 the dense solve's worst case
     * stays within a few times CG's best, where CG's worst case (k at its limit) is many times the
     * dense cost; above, the N_s P² of S grows out of reach and CG takes over. (It was 1,500, from the
     * P³/3 of the factorisation alone.)
     */
    public static final int DENSE_MAX_PARAMETERS = 4096;
    /**
     * Default CG relative residual ‖r‖/‖F‖ (the config's {@code cg_tolerance}): δ close to the exact
     * solvers' even along the weakly sampled directions of an ill-conditioned S, where a residual at
     * the level of F's statistical error (O(1/√N_s)) would leave it far off.
     */
    public static final double DEFAULT_CG_TOLERANCE = 1e-6;
    /** Default CG iteration limit (the config's {@code cg_max_iterations}). */
    public static final int DEFAULT_CG_MAX_ITERATIONS = 1000;

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
     * stopping rule. A zero shift with P &gt; N_s (S then singular, but F in its range) goes to CG.
     */
    public static AutoSolver auto() {
        return auto(DEFAULT_CG_TOLERANCE, DEFAULT_CG_MAX_ITERATIONS);
    }

    /** {@link #auto()} whose CG stops as given (the same limits as {@link #conjugateGradient(double, int)}). */
    public static AutoSolver auto(double cgTolerance, int cgMaxIterations) {
        return new AutoSolver(DENSE_MAX_PARAMETERS, cgTolerance, cgMaxIterations);
    }
}
