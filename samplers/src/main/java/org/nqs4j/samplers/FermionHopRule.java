package org.nqs4j.samplers;

import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.nqs4j.hamiltonians.Edge;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * Moves one fermion of one species along a pair of sites (i, j) drawn uniformly from a fixed list,
 * the species drawn uniformly: when exactly one of the spin-orbitals i + L·s, j + L·s is occupied,
 * the particle hops to the other; otherwise the move is null. N↑ and N↓ are kept. The pair list does
 * not depend on n and a hop i → j is proposed exactly as often as its reverse, so the proposal is
 * symmetric (no Hastings factor), as the exchange of spins is.
 */
public final class FermionHopRule implements TransitionRule {
    private final int nSites;
    private final int nSpecies;
    private final int[] first;
    private final int[] second;
    private final String description;

    private FermionHopRule(int nSites, int nSpecies, int[] first, int[] second, String description) {
        if (first.length == 0) {
            throw new IllegalArgumentException("hop moves need at least one pair of sites");
        }
        if (nSpecies < 1 || nSpecies > 2) {
            throw new IllegalArgumentException("fermions have 1 or 2 species, got " + nSpecies);
        }
        this.nSites = nSites;
        this.nSpecies = nSpecies;
        this.first = first;
        this.second = second;
        this.description = description;
    }

    /** Hops along the given bonds (all colours), e.g. nearest neighbours. */
    public static FermionHopRule onEdges(int nSites, int nSpecies, List<Edge> edges) {
        SitePairs p = SitePairs.onEdges(edges);
        return new FermionHopRule(nSites, nSpecies, p.first(), p.second(), "fermion hops on " + p.size() + " bonds");
    }

    /** Hops between any two distinct sites (e.g. the orbitals of a molecule, which have no lattice). */
    public static FermionHopRule anyPair(int nSites, int nSpecies) {
        if (nSites < 2) {
            throw new IllegalArgumentException("hop moves need at least two sites");
        }
        SitePairs p = SitePairs.all(nSites);
        return new FermionHopRule(nSites, nSpecies, p.first(), p.second(),
                "fermion hops between any two of " + nSites + " sites");
    }

    @Override
    public int propose(int[] n, UniformRandomProvider rng, int[] sites, int[] values) {
        int k = rng.nextInt(first.length);
        int offset = nSpecies == 1 ? 0 : nSites * rng.nextInt(nSpecies);
        int a = first[k] + offset;
        int b = second[k] + offset;
        if (n[a] == n[b]) {
            return 0;
        }
        sites[0] = a;
        sites[1] = b;
        values[0] = n[b];
        values[1] = n[a];
        return 2;
    }

    @Override
    public int maxChanges() {
        return 2;
    }

    @Override
    public Optional<String> incompatibility(Hilbert hilbert) {
        if (!(hilbert instanceof FermionHilbert f)) {
            return Optional.of("fermion hops need a fermion Hilbert space, not " + hilbert);
        }
        if (f.nSites() != nSites || f.nSpecies() != nSpecies) {
            return Optional.of("fermion hops on " + nSites + " sites × " + nSpecies + " species do not fit " + hilbert);
        }
        return Optional.empty();
    }

    @Override
    public String description() {
        return description;
    }
}
