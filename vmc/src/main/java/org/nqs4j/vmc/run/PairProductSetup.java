package org.nqs4j.vmc.run;

import org.nqs4j.ansatz.ProductWaveFunction;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.SymmetricRbm;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.ansatz.fermion.GutzwillerProjected;
import org.nqs4j.ansatz.fermion.PairProduct;
import org.nqs4j.ansatz.fermion.TightBinding;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.vmc.config.AnsatzSpec;

/**
 * {@code ansatz.type: rbm_pp} on spins-½: a real RBM (plain, or with features shared over
 * {@code tied} translations) times the Gutzwiller-projected pair product of N/2 pairs (Nomura et al.,
 * PRB 96, 205152 (2017), RBM + PP; here the projection onto one fermion per site makes it a spin state,
 * {@link GutzwillerProjected}). F starts as the Fermi sea of nearest-neighbour hopping t = 1 on the
 * lattice's colour-0 bonds, an open shell shared equally ({@link TightBinding#fermiSeaPairing}): the
 * projected Fermi sea, Anderson's RVB state. Parameters: the RBM's, then F's L² entries.
 */
final class PairProductSetup {
    private PairProductSetup() {
    }

    /**
     * The product before any symmetry projection; in the frame of a Marshall-rotated Hamiltonian when
     * {@code marshallFrame} (the same physical state: the pair product times (−1)^{N↑(B)}).
     */
    static WaveFunction waveFunction(AnsatzSpec a, Lattice lattice, int[][] tied, boolean marshallFrame) {
        int n = lattice.nSites();
        PairProduct pairs = PairProduct.of(n, n / 2, TightBinding.fermiSeaPairing(lattice, 1, 0, n / 2));
        WaveFunction projected = marshallFrame
                ? GutzwillerProjected.inMarshallFrame(pairs, lattice.sublattice().orElseThrow())
                : GutzwillerProjected.of(pairs);
        if (a.alpha() == 0) {
            return projected;
        }
        WaveFunction rbm = tied != null ? SymmetricRbm.real(tied, a.alpha()) : Rbm.real(n, a.alpha());
        return ProductWaveFunction.of(rbm, projected);
    }

    /**
     * F ← F + {@value #PAIRING_NOISE}·max|F|·ξ, ξ ~ N(0, 1) from {@code seed}: the symmetric Fermi sea of a
     * frustrated lattice has exact nodes (det F[↑; ↓] = 0 on configurations that a symmetry maps to their
     * own negative, measured on the kagome 2 × 2 start), which a chain, or an image of a symmetry
     * projection, cannot sit on; the noise lifts them and leaves the state next to the Fermi sea.
     */
    static void perturbPairing(WaveFunction psi, Lattice lattice, long seed) {
        int[] range = pairMatrix(psi, lattice);
        double[] p = new double[psi.parameterArrayLength()];
        psi.getParameters(p);
        double max = 0;
        for (int k = range[0]; k < range[1]; k++) {
            max = Math.max(max, Math.abs(p[k]));
        }
        org.apache.commons.rng.UniformRandomProvider rng = org.apache.commons.rng.simple.RandomSource.XO_SHI_RO_256_PP
                .create(new long[] {seed, PAIRING_STREAM});
        org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian gaussian =
                org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
        for (int k = range[0]; k < range[1]; k++) {
            p[k] += PAIRING_NOISE * max * gaussian.sample();
        }
        psi.setParameters(p);
    }

    /** The relative width of the noise on the Fermi sea's F ({@link #perturbPairing}). */
    static final double PAIRING_NOISE = 1e-2;
    /** A stream of the seed of its own for that noise (the RBM's weights draw from the seed itself). */
    private static final long PAIRING_STREAM = 0x5050L;

    /** [from, to): the entries of F in the parameter array of {@code psi} (the last L²). */
    static int[] pairMatrix(WaveFunction psi, Lattice lattice) {
        int p = psi.parameterArrayLength();
        return new int[] {p - lattice.nSites() * lattice.nSites(), p};
    }
}
