package org.nqs4j.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        Result estimate = run(new Bounded(rbm, Mode.ESTIMATE, estimated), hilbert, rule);
        Result exact = run(new Bounded(rbm, Mode.EXACT, null), hilbert, rule);
        Result wide = run(new Bounded(rbm, Mode.WIDE_BOUND, null), hilbert, rule);
        Result fallback = run(new Bounded(rbm, Mode.HUGE_BOUND, null), hilbert, rule);
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

    /** The RBM with caches whose {@link WalkerCache#ratioModulus2} answers by {@link Mode}. */
    private record Bounded(Rbm rbm, Mode mode, AtomicLong estimated) implements WaveFunction {
        @Override
        public int nSites() {
            return rbm.nSites();
        }

        @Override
        public int nParameters() {
            return rbm.nParameters();
        }

        @Override
        public boolean isComplex() {
            return rbm.isComplex();
        }

        @Override
        public void getParameters(double[] dst) {
            rbm.getParameters(dst);
        }

        @Override
        public void setParameters(double[] src) {
            rbm.setParameters(src);
        }

        @Override
        public void logPsi(int[] sigma, double[] out) {
            rbm.logPsi(sigma, out);
        }

        @Override
        public WalkerCache newCache() {
            return new Cache(rbm.newCache(), mode, estimated);
        }

        @Override
        public String description() {
            return rbm.description() + ", " + mode;
        }
    }

    private record Cache(WalkerCache inner, Mode mode, AtomicLong estimated) implements WalkerCache {
        @Override
        public void ratioModulus2(int[] sites, int[] values, int offset, int count, double[] out) {
            switch (mode) {
                case EXACT -> WalkerCache.super.ratioModulus2(sites, values, offset, count, out);
                case WIDE_BOUND -> {
                    inner.ratioModulus2(sites, values, offset, count, out);
                    out[1] = out[1] == 0.0 ? 0.0 : 0.3 * out[0];
                }
                case HUGE_BOUND -> {
                    inner.ratioModulus2(sites, values, offset, count, out);
                    out[1] = out[1] == 0.0 ? 0.0 : 1e300;
                }
                case ESTIMATE -> {
                    inner.ratioModulus2(sites, values, offset, count, out);
                    if (out[1] > 0.0) {
                        estimated.incrementAndGet();
                    }
                }
            }
        }

        @Override
        public void reset(int[] x) {
            inner.reset(x);
        }

        @Override
        public int[] configuration() {
            return inner.configuration();
        }

        @Override
        public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
            inner.logRatio(sites, values, offset, count, out);
        }

        @Override
        public void ratio(int[] sites, int[] values, int offset, int count, double[] out) {
            inner.ratio(sites, values, offset, count, out);
        }

        @Override
        public void applyMove(int[] sites, int[] values, int offset, int count) {
            inner.applyMove(sites, values, offset, count);
        }

        @Override
        public void logPsi(double[] out) {
            inner.logPsi(out);
        }

        @Override
        public void logDerivatives(double[] out, int offset) {
            inner.logDerivatives(out, offset);
        }
    }
}
