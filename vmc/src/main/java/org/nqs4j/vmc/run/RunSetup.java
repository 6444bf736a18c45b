package org.nqs4j.vmc.run;

import java.io.IOException;
import java.nio.file.Path;
import org.nqs4j.ansatz.GaussianParameters;
import org.nqs4j.ansatz.FeedForwardNetwork;
import org.nqs4j.ansatz.Jastrow;
import org.nqs4j.ansatz.ProjectedWaveFunction;
import org.nqs4j.ansatz.Rbm;
import org.nqs4j.ansatz.SymmetricRbm;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.hamiltonians.Edge;
import org.nqs4j.hamiltonians.Lattice;
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
import org.nqs4j.samplers.MetropolisSampler;
import org.nqs4j.vmc.parallel.Collective;
import org.nqs4j.vmc.parallel.World;
import org.nqs4j.samplers.TransitionRule;
import org.nqs4j.vmc.config.AnsatzSpec;
import org.nqs4j.vmc.config.ConfigException;
import org.nqs4j.vmc.config.OptimizerSpec;
import org.nqs4j.vmc.config.PreconditionerSpec;
import org.nqs4j.vmc.config.RunConfig;
import org.nqs4j.vmc.config.SamplerSpec;
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
    private final MetropolisSampler sampler;
    private final Optimizer optimizer;
    private final Preconditioner preconditioner;
    private final ChainPool pool;
    private final VmcDriver driver;

    private RunSetup(RunConfig c, Collective collective) {
        this.psi = waveFunction(c.ansatz(), c.lattice());
        if (c.hilbert().hasFixedMagnetization()) {
            // exchange moves and the Hamiltonian's exchange terms act on the bonds
            psi.tabulateExchanges(Edge.sitePairs(c.lattice().edges()));
        }
        GaussianParameters.initialise(psi, c.seed(), c.ansatz().initScale());
        if (c.ansatz().initFrom().isPresent()) {
            psi.setParameters(warmStart(c.ansatz().initFrom().get(), psi));
        }
        SamplerSpec s = c.sampler();
        ConfigAgreement.check(c, collective);
        if (s.chains() < collective.size()) {
            throw new ConfigException("sampler.chains = " + s.chains() + " cannot be split over " + collective.size()
                    + " MPI ranks: every rank runs whole chains; use at least as many chains as ranks");
        }
        this.sampler = new MetropolisSampler(psi, c.hilbert(), rule(s, c), s.chains(), s.sweepSize(), c.seed() + 1);
        this.optimizer = optimizer(c.optimizer());
        this.preconditioner = preconditioner(c.preconditioner());
        this.pool = new ChainPool(c.threads());
        this.driver = new VmcDriver(psi, c.hamiltonian().operator(), sampler, preconditioner, optimizer, pool,
                s.samplesPerChain(), s.discardSweeps(), collective);
        if (!Double.isNaN(c.optimizer().maxInfidelity())) {
            driver.limitStepInfidelity(c.optimizer().maxInfidelity());
        }
    }

    /** The objects of a run of this process's {@link World}. */
    public static RunSetup build(RunConfig config) {
        return build(config, World.get());
    }

    /** The objects of a run whose chains are split over the ranks of {@code collective}. */
    public static RunSetup build(RunConfig config, Collective collective) {
        return new RunSetup(config, collective);
    }

    static WaveFunction waveFunction(AnsatzSpec a, Lattice lattice) {
        WaveFunction psi = unprojected(a, lattice);
        if (!a.projectsPointGroup() && !a.projectsSpinFlip()) {
            return psi;
        }
        int[][] group = a.projectsPointGroup() ? lattice.pointGroup()
                : new int[][] {java.util.stream.IntStream.range(0, lattice.nSites()).toArray()};
        return ProjectedWaveFunction.of(psi, group, a.projectsSpinFlip());
    }

    private static WaveFunction unprojected(AnsatzSpec a, Lattice lattice) {
        int n = lattice.nSites();
        if (a.translationSymmetric()) {
            int[][] group = lattice.translations();
            return a.complex() ? SymmetricRbm.complex(group, a.alpha()) : SymmetricRbm.real(group, a.alpha());
        }
        return switch (a.type()) {
            case "rbm" -> a.complex() ? Rbm.complex(n, a.alpha()) : Rbm.real(n, a.alpha());
            case "jastrow" -> a.complex() ? Jastrow.complex(n) : Jastrow.real(n);
            case "ffnn" -> {
                int[] alphas = a.layers().stream().mapToInt(Integer::intValue).toArray();
                yield a.complex() ? FeedForwardNetwork.complex(n, alphas) : FeedForwardNetwork.real(n, alphas);
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

    static TransitionRule rule(SamplerSpec s, RunConfig c) {
        return switch (s.move()) {
            case "flip" -> new LocalFlipRule(c.lattice().nSites());
            case "exchange" -> ExchangeRule.onEdges(c.lattice().edges());
            case "exchange-any" -> ExchangeRule.anyPair(c.lattice().nSites());
            default -> throw new IllegalArgumentException("unknown move " + s.move());
        };
    }

    static Optimizer optimizer(OptimizerSpec o) {
        Schedule lr = Schedule.exponentialDecay(o.learningRate(), o.learningRateDecay(), o.learningRateMin());
        return switch (o.type()) {
            case "sgd" -> new Sgd(lr);
            case "adam" -> new Adam(lr, o.beta1(), o.beta2(), o.epsilon());
            default -> throw new IllegalArgumentException("unknown optimizer " + o.type());
        };
    }

    static Preconditioner preconditioner(PreconditionerSpec p) {
        if (p.type().equals("none")) {
            return new IdentityPreconditioner();
        }
        Schedule eps = Schedule.exponentialDecay(p.diagShift(), p.shiftDecay(), p.shiftMin());
        DiagonalShift shift = p.shiftMode().equals("relative") ? DiagonalShift.relative(eps) : DiagonalShift.absolute(eps);
        SrSolver solver = switch (p.solver()) {
            case "cholesky" -> SrSolvers.denseCholesky();
            case "cg" -> SrSolvers.conjugateGradient(p.cgTolerance(), p.cgMaxIterations());
            case "minsr" -> SrSolvers.sampleSpace();
            default -> SrSolvers.auto();
        };
        return new StochasticReconfiguration(solver, shift);
    }

    public WaveFunction waveFunction() {
        return psi;
    }

    public MetropolisSampler sampler() {
        return sampler;
    }

    public VmcDriver driver() {
        return driver;
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
