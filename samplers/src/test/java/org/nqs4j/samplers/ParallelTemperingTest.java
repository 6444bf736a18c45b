package org.nqs4j.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.SpinHilbert;

class ParallelTemperingTest {
    private static final int N = 8;
    /**
     * |ψ|² ∝ e^{2J Σσσ}: leaving an aligned state by flipping an end spin costs e^{−4J} = e^{−14}, after which
     * the wall wanders for free and crosses with probability ~1/N: ~10⁻⁸ crossings per proposal, 0.01 expected
     * in the 512,000 proposals of the plain chains below (at J = 2.5 one in 16 chains crossed).
     */
    private static final double J = 3.5;
    private static final int CHAINS = 16;
    private static final int PER_CHAIN = 4000;

    private static MetropolisSampler sampler(Temperatures t, long seed) {
        return sampler(J, t, seed);
    }

    private static MetropolisSampler sampler(double j, Temperatures t, long seed) {
        return new MetropolisSampler(new IsingState(N, j), SpinHilbert.unconstrained(N), new LocalFlipRule(N), CHAINS,
                N, t, seed);
    }

    /** Per chain: the fraction of samples with σ₀ = +1 (exactly ½ by the spin-flip symmetry) and the mean of Σσσ. */
    private static double[][] chainMeans(MetropolisSampler sampler, int discard) {
        double[][] means = new double[2][CHAINS];
        try (ChainPool pool = new ChainPool(2)) {
            sampler.sample(PER_CHAIN, discard, (c, s, cache) -> {
                means[0][c] += cache.configuration()[0] > 0 ? 1.0 / PER_CHAIN : 0;
                means[1][c] += (double) IsingState.bonds(cache.configuration()) / PER_CHAIN;
            }, pool);
        }
        return means;
    }

    /** ⟨Σσσ⟩ under |ψ|² at coupling j, summed over the 2^N states. */
    private static double exactBonds(double j) {
        double z = 0;
        double b = 0;
        int[] sigma = new int[N];
        for (int code = 0; code < 1 << N; code++) {
            for (int i = 0; i < N; i++) {
                sigma[i] = (code >> i & 1) == 1 ? 1 : -1;
            }
            double w = Math.exp(2 * j * IsingState.bonds(sigma));
            z += w;
            b += w * IsingState.bonds(sigma);
        }
        return b / z;
    }

    private static double mean(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v / x.length;
        }
        return m;
    }

    /** Standard error of the mean of independent chain means. */
    private static double standardError(double[] x) {
        double m = mean(x);
        double v = 0;
        for (double value : x) {
            v += (value - m) * (value - m) / (x.length - 1);
        }
        return Math.sqrt(v / x.length);
    }

    @Test
    void plainMetropolisChainsStayInTheModeTheyStartIn() {
        // a random start has domain walls, which wander for free until they meet: a long burn-in removes them
        double[] up = chainMeans(sampler(Temperatures.single(), 3L), 1000)[0];
        for (int c = 0; c < CHAINS; c++) {
            assertTrue(up[c] < 0.02 || up[c] > 0.98, "chain " + c + " crossed between the modes: " + up[c]);
        }
    }

    @Test
    void temperedChainsVisitBothModesWithTheBornWeights() {
        MetropolisSampler sampler = sampler(Temperatures.geometric(8, 0.1), 3L);
        double[][] means = chainMeans(sampler, 50);
        for (int c = 0; c < CHAINS; c++) {
            assertTrue(means[0][c] > 0.2 && means[0][c] < 0.8, "chain " + c + " stayed in one mode: " + means[0][c]);
        }
        assertEquals(0.5, mean(means[0]), 5 * standardError(means[0]));
        double swaps = 0;
        double tried = 0;
        for (int c = 0; c < CHAINS; c++) {
            swaps += sampler.swapsAccepted(c);
            tried += sampler.swapsProposed(c);
        }
        assertEquals(CHAINS * (PER_CHAIN + 50) * 7.0, tried);
        assertTrue(swaps / tried > 0.05 && swaps / tried < 1, "swap acceptance " + swaps / tried);
        // the β = 1 walker's acceptance only: e^{−14} per flip out of an aligned state, a few percent with walls
        assertTrue(sampler.acceptance() < 0.05, "acceptance " + sampler.acceptance());
    }

    /** Where a single walker mixes, the β = 1 walker of the tempered chain samples the same |ψ|²: the swaps bias nothing. */
    @Test
    void theTemperedWalkerSamplesTheBornDistribution() {
        double j = 0.3;
        double[] bonds = chainMeans(sampler(j, Temperatures.geometric(4, 0.2), 9L), 50)[1];
        double exact = exactBonds(j);
        assertEquals(exact, mean(bonds), 5 * standardError(bonds));
        assertTrue(Math.abs(exact) > 10 * standardError(bonds), "the check must resolve the exact value " + exact);
    }

    @Test
    void aSavedStateCarriesEveryReplicaAndResumesTheSameChains() {
        MetropolisSampler a = sampler(Temperatures.geometric(4, 0.2), 5L);
        MetropolisSampler b = sampler(Temperatures.geometric(4, 0.2), 6L);
        try (ChainPool pool = new ChainPool(1)) {
            a.sample(10, 0, (c, s, cache) -> { }, pool);
            SamplerState saved = a.saveState();
            assertEquals(4 * N, saved.configurations()[0].length);
            b.restoreState(saved);
            int[][] ta = new int[CHAINS][20];
            int[][] tb = new int[CHAINS][20];
            a.sample(20, 0, (c, s, cache) -> ta[c][s] = IsingState.bonds(cache.configuration()), pool);
            b.sample(20, 0, (c, s, cache) -> tb[c][s] = IsingState.bonds(cache.configuration()), pool);
            for (int c = 0; c < CHAINS; c++) {
                assertArrayEquals(ta[c], tb[c]);
            }
            assertEquals(N, a.configuration(0).length);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> sampler(Temperatures.single(), 1L).restoreState(saved));
            assertTrue(e.getMessage().contains("1 replica(s) of 8 sites"), e.getMessage());
        }
    }

    @Test
    void theLadderIsGeometricFromOne() {
        Temperatures t = Temperatures.geometric(3, 0.25);
        assertEquals(1.0, t.beta(0));
        assertEquals(0.5, t.beta(1), 1e-15);
        assertEquals(0.25, t.beta(2), 1e-15);
        assertEquals(1, Temperatures.geometric(1, 0.25).replicas());
        assertThrows(IllegalArgumentException.class, () -> Temperatures.geometric(2, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Temperatures.geometric(0, 0.5));
    }
}
