package org.nqs4j.ansatz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The float estimate of |ψ(x')/ψ(x)|² ({@link RbmCache#ratioModulus2}) lies within its bound of the exact
 * value Re² + Im² of {@link RbmCache#ratio}, for real and complex RBMs, flips, tabulated and untabulated
 * exchanges and moves of three flips, from small to large parameters along random walks.
 */
class RbmEstimateTest {
    @Test
    void estimateLiesWithinItsBoundOfTheExactModulus() {
        SplittableRandom rnd = new SplittableRandom(61);
        int estimated = 0;
        int moves = 0;
        for (boolean complex : new boolean[] {true, false}) {
            for (int n : new int[] {6, 10, 20}) {
                for (int alpha : new int[] {1, 3}) {
                    for (double width : new double[] {0.01, 0.1, 0.25, 0.5, 1.5, 4.0}) {
                        Rbm rbm = complex ? Rbm.complex(n, alpha) : Rbm.real(n, alpha);
                        int[][] bonds = new int[n][];
                        for (int i = 0; i < n; i++) {
                            bonds[i] = new int[] {i, (i + 1) % n};
                        }
                        rbm.tabulateExchanges(bonds);
                        GaussianParameters.initialise(rbm, rnd.nextLong(), width);
                        int[] counts = walk(rbm, rnd, 300);
                        estimated += counts[0];
                        moves += counts[1];
                    }
                }
            }
        }
        assertTrue(estimated > moves / 20, "the estimate must decide often: " + estimated + " of " + moves);
    }

    /**
     * The float tables are refilled in place whenever the parameters change (every RBM is built with zero
     * parameters and refilled by its first {@code setParameters}): after a history of other widths, each
     * estimate still lies within its bound of the exact value, so nothing of an earlier filling is left.
     */
    @Test
    void refilledTablesFollowTheParameters() {
        SplittableRandom rnd = new SplittableRandom(62);
        int n = 12;
        Rbm rbm = Rbm.complex(n, 2);
        int[][] bonds = new int[n][];
        for (int i = 0; i < n; i++) {
            bonds[i] = new int[] {i, (i + 1) % n};
        }
        rbm.tabulateExchanges(bonds);
        for (double width : new double[] {4.0, 0.01, 0.1, 0.05}) {
            GaussianParameters.initialise(rbm, rnd.nextLong(), width);
            int[] counts = walk(rbm, rnd, 200);
            assertTrue(width > 1 || counts[0] > 20, "the estimate must decide: " + counts[0] + " of 200 at width " + width);
        }
    }

    /** A random walk checking every proposal; returns (moves with an estimate, moves). */
    private static int[] walk(Rbm rbm, SplittableRandom rnd, int steps) {
        int n = rbm.nSites;
        RbmCache cache = rbm.newCache();
        int[] sigma = new int[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = i % 2 == 0 ? 1 : -1;
        }
        cache.reset(sigma);
        int[] sites = new int[3];
        int[] values = new int[3];
        double[] estimate = new double[2];
        double[] exact = new double[2];
        int estimated = 0;
        for (int step = 0; step < steps; step++) {
            int count = proposal(cache.configuration(), rnd, sites);
            cache.ratioModulus2(sites, values, 0, count, estimate);
            cache.ratio(sites, values, 0, count, exact);
            double modulus2 = exact[0] * exact[0] + exact[1] * exact[1];
            if (estimate[1] == 0.0) {
                assertEquals(modulus2, estimate[0], "a bound of 0 means the exact value");
            } else {
                estimated++;
                assertTrue(estimate[1] > 0 && estimate[1] < 1e-3 * estimate[0], "bound " + estimate[1]);
                assertTrue(Math.abs(estimate[0] - modulus2) <= estimate[1],
                        "estimate " + estimate[0] + " ± " + estimate[1] + ", exact " + modulus2 + ", move of " + count);
            }
            if (rnd.nextInt(3) > 0) {
                cache.applyMove(sites, values, 0, count);
            }
        }
        return new int[] {estimated, steps};
    }

    /** A flip, an exchange of a bond (tabulated), of any two opposite sites, or three flips. */
    private static int proposal(int[] sigma, SplittableRandom rnd, int[] sites) {
        int n = sigma.length;
        switch (rnd.nextInt(4)) {
            case 0:
                sites[0] = rnd.nextInt(n);
                return 1;
            case 1:
            case 2:
                boolean bond = rnd.nextBoolean();
                for (int tries = 0; tries < 100; tries++) {
                    int i = rnd.nextInt(n);
                    int j = bond ? (i + 1) % n : rnd.nextInt(n);
                    if (sigma[i] != sigma[j]) {
                        sites[0] = i;
                        sites[1] = j;
                        return 2;
                    }
                }
                sites[0] = 0;
                return 1;
            default:
                sites[0] = 0;
                sites[1] = 1 + rnd.nextInt(n / 2 - 1);
                sites[2] = n / 2 + rnd.nextInt(n / 2);
                return 3;
        }
    }
}
