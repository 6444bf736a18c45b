package org.nqs4j.vmc.driver;

import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.hamiltonians.Connections;
import org.nqs4j.hamiltonians.LocalOperator;

/**
 * Local values of a spin-½ operator: each connection flips a list of sites, handed to the cache as
 * the move that sets each of them to −σᵢ.
 */
record SpinLocalValues(LocalOperator operator) implements SampledOperator {
    @Override
    public LocalValue newLocalValue() {
        Connections connections = operator.newConnections();
        int[] moveSites = new int[Math.max(1, operator.maxFlips())];
        int[] moveValues = new int[moveSites.length];
        double[] ratio = new double[2];
        return (cache, out) -> {
            int[] sigma = cache.configuration();
            operator.connections(sigma, connections);
            double re = 0;
            double im = 0;
            int[] sites = connections.flipSites();
            for (int k = 0; k < connections.size(); k++) {
                double mRe = connections.re(k);
                double mIm = -connections.im(k); // conj: the row element ⟨σ|Ô|σ'⟩
                int n = connections.flipCount(k);
                if (n == 0) {
                    re += mRe;
                    im += mIm;
                    continue;
                }
                int offset = connections.flipOffset(k);
                for (int f = 0; f < n; f++) {
                    int site = sites[offset + f];
                    moveSites[f] = site;
                    moveValues[f] = -sigma[site];
                }
                cache.ratio(moveSites, moveValues, 0, n, ratio);
                re += mRe * ratio[0] - mIm * ratio[1];
                im += mRe * ratio[1] + mIm * ratio[0];
            }
            out[0] = re;
            out[1] = im;
        };
    }

    @Override
    public double normBound() {
        return operator.normBound();
    }

    @Override
    public String description() {
        return operator.description();
    }
}
