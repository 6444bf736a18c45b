package org.nqs4j.optimizers.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nqs4j.optimizers.Forces;
import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.RandomRows;

/**
 * The column means of the centring and the force shared by K ranks (threads posing as ranks, each
 * with its own copy of the samples; {@link LogDerivativeSamples#center(double[], RankExchange, TaskRunner)},
 * {@link Forces#compute(LogDerivativeSamples, double[], double[], RankExchange, TaskRunner)}) are
 * the one-process results bit for bit on every rank, K = 1, 2, 3, for factored RBM rows (means
 * and A† ε split by hidden units; M = 5 so that a rank of three gets one unit) and full rows
 * (column blocks: P = 1,300 complex gives 6 blocks of 512 doubles, the last one short).
 */
class DistributedCentringTest {
    private static final TaskRunner THREADS = (n, task) -> IntStream.range(0, n).parallel().forEach(task::accept);

    @Test
    void factoredRbmRows() throws Exception {
        for (boolean complex : new boolean[] {true, false}) {
            assertRankCountInvariant(() -> RandomRows.factoredRbm(37, 7, 5, complex, 21), complex ? "complex" : "real");
        }
    }

    @Test
    void fullRows() throws Exception {
        for (boolean complex : new boolean[] {true, false}) {
            assertRankCountInvariant(() -> {
                LogDerivativeSamples o = new LogDerivativeSamples(9, 1_300, complex);
                SplittableRandom rnd = new SplittableRandom(22);
                double[] rows = o.rowsToFill();
                for (int j = 0; j < rows.length; j++) {
                    rows[j] = rnd.nextDouble(-1, 1);
                }
                return o;
            }, complex ? "complex full rows" : "real full rows");
        }
    }

    /** Ō, ΔO and F on K ranks equal those of one process, on every rank. */
    private static void assertRankCountInvariant(Supplier<LogDerivativeSamples> samples, String what) throws Exception {
        double[] expected = centreAndForce(samples.get(), RankExchange.SINGLE, TaskRunner.SERIAL);
        for (int size = 1; size <= 3; size++) {
            List<double[]> results = ThreadRanks.run(size, ranks -> centreAndForce(samples.get(), ranks,
                    ranks.rank() == 1 ? THREADS : TaskRunner.SERIAL));
            for (int r = 0; r < size; r++) {
                assertArrayEquals(expected, results.get(r), what + ": rank " + r + " of " + size);
            }
        }
    }

    /** Ō, then ΔO (expanded), then F, in one array. */
    private static double[] centreAndForce(LogDerivativeSamples o, RankExchange ranks, TaskRunner tasks) {
        int row = o.rowLength();
        SplittableRandom rnd = new SplittableRandom(23);
        double[] energies = new double[2 * o.nSamples()];
        for (int s = 0; s < energies.length; s++) {
            energies[s] = rnd.nextDouble(-1, 1);
        }
        double[] mean = new double[row];
        double[] force = new double[row];
        o.center(mean, ranks, tasks);
        Forces.compute(o, energies, force, ranks, tasks);
        double[] centred = o.data();
        double[] all = new double[2 * row + centred.length];
        System.arraycopy(mean, 0, all, 0, row);
        System.arraycopy(centred, 0, all, row, centred.length);
        System.arraycopy(force, 0, all, row + centred.length, row);
        return all;
    }
}
