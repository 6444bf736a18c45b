package org.nqs4j.vmc.run;

import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.ansatz.boson.BosonJastrow;
import org.nqs4j.ansatz.boson.OneHotRbm;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.hilbert.BosonHilbert;
import org.nqs4j.samplers.BosonHopRule;
import org.nqs4j.vmc.config.AnsatzSpec;

/** The boson parts of a run's set-up: the ansatz on the occupations 0..n_max and the hop move. */
final class BosonSetup {
    private BosonSetup() {
    }

    /** {@code rbm}: the one-hot RBM of α hidden units per site; {@code jastrow}: the density-density Jastrow. */
    static WaveFunction waveFunction(AnsatzSpec a, BosonHilbert hilbert) {
        int l = hilbert.nSites();
        int nMax = hilbert.nMax();
        return switch (a.type()) {
            case "rbm" -> a.complex() ? OneHotRbm.complex(l, nMax, a.alpha()) : OneHotRbm.real(l, nMax, a.alpha());
            case "jastrow" -> BosonJastrow.of(l, nMax);
            default -> throw new IllegalArgumentException("no boson ansatz " + a.type());
        };
    }

    /** One boson to a nearest neighbour (the bonds the Bose-Hubbard hopping acts on), Hastings-corrected. */
    static BosonHopRule hopRule(Lattice lattice, BosonHilbert hilbert) {
        return BosonHopRule.onEdges(lattice.nSites(), hilbert.nMax(), lattice.edges(0));
    }
}
