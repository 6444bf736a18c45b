package org.nqs4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.nqs4j.ansatz.FeedForwardNetwork;
import org.nqs4j.ansatz.GaussianParameters;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;
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
 * Question: at the same number of parameters (P = 3,320, complex, N = 40), what does depth cost
 * per exchange proposal: the feed-forward network of two layers of 40 units against the RBM of 80
 * hidden units (α = 2)? The RBM's ratio is a product over its units from look-up tables; the
 * network recomputes log cosh of its first layer and the whole second layer (a 40 × 40 complex
 * GEMV) for every proposal.
 *
 * <p>Answer (2-core AMD EPYC, AVX-512, JDK 25, shared machine so ±30 %): see benchmarks/README.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class DepthBenchmark {
    @Param({"ffnn-1-1", "rbm-2"})
    public String ansatz;

    private WalkerCache cache;
    private final int[] sites = {10, 11};
    private final int[] values = {-1, 1}; // the exchange of the Néel pair σ₁₀ = +1, σ₁₁ = −1
    private final double[] out = new double[2];

    @Setup
    public void setUp() {
        int n = 40;
        WaveFunction psi = ansatz.equals("rbm-2") ? Rbm.complex(n, 2) : FeedForwardNetwork.complex(n, 1, 1);
        GaussianParameters.initialise(psi, 1, 0.1);
        cache = psi.newCache();
        int[] sigma = new int[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = i % 2 == 0 ? 1 : -1;
        }
        cache.reset(sigma);
    }

    /** ψ(σ')/ψ(σ) of one exchange (two flips), as the sampler and the local energy ask for it. */
    @Benchmark
    public double exchangeRatio() {
        cache.ratio(sites, values, 0, 2, out);
        return out[0];
    }
}
