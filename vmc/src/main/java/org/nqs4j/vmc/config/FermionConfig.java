package org.nqs4j.vmc.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.fock.FermionObservables;
import org.nqs4j.hamiltonians.fock.FockOperator;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;

/**
 * The keys of a VMC config that differ for fermions ({@code hilbert.type: fermions}): the ansatz
 * ({@link FermionAnsatzSpec}), the hopping moves and the observables ({@link FermionObservables}).
 * Spin-only keys are refused by name, so that a spin config edited into a fermion one says what to
 * change.
 */
final class FermionConfig {
    /** Spin-ansatz keys that a fermion ansatz does not take. */
    private static final List<String> SPIN_ANSATZ_KEYS = List.of("complex", "pretrain", "pretrain_iterations",
            "layers", "grow");

    private FermionConfig() {
    }

    /** {@code hop} (along the lattice bonds, the default) or {@code hop-any} (between any two sites). */
    static String move(Section s) {
        if (s.has("move")) {
            String word = s.string("move", null).trim().toLowerCase();
            if (word.equals("flip") || word.startsWith("exchange")) {
                throw s.invalid("move", "'" + word + "' moves spins; fermions move by hops of one particle: use hop"
                        + " (along the lattice bonds) or hop-any (between any two sites).");
            }
        }
        return s.choice("move", "hop", "hop", "hop-any");
    }

    /**
     * {@code type}: slater | slater_jastrow | rbm_slater (default; by default with translation-shared
     * weights and a pair product where they fit) | backflow; {@code orbitals}:
     * tight_binding | uhf (default uhf for hubbard, tight_binding for spinless_fermions);
     * {@code jastrow}: density (default) | spin_resolved (slater_jastrow only); {@code alpha} ≥ 1
     * (rbm_slater and backflow, default 1; a symmetric RBM's features {@value #SYMMETRIC_ALPHA});
     * {@code init_scale}; {@code init_from}.
     */
    static AnsatzSpec ansatz(Section s, Lattice lattice, FermionHilbert hilbert, HamiltonianSpec hamiltonian) {
        for (String key : SPIN_ANSATZ_KEYS) {
            if (s.has(key)) {
                throw s.invalid(key, "is a key of the spin ansätze; a fermion ansatz takes type (slater,"
                        + " slater_jastrow, rbm_slater, backflow), orbitals, determinant, jastrow, alpha, symmetry,"
                        + " projection (backflow), init_scale and init_from."
                        + (key.equals("complex") ? " Fermion ansätze are real (the sign is the determinant's)." : ""));
            }
        }
        String type = s.choice("type", "rbm_slater", "slater", "slater_jastrow", "rbm_slater", "backflow");
        boolean hubbard = hamiltonian.model().equals("hubbard");
        FermionAnsatzSpec.Orbitals orbitals = FermionAnsatzSpec.Orbitals.valueOf(
                s.choice("orbitals", hubbard ? "uhf" : "tight_binding", "tight_binding", "uhf").toUpperCase());
        if (orbitals == FermionAnsatzSpec.Orbitals.UHF && !hubbard) {
            throw s.invalid("orbitals", "uhf is the unrestricted Hartree-Fock of the Hubbard model (it needs U); model "
                    + hamiltonian.model() + " takes orbitals: tight_binding.");
        }
        if (!type.equals("slater_jastrow") && s.has("jastrow")) {
            throw s.invalid("jastrow", "is the two-body factor of type slater_jastrow; type " + type + " has none.");
        }
        boolean neural = type.equals("rbm_slater") || type.equals("backflow");
        if (!neural && s.has("alpha")) {
            throw s.invalid("alpha", "is the hidden-unit density of rbm_slater and backflow; type " + type
                    + " has no hidden units.");
        }
        FermionAnsatzSpec spec = switch (type) {
            case "slater" -> new FermionAnsatzSpec.Slater(orbitals, determinant(s, hilbert, false));
            case "slater_jastrow" -> {
                String j = s.choice("jastrow", "density", "density", "spin_resolved");
                yield new FermionAnsatzSpec.SlaterJastrow(orbitals, determinant(s, hilbert, false),
                        FermionAnsatzSpec.Jastrow.valueOf(j.toUpperCase()));
            }
            case "rbm_slater" -> {
                FermionAnsatzSpec.Determinant determinant = determinant(s, hilbert, pairable(hilbert));
                FermionAnsatzSpec.Symmetry symmetry = symmetry(s, lattice);
                yield new FermionAnsatzSpec.RbmSlater(orbitals, determinant,
                        s.integer("alpha", symmetry == FermionAnsatzSpec.Symmetry.NONE ? 1 : SYMMETRIC_ALPHA, 1, 64),
                        symmetry);
            }
            default -> new FermionAnsatzSpec.Backflow(orbitals, determinant(s, hilbert, false),
                    s.integer("alpha", 1, 1, 64));
        };
        if (!type.equals("rbm_slater") && s.has("symmetry")) {
            throw s.invalid("symmetry", "shares the weights of the RBM Jastrow of type rbm_slater; type " + type
                    + " takes none.");
        }
        ProjectionSpec projection = projection(s, type, lattice, hilbert);
        double scale = s.real("init_scale", 0.01, 0, 10);
        Optional<java.nio.file.Path> initFrom = RunConfigReader.initFrom(s);
        s.finish();
        int alpha = spec instanceof FermionAnsatzSpec.RbmSlater r ? r.alpha()
                : spec instanceof FermionAnsatzSpec.Backflow b ? b.alpha() : 0;
        return new AnsatzSpec(type, false, alpha, List.of(), "none", projection, scale, initFrom, 0,
                AnsatzSpec.Kernel.FULL,
                Optional.of(spec));
    }

    /**
     * {@code projection} (backflow only): a sector of the lattice's space group as for spins
     * ({@code point_group}, or {group: translations | point_group | space_group, momentum, irrep}),
     * with real characters (a fermion ansatz is real); no spin flip, no automorphisms. The other
     * types' determinant caches cannot sit on a node of one image g n, which a projection needs.
     */
    private static ProjectionSpec projection(Section s, String type, Lattice lattice, FermionHilbert hilbert) {
        if (!s.has("projection")) {
            return new ProjectionSpec.None();
        }
        if (!type.equals("backflow")) {
            throw s.invalid("projection", "projects type backflow onto a symmetry sector; type " + type + " takes none"
                    + " (its determinant cannot be evaluated on the nodes of single images).");
        }
        ProjectionSpec spec = RunConfigReader.projection(s, lattice, hilbert, true);
        if (spec.spinParity() != 0 || spec instanceof ProjectionSpec.SpinFlip) {
            throw s.invalid("projection", "the spin flip is a symmetry of spin-1/2 configurations; a fermion projection"
                    + " takes group, momentum and irrep.");
        }
        if (!(spec instanceof ProjectionSpec.LatticeSector sector)) {
            throw s.invalid("projection", "a fermion projection is a sector of the lattice's space group (group:"
                    + " translations, point_group or space_group); 'none' is the default.");
        }
        if (!lattice.spaceGroup().sector(sector.scope(), sector.momentumArray(), sector.irrep()).isReal()) {
            throw s.invalid("projection", "momentum " + sector.momentum() + " has complex characters; a fermion ansatz is"
                    + " real: use a momentum whose components are 0 or π (n_a = 0 or L_a/2).");
        }
        return spec;
    }

    /** λ of the relative part λ S_kk of the SR shift for the pair product ({@link #defaultDiagScale}). */
    static final double PAIR_PRODUCT_DIAG_SCALE = 1e-4;

    /**
     * The default {@code preconditioner.diag_scale} of a fermion ansatz: {@value #PAIR_PRODUCT_DIAG_SCALE}
     * with a pair product (on the entries of F only), 0 otherwise. The optimised pair matrix F drifts
     * towards low rank (on the half-filled 20-site ring N − 1 singular values ≈ 1, the rest
     * 10⁻³…10⁻⁹), its log-derivatives O_F = A⁻¹ grow like 1/σ_min and S_FF like 1/σ_min² (10⁵–10¹⁰),
     * and an absolute shift alone then leaves the F block unregularised: a noisy S sends rare huge
     * steps (measured: step infidelity 1e-2 against 1e-5 typically) that wreck the state. The
     * relative part follows S_FF; it is small enough (λ S_kk ≤ ε until S_kk = ε/λ = 100 at the
     * default ε) not to slow the escape from the Slater plateau, which needs F to change its rank
     * (λ = 0.01 did: the 20-site ring stayed at −11.41 for 1,150 steps). The same for the spin ansatz
     * rbm_pp, whose F is the same pair matrix.
     */
    static double defaultDiagScale(AnsatzSpec ansatz) {
        if (ansatz.pairProduct()) {
            return PAIR_PRODUCT_DIAG_SCALE;
        }
        return ansatz.fermion().map(f -> f.determinant() == FermionAnsatzSpec.Determinant.PAIR_PRODUCT
                ? PAIR_PRODUCT_DIAG_SCALE : 0.0).orElse(0.0);
    }

    /**
     * {@code determinant}: slater | pair_product (two species with N↑ = N↓); the default is
     * pair_product where {@code pairDefault} (rbm_slater on a sector it fits: the ansatz that works on
     * the half-filled 20-site ring, where a Jastrow times one determinant stalls), slater otherwise.
     */
    private static FermionAnsatzSpec.Determinant determinant(Section s, FermionHilbert hilbert, boolean pairDefault) {
        FermionAnsatzSpec.Determinant d = FermionAnsatzSpec.Determinant.valueOf(
                s.choice("determinant", pairDefault ? "pair_product" : "slater", "slater", "pair_product").toUpperCase());
        if (d == FermionAnsatzSpec.Determinant.PAIR_PRODUCT
                && (hilbert.nSpecies() != 2 || hilbert.nParticles(0) != hilbert.nParticles(1))) {
            throw s.invalid("determinant", "pair_product pairs every ↑ with a ↓ fermion: it needs model hubbard with"
                    + " n_up = n_down (here " + (hilbert.nSpecies() == 2 ? hilbert.nParticles(0) + " and "
                    + hilbert.nParticles(1) : "one species") + "). Use determinant: slater.");
        }
        return d;
    }

    /**
     * The default number of features of a symmetric RBM Jastrow (M = α|G|): on the bare half-filled
     * 20-site ring (300 steps, η = 0.02) α = 4 ended at 1.2e-2, α = 1 at 4.9e-2 with jumps, the plain
     * RBM α = 1 (M = L·S) × one determinant at 5.3e-2.
     */
    static final int SYMMETRIC_ALPHA = 4;

    /** Two species with N↑ = N↓: the pair product fits. */
    private static boolean pairable(FermionHilbert hilbert) {
        return hilbert.nSpecies() == 2 && hilbert.nParticles(0) == hilbert.nParticles(1);
    }

    /** A Bravais lattice with periodic boundaries: it has a translation group. */
    private static boolean translationInvariant(Lattice lattice) {
        return lattice.cell().isPresent() && lattice.boundary().orElse(Boundary.OPEN) == Boundary.PERIODIC;
    }

    /**
     * {@code symmetry}: none | translations | space_group; a group needs a Bravais lattice with
     * periodic boundaries. The default is translations where the lattice has them (the symmetric RBM
     * optimises stably where the plain one of the same M did not), none otherwise.
     */
    private static FermionAnsatzSpec.Symmetry symmetry(Section s, Lattice lattice) {
        FermionAnsatzSpec.Symmetry symmetry = FermionAnsatzSpec.Symmetry.valueOf(s.choice("symmetry",
                translationInvariant(lattice) ? "translations" : "none", "none", "translations", "space_group")
                .toUpperCase());
        if (symmetry != FermionAnsatzSpec.Symmetry.NONE && !translationInvariant(lattice)) {
            throw s.invalid("symmetry", "'" + symmetry.word() + "' needs a chain, square, rectangular, triangular,"
                    + " honeycomb or kagome lattice with periodic boundaries; the " + lattice.name() + " has no"
                    + " translation group. Use symmetry: none.");
        }
        return symmetry;
    }

    /** Largest lattice for the O(L²)-term families (charge and spin correlations, n(k)) sampled per member. */
    static final int MAX_FAMILY_SITES = 64;

    /**
     * {@code density} (one site, {@code site: i}), {@code densities} (every site), {@code double_occupancy},
     * {@code charge_correlations}, {@code spin_correlations} (zz) and {@code momentum_distribution}
     * (every displacement or momentum of a Bravais lattice).
     */
    static List<ObservableSpec> observables(Section s, Lattice lattice, FermionHilbert hilbert) {
        String type = s.choice("type", null, "density", "densities", "double_occupancy", "charge_correlations",
                "spin_correlations", "momentum_distribution");
        int n = lattice.nSites();
        int species = hilbert.nSpecies();
        if (species == 1 && (type.equals("double_occupancy") || type.equals("spin_correlations"))) {
            throw s.invalid("type", type + " needs spinful fermions (model hubbard); spinless fermions have one"
                    + " species.");
        }
        List<ObservableSpec> out = new ArrayList<>();
        switch (type) {
            case "density" -> {
                int site = s.integer("site", null, 0, n - 1);
                out.add(ObservableSpec.single(s.string("name", "n_" + site), type,
                        FermionObservables.density(n, species, site)));
            }
            case "densities" -> {
                for (int i = 0; i < n; i++) {
                    out.add(new ObservableSpec("n_" + i, type, FermionObservables.density(n, species, i), "density",
                            List.of(i)));
                }
            }
            case "double_occupancy" -> out.add(ObservableSpec.single(s.string("name", "double_occupancy"), type,
                    FermionObservables.doubleOccupancy(n)));
            default -> out.addAll(family(s, type, lattice, species));
        }
        s.finish();
        return out;
    }

    /** N(r), C^zz(r) for every cell displacement r, or n(k) for every lattice momentum k. */
    private static List<ObservableSpec> family(Section s, String type, Lattice lattice, int species) {
        int[] ext = lattice.extents();
        if (ext.length == 0) {
            throw s.invalid("type", type + " needs a lattice with coordinates (cell displacements and momenta).");
        }
        if (lattice.nSites() > MAX_FAMILY_SITES) {
            throw s.invalid("type", type + " on " + lattice.nSites() + " sites would cost O(L²) ratios per sample;"
                    + " it is limited to " + MAX_FAMILY_SITES + " sites.");
        }
        List<ObservableSpec> out = new ArrayList<>();
        int lx = ext[0];
        int ly = ext.length > 1 ? ext[1] : 1;
        try {
            for (int y = 0; y < ly; y++) {
                for (int x = 0; x < lx; x++) {
                    List<Integer> coordinate = ext.length == 1 ? List.of(x) : List.of(x, y);
                    String label = ext.length == 1 ? Integer.toString(x) : x + "," + y;
                    FockOperator op = switch (type) {
                        case "charge_correlations" -> FermionObservables.chargeCorrelation(lattice, species, x, y);
                        case "spin_correlations" -> FermionObservables.spinCorrelation(lattice, x, y);
                        default -> FermionObservables.momentumDistribution(lattice, species,
                                lattice.momentum(ext.length == 1 ? new int[] {x} : new int[] {x, y}));
                    };
                    String prefix = switch (type) {
                        case "charge_correlations" -> "N(";
                        case "spin_correlations" -> "Czz(";
                        default -> "n_k(";
                    };
                    out.add(new ObservableSpec(prefix + label + ")", type, op, type, coordinate));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(s.where() + ": observable '" + s.path() + "': " + e.getMessage() + ".");
        }
        return out;
    }
}
