package org.nqs4j.vmc.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nqs4j.ansatz.GaussianParameters;
import org.nqs4j.ansatz.FeedForwardNetwork;
import org.nqs4j.ansatz.Jastrow;
import org.nqs4j.ansatz.Gcnn;
import org.nqs4j.ansatz.ProjectedWaveFunction;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.SublatticePhases;
import org.nqs4j.ansatz.SymmetricRbm;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.ansatz.fermion.FermionWaveFunction;
import org.nqs4j.hamiltonians.ClassicalSpiral;
import org.nqs4j.hamiltonians.Edge;
import org.nqs4j.hamiltonians.Lattice;
import org.nqs4j.hamiltonians.SpinHilbert;
import org.nqs4j.hamiltonians.hilbert.BosonHilbert;
import org.nqs4j.hamiltonians.hilbert.FermionHilbert;
import org.nqs4j.hamiltonians.symmetry.GraphAutomorphisms;
import org.nqs4j.hamiltonians.symmetry.SymmetrySector;
import org.nqs4j.optimizers.Adam;
import org.nqs4j.optimizers.IdentityPreconditioner;
import org.nqs4j.optimizers.Optimizer;
import org.nqs4j.optimizers.Preconditioner;
import org.nqs4j.optimizers.Schedule;
import org.nqs4j.optimizers.Sgd;
import org.nqs4j.optimizers.sr.DiagonalShift;
import org.nqs4j.optimizers.sr.SrSolver;
import org.nqs4j.optimizers.sr.SrSolvers;
import org.nqs4j.optimizers.sr.StochasticReconfiguration;
import org.nqs4j.samplers.ChainPool;
import org.nqs4j.samplers.ExchangeRule;
import org.nqs4j.samplers.LocalFlipRule;
import org.nqs4j.samplers.ExactSampler;
import org.nqs4j.samplers.FullSumSampler;
import org.nqs4j.samplers.MetropolisSampler;
import org.nqs4j.samplers.Sampler;
import org.nqs4j.vmc.parallel.Collective;
import org.nqs4j.vmc.parallel.World;
import org.nqs4j.samplers.TransitionRule;
import org.nqs4j.vmc.config.AnsatzSpec;
import org.nqs4j.vmc.config.ConfigException;
import org.nqs4j.vmc.config.OptimizerSpec;
import org.nqs4j.vmc.config.PreconditionerSpec;
import org.nqs4j.vmc.config.ProjectionSpec;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.SamplerSpec;
import org.nqs4j.vmc.driver.SampledOperator;
import org.nqs4j.vmc.driver.VmcDriver;
import org.nqs4j.vmc.io.NpyReader;

/**
 * The live objects of a run, built from its config: wave function (seeded), sampler (seeded,
 * one stream per chain), preconditioner, optimiser, thread pool and driver.
 *
 * <p>Seeds: the parameters are drawn from {@code seed}, the chains from {@code seed + 1}, so the
 * two streams never coincide.
 */
public final class RunSetup implements AutoCloseable {
    private final WaveFunction psi;
    private final Sampler sampler;
    private final Optimizer optimizer;
    private final Preconditioner preconditioner;
    private final ChainPool pool;
    private final VmcDriver driver;
    private final List<Stage> stages;
    private final Collective collective;

    private RunSetup(RunConfig c, Collective collective) {
        boolean molecule = MoleculeSetup.applies(c);
        // the ansatz as configured: the first stage of a growing RBM
        WaveFunction configured = molecule ? MoleculeSetup.waveFunction(c)
                : c.ansatz().fermion().isPresent() ? FermionSetup.initialised(c) : initialised(c, c.ansatz());
        if (c.ansatz().initFrom().isPresent()) {
            configured.setParameters(warmStart(c.ansatz().initFrom().get(), configured));
        }
        SamplerSpec s = c.sampler();
        ConfigAgreement.check(c, collective);
        if (s.chains() < collective.size()) {
            throw new ConfigException("sampler.chains = " + s.chains() + " cannot be split over " + collective.size()
                    + " MPI ranks: every rank runs whole chains; use at least as many chains as ranks");
        }
        this.collective = collective;
        this.pool = new ChainPool(c.threads());
        List<AnsatzSpec.Growth> growth = c.ansatz().growth();
        List<WaveFunction> grown = new ArrayList<>(List.of(configured));
        for (int k = 1; k <= growth.size(); k++) {
            grown.add(initialised(c, c.ansatz().stage(k)));
        }
        this.psi = grown.get(growth.size());
        int start = growth.isEmpty() ? 0 : growth.get(growth.size() - 1).after();
        this.sampler = sampler(c, psi);
        this.optimizer = optimizer(c.optimizer(), start);
        this.preconditioner = preconditioner(c.preconditioner(), c.ansatz().fermion().isPresent()
                ? FermionSetup.determinantParameters(c.ansatz().fermion().get(), psi.nParameters(),
                        (FermionHilbert) c.hilbert())
                : c.ansatz().pairProduct() ? PairProductSetup.pairMatrix(psi, c.ansatz(), c.lattice())
                : new int[] {0, psi.nParameters()}, start);
        this.driver = driver(c, psi, sampler, preconditioner, optimizer, pool, collective,
                c.ansatz().samplesPerChain(growth.size(), c.sampler()));
        List<Stage> earlier = new ArrayList<>();
        if (c.ansatz().pretrainIterations() > 0) {
            earlier.add(new SymmetricPretraining(c.ansatz(), c.lattice().translations(),
                    c.ansatz().pretrainIterations(), pretrainingDriver(c, pool, collective)));
        }
        for (int k = 0; k < growth.size(); k++) {
            WaveFunction stagePsi = grown.get(k);
            int from = k == 0 ? 0 : growth.get(k - 1).after();
            VmcDriver d = driver(c, stagePsi, sampler(c, stagePsi), preconditioner(c.preconditioner(),
                    new int[] {0, stagePsi.nParameters()}, from), optimizer(c.optimizer(), from), pool, collective,
                    c.ansatz().samplesPerChain(k, c.sampler()));
            earlier.add(new GrowthStage(d, growth.get(k).after(), c.ansatz().stage(k).alpha(), grown.get(k + 1),
                    c.ansatz().stepSamples(k + 1, c.sampler())));
        }
        this.stages = List.copyOf(earlier);
    }

    /** The ansatz of {@code a} on the config's lattice, its exchanges tabulated, parameters drawn from the seed. */
    private static WaveFunction initialised(RunConfig c, AnsatzSpec a) {
        WaveFunction psi = c.hilbert() instanceof BosonHilbert bosons ? BosonSetup.waveFunction(a, bosons)
                : waveFunction(a, c.lattice(), c.hamiltonian().marshallSign());
        if (c.hilbert() instanceof SpinHilbert spins && spins.hasFixedMagnetization()) {
            // exchange moves and the Hamiltonian's exchange terms act on the bonds
            psi.tabulateExchanges(Edge.sitePairs(c.lattice().edges()));
        }
        if (a.pairProduct()) { // the RBM drawn, F next to its Fermi-sea start
            PairProductSetup.initialise(psi, a, c.lattice(), c.seed(), a.initScale());
        } else {
            GaussianParameters.initialise(psi, c.seed(), a.initScale());
        }
        return psi;
    }

    private static VmcDriver driver(RunConfig c, WaveFunction psi, Sampler sampler,
                                    Preconditioner preconditioner, Optimizer optimizer, ChainPool pool,
                                    Collective collective, int samplesPerChain) {
        VmcDriver d = new VmcDriver(psi, SampledOperator.forOperator(c.hamiltonian().operator()), sampler, preconditioner, optimizer, pool,
                samplesPerChain, c.sampler().discardSweeps(), collective);
        if (!Double.isNaN(c.optimizer().maxInfidelity()) && !sampler.weighsSamples()) {
            d.limitStepInfidelity(c.optimizer().maxInfidelity());
        }
        return d;
    }

    /**
     * The driver of the pretraining stage: the translation-symmetric RBM of the same α (and
     * projection), the same sampler settings, seeds and learning-rate schedule, preconditioned by SR
     * with Carleo &amp; Troyer's relative shift d_k = ε_p S_kk, ε_p = max(100·0.9^p, 10⁻⁴) (Science
     * 2017, supplement), floored at ε_p·10⁻²·max_l S_ll. The tied weights make S ill-conditioned near
     * the uniform start: the example's absolute 0.01 diverges in the first step at L = 100. And
     * there O_b = Σ_t tanh θ_{f,t} barely varies in a fixed-S_z sector (Σᵢσᵢ is constant), so
     * S_bb ≈ 0 and without the floor δ_b = F_b/(S_bb(1 + ε_p)) runs away (measured: b → −65 in
     * the first step on a 6-site ring, every tanh saturated).
     */
    private static VmcDriver pretrainingDriver(RunConfig c, ChainPool pool, Collective collective) {
        WaveFunction symmetric = initialised(c, c.ansatz().symmetricPretraining());
        SamplerSpec s = c.sampler();
        Sampler chains = sampler(c, symmetric);
        Preconditioner sr = new StochasticReconfiguration(SrSolvers.auto(),
                DiagonalShift.relative(Schedule.exponentialDecay(100, 0.9, 1e-4), 1e-2));
        return driver(c, symmetric, chains, sr, optimizer(c.optimizer(), 0), pool, collective, s.samplesPerChain());
    }

    /** The objects of a run of this process's {@link World}. */
    public static RunSetup build(RunConfig config) {
        return build(config, World.get());
    }

    /** The objects of a run whose chains are split over the ranks of {@code collective}. */
    public static RunSetup build(RunConfig config, Collective collective) {
        return new RunSetup(config, collective);
    }

    /**
     * The ansatz of {@code a} on {@code lattice}, projected as configured; {@code marshallFrame}: the Hamiltonian
     * is Marshall-rotated (the pair product of rbm_pp, a physical state, is then written in that frame).
     */
    static WaveFunction waveFunction(AnsatzSpec a, Lattice lattice, boolean marshallFrame) {
        SymmetrySector sector = switch (a.projection()) {
            case ProjectionSpec.None none -> null;
            case ProjectionSpec.SpinFlip flip -> SymmetrySector.trivial("spin flip",
                    new int[][] {java.util.stream.IntStream.range(0, lattice.nSites()).toArray()});
            case ProjectionSpec.LatticeSector l -> lattice.spaceGroup().sector(l.scope(), l.momentumArray(), l.irrep());
            case ProjectionSpec.Automorphisms g -> SymmetrySector.trivial("automorphisms",
                    GraphAutomorphisms.of(lattice, ProjectionSpec.Automorphisms.LIMIT));
        };
        if (a.type().equals("gcnn")) {
            return gcnn(a, lattice, sector);
        }
        // projected onto momentum k, a symmetric RBM's features are shared over the translations that keep k
        int[][] tied = a.translationSymmetric() ? a.projection().tiedTranslations(lattice) : null;
        WaveFunction psi = a.pairProduct() ? PairProductSetup.waveFunction(a, lattice, tied, marshallFrame)
                : unprojected(a, lattice, tied);
        if (a.signRule() == AnsatzSpec.SignRule.SPIRAL) {
            ClassicalSpiral spiral = ClassicalSpiral.of(lattice).orElseThrow();
            psi = new SublatticePhases(psi, spiral.phaseIndex(), spiral.period(), "the classical spiral's phases, "
                    + spiral.label(lattice) + (spiral.commensurate() ? "" : ", the torus's best compromise"));
        }
        if (sector == null) {
            return psi;
        }
        int parity = a.projection().spinParity();
        String label = sector.label() + (parity == 0 ? "" : parity > 0 ? ", spin flip +1" : ", spin flip -1");
        if (tied != null && !a.pairProduct()) { // images that the tied weights make equal are evaluated once (F is not tied)
            SymmetrySector classes = sector.modulo(tied);
            return ProjectedWaveFunction.onClasses(psi, sector.permutations(), classes.permutations(),
                    classes.characterRe(), classes.characterIm(), parity, label);
        }
        return ProjectedWaveFunction.onSector(psi, sector.permutations(), sector.characterRe(), sector.characterIm(),
                parity, label);
    }

    /** The G-CNN over the sector's group, with kernels on all of it or on its point-group elements. */
    private static WaveFunction gcnn(AnsatzSpec a, Lattice lattice, SymmetrySector sector) {
        int[][] group = sector.permutations();
        int[] support = Gcnn.fullKernel(group.length);
        if (a.kernel() == AnsatzSpec.Kernel.POINT_GROUP) {
            java.util.Set<java.util.List<Integer>> point = new java.util.HashSet<>();
            for (int[] row : lattice.spaceGroup().pointGroup()) {
                point.add(java.util.Arrays.stream(row).boxed().toList());
            }
            support = java.util.stream.IntStream.range(0, group.length)
                    .filter(g -> point.contains(java.util.Arrays.stream(group[g]).boxed().toList())).toArray();
        }
        return Gcnn.onSector(group, sector.characterRe(), sector.characterIm(), a.projection().spinParity(),
                a.layers().stream().mapToInt(Integer::intValue).toArray(), support, a.hidden(), sector.label());
    }

    /** The ansatz before any projection; {@code tied}: the permutations a symmetric RBM shares its features over. */
    private static WaveFunction unprojected(AnsatzSpec a, Lattice lattice, int[][] tied) {
        int n = lattice.nSites();
        if (tied != null) {
            return a.complex() ? SymmetricRbm.complex(tied, a.alpha()) : SymmetricRbm.real(tied, a.alpha());
        }
        return switch (a.type()) {
            case "rbm" -> a.complex() ? Rbm.complex(n, a.alpha()) : Rbm.real(n, a.alpha());
            case "jastrow" -> a.complex() ? Jastrow.complex(n) : Jastrow.real(n);
            case "ffnn" -> {
                int[] alphas = a.layers().stream().mapToInt(Integer::intValue).toArray();
                yield a.complex() ? FeedForwardNetwork.complex(n, a.hidden(), alphas)
                        : FeedForwardNetwork.real(n, a.hidden(), alphas);
            }
            default -> throw new IllegalArgumentException("unknown ansatz " + a.type());
        };
    }

    /**
     * The parameters of {@code file} for {@code psi}: the same ansatz, or a smaller one of the same
     * kind (fewer hidden units or features, {@link WaveFunction#embedSmaller}), whose added units
     * keep {@code psi}'s current (freshly drawn) values; refused otherwise.
     */
    static double[] warmStart(Path file, WaveFunction psi) {
        NpyReader.Vector v;
        try {
            v = NpyReader.read(file);
        } catch (IOException e) {
            throw new ConfigException("key 'ansatz.init_from': " + e.getMessage());
        }
        for (double x : v.data()) {
            if (!Double.isFinite(x)) {
                throw new ConfigException("key 'ansatz.init_from': " + file + " holds a non-finite parameter.");
            }
        }
        if (v.complex() == psi.isComplex() && v.length() == psi.nParameters()) {
            return v.data();
        }
        double[] params = new double[psi.parameterArrayLength()];
        psi.getParameters(params);
        if (v.complex() == psi.isComplex() && v.length() < psi.nParameters() && psi.embedSmaller(v.data(), params)) {
            return params;
        }
        throw new ConfigException("key 'ansatz.init_from': " + file + " holds " + v.length() + (v.complex() ? " complex"
                : " real") + " parameters; this ansatz, " + psi.description() + ", has " + psi.nParameters()
                + (psi.isComplex() ? " complex" : " real") + " ones (start from a run of the same ansatz, or of the"
                + " same kind with fewer hidden units or features).");
    }

    /**
     * The configured sampler of {@code psi}, its streams seeded from seed + 1: Metropolis chains, with
     * parallel tempering when replicas &gt; 1 (molecules: excitations from the Hartree–Fock configuration), independent exact draws, or the
     * weighted full sum.
     */
    private static Sampler sampler(RunConfig c, WaveFunction psi) {
        SamplerSpec s = c.sampler();
        return switch (s.method()) {
            case EXACT -> new ExactSampler(psi, c.hilbert(), s.chains(), c.seed() + 1);
            case FULL_SUM -> new FullSumSampler(psi, c.hilbert(), s.chains());
            case METROPOLIS -> MoleculeSetup.applies(c) ? MoleculeSetup.sampler(c, psi)
                    : new MetropolisSampler(psi, c.hilbert(), rule(s.move(), c), s.chains(), s.sweepSize(),
                            s.temperatures(), c.seed() + 1);
        };
    }

    /**
     * Chains of the trained {@code psi} that check the final estimate ({@link org.nqs4j.vmc.config.FreshChains}):
     * as many as the run's and tempered as they are, each from random configurations of its own stream (seeded
     * from seed + 2), with {@code move} (the run's in its {@link #farReaching} form: what the trained chains
     * missed, these should not). Untempered, they would split where a tempered run's ψ needs the ladder to mix,
     * and fail a sound estimate.
     */
    static MetropolisSampler freshChains(RunConfig c, WaveFunction psi, String move) {
        SamplerSpec s = c.sampler();
        return new MetropolisSampler(psi, c.hilbert(), rule(move, c), s.chains(), s.sweepSize(), s.temperatures(),
                c.seed() + 2);
    }

    /** {@code move} between any two sites where the Hilbert space has that form of it (not a boson's hop). */
    static String farReaching(String move, RunConfig c) {
        return switch (move) {
            case "exchange" -> "exchange-any";
            case "hop" -> c.hilbert() instanceof BosonHilbert ? move : "hop-any";
            default -> move;
        };
    }

    static TransitionRule rule(String move, RunConfig c) {
        return switch (move) {
            case "flip" -> new LocalFlipRule(c.lattice().nSites());
            case "exchange" -> ExchangeRule.onEdges(c.lattice().edges());
            case "exchange-any" -> ExchangeRule.anyPair(c.lattice().nSites());
            case "hop" -> c.hilbert() instanceof BosonHilbert bosons ? BosonSetup.hopRule(c.lattice(), bosons)
                    : FermionSetup.rule(move, c);
            case "hop-any" -> FermionSetup.rule(move, c);
            default -> throw new IllegalArgumentException("unknown move " + move);
        };
    }

    /** {@code start}: the step the learning-rate schedule counts from (a grown RBM's stage restarts it). */
    static Optimizer optimizer(OptimizerSpec o, int start) {
        Schedule lr = Schedule.exponentialDecay(o.learningRate(), o.learningRateDecay(), o.learningRateMin())
                .restartedAt(start);
        return switch (o.type()) {
            case "sgd" -> new Sgd(lr);
            case "adam" -> new Adam(lr, o.beta1(), o.beta2(), o.epsilon());
            default -> throw new IllegalArgumentException("unknown optimizer " + o.type());
        };
    }

    /**
     * {@code relative}: [from, to), the parameters that take the relative part {@code diag_scale} of the
     * shift; {@code start}: the step the shift schedule counts from.
     */
    static Preconditioner preconditioner(PreconditionerSpec p, int[] relative, int start) {
        if (p.type().equals("none")) {
            return new IdentityPreconditioner();
        }
        Schedule eps = Schedule.exponentialDecay(p.diagShift(), p.shiftDecay(), p.shiftMin()).restartedAt(start);
        DiagonalShift shift = p.shiftMode().equals("relative") ? DiagonalShift.relative(eps)
                : DiagonalShift.absolutePlusRelative(eps, p.diagScale(), relative[0], relative[1]);
        SrSolver solver = switch (p.solver()) {
            case "cholesky" -> SrSolvers.denseCholesky();
            case "cg" -> SrSolvers.conjugateGradient(p.cgTolerance(), p.cgMaxIterations());
            case "minsr" -> SrSolvers.sampleSpace();
            default -> SrSolvers.auto(p.cgTolerance(), p.cgMaxIterations());
        };
        return new StochasticReconfiguration(solver, shift, p.momentum());
    }

    public WaveFunction waveFunction() {
        return psi;
    }

    public Sampler sampler() {
        return sampler;
    }

    /** The driver of the configured ansatz (after the pretraining stage or growth, if any). */
    public VmcDriver driver() {
        return driver;
    }

    /** The driver that performs step {@code iteration}: that of the stage it lies in, else {@link #driver()}. */
    public VmcDriver driverFor(int iteration) {
        return stageOf(iteration).map(Stage::driver).orElse(driver);
    }

    /** The processes this run's chains are split over (one, unless launched by mpirun). */
    public Collective collective() {
        return collective;
    }

    /** The {@code "stage"} of step {@code iteration}'s log line: "pretrain", "alpha 8"; none for the final stage. */
    public Optional<String> stageLabel(int iteration) {
        return stageOf(iteration).map(Stage::label);
    }

    /**
     * Hands the stage that ends at {@code iteration} (if one does) over to the next; call once, before
     * step {@code iteration}. Returns the message of the hand-over.
     */
    public Optional<String> handOverAt(int iteration) {
        for (int k = 0; k < stages.size(); k++) {
            if (stages.get(k).end() == iteration) {
                stages.get(k).handOver(driverAfter(k));
                return Optional.of(stages.get(k).handOverMessage(driverAfter(k).waveFunction().description()));
            }
        }
        return Optional.empty();
    }

    /**
     * Carries the state of step {@code iteration}'s driver into the configured ansatz: every stage not
     * yet ended is handed over in turn (for parameters.npy of a run that stops inside a stage).
     */
    public void handOverFrom(int iteration) {
        for (int k = 0; k < stages.size(); k++) {
            if (stages.get(k).end() > iteration) {
                stages.get(k).handOver(driverAfter(k));
            }
        }
    }

    /** The driver that takes over from stage {@code k}: the next stage's, or the configured ansatz's after the last. */
    private VmcDriver driverAfter(int k) {
        return k + 1 < stages.size() ? stages.get(k + 1).driver() : driver;
    }

    private Optional<Stage> stageOf(int iteration) {
        return stages.stream().filter(st -> iteration < st.end()).findFirst();
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** A copy of the current parameters. */
    public double[] parameters() {
        double[] p = new double[psi.parameterArrayLength()];
        psi.getParameters(p);
        return p;
    }

    @Override
    public void close() {
        pool.close();
    }
}
