package org.nqs4j.vmc.driver;

import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.hamiltonians.Connections;
import org.nqs4j.hamiltonians.LocalOperator;

/**
 * Local value of an operator at the chain's current configuration,
 * O_loc(σ) = Σ_σ' ⟨σ|Ô|σ'⟩ ψ(σ')/ψ(σ), with ⟨σ|Ô|σ'⟩ = conj⟨σ'|Ô|σ⟩ for a Hermitian Ô and the
 * amplitude ratios ψ(σ')/ψ(σ) straight from the cache's look-up tables ({@link WalkerCache#ratio}: for
 * the RBM a product of FMAs, no exp/cos/sin per connection). ⟨Ô⟩ = E_{|ψ|²}[O_loc]; for Ô = Ĥ this is the
 * local energy.
 */
public final class LocalEstimator {
    private LocalEstimator() {
    }

    /**
     * Writes O_loc(σ) as (re, im) into {@code out}.
     *
     * @param connections per-chain buffer, wide enough for {@code op}
     * @param logRatio    per-chain scratch of length 2 (receives ψ(σ')/ψ(σ))
     */
    public static void localValue(LocalOperator op, WalkerCache cache, Connections connections, double[] logRatio,
                                  double[] out) {
        op.connections(cache.sigma(), connections);
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
            cache.ratio(sites, connections.flipOffset(k), n, logRatio);
            double rRe = logRatio[0];
            double rIm = logRatio[1];
            re += mRe * rRe - mIm * rIm;
            im += mRe * rIm + mIm * rRe;
        }
        out[0] = re;
        out[1] = im;
    }
}
