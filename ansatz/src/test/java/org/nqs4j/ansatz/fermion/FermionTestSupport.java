package org.nqs4j.ansatz.fermion;

import java.util.Random;

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
        int[] n = cache.occupations();
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
}
