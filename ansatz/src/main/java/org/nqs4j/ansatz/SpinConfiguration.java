package org.nqs4j.ansatz;

/** Checks on a spin configuration σ ∈ {−1, +1}^N handed to a cache. */
final class SpinConfiguration {
    private SpinConfiguration() {
    }

    static void requireValid(int[] sigma, int nSites) {
        if (sigma == null) {
            throw new IllegalArgumentException("configuration is null");
        }
        if (sigma.length != nSites) {
            throw new IllegalArgumentException("configuration has " + sigma.length
                    + " sites, the wave function has " + nSites);
        }
        for (int i = 0; i < nSites; i++) {
            if (sigma[i] != 1 && sigma[i] != -1) {
                throw new IllegalArgumentException("configuration entry " + i + " is " + sigma[i]
                        + "; spins must be +1 or -1");
            }
        }
    }

    static void requireSites(int nSites) {
        if (nSites < 1) {
            throw new IllegalArgumentException("number of sites N = " + nSites + "; N must be >= 1");
        }
    }
}
