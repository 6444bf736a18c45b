package org.nqs4j.vmc.run;

import org.nqs4j.ansatz.GaussianParameters;
import org.nqs4j.ansatz.ProductWaveFunction;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.SymmetricRbm;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.ansatz.fermion.GutzwillerProjected;
import org.nqs4j.ansatz.fermion.PairClasses;
import org.nqs4j.ansatz.fermion.PairProduct;
import org.nqs4j.ansatz.fermion.TightBinding;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.vmc.config.AnsatzSpec;
import org.nqs4j.vmc.config.ConfigException;
import org.nqs4j.vmc.config.ProjectionSpec;

/**
 * {@code ansatz.type: rbm_pp} on spins-½: a real RBM (plain, or with features shared over
 * {@code tied} translations) times the Gutzwiller-projected pair product of N/2 pairs (Nomura et al.,
 * PRB 96, 205152 (2017), RBM + PP; here the projection onto one fermion per site makes it a spin state,
 * {@link GutzwillerProjected}). F starts as the Fermi sea of nearest-neighbour hopping t = 1 on the
 * lattice's colour-0 bonds, an open shell shared equally ({@link TightBinding#fermiSeaPairing}): the
 * projected Fermi sea, Anderson's RVB state. Parameters: the RBM's, then F's L² entries, or with
 * {@code pairing: translations} its n_basis·L amplitudes of pairs tied by the translations ({@link PairClasses}).
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
        boolean[] twists = twists(lattice, a.projection());
        double[] fermiSea = TightBinding.fermiSeaPairing(lattice, 1, 0, n / 2, twists);
        PairProduct pairs;
        if (a.pairing() == AnsatzSpec.Pairing.TRANSLATIONS) {
            requireSectorMomentum(lattice, a.projection(), twists);
            pairs = PairProduct.tied(PairClasses.translations(lattice, twists), n / 2, fermiSea);
        } else {
            pairs = PairProduct.of(n, n / 2, fermiSea);
        }
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
     * The RBM's parameters drawn from N(0, {@code initScale}²) by the seed; F ← F + {@value #PAIRING_NOISE}·max|F|·ξ,
     * ξ ~ N(0, 1) from a stream of its own: the symmetric Fermi sea of a frustrated lattice has exact nodes
     * (det F[↑; ↓] = 0 on configurations that a symmetry maps to their own negative, measured on the kagome
     * 2 × 2 start), which a chain, or an image of a symmetry projection, cannot sit on; the noise lifts them and
     * leaves the state next to the Fermi sea.
     */
    static void initialise(WaveFunction psi, AnsatzSpec a, Lattice lattice, long seed, double initScale) {
        int[] range = pairMatrix(psi, a, lattice);
        GaussianParameters.initialise(psi, seed, initScale, 0, range[0]);
        double[] p = new double[psi.parameterArrayLength()];
        psi.getParameters(p);
        double max = 0;
        for (int k = range[0]; k < range[1]; k++) {
            max = Math.max(max, Math.abs(p[k]));
        }
        GaussianParameters.perturb(psi, seed, PAIRING_STREAM, PAIRING_NOISE * max, range[0], range[1]);
    }

    /** The relative width of the noise on the Fermi sea's F ({@link #initialise}). */
    static final double PAIRING_NOISE = 1e-2;
    /** A stream of the seed of its own for that noise (the RBM's weights draw from the seed itself). */
    private static final long PAIRING_STREAM = 0x5050L;

    /**
     * The directions along which the Fermi sea takes antiperiodic boundary conditions, so that the projected
     * state starts at the sector's momentum. A translation by one cell along a permutes the sites in N/L_a cycles of
     * length L_a, whose parity (N/L_a)(L_a − 1) is the sign the site-ordered basis gives the projected state of a
     * translation-invariant F (ψ(Tσ) = sgn(T) ψ(σ)): momentum π along a where it is odd. An antiperiodic bond across
     * the boundary adds (−1)^{N/L_a} (a gauge sign on the N/L_a sites of one column, each holding one fermion). So
     * along a, where N/L_a is odd, L_a ≥ 3 and the parity differs from the sector's (momentum 0 or π along a), the
     * twist puts the start into the sector; otherwise the projection of the start onto the sector would keep only
     * the noise on F. (Kagome 2 × 3 needs none: its ground state lies at the momentum of the untwisted start;
     * triangular 6 × 3 at Γ needs one along a₁; kagome 2 × 4 at k = [0, 2] would need momentum π along a₂, where
     * 6 sites per column leave the start at 0 whatever the twist: the free F finds the sector from the noise.)
     */
    static boolean[] twists(Lattice lattice, ProjectionSpec projection) {
        int[] extents = lattice.extents();
        boolean[] twist = new boolean[extents.length];
        if (!lattice.hasTranslations() || !(projection instanceof ProjectionSpec.LatticeSector sector)) {
            return twist;
        }
        for (int a = 0; a < extents.length; a++) {
            int target = 2 * sectorMomentum(sector, extents, a) == extents[a] ? 1 : 0;
            twist[a] = extents[a] >= 3 && cycles(lattice, a) % 2 == 1 && (translationParity(lattice, a) + target) % 2 == 1;
        }
        return twist;
    }

    /** N/L_a: the cycles in which a translation by one cell along a permutes the sites (the sites of one column). */
    private static int cycles(Lattice lattice, int a) {
        return lattice.nSites() / lattice.extents()[a];
    }

    /** (N/L_a)(L_a − 1) mod 2: the parity of that permutation, the momentum (0 or π) of the untwisted start along a. */
    private static int translationParity(Lattice lattice, int a) {
        return cycles(lattice, a) * (lattice.extents()[a] - 1) % 2;
    }

    /** The sector's k_a in 0..L_a − 1 (0 where it gives none). */
    private static int sectorMomentum(ProjectionSpec.LatticeSector sector, int[] extents, int a) {
        int[] momentum = sector.momentumArray();
        return a < momentum.length ? Math.floorMod(momentum[a], extents[a]) : 0;
    }

    /**
     * With F tied by the translations the projected pair product has a momentum of its own along each a, the parity
     * (N/L_a)(L_a − 1) of a translation's site permutation plus N/L_a for a twist ({@link #twists}); where that
     * is not the sector's, the state would be in the sector only through the RBM's breaking of the translations:
     * refused, naming the direction.
     */
    static void requireSectorMomentum(Lattice lattice, ProjectionSpec projection, boolean[] twists) {
        if (!(projection instanceof ProjectionSpec.LatticeSector sector)) {
            return;
        }
        int[] extents = lattice.extents();
        for (int a = 0; a < extents.length; a++) {
            int l = extents[a];
            int cycles = cycles(lattice, a);
            int k = sectorMomentum(sector, extents, a);
            int own = (translationParity(lattice, a) + (twists[a] ? cycles : 0)) % 2;
            if (own != (2 * k == l ? 1 : 0)) {
                throw new ConfigException("key 'ansatz.pairing': F tied by the translations gives the pair product"
                        + " momentum " + (own == 1 ? "pi" : "0") + " along a" + (a + 1) + " (a translation permutes the "
                        + lattice.nSites() + " sites in " + cycles + " cycles of " + l + (cycles % 2 == 0
                        ? ", an even number, which no antiperiodic twist changes" : "") + "), but the sector asks k_"
                        + (a + 1) + " = " + k + ". Use pairing: free, whose F can break the translations.");
            }
        }
    }

    /**
     * [from, to): F's parameters in the parameter array of {@code psi}, the last ones: L² amplitudes, or tied by
     * the translations n_basis·L ({@link PairClasses#translations}).
     */
    static int[] pairMatrix(WaveFunction psi, AnsatzSpec a, Lattice lattice) {
        int p = psi.parameterArrayLength();
        return new int[] {p - a.pairAmplitudes(lattice), p};
    }
}
