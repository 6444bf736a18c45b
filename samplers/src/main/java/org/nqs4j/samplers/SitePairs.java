package org.nqs4j.samplers;

import java.util.List;
import org.nqs4j.hamiltonians.Edge;

/**
 * A fixed list of site pairs (first[k], second[k]) from which the pair moves (spin exchanges,
 * fermion hops) draw uniformly; fixed, so that a move and its reverse are proposed equally often.
 */
record SitePairs(int[] first, int[] second) {
    /** The given bonds (all colours), e.g. nearest neighbours. */
    static SitePairs onEdges(List<Edge> edges) {
        int[] a = new int[edges.size()];
        int[] b = new int[edges.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = edges.get(k).i();
            b[k] = edges.get(k).j();
        }
        return new SitePairs(a, b);
    }

    /** Every pair i &lt; j of {@code nSites} sites. */
    static SitePairs all(int nSites) {
        int[] a = new int[nSites * (nSites - 1) / 2];
        int[] b = new int[a.length];
        int k = 0;
        for (int i = 0; i < nSites; i++) {
            for (int j = i + 1; j < nSites; j++) {
                a[k] = i;
                b[k++] = j;
            }
        }
        return new SitePairs(a, b);
    }

    int size() {
        return first.length;
    }
}
