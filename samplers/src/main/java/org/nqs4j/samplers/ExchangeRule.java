package org.nqs4j.samplers;

import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.nqs4j.hamiltonians.Edge;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * Exchanges the spins of a pair (i, j) drawn uniformly from a fixed list, conserving Σσ. The
 * pair list does not depend on σ, so the proposal is symmetric; a pair of equal spins gives a
 * null move (Carleo &amp; Troyer 2017 skip those too).
 */
public final class ExchangeRule implements TransitionRule {
    private final int[] first;
    private final int[] second;
    private final String description;

    private ExchangeRule(int[] first, int[] second, String description) {
        if (first.length == 0) {
            throw new IllegalArgumentException("exchange moves need at least one pair of sites");
        }
        this.first = first;
        this.second = second;
        this.description = description;
    }

    /** Exchanges along the given bonds (all colours), e.g. nearest neighbours. */
    public static ExchangeRule onEdges(List<Edge> edges) {
        SitePairs p = SitePairs.onEdges(edges);
        return new ExchangeRule(p.first(), p.second(), "exchange moves on " + p.size() + " bonds");
    }

    /** Exchanges between any two distinct sites. */
    public static ExchangeRule anyPair(int nSites) {
        if (nSites < 2) {
            throw new IllegalArgumentException("exchange moves need at least two sites");
        }
        SitePairs p = SitePairs.all(nSites);
        return new ExchangeRule(p.first(), p.second(), "exchange moves between any two of " + nSites + " sites");
    }

    @Override
    public int propose(int[] sigma, UniformRandomProvider rng, int[] sites, int[] values) {
        int k = rng.nextInt(first.length);
        int i = first[k];
        int j = second[k];
        if (sigma[i] == sigma[j]) {
            return 0;
        }
        sites[0] = i;
        sites[1] = j;
        values[0] = sigma[j];
        values[1] = sigma[i];
        return 2;
    }

    @Override
    public int maxChanges() {
        return 2;
    }

    @Override
    public Optional<String> incompatibility(Hilbert hilbert) {
        return hilbert instanceof SpinHilbert
                ? Optional.empty()
                : Optional.of("spin exchanges need a spin-1/2 Hilbert space, not " + hilbert + "; use hop moves");
    }

    @Override
    public String description() {
        return description;
    }
}
