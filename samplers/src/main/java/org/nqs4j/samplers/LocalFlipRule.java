package org.nqs4j.samplers;

import org.apache.commons.rng.UniformRandomProvider;

/** Flips one site drawn uniformly: the local move for models without a conserved Σσ (e.g. TFIM). */
public final class LocalFlipRule implements TransitionRule {
    private final int nSites;

    public LocalFlipRule(int nSites) {
        if (nSites < 1) {
            throw new IllegalArgumentException("local flips need at least one site");
        }
        this.nSites = nSites;
    }

    @Override
    public int propose(int[] sigma, UniformRandomProvider rng, int[] sites) {
        sites[0] = rng.nextInt(nSites);
        return 1;
    }

    @Override
    public int maxFlips() {
        return 1;
    }

    @Override
    public boolean conservesMagnetization() {
        return false;
    }

    @Override
    public String description() {
        return "local single-spin flips";
    }
}
