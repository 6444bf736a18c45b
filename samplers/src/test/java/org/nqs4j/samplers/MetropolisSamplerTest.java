package org.nqs4j.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.junit.jupiter.api.Test;

class MetropolisSamplerTest {

    /** ⟨σᵢ⟩ = tanh(2hᵢ) for the product state; the sample mean must agree within 5 standard errors. */
    @Test
    void localFlipsSampleTheBornDistribution() {
        double[] h = {0.3, -0.2, 0.0, 0.5};
        ProductState psi = new ProductState(h);
        MetropolisSampler sampler = new MetropolisSampler(psi, SpinHilbert.unconstrained(4), new LocalFlipRule(4), 8, 4, 7L);
        int perChain = 5000;
        double[][] sums = new double[8][4];
        try (ChainPool pool = new ChainPool(2)) {
            sampler.sample(perChain, 20, (c, s, cache) -> {
                for (int i = 0; i < 4; i++) {
                    sums[c][i] += cache.configuration()[i];
                }
            }, pool);
        }
        for (int i = 0; i < 4; i++) {
            double mean = 0;
            for (int c = 0; c < 8; c++) {
                mean += sums[c][i];
            }
            mean /= 8.0 * perChain;
            double exact = Math.tanh(2 * h[i]);
            // one sweep of 4 local proposals decorrelates a site of this product state almost
            // completely; allow a factor 2 for the residual autocorrelation in the error
            double error = 2 * Math.sqrt((1 - exact * exact) / (8.0 * perChain));
            assertEquals(exact, mean, 5 * error, "site " + i);
        }
        assertTrue(sampler.acceptance() > 0.3 && sampler.acceptance() <= 1.0);
    }

    @Test
    void exchangeMovesConserveMagnetization() {
        Lattice chain = Lattice.chain(6, Boundary.PERIODIC, false);
        SpinHilbert hilbert = SpinHilbert.fixedMagnetization(6, 0);
        MetropolisSampler sampler = new MetropolisSampler(new ProductState(0.1, 0.2, 0.3, -0.1, -0.2, -0.3),
                hilbert, ExchangeRule.onEdges(chain.edges()), 4, 6, 11L);
        try (ChainPool pool = new ChainPool(1)) {
            sampler.sample(200, 5, (c, s, cache) -> assertTrue(hilbert.contains(cache.configuration())), pool);
        }
    }

    @Test
    void samplesAreIndependentOfTheThreadCount() {
        int[][] one = trace(1);
        int[][] two = trace(2);
        for (int c = 0; c < one.length; c++) {
            assertArrayEquals(one[c], two[c], "chain " + c);
        }
    }

    private static int[][] trace(int threads) {
        MetropolisSampler sampler = new MetropolisSampler(new ProductState(0.4, -0.1, 0.2),
                SpinHilbert.unconstrained(3), new LocalFlipRule(3), 5, 3, 99L);
        int[][] codes = new int[5][50];
        try (ChainPool pool = new ChainPool(threads)) {
            sampler.sample(50, 3, (c, s, cache) -> codes[c][s] = (cache.configuration()[0] + 1) + 3 * (cache.configuration()[1] + 1)
                    + 9 * (cache.configuration()[2] + 1), pool);
        }
        return codes;
    }

    @Test
    void savedStateResumesTheSameChains() {
        MetropolisSampler a = new MetropolisSampler(new ProductState(0.4, -0.1, 0.2), SpinHilbert.unconstrained(3),
                new LocalFlipRule(3), 3, 3, 5L);
        MetropolisSampler b = new MetropolisSampler(new ProductState(0.4, -0.1, 0.2), SpinHilbert.unconstrained(3),
                new LocalFlipRule(3), 3, 3, 6L);
        try (ChainPool pool = new ChainPool(1)) {
            a.sample(10, 0, (c, s, cache) -> { }, pool);
            b.restoreState(a.saveState());
            int[][] ta = new int[3][20];
            int[][] tb = new int[3][20];
            a.sample(20, 0, (c, s, cache) -> ta[c][s] = cache.configuration()[0] + 2 * cache.configuration()[2], pool);
            b.sample(20, 0, (c, s, cache) -> tb[c][s] = cache.configuration()[0] + 2 * cache.configuration()[2], pool);
            for (int c = 0; c < 3; c++) {
                assertArrayEquals(ta[c], tb[c]);
            }
        }
    }

    @Test
    void localFlipsOnAFixedMagnetizationSpaceAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MetropolisSampler(
                new ProductState(0, 0), SpinHilbert.fixedMagnetization(2, 0), new LocalFlipRule(2), 1, 2, 1L));
        assertTrue(e.getMessage().contains("exchange"));
    }

    @Test
    void exchangeNeverProposesEqualSpins() {
        ExchangeRule rule = ExchangeRule.anyPair(4);
        int[] sites = new int[2];
        int[] sigma = {1, 1, 1, 1};
        var rng = org.apache.commons.rng.simple.RandomSource.XO_SHI_RO_256_PP.create(3L);
        for (int k = 0; k < 100; k++) {
            assertEquals(0, rule.propose(sigma, rng, sites, new int[2]));
        }
    }
}
