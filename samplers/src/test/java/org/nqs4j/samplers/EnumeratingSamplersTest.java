package org.nqs4j.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nqs4j.ansatz.fermion.SlaterDeterminant;
import org.nqs4j.ansatz.fermion.SpinOrbitals;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * The samplers that enumerate a sector: independent exact draws follow the Born distribution
 * |ψ(x)|²/Σ|ψ|² computed here state by state (χ² over all states), for any thread count; the full sum
 * visits every state once with exactly that probability as its weight, and puts weight 0 on padding
 * slots and on the nodes of a determinant.
 */
class EnumeratingSamplersTest {
    private static final FermionHilbert SECTOR = FermionHilbert.spinful(4, 2, 2); // 36 states
    private static final PairState PSI = new PairState(4, 0.5, 0.3, -0.5, 0.2, 0.7, -0.1, 0.4, 0.0, -0.6);

    private static double[] born(PairState psi, Hilbert hilbert) {
        int dim = (int) hilbert.nStates();
        double[] p = new double[dim];
        double z = 0;
        int[] x = new int[hilbert.size()];
        double[] log = new double[2];
        for (int k = 0; k < dim; k++) {
            hilbert.state(k, x);
            psi.logPsi(x, log);
            p[k] = Math.exp(2 * log[0]);
            z += p[k];
        }
        for (int k = 0; k < dim; k++) {
            p[k] /= z;
        }
        return p;
    }

    /**
     * 16 chains × 5,000 independent draws: Pearson's χ² over the 36 states stays below the 1 − 10⁻⁶
     * quantile of χ²(35) (about 90: a fixed seed, so the test is deterministic and fails for a biased
     * draw, e.g. one state off by 3 %).
     */
    @Test
    void exactDrawsFollowTheBornDistribution() {
        double[] p = born(PSI, SECTOR);
        long[] counts = new long[p.length];
        ExactSampler sampler = new ExactSampler(PSI, SECTOR, 16, 11L);
        try (ChainPool pool = new ChainPool(2)) {
            long[][] perChain = new long[16][p.length];
            sampler.sample(5000, 0, (c, s, cache) -> perChain[c][(int) SECTOR.index(cache.configuration())]++, pool);
            for (long[] row : perChain) {
                for (int k = 0; k < p.length; k++) {
                    counts[k] += row[k];
                }
            }
        }
        double n = 16 * 5000;
        double chi2 = 0;
        for (int k = 0; k < p.length; k++) {
            double expected = n * p[k];
            chi2 += (counts[k] - expected) * (counts[k] - expected) / expected;
        }
        assertTrue(chi2 < 90, "chi2 = " + chi2 + " over 35 degrees of freedom");
        assertEquals(1.0, sampler.acceptance(), 0, "independent draws count as accepted");
    }

    @Test
    void exactDrawsDoNotDependOnTheThreadCount() {
        int[][] one = draws(1);
        int[][] three = draws(3);
        for (int k = 0; k < one.length; k++) {
            assertArrayEquals(one[k], three[k], "sample " + k);
        }
    }

    private static int[][] draws(int threads) {
        ExactSampler sampler = new ExactSampler(PSI, SECTOR, 8, 5L);
        int[][] seen = new int[8 * 50][];
        try (ChainPool pool = new ChainPool(threads)) {
            sampler.sample(50, 0, (c, s, cache) -> seen[c * 50 + s] = cache.configuration().clone(), pool);
        }
        return seen;
    }

    @Test
    void fullSumWeighsEveryStateByItsBornProbability() {
        double[] p = born(PSI, SECTOR);
        FullSumSampler sampler = new FullSumSampler(PSI, SECTOR, 5);
        int perChain = FullSumSampler.samplesPerChain(SECTOR, 5);
        assertEquals(8, perChain, "36 states over 5 chains: 8 slots each, 4 of them padding");
        int[] visited = new int[5 * perChain];
        try (ChainPool pool = new ChainPool(2)) {
            sampler.sample(perChain, 0, (c, s, cache) -> visited[c * perChain + s] = (int) SECTOR.index(cache.configuration()),
                    pool);
        }
        double[] w = sampler.weights();
        double total = 0;
        for (int k = 0; k < w.length; k++) {
            if (k < p.length) {
                assertEquals(k, visited[k], "slot " + k + " holds basis state " + k);
                assertEquals(p[k], w[k], 1e-14, "weight of state " + k);
            } else {
                assertEquals(0, w[k], "padding slot " + k);
            }
            total += w[k];
        }
        assertEquals(1.0, total, 1e-14);
        assertTrue(sampler.weighsSamples());
        assertThrows(IllegalArgumentException.class, () -> sampler.sample(perChain - 1, 0, (c, s, cache) -> { },
                new ChainPool(1)), "slots that cannot hold every state");
    }

    /**
     * One spinless fermion in φ = (1, 1, 0)/√2 on three sites: the state with the particle on site 2
     * is a node. Its slot gets weight 0 and visits a state where the cache can sit.
     */
    @Test
    void fullSumGivesANodeWeightZero() {
        var phi = new org.ejml.data.DMatrixRMaj(3, 1, true, 1 / Math.sqrt(2), 1 / Math.sqrt(2), 0);
        FermionHilbert h = FermionHilbert.spinless(3, 1);
        FullSumSampler sampler = new FullSumSampler(SlaterDeterminant.of(SpinOrbitals.of(phi)), h, 1);
        int[] node = {0, 0, 1};
        try (ChainPool pool = new ChainPool(1)) {
            sampler.sample(3, 0, (c, s, cache) -> assertEquals(0, cache.configuration()[2], "a walker on the node"), pool);
        }
        double[] w = sampler.weights();
        assertEquals(0, w[(int) h.index(node)]);
        assertEquals(1.0, w[0] + w[1] + w[2], 1e-15);
    }
}
