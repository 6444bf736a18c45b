package org.nqs4j.optimizers.linalg;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import org.nqs4j.optimizers.Forces;
import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.RandomRows;

/**
 * Measurement harness (not a test): the thread CPU time of each part of one minSR update with RBM
 * factors at the shapes of 10×10 α = 1 (N_s = 1,000, N = M = 100, complex), on K ranks posing as
 * threads of one JVM ({@link ThreadRanks}), one thread each, in the order the driver and
 * {@code SampleSpaceSolver} run them. CPU time, not wall time, so that a shared host's load and
 * the waits in the all-gathers do not count: what it shows is the work each rank does. Median
 * over the second half of the iterations. Usage (after {@code ./nqs build} and
 * {@code mvn -pl optimizers test-compile}):
 * <pre>
 * java --add-modules jdk.incubator.vector -cp 'optimizers/target/test-classes:benchmarks/target/lib/*' \
 *   org.nqs4j.optimizers.linalg.RankUpdateParts K ITERATIONS
 * </pre>
 */
public final class RankUpdateParts {
    private static final String[] PARTS = {"centring", "force", "A g", "Gram", "Cholesky", "triangular", "A† z"};
    private static final int SAMPLES = 1000;
    private static final int SPINS = 100;

    private RankUpdateParts() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        int iterations = Integer.parseInt(args[1]);
        List<double[]> medians = ThreadRanks.run(size, ranks -> measure(ranks, iterations));
        for (int r = 0; r < size; r++) {
            StringBuilder line = new StringBuilder("K = " + size + ", rank " + r + ", CPU ms:");
            double total = 0;
            for (int q = 0; q < PARTS.length; q++) {
                line.append(String.format(" %s %.2f,", PARTS[q], medians.get(r)[q]));
                total += medians.get(r)[q];
            }
            System.out.println(line.append(String.format(" total %.2f", total)));
        }
    }

    private static double[] measure(RankExchange ranks, int iterations) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int n = SAMPLES;
        LogDerivativeSamples o = RandomRows.factoredRbm(n, SPINS, SPINS, true, 5);
        int row = o.rowLength();
        double[] mean = new double[row];
        double[] force = new double[row];
        double[] g = new double[row];
        double[] adjoint = new double[row];
        double[] energies = new double[2 * n];
        Arrays.setAll(energies, Math::sin);
        Arrays.setAll(g, k -> 1e-2 * Math.cos(k));
        double[] b = new double[2 * n];
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        int panel = HermitianBlockedCholesky.panelLength(n);
        double[] panelRe = new double[panel];
        double[] panelIm = new double[panel];
        double[] diagonal = new double[n];
        double[] yRe = new double[n];
        double[] yIm = new double[n];
        OuterProductGram gram = new OuterProductGram();
        DistributedCholesky cholesky = new DistributedCholesky();
        TaskRunner one = TaskRunner.SERIAL;
        double[][] ms = new double[PARTS.length][iterations];
        long[] t = new long[PARTS.length + 1];
        for (int it = 0; it < 2 * iterations; it++) {
            o.rowsToFill(); // the same rows, centred afresh
            t[0] = cpu.getCurrentThreadCpuTime();
            o.center(mean, ranks, one);
            t[1] = cpu.getCurrentThreadCpuTime();
            Forces.compute(o, energies, force, ranks, one);
            t[2] = cpu.getCurrentThreadCpuTime();
            SampleMatrixOps.multiply(o, g, b, ranks, one);
            t[3] = cpu.getCurrentThreadCpuTime();
            gram.centred(o.outerProductFactors().orElseThrow(), o.means(), 100.0, re, im, ranks, one);
            for (int s = 0; s < n; s++) {
                re[s * n + s] += n;
            }
            t[4] = cpu.getCurrentThreadCpuTime();
            cholesky.gatherDiagonal(re, n, diagonal, ranks);
            if (cholesky.factorHermitian(re, im, n, panelRe, panelIm, ranks, one) >= 0) {
                throw new IllegalStateException("N_s I + ΔO ΔO†/ε is not positive definite");
            }
            t[5] = cpu.getCurrentThreadCpuTime();
            HermitianBlockedCholesky.solve(re, im, n, b, yRe, yIm, one);
            t[6] = cpu.getCurrentThreadCpuTime();
            SampleMatrixOps.multiplyAdjoint(o, b, 1.0, adjoint, ranks, one);
            t[7] = cpu.getCurrentThreadCpuTime();
            for (int q = 0; it >= iterations && q < PARTS.length; q++) {
                ms[q][it - iterations] = (t[q + 1] - t[q]) * 1e-6;
            }
        }
        double[] medians = new double[PARTS.length];
        for (int q = 0; q < PARTS.length; q++) {
            Arrays.sort(ms[q]);
            medians[q] = ms[q][iterations / 2];
        }
        return medians;
    }
}
