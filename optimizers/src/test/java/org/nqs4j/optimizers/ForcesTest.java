package org.nqs4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nqs4j.optimizers.linalg.TaskRunner;

class ForcesTest {
    /** Hand values are sums of three terms of order 10: a few ulps. */
    private static final double TOL = 1e-14;

    @Test
    void realForceUsesRealPartOfCentredEnergies() {
        double[] f = new double[2];
        Forces.compute(HandExamples.realO(), HandExamples.realEnergies(), f);
        assertArrayEquals(HandExamples.REAL_FORCE, f, TOL);
    }

    @Test
    void complexForceConjugatesTheLogDerivatives() {
        double[] f = {9, 9, 9, 9};
        Forces.compute(HandExamples.complexO(), HandExamples.complexEnergies(), f);
        assertArrayEquals(HandExamples.COMPLEX_FORCE, f, TOL);
    }

    @Test
    void constantEnergyGivesZeroForce() {
        double[] f = new double[4];
        Forces.compute(HandExamples.complexO(), new double[] {-2, 0.5, -2, 0.5, -2, 0.5}, f);
        assertArrayEquals(new double[4], f, 0.0);
    }

    @Test
    void rejectsShortArrays() {
        assertThrows(IllegalArgumentException.class,
                () -> Forces.compute(HandExamples.realO(), new double[3], new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> Forces.compute(HandExamples.realO(), new double[6], new double[1]));
    }

    /** Columns and parameters are split into fixed blocks: ΔO, ⟨O⟩ and F are bit-identical for any runner. */
    @Test
    void centringAndForceDoNotDependOnTheRunner() {
        int n = 7;
        int p = 1_300; // several column blocks of the complex row, and a short last block
        SplittableRandom rnd = new SplittableRandom(9);
        double[] energies = new double[2 * n];
        for (int s = 0; s < 2 * n; s++) {
            energies[s] = rnd.nextDouble(-1, 1);
        }
        double[][] results = new double[3][];
        TaskRunner[] runners = {
            TaskRunner.SERIAL,
            (count, task) -> {
                for (int t = count - 1; t >= 0; t--) {
                    task.accept(t);
                }
            },
            (count, task) -> IntStream.range(0, count).parallel().forEach(task)};
        for (int r = 0; r < runners.length; r++) {
            LogDerivativeSamples o = new LogDerivativeSamples(n, p, true);
            SplittableRandom same = new SplittableRandom(10);
            for (int j = 0; j < o.data().length; j++) {
                o.data()[j] = same.nextDouble(-1, 1);
            }
            double[] mean = new double[2 * p];
            double[] force = new double[2 * p];
            o.center(mean, runners[r]);
            Forces.compute(o, energies, force, runners[r]);
            double[] all = new double[o.data().length + 4 * p];
            System.arraycopy(o.data(), 0, all, 0, o.data().length);
            System.arraycopy(mean, 0, all, o.data().length, 2 * p);
            System.arraycopy(force, 0, all, o.data().length + 2 * p, 2 * p);
            results[r] = all;
        }
        assertArrayEquals(results[0], results[1]);
        assertArrayEquals(results[0], results[2]);
    }
}
