package org.nqs4j.samplers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.hilbert.BosonHilbert;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * Fermion and boson hops sample |ψ|²: the frequency of every basis state of a small sector agrees
 * with the exact Born probability |ψ(x)|²/Σ|ψ|² within 5 standard errors (binomial, inflated by 2
 * for the residual autocorrelation of chains one sweep apart). The boson test fails without the
 * Hastings factor (the particle-weighted proposal favours crowded sites).
 */
class HopRulesTest {
    private static final int CHAINS = 16;
    private static final int PER_CHAIN = 4000;

    @Test
    void fermionHopsSampleTheBornDistribution() {
        Lattice ring = Lattice.chain(4, Boundary.PERIODIC, false);
        FermionHilbert hilbert = FermionHilbert.spinful(4, 2, 1);
        PairState psi = new PairState(4, 0.4, 0.3, -0.5, 0.2, 0.7, -0.1, 0.4, 0.0, -0.6);
        assertBorn(psi, hilbert, FermionHopRule.onEdges(4, 2, ring.edges()), 5L);
    }

    @Test
    void excitationsSampleTheBornDistribution() {
        FermionHilbert hilbert = FermionHilbert.spinful(4, 2, 2);
        PairState psi = new PairState(4, 0.5, 0.3, -0.5, 0.2, 0.7, -0.1, 0.4, 0.0, -0.6);
        assertBorn(psi, hilbert, ExcitationRule.of(hilbert), 7L);
        FermionHilbert spinless = FermionHilbert.spinless(5, 2);
        assertBorn(new PairState(5, -0.4, 0.6, 0.1, -0.3, 0.2, 0.5), spinless, ExcitationRule.of(spinless), 8L);
    }

    /** Every kind of move keeps N↑ and N↓ and changes two or four orbitals, each to its opposite. */
    @Test
    void excitationsKeepTheSectorAndReachDoubles() {
        FermionHilbert hilbert = FermionHilbert.spinful(5, 2, 3);
        ExcitationRule rule = ExcitationRule.of(hilbert);
        org.apache.commons.rng.UniformRandomProvider rng =
                org.apache.commons.rng.simple.RandomSource.XO_SHI_RO_256_PP.create(3L);
        int[] x = new int[10];
        hilbert.randomState(new RandomGeneratorView(rng), x);
        int[] sites = new int[4];
        int[] values = new int[4];
        int[] counts = new int[5];
        for (int k = 0; k < 4000; k++) {
            int n = rule.propose(x, rng, sites, values);
            counts[n]++;
            java.util.Set<Integer> distinct = new java.util.HashSet<>();
            for (int c = 0; c < n; c++) {
                assertEquals(1 - x[sites[c]], values[c], "a change flips the occupation");
                distinct.add(sites[c]);
                x[sites[c]] = values[c];
            }
            assertEquals(n, distinct.size());
            assertTrue(hilbert.contains(x), "left the sector");
        }
        assertEquals(0, counts[0] + counts[1] + counts[3], "no null moves in this sector");
        assertEquals(0.5, counts[4] / 4000.0, 0.05, "half the moves are doubles");
        assertTrue(ExcitationRule.of(FermionHilbert.spinful(5, 2, 3)).incompatibility(FermionHilbert.spinful(5, 3, 2))
                .isPresent());
    }

    @Test
    void bosonHopsWithHastingsSampleTheBornDistribution() {
        Lattice chain = Lattice.chain(4, Boundary.OPEN, false); // end sites have one neighbour: d_i differs
        BosonHilbert hilbert = BosonHilbert.fixedNumber(4, 3, 4);
        PairState psi = new PairState(4, -0.3, 0.2, -0.1, 0.3, 0.0);
        assertBorn(psi, hilbert, BosonHopRule.onEdges(4, 3, chain.edges()), 6L);
    }

    /**
     * A determinant with a node (one spinless fermion in φ = (1, 1, 0)/√2 on an open 3-site chain):
     * about a third of the random starts sit on the node, where no walker can be; every chain must
     * start, and stay, where ψ ≠ 0.
     */
    @Test
    void chainsStartOffTheNodesOfADeterminant() {
        org.ejml.data.DMatrixRMaj phi = new org.ejml.data.DMatrixRMaj(3, 1, true, 1 / Math.sqrt(2), 1 / Math.sqrt(2), 0);
        var psi = org.nqs4j.ansatz.fermion.SlaterDeterminant.of(org.nqs4j.ansatz.fermion.SpinOrbitals.of(phi));
        Lattice chain = Lattice.chain(3, Boundary.OPEN, false);
        MetropolisSampler sampler = new MetropolisSampler(psi, FermionHilbert.spinless(3, 1),
                FermionHopRule.onEdges(3, 1, chain.edges()), 32, 3, 3L);
        try (ChainPool pool = new ChainPool(2)) {
            sampler.sample(5, 2, (c, s, cache) -> assertEquals(0, cache.configuration()[2], "chain " + c + " on the node"),
                    pool);
        }
    }

    @Test
    void hopsRefuseSpacesTheyDoNotPreserve() {
        Lattice ring = Lattice.chain(4, Boundary.PERIODIC, false);
        PairState spins = new PairState(4, 0, 0, 0, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> new MetropolisSampler(spins,
                SpinHilbert.unconstrained(4), BosonHopRule.onEdges(4, 2, ring.edges()), 1, 4, 1L));
        assertThrows(IllegalArgumentException.class, () -> new MetropolisSampler(spins,
                BosonHilbert.grandCanonical(4, 2), BosonHopRule.onEdges(4, 2, ring.edges()), 1, 4, 1L));
        assertThrows(IllegalArgumentException.class, () -> new MetropolisSampler(spins,
                BosonHilbert.fixedNumber(4, 2, 3), ExchangeRule.onEdges(ring.edges()), 1, 4, 1L));
    }

    private static void assertBorn(PairState psi, Hilbert hilbert, TransitionRule rule, long seed) {
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
        long[] counts = new long[dim];
        MetropolisSampler sampler = new MetropolisSampler(psi, hilbert, rule, CHAINS, 2 * hilbert.size(), seed);
        long[][] perChain = new long[CHAINS][dim];
        try (ChainPool pool = new ChainPool(2)) {
            sampler.sample(PER_CHAIN, 20, (c, s, cache) -> {
                assertTrue(hilbert.contains(cache.configuration()), "left the sector");
                perChain[c][(int) hilbert.index(cache.configuration())]++;
            }, pool);
        }
        for (long[] row : perChain) {
            for (int k = 0; k < dim; k++) {
                counts[k] += row[k];
            }
        }
        double n = (double) CHAINS * PER_CHAIN;
        for (int k = 0; k < dim; k++) {
            double exact = p[k] / z;
            double error = 2 * Math.sqrt(exact * (1 - exact) / n);
            assertEquals(exact, counts[k] / n, 5 * error + 1e-12, "state " + k);
        }
    }
}
