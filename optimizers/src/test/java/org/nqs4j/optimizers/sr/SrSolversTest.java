package org.nqs4j.optimizers.sr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.GaussianParameters;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.optimizers.HandExamples;
import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.Schedule;
import org.nqs4j.optimizers.SolverException;
import org.nqs4j.optimizers.linalg.SampleMatrixOps;
import org.nqs4j.optimizers.linalg.TaskRunner;

/**
 * The three SR solvers against hand-solved 2 × 2 systems and against an independent LU solve of
 * the triple-loop S on random data. Tolerances: a backward-stable solve has relative forward error
 * ≲ c n u κ (Higham, ch. 7/10), so two of them differ by at most {@link #direct}; CG stopped at
 * relative residual τ has relative error ≤ κ τ.
 */
class SrSolversTest {
    /** ε = 1/2 at every step. */
    private static final Schedule HALF = Schedule.constant(0.5);
    /** CG tolerance for the agreement tests. */
    private static final double TAU = 1e-10;

    private static double direct(LogDerivativeSamples o, double kappa) {
        return 20.0 * Math.max(o.nSamples(), o.nParameters()) * Reference.U * kappa;
    }

    private static List<SrSolver> exactSolvers() {
        return List.of(SrSolvers.denseCholesky(), SrSolvers.sampleSpace());
    }

    @Test
    void unshiftedHandSystemsAreSolvedExactly() {
        for (SrSolver solver : List.of(SrSolvers.denseCholesky(), SrSolvers.conjugateGradient(1e-14, 10))) {
            double[] delta = new double[2];
            solver.solve(HandExamples.realO(), HandExamples.REAL_FORCE, new double[2], delta);
            // real S has eigenvalues (8 ± √37)/3, complex S 2 and 2/3: κ ≤ 8, entries O(1), so a few ulps
            assertArrayEquals(HandExamples.REAL_DIRECTION, delta, 1e-14, solver.description());
            double[] cdelta = new double[4];
            solver.solve(HandExamples.complexO(), HandExamples.COMPLEX_FORCE, new double[2], cdelta);
            assertArrayEquals(HandExamples.COMPLEX_DIRECTION, cdelta, 1e-14, solver.description());
        }
    }

    @Test
    void relativeShiftHandSystemWithEverySolver() {
        StochasticReconfiguration[] srs = {
            new StochasticReconfiguration(SrSolvers.denseCholesky(), DiagonalShift.relative(HALF)),
            new StochasticReconfiguration(SrSolvers.conjugateGradient(1e-14, 10), DiagonalShift.relative(HALF)),
            new StochasticReconfiguration(SrSolvers.sampleSpace(), DiagonalShift.relative(HALF)),
            new StochasticReconfiguration(SrSolvers.auto(), DiagonalShift.relative(HALF))};
        for (StochasticReconfiguration sr : srs) {
            double[] delta = new double[2];
            sr.apply(HandExamples.realO(), HandExamples.REAL_FORCE, delta, 0);
            assertArrayEquals(HandExamples.REAL_DIRECTION_RELATIVE_HALF, delta, 1e-14, sr.description());
        }
        // the shift schedule is evaluated at the given step: ε₁ = max(1 · 0.5¹, 0.1) = 1/2
        StochasticReconfiguration decaying = new StochasticReconfiguration(SrSolvers.denseCholesky(),
                DiagonalShift.relative(Schedule.exponentialDecay(1, 0.5, 0.1)));
        double[] delta = new double[2];
        decaying.apply(HandExamples.realO(), HandExamples.REAL_FORCE, delta, 1);
        assertArrayEquals(HandExamples.REAL_DIRECTION_RELATIVE_HALF, delta, 1e-14);
    }

    /**
     * The mixed shift d_k = ε + λ S_kk with ε = 1/4, λ = 1/2 on the hand system (S₁₁ = 2/3,
     * S₂₂ = 14/3): d = (7/12, 31/12), S + D = (1/12)[[15, −4], [−4, 87]], det = 1289/144, so
     * δ = (12/1289)[[87, 4], [4, 15]] F = (12/1289)(139/3, 199/3) = (556/1289, 796/1289); every solver.
     */
    @Test
    void absolutePlusRelativeShiftHandSystemWithEverySolver() {
        DiagonalShift mixed = DiagonalShift.absolutePlusRelative(Schedule.constant(0.25), 0.5);
        double[] d = new double[2];
        mixed.fill(HandExamples.realO(), 0, d);
        assertArrayEquals(new double[] {7.0 / 12, 31.0 / 12}, d, 1e-15);
        for (SrSolver solver : List.of(SrSolvers.denseCholesky(), SrSolvers.conjugateGradient(1e-14, 10),
                SrSolvers.sampleSpace(), SrSolvers.auto())) {
            double[] delta = new double[2];
            new StochasticReconfiguration(solver, mixed).apply(HandExamples.realO(), HandExamples.REAL_FORCE, delta, 0);
            assertArrayEquals(new double[] {556.0 / 1289, 796.0 / 1289}, delta, 1e-14, solver.description());
        }
        // the relative part on parameter 1 only: d = (1/4, 31/12)
        DiagonalShift.absolutePlusRelative(Schedule.constant(0.25), 0.5, 1, 2).fill(HandExamples.realO(), 0, d);
        assertArrayEquals(new double[] {0.25, 31.0 / 12}, d, 1e-15);
        // λ = 0 is the absolute shift, bit for bit
        double[] absolute = new double[2];
        DiagonalShift.absolute(Schedule.constant(0.25)).fill(HandExamples.realO(), 0, absolute);
        DiagonalShift.absolutePlusRelative(Schedule.constant(0.25), 0).fill(HandExamples.realO(), 0, d);
        assertArrayEquals(absolute, d, 0.0);
    }

    /**
     * Why the pair product needs the relative part: log-derivatives that grow by c (O_F = A⁻¹ as F
     * loses rank) give S → c² S and F → c F, so with an absolute shift c δ = (S + ε/c²)⁻¹ F tends to
     * the unregularised S⁻¹ F = (1, 1) of the hand system, while with d_k = ε + λ S_kk it tends to
     * (S + λ diag S)⁻¹ F, the relative-shift solution (17/31, 20/31) for λ = 1/2: still regularised.
     * At c = 10⁴ both limits are reached to ε/c² ≈ 10⁻⁹.
     */
    @Test
    void onlyTheRelativePartStillRegularisesGrowingLogDerivatives() {
        double c = 1e4;
        LogDerivativeSamples grown = new LogDerivativeSamples(3, 2, false);
        double[] o = {1, 2, 3, 1, 2, 6};
        for (int i = 0; i < o.length; i++) {
            grown.data()[i] = c * o[i];
        }
        grown.center(new double[2]);
        double[] force = {c * HandExamples.REAL_FORCE[0], c * HandExamples.REAL_FORCE[1]};
        double[] absolute = new double[2];
        new StochasticReconfiguration(SrSolvers.denseCholesky(), DiagonalShift.absolute(Schedule.constant(0.25)))
                .apply(grown, force, absolute, 0);
        double[] mixed = new double[2];
        new StochasticReconfiguration(SrSolvers.denseCholesky(),
                DiagonalShift.absolutePlusRelative(Schedule.constant(0.25), 0.5)).apply(grown, force, mixed, 0);
        assertArrayEquals(HandExamples.REAL_DIRECTION, new double[] {c * absolute[0], c * absolute[1]}, 1e-7);
        assertArrayEquals(HandExamples.REAL_DIRECTION_RELATIVE_HALF, new double[] {c * mixed[0], c * mixed[1]}, 1e-7);
    }

    /**
     * A parameter whose O_k is the same on every sample (centred column zero) has zero force; with
     * the relative shift every solver gives it a zero step and leaves the others as in the system
     * without it, instead of failing on a singular S.
     */
    @Test
    void relativeShiftGivesAZeroVarianceParameterAZeroStep() {
        int n = 30;
        int p = 6;
        LogDerivativeSamples full = Reference.randomO(n, p, false, 77);
        LogDerivativeSamples reduced = new LogDerivativeSamples(n, p - 1, false);
        for (int s = 0; s < n; s++) {
            full.data()[s * p + 2] = 0.0;
            for (int k = 0, r = 0; k < p; k++) {
                if (k != 2) {
                    reduced.data()[s * (p - 1) + r++] = full.data()[s * p + k];
                }
            }
        }
        reduced.center(new double[p - 1]);
        double[] force = Reference.randomVector(p, 5);
        force[2] = 0.0;
        double[] reducedForce = {force[0], force[1], force[3], force[4], force[5]};
        for (SrSolver solver : List.of(SrSolvers.denseCholesky(), SrSolvers.conjugateGradient(1e-13, 100),
                SrSolvers.sampleSpace())) {
            StochasticReconfiguration sr = new StochasticReconfiguration(solver, DiagonalShift.relative(HALF));
            double[] delta = new double[p];
            sr.apply(full, force, delta, 0);
            double[] expected = new double[p - 1];
            new StochasticReconfiguration(SrSolvers.denseCholesky(), DiagonalShift.relative(HALF))
                    .apply(reduced, reducedForce, expected, 0);
            assertEquals(0.0, delta[2], 0.0, solver.description());
            assertArrayEquals(expected, new double[] {delta[0], delta[1], delta[3], delta[4], delta[5]}, 1e-10,
                    solver.description());
        }
    }

    /**
     * The dense solver gives the same direction, bit for bit, with its S and Cholesky in tasks run
     * serially, in reverse order or on a parallel stream (P = 200 > the Cholesky's 96-column panel).
     */
    @Test
    void denseSolverIsBitIdenticalForAnyTaskRunner() {
        for (boolean complex : new boolean[] {false, true}) {
            LogDerivativeSamples o = Reference.randomO(300, 200, complex, 11);
            double[] force = Reference.randomVector(o.rowLength(), 5);
            double[] d = new double[200];
            Arrays.fill(d, 0.01);
            List<TaskRunner> runners = List.of(
                    TaskRunner.SERIAL,
                    (count, task) -> {
                        for (int t = count - 1; t >= 0; t--) {
                            task.accept(t);
                        }
                    },
                    (count, task) -> java.util.stream.IntStream.range(0, count).parallel().forEach(task));
            double[] expected = null;
            for (TaskRunner runner : runners) {
                DenseCholeskySolver solver = SrSolvers.denseCholesky();
                solver.setTaskRunner(runner);
                double[] delta = new double[o.rowLength()];
                solver.solve(o, force, d, delta);
                if (expected == null) {
                    expected = delta;
                } else {
                    assertArrayEquals(expected, delta, 0.0, complex ? "complex" : "real");
                }
            }
        }
    }

    @Test
    void solversAgreeWithReferenceOnRandomData() {
        // {N_s, P}: P < N_s (dense regime) and P > N_s (minSR regime)
        int[][] shapes = {{40, 25}, {20, 50}};
        for (int[] shape : shapes) {
            for (boolean complex : new boolean[] {false, true}) {
                for (boolean relative : new boolean[] {false, true}) {
                    checkAgreement(shape[0], shape[1], complex, relative);
                }
            }
        }
    }

    private static void checkAgreement(int n, int p, boolean complex, boolean relative) {
        LogDerivativeSamples o = Reference.randomO(n, p, complex, 100L * n + p + (complex ? 7 : 0));
        double[] force = Reference.randomVector(o.rowLength(), 3);
        double[] d = new double[p];
        if (relative) {
            DiagonalShift.relative(Schedule.constant(0.05)).fill(o, 0, d);
        } else {
            Arrays.fill(d, 0.01);
        }
        String label = "N_s " + n + " P " + p + (complex ? " complex" : " real") + (relative ? " relative" : " absolute");
        double[] reference = Reference.solve(o, force, d);
        double kappa = Reference.conditionBound(o, d);
        double tolerance = direct(o, kappa);
        for (SrSolver solver : exactSolvers()) {
            double[] delta = new double[o.rowLength()];
            solver.solve(o, force, d, delta);
            assertTrue(Reference.relativeDistance(delta, reference) <= tolerance,
                    label + " " + solver.description() + ": distance " + Reference.relativeDistance(delta, reference)
                            + " > " + tolerance);
            // backward stability: ‖r‖ ≤ c n u ‖S + D‖ ‖δ‖, and ‖S + D‖ ‖δ‖ ≤ κ ‖F‖ up to the bound's slack
            assertTrue(Reference.relativeResidual(o, force, d, delta) <= tolerance, label + " residual");
        }
        ConjugateGradientSolver cg = SrSolvers.conjugateGradient(TAU, 10 * p);
        double[] delta = new double[o.rowLength()];
        cg.solve(o, force, d, delta);
        assertTrue(cg.converged(), label);
        assertTrue(Reference.relativeDistance(delta, reference) <= 2 * kappa * TAU + tolerance,
                label + " CG: distance " + Reference.relativeDistance(delta, reference));
        assertTrue(Reference.relativeResidual(o, force, d, delta) <= 2 * TAU, label + " CG residual");
    }

    @Test
    void rbmStructuredGramGivesTheGenericDirectionToRounding() {
        // N_s = 30 > N + M but < P = 6 + 5 + 30: the minSR regime with the structured Gram
        for (boolean complex : new boolean[] {false, true}) {
            LogDerivativeSamples rbm = Reference.randomRbmO(30, 6, 5, complex, complex ? 11 : 12);
            LogDerivativeSamples plain = Reference.withoutStructure(rbm);
            assertTrue(rbm.outerProductFactors().isPresent());
            assertTrue(plain.outerProductFactors().isEmpty());
            double[] force = Reference.randomVector(rbm.rowLength(), 4);
            double[] d = new double[rbm.nParameters()];
            Arrays.fill(d, 0.01);
            double[] structured = new double[rbm.rowLength()];
            double[] generic = new double[rbm.rowLength()];
            SrSolvers.sampleSpace().solve(rbm, force, d, structured);
            SrSolvers.sampleSpace().solve(plain, force, d, generic);
            double tolerance = direct(rbm, Reference.conditionBound(rbm, d));
            assertTrue(Reference.relativeDistance(structured, generic) <= tolerance,
                    "distance " + Reference.relativeDistance(structured, generic) + " > " + tolerance);
            assertTrue(Reference.relativeDistance(structured, Reference.solve(rbm, force, d)) <= tolerance);
            // a relative shift weights the columns: the generic Gram, with the products A v, A† w of the factors
            DiagonalShift.relative(Schedule.constant(0.05)).fill(rbm, 0, d);
            SrSolvers.sampleSpace().solve(rbm, force, d, structured);
            SrSolvers.sampleSpace().solve(plain, force, d, generic);
            double relativeTolerance = direct(rbm, Reference.conditionBound(rbm, d));
            assertTrue(Reference.relativeDistance(structured, generic) <= relativeTolerance,
                    "relative shift: distance " + Reference.relativeDistance(structured, generic));
        }
    }

    /** Rows from a real {@link Rbm} walker cache (not hand-built): the driver's path, L = 8, M = 8. */
    @Test
    void rbmAnsatzRowsGiveTheGenericDirectionToRounding() {
        for (boolean complex : new boolean[] {false, true}) {
            Rbm rbm = complex ? Rbm.complex(8, 1) : Rbm.real(8, 1);
            GaussianParameters.initialise(rbm, 3, 0.3);
            int n = 40; // P = 8 + 8 + 64 = 80 > N_s: minSR
            LogDerivativeSamples rows = LogDerivativeSamples.forAnsatz(n, rbm);
            WalkerCache cache = rbm.newCache();
            java.util.Random random = new java.util.Random(8);
            int[] sigma = new int[8];
            for (int s = 0; s < n; s++) {
                for (int i = 0; i < 8; i++) {
                    sigma[i] = random.nextBoolean() ? 1 : -1;
                }
                cache.reset(sigma);
                rows.store(s, cache);
            }
            LogDerivativeSamples plain = Reference.withoutStructure(rows);
            double[] raw = plain.data().clone();
            rows.center(new double[rows.rowLength()]);
            plain.center(new double[plain.rowLength()]);
            // the same ΔO up to the rounding of the column means, at most u Σ_s |O_sk| each
            int row = rows.rowLength();
            for (int k = 0; k < row; k++) {
                double abs = 0;
                for (int s = 0; s < n; s++) {
                    abs += Math.abs(raw[s * row + k]);
                }
                for (int s = 0; s < n; s++) {
                    assertEquals(plain.data()[s * row + k], rows.data()[s * row + k], 2 * 0x1p-53 * abs, "ΔO entry");
                }
            }
            double[] force = Reference.randomVector(rows.rowLength(), 6);
            double[] d = new double[rows.nParameters()];
            Arrays.fill(d, 0.01);
            double[] structured = new double[rows.rowLength()];
            double[] generic = new double[rows.rowLength()];
            SrSolvers.sampleSpace().solve(rows, force, d, structured);
            SrSolvers.sampleSpace().solve(plain, force, d, generic);
            double tolerance = direct(rows, Reference.conditionBound(rows, d));
            assertTrue(Reference.relativeDistance(structured, generic) <= tolerance,
                    (complex ? "complex" : "real") + ": distance " + Reference.relativeDistance(structured, generic));
        }
    }

    @Test
    void conjugateGradientStopsAtTheFirstIterateBelowTolerance() {
        for (boolean complex : new boolean[] {false, true}) {
            LogDerivativeSamples o = Reference.randomO(60, 30, complex, 42);
            double[] force = Reference.randomVector(o.rowLength(), 8);
            double[] d = new double[30];
            Arrays.fill(d, 1e-3);
            double tol = 1e-2;
            ConjugateGradientSolver cg = SrSolvers.conjugateGradient(tol, 1000);
            double[] delta = new double[o.rowLength()];
            cg.solve(o, force, d, delta);
            int iterations = cg.iterations();
            assertTrue(cg.converged());
            assertTrue(iterations > 1, "a well-posed test needs several iterations, got " + iterations);
            assertTrue(cg.relativeResidual() <= tol);
            // the recursive residual equals the true one up to round-off (κ u ≪ tol here)
            assertEquals(cg.relativeResidual(), Reference.relativeResidual(o, force, d, delta), 1e-9);

            ConjugateGradientSolver shorter = SrSolvers.conjugateGradient(tol, iterations - 1);
            shorter.solve(o, force, d, delta);
            assertFalse(shorter.converged());
            assertTrue(shorter.relativeResidual() > tol);
            assertEquals(iterations - 1, shorter.iterations());
        }
    }

    @Test
    void conjugateGradientWarmStartsFromThePreviousSolution() {
        LogDerivativeSamples o = Reference.randomO(60, 30, true, 43);
        double[] force = Reference.randomVector(o.rowLength(), 9);
        double[] d = new double[30];
        Arrays.fill(d, 1e-2);
        ConjugateGradientSolver cg = SrSolvers.conjugateGradient(1e-6, 1000);
        double[] first = new double[o.rowLength()];
        cg.solve(o, force, d, first);
        assertTrue(cg.iterations() > 0);
        double[] second = new double[o.rowLength()];
        cg.solve(o, force, d, second);
        assertEquals(0, cg.iterations(), "the previous solution already meets the tolerance");
        assertArrayEquals(first, second, 0.0);
        cg.reset();
        cg.solve(o, force, d, second);
        assertTrue(cg.iterations() > 0);
    }

    @Test
    void zeroForceGivesZeroDirection() {
        for (SrSolver solver : List.of(SrSolvers.denseCholesky(), SrSolvers.conjugateGradient(), SrSolvers.sampleSpace())) {
            double[] delta = {1, 1, 1, 1};
            solver.solve(HandExamples.complexO(), new double[4], new double[] {0.1, 0.1}, delta);
            assertArrayEquals(new double[4], delta, 0.0, solver.description());
        }
    }

    @Test
    void singularSWithoutShiftThrowsInsteadOfNaN() {
        // a parameter that does not change ψ: its column of ΔO, row and column of S vanish
        for (boolean complex : new boolean[] {false, true}) {
            LogDerivativeSamples o = Reference.randomO(10, 4, complex, 1);
            for (int s = 0; s < 10; s++) {
                for (int c = 0; c < (complex ? 2 : 1); c++) {
                    o.data()[s * o.rowLength() + (complex ? 2 : 1) * 2 + c] = 0;
                }
            }
            double[] force = Reference.randomVector(o.rowLength(), 2);
            double[] delta = new double[o.rowLength()];
            assertThrows(SolverException.class,
                    () -> SrSolvers.denseCholesky().solve(o, force, new double[4], delta));
            // rank deficiency without an exact zero: N_s = 3 samples, rank(ΔO) ≤ 2 < P = 4
            LogDerivativeSamples few = Reference.randomO(3, 4, complex, 2);
            assertThrows(SolverException.class,
                    () -> SrSolvers.denseCholesky().solve(few, force, new double[4], delta));
            // the relative shift floors the zero-variance parameter at ε τ max S_ll: both solves succeed
            double[] relative = new double[4];
            DiagonalShift.relative(Schedule.constant(0.1)).fill(o, 0, relative);
            assertTrue(relative[2] > 0.0, "floored shift");
            for (SrSolver solver : exactSolvers()) {
                solver.solve(o, force, relative, delta);
                assertTrue(Arrays.stream(delta).allMatch(Double::isFinite), solver.description());
            }
            assertThrows(SolverException.class, () -> SrSolvers.sampleSpace().solve(o, force, new double[4], delta));
        }
    }

    @Test
    void nonFiniteInputThrowsFromEverySolver() {
        LogDerivativeSamples o = Reference.randomO(12, 6, true, 3);
        o.data()[7] = Double.NaN;
        double[] force = Reference.randomVector(o.rowLength(), 4);
        double[] d = new double[6];
        Arrays.fill(d, 0.1);
        for (SrSolver solver : List.of(SrSolvers.denseCholesky(), SrSolvers.conjugateGradient(), SrSolvers.sampleSpace())) {
            assertThrows(SolverException.class, () -> solver.solve(o, force, d, new double[12]), solver.description());
        }
        LogDerivativeSamples fine = Reference.randomO(12, 6, false, 3);
        double[] badForce = new double[6];
        badForce[2] = Double.POSITIVE_INFINITY;
        for (SrSolver solver : List.of(SrSolvers.denseCholesky(), SrSolvers.conjugateGradient(), SrSolvers.sampleSpace())) {
            assertThrows(SolverException.class, () -> solver.solve(fine, badForce, d, new double[6]), solver.description());
        }
    }

    @Test
    void autoPicksBySampleAndParameterCount() {
        AutoSolver auto = SrSolvers.auto();
        double[] d = new double[2000];
        Arrays.fill(d, 0.1);
        LogDerivativeSamples wide = Reference.randomO(10, 30, false, 5);
        auto.solve(wide, Reference.randomVector(30, 1), d, new double[30]);
        assertInstanceOf(SampleSpaceSolver.class, auto.lastUsed());
        // without shift S is singular; a physical force F = ΔO†e/N_s lies in its range, CG solves it
        double[] consistent = new double[30];
        SampleMatrixOps.multiplyAdjoint(wide, Reference.randomVector(10, 2), 0.1, consistent);
        auto.solve(wide, consistent, new double[30], new double[30]);
        assertInstanceOf(ConjugateGradientSolver.class, auto.lastUsed(), "zero shift with P > N_s");
        LogDerivativeSamples tall = Reference.randomO(40, 30, false, 5);
        auto.solve(tall, Reference.randomVector(30, 1), d, new double[30]);
        assertInstanceOf(DenseCholeskySolver.class, auto.lastUsed());
        // above the dense limit (20 here, SrSolvers.DENSE_MAX_PARAMETERS in auto()) with P ≤ N_s: CG
        AutoSolver smallDense = new AutoSolver(20, SrSolvers.DEFAULT_CG_TOLERANCE, SrSolvers.DEFAULT_CG_MAX_ITERATIONS);
        smallDense.solve(tall, Reference.randomVector(30, 1), d, new double[30]);
        assertInstanceOf(ConjugateGradientSolver.class, smallDense.lastUsed());
    }

    /**
     * The CG that auto falls back to stops as configured: limited to 7 iterations at a tolerance
     * it cannot reach in 7, it stops there unconverged (with the default limit it goes on).
     */
    @Test
    void autoFallsBackToCgWithTheGivenStoppingRule() {
        LogDerivativeSamples wide = Reference.randomO(10, 30, false, 5);
        double[] consistent = new double[30];
        SampleMatrixOps.multiplyAdjoint(wide, Reference.randomVector(10, 2), 0.1, consistent);
        AutoSolver limited = SrSolvers.auto(1e-12, 7);
        limited.solve(wide, consistent, new double[30], new double[30]);
        ConjugateGradientSolver cg = assertInstanceOf(ConjugateGradientSolver.class, limited.lastUsed());
        assertEquals(7, cg.iterations());
        assertFalse(cg.converged());
        assertTrue(limited.lastSolveNote().contains("limit of 7 iterations"), limited.lastSolveNote());
        AutoSolver unlimited = SrSolvers.auto(1e-12, SrSolvers.DEFAULT_CG_MAX_ITERATIONS);
        unlimited.solve(wide, consistent, new double[30], new double[30]);
        assertTrue(((ConjugateGradientSolver) unlimited.lastUsed()).iterations() > 7);
        AutoSolver dense = SrSolvers.auto(1e-12, 7);
        double[] d = new double[30];
        Arrays.fill(d, 0.1);
        dense.solve(Reference.randomO(40, 30, false, 5), consistent, d, new double[30]);
        assertNull(dense.lastSolveNote(), "an exact solver's direction needs no note");
    }

    /**
     * CG's products run in the task runner's fixed blocks: the direction is the same, bit for bit,
     * on one thread and on several (here P and N_s span several blocks of each product).
     */
    @Test
    void cgGivesTheSameDirectionForAnyTaskRunner() {
        LogDerivativeSamples o = Reference.randomO(700, 600, true, 9);
        double[] f = Reference.randomVector(1200, 3);
        double[] d = new double[600];
        Arrays.fill(d, 0.05);
        double[] serial = new double[1200];
        SrSolvers.conjugateGradient().solve(o, f, d, serial);
        TaskRunner reversed = (n, task) -> {
            for (int i = n - 1; i >= 0; i--) {
                task.accept(i);
            }
        };
        TaskRunner parallel = (n, task) -> java.util.stream.IntStream.range(0, n).parallel().forEach(task);
        for (TaskRunner runner : List.of(reversed, parallel)) {
            ConjugateGradientSolver cg = SrSolvers.conjugateGradient();
            cg.setTaskRunner(runner);
            double[] direction = new double[1200];
            cg.solve(o, f, d, direction);
            assertArrayEquals(serial, direction, 0.0);
        }
    }

    @Test
    void rejectsMisshapenArrays() {
        LogDerivativeSamples o = HandExamples.complexO();
        assertThrows(IllegalArgumentException.class,
                () -> SrSolvers.denseCholesky().solve(o, new double[2], new double[2], new double[4]));
        assertThrows(IllegalArgumentException.class,
                () -> SrSolvers.sampleSpace().solve(o, new double[4], new double[1], new double[4]));
        assertThrows(IllegalArgumentException.class, () -> SrSolvers.conjugateGradient(0, 10));
        assertThrows(IllegalArgumentException.class, () -> SrSolvers.conjugateGradient(1e-3, 0));
    }

    @Test
    void diagonalShiftFillsAbsoluteAndRelativeEntries() {
        double[] d = new double[2];
        DiagonalShift.absolute(Schedule.exponentialDecay(1, 0.5, 0)).fill(HandExamples.realO(), 2, d);
        assertArrayEquals(new double[] {0.25, 0.25}, d, 0.0);
        // S₁₁ = 2/3, S₂₂ = 14/3 (HandExamples)
        DiagonalShift.relative(HALF).fill(HandExamples.realO(), 0, d);
        assertArrayEquals(new double[] {1.0 / 3, 7.0 / 3}, d, 1e-15);
        // a floor τ = 1/2 lifts d₁ to ε τ S₂₂ = 7/6; τ = 1/10 leaves it at ε S₁₁ = 1/3 > 7/30
        DiagonalShift.relative(HALF, 0.5).fill(HandExamples.realO(), 0, d);
        assertArrayEquals(new double[] {7.0 / 6, 7.0 / 3}, d, 1e-15);
        DiagonalShift.relative(HALF, 0.1).fill(HandExamples.realO(), 0, d);
        assertArrayEquals(new double[] {1.0 / 3, 7.0 / 3}, d, 1e-15);
        assertThrows(IllegalArgumentException.class, () -> DiagonalShift.relative(HALF, 0));
        assertThrows(IllegalArgumentException.class, () -> DiagonalShift.relative(HALF, 2));
        // complex: S₁₁ = S₂₂ = 4/3
        SampleMatrixOps.columnSquaredNorms(HandExamples.complexO(), 1.0 / 3, d);
        assertArrayEquals(new double[] {4.0 / 3, 4.0 / 3}, d, 1e-15);
    }
}
