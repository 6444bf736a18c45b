package org.nqs4j.vmc.run;

import org.nqs4j.ansatz.GaussianParameters;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.fermion.FermionProduct;
import org.nqs4j.ansatz.fermion.FermionWaveFunction;
import org.nqs4j.ansatz.fermion.HartreeFock;
import org.nqs4j.ansatz.fermion.NeuralBackflow;
import org.nqs4j.ansatz.fermion.OccupationJastrow;
import org.nqs4j.ansatz.fermion.PairProduct;
import org.nqs4j.ansatz.fermion.ProjectedFermionState;
import org.nqs4j.ansatz.fermion.RbmJastrow;
import org.nqs4j.ansatz.fermion.SlaterDeterminant;
import org.nqs4j.ansatz.fermion.SpinOrbitals;
import org.nqs4j.ansatz.fermion.TightBinding;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;
import org.nqs4j.hamiltonians.symmetry.SymmetrySector;
import org.nqs4j.samplers.FermionHopRule;
import org.nqs4j.samplers.TransitionRule;
import org.nqs4j.vmc.config.ConfigException;
import org.nqs4j.vmc.config.FermionAnsatzSpec;
import org.nqs4j.vmc.config.HamiltonianSpec;
import org.nqs4j.vmc.config.ProjectionSpec;
import org.nqs4j.vmc.config.RunConfig;

/**
 * The fermion parts of a run's set-up: the wave function of {@link FermionAnsatzSpec} on the
 * config's lattice and sector, and the hopping moves.
 *
 * <p>With {@code ansatz.projection} (backflow) the initialised state is projected on the sector
 * ({@link ProjectedFermionState}); the parameters are the unprojected state's.
 *
 * <p>Initialisation: the determinant starts from its mean-field orbitals (tight binding or UHF,
 * deterministic), every other parameter (Jastrow pairs, RBM, backflow network) is drawn from
 * N(0, init_scale²) with the run seed: a random start of the correlations around a fixed
 * reference determinant.
 */
final class FermionSetup {
    /** The staggered density m of the UHF start, n_iσ = N_σ/L ± m (bipartite lattices; 0 otherwise). */
    static final double UHF_SEED_MOMENT = 0.1;

    private FermionSetup() {
    }

    /** The configured ansatz, initialised from the seed. */
    static FermionWaveFunction initialised(RunConfig c) {
        FermionAnsatzSpec spec = c.ansatz().fermion().orElseThrow();
        FermionHilbert hilbert = (FermionHilbert) c.hilbert();
        SpinOrbitals orbitals = orbitals(spec.orbitals(), c.lattice(), c.hamiltonian(), hilbert);
        int l = hilbert.nSites();
        int species = hilbert.nSpecies();
        FermionWaveFunction slater = determinant(spec.determinant(), orbitals);
        FermionWaveFunction psi = switch (spec) {
            case FermionAnsatzSpec.Slater s -> slater;
            case FermionAnsatzSpec.SlaterJastrow j -> FermionProduct.of(
                    j.jastrow() == FermionAnsatzSpec.Jastrow.DENSITY ? OccupationJastrow.densityDensity(l, species)
                            : OccupationJastrow.spinResolved(l, species), slater);
            case FermionAnsatzSpec.RbmSlater r -> FermionProduct.of(rbmJastrow(r, c.lattice(), species), slater);
            case FermionAnsatzSpec.Backflow b -> b.determinant() == FermionAnsatzSpec.Determinant.PAIR_PRODUCT
                    ? NeuralBackflow.pairing(orbitals, b.alpha() * l * species)
                    : NeuralBackflow.of(orbitals, b.alpha() * l * species);
        };
        // the correlation factor comes first in a product, the network after Φ in backflow
        int orbitalParameters = slater.nParameters();
        int all = psi.parameterArrayLength();
        if (spec instanceof FermionAnsatzSpec.Backflow) {
            GaussianParameters.initialise(psi, c.seed(), c.ansatz().initScale(), orbitalParameters, all);
        } else {
            GaussianParameters.initialise(psi, c.seed(), c.ansatz().initScale(), 0, all - orbitalParameters);
        }
        if (c.ansatz().projection() instanceof ProjectionSpec.LatticeSector sectorSpec) {
            SymmetrySector sector = c.lattice().spaceGroup().sector(sectorSpec.scope(), sectorSpec.momentumArray(),
                    sectorSpec.irrep());
            return ProjectedFermionState.of(psi, sector.permutations(), sector.characterRe(), sector.label());
        }
        return psi;
    }

    /**
     * [from, to): the parameters of the determinant (Φ, or F of the pair product) in the ansatz's
     * layout of {@code nParameters} (see {@link #initialised}: the last factor of a product, the
     * first block of backflow), which take the relative part of the SR shift.
     */
    static int[] determinantParameters(FermionAnsatzSpec spec, int nParameters, FermionHilbert hilbert) {
        int l = hilbert.nSites();
        int count = spec.determinant() == FermionAnsatzSpec.Determinant.PAIR_PRODUCT ? l * l
                : l * java.util.stream.IntStream.range(0, hilbert.nSpecies()).map(hilbert::nParticles).sum();
        return spec instanceof FermionAnsatzSpec.Backflow ? new int[] {0, count}
                : new int[] {nParameters - count, nParameters};
    }

    /** det Φ↑ · det Φ↓, or the pair product det F with F = Φ↑Φ↓ᵀ (the same state at the start). */
    private static FermionWaveFunction determinant(FermionAnsatzSpec.Determinant kind, SpinOrbitals orbitals) {
        return switch (kind) {
            case SLATER -> SlaterDeterminant.of(orbitals);
            case PAIR_PRODUCT -> PairProduct.of(orbitals);
        };
    }

    /** A plain RBM over the L·species spin-orbitals, or one with weights shared over the lattice group. */
    private static RbmJastrow rbmJastrow(FermionAnsatzSpec.RbmSlater r, Lattice lattice, int species) {
        return switch (r.symmetry()) {
            case NONE -> RbmJastrow.of(Rbm.real(lattice.nSites() * species, r.alpha()), lattice.nSites(), species);
            case TRANSLATIONS -> RbmJastrow.symmetric(lattice.translations(), species, r.alpha());
            case SPACE_GROUP -> RbmJastrow.symmetric(lattice.spaceGroup().elements(), species, r.alpha());
        };
    }

    /** The orbitals of the starting determinant, N_σ per species. */
    static SpinOrbitals orbitals(FermionAnsatzSpec.Orbitals kind, Lattice lattice, HamiltonianSpec h,
                                 FermionHilbert hilbert) {
        boolean hubbard = h.model().equals("hubbard");
        double t = h.coupling("t");
        double tPrime = hubbard ? h.coupling("t_prime") : 0;
        int[] particles = new int[hilbert.nSpecies()];
        for (int s = 0; s < particles.length; s++) {
            particles[s] = hilbert.nParticles(s);
        }
        if (kind == FermionAnsatzSpec.Orbitals.TIGHT_BINDING) {
            return TightBinding.groundState(lattice, t, tPrime, particles);
        }
        try {
            return HartreeFock.antiferromagnetic(lattice, t, tPrime, h.coupling("U"), particles[0], particles[1],
                    lattice.isBipartite() ? UHF_SEED_MOMENT : 0).orbitals();
        } catch (IllegalStateException e) {
            throw new ConfigException("key 'ansatz.orbitals': " + e.getMessage() + "; use orbitals: tight_binding.");
        }
    }

    /** hop: along every bond of the lattice; hop-any: between any two sites. */
    static TransitionRule rule(String move, RunConfig c) {
        FermionHilbert hilbert = (FermionHilbert) c.hilbert();
        return move.equals("hop") ? FermionHopRule.onEdges(hilbert.nSites(), hilbert.nSpecies(), c.lattice().edges())
                : FermionHopRule.anyPair(hilbert.nSites(), hilbert.nSpecies());
    }
}
