package org.nqs4j.ansatz.fermion;

import java.util.Optional;

import org.nqs4j.ansatz.OuterProductJacobian;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;

/**
 * The RBM of the Jordan–Wigner spins (Choo, Mezzacapo &amp; Carleo, Nat. Commun. 11, 2368 (2020)):
 * ψ(n) = RBM(σ) with σ_a = 2n_a − 1 on the spin-orbitals a = site + L·species, the order of the
 * Jordan–Wigner strings. The Hamiltonian's matrix elements already carry the fermionic signs in
 * this basis, so ψ is any function of the occupations, with no determinant: with complex
 * parameters its phases carry the signs of every amplitude, which a positive Jastrow times one
 * determinant cannot (README, "Molecules: VMC").
 *
 * <p>A move (orbital, new occupation) flips σ on each changed orbital, so the spin
 * cache of the network serves every move unchanged (spin-½ caches ignore the new values), and the parameters,
 * log-derivatives and the outer-product Jacobian are the RBM's.
 */
public final class JordanWignerRbm implements WaveFunction {
    private final WaveFunction rbm;
    private final int nSites;

    private JordanWignerRbm(WaveFunction rbm, int nSites) {
        if (rbm.nSites() % nSites != 0) {
            throw new IllegalArgumentException("the RBM has " + rbm.nSites() + " visible units, not a multiple of "
                    + nSites + " sites");
        }
        this.rbm = rbm;
        this.nSites = nSites;
    }

    /** ψ of L sites with rbm.nSites() / L species of spin-orbitals. */
    public static JordanWignerRbm of(Rbm rbm, int nSites) {
        return new JordanWignerRbm(rbm, nSites);
    }

    /**
     * The same map for any spin-½ network over the spin-orbitals (e.g. a {@link org.nqs4j.ansatz.SymmetricRbm}),
     * for {@link RbmJastrow}.
     */
    static JordanWignerRbm ofNetwork(WaveFunction network, int nSites) {
        return new JordanWignerRbm(network, nSites);
    }

    @Override
    public int nSites() {
        return nSites;
    }

    @Override
    public int configurationSize() {
        return rbm.nSites();
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
        rbm.logPsi(spins(n, new int[n.length]), out);
    }

    /** The Jordan–Wigner spins σ_a = 2n_a − 1 of the occupations n, written into {@code sigma}. */
    private static int[] spins(int[] n, int[] sigma) {
        for (int a = 0; a < n.length; a++) {
            sigma[a] = 2 * n[a] - 1;
        }
        return sigma;
    }

    @Override
    public WalkerCache newCache() {
        return new Cache(rbm.newCache(), rbm.nSites());
    }

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
        return "RBM of the Jordan-Wigner spins σ = 2n - 1 (" + rbm.description() + ")";
    }

    /** The spin cache at σ = 2n − 1, with the occupations kept beside it. */
    private static final class Cache implements WalkerCache {
        private final WalkerCache spins;
        private final int[] occupations;
        private final int[] sigma;

        Cache(WalkerCache spins, int size) {
            this.spins = spins;
            this.occupations = new int[size];
            this.sigma = new int[size];
        }

        @Override
        public void reset(int[] n) {
            System.arraycopy(n, 0, occupations, 0, occupations.length);
            spins.reset(spins(occupations, sigma));
        }

        @Override
        public int[] configuration() {
            return occupations;
        }

        @Override
        public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
            spins.logRatio(sites, values, offset, count, out);
        }

        @Override
        public void ratio(int[] sites, int[] values, int offset, int count, double[] out) {
            spins.ratio(sites, values, offset, count, out);
        }

        @Override
        public void applyMove(int[] sites, int[] values, int offset, int count) {
            spins.applyMove(sites, values, offset, count);
            for (int k = offset; k < offset + count; k++) {
                occupations[sites[k]] = values[k];
            }
        }

        @Override
        public void logPsi(double[] out) {
            spins.logPsi(out);
        }

        @Override
        public void logDerivatives(double[] out, int offset) {
            spins.logDerivatives(out, offset);
        }

        @Override
        public void logDerivativeFactors(double[] out, int offset) {
            spins.logDerivativeFactors(out, offset);
        }
    }
}
