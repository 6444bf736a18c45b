package org.nqs4j.samplers;

import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/** Flips one spin-½ drawn uniformly: the local move for models without a conserved Σσ (e.g. TFIM). */
public final class LocalFlipRule implements TransitionRule {
    private final int nSites;

    public LocalFlipRule(int nSites) {
        if (nSites < 1) {
            throw new IllegalArgumentException("local flips need at least one site");
        }
        this.nSites = nSites;
    }

    @Override
    public int propose(int[] sigma, UniformRandomProvider rng, int[] sites, int[] values) {
        int i = rng.nextInt(nSites);
        sites[0] = i;
        values[0] = -sigma[i];
        return 1;
    }

    @Override
    public int maxChanges() {
        return 1;
    }

    @Override
    public Optional<String> incompatibility(Hilbert hilbert) {
        if (!(hilbert instanceof SpinHilbert spins)) {
            return Optional.of("single spin flips need a spin-1/2 Hilbert space, not " + hilbert);
        }
        return spins.hasFixedMagnetization()
                ? Optional.of("the Hilbert space fixes the total magnetisation but " + description()
                        + " do not conserve it; use exchange moves")
                : Optional.empty();
    }

    @Override
    public String description() {
        return "local single-spin flips";
    }
}
