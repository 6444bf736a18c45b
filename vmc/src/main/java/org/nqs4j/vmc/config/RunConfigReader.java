package org.nqs4j.vmc.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.Edge;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.LatticeCell;
import org.nqs4j.hamiltonians.Observables;
import org.nqs4j.hamiltonians.PauliString;
import org.nqs4j.hamiltonians.PauliSumOperator;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.SpinModels;
import org.nqs4j.hamiltonians.Units;
import org.nqs4j.hamiltonians.symmetry.GraphAutomorphisms;
import org.nqs4j.hamiltonians.symmetry.SpaceGroup;
import org.nqs4j.hamiltonians.symmetry.SymmetrySector;

/**
 * Reads and validates a run configuration. The schema, with defaults, is documented in the
 * README ("Config reference"); every key is checked for type and range, unknown keys are errors,
 * and physics objects that can be built from the config alone (lattice, Hilbert space,
 * Hamiltonian, observables) are built here so that their errors point at the config line.
 */
public final class RunConfigReader {
    private static final int MAX_SITES = 4096;
    /** Bond colours 0..3: nearest to fourth neighbours. */
    private static final int MAX_NEIGHBOR_ORDER = 4;

    private RunConfigReader() {
    }

    /** Reads a file and applies {@code --set key=value} overrides. */
    public static RunConfig read(Path file, List<String> overrides) {
        ConfigValue.Mapping root = YamlConfigParser.parseFile(file);
        for (String o : overrides) {
            YamlConfigParser.override(root, o);
        }
        return read(root, file);
    }

    public static RunConfig read(ConfigValue.Mapping tree, Path source) {
        if (tree.entries().containsKey(SweepSpec.KEY)) {
            throw new ConfigException(tree.keyWhere().get(SweepSpec.KEY) + ": this config declares a 'sweep' of several"
                    + " runs; start it with nqs sweep CONFIG (nqs run runs a single point).");
        }
        Section root = Section.root(tree);
        String fileStem = source.getFileName().toString().replaceFirst("\\.(ya?ml)$", "");
        String name = root.string("name", fileStem);
        if (!name.matches("[A-Za-z0-9._=-]+")) {
            throw root.invalid("name", "must use letters, digits, '.', '_', '=' or '-' only (it names the run folder),"
                    + " got '" + name + "'.");
        }
        long seed = root.longInteger("seed", 1234L);
        int threads = root.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
        int iterations = root.integer("iterations", 300, 0, 100_000_000);

        Lattice lattice = lattice(root.section("lattice"));
        HamiltonianSpec hamiltonian = hamiltonian(root.section("hamiltonian"), lattice);
        SpinHilbert hilbert = hilbert(root.section("hilbert"), lattice.nSites(), hamiltonian.model());
        AnsatzSpec ansatz = ansatz(root.section("ansatz"), lattice, hilbert);
        SamplerSpec sampler = sampler(root.section("sampler"), lattice.nSites(), hilbert);
        OptimizerSpec optimizer = optimizer(root.section("optimizer"));
        PreconditionerSpec preconditioner = preconditioner(root.section("preconditioner"));
        Section eval = root.section("evaluation");
        int evalSamples = eval.integer("samples", 20 * sampler.samples(), 1, 1_000_000_000);
        eval.finish();
        List<ObservableSpec> observables = new ArrayList<>();
        for (Section s : root.sections("observables")) {
            for (ObservableSpec o : observables(s, lattice, hamiltonian.units())) {
                // the ansatz lives in the rotated frame when H is: measure U Ô U† there
                observables.add(hamiltonian.marshallSign()
                        ? o.withOperator(SpinModels.marshallRotated(o.operator(), lattice)) : o);
            }
        }
        Section output = root.section("output");
        Path outputRoot = Path.of(output.string("directory", "runs"));
        output.finish();
        Section checkpoint = root.section("checkpoint");
        int every = checkpoint.integer("every", 50, 0, 100_000_000);
        checkpoint.finish();
        Optional<ReferenceEnergy> reference = root.optionalSection("reference").map(r -> {
            ReferenceEnergy e = new ReferenceEnergy(
                    r.real("energy", null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
                    r.real("error", 0.0, 0, Double.POSITIVE_INFINITY), r.string("source", null));
            r.finish();
            return e;
        });
        root.finish();
        return new RunConfig(source, name, seed, threads, iterations, lattice, hilbert, hamiltonian, ansatz, sampler,
                optimizer, preconditioner, evalSamples, List.copyOf(observables), outputRoot, every, reference,
                root.resolved());
    }

    static Lattice lattice(Section s) {
        String type = s.choice("type", null, "chain", "square", "rectangular", "triangular", "honeycomb", "kagome",
                "custom");
        Lattice lattice;
        if (type.equals("custom")) {
            int n = s.integer("sites", null, 1, MAX_SITES);
            List<Edge> edges = new ArrayList<>();
            for (int[] e : s.integerRows("edges", 2, 3)) {
                if (e[0] < 0 || e[0] >= n || e[1] < 0 || e[1] >= n) {
                    throw s.invalid("edges", "edge [" + e[0] + ", " + e[1] + "] names a site outside 0.." + (n - 1) + ".");
                }
                if (e[0] == e[1]) {
                    throw s.invalid("edges", "edge [" + e[0] + ", " + e[1] + "] joins a site to itself.");
                }
                if (e.length == 3 && e[2] < 0) {
                    throw s.invalid("edges", "edge colours must be >= 0, got " + e[2] + ".");
                }
                edges.add(new Edge(e[0], e[1], e.length == 3 ? e[2] : 0));
            }
            if (edges.isEmpty()) {
                throw s.invalid("edges", "a custom lattice needs at least one edge [i, j] or [i, j, colour].");
            }
            lattice = Lattice.custom(n, edges);
        } else {
            LatticeCell cell = switch (type) {
                case "chain" -> LatticeCell.CHAIN;
                case "square", "rectangular" -> LatticeCell.SQUARE;
                case "triangular" -> LatticeCell.TRIANGULAR;
                case "honeycomb" -> LatticeCell.HONEYCOMB;
                default -> LatticeCell.KAGOME;
            };
            String sizeKey;
            int[] extents;
            if (type.equals("rectangular")) {
                extents = new int[] {s.integer("lx", null, 1, MAX_SITES), s.integer("ly", null, 1, MAX_SITES)};
                sizeKey = "ly";
            } else if (cell.dimension() == 2 && !type.equals("square") && s.has("extent")) {
                extents = s.integers("extent", 1, MAX_SITES);
                if (extents.length != 2 || s.has("length")) {
                    throw s.invalid("extent", "give either length: L (L x L cells) or extent: [L1, L2], two cell counts"
                            + " along a1 and a2.");
                }
                sizeKey = "extent";
            } else {
                int l = s.integer("length", null, 1, MAX_SITES);
                extents = type.equals("chain") ? new int[] {l} : new int[] {l, l};
                sizeKey = "length";
            }
            long sites = (long) cell.nBasis() * extents[0] * (extents.length > 1 ? extents[1] : 1);
            if (sites > MAX_SITES) {
                throw s.invalid(sizeKey, "the lattice has " + sites + " sites; at most " + MAX_SITES + " are supported.");
            }
            Boundary boundary = s.choice("boundary", "periodic", "periodic", "open").equals("periodic")
                    ? Boundary.PERIODIC : Boundary.OPEN;
            boolean nnn = s.bool("next_nearest", false);
            int order = nnn ? 2 : 1;
            if (s.has("max_neighbor_order")) {
                order = s.integer("max_neighbor_order", null, 1, MAX_NEIGHBOR_ORDER);
                if (nnn && order != 2) {
                    throw s.invalid("max_neighbor_order", "next_nearest: true means max_neighbor_order: 2; give one"
                            + " of the two.");
                }
            }
            s.resolve("max_neighbor_order", order);
            lattice = type.equals("rectangular") && extents[1] == 1
                    ? Lattice.bravais(LatticeCell.CHAIN, new int[] {extents[0]}, boundary, order)
                    : Lattice.bravais(cell, extents, boundary, order);
            if (lattice.edges().isEmpty()) {
                throw s.invalid(sizeKey, "a " + type + " of " + lattice.nSites() + " site(s) has no bonds; use at"
                        + " least 2 sites.");
            }
        }
        s.finish();
        return lattice;
    }

    static HamiltonianSpec hamiltonian(Section s, Lattice lattice) {
        String model = s.choice("model", null, "heisenberg", "xxz", "ising", "j1j2", "pauli");
        boolean pauliDefault = model.equals("ising") || model.equals("pauli");
        Units units = s.choice("units", pauliDefault ? "pauli" : "spin", "pauli", "spin").equals("pauli")
                ? Units.PAULI : Units.SPIN_HALF;
        Map<String, Double> couplings = new LinkedHashMap<>();
        PauliSumOperator op;
        boolean marshall = false;
        try {
            switch (model) {
                case "heisenberg" -> {
                    couplings.put("J", s.real("J", 1.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
                    op = SpinModels.heisenberg(lattice, couplings.get("J"), units);
                }
                case "xxz" -> {
                    couplings.put("J", s.real("J", 1.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
                    couplings.put("delta", s.real("delta", null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
                    op = SpinModels.xxz(lattice, couplings.get("J"), couplings.get("delta"), units);
                }
                case "ising" -> {
                    couplings.put("J", s.real("J", 1.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
                    couplings.put("h", s.real("h", null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
                    op = SpinModels.transverseFieldIsing(lattice, couplings.get("J"), couplings.get("h"), units);
                }
                case "j1j2" -> {
                    couplings.put("J1", s.real("J1", 1.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
                    couplings.put("J2", s.real("J2", null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
                    if (lattice.edges(1).isEmpty()) {
                        throw s.invalid("model", "j1j2 needs next-nearest bonds (colour 1): set lattice.next_nearest:"
                                + " true, or give custom edges [i, j, 1].");
                    }
                    op = SpinModels.j1j2(lattice, couplings.get("J1"), couplings.get("J2"), units);
                }
                default -> op = SpinModels.fromTerms(lattice.nSites(), pauliTerms(s, lattice, units));
            }
            if (!model.equals("ising") && !model.equals("pauli")) {
                marshall = s.bool("marshall_sign", false);
                if (marshall) {
                    if (!lattice.isBipartite()) {
                        throw s.invalid("marshall_sign", "Marshall's sign rule needs a bipartite lattice (nearest-"
                                + "neighbour bonds 2-colourable); " + lattice + " is not. Use a complex ansatz instead.");
                    }
                    op = SpinModels.marshallRotated(op, lattice);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(s.where() + ": section 'hamiltonian' (model " + model + " on " + lattice + "): "
                    + e.getMessage() + ".");
        }
        s.finish();
        return new HamiltonianSpec(model, units, Map.copyOf(couplings), marshall, op);
    }

    /**
     * Pauli-string terms: {@code {coefficient: c, operators: "ZZ", sites: [i, j]}} for one term, or
     * {@code on: bonds} (every bond, optionally of one {@code colour}) or {@code on: sites} (every
     * site) to place the string everywhere. In spin units each single-site operator carries 1/2.
     */
    static List<PauliString> pauliTerms(Section s, Lattice lattice, Units units) {
        List<PauliString> terms = new ArrayList<>();
        List<Section> items = s.sections("terms");
        if (items.isEmpty()) {
            throw s.missing("terms", "a list of {coefficient, operators, sites} or {coefficient, operators, on}");
        }
        for (Section t : items) {
            double c = t.real("coefficient", null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            String ops = t.string("operators", null).trim();
            if (!ops.matches("[XYZIxyzi]+")) {
                throw t.invalid("operators", "must be a word of X, Y, Z, I such as ZZ or XYZ, got '" + ops + "'.");
            }
            double factor = c * units.product(ops.replaceAll("[Ii]", "").length());
            String on = t.choice("on", "sites-list", "sites-list", "bonds", "sites");
            try {
                switch (on) {
                    case "bonds" -> {
                        if (ops.length() != 2) {
                            throw t.invalid("operators", "on: bonds places two-site strings; got '" + ops + "'.");
                        }
                        int colour = t.integer("colour", -1, -1, 1000);
                        int placed = 0;
                        for (Edge e : lattice.edges()) {
                            if (colour < 0 || e.colour() == colour) {
                                terms.add(PauliString.of(factor, ops, e.i(), e.j()));
                                placed++;
                            }
                        }
                        if (placed == 0) {
                            throw t.invalid("colour", "the lattice has no bonds of colour " + colour + ".");
                        }
                    }
                    case "sites" -> {
                        if (ops.length() != 1) {
                            throw t.invalid("operators", "on: sites places one-site operators; got '" + ops + "'.");
                        }
                        for (int i = 0; i < lattice.nSites(); i++) {
                            terms.add(PauliString.of(factor, ops, i));
                        }
                    }
                    default -> {
                        int[] sites = t.integers("sites", 0, lattice.nSites() - 1);
                        terms.add(PauliString.of(factor, ops, sites));
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException(t.where() + ": term '" + t.path() + "': " + e.getMessage() + ".");
            }
            t.finish();
        }
        return terms;
    }

    static SpinHilbert hilbert(Section s, int n, String model) {
        boolean conserving = model.equals("heisenberg") || model.equals("xxz") || model.equals("j1j2");
        String dflt = conserving ? (n % 2 == 0 ? "0" : "0.5") : "none";
        String text = s.string("total_sz", dflt).trim();
        SpinHilbert hilbert;
        if (text.equalsIgnoreCase("none")) {
            hilbert = SpinHilbert.unconstrained(n);
        } else {
            double sz;
            try {
                sz = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw s.invalid("total_sz", "expected a number such as 0 or 0.5, or none, got '" + text + "'.");
            }
            double twice = 2 * sz;
            if (twice != Math.rint(twice) || Math.abs(twice) > n || (((long) twice) + n) % 2 != 0) {
                throw s.invalid("total_sz", "total S_z = " + text + " is impossible for " + n + " spins-1/2: it must be"
                        + " a multiple of 1/2 between " + (-n / 2.0) + " and " + (n / 2.0) + " with 2·S_z of the parity of N.");
            }
            hilbert = SpinHilbert.fixedMagnetization(n, (int) twice);
        }
        s.finish();
        return hilbert;
    }

    static AnsatzSpec ansatz(Section s, Lattice lattice, SpinHilbert hilbert) {
        String type = s.choice("type", "rbm", "rbm", "jastrow", "ffnn");
        boolean complex = s.bool("complex", true);
        int alpha = type.equals("rbm") ? s.integer("alpha", 1, 1, 1024) : 0;
        List<Integer> layers = List.of();
        if (type.equals("ffnn")) {
            if (s.has("layers")) {
                layers = Arrays.stream(s.integers("layers", 1, 1024)).boxed().toList();
                if (layers.isEmpty()) {
                    throw s.invalid("layers", "an ffnn needs at least one hidden layer: a list of hidden-unit"
                            + " densities alpha_l >= 1 (M_l = alpha_l N), e.g. [2, 1].");
                }
            } else {
                layers = List.of(1, 1);
                s.resolve("layers", layers);
            }
        }
        String symmetry = type.equals("rbm") ? s.choice("symmetry", "none", "none", "translations") : "none";
        if (symmetry.equals("translations") && (lattice.cell().isEmpty()
                || lattice.boundary().orElse(Boundary.OPEN) != Boundary.PERIODIC)) {
            throw s.invalid("symmetry", "'translations' needs a chain, square, rectangular, triangular, honeycomb or"
                    + " kagome lattice with periodic boundaries; the " + lattice.name() + " has no translation group"
                    + " (use 'none').");
        }
        ProjectionSpec projection = projection(s, lattice, hilbert, complex, symmetry.equals("translations"));
        // log cosh has zero slope at 0: a deep network of tiny weights starts next to a stationary point
        double scale = s.real("init_scale", type.equals("ffnn") ? 0.1 : 0.01, 0, 10);
        Optional<Path> initFrom = Optional.empty();
        if (s.has("init_from")) {
            Path file = Path.of(s.string("init_from", null));
            if (!Files.isRegularFile(file)) {
                throw s.invalid("init_from", "no file " + file.toAbsolutePath() + " (a parameters.npy of an earlier run;"
                        + " relative paths start from the working directory).");
            }
            initFrom = Optional.of(file.toAbsolutePath());
            // the resolved config (and so a resume from any directory) names the file absolutely
            s.resolve("init_from", initFrom.get().toString());
        }
        s.finish();
        return new AnsatzSpec(type, complex, alpha, layers, symmetry, projection, scale, initFrom);
    }

    /**
     * {@code ansatz.projection}: a word (none, point_group, spin_flip, point_group+spin_flip: the
     * trivial sector) or a section {group: translations | point_group | space_group | automorphisms,
     * momentum: [n1, n2], irrep: A1 | A2 | B1 | B2 | E | E1 | E2, spin_flip: +1 | -1}. The sector is
     * built here so that a sector the cluster does not have is an error at this line.
     */
    static ProjectionSpec projection(Section s, Lattice lattice, SpinHilbert hilbert, boolean complex,
                                     boolean translationSymmetric) {
        ProjectionSpec spec;
        if (s.has("projection") && s.isSection("projection")) {
            Section p = s.section("projection");
            String group = p.choice("group", null, "translations", "point_group", "space_group", "automorphisms");
            int parity = 0;
            if (p.has("spin_flip")) {
                parity = p.integer("spin_flip", null, -1, 1);
                if (parity == 0) {
                    throw p.invalid("spin_flip", "the spin-flip parity is +1 (even) or -1 (odd); leave it out for no"
                            + " spin-flip projection.");
                }
            }
            if (group.equals("automorphisms")) {
                spec = new ProjectionSpec.Automorphisms(parity);
            } else {
                if (lattice.cell().isEmpty()) {
                    throw p.invalid("group", "'" + group + "' needs a lattice with coordinates; the " + lattice.name()
                            + " has no coordinates (use group: automorphisms).");
                }
                int dim = lattice.extents().length;
                List<Integer> momentum = p.has("momentum")
                        ? Arrays.stream(p.integers("momentum", Integer.MIN_VALUE, Integer.MAX_VALUE)).boxed().toList()
                        : java.util.Collections.nCopies(dim, 0);
                if (momentum.size() != dim) {
                    throw p.invalid("momentum", "needs " + dim + " integer(s) n_a, k = 2π Σ_a (n_a/L_a) b_a, for the "
                            + lattice.name() + ".");
                }
                p.resolve("momentum", momentum);
                Optional<String> irrep = p.has("irrep") ? Optional.of(p.string("irrep", null).trim().toUpperCase())
                        : Optional.empty();
                SpaceGroup.Scope scope = SpaceGroup.Scope.valueOf(group.toUpperCase());
                spec = new ProjectionSpec.LatticeSector(scope, momentum, irrep, parity);
            }
            p.finish();
            requireSector(p, spec, lattice, complex, translationSymmetric);
        } else {
            String word = s.choice("projection", "none", "none", "point_group", "spin_flip", "point_group+spin_flip");
            int parity = word.contains("spin_flip") ? 1 : 0;
            if (word.contains("point_group") && lattice.cell().isEmpty()) {
                throw s.invalid("projection", "'point_group' needs a lattice with coordinates; the " + lattice.name()
                        + " has no coordinates (use 'none', 'spin_flip' or {group: automorphisms}).");
            }
            spec = word.contains("point_group") ? new ProjectionSpec.LatticeSector(SpaceGroup.Scope.POINT_GROUP,
                    java.util.Collections.nCopies(lattice.extents().length, 0), Optional.empty(), parity)
                    : parity != 0 ? new ProjectionSpec.SpinFlip(parity) : new ProjectionSpec.None();
        }
        if (spec.spinParity() != 0 && hilbert.hasFixedMagnetization() && hilbert.sumSigma() != 0) {
            throw s.invalid("projection", "the spin flip maps total S_z to -S_z, so it is a symmetry only of the"
                    + " S_z = 0 sector or of the whole space; hilbert.total_sz is " + hilbert.sumSigma() / 2.0 + ".");
        }
        return spec;
    }

    /** Builds the sector once, so that what the lattice cannot carry is reported at the config line. */
    private static void requireSector(Section p, ProjectionSpec spec, Lattice lattice, boolean complex,
                                      boolean translationSymmetric) {
        try {
            if (spec instanceof ProjectionSpec.LatticeSector l) {
                if (translationSymmetric && !l.atZeroMomentum()) {
                    throw p.invalid("momentum", "a translation-symmetric RBM (ansatz.symmetry: translations) has"
                            + " momentum 0; for momentum " + l.momentum() + " use symmetry: none.");
                }
                SymmetrySector sector = lattice.spaceGroup().sector(l.scope(), l.momentumArray(), l.irrep());
                if (!complex && !sector.isReal()) {
                    throw p.invalid("momentum", "momentum " + l.momentum() + " has complex characters; a real ansatz"
                            + " (complex: false) cannot carry it. Use complex: true.");
                }
            } else if (spec instanceof ProjectionSpec.Automorphisms) {
                GraphAutomorphisms.of(lattice, ProjectionSpec.Automorphisms.LIMIT);
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(p.where() + ": section '" + p.path() + "': " + e.getMessage() + ".");
        }
    }

    static SamplerSpec sampler(Section s, int n, SpinHilbert hilbert) {
        String move = s.choice("move", hilbert.hasFixedMagnetization() ? "exchange" : "flip",
                "flip", "exchange", "exchange-any");
        if (move.equals("flip") && hilbert.hasFixedMagnetization()) {
            throw s.invalid("move", "single flips change S_z, but hilbert.total_sz fixes it; use exchange or"
                    + " exchange-any, or set hilbert.total_sz: none.");
        }
        int chains = s.integer("chains", 16, 1, 1 << 20);
        int samples = s.integer("samples", 1008, 1, 100_000_000);
        int perChain = (samples + chains - 1) / chains;
        if (perChain * chains != samples) {
            s.resolve("samples", perChain * chains); // rounded up to whole chains
        }
        int discard = s.integer("discard", 5, 0, 1_000_000);
        int sweep = s.integer("sweep", n, 1, 1 << 24);
        s.finish();
        return new SamplerSpec(move, chains, perChain, discard, sweep);
    }

    static OptimizerSpec optimizer(Section s) {
        String type = s.choice("type", "sgd", "sgd", "adam");
        double lr = s.positive("learning_rate", 0.02);
        double decay = s.real("learning_rate_decay", 1.0, 0, 1);
        if (!(decay > 0)) {
            throw s.invalid("learning_rate_decay", "must be in (0, 1]; 1 keeps the learning rate constant.");
        }
        double lrMin = s.real("learning_rate_min", lr, 0, lr);
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        if (type.equals("adam")) {
            b1 = s.real("beta1", 0.9, 0, 0.999999);
            b2 = s.real("beta2", 0.999, 0, 0.999999999);
            eps = s.positive("epsilon", 1e-8);
        }
        double maxInfidelity = Double.NaN;
        if (s.has("max_infidelity")) {
            maxInfidelity = s.real("max_infidelity", null, 0, 1);
            if (!(maxInfidelity > 0 && maxInfidelity < 1)) {
                throw s.invalid("max_infidelity", "must be in (0, 1): the largest accepted 1 - |<psi|psi'>|^2 of one"
                        + " step, estimated from the step's samples (e.g. 0.2); leave it out for no limit.");
            }
        }
        s.finish();
        return new OptimizerSpec(type, lr, decay, lrMin, b1, b2, eps, maxInfidelity);
    }

    static PreconditionerSpec preconditioner(Section s) {
        String type = s.choice("type", "sr", "sr", "none");
        if (type.equals("none")) {
            s.finish();
            return new PreconditionerSpec(type, 0, "absolute", 1, 0, "auto", 0, 0);
        }
        double shift = s.real("diag_shift", 0.01, 0, 1e6);
        String mode = s.choice("shift_mode", "absolute", "absolute", "relative");
        double decay = s.real("shift_decay", 1.0, 0, 1);
        double min = s.real("shift_min", Math.min(shift, 1e-4), 0, 1e6);
        String solver = s.choice("solver", "auto", "auto", "cholesky", "cg", "minsr");
        double tol = s.real("cg_tolerance", 1e-6, 1e-15, 1);
        int maxIt = s.integer("cg_max_iterations", 1000, 1, 10_000_000);
        if (mode.equals("relative") && solver.equals("minsr")) {
            throw s.invalid("solver", "minsr needs shift_mode: absolute (a relative shift scales S's diagonal, which the"
                    + " sample-space solve never forms).");
        }
        s.finish();
        return new PreconditionerSpec(type, shift, mode, decay, min, solver, tol, maxIt);
    }

    /** Largest lattice for which a family of N observables with N-site sums is estimated every sample. */
    static final int MAX_FAMILY_SITES = 64;

    static List<ObservableSpec> observables(Section s, Lattice lattice, Units units) {
        String type = s.choice("type", null, "magnetization", "staggered_magnetization", "correlation",
                "structure_factor", "pauli", "correlations", "structure_factors");
        if (type.equals("correlations") || type.equals("structure_factors")) {
            return family(s, type, lattice, units);
        }
        return List.of(observable(s, type, lattice, units));
    }

    /**
     * C(r) = mean_i S_i·S_{i+r} (or the zz part) for every displacement r, or S^zz(q) for every
     * lattice momentum q_a = 2π n_a / L_a; Bravais lattices only.
     */
    static List<ObservableSpec> family(Section s, String type, Lattice lattice, Units units) {
        int[] ext = lattice.extents();
        if (ext.length == 0) {
            throw s.invalid("type", type + " needs a lattice with coordinates (cell displacements and"
                    + " momenta); on a custom graph list pairs with type: correlation.");
        }
        boolean correlations = type.equals("correlations");
        boolean zz = correlations && s.choice("component", "full", "full", "zz").equals("zz");
        if ((!correlations || !zz) && lattice.nSites() > MAX_FAMILY_SITES) {
            throw s.invalid("type", type + (correlations ? " with component: full" : "") + " on " + lattice.nSites()
                    + " sites would cost O(N²) ratios per sample; it is limited to " + MAX_FAMILY_SITES + " sites."
                    + (correlations ? " Use component: zz." : " Use type: structure_factor with one momentum."));
        }
        String group = correlations ? "correlations" : "structure_factor";
        int lx = ext[0];
        int ly = ext.length > 1 ? ext[1] : 1;
        List<ObservableSpec> out = new ArrayList<>();
        try {
            for (int y = 0; y < ly; y++) {
                for (int x = 0; x < lx; x++) {
                    List<Integer> coordinate = ext.length == 1 ? List.of(x) : List.of(x, y);
                    String label = ext.length == 1 ? Integer.toString(x) : x + "," + y;
                    PauliSumOperator op = correlations
                            ? Observables.translationAveragedCorrelation(lattice, x, y, zz, units)
                            : Observables.structureFactor(lattice,
                                    lattice.momentum(ext.length == 1 ? new int[] {x} : new int[] {x, y}), units);
                    out.add(new ObservableSpec((correlations ? "C(" : "S(") + label + ")", type, op, group, coordinate));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(s.where() + ": observable '" + s.path() + "': " + e.getMessage() + ".");
        }
        s.finish();
        return out;
    }

    static ObservableSpec observable(Section s, String type, Lattice lattice, Units units) {
        int n = lattice.nSites();
        PauliSumOperator op;
        String dflt;
        try {
            switch (type) {
                case "magnetization" -> {
                    op = Observables.magnetization(n, units);
                    dflt = "magnetization";
                }
                case "staggered_magnetization" -> {
                    op = Observables.staggeredMagnetizationSquared(lattice, units);
                    dflt = "staggered_magnetization_squared";
                }
                case "correlation" -> {
                    int[] sites = s.integers("sites", 0, n - 1);
                    if (sites.length != 2 || sites[0] == sites[1]) {
                        throw s.invalid("sites", "a correlation needs two distinct sites [i, j].");
                    }
                    String comp = s.choice("component", "full", "full", "zz");
                    op = comp.equals("zz") ? Observables.zz(n, sites[0], sites[1], units)
                            : Observables.spinCorrelation(n, sites[0], sites[1], units);
                    dflt = (comp.equals("zz") ? "zz_" : "ss_") + sites[0] + "_" + sites[1];
                }
                case "structure_factor" -> {
                    int[] ext = lattice.extents();
                    List<Double> qs = new ArrayList<>();
                    int[] m = s.integers("momentum", Integer.MIN_VALUE, Integer.MAX_VALUE);
                    if (m.length != ext.length) {
                        throw s.invalid("momentum", "needs " + ext.length + " integer(s) n_a, one per lattice"
                                + " dimension, for q = 2π Σ_a (n_a/L_a) b_a, q_a = 2π·n_a/L_a on the square lattice"
                                + " (e.g. [2, 2] on 4x4 is q = (π, π)).");
                    }
                    double[] q = lattice.momentum(m);
                    for (double qa : q) {
                        qs.add(qa);
                    }
                    op = Observables.structureFactor(lattice, q, units);
                    dflt = "structure_factor";
                    s.derived("q", qs);
                }
                default -> {
                    op = SpinModels.fromTerms(n, pauliTerms(s, lattice, units));
                    dflt = null;
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(s.where() + ": observable '" + s.path() + "': " + e.getMessage() + ".");
        }
        String name = s.string("name", Optional.ofNullable(dflt).orElse(s.path()));
        s.finish();
        return ObservableSpec.single(name, type, op);
    }
}
