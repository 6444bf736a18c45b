package org.nqs4j.ansatz.boson;

import java.util.Optional;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.RbmCache;
import org.nqs4j.ansatz.OuterProductJacobian;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;

/**
 * An RBM over boson occupations with one-hot visible units (McBrian, Carleo &amp; Khatami,
 * J. Phys.: Conf. Ser. 1290, 012005 (2019); Saito, JPSJ 86, 093001 (2017)): site i with n_i ∈
 * {0, …, n_max} is encoded as n_max + 1 binary units v_{i,m} = δ(n_i, m), and
 * <pre>
 *   log ψ(n) = Σ_{i,m} a_{i,m} σ_{i,m} + Σ_j log cosh(b_j + Σ_{i,m} W_{j,(i,m)} σ_{i,m}),   σ = 2v − 1.
 * </pre>
 * The affine map v → σ only shifts a and b, so this is the one-hot RBM family; in σ it is the spin
 * {@link Rbm} on L(n_max + 1) visible units, whose tested kernels (log-cosh in the log domain,
 * stable when hidden units saturate) it reuses unchanged. Changing n_i from m to m′ flips the two
 * units (i, m) and (i, m′): a boson hop flips four, a log ratio O(M), an accepted move O(M).
 *
 * <p>M = α·L hidden units (α per site, not per visible unit, so P does not grow as n_max²).
 * Parameter layout: the RBM's, a (L(n_max+1), unit u = i(n_max+1) + m), b (M), W (j·L(n_max+1) + u).
 */
public final class OneHotRbm implements WaveFunction {
    private final Rbm rbm;
    private final int nSites;
    private final int nMax;

    private OneHotRbm(Rbm rbm, int nSites, int nMax) {
        this.rbm = rbm;
        this.nSites = nSites;
        this.nMax = nMax;
    }

    /** Real parameters (ψ &gt; 0, enough for the ground state of a stoquastic Hamiltonian such as Bose-Hubbard with J &gt; 0). */
    public static OneHotRbm real(int nSites, int nMax, int alpha) {
        return new OneHotRbm(Rbm.realWithHiddenUnits(visibleUnits(nSites, nMax), hidden(nSites, alpha)), nSites, nMax);
    }

    /** Complex (holomorphic) parameters. */
    public static OneHotRbm complex(int nSites, int nMax, int alpha) {
        return new OneHotRbm(Rbm.complexWithHiddenUnits(visibleUnits(nSites, nMax), hidden(nSites, alpha)), nSites, nMax);
    }

    private static int visibleUnits(int nSites, int nMax) {
        if (nSites < 1 || nMax < 1) {
            throw new IllegalArgumentException("a one-hot RBM needs L >= 1 sites and n_max >= 1, got L = " + nSites
                    + ", n_max = " + nMax);
        }
        long units = (long) nSites * (nMax + 1);
        if (units > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException(units + " one-hot units are too many");
        }
        return (int) units;
    }

    private static int hidden(int nSites, int alpha) {
        if (alpha < 1 || (long) alpha * nSites > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("hidden-unit density alpha = " + alpha + "; alpha must be a positive"
                    + " integer (M = alpha * L)");
        }
        return alpha * nSites;
    }

    public int nMax() {
        return nMax;
    }

    public int nHidden() {
        return rbm.nHidden();
    }

    @Override
    public int nSites() {
        return nSites;
    }

    @Override
    public int nParameters() {
        return rbm.nParameters();
    }

    @Override
    public boolean isComplex() {
        return rbm.isComplex();
    }

    @Override
    public void getParameters(double[] dst) {
        rbm.getParameters(dst);
    }

    @Override
    public void setParameters(double[] src) {
        rbm.setParameters(src);
    }

    @Override
    public void logPsi(int[] n, double[] out) {
        rbm.logPsi(oneHot(n, new int[nSites * (nMax + 1)]), out);
    }

    /** σ_{i,m} = +1 where n_i = m, else −1. @throws IllegalArgumentException for an occupation outside 0..n_max */
    private int[] oneHot(int[] n, int[] sigma) {
        if (n.length != nSites) {
            throw new IllegalArgumentException("expected " + nSites + " occupations, got " + n.length);
        }
        java.util.Arrays.fill(sigma, -1);
        for (int i = 0; i < nSites; i++) {
            if (n[i] < 0 || n[i] > nMax) {
                throw new IllegalArgumentException("occupation n_" + i + " = " + n[i] + " outside 0.." + nMax);
            }
            sigma[unit(i, n[i])] = 1;
        }
        return sigma;
    }

    private int unit(int site, int occupation) {
        return site * (nMax + 1) + occupation;
    }

    @Override
    public WalkerCache newCache() {
        return new Cache();
    }

    /** The RBM's own structure, over the one-hot units: the fast sample-space SR applies unchanged. */
    @Override
    public Optional<OuterProductJacobian> outerProductJacobian() {
        return rbm.outerProductJacobian();
    }

    @Override
    public boolean embedSmaller(double[] smaller, double[] params) {
        return rbm.embedSmaller(smaller, params);
    }

    @Override
    public String description() {
        return "one-hot RBM(" + (isComplex() ? "complex" : "real") + ", L=" + nSites + ", n_max=" + nMax + ", M="
                + rbm.nHidden() + ", P=" + nParameters() + ")";
    }

    private final class Cache implements WalkerCache {
        private final RbmCache units = rbm.newCache();
        private final int[] occupations = new int[nSites];
        private final int[] sigma = new int[nSites * (nMax + 1)];
        /** The flipped units of a move (two per changed site); the spin cache ignores their values. */
        private final int[] flips = new int[2 * nSites];
        private final int[] unused = new int[2 * nSites];

        @Override
        public void reset(int[] n) {
            oneHot(n, sigma);
            System.arraycopy(n, 0, occupations, 0, nSites);
            units.reset(sigma);
        }

        @Override
        public int[] configuration() {
            return occupations;
        }

        /** Writes the flipped units of the move into {@link #flips}; returns their number. */
        private int flips(int[] sites, int[] values, int offset, int count) {
            int f = 0;
            for (int k = offset; k < offset + count; k++) {
                int i = sites[k];
                int to = values[k];
                if (to < 0 || to > nMax) {
                    throw new IllegalArgumentException("occupation n_" + i + " = " + to + " outside 0.." + nMax);
                }
                if (to != occupations[i]) {
                    flips[f++] = unit(i, occupations[i]);
                    flips[f++] = unit(i, to);
                }
            }
            return f;
        }

        @Override
        public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
            units.logRatio(flips, unused, 0, flips(sites, values, offset, count), out);
        }

        @Override
        public void ratio(int[] sites, int[] values, int offset, int count, double[] out) {
            units.ratio(flips, unused, 0, flips(sites, values, offset, count), out);
        }

        @Override
        public void applyMove(int[] sites, int[] values, int offset, int count) {
            units.applyMove(flips, unused, 0, flips(sites, values, offset, count));
            for (int k = offset; k < offset + count; k++) {
                occupations[sites[k]] = values[k];
            }
        }

        @Override
        public void logPsi(double[] out) {
            units.logPsi(out);
        }

        @Override
        public void logDerivatives(double[] out, int offset) {
            units.logDerivatives(out, offset);
        }

        @Override
        public void logDerivativeFactors(double[] out, int offset) {
            units.logDerivativeFactors(out, offset);
        }
    }
}
