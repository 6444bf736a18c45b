package org.nqs4j.benchmarks;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.nqs4j.samplers.ChainPool;

/**
 * Measures one core's double-precision FMA throughput: 12 independent chains a ← a·b + c of
 * SPECIES_PREFERRED vectors (enough to cover FMA latency × issue width on current x86 cores), so
 * the loop is bound by FMA issue alone. 2 flops per lane per FMA.
 */
public final class FmaPeak {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private FmaPeak() {
    }

    /** Best GFLOP/s over {@code repeats} timed runs of {@code fmasPerChain} FMAs per chain. */
    public static double gflops(long fmasPerChain, int repeats) {
        double best = 0;
        double sink = 0;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            sink += run(fmasPerChain);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            best = Math.max(best, 12.0 * fmasPerChain * SPECIES.length() * 2 / seconds * 1e-9);
        }
        if (sink == 42.0) { // keeps the result alive; practically never true
            System.out.print("");
        }
        return best;
    }

    /**
     * The machine's own multi-core ceiling at this moment: the same FMA loop timed alone and then
     * on every thread of {@code pool} at once, returning threads · t₁ / t_N. The loop touches no
     * memory and never synchronises, so anything below {@code pool.threads()} is the host (a
     * shared physical core, a lower clock with all cores busy), and no kernel can scale better.
     */
    public static double scalingCeiling(ChainPool pool, long fmasPerChain) {
        double[] sink = new double[pool.threads()];
        long t0 = System.nanoTime();
        sink[0] = run(fmasPerChain);
        long t1 = System.nanoTime();
        pool.forEach(pool.threads(), t -> sink[t] += run(fmasPerChain));
        long t2 = System.nanoTime();
        if (sink[0] == 42.0) { // keeps the result alive; practically never true
            System.out.print("");
        }
        return pool.threads() * (double) (t1 - t0) / (t2 - t1);
    }

    private static double run(long n) {
        DoubleVector b = DoubleVector.broadcast(SPECIES, 0.999999);
        DoubleVector c = DoubleVector.broadcast(SPECIES, 1e-7);
        DoubleVector a0 = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector a1 = a0.add(0.1);
        DoubleVector a2 = a0.add(0.2);
        DoubleVector a3 = a0.add(0.3);
        DoubleVector a4 = a0.add(0.4);
        DoubleVector a5 = a0.add(0.5);
        DoubleVector a6 = a0.add(0.6);
        DoubleVector a7 = a0.add(0.7);
        DoubleVector a8 = a0.add(0.8);
        DoubleVector a9 = a0.add(0.9);
        DoubleVector a10 = a0.add(1.0);
        DoubleVector a11 = a0.add(1.1);
        for (long i = 0; i < n; i++) {
            a0 = a0.fma(b, c);
            a1 = a1.fma(b, c);
            a2 = a2.fma(b, c);
            a3 = a3.fma(b, c);
            a4 = a4.fma(b, c);
            a5 = a5.fma(b, c);
            a6 = a6.fma(b, c);
            a7 = a7.fma(b, c);
            a8 = a8.fma(b, c);
            a9 = a9.fma(b, c);
            a10 = a10.fma(b, c);
            a11 = a11.fma(b, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
    }
}
