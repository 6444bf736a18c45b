package org.nqs4j.hamiltonians.fock;

import java.util.ArrayList;
import java.util.List;
import org.nqs4j.hamiltonians.Lattice;

/**
 * Diagonal observables of bosons on the truncated space 0..n_max: the density n_i and
 * density-density correlations n_i n_j, as {@link FockOperator}s so that the sampler, the exact
 * diagonalisation and the trial-state sum evaluate them like the Hamiltonian.
 */
public final class OccupationOperators {
    private OccupationOperators() {
    }

    /** n_i. */
    public static FockOperator density(int nSites, int nMax, int site) {
        return FockOperator.bosons(nSites, nMax, List.of(FockTerm.of(1, "n", site)), "n_" + site);
    }

    /** n_i n_j (n_i² for i = j). */
    public static FockOperator densityCorrelation(int nSites, int nMax, int i, int j) {
        return FockOperator.bosons(nSites, nMax, List.of(FockTerm.of(1, "nn", i, j)), "n_" + i + " n_" + j);
    }

    /**
     * D(r) = mean_i n_i n_{i+r} over the sites i whose translate by r = dx·a₁ + dy·a₂ exists (all
     * of them on a periodic lattice); r = 0 gives mean_i n_i². Bravais lattices only.
     */
    public static FockOperator densityCorrelation(Lattice lattice, int nMax, int dx, int dy) {
        List<int[]> pairs = lattice.pairsAt(dx, dy);
        List<FockTerm> terms = new ArrayList<>();
        for (int[] p : pairs) {
            terms.add(FockTerm.of(1.0 / pairs.size(), "nn", p[0], p[1]));
        }
        return FockOperator.bosons(lattice.nSites(), nMax, terms, "D(" + dx + "," + dy + ") = mean_i n_i n_i+r, " + lattice);
    }
}
