package org.nqs4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.RbmCache;
import org.nqs4j.samplers.MetropolisSampler;
import org.nqs4j.samplers.TransitionRule;
import org.nqs4j.vmc.driver.SampledOperator;
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
 * Question: how long does one sample take — a sweep of N Metropolis proposals, one local energy
 * and the O_k row's factors (σ, tanh θ: what the driver stores for an RBM) — on the peers' problems, with the vector and the scalar kernels, and does it
 * allocate? (Run with {@code -prof gc}: gc.alloc.rate.norm must be ≈ 0 B/op.)
 *
 * <p>The loop is the sampler's and the driver's hot loop written out, so that the kernel set
 * can be chosen; samples/s = 1e9 / (ns/op).
 *
 * <p>Second question (param {@code acceptance}): how much of a sample does the Metropolis decision from the
 * bounded float estimate save against the exact ratio, in one build (both pay the float copy of tanh θ)?
 * Answer (kern6, 2026-12-04, 2-core EPYC Zen 4 AVX-512, load ≈ 1.4, heisenberg-chain-40-a1, vector,
 * tabulated): exact 7,301 ± 316 ns, estimated 6,280 ± 125 ns per sample (1.16×); the rest of the sample is
 * the accepted moves' updates (98 % accepted at width 0.01), the proposals and the local energy.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SampleBenchmark {
    @Param({"heisenberg-chain-40-a1", "heisenberg-chain-40-a4", "tfim-chain-40-h1-a1", "heisenberg-square-10x10-a1"})
    public String problem;

    @Param({"vector", "scalar"})
    public String kernels;

    /**
     * Exchange moves through per-bond tables e^{±2(W_i − W_j)} (one-flip products) or the general
     * two-flip product (Heisenberg problems only; TFIM has no exchanges).
     */
    @Param({"tabulated", "general"})
    public String exchanges;

    /**
     * The Metropolis decision from the exact ratio, or from the cache's bounded float estimate
     * ({@link org.nqs4j.ansatz.WalkerCache#ratioModulus2}), the exact ratio only where it cannot decide (as
     * the sampler does). Same chain, same bits.
     */
    @Param({"exact", "estimated"})
    public String acceptance;

    private RbmCache cache;
    private boolean estimated;
    private TransitionRule rule;
    private SampledOperator.LocalValue localEnergy;
    private UniformRandomProvider rng;
    private final int[] sites = new int[2];
    private final int[] values = new int[2];
    private final double[] ratio = new double[2];
    private final double[] energy = new double[2];
    private double[] o;
    private int nSites;

    @Setup
    public void setUp() {
        BenchProblem p = BenchProblem.standard().get(problem);
        Rbm rbm = p.ansatz(5, exchanges.equals("tabulated"));
        cache = kernels.equals("vector") ? rbm.newCache() : rbm.newReferenceCache();
        rule = p.rule();
        localEnergy = SampledOperator.of(p.hamiltonian()).newLocalValue();
        rng = RandomSource.XO_SHI_RO_256_PP.create(9L);
        nSites = p.nSites();
        int[] sigma = new int[nSites];
        for (int i = 0; i < nSites; i++) {
            sigma[i] = i % 2 == 0 ? 1 : -1;
        }
        cache.reset(sigma);
        o = new double[rbm.parameterArrayLength()];
        estimated = acceptance.equals("estimated");
    }

    @Benchmark
    public double oneSample() {
        for (int step = 0; step < nSites; step++) {
            int n = rule.propose(cache.configuration(), rng, sites, values);
            if (n == 0) {
                continue;
            }
            if (estimated ? MetropolisSampler.accepts(cache, rng, sites, values, n, ratio) : acceptsExact(n)) {
                cache.applyMove(sites, values, 0, n);
            }
        }
        localEnergy.evaluate(cache, energy);
        cache.logDerivativeFactors(o, 0);
        return energy[0];
    }

    /** The decision before the estimate: from the exact ratio. */
    private boolean acceptsExact(int n) {
        cache.ratio(sites, values, 0, n, ratio);
        double a = ratio[0] * ratio[0] + ratio[1] * ratio[1];
        return a >= 1 || rng.nextDouble() < a;
    }
}
