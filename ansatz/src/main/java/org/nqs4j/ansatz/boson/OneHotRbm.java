package org.nqs4j.ansatz.boson;

import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.SpinEncodedWaveFunction;

/**
 * An RBM over boson occupations with one-hot visible units (McBrian, Carleo &amp; Khatami,
 * J. Phys.: Conf. Ser. 1290, 012005 (2019); Saito, JPSJ 86, 093001 (2017)): site i with n_i ∈
 * {0, …, n_max} is encoded as n_max + 1 binary units v_{i,m} = δ(n_i, m), and
 * <pre>
 *   log ψ(n) = Σ_{i,m} a_{i,m} σ_{i,m} + Σ_j log cosh(b_j + Σ_{i,m} W_{j,(i,m)} σ_{i,m}),   σ = 2v − 1.
 * </pre>
 * The affine map v → σ only shifts a and b, so this is the one-hot RBM family; in σ it is the spin
 * {@link Rbm} on L(n_max + 1) visible units ({@link SpinEncodedWaveFunction}). Changing n_i from m to
 * m′ flips the two units (i, m) and (i, m′): a boson hop flips four, a log ratio O(M), an accepted
 * move O(M).
 *
 * <p>M = α·L hidden units (α per site, not per visible unit, so P does not grow as n_max²).
 * Parameter layout: the RBM's, a (L(n_max+1), unit u = i(n_max+1) + m), b (M), W (j·L(n_max+1) + u).
 */
public final class OneHotRbm extends SpinEncodedWaveFunction {
    private final Rbm rbm;
    private final int nSites;
    private final int nMax;

    private OneHotRbm(Rbm rbm, int nSites, int nMax) {
        super(rbm);
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

    /** σ_{i,m} = +1 where n_i = m, else −1. @throws IllegalArgumentException for an occupation outside 0..n_max */
    @Override
    protected void encode(int[] n, int[] sigma) {
        if (n.length != nSites) {
            throw new IllegalArgumentException("expected " + nSites + " occupations, got " + n.length);
        }
        java.util.Arrays.fill(sigma, -1);
        for (int i = 0; i < nSites; i++) {
            sigma[unit(i, checked(i, n[i]))] = 1;
        }
    }

    /** Units (i, n_i) and (i, n′_i) of every site whose occupation changes. */
    @Override
    protected int flips(int[] n, int[] sites, int[] values, int offset, int count, int[] spins) {
        int f = 0;
        for (int k = offset; k < offset + count; k++) {
            int i = sites[k];
            int to = checked(i, values[k]);
            if (to != n[i]) {
                spins[f++] = unit(i, n[i]);
                spins[f++] = unit(i, to);
            }
        }
        return f;
    }

    @Override
    protected int maxFlips(int changes) {
        return 2 * changes;
    }

    private int checked(int site, int occupation) {
        if (occupation < 0 || occupation > nMax) {
            throw new IllegalArgumentException("occupation n_" + site + " = " + occupation + " outside 0.." + nMax);
        }
        return occupation;
    }

    private int unit(int site, int occupation) {
        return site * (nMax + 1) + occupation;
    }

    @Override
    public String description() {
        return "one-hot RBM(" + (isComplex() ? "complex" : "real") + ", L=" + nSites + ", n_max=" + nMax + ", M="
                + rbm.nHidden() + ", P=" + nParameters() + ")";
    }
}
