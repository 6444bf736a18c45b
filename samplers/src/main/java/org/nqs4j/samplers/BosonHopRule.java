package org.nqs4j.samplers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.nqs4j.hamiltonians.Edge;
import org.nqs4j.hamiltonians.hilbert.BosonHilbert;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * Moves one boson to a neighbouring site: a particle drawn uniformly (site i with probability
 * n_i/N), then one of the d_i neighbours j of i uniformly; the move n_i → n_i − 1, n_j → n_j + 1 is
 * null when site j is full (n_j = n_max). Drawing a particle rather than a site makes crowded sites
 * move more often, so the proposal is asymmetric:
 * <pre>  T(n→n')/T(n'→n) = (n_i/d_i) / ((n_j + 1)/d_j),</pre>
 * and the Metropolis–Hastings acceptance carries the inverse ({@link #logProposalRatio}). N is kept.
 */
public final class BosonHopRule implements TransitionRule {
    private final int nSites;
    private final int nMax;
    private final int[][] neighbours;
    private final String description;

    private BosonHopRule(int nSites, int nMax, int[][] neighbours, String description) {
        if (nMax < 1) {
            throw new IllegalArgumentException("n_max must be at least 1, got " + nMax);
        }
        for (int i = 0; i < nSites; i++) {
            if (neighbours[i].length == 0) {
                throw new IllegalArgumentException("site " + i + " has no bond: its bosons could never move");
            }
        }
        this.nSites = nSites;
        this.nMax = nMax;
        this.neighbours = neighbours;
        this.description = description;
    }

    /** Hops along the given bonds (all colours); a bond listed twice is proposed twice as often both ways. */
    public static BosonHopRule onEdges(int nSites, int nMax, List<Edge> edges) {
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < nSites; i++) {
            adj.add(new ArrayList<>());
        }
        for (Edge e : edges) {
            adj.get(e.i()).add(e.j());
            adj.get(e.j()).add(e.i());
        }
        int[][] nb = new int[nSites][];
        for (int i = 0; i < nSites; i++) {
            nb[i] = adj.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return new BosonHopRule(nSites, nMax, nb, "boson hops on " + edges.size() + " bonds (Hastings-corrected)");
    }

    @Override
    public int propose(int[] n, UniformRandomProvider rng, int[] sites, int[] values) {
        int total = 0;
        for (int i = 0; i < nSites; i++) {
            total += n[i];
        }
        if (total == 0) {
            return 0;
        }
        int k = rng.nextInt(total);
        int i = 0;
        while (k >= n[i]) {
            k -= n[i++];
        }
        int j = neighbours[i][rng.nextInt(neighbours[i].length)];
        if (n[j] == nMax) {
            return 0;
        }
        sites[0] = i;
        sites[1] = j;
        values[0] = n[i] - 1;
        values[1] = n[j] + 1;
        return 2;
    }

    @Override
    public int maxChanges() {
        return 2;
    }

    @Override
    public boolean isSymmetric() {
        return false;
    }

    /** log [(n_j + 1)/d_j] − log [n_i/d_i] for the hop i → j from n. */
    @Override
    public double logProposalRatio(int[] n, int[] sites, int[] values, int count) {
        int i = sites[0];
        int j = sites[1];
        return Math.log((double) (n[j] + 1) * neighbours[i].length) - Math.log((double) n[i] * neighbours[j].length);
    }

    @Override
    public Optional<String> incompatibility(Hilbert hilbert) {
        if (!(hilbert instanceof BosonHilbert b)) {
            return Optional.of("boson hops need a boson Hilbert space, not " + hilbert);
        }
        if (b.nSites() != nSites || b.nMax() != nMax) {
            return Optional.of("boson hops on " + nSites + " sites with n_max = " + nMax + " do not fit " + hilbert);
        }
        if (!b.hasFixedNumber()) {
            return Optional.of("hops keep the number of bosons, so they cannot sample a space of any number ("
                    + hilbert + "); fix n_particles");
        }
        return Optional.empty();
    }

    @Override
    public String description() {
        return description;
    }
}
