package org.nqs4j.ansatz.fermion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.nqs4j.hamiltonians.fock.FockConnections;
import org.nqs4j.hamiltonians.fock.FockOperator;

/** Local energies from FockOperator connections, and random orbitals, for the fermion tests. */
final class FermionTestSupport {
    private FermionTestSupport() {
    }

    /**
     * E_L(n) = Σ_n′ H_{n′n} ψ(n′)/ψ(n) at the cache's occupations, ratios from the cache: every
     * off-diagonal connection of a particle-conserving hopping term is one hop of one species.
     */
    static double localEnergy(FockOperator h, FermionCache cache, int nSites, FockConnections buffer) {
        int[] n = cache.configuration();
        h.connections(n, buffer);
        double e = 0;
        for (int c = 0; c < buffer.size(); c++) {
            if (buffer.changeCount(c) == 0) {
                e += buffer.value(c);
                continue;
            }
            if (buffer.changeCount(c) != 2) {
                throw new IllegalArgumentException("not a single hop: " + buffer.changeCount(c) + " changes");
            }
            int a = buffer.changeMode(c, 0);
            int b = buffer.changeMode(c, 1);
            int from = buffer.changeValue(c, 0) == 0 ? a : b;
            int to = from == a ? b : a;
            int species = from / nSites;
            if (to / nSites != species) {
                throw new IllegalArgumentException("a hop between species");
            }
            e += buffer.value(c) * cache.ratio(species, from % nSites, to % nSites);
        }
        return e;
    }

    /** (Hψ)(n) = Σ_n′ H_{n′n} ψ(n′) with fresh amplitudes (H real symmetric). */
    static double hPsi(FockOperator h, FermionWaveFunction wf, int[] n, FockConnections buffer) {
        h.connections(n, buffer);
        double sum = 0;
        for (int c = 0; c < buffer.size(); c++) {
            sum += buffer.value(c) * psi(wf, target(n, buffer, c));
        }
        return sum;
    }

    /** The configuration n′ of connection c of n, as a new array. */
    static int[] target(int[] n, FockConnections buffer, int c) {
        int[] np = n.clone();
        for (int m = 0; m < buffer.changeCount(c); m++) {
            np[buffer.changeMode(c, m)] = buffer.changeValue(c, m);
        }
        return np;
    }

    /** ψ(n) = ±exp(log|ψ|) from scratch. */
    static double psi(FermionWaveFunction wf, int[] n) {
        double[] lp = new double[2];
        wf.logPsi(n, lp);
        return Math.exp(lp[0]) * Math.cos(lp[1]);
    }

    /** Gaussian orbitals Φ_s (L × N_s) from a seeded generator. */
    static SpinOrbitals randomOrbitals(long seed, int nSites, int... particles) {
        Random rng = new Random(seed);
        DMatrixRMaj[] phi = new DMatrixRMaj[particles.length];
        for (int s = 0; s < particles.length; s++) {
            phi[s] = new DMatrixRMaj(nSites, particles[s]);
            for (int i = 0; i < phi[s].data.length; i++) {
                phi[s].data[i] = rng.nextGaussian();
            }
        }
        return SpinOrbitals.of(phi);
    }

    /**
     * A Metropolis walk of single hops and of double excitations (two hops of one species, or one
     * hop per species, given to the cache as a generic move of four changes in a random order):
     * every proposed ratio, sign included, against fresh ψ(n′)/ψ(n), and after each accepted move
     * log ψ of the cache against a fresh evaluation.
     */
    static void assertRatiosAlongWalk(FermionWaveFunction wf, FermionCache cache, int steps, SplittableRandom rng) {
        int l = wf.nSites();
        int[] np = new int[cache.configuration().length];
        double[] cached = new double[2];
        double[] fresh = new double[2];
        int[] sites = new int[4];
        int[] values = new int[4];
        int doubles = 0;
        for (int step = 0; step < steps; step++) {
            System.arraycopy(cache.configuration(), 0, np, 0, np.length);
            int s = rng.nextInt(wf.nSpecies());
            int from = SlaterDeterminantTest.randomSite(np, s, l, 1, rng);
            int to = SlaterDeterminantTest.randomSite(np, s, l, 0, rng);
            SlaterDeterminantTest.withHop(np, s, l, from, to);
            double ratio;
            int s2 = rng.nextInt(wf.nSpecies());
            boolean twoHops = step % 2 == 1 && count(np, s2, l, 1) > (s2 == s ? 1 : 0)
                    && count(np, s2, l, 0) > (s2 == s ? 1 : 0);
            if (twoHops) {
                int from2;
                int to2;
                do { // a source and a target untouched by the first hop
                    from2 = SlaterDeterminantTest.randomSite(np, s2, l, 1, rng);
                    to2 = SlaterDeterminantTest.randomSite(np, s2, l, 0, rng);
                } while (s2 == s && (from2 == to || to2 == from));
                SlaterDeterminantTest.withHop(np, s2, l, from2, to2);
                int[] modes = {from + s * l, to + s * l, from2 + s2 * l, to2 + s2 * l};
                for (int k = 0; k < 4; k++) { // a random order of the four changes
                    int j = rng.nextInt(k + 1);
                    sites[k] = sites[j];
                    values[k] = values[j];
                    sites[j] = modes[k];
                    values[j] = np[modes[k]];
                }
                cache.ratio(sites, values, 0, 4, cached);
                ratio = cached[0];
                doubles++;
            } else {
                ratio = cache.ratio(s, from, to);
            }
            double expected = psi(wf, np) / psi(wf, cache.configuration());
            assertEquals(expected, ratio, 1e-10 * Math.max(1, Math.abs(expected)), "step " + step);
            if (rng.nextDouble() < Math.min(1, ratio * ratio)) {
                if (twoHops) {
                    cache.applyMove(sites, values, 0, 4);
                } else {
                    cache.applyHop(s, from, to);
                }
                assertArrayEquals(np, cache.configuration(), "configuration at step " + step);
                cache.logPsi(cached);
                wf.logPsi(cache.configuration(), fresh);
                assertEquals(fresh[0], cached[0], 1e-10, "log |ψ| at step " + step);
                assertEquals(fresh[1], cached[1], 0, "phase at step " + step);
            }
        }
        assertTrue(doubles > steps / 4, "the walk proposed double excitations");
    }

    private static int count(int[] n, int s, int l, int value) {
        int c = 0;
        for (int r = 0; r < l; r++) {
            c += n[r + s * l] == value ? 1 : 0;
        }
        return c;
    }
}
