package org.nqs4j.ansatz.fermion;

import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.SymmetricRbm;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;

/**
 * A neural Jastrow factor: a real RBM over the spin-orbital occupations,
 * log J(n) = Σ_a a_a σ_a + Σ_j log cosh(b_j + Σ_a W_ja σ_a) with σ_a = 2n_a − 1 (an RBM in n is the
 * same family: the affine map only shifts a and b). Positive, so it keeps the determinant's nodes
 * (Nomura et al., PRB 96, 205152 (2017) use an RBM times a pair-product state). It reuses a real
 * spin-½ network over the L·species units unchanged, a plain {@link Rbm} or a {@link SymmetricRbm}:
 * a hop r → r′ flips σ on the two spin-orbitals, a two-site ratio O(M) (two hops: four sites), and
 * the parameters and log-derivatives are the network's.
 *
 * <p>{@link #symmetric}: the symmetric RBM over a group G of lattice symmetries (the translations,
 * or the space group) acting on the sites of every species alike, hidden units (f, g) = feature f
 * moved by g with shared weights w_f(r, σ) (Carleo &amp; Troyer 2017; Nomura et al. 2017 impose the
 * same on their RBM Jastrow): J(g n) = J(n) for every g ∈ G, with P = 1 + α + α·L·S parameters
 * instead of the L·S + M + M·L·S of a plain RBM with the same M = α|G| hidden units (S species).
 */
public final class RbmJastrow implements FermionWaveFunction {
    @Override
    public String description() {
        return "RBM Jastrow over the spin-orbital occupations (" + rbm.description() + ")";
    }

    private final WaveFunction rbm;
    /** ψ(n) = rbm(2n − 1): the map and its cache, shared with the complex RBM of molecules. */
    private final JordanWignerRbm occupations;
    private final int nSites;
    private final int nSpecies;

    private RbmJastrow(WaveFunction rbm, int nSites, int nSpecies) {
        if (rbm.isComplex()) {
            throw new IllegalArgumentException("a Jastrow factor must be positive: the RBM needs real parameters");
        }
        if (rbm.nSites() != nSites * nSpecies) {
            throw new IllegalArgumentException("the RBM has " + rbm.nSites() + " visible units, the fermions "
                    + nSites * nSpecies + " spin-orbitals");
        }
        this.rbm = rbm;
        this.occupations = JordanWignerRbm.ofNetwork(rbm, nSites);
        this.nSites = nSites;
        this.nSpecies = nSpecies;
    }

    /** A real RBM with one visible unit per spin-orbital (L·species of them). */
    public static RbmJastrow of(Rbm rbm, int nSites, int nSpecies) {
        return new RbmJastrow(rbm, nSites, nSpecies);
    }

    /**
     * The real symmetric RBM of α features over a group of site permutations
     * {@code siteGroup[g][r]} = g(r) (e.g. {@code Lattice.translations()} or
     * {@code spaceGroup().elements()}), each moving the sites of every species alike: spin-orbital
     * r + L·s goes to g(r) + L·s.
     */
    public static RbmJastrow symmetric(int[][] siteGroup, int nSpecies, int alpha) {
        int l = siteGroup[0].length;
        int[][] group = new int[siteGroup.length][l * nSpecies];
        for (int g = 0; g < siteGroup.length; g++) {
            for (int s = 0; s < nSpecies; s++) {
                for (int r = 0; r < l; r++) {
                    group[g][r + s * l] = siteGroup[g][r] + s * l;
                }
            }
        }
        return new RbmJastrow(SymmetricRbm.real(group, alpha), l, nSpecies);
    }

    @Override
    public int nSites() {
        return nSites;
    }

    @Override
    public int nSpecies() {
        return nSpecies;
    }

    @Override
    public int nParameters() {
        return rbm.nParameters();
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
        occupations.logPsi(n, out);
    }

    @Override
    public FermionCache newCache() {
        return new Cache();
    }

    private final class Cache implements FermionCache {
        @Override
        public int nSpecies() {
            return nSpecies;
        }

        private final WalkerCache spins = occupations.newCache();
        private final int[] flips = new int[4];
        private final int[] filled = {0, 1, 0, 1}; // a hop empties the source and fills the target
        private final double[] out = new double[2];

        @Override
        public void reset(int[] n) {
            spins.reset(n);
        }

        @Override
        public int[] configuration() {
            return spins.configuration();
        }

        @Override
        public double ratio(int species, int from, int to) {
            FermionCache.requireHop(spins.configuration(), nSites, species, from, to);
            flips[0] = from + species * nSites;
            flips[1] = to + species * nSites;
            spins.ratio(flips, filled, 0, 2, out);
            return out[0];
        }

        @Override
        public void applyHop(int species, int from, int to) {
            FermionCache.requireHop(spins.configuration(), nSites, species, from, to);
            flips[0] = from + species * nSites;
            flips[1] = to + species * nSites;
            spins.applyMove(flips, filled, 0, 2);
        }

        /** Two hops flip four visible units: an O(M) ratio of the RBM. */
        @Override
        public double ratio(int s1, int from1, int to1, int s2, int from2, int to2) {
            FermionCache.requireTwoHops(spins.configuration(), nSites, s1, from1, to1, s2, from2, to2);
            setFlips(s1, from1, to1, s2, from2, to2);
            spins.ratio(flips, filled, 0, 4, out);
            return out[0];
        }

        @Override
        public void applyHops(int s1, int from1, int to1, int s2, int from2, int to2) {
            FermionCache.requireTwoHops(spins.configuration(), nSites, s1, from1, to1, s2, from2, to2);
            setFlips(s1, from1, to1, s2, from2, to2);
            spins.applyMove(flips, filled, 0, 4);
        }

        private void setFlips(int s1, int from1, int to1, int s2, int from2, int to2) {
            flips[0] = from1 + s1 * nSites;
            flips[1] = to1 + s1 * nSites;
            flips[2] = from2 + s2 * nSites;
            flips[3] = to2 + s2 * nSites;
        }

        @Override
        public void logPsi(double[] result) {
            spins.logPsi(result);
        }

        @Override
        public void logDerivatives(double[] result, int offset) {
            spins.logDerivatives(result, offset);
        }
    }
}
