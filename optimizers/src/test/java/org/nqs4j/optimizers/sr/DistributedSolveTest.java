package org.nqs4j.optimizers.sr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.linalg.RankExchange;
import org.nqs4j.optimizers.linalg.TaskRunner;
import org.nqs4j.optimizers.linalg.ThreadRanks;

/**
 * The SR solvers shared by K ranks ({@link SrSolver#setRankExchange}, threads posing as ranks,
 * each with its own copy of the samples) give every rank the one-process δ bit for bit, on every
 * path: minSR from RBM factors (rows of the Gram matrix and the Cholesky split over ranks, δ in
 * parameter slices), minSR from full rows, the dense S, CG (products in sample and parameter slices).
 */
class DistributedSolveTest {
    private static final TaskRunner THREADS = (n, task) -> IntStream.range(0, n).parallel().forEach(task::accept);

    /** δ of {@code solver} on K ranks equals δ on one, for K = 2, 3, 4. */
    private static void assertRankCountInvariant(Supplier<SrSolver> solver, Supplier<LogDerivativeSamples> samples,
                                                 boolean uniformShift, String what) throws Exception {
        double[] expected = solve(solver.get(), samples.get(), RankExchange.SINGLE, TaskRunner.SERIAL, uniformShift);
        for (int size = 2; size <= 4; size++) {
            List<double[]> directions = ThreadRanks.run(size, ranks -> solve(solver.get(), samples.get(), ranks,
                    ranks.rank() == 1 ? THREADS : TaskRunner.SERIAL, uniformShift));
            for (int r = 0; r < size; r++) {
                assertArrayEquals(expected, directions.get(r), what + ": rank " + r + " of " + size);
            }
        }
    }

    private static double[] solve(SrSolver solver, LogDerivativeSamples o, RankExchange ranks, TaskRunner tasks,
                                  boolean uniformShift) {
        solver.setTaskRunner(tasks);
        solver.setRankExchange(ranks);
        double[] force = Reference.randomVector(o.rowLength(), 6);
        double[] d = new double[o.nParameters()];
        for (int k = 0; k < d.length; k++) {
            d[k] = uniformShift ? 0.01 : 0.01 * (1 + k % 3);
        }
        double[] delta = new double[o.rowLength()];
        solver.solve(o, force, d, delta);
        return delta;
    }

    @Test
    void minSrFromOuterProductFactors() throws Exception {
        // N_s = 100 (not a multiple of the 16-row blocks), P = 8 + 40 + 320 = 368 > N_s
        for (boolean complex : new boolean[] {true, false}) {
            assertRankCountInvariant(SrSolvers::sampleSpace, () -> Reference.randomRbmO(100, 8, 40, complex, 4), true,
                    (complex ? "complex" : "real") + " RBM factors");
        }
    }

    @Test
    void minSrFromFullRowsAndWithARelativeShift() throws Exception {
        for (boolean complex : new boolean[] {true, false}) {
            assertRankCountInvariant(SrSolvers::sampleSpace, () -> Reference.randomO(90, 700, complex, 5), true,
                    (complex ? "complex" : "real") + " full rows");
            assertRankCountInvariant(SrSolvers::sampleSpace, () -> Reference.randomRbmO(100, 8, 40, complex, 4), false,
                    (complex ? "complex" : "real") + " RBM factors, non-uniform shift");
        }
    }

    @Test
    void autoSolverOnEveryPath() throws Exception {
        for (boolean complex : new boolean[] {true, false}) {
            assertRankCountInvariant(SrSolvers::auto, () -> Reference.randomRbmO(100, 8, 40, complex, 4), true,
                    (complex ? "complex" : "real") + " auto, minSR");
            assertRankCountInvariant(SrSolvers::auto, () -> Reference.randomO(300, 150, complex, 7), false,
                    (complex ? "complex" : "real") + " auto, dense");
        }
    }

    @Test
    void conjugateGradient() throws Exception {
        for (boolean complex : new boolean[] {true, false}) {
            assertRankCountInvariant(SrSolvers::conjugateGradient, () -> Reference.randomRbmO(100, 8, 40, complex, 4),
                    true, (complex ? "complex" : "real") + " CG, RBM factors");
            assertRankCountInvariant(SrSolvers::conjugateGradient, () -> Reference.randomO(90, 300, complex, 5), false,
                    (complex ? "complex" : "real") + " CG, full rows");
        }
    }

    @Test
    void denseCholesky() throws Exception {
        for (boolean complex : new boolean[] {true, false}) {
            assertRankCountInvariant(SrSolvers::denseCholesky, () -> Reference.randomO(200, 130, complex, 9), false,
                    (complex ? "complex" : "real") + " dense");
        }
    }
}
