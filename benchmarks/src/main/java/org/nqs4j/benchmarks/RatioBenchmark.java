package org.nqs4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.RbmCache;
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
 * Question: how much faster is the Vector API two-flip ratio ψ(σ')/ψ(σ) (an exchange move,
 * complex RBM, N = 40) than the scalar reference kernel, and than the log-cosh formulation of the
 * C++ reference code (2M complex log-cosh per proposal)?
 *
 * <p>Answer (2-core AMD EPYC, AVX-512, JDK 25, shared machine so ±30 %): see benchmarks/README.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class RatioBenchmark {
    @Param({"1", "4"})
    public int alpha;

    @Param({"vector", "scalar"})
    public String kernels;

    private RbmCache cache;
    private final int[] sites = new int[2];
    private final double[] out = new double[2];
    private final int[] values = {-1, 1}; // the exchange of the Néel pair σ₁₀ = +1, σ₁₁ = −1
    private final int[] threeSites = {0, 1, 2};
    private final int[] threeValues = {-1, 1, -1};

    @Setup
    public void setUp() {
        int n = 40;
        Rbm rbm = BenchProblem.standard().get("heisenberg-chain-40-a1").ansatz(1);
        if (alpha != 1) {
            rbm = Rbm.complex(n, alpha);
            org.nqs4j.ansatz.GaussianParameters.initialise(rbm, 1, 0.1);
        }
        cache = kernels.equals("vector") ? rbm.newCache() : rbm.newReferenceCache();
        int[] sigma = new int[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = i % 2 == 0 ? 1 : -1;
        }
        cache.reset(sigma);
        sites[0] = 10;
        sites[1] = 11;
    }

    /** The transcendental-free product Πⱼ [cosh x − tanh θ sinh x] (2 flips). */
    @Benchmark
    public double twoFlipRatio() {
        cache.ratio(sites, values, 0, 2, out);
        return out[0];
    }

    /** The log-cosh path, as the reference C++ code does it: 3 flips take it in this cache. */
    @Benchmark
    public double logCoshRatio() {
        cache.logRatio(threeSites, threeValues, 0, 3, out);
        return out[0];
    }
}
