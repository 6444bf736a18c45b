package org.nqs4j.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.ejml.data.DMatrixRMaj;
import org.nqs4j.ansatz.fermion.FermionCache;
import org.nqs4j.ansatz.fermion.SlaterDeterminant;
import org.nqs4j.ansatz.fermion.SpinOrbitals;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: does the Slater-determinant walker cache cost O(N) per proposed single-particle hop and
 * O(N²) per accepted hop, against O(N³) for a fresh determinant per proposal, at N = 16, 36, 64
 * electrons of one species on L = 2N sites (random orbitals)?
 *
 * <p>Answer (two brief runs, 1 fork, 2 × 1 s warm-up, 3 × 1 s measured, shared 2-core machine at
 * load 6–8: errors of ±100 % and more, so only the ratios mean anything): N = 16 / 36 / 64 gave
 * proposal 45–48 / 48–66 / 92–117 ns, accepted hop 0.83 / 3.1 / 7.6–9.7 µs, fresh determinant
 * 4.4–4.9 / 33–35 / 118–229 µs. From N = 16 to 64 (×4) a proposal grew ×2.0–2.5 (O(N) with a
 * constant overhead), an accepted hop ×9–12 (O(N²) → ×16), a fresh determinant ×24–52 (O(N³) →
 * ×64, reached only at large N). At N = 64 a proposal is 1,300–2,000× cheaper than a fresh
 * determinant, an accepted hop 15–24×.
 *
 * <p>Same-species double excitations (one run, 1 fork, 3 × 1 s, load average 20, errors up to
 * ±400 %): N = 16 / 64 gave proposal 189 / 610 ns (×3.2 for N ×4: O(N), about three single
 * proposals, the four row–column products of the 2 × 2 determinant), accepted double 5.8 / 33 µs
 * (rank-2 Woodbury plus the amortised refresh; single hops in the same run 1.3 / 20 µs).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SlaterHopBenchmark {
    @Param({"16", "36", "64"})
    public int nParticles;

    private SlaterDeterminant slater;
    private FermionCache cache;
    private int[] hopFrom;
    private int[] hopTo;
    private int[] proposed;
    private int[] pairFrom;
    private int[] pairTo;
    private final double[] out = new double[2];
    private int next;
    private boolean back;

    @Setup
    public void setUp() {
        int l = 2 * nParticles;
        Random rng = new Random(1);
        DMatrixRMaj phi = new DMatrixRMaj(l, nParticles);
        for (int i = 0; i < phi.data.length; i++) {
            phi.data[i] = rng.nextGaussian();
        }
        slater = SlaterDeterminant.of(SpinOrbitals.of(phi));
        cache = slater.newCache();
        int[] n = new int[l];
        for (int r = 0; r < l; r += 2) {
            n[r] = 1;            // even sites occupied: every odd site is empty
        }
        cache.reset(n);
        hopFrom = new int[64];
        hopTo = new int[64];
        for (int k = 0; k < hopFrom.length; k++) {
            hopFrom[k] = 2 * rng.nextInt(nParticles);
            hopTo[k] = 2 * rng.nextInt(nParticles) + 1;
        }
        proposed = n.clone();
        pairFrom = new int[64];
        pairTo = new int[64];
        for (int k = 0; k < pairFrom.length; k += 2) { // two distinct sources and two distinct targets
            pairFrom[k] = 2 * rng.nextInt(nParticles);
            pairTo[k] = 2 * rng.nextInt(nParticles) + 1;
            do {
                pairFrom[k + 1] = 2 * rng.nextInt(nParticles);
                pairTo[k + 1] = 2 * rng.nextInt(nParticles) + 1;
            } while (pairFrom[k + 1] == pairFrom[k] || pairTo[k + 1] == pairTo[k]);
        }
    }

    /** One proposal: a row of Φ times a column of the inverse, O(N). */
    @Benchmark
    public double proposeHop() {
        int k = next++ & 63;
        return cache.ratio(0, hopFrom[k], hopTo[k]);
    }

    /** One accepted hop (there and back alternately): Sherman–Morrison O(N²), amortised refresh included. */
    @Benchmark
    public int acceptHop() {
        int k = next & 63;
        if (back) {
            cache.applyHop(0, hopTo[k], hopFrom[k]);
            next++;
        } else {
            cache.applyHop(0, hopFrom[k], hopTo[k]);
        }
        back = !back;
        return cache.configuration()[0];
    }

    /**
     * One proposed same-species double excitation (hops k and k + 1 of the list, distinct orbitals):
     * the 2 × 2 determinant of four row–column products, O(N).
     */
    @Benchmark
    public double proposeDouble() {
        int k = next++ & 31;
        return cache.ratio(0, pairFrom[2 * k], pairTo[2 * k], 0, pairFrom[2 * k + 1], pairTo[2 * k + 1]);
    }

    /** One accepted double excitation (there and back alternately): rank-2 Woodbury O(N²), refresh included. */
    @Benchmark
    public int acceptDouble() {
        int k = next & 31;
        if (back) {
            cache.applyHops(0, pairTo[2 * k], pairFrom[2 * k], 0, pairTo[2 * k + 1], pairFrom[2 * k + 1]);
            next++;
        } else {
            cache.applyHops(0, pairFrom[2 * k], pairTo[2 * k], 0, pairFrom[2 * k + 1], pairTo[2 * k + 1]);
        }
        back = !back;
        return cache.configuration()[0];
    }

    /** What the cache avoids: log |det| of the proposed configuration from a fresh LU, O(N³). */
    @Benchmark
    public double freshDeterminant() {
        int k = next++ & 63;
        proposed[hopFrom[k]] = 0;
        proposed[hopTo[k]] = 1;
        slater.logPsi(proposed, out);
        proposed[hopFrom[k]] = 1;
        proposed[hopTo[k]] = 0;
        return out[0];
    }
}
