package org.nqs4j.vmc.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nqs4j.ansatz.HiddenActivation;
import org.nqs4j.ansatz.SublatticePhases;
import org.nqs4j.hamiltonians.Boundary;
import org.nqs4j.hamiltonians.ClassicalSpiral;
import org.nqs4j.hamiltonians.Edge;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.LatticeCell;
import org.nqs4j.hamiltonians.Observables;
import org.nqs4j.hamiltonians.PauliString;
import org.nqs4j.hamiltonians.PauliSumOperator;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.SpinModels;
import org.nqs4j.hamiltonians.Units;
import org.nqs4j.hamiltonians.fock.FockModels;
import org.nqs4j.hamiltonians.hilbert.BosonHilbert;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;
import org.nqs4j.hamiltonians.hilbert.Hilbert;
import org.nqs4j.hamiltonians.hilbert.SumConstraint;
import org.nqs4j.hamiltonians.symmetry.GraphAutomorphisms;
import org.nqs4j.hamiltonians.symmetry.SpaceGroup;
import org.nqs4j.hamiltonians.symmetry.SymmetrySector;
import org.nqs4j.optimizers.sr.SrSolvers;
import org.nqs4j.samplers.ExactSampler;
import org.nqs4j.samplers.FullSumSampler;
import org.nqs4j.vmc.stats.LanczosStep;

/**
 * Reads and validates a run configuration. The schema, with defaults, is documented in the
 * README ("Config reference"); every key is checked for type and range, unknown keys are errors,
 * and physics objects that can be built from the config alone (lattice, Hilbert space,
 * Hamiltonian, observables) are built here so that their errors point at the config line.
 */
public final class RunConfigReader {
    private static final int MAX_SITES = 4096;
    /** η₀ by default: every shipped example and suite case converges with it. */
    public static final double DEFAULT_LEARNING_RATE = 0.02;
    private static final int MAX_EVALUATION_SAMPLES = 1_000_000_000;
    /** Longest run name: a folder name has at most 255 bytes, less room for -2, -sweep, …. */
    private static final int MAX_NAME = 240;
    /** Bond colours 0..3: nearest to fourth neighbours. */
    private static final int MAX_NEIGHBOR_ORDER = 4;

    private RunConfigReader() {
    }

    /** The spin models; every other model acts on fermions or bosons. */
    private static final List<String> SPIN_MODELS = List.of("heisenberg", "xxz", "ising", "j1j2", "pauli");

    /**
     * Reads a VMC config (file plus {@code --set key=value} overrides); a fermion or boson Hilbert
     * space is a config error, since no ansatz for them is wired in yet, except for model molecule.
     */
    public static RunConfig read(Path file, List<String> overrides) {
        return read(parse(file, overrides), file);
    }

    /** Reads a config for exact methods: every Hilbert space, spins, fermions and bosons. */
    public static RunConfig readForExact(Path file, List<String> overrides) {
        return readForExact(parse(file, overrides), file);
    }

    private static ConfigValue.Mapping parse(Path file, List<String> overrides) {
        ConfigValue.Mapping root = YamlConfigParser.parseFile(file);
        for (String o : overrides) {
            YamlConfigParser.override(root, o);
        }
        return root;
    }

    /** Reads a VMC config from a parsed tree. */
    public static RunConfig read(ConfigValue.Mapping tree, Path source) {
        return read(tree, source, true, Runtime.getRuntime().maxMemory());
    }

    /** Reads a config for exact methods from a parsed tree (no VMC part is set up: no memory estimate). */
    public static RunConfig readForExact(ConfigValue.Mapping tree, Path source) {
        return read(tree, source, false, Runtime.getRuntime().maxMemory());
    }

    /** Reads a VMC config for a JVM whose heap may grow to {@code maxHeap} bytes. */
    static RunConfig read(ConfigValue.Mapping tree, Path source, long maxHeap) {
        return read(tree, source, true, maxHeap);
    }

    private static RunConfig read(ConfigValue.Mapping tree, Path source, boolean vmc, long maxHeap) {
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
        if (name.equals(".") || name.equals("..") || name.length() > MAX_NAME) {
            throw root.invalid("name", "names the run folder, so it cannot be '.' or '..' and has at most " + MAX_NAME
                    + " characters (folder names have at most 255 bytes; the rest is kept for suffixes such as -2"
                    + " and -sweep), got '" + (name.length() > 40 ? name.substring(0, 40) + "…' (" + name.length()
                    + " characters)" : name + "'") + ".");
        }
        long seed = root.longInteger("seed", 1234L);
        int threads = root.integer("threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
        int iterations = root.integer("iterations", 300, 0, 100_000_000);

        Section hamiltonianSection = root.section("hamiltonian");
        String model = hamiltonianSection.choice("model", null, "heisenberg", "xxz", "ising", "j1j2", "pauli", "hubbard",
                "spinless_fermions", "bose_hubbard", "molecule");
        Section hilbertSection = root.section("hilbert");
        Lattice lattice;
        Hilbert hilbert;
        HamiltonianSpec hamiltonian;
        MoleculeInput molecule = null;
        if (model.equals("molecule")) {
            if (root.has("lattice")) {
                throw root.invalid("lattice", "model molecule takes no lattice: its sites are the orbitals of the"
                        + " FCIDUMP or basis set; remove the section.");
            }
            molecule = MoleculeInput.read(hamiltonianSection, source);
            lattice = Lattice.custom(molecule.operator().orbitals(), List.of()); // the orbitals, no bonds
            hilbert = molecule.hilbert(hilbertSection);
            hamiltonian = molecule.spec();
        } else {
            if (!root.has("lattice")) {
                throw root.section("lattice").missing("type", "one of chain, square, rectangular, custom: model " + model
                        + " acts on a lattice; only model molecule needs none");
            }
            lattice = lattice(root.section("lattice"));
            hilbert = hilbert(hilbertSection, lattice.nSites(), model);
            // a symmetry sector is named in the basis as written: no Marshall rotation by default then
            boolean projected = root.given("ansatz") && root.section("ansatz").givenAsSection("projection");
            hamiltonian = hamiltonian(hamiltonianSection, model, lattice, hilbert, projected);
        }
        requireConserved(hilbertSection, hilbert, hamiltonian);
        if (vmc && hilbert instanceof FermionHilbert fermions) {
            requireEverySpecies(hilbertSection, fermions);
        }
        Section ansatzSection = root.section("ansatz");
        SamplerSpec sampler;
        AnsatzSpec ansatz;
        if (molecule != null) { // molecules: their own moves and ansatz (MoleculeInput)
            sampler = MoleculeInput.sampler(root.section("sampler"), lattice.nSites(), hilbert);
            ansatz = MoleculeInput.ansatz(ansatzSection);
        } else {
            Section samplerSection = root.section("sampler");
            sampler = sampler(samplerSection, lattice.nSites(), hilbert);
            if (vmc && hilbert instanceof BosonHilbert) {
                BosonSections.requireHops(hilbertSection, lattice);
            }
            ansatz = hilbert instanceof FermionHilbert fermions
                    ? FermionConfig.ansatz(ansatzSection, lattice, fermions, hamiltonian)
                    : ansatz(ansatzSection, lattice, hilbert, hamiltonian, iterations, sampler);
            sampler = acrossNodes(samplerSection, sampler, ansatz.projection(), lattice);
        }
        Section optimizerSection = root.section("optimizer");
        boolean exactSums = sampler.method() == SamplerSpec.Method.FULL_SUM;
        OptimizerSpec optimizer = optimizer(optimizerSection, exactSums);
        if (sampler.method() == SamplerSpec.Method.FULL_SUM && !Double.isNaN(optimizer.maxInfidelity())) {
            throw optimizerSection.invalid("max_infidelity", "the step-infidelity limit is estimated from sampled"
                    + " states, and sampler.type full_sum sums over every state instead; remove max_infidelity (the"
                    + " step guard still undoes a step that raises the exact energy).");
        }
        PreconditionerSpec preconditioner = preconditioner(root.section("preconditioner"), exactSums,
                FermionConfig.defaultDiagScale(ansatz));
        Section eval = root.section("evaluation");
        // by default 20 steps' worth of the last stage's samples (those of the state estimated)
        long lastStep = ansatz.stepSamples(ansatz.growth().size(), sampler);
        int evalSamples = eval.integer("samples", sampler.method() == SamplerSpec.Method.FULL_SUM ? sampler.samples()
                : (int) Math.min(20L * lastStep, MAX_EVALUATION_SAMPLES), 1, MAX_EVALUATION_SAMPLES);
        if (sampler.method() == SamplerSpec.Method.FULL_SUM && evalSamples != sampler.samples()) {
            throw eval.invalid("samples", "with sampler.type full_sum the final estimate is the exact sum over the "
                    + sampler.samples() + " slots of the sector; remove evaluation.samples.");
        }
        LanczosStep.Mode lanczos = lanczosStep(eval, sampler);
        int lanczosSteps = eval.integer("lanczos_steps", 1, 1, 3);
        if (lanczosSteps > 1 && lanczos != LanczosStep.Mode.SAMPLED) {
            throw eval.invalid("lanczos_steps", "further Lanczos steps are taken on the sampled state; set"
                    + " lanczos_step: sampled, or remove lanczos_steps.");
        }
        EvaluationSpec evaluation = new EvaluationSpec(evalSamples, lanczos, lanczosSteps,
                freshChains(eval, sampler, model));
        eval.finish();
        List<ObservableSpec> observables = new ArrayList<>();
        List<Section> observableSections = root.sections("observables");
        if (hilbert instanceof FermionHilbert fermions) {
            for (Section s : observableSections) {
                observables.addAll(FermionConfig.observables(s, lattice, fermions));
            }
            observableSections = List.of();
        }
        for (Section s : observableSections) {
            if (hilbert instanceof BosonHilbert bosons) {
                observables.addAll(BosonSections.observables(s, lattice, bosons));
                continue;
            }
            for (ObservableSpec o : observables(s, lattice, hamiltonian.units())) {
                // the ansatz lives in the rotated frame when H is: measure U Ô U† there
                observables.add(hamiltonian.marshallSign()
                        ? o.withOperator(SpinModels.marshallRotated(o.pauliOperator(), lattice)) : o);
            }
        }
        Section output = root.section("output");
        Path outputRoot = outputDirectory(output, name);
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
        RunConfig config = new RunConfig(source, name, seed, threads, iterations, lattice, hilbert, hamiltonian,
                ansatz, sampler, optimizer, preconditioner, evaluation, List.copyOf(observables), outputRoot, every,
                reference, root.resolved());
        if (vmc) {
            checkMemory(config, tree, maxHeap);
        }
        return config;
    }

    /**
     * Refuses a run whose arrays ({@link MemoryEstimate}) cannot fit {@code maxHeap} bytes, naming
     * the key of the largest share, or that would need an array longer than Java allows.
     */
    static void checkMemory(RunConfig config, ConfigValue.Mapping tree, long maxHeap) {
        List<MemoryEstimate.Term> terms = MemoryEstimate.terms(config);
        double total = MemoryEstimate.totalBytes(terms);
        if (total > maxHeap) {
            MemoryEstimate.Term top = terms.get(0);
            StringBuilder shares = new StringBuilder();
            for (MemoryEstimate.Term t : terms.subList(0, Math.min(3, terms.size()))) {
                shares.append(shares.isEmpty() ? "" : ", ").append(t.what()).append(' ')
                        .append(MemoryEstimate.bytes(t.bytes()));
            }
            throw new ConfigException(whereKey(tree, top.key()) + ": key '" + top.key() + "': this run needs at least "
                    + MemoryEstimate.bytes(total) + " of memory (" + shares + "), more than the "
                    + MemoryEstimate.bytes(maxHeap) + " the JVM may use. Make '" + top.key() + "' smaller, or give the"
                    + " JVM more heap (e.g. NQS_JAVA_OPTS=-Xmx16g) if the machine has it.");
        }
        for (MemoryEstimate.Term t : terms) {
            if (t.largestArray() > MemoryEstimate.MAX_ARRAY) {
                throw new ConfigException(whereKey(tree, t.key()) + ": key '" + t.key() + "': the " + t.what()
                        + String.format(java.util.Locale.ROOT, " would need one array of %.3g numbers; Java arrays"
                        + " hold at most 2^31. Make '%s' smaller.", t.largestArray(), t.key()));
            }
        }
    }

    /** file:line of a dotted key of the tree, or of the deepest section on its path that exists. */
    static String whereKey(ConfigValue.Mapping tree, String dottedKey) {
        ConfigValue.Mapping node = tree;
        String where = tree.where();
        for (String part : dottedKey.split("\\.")) {
            if (!node.entries().containsKey(part)) {
                return where;
            }
            where = node.keyWhere().getOrDefault(part, where);
            if (!(node.entries().get(part) instanceof ConfigValue.Mapping m)) {
                return where;
            }
            node = m;
        }
        return where;
    }

    /**
     * {@code output.directory}, checked so that the run folder can be made in it: every component a
     * valid folder name of at most 255 bytes, the whole path within the 4096 bytes of PATH_MAX.
     */
    private static Path outputDirectory(Section output, String name) {
        String text = output.string("directory", "runs");
        Path dir;
        try {
            dir = Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw output.invalid("directory", "is not a valid path (" + e.getReason() + ").");
        }
        for (Path part : dir) {
            if (part.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
                throw output.invalid("directory", "has a folder name longer than 255 bytes, which no file system"
                        + " accepts: '" + part.toString().substring(0, 40) + "…'.");
            }
        }
        if (dir.toAbsolutePath().resolve(name).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > 4096 - 64) {
            throw output.invalid("directory", "together with the run's name gives a path longer than the 4096 bytes an"
                    + " operating system accepts; choose a shorter folder.");
        }
        return dir;
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

    static HamiltonianSpec hamiltonian(Section s, String model, Lattice lattice, Hilbert hilbert, boolean projected) {
        if (!SPIN_MODELS.contains(model)) {
            return fockHamiltonian(s, model, lattice, hilbert);
        }
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
                marshall = s.bool("marshall_sign", !projected && marshallByDefault(model, couplings, lattice));
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

    /**
     * The fermion and boson models: hubbard (t, t_prime, U, V, mu), spinless_fermions (t, V, mu)
     * and bose_hubbard (J, U, mu; n_max from the Hilbert space), see {@link FockModels}.
     */
    static HamiltonianSpec fockHamiltonian(Section s, String model, Lattice lattice, Hilbert hilbert) {
        double any = Double.POSITIVE_INFINITY;
        Map<String, Double> c = new LinkedHashMap<>();
        try {
            var op = switch (model) {
                case "hubbard" -> {
                    c.put("t", s.real("t", 1.0, -any, any));
                    c.put("t_prime", s.real("t_prime", 0.0, -any, any));
                    c.put("U", s.real("U", null, -any, any));
                    c.put("V", s.real("V", 0.0, -any, any));
                    c.put("mu", s.real("mu", 0.0, -any, any));
                    if (c.get("t_prime") != 0 && lattice.edges(1).isEmpty()) {
                        throw s.invalid("t_prime", "t_prime hops on next-nearest bonds (colour 1): set"
                                + " lattice.next_nearest: true, or give custom edges [i, j, 1].");
                    }
                    yield FockModels.hubbard(lattice, c.get("t"), c.get("t_prime"), c.get("U"), c.get("V"), c.get("mu"));
                }
                case "spinless_fermions" -> {
                    c.put("t", s.real("t", 1.0, -any, any));
                    c.put("V", s.real("V", 0.0, -any, any));
                    c.put("mu", s.real("mu", 0.0, -any, any));
                    yield FockModels.spinlessFermions(lattice, c.get("t"), c.get("V"), c.get("mu"));
                }
                default -> {
                    c.put("J", s.real("J", 1.0, -any, any));
                    c.put("U", s.real("U", null, -any, any));
                    c.put("mu", s.real("mu", 0.0, -any, any));
                    yield FockModels.boseHubbard(lattice, c.get("J"), c.get("U"), c.get("mu"), ((BosonHilbert) hilbert).nMax());
                }
            };
            s.finish();
            return new HamiltonianSpec(model, null, Map.copyOf(c), false, op);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(s.where() + ": section 'hamiltonian' (model " + model + " on " + lattice + "): "
                    + e.getMessage() + ".");
        }
    }

    /**
     * The sector must be invariant under H, or its restriction is not H and VMC/ED estimate
     * something else: asked of the operator ({@link Hilbert#violatedBy}), for every constraint.
     */
    static void requireConserved(Section s, Hilbert hilbert, HamiltonianSpec h) {
        Optional<SumConstraint> broken = hilbert.violatedBy(h.operator());
        if (broken.isEmpty()) {
            return;
        }
        int which = hilbert.constraints().indexOf(broken.get());
        String key = hilbert instanceof SpinHilbert ? "total_sz"
                : hilbert instanceof FermionHilbert f && f.nSpecies() == 2 ? (which == 0 ? "n_up" : "n_down") : "n_particles";
        throw s.invalid(key, "the Hamiltonian (model " + h.model() + ") does not conserve " + broken.get().name()
                + ": it connects states of different " + broken.get().name() + ", so the sector " + key + " = "
                + broken.get().total() + " is not invariant and its ground state is not the Hamiltonian's."
                + (hilbert instanceof SpinHilbert ? " Use total_sz: none." : ""));
    }

    /**
     * {@code type: spin} (total_sz), {@code fermions} (n_up and n_down for hubbard, n_particles for
     * spinless_fermions) or {@code bosons} (n_particles, n_max); the type defaults to the model's.
     */
    static Hilbert hilbert(Section s, int n, String model) {
        String natural = SPIN_MODELS.contains(model) ? "spin" : model.equals("bose_hubbard") ? "bosons" : "fermions";
        String type = s.choice("type", natural, "spin", "fermions", "bosons");
        if (!type.equals(natural)) {
            throw s.invalid("type", "model " + model + " acts on " + natural + (natural.equals("spin") ? "s-1/2" : "")
                    + "; set hilbert.type: " + natural + ".");
        }
        Hilbert hilbert;
        switch (type) {
            case "spin" -> {
                return spinHilbert(s, n, model);
            }
            case "fermions" -> hilbert = model.equals("hubbard")
                    ? FermionHilbert.spinful(n, s.integer("n_up", null, 0, n), s.integer("n_down", null, 0, n))
                    : FermionHilbert.spinless(n, s.integer("n_particles", null, 0, n));
            default -> {
                for (String spinKey : List.of("total_sz", "n_up", "n_down")) {
                    if (s.given(spinKey)) {
                        throw s.invalid(spinKey, "does not apply to bosons, which have n_particles (the fixed total N)"
                                + " and n_max (the largest occupation of a site).");
                    }
                }
                int particles = s.integer("n_particles", null, 0, 1_000_000);
                int nMax = s.integer("n_max", Math.max(1, particles), 1, 1000);
                if ((long) n * nMax < particles) {
                    throw s.invalid("n_max", particles + " bosons do not fit " + n + " sites with at most n_max = "
                            + nMax + " per site.");
                }
                hilbert = BosonHilbert.fixedNumber(n, nMax, particles);
            }
        }
        s.finish();
        return hilbert;
    }

    static SpinHilbert spinHilbert(Section s, int n, String model) {
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

    static AnsatzSpec ansatz(Section s, Lattice lattice, Hilbert hilbert, HamiltonianSpec hamiltonian, int iterations,
                             SamplerSpec sampler) {
        if (hilbert instanceof BosonHilbert) {
            return BosonSections.ansatz(s, initFrom(s));
        }
        String type = s.choice("type", "rbm", "rbm", "jastrow", "ffnn", "gcnn", "rbm_pp");
        boolean pairProduct = type.equals("rbm_pp");
        boolean complex = s.bool("complex", !pairProduct);
        if (type.equals("gcnn") && !complex) {
            throw s.invalid("complex", "a gcnn has complex parameters only (complex: true).");
        }
        if (pairProduct) {
            requirePairable(s, hilbert, complex);
        }
        int alpha = type.equals("rbm") ? s.integer("alpha", 1, 1, 1024) : pairProduct ? s.integer("alpha", 1, 0, 1024) : 0;
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
        if (type.equals("gcnn")) {
            layers = gcnnFeatures(s);
        }
        String symmetry = type.equals("rbm") || pairProduct ? s.choice("symmetry", "none", "none", "translations") : "none";
        if (symmetry.equals("translations") && !lattice.hasTranslations()) {
            throw s.invalid("symmetry", "'translations' needs a chain, square, rectangular, triangular, honeycomb or"
                    + " kagome lattice with periodic boundaries; the " + lattice.name() + " has no translation group"
                    + " (use 'none').");
        }
        AnsatzSpec.Pairing pairing = pairProduct ? pairing(s, lattice) : AnsatzSpec.Pairing.FREE;
        ProjectionSpec projection = projection(s, lattice, hilbert, complex);
        AnsatzSpec.SignRule signRule = signRule(s, type, complex, symmetry, projection, lattice, hilbert, hamiltonian);
        AnsatzSpec.Kernel kernel = type.equals("gcnn") ? gcnnKernel(s, projection) : AnsatzSpec.Kernel.FULL;
        boolean deep = type.equals("gcnn") || type.equals("ffnn");
        HiddenActivation hidden = deep ? hiddenActivation(s) : HiddenActivation.LOG_COSH;
        // log cosh has zero slope at 0: a deep network of tiny weights starts next to a stationary point
        double scale = s.real("init_scale", deep ? 0.1
                : type.equals("rbm") && complex && !(projection instanceof ProjectionSpec.None)
                ? projectedRbmScale(alpha * (long) (symmetry.equals("translations")
                        ? projection.tiedTranslations(lattice).length : lattice.nSites()), lattice.nSites())
                : 0.01, 0, 10);
        Optional<Path> initFrom = initFrom(s);
        initFrom.ifPresent(file -> {
            requireAsTrained(s, file, "sign_rule", signRule == AnsatzSpec.SignRule.NONE ? "none" : "spiral", "none",
                    "the phases are not in the file");
            if (deep) {
                requireAsTrained(s, file, "activation", hidden.key(), HiddenActivation.LOG_COSH.key(),
                        "the file holds weights, not the function they feed");
            }
        });
        if (!type.equals("rbm") && s.has("grow")) {
            throw s.invalid("grow", "grows an rbm to a larger alpha; a " + type + " has none.");
        }
        List<AnsatzSpec.Growth> growth = s.has("grow") ? growth(s, alpha, iterations, sampler) : List.of();
        // the pretraining RBM has momentum 0: projected onto k != 0 it vanishes
        boolean zeroMomentum = !(projection instanceof ProjectionSpec.LatticeSector l) || l.atZeroMomentum();
        int pretrain = type.equals("rbm") ? pretrainIterations(s, lattice, alpha, symmetry,
                initFrom.isPresent() || !growth.isEmpty(), zeroMomentum, iterations, sampler.samples()) : 0;
        s.finish();
        return new AnsatzSpec(type, complex, alpha, layers, symmetry, projection, scale, initFrom, pretrain, kernel,
                Optional.empty(), growth, signRule, pairing, hidden);
    }

    /**
     * {@code ansatz.activation} of a gcnn or ffnn, the activation of the layers before the last:
     * {@code log_cosh} (default) or {@code poly6} ({@link HiddenActivation}: neither is right for every network).
     */
    private static HiddenActivation hiddenActivation(Section s) {
        String key = s.choice("activation", HiddenActivation.LOG_COSH.key(), HiddenActivation.LOG_COSH.key(),
                HiddenActivation.POLY6.key());
        return key.equals(HiddenActivation.POLY6.key()) ? HiddenActivation.POLY6 : HiddenActivation.LOG_COSH;
    }

    /** {@code ansatz.pairing} of rbm_pp: {@code free} (L² amplitudes F) or {@code translations} (F invariant under them). */
    private static AnsatzSpec.Pairing pairing(Section s, Lattice lattice) {
        String pairing = s.choice("pairing", "free", "free", "translations");
        if (pairing.equals("translations") && !lattice.hasTranslations()) {
            throw s.invalid("pairing", "'translations' ties F by the translations of a chain, square, rectangular,"
                    + " triangular, honeycomb or kagome lattice with periodic boundaries; the " + lattice.name()
                    + " has none (use 'free').");
        }
        return pairing.equals("translations") ? AnsatzSpec.Pairing.TRANSLATIONS : AnsatzSpec.Pairing.FREE;
    }

    /**
     * rbm_pp, the RBM times the Gutzwiller-projected pair product: a state of N/2 ↑ and N/2 ↓ spins
     * (one pair per two sites), and real (F and the RBM correlator are real; the pair product carries the
     * sign).
     */
    private static void requirePairable(Section s, Hilbert hilbert, boolean complex) {
        if (!(hilbert instanceof SpinHilbert spins) || !spins.hasFixedMagnetization() || spins.sumSigma() != 0) {
            throw s.invalid("type", "rbm_pp pairs every up spin with a down spin: it needs spins-1/2 with"
                    + " hilbert.total_sz: 0 (and an even number of sites).");
        }
        if (complex) {
            throw s.invalid("complex", "rbm_pp is real: the pairing amplitudes F are real, the RBM is a positive"
                    + " correlator and the pair product carries the sign (complex: false; a sector of complex"
                    + " characters, momentum other than 0 or pi, needs a complex rbm instead).");
        }
    }

    /**
     * {@code ansatz.sign_rule}: {@code none} or {@code spiral}, the phases of the classical spiral of lowest
     * energy that fits the torus ({@link ClassicalSpiral}, {@link SublatticePhases}: 120° on triangular
     * clusters whose extents are multiples of 3), which needs a complex spin-½ network other than the
     * G-CNN, a periodic lattice of one site per cell, no Marshall rotation (the same sign twice), and,
     * under {@code symmetry: translations}, phases that every tied translation keeps, so that the
     * product is as symmetric as the network. The default is {@code spiral} wherever all of that holds
     * for the antiferromagnetic Heisenberg or XXZ model on a lattice that is not bipartite (where
     * {@code marshall_sign} is the default) and whose infinite lattice orders in a non-collinear spiral
     * ({@link ClassicalSpiral#noncollinear}: the triangular lattice's 120°): from a nearly constant network
     * that structure is out of reach, and the phases are cheap (no parameters, |ψ| unchanged). Measured
     * (validation/README.md, "The classical spiral's sign"): where the torus holds 120° (6 × 3 at Γ B1 −1:
     * 5.9e-2 without, 1.4e-3 with) and where its best spiral is a compromise (5 × 4 at k ≠ 0: 1.7e-2 → 6.9e-3;
     * 6 × 4: 4.5e-2 → 1.1e-2; 4 × 4: 1.4e-3 → 6.3e-4; 4 × 3: 1.4e-4 without, 0.6–1.8e-4 with from the default
     * width). Odd tori of the chain or the square lattice, frustrated only at a seam of a collinear order,
     * get it only when asked for.
     */
    static AnsatzSpec.SignRule signRule(Section s, String type, boolean complex, String symmetry,
                                        ProjectionSpec projection, Lattice lattice, Hilbert hilbert,
                                        HamiltonianSpec hamiltonian) {
        // the spiral (an enumeration of the torus's momenta) is found once, and only where it may be used
        boolean candidate = antiferromagnet(hamiltonian.model(), hamiltonian.couplings()) && !lattice.isBipartite();
        Optional<ClassicalSpiral> spiral = candidate ? ClassicalSpiral.of(lattice) : Optional.empty();
        String problem = candidate
                ? spiralProblem(type, complex, symmetry, projection, lattice, hilbert, hamiltonian, spiral) : null;
        String dflt = spiral.map(ClassicalSpiral::noncollinear).orElse(false) && problem == null ? "spiral" : "none";
        if (s.choice("sign_rule", dflt, "none", "spiral").equals("none")) {
            return AnsatzSpec.SignRule.NONE;
        }
        if (!candidate) { // asked for where it is not the default
            spiral = ClassicalSpiral.of(lattice);
            problem = spiralProblem(type, complex, symmetry, projection, lattice, hilbert, hamiltonian, spiral);
        }
        if (problem != null) {
            throw s.invalid("sign_rule", problem);
        }
        return AnsatzSpec.SignRule.SPIRAL;
    }

    /**
     * Parameters trained under another value of {@code ansatz.<key>} (a {@code sign_rule}, an
     * {@code activation}) describe another state, since only the parameters are in the file: when the
     * {@code init_from} file has its run's {@code config.resolved.yaml} beside it, the two values must
     * agree ({@code before}: the value of a run written before the key existed).
     */
    static void requireAsTrained(Section s, Path parameters, String key, String now, String before, String why) {
        Path config = parameters.resolveSibling("config.resolved.yaml");
        if (!Files.isRegularFile(config)) {
            return;
        }
        String earlier = before;
        try {
            if (YamlConfigParser.parseFile(config).entries().get("ansatz") instanceof ConfigValue.Mapping a
                    && a.entries().get(key) instanceof ConfigValue.Scalar v) {
                earlier = v.text();
            }
        } catch (ConfigException e) {
            return; // not a config this reader can judge: the parameters' shape is still checked
        }
        if (!earlier.equals(now)) {
            throw s.invalid("init_from", parameters + " was trained with ansatz." + key + ": " + earlier + " (its run's "
                    + config.getFileName() + "), this run has " + now + ": " + why + ", so the same parameters would"
                    + " describe another state. Set ansatz." + key + ": " + earlier + ".");
        }
    }

    /** Why the spiral's phases cannot multiply this ansatz, or null when they can. */
    private static String spiralProblem(String type, boolean complex, String symmetry, ProjectionSpec projection,
                                        Lattice lattice, Hilbert hilbert, HamiltonianSpec hamiltonian,
                                        Optional<ClassicalSpiral> spiral) {
        if (!(hilbert instanceof SpinHilbert spins)) {
            return "spiral is a phase structure of spin-1/2 states.";
        }
        if (type.equals("gcnn") || !complex) {
            return "spiral multiplies a complex rbm, jastrow or ffnn by complex phases"
                    + (type.equals("gcnn") ? "; a gcnn learns its own phases" : ": set complex: true") + ".";
        }
        if (hamiltonian.marshallSign()) {
            return "the Marshall rotation (hamiltonian.marshall_sign) already carries the Neel state's sign; use one"
                    + " or the other.";
        }
        if (spiral.isEmpty()) {
            return "the classical spiral is defined on periodic lattices of one site per cell (chain, square,"
                    + " rectangular, triangular); the " + lattice.name() + " is not one.";
        }
        if (symmetry.equals("translations")) {
            int nUp = spins.hasFixedMagnetization() ? (spins.nSites() + spins.sumSigma()) / 2 : -1;
            int[] phaseIndex = spiral.get().phaseIndex();
            for (int[] t : projection.tiedTranslations(lattice)) {
                if (nUp < 0 || SublatticePhases.phaseShift(phaseIndex, spiral.get().period(), t, nUp) != 0) {
                    return "with symmetry: translations the spiral's phases must be translation invariant, which"
                            + " needs a fixed total_sz with N_up Q on the reciprocal lattice" + (nUp < 0 ? ""
                            : " (N_up = " + nUp + ", " + spiral.get().label(lattice) + ")") + "; use symmetry: none.";
                }
            }
        }
        return null;
    }

    /**
     * {@code ansatz.grow}: a list of {alpha, after, init_scale, samples} (α and the step {@code after}
     * increasing, 0 &lt; after &lt; iterations): at step {@code after} the RBM grows to {@code alpha}, the added
     * units drawn at {@code init_scale} (default 0.001: small, so that the grown state starts next to the
     * trained one, but not 0, a stationary point of the new units), and each step from then on draws
     * {@code samples} (default: the previous stage's; rounded up to whole chains as sampler.samples is).
     * Not with full_sum, whose samples are the sector's states.
     */
    static List<AnsatzSpec.Growth> growth(Section s, int alpha, int iterations, SamplerSpec sampler) {
        if (iterations < 2) {
            throw s.invalid("grow", "grows the RBM during the optimisation, which needs at least 2 iterations.");
        }
        List<AnsatzSpec.Growth> stages = new ArrayList<>();
        int previousAlpha = alpha;
        int previousAfter = 0;
        int previousPerChain = sampler.samplesPerChain();
        for (Section g : s.sections("grow")) {
            if (previousAfter >= iterations - 1) {
                throw g.invalid("after", "the previous stage ends at step " + previousAfter + " of " + iterations
                        + ": no step is left for another.");
            }
            int grown = g.integer("alpha", null, previousAlpha + 1, 1024);
            int after = g.integer("after", null, previousAfter + 1, iterations - 1);
            double scale = g.real("init_scale", 0.001, 0, 10);
            if (!(scale > 0)) {
                throw g.invalid("init_scale", "the added units need a width > 0: at 0 they sit at a stationary"
                        + " point and never move (e.g. 0.001).");
            }
            if (sampler.method() == SamplerSpec.Method.FULL_SUM && g.has("samples")) {
                throw g.invalid("samples", "sampler.type full_sum visits each state of the sector once in every"
                        + " stage; remove samples.");
            }
            int chains = sampler.chains();
            int perChain = (g.integer("samples", previousPerChain * chains, 1, 100_000_000) + chains - 1) / chains;
            g.resolve("samples", perChain * chains); // rounded up to whole chains
            g.finish();
            stages.add(new AnsatzSpec.Growth(grown, after, scale, perChain));
            previousAlpha = grown;
            previousAfter = after;
            previousPerChain = perChain;
        }
        if (stages.isEmpty()) {
            throw s.invalid("grow", "lists the growth stages, e.g. [{alpha: 16, after: 1500}]; remove it for none.");
        }
        return stages;
    }

    /** The phase spread √M·N·s² a projected complex RBM starts with by default (radians). */
    static final double PROJECTED_PHASE_SPREAD = 0.5;

    /**
     * The default width of a projected complex RBM with M hidden units on N sites. The projection sums
     * images ψ_RBM(gσ) whose phases Im log ψ_RBM spread by about √M·N·s² (each unit's log cosh θ ≈ θ²/2,
     * with Re θ and Im θ of variance N·s²): at ≈ 1.8 rad they cancel except on configurations that many g
     * map onto each other, where |ψ|² then sits (J1-J2 4×4, α = 8, s = 0.1: one seed in five froze on the
     * Néel states), while tiny weights leave ψ ≈ constant, whose trivial-sector projection is an
     * eigenstate with no force (the ferromagnet: triangular 4×4 from s = 0.01 reached only 9.1e-3). Every
     * cluster measured at 0.2–1.3 rad trained (validation/README.md, "Frustrated clusters"): 0.5 rad.
     */
    static double projectedRbmScale(long hiddenUnits, int nSites) {
        return Math.sqrt(PROJECTED_PHASE_SPREAD / (Math.sqrt(hiddenUnits) * nSites));
    }

    /** {@code ansatz.init_from}: a parameters.npy of an earlier run, as an absolute path. */
    static Optional<Path> initFrom(Section s) {
        if (!s.has("init_from")) {
            return Optional.empty();
        }
        Path file = Path.of(s.string("init_from", null));
        if (!Files.isRegularFile(file)) {
            throw s.invalid("init_from", "no file " + file.toAbsolutePath() + " (a parameters.npy of an earlier run;"
                    + " relative paths start from the working directory).");
        }
        // the resolved config (and so a resume from any directory) names the file absolutely
        s.resolve("init_from", file.toAbsolutePath().toString());
        return Optional.of(file.toAbsolutePath());
    }

    /** {@code ansatz.features} of a gcnn: F₁, F₂, … features per layer (default [4, 4]). */
    private static List<Integer> gcnnFeatures(Section s) {
        if (!s.has("features")) {
            List<Integer> features = List.of(4, 4);
            s.resolve("features", features);
            return features;
        }
        List<Integer> features = Arrays.stream(s.integers("features", 1, 1024)).boxed().toList();
        if (features.isEmpty()) {
            throw s.invalid("features", "a gcnn needs at least one layer: a list of feature counts F_l >= 1, e.g. [4, 4].");
        }
        return features;
    }

    /**
     * {@code ansatz.kernel} of a gcnn: {@code full} or {@code point_group} (default for a projection
     * on the space group; else full). The group of a gcnn is its projection's, which it needs.
     */
    private static AnsatzSpec.Kernel gcnnKernel(Section s, ProjectionSpec projection) {
        if (projection instanceof ProjectionSpec.None) {
            throw s.invalid("projection", "a gcnn is built on the group of its projection; set one, e.g. projection:"
                    + " {group: space_group, irrep: A1, spin_flip: +1}.");
        }
        boolean lattice = projection instanceof ProjectionSpec.LatticeSector;
        String kernel = s.choice("kernel", lattice && ((ProjectionSpec.LatticeSector) projection).scope()
                == SpaceGroup.Scope.SPACE_GROUP ? "point_group" : "full", "full", "point_group");
        if (kernel.equals("point_group") && !lattice) {
            throw s.invalid("kernel", "'point_group' needs a projection on a lattice's point or space group; this"
                    + " projection has no point group (use 'full').");
        }
        return kernel.equals("full") ? AnsatzSpec.Kernel.FULL : AnsatzSpec.Kernel.POINT_GROUP;
    }

    /**
     * The default of {@code hamiltonian.marshall_sign}: on for the antiferromagnetic Heisenberg and XXZ
     * models (J &gt; 0, any Δ) on a bipartite lattice, where the Marshall–Lieb–Mattis theorem gives the
     * ground state the sign (−1)^(up spins on one sublattice), which the rotation removes, so that a
     * positive (or real) ansatz can represent it (Marshall 1955; Lieb &amp; Mattis 1962); off elsewhere
     * (frustrated j1j2, where the rule is only a prior, and ferromagnetic couplings, whose ground state
     * is already positive). A run projected onto a symmetry sector keeps the bare basis unless it asks
     * for the rotation: the rotation multiplies the characters of the operations that swap the
     * sublattices by (−1)^(N/2), so the sector's label would change under it.
     */
    static boolean marshallByDefault(String model, Map<String, Double> couplings, Lattice lattice) {
        return antiferromagnet(model, couplings) && lattice.isBipartite();
    }

    /** The Heisenberg or XXZ model with J &gt; 0 (any Δ): where the classical orders' sign rules are the default. */
    private static boolean antiferromagnet(String model, Map<String, Double> couplings) {
        return (model.equals("heisenberg") || model.equals("xxz")) && couplings.get("J") > 0;
    }

    /**
     * Iterations of the symmetric pretraining stage of a full RBM (0: none). {@code auto} pretrains
     * where a random start was measured to stall (validation/README.md, "Full RBM on long rings"): a
     * plain RBM on a lattice with translations whose P = N + αN + αN² exceeds the samples per step
     * (the sample-space SR regime), started from random parameters. The default stage is the first
     * half of the iterations.
     */
    static int pretrainIterations(Section s, Lattice lattice, int alpha, String symmetry, boolean warmStart,
                                  boolean zeroMomentum, int iterations, int samples) {
        String mode = s.choice("pretrain", "auto", "auto", "none", "symmetric");
        // the expansion maps hidden unit (f, t) to feature f translated by t: one site per cell
        boolean translations = lattice.cell().map(cell -> cell.nBasis() == 1).orElse(false)
                && lattice.boundary().orElse(Boundary.OPEN) == Boundary.PERIODIC;
        if (mode.equals("symmetric")) {
            if (!symmetry.equals("none") || !translations || warmStart || !zeroMomentum || iterations < 2) {
                throw s.invalid("pretrain", "'symmetric' trains the translation-symmetric RBM first and expands it"
                        + " into this one; it needs a plain RBM (symmetry: none) on a chain, square, rectangular or"
                        + " triangular lattice with periodic boundaries, no init_from or grow, a projection (if any) at"
                        + " momentum 0, and at least 2 iterations.");
            }
        } else if (mode.equals("auto")) {
            long n = lattice.nSites();
            long parameters = n + alpha * n + alpha * n * n;
            mode = symmetry.equals("none") && translations && !warmStart && zeroMomentum && iterations >= 2
                    && parameters > samples
                    ? "symmetric" : "none";
            s.resolve("pretrain", mode);
        }
        if (mode.equals("none")) {
            if (s.has("pretrain_iterations")) {
                throw s.invalid("pretrain_iterations", "is the length of the symmetric pretraining stage; this run has"
                        + " none (pretrain resolves to 'none'). Remove the key, or set pretrain: symmetric.");
            }
            return 0;
        }
        return s.integer("pretrain_iterations", iterations / 2, 1, iterations - 1);
    }

    /**
     * {@code ansatz.projection}: a word (none, point_group, spin_flip, point_group+spin_flip: the
     * trivial sector) or a section {group: translations | point_group | space_group | automorphisms,
     * momentum: [n1, n2], irrep: A1 | A2 | B1 | B2 | E | E1 | E2, spin_flip: +1 | -1}. The sector is
     * built here so that a sector the cluster does not have is an error at this line.
     */
    static ProjectionSpec projection(Section s, Lattice lattice, Hilbert hilbert, boolean complex) {
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
            requireSector(p, spec, lattice, complex);
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
        if (spec.spinParity() != 0 && hilbert instanceof SpinHilbert spins && spins.hasFixedMagnetization()
                && spins.sumSigma() != 0) {
            throw s.invalid("projection", "the spin flip maps total S_z to -S_z, so it is a symmetry only of the"
                    + " S_z = 0 sector or of the whole space; hilbert.total_sz is " + spins.sumSigma() / 2.0 + ".");
        }
        return spec;
    }

    /** Builds the sector once, so that what the lattice cannot carry is reported at the config line. */
    private static void requireSector(Section p, ProjectionSpec spec, Lattice lattice, boolean complex) {
        try {
            if (spec instanceof ProjectionSpec.LatticeSector l) {
                SymmetrySector sector = lattice.spaceGroup().sector(l.scope(), l.momentumArray(), l.irrep());
                if (!complex && !sector.isReal()) {
                    throw p.invalid("momentum", "momentum " + l.momentum() + " has complex characters; a real ansatz"
                            + " (complex: false, or rbm_pp, which is real) cannot carry it. Use complex: true (with type"
                            + " rbm, jastrow, ffnn or gcnn).");
                }
            } else if (spec instanceof ProjectionSpec.Automorphisms) {
                GraphAutomorphisms.of(lattice, ProjectionSpec.Automorphisms.LIMIT);
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(p.where() + ": section '" + p.path() + "': " + e.getMessage() + ".");
        }
    }

    static SamplerSpec sampler(Section s, int n, Hilbert hilbert) {
        SamplerSpec.Method method = samplerMethod(s, hilbert, SamplerSpec.Method.METROPOLIS);
        if (method != SamplerSpec.Method.METROPOLIS) {
            return samplerCounts(s, method, "none", n, hilbert);
        }
        String move = hilbert instanceof FermionHilbert ? FermionConfig.move(s) : spinMove(s, hilbert);
        return samplerCounts(s, SamplerSpec.Method.METROPOLIS, move, n, hilbert);
    }

    /**
     * {@code sampler.type}: {@code metropolis}, {@code exact} (independent draws over the whole
     * sector) or {@code full_sum} (every state of the sector, weighted: exact expectation values); the
     * last two enumerate the sector, which must have at most {@link ExactSampler#MAX_STATES} states,
     * and make no moves, so {@code move} is refused with them.
     */
    static SamplerSpec.Method samplerMethod(Section s, Hilbert hilbert, SamplerSpec.Method fallback) {
        String type = s.choice("type", fallback.name().toLowerCase(java.util.Locale.ROOT), "metropolis", "exact",
                "full_sum");
        if (type.equals("metropolis")) {
            return SamplerSpec.Method.METROPOLIS;
        }
        if (!(hilbert.dimension() <= ExactSampler.MAX_STATES)) {
            throw s.invalid("type", String.format(java.util.Locale.ROOT, "%s enumerates the sector, and this one has"
                    + " %.4g states (at most %d); use type: metropolis.", type, hilbert.dimension(),
                    ExactSampler.MAX_STATES));
        }
        if (s.has("move")) {
            throw s.invalid("move", type + defaulted(s) + " visits basis states directly and makes no moves; remove"
                    + " move, or set sampler.type: metropolis.");
        }
        return type.equals("exact") ? SamplerSpec.Method.EXACT : SamplerSpec.Method.FULL_SUM;
    }

    /** Says that sampler.type was not written (a molecule's small sector defaults to full_sum or exact). */
    private static String defaulted(Section s) {
        return s.has("type") ? "" : " (the default sampler.type for this sector)";
    }

    /**
     * The default spin move under a projection with nodes is {@code exchange-any}: a sector with a
     * character χ(g) ≠ 1 (momentum k ≠ 0, a non-trivial irrep, spin flip −1) makes ψ vanish on every
     * configuration that g maps to itself, and those nodes can wall off regions of the sector from
     * chains of bond exchanges, which then miss part of |ψ|² without any sign in R̂ (measured on the
     * triangular 4×3 at k ≠ 0: VMC 122 error bars below the exact energy of its own trial state).
     * Exchanges between any two sites step over them. A move written in the config is kept.
     */
    static SamplerSpec acrossNodes(Section s, SamplerSpec sampler, ProjectionSpec projection, Lattice lattice) {
        if (s.has("move") || !sampler.move().equals("exchange") || !hasNodes(projection, lattice)) {
            return sampler;
        }
        s.resolve("move", "exchange-any");
        return sampler.withMove("exchange-any");
    }

    /** Whether the projection has a character other than 1 (so that ψ has nodes it imposes). */
    static boolean hasNodes(ProjectionSpec projection, Lattice lattice) {
        if (projection.spinParity() < 0) {
            return true;
        }
        return projection instanceof ProjectionSpec.LatticeSector l
                && !lattice.spaceGroup().sector(l.scope(), l.momentumArray(), l.irrep()).isTrivial();
    }

    /** The spin moves: flip, exchange (on bonds) or exchange-any, as the sector allows. */
    private static String spinMove(Section s, Hilbert hilbert) {
        boolean fixed = !hilbert.constraints().isEmpty();
        String move = hilbert instanceof BosonHilbert ? BosonSections.move(s)
                : s.choice("move", fixed ? "exchange" : "flip", "flip", "exchange", "exchange-any");
        if (move.equals("flip") && fixed && hilbert instanceof SpinHilbert) {
            throw s.invalid("move", "single flips change S_z, but hilbert.total_sz fixes it; use exchange or"
                    + " exchange-any, or set hilbert.total_sz: none.");
        }
        if (move.startsWith("exchange") && !fixed) {
            // each chain would stay in the S_z sector it starts in: no chain samples the declared space
            throw s.invalid("move", "exchanges conserve S_z, so on hilbert.total_sz: none each chain would stay in"
                    + " the S_z sector of its random start and never sample the whole space; use move: flip, or fix"
                    + " the sector with hilbert.total_sz (e.g. 0).");
        }
        return move;
    }

    /**
     * VMC of fermions needs a particle of every species: the Slater ansätze are a product of one
     * determinant per species, and an empty one has none (ED, `nqs exact`, takes such a sector).
     */
    private static void requireEverySpecies(Section hilbertSection, FermionHilbert fermions) {
        for (int species = 0; species < fermions.nSpecies(); species++) {
            if (fermions.nParticles(species) == 0) {
                String key = fermions.nSpecies() == 1 ? "n_particles" : species == 0 ? "n_up" : "n_down";
                throw hilbertSection.invalid(key, "VMC needs at least one particle of each species (its ansatz is a"
                        + " determinant per species); with one species only, use model spinless_fermions, or compute"
                        + " this sector with nqs exact.");
            }
        }
    }

    /** The chains, samples, discard and sweep keys of the sampler section, for a move already read. */
    static SamplerSpec samplerCounts(Section s, SamplerSpec.Method method, String move, int n, Hilbert hilbert) {
        int chains = s.integer("chains", 16, 1, 1 << 20);
        int perChain;
        if (method == SamplerSpec.Method.FULL_SUM) { // every state once: the chains only split the work
            perChain = FullSumSampler.samplesPerChain(hilbert, chains);
            int covering = perChain * chains;
            if (s.integer("samples", covering, 1, 100_000_000) != covering) {
                throw s.invalid("samples", "full_sum" + defaulted(s) + " visits each of the " + hilbert.nStates()
                        + " states once: " + chains + " chains of " + perChain + " slots, samples " + covering
                        + "; remove samples, or set sampler.type: exact or metropolis to sample.");
            }
            s.resolve("samples", covering);
        } else {
            int samples = s.integer("samples", 1008, 1, 100_000_000);
            perChain = (samples + chains - 1) / chains;
            if (perChain * chains != samples) {
                s.resolve("samples", perChain * chains); // rounded up to whole chains
            }
        }
        int discard = s.integer("discard", 5, 0, 1_000_000);
        int sweep = s.integer("sweep", n, 1, 1 << 24);
        int replicas = s.integer("replicas", 1, 1, MAX_REPLICAS);
        if (method != SamplerSpec.Method.METROPOLIS) {
            requireNoMoveCount(s, "discard", discard, 5, method);
            requireNoMoveCount(s, "sweep", sweep, n, method);
            requireNoMoveCount(s, "replicas", replicas, 1, method);
        }
        double betaMin = DEFAULT_BETA_MIN;
        if (replicas > 1) {
            betaMin = s.real("beta_min", DEFAULT_BETA_MIN, 0, 1);
            if (!(betaMin > 0 && betaMin < 1)) {
                throw s.invalid("beta_min", "the hottest replica's inverse temperature must lie strictly between 0 and"
                        + " 1 (|psi|^(2 beta_min) is what it samples), got " + betaMin + ".");
            }
        } else if (s.has("beta_min")) {
            throw s.invalid("beta_min", "sets the ladder of parallel tempering, which needs sampler.replicas of 2 or"
                    + " more (replicas is " + replicas + "); remove beta_min, or set replicas.");
        }
        s.finish();
        return new SamplerSpec(method, move, chains, perChain, discard, sweep, replicas, betaMin);
    }

    /** Replicas per chain: each costs a sweep per sample. */
    static final int MAX_REPLICAS = 64;
    /**
     * The hottest replica samples |ψ|^{0.2}: nearly flat, so it crosses any valley of |ψ|²; with 4 replicas
     * on the kagome 2×4 cluster (24 sites) the swaps were accepted half of the time (validation/README.md).
     */
    static final double DEFAULT_BETA_MIN = 0.1;

    /**
     * An enumerating sampler makes no moves, so discard and sweep do nothing: another value than the
     * default is refused, and the key is left out of the resolved config. (Run folders written before
     * this check carry the defaults in config.resolved.yaml; those still resume.)
     */
    private static void requireNoMoveCount(Section s, String key, int value, int dflt, SamplerSpec.Method method) {
        if (value != dflt) {
            throw s.invalid(key, (method == SamplerSpec.Method.EXACT ? "exact" : "full_sum") + defaulted(s)
                    + " draws basis states directly and runs no Markov chain, so " + key + " does nothing; remove it,"
                    + " or set sampler.type: metropolis.");
        }
        s.resolved().remove(key);
    }

    /**
     * The learning rate and SR shift when the sampler sums exactly ({@code full_sum}): with no sampling
     * noise to damp, SR takes longer steps with less regularisation (measured on H2O/STO-3G: 0.1 and
     * 10⁻³ reach full CI within 0.04 mHa in 200 steps; 0.05 and 10⁻² were still 15.9 mHa above it after
     * 300).
     */
    public static final double EXACT_SUM_LEARNING_RATE = 0.1;
    public static final double EXACT_SUM_DIAG_SHIFT = 1e-3;

    static OptimizerSpec optimizer(Section s, boolean exactSums) {
        String type = s.choice("type", "sgd", "sgd", "adam");
        Decay lr = decay(s, "learning_rate", exactSums ? EXACT_SUM_LEARNING_RATE : DEFAULT_LEARNING_RATE,
                "learning_rate_decay", "learning_rate_min", null);
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
        return new OptimizerSpec(type, lr.initial(), lr.factor(), lr.floor(), b1, b2, eps, maxInfidelity);
    }

    /** The three keys of one schedule v_p = max(v₀ bᵖ, v_min). */
    record Decay(double initial, double factor, double floor) {
    }

    /**
     * Reads and validates one exponential-decay schedule v_p = max(v₀ bᵖ, v_min)
     * ({@link org.nqs4j.optimizers.Schedule#exponentialDecay}) exactly as the schedule requires it:
     * v₀ finite and &gt; 0, b in (0, 1], v_min in [0, v₀]. The one validator of every schedule,
     * so that the set-up never refuses a schedule the reader accepted.
     *
     * @param floorDefault the default v_min, capped at v₀; null for v₀ (a constant after any decay)
     */
    static Decay decay(Section s, String initialKey, double initialDefault, String factorKey, String floorKey,
                       Double floorDefault) {
        double initial = s.positive(initialKey, initialDefault);
        double factor = s.real(factorKey, 1.0, 0, 1);
        if (!(factor > 0)) {
            throw s.invalid(factorKey, "must be in (0, 1]: " + initialKey + " is multiplied by it at every step (1"
                    + " keeps it constant).");
        }
        double floor = s.real(floorKey, floorDefault == null ? initial : Math.min(floorDefault, initial), 0,
                Double.POSITIVE_INFINITY);
        if (floor > initial) {
            throw s.invalid(floorKey, "must be in [0, " + initialKey + " = " + initial + "]: it is the value the"
                    + " decaying " + initialKey + " stops at.");
        }
        return new Decay(initial, factor, floor);
    }

    /** {@code defaultScale}: the default of {@code diag_scale}, the relative part λ of an absolute shift. */
    static PreconditionerSpec preconditioner(Section s, boolean exactSums, double defaultScale) {
        String type = s.choice("type", "sr", "sr", "none");
        if (type.equals("none")) {
            s.finish();
            return new PreconditionerSpec(type, 0, "absolute", 1, 0, "auto", 0, 0, 0, 0);
        }
        Decay shift = decay(s, "diag_shift", exactSums ? EXACT_SUM_DIAG_SHIFT : 0.01, "shift_decay", "shift_min", 1e-4);
        String mode = s.choice("shift_mode", "absolute", "absolute", "relative");
        if (mode.equals("relative") && s.has("diag_scale")) {
            throw s.invalid("diag_scale", "is the relative part λ S_kk added to an absolute shift; with shift_mode:"
                    + " relative the whole shift is relative already (remove diag_scale, or use shift_mode: absolute).");
        }
        double scale = mode.equals("relative") ? 0 : s.real("diag_scale", defaultScale, 0, 1e6);
        String solver = s.choice("solver", "auto", "auto", "cholesky", "cg", "minsr");
        // the CG of solver cg, and of auto when it falls back to CG
        double tol = s.real("cg_tolerance", SrSolvers.DEFAULT_CG_TOLERANCE, 1e-15, 1);
        int maxIt = s.integer("cg_max_iterations", SrSolvers.DEFAULT_CG_MAX_ITERATIONS, 1, 10_000_000);
        double momentum = s.real("momentum", 0.0, 0, 1);
        if (momentum >= 1) {
            throw s.invalid("momentum", "SPRING keeps the fraction μ of the last direction; μ = 1 never forgets"
                    + " one: use 0 <= momentum < 1 (e.g. 0.9; 0 is plain SR).");
        }
        s.finish();
        return new PreconditionerSpec(type, shift.initial(), mode, shift.factor(), shift.floor(), solver, tol, maxIt,
                scale, momentum);
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
                    dflt = "total_magnetization"; // Σ_i S^z_i, not per site: the name says so
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

    /**
     * {@code evaluation.fresh_chains}: {@code auto} (the default), {@code none}, or the check's samples. Only Markov
     * chains can miss a region of |ψ|² (exact and full_sum draw or sum every state), and a molecule's chains start at
     * the Hartree–Fock configuration, which a random start of its excitation moves would take long to find.
     */
    private static FreshChains freshChains(Section eval, SamplerSpec sampler, String model) {
        String text = eval.string("fresh_chains", "auto").trim().toLowerCase(Locale.ROOT);
        FreshChains f = switch (text) {
            case "auto" -> new FreshChains.Auto();
            case "none", "false" -> new FreshChains.Off();
            default -> {
                int samples;
                try {
                    samples = Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    samples = 0;
                }
                if (samples < 1) {
                    throw eval.invalid("fresh_chains", "expected auto, none or a number of samples from 1 to "
                            + MAX_EVALUATION_SAMPLES + ", got '" + text + "'.");
                }
                yield new FreshChains.Samples(samples);
            }
        };
        boolean markovChains = sampler.method() == SamplerSpec.Method.METROPOLIS && !model.equals("molecule");
        if (!markovChains && f instanceof FreshChains.Samples) {
            throw eval.invalid("fresh_chains", model.equals("molecule")
                    ? "a molecule's chains start at the Hartree–Fock configuration, and chains from random ones would"
                            + " take long to find it; remove fresh_chains."
                    : "sampler.type " + sampler.method().name().toLowerCase(Locale.ROOT) + " has no Markov chains to"
                            + " check; remove fresh_chains.");
        }
        f = markovChains ? f : new FreshChains.Off();
        eval.resolve("fresh_chains", switch (f) {
            case FreshChains.Auto a -> "auto";
            case FreshChains.Samples n -> n.samples();
            case FreshChains.Off o -> "none";
        });
        return f;
    }

    /**
     * {@code evaluation.lanczos_step}: {@code false}/{@code none} (default), {@code true}/{@code moments}
     * (E₁ from the moments of ψ's samples) or {@code sampled} (ψ₁ drawn from |ψ₁|², Metropolis only).
     */
    private static LanczosStep.Mode lanczosStep(Section eval, SamplerSpec sampler) {
        LanczosStep.Mode mode = switch (eval.choice("lanczos_step", "none", "false", "true", "none", "moments",
                "sampled")) {
            case "true", "moments" -> LanczosStep.Mode.MOMENTS;
            case "sampled" -> LanczosStep.Mode.SAMPLED;
            default -> LanczosStep.Mode.NONE;
        };
        if (mode == LanczosStep.Mode.SAMPLED && sampler.method() != SamplerSpec.Method.METROPOLIS) {
            throw eval.invalid("lanczos_step", "sampled draws the stepped state with Metropolis chains, and sampler.type is "
                    + sampler.method().name().toLowerCase(Locale.ROOT) + "; use moments (its moments are "
                    + (sampler.method() == SamplerSpec.Method.FULL_SUM ? "exact sums there" : "from independent draws")
                    + ").");
        }
        eval.resolve("lanczos_step", mode.name().toLowerCase(Locale.ROOT));
        return mode;
    }
}
