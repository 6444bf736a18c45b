package org.nqs4j.ansatz.fermion;

import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.SpinEncodedWaveFunction;
import org.nqs4j.ansatz.WaveFunction;

/**
 * The RBM of the Jordan–Wigner spins (Choo, Mezzacapo &amp; Carleo, Nat. Commun. 11, 2368 (2020)):
 * ψ(n) = RBM(σ) with σ_a = 2n_a − 1 on the spin-orbitals a = site + L·species, the order of the
 * Jordan–Wigner strings. The Hamiltonian's matrix elements already carry the fermionic signs in
 * this basis, so ψ is any function of the occupations, with no determinant: with complex
 * parameters its phases carry the signs of every amplitude, which a positive Jastrow times one
 * determinant cannot (README, "Molecules: VMC").
 *
 * <p>A move (orbital, new occupation) flips σ on each changed orbital, so the spin cache of the
 * network serves every move ({@link SpinEncodedWaveFunction}), and the parameters, log-derivatives
 * and the outer-product Jacobian are the RBM's.
 */
public final class JordanWignerRbm extends SpinEncodedWaveFunction {
    private final int nSites;

    private JordanWignerRbm(WaveFunction network, int nSites) {
        super(network);
        if (network.nSites() % nSites != 0) {
            throw new IllegalArgumentException("the RBM has " + network.nSites() + " visible units, not a multiple of "
                    + nSites + " sites");
        }
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
        return network.nSites();
    }

    /** The Jordan–Wigner spins σ_a = 2n_a − 1 of the occupations n. */
    @Override
    protected void encode(int[] n, int[] sigma) {
        for (int a = 0; a < n.length; a++) {
            sigma[a] = 2 * n[a] - 1;
        }
    }

    /** Each changed spin-orbital flips its spin. */
    @Override
    protected int flips(int[] n, int[] sites, int[] values, int offset, int count, int[] spins) {
        int f = 0;
        for (int k = offset; k < offset + count; k++) {
            if (values[k] != n[sites[k]]) {
                spins[f++] = sites[k];
            }
        }
        return f;
    }

    @Override
    protected int maxFlips(int changes) {
        return changes;
    }

    @Override
    public String description() {
        return "RBM of the Jordan-Wigner spins σ = 2n - 1 (" + network.description() + ")";
    }
}
