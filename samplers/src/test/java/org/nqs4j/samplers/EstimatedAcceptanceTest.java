package org.nqs4j.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.GaussianParameters;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Edge;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * Metropolis chains decided from the RBM's float estimate of |ψ(x')/ψ(x)|² ({@link WalkerCache#ratioModulus2})
 * are bit for bit those decided from the exact ratio: the same configuration after every sweep and the same
 * acceptance counts, against a cache that returns the exact value (bound 0), one whose bound is widened to
 * 30 % (many uniform numbers fall inside the bracket) and one whose bound is so large that every decision
 * goes through the exact ratio of the bracket's fallback.
 */
class EstimatedAcceptanceTest {
    /** How the wrapped cache answers {@link WalkerCache#ratioModulus2}. */
    private enum Mode { ESTIMATE, EXACT, WIDE_BOUND, HUGE_BOUND }

    @Test
    void estimatedExchangeChainsAreTheExactOnes() {
        Lattice chain = Lattice.chain(20, Boundary.PERIODIC, false);
        for (double width : new double[] {0.01, 0.1, 0.3}) {
            Rbm rbm = Rbm.complex(20, 2);
            rbm.tabulateExchanges(Edge.sitePairs(chain.edges()));
            GaussianParameters.initialise(rbm, 5L, width);
            double estimated = assertSameChains(rbm, SpinHilbert.fixedMagnetization(20, 0),
                    ExchangeRule.onEdges(chain.edges()));
            // at width 0.3 some |cⱼ| > 2 or amplification > K: every decision takes the exact path
            assertTrue(width > 0.2 || estimated > 0.9, "width " + width + ": estimated " + estimated);
        }
    }

    @Test
    void estimatedFlipChainsAreTheExactOnes() {
        for (double width : new double[] {0.01, 0.1}) {
            Rbm rbm = Rbm.complex(16, 1);
            GaussianParameters.initialise(rbm, 9L, width);
            double estimated = assertSameChains(rbm, SpinHilbert.unconstrained(16), new LocalFlipRule(16));
            assertTrue(estimated > 0.9, "width " + width + ": estimated " + estimated);
        }
    }

    /** Asserts the same chains in the three modes; returns the fraction of proposals given an estimate. */
    private static double assertSameChains(Rbm rbm, Hilbert hilbert, TransitionRule rule) {
        AtomicLong estimated = new AtomicLong();
        Result estimate = run(bounded(rbm, Mode.ESTIMATE, estimated), hilbert, rule);
        Result exact = run(bounded(rbm, Mode.EXACT, null), hilbert, rule);
        Result wide = run(bounded(rbm, Mode.WIDE_BOUND, null), hilbert, rule);
        Result fallback = run(bounded(rbm, Mode.HUGE_BOUND, null), hilbert, rule);
        for (Result other : new Result[] {exact, wide, fallback}) {
            assertArrayEquals(other.accepted, estimate.accepted, "acceptance counts");
            for (int c = 0; c < estimate.trace.length; c++) {
                for (int s = 0; s < estimate.trace[c].length; s++) {
                    assertArrayEquals(other.trace[c][s], estimate.trace[c][s], "chain " + c + ", sweep " + s);
                }
            }
        }
        long proposals = 0;
        for (long a : estimate.proposed) {
            proposals += a;
        }
        return (double) estimated.get() / proposals;
    }

    private record Result(int[][][] trace, long[] accepted, long[] proposed) {
    }

    private static Result run(WaveFunction psi, Hilbert hilbert, TransitionRule rule) {
        int chains = 3;
        int samples = 300;
        MetropolisSampler sampler = new MetropolisSampler(psi, hilbert, rule, chains, hilbert.size(), 21L);
        int[][][] trace = new int[chains][samples][];
        long[] accepted = new long[chains];
        long[] proposed = new long[chains];
        try (ChainPool pool = new ChainPool(1)) {
            for (int call = 0; call < 2; call++) { // a second call continues the chains
                int first = call * samples / 2;
                sampler.sample(samples / 2, 3, (c, s, cache) -> trace[c][first + s] = cache.configuration().clone(),
                        pool);
                for (int c = 0; c < chains; c++) {
                    accepted[c] += sampler.accepted(c);
                    proposed[c] += sampler.proposed(c);
                }
            }
        }
        return new Result(trace, accepted, proposed);
    }

    /** The RBM behind a proxy whose caches answer {@link WalkerCache#ratioModulus2} by {@link Mode}. */
    private static WaveFunction bounded(Rbm rbm, Mode mode, AtomicLong estimated) {
        return (WaveFunction) Proxy.newProxyInstance(WaveFunction.class.getClassLoader(),
                new Class<?>[] {WaveFunction.class}, (proxy, method, args) -> method.getName().equals("newCache")
                        ? boundedCache(rbm.newCache(), mode, estimated) : method.invoke(rbm, args));
    }

    private static WalkerCache boundedCache(WalkerCache inner, Mode mode, AtomicLong estimated) {
        return (WalkerCache) Proxy.newProxyInstance(WalkerCache.class.getClassLoader(),
                new Class<?>[] {WalkerCache.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("ratioModulus2")) {
                        return method.invoke(inner, args);
                    }
                    if (mode == Mode.EXACT) {
                        return InvocationHandler.invokeDefault(proxy, method, args); // the exact value, bound 0
                    }
                    method.invoke(inner, args);
                    double[] out = (double[]) args[4];
                    if (out[1] > 0.0) {
                        switch (mode) {
                            case WIDE_BOUND -> out[1] = 0.3 * out[0];
                            case HUGE_BOUND -> out[1] = 1e300;
                            default -> estimated.incrementAndGet();
                        }
                    }
                    return null;
                });
    }
}
