package org.nqs4j.vmc.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.optimizers.Forces;
import org.nqs4j.optimizers.LogDerivativeSamples;
import org.nqs4j.optimizers.Optimizer;
import org.nqs4j.optimizers.Preconditioner;
import org.nqs4j.optimizers.SolverException;
import org.nqs4j.optimizers.linalg.RankExchange;
import org.nqs4j.samplers.ChainPool;
import org.nqs4j.samplers.MetropolisSampler;
import org.nqs4j.samplers.SampleVisitor;
import org.nqs4j.samplers.Sampler;
import org.nqs4j.samplers.SamplerState;
import org.nqs4j.vmc.parallel.ChainBlocks;
import org.nqs4j.vmc.parallel.ChainSplit;
import org.nqs4j.vmc.parallel.Collective;
import org.nqs4j.vmc.stats.ChainStatistics;
import org.nqs4j.vmc.stats.ConvergenceDiagnostics;
import org.nqs4j.vmc.stats.Estimate;
import org.nqs4j.vmc.stats.LanczosStep;

/**
 * The variational loop: sample |ψ_p|², estimate ⟨Ĥ⟩ and the force F = ⟨ΔO* ΔE_loc⟩, precondition
 * (e.g. SR: (S + ε) δ = F), and move p ← p − η δ.
 *
 * <p>Nothing non-finite ever reaches the parameters: a step whose direction or new parameters
 * contain NaN/Inf is rejected and reported in its {@link IterationResult}; after
 * {@value #MAX_CONSECUTIVE_FAILURES} rejected steps in a row the run stops with
 * {@link NonFiniteUpdateException}, the parameters at the last good values. Each rejection
 * multiplies the preconditioner's diagonal shift by {@value #SHIFT_RAISE} (a stronger regulariser
 * shortens the step along badly sampled directions); each accepted step halves the extra factor
 * again, down to 1.
 *
 * <p>A step is kept only once the samples of the state it produced pass the checks: the next
 * step's local energies and log-derivatives are finite, they could come from |ψ|²
 * ({@link #impossibleEnergy}: an energy below −‖H‖ or a variance far above ‖H‖²), and the energy
 * did not rise catastrophically above that of the last good state ({@link #catastrophicRise}), nor its
 * variance ({@link #varianceBlowUp}), and its chains did not split ({@link #chainsSplit}).
 * Otherwise the step is undone: parameters, optimiser and preconditioner state go back to those
 * of the last state whose samples passed ("the last good state"), the undone step counts as
 * rejected (the failure count and shift factor continue from the good state's, so that steps
 * that are accepted and then undone in turn still stop the run), and the shift is raised. A single
 * huge step (e.g. learning rate 10⁶) therefore never survives: its state is sampled once, found
 * broken, and dropped.
 *
 * <p>With {@link #limitStepInfidelity} set, a step whose new state has an estimated infidelity
 * 1 − |⟨ψ|ψ'⟩|² above the limit with the current one ({@link StepFidelity}, from the samples just
 * drawn) is rejected the same way: a large SR step along a badly sampled direction shows there
 * before it wrecks the state (a collapse of the acceptance, an energy jump by many error bars).
 *
 * <p>{@link #saveState()} captures everything that carries from one step to the next (parameters,
 * optimiser and preconditioner state, chains, the failure count and shift factor), so that a run
 * restored at an iteration boundary continues exactly as it would have.
 *
 * <p>Distributed over the ranks of a {@link Collective}, each rank runs its block of chains
 * ({@link ChainBlocks}) and the per-sample results (local energies, log-derivative rows, acceptance
 * counts, the step guard's log ψ) are gathered into the arrays one process would have filled, in
 * global chain order. Every average, the chain statistics (τ, R̂), the force, the centring and
 * the SR solve then run on identical data on every rank, so the numbers do not depend on the rank
 * count. The ranks share the column means of the centring, the force and the SR solve where they
 * split into whole entries ({@link Preconditioner#setRankExchange}: the minSR Gram rows and
 * Cholesky, the dense S); the rest is repeated on every rank, shared by its threads.
 */
public final class VmcDriver {
    static final int MAX_CONSECUTIVE_FAILURES = 5;
    static final double SHIFT_RAISE = 10;
    /** A sample variance this many times the bound on any variance rejects the step ({@link #impossibleEnergy}). */
    static final double VARIANCE_FACTOR = 1e4;
    /** Combined error bars by which the energy may rise over the last good state's ({@link #catastrophicRise}). */
    static final double RISE_SIGMAS = 5;
    /** ... plus this fraction of the bound ‖H‖ on the spectrum. */
    static final double RISE_FLOOR = 1e-3;
    /** A one-step rise of the local-energy variance by more than this factor ({@link #varianceBlowUp}) ... */
    static final double VARIANCE_JUMP = 100;
    /** ... plus this fraction of ‖H‖²/N undoes the step. */
    static final double VARIANCE_JUMP_FLOOR = 0.1;
    /** Split-R̂ of a well-mixed good state ({@link #chainsSplit}) ... */
    static final double R_HAT_MIXED = 1.1;
    /** ... and above which the chains of the state after the step count as split. */
    public static final double R_HAT_SPLIT = 1.2;

    private final WaveFunction psi;
    private final SampledOperator hamiltonian;
    private final Sampler sampler;
    private final Preconditioner preconditioner;
    private final Optimizer optimizer;
    private final ChainPool pool;
    private final ChainBlocks blocks;
    /** Who runs which chains in the next step (several ranks only). */
    private ChainSplit split;
    /** The ranks that share the update's kernels (centring, force, SR solve); {@link RankExchange#SINGLE} alone. */
    private final RankExchange ranks;
    private final int samplesPerChain;
    private final int discardSweeps;

    private final LogDerivativeSamples logDerivatives;
    private final double[] localEnergies;
    private final double[] meanO;
    private final double[] force;
    private final double[] direction;
    private final double[] parameters;
    private final ChainScratch[] scratch;
    /** Per chain (proposed, accepted) of the last sampling, gathered from all ranks. */
    private final double[] acceptanceCounts;
    private int consecutiveFailures;
    private double shiftScale = 1;
    /** The step-infidelity limit, or null for none. */
    private StepGuard guard;

    /** The last good state (its samples passed the checks), restored when the step after it is undone. */
    private final double[] goodParameters;
    private double[] goodOptimizer;
    private double[] goodPreconditioner;
    private int goodFailures;
    private double goodShiftScale;
    private double goodAcceptance;
    private Estimate goodEnergy;
    /** The chains as the good state's sampling left them (this rank's), where an undone step sends them back. */
    private SamplerState goodChains;
    private int goodIteration = -1;
    /** True when a step moved the parameters and no samples of the new state have been checked yet. */
    private boolean unjudged;

    /**
     * Per-chain buffers, so that chains on different threads share nothing mutable. The 2-double
     * result is padded to 16 doubles: written per sample, it must not share a cache line with
     * another chain's.
     */
    private static final class ChainScratch {
        final SampledOperator.LocalValue localValue;
        final double[] value = new double[16];

        ChainScratch(SampledOperator op) {
            localValue = op.newLocalValue();
        }

        /** O_loc(x) of the chain's current configuration, stored as (re, im) at {@code dst[2·index]}. */
        void storeLocalValue(WalkerCache cache, double[] dst, int index) {
            localValue.evaluate(cache, value);
            dst[2 * index] = value[0];
            dst[2 * index + 1] = value[1];
        }

        /** O_loc(x) at {@code dst[2·index]} and (Ô²ψ)(x)/ψ(x) at {@code second[2·index]}, both (re, im). */
        void storeLocalValues(WalkerCache cache, NeighbourValue neighbours, double[] dst, double[] second, int index) {
            localValue.evaluateSecond(cache, neighbours, value);
            dst[2 * index] = value[0];
            dst[2 * index + 1] = value[1];
            second[2 * index] = value[2];
            second[2 * index + 1] = value[3];
        }
    }

    public VmcDriver(WaveFunction psi, SampledOperator hamiltonian, Sampler sampler,
                     Preconditioner preconditioner, Optimizer optimizer, ChainPool pool,
                     int samplesPerChain, int discardSweeps) {
        this(psi, hamiltonian, sampler, preconditioner, optimizer, pool, samplesPerChain, discardSweeps,
                Collective.single());
    }

    /** A driver whose chains are split over the ranks of {@code collective}. */
    public VmcDriver(WaveFunction psi, SampledOperator hamiltonian, Sampler sampler,
                     Preconditioner preconditioner, Optimizer optimizer, ChainPool pool,
                     int samplesPerChain, int discardSweeps, Collective collective) {
        this.psi = psi;
        this.hamiltonian = hamiltonian;
        this.sampler = sampler;
        this.preconditioner = preconditioner;
        preconditioner.setTaskRunner(pool::forEach);
        this.optimizer = optimizer;
        this.pool = pool;
        this.blocks = new ChainBlocks(collective, sampler.nChains());
        // a weighted sum (exact sampling of a small sector) is over in moments: nothing to balance
        this.split = collective.size() > 1 && !sampler.weighsSamples() ? ChainSplit.bySpeed() : ChainSplit.EVEN;
        this.ranks = collective.size() == 1 ? RankExchange.SINGLE : blocks.solverExchange();
        preconditioner.setRankExchange(ranks);
        this.samplesPerChain = samplesPerChain;
        this.discardSweeps = discardSweeps;
        int nSamples = sampler.nChains() * samplesPerChain;
        this.logDerivatives = sampler.weighsSamples() // weighted rows are scaled per row: no factored storage
                ? new LogDerivativeSamples(nSamples, psi.nParameters(), psi.isComplex())
                : LogDerivativeSamples.forAnsatz(nSamples, psi);
        this.localEnergies = new double[2 * nSamples];
        int len = psi.parameterArrayLength();
        this.meanO = new double[len];
        this.force = new double[len];
        this.direction = new double[len];
        this.parameters = new double[len];
        this.goodParameters = new double[len];
        this.scratch = new ChainScratch[sampler.nChains()];
        this.acceptanceCounts = new double[4 * sampler.nChains()];
        for (int c = 0; c < scratch.length; c++) {
            scratch[c] = new ChainScratch(hamiltonian);
        }
    }

    public int nSamples() {
        return logDerivatives.nSamples();
    }

    /**
     * Rejects (as a failed step: the shift raised, the parameters kept) every step whose estimated
     * infidelity 1 − F with the current state exceeds {@code max} ({@link StepFidelity}). Costs
     * two evaluations of log ψ per sample and step (at the old and the new parameters).
     *
     * @param max in (0, 1)
     */
    public void limitStepInfidelity(double max) {
        if (sampler.weighsSamples()) {
            throw new IllegalArgumentException("the step-infidelity estimate needs Monte Carlo samples, not a weighted sum");
        }
        guard = new StepGuard(psi, blocks, samplesPerChain, max);
    }

    /**
     * How the chains are dealt to the ranks from step to step (default on several ranks:
     * {@link ChainSplit#bySpeed}); the numbers do not depend on it.
     */
    public void splitChainsBy(ChainSplit split) {
        this.split = split;
    }

    /** The ansatz this driver optimises. */
    public WaveFunction waveFunction() {
        return psi;
    }

    /** The processes whose chains this driver's samples come from. */
    public Collective collective() {
        return blocks.collective();
    }

    /** One optimisation step; {@code iteration} is 0-based and drives the schedules. */
    public IterationResult step(int iteration) {
        long t0 = System.nanoTime();
        long exchanged = blocks.exchangeNanos();
        double[] rows = logDerivatives.rowsToFill();
        sampler.sample(samplesPerChain, discardSweeps, (c, s, cache) -> {
            int index = c * samplesPerChain + s;
            scratch[c].storeLocalValue(cache, localEnergies, index);
            logDerivatives.store(index, cache);
            if (guard != null) {
                guard.record(c, index, cache);
            }
        }, pool, blocks.first(), blocks.end());
        double ownSampling = (System.nanoTime() - t0) * 1e-9;
        blocks.gather(localEnergies, 2 * samplesPerChain);
        blocks.gather(rows, logDerivatives.storedRowLength() * samplesPerChain);
        if (sampler.weighsSamples()) {
            logDerivatives.weigh(sampler.weights());
        }
        Acceptances accepted = acceptances(sampler);
        double acceptance = accepted.moves();
        long t1 = System.nanoTime();
        Estimate energy = estimate(localEnergies, 0, samplesPerChain);
        double energyImag = estimate(localEnergies, 1, samplesPerChain).mean();
        String event = judge(energy, acceptance);
        boolean undone = event != null && unjudged;
        if (undone) {
            event += "; the step of iteration " + (iteration - 1) + " is undone (parameters back to those sampled at"
                    + " iteration " + goodIteration + ")";
            restoreGood();
        } else if (event == null) {
            keepGood(energy, acceptance, iteration);
            preconditioner.setShiftScale(shiftScale);
            event = update(iteration);
        }
        unjudged = event == null;
        long t2 = System.nanoTime();
        if (event == null) {
            consecutiveFailures = 0;
            shiftScale = Math.max(1, shiftScale / 2);
        } else if (++consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
            throw new NonFiniteUpdateException("iteration " + iteration + ": " + consecutiveFailures
                    + " optimisation steps in a row were rejected (last: " + event + "); the parameters are "
                    + (goodIteration < 0 ? "left at their initial values"
                    : "back at the last good values, those sampled at iteration " + goodIteration)
                    + ". Lower the learning rate or raise the SR diagonal shift.");
        } else {
            shiftScale *= SHIFT_RAISE;
            event += "; diagonal shift raised to " + shiftScale + " x its schedule";
        }
        balanceChains(ownSampling);
        return new IterationResult(iteration, energy, energyImag, acceptance, accepted.swaps(), event == null, undone, event,
                event == null ? preconditioner.lastSolveNote() : null,
                (t1 - t0) * 1e-9, (t2 - t1) * 1e-9, (blocks.exchangeNanos() - exchanged) * 1e-9);
    }

    /**
     * Deals the chains anew when {@link #split} says so, from every rank's sampling time of this
     * step: first every chain's state (and the good state's chains, where an undone step sends them)
     * goes to every rank, then each runs its new chains from where their old rank left them.
     */
    private void balanceChains(double ownSamplingSeconds) {
        if (blocks.collective().size() == 1 || split == ChainSplit.EVEN) {
            return;
        }
        int[] next = split.next(blocks.gatherPerRank(ownSamplingSeconds), blocks.chainsPerRank());
        if (next == null) {
            return;
        }
        SamplerState now = gatherChains(sampler.saveState());
        SamplerState good = goodChains == null ? null : gatherChains(goodChains);
        blocks.resplit(next);
        sampler.restoreState(now);
        goodChains = good;
    }

    /**
     * The fractions of the proposals and of the replica swaps (parallel tempering; NaN without) accepted by
     * all chains of {@code sampler} in its last sampling, from every chain's counts, gathered and summed exactly.
     */
    private Acceptances acceptances(Sampler sampler) {
        int nChains = sampler.nChains();
        double[] counts = acceptanceCounts;
        for (int c = blocks.first(); c < blocks.end(); c++) {
            counts[4 * c] = sampler.proposed(c);
            counts[4 * c + 1] = sampler.accepted(c);
            counts[4 * c + 2] = sampler.swapsProposed(c);
            counts[4 * c + 3] = sampler.swapsAccepted(c);
        }
        blocks.gather(counts, 4);
        long[] sums = new long[4];
        for (int c = 0; c < nChains; c++) {
            for (int k = 0; k < 4; k++) {
                sums[k] += (long) counts[4 * c + k];
            }
        }
        return new Acceptances(sums[0] == 0 ? Double.NaN : (double) sums[1] / sums[0],
                sums[2] == 0 ? Double.NaN : (double) sums[3] / sums[2]);
    }

    private record Acceptances(double moves, double swaps) {
    }

    /**
     * Checks the samples of the current state: null when they are usable (and, after a step, show
     * that the step did no harm), else why not. Centres the log-derivatives.
     */
    private String judge(Estimate energy, double acceptance) {
        if (!allFinite(localEnergies)) {
            return "non-finite local energy";
        }
        String impossible = impossibleEnergy(energy, hamiltonian.normBound());
        if (impossible != null) {
            return impossible;
        }
        if (unjudged) {
            String rise = catastrophicRise(goodEnergy, energy, hamiltonian.normBound());
            if (rise != null) {
                return rise;
            }
            String blowUp = varianceBlowUp(goodEnergy, energy, hamiltonian.normBound(), psi.configurationSize());
            if (blowUp != null) {
                return blowUp;
            }
            String split = chainsSplit(goodEnergy, goodAcceptance, energy, acceptance);
            if (split != null) {
                return split;
            }
        }
        logDerivatives.center(meanO, ranks, pool::forEach);
        // a NaN or ±∞ anywhere in a column of O makes its mean non-finite: P checks, not N_s·P
        return allFinite(meanO) ? null : "non-finite log-derivative O_k";
    }

    /** The current state passed its checks: it becomes the one a rollback returns to. */
    private void keepGood(Estimate energy, double acceptance, int iteration) {
        psi.getParameters(goodParameters);
        goodOptimizer = optimizer.saveState();
        goodPreconditioner = preconditioner.saveState();
        goodFailures = consecutiveFailures;
        goodShiftScale = shiftScale;
        goodEnergy = energy;
        goodAcceptance = acceptance;
        goodIteration = iteration;
        goodChains = sampler.saveState();
    }

    /**
     * Undoes the last step: the state, and the failure count and shift factor (so that the undone
     * step counts as a rejection of the good state's step), and the chains' configurations, which
     * the broken state's sampling may have led where the good state has (almost) no weight (J1-J2
     * 6×6: left there, they stayed out of equilibrium under the restored parameters, variance 1.8·10⁴,
     * R̂ ≈ 15 from then on); their random streams go on.
     */
    private void restoreGood() {
        psi.setParameters(goodParameters);
        optimizer.restoreState(goodOptimizer);
        preconditioner.restoreState(goodPreconditioner);
        consecutiveFailures = goodFailures;
        shiftScale = goodShiftScale;
        if (goodChains != null) {
            sampler.restoreState(new SamplerState(goodChains.configurations(), sampler.saveState().randomStates()));
        }
    }

    /** Computes and applies the update from centred O; returns null on success or why it was rejected. */
    private String update(int iteration) {
        Forces.compute(logDerivatives, localEnergies, force, ranks, pool::forEach);
        try {
            preconditioner.apply(logDerivatives, force, direction, iteration);
        } catch (SolverException e) {
            return "preconditioner failed: " + e.getMessage();
        }
        if (!allFinite(direction)) {
            preconditioner.restoreState(goodPreconditioner);
            return "non-finite update direction";
        }
        psi.getParameters(parameters);
        if (guard != null) {
            guard.rememberParameters(parameters);
        }
        optimizer.step(parameters, direction, iteration);
        if (!allFinite(parameters)) {
            forgetStep();
            return "non-finite parameters after the update";
        }
        psi.setParameters(parameters);
        String rejected = guard == null ? null : guard.check(pool);
        if (rejected != null) {
            forgetStep();
        }
        return rejected;
    }

    /**
     * A rejected step leaves no trace: the optimiser's and the preconditioner's state (Adam's moments,
     * SPRING's last direction, a CG warm start) go back to those before it, as an undone step's do.
     */
    private void forgetStep() {
        optimizer.restoreState(goodOptimizer);
        preconditioner.restoreState(goodPreconditioner);
    }

    /**
     * Why the energy of the state after a step shows that the step wrecked it, or null. The step
     * from the last good state (E_g ± δ_g) is undone when the new estimate E ± δ lies above it by
     * more than {@value #RISE_SIGMAS} combined error bars plus {@value #RISE_FLOOR} ‖H‖: SR and
     * gradient steps lower E to first order, so a rise that the sampling noise of the two
     * estimates cannot explain (5σ: 3·10⁻⁷ for Gaussian errors) is the step's doing; the floor
     * keeps a rise that is tiny on the scale of the spectrum (near an eigenstate, where δ → 0) from
     * counting. A false alarm costs one retried step with a larger shift.
     */
    static String catastrophicRise(Estimate good, Estimate now, double normBound) {
        double limit = RISE_SIGMAS * Math.hypot(good.error(), now.error())
                + (Double.isFinite(normBound) ? RISE_FLOOR * normBound : 0);
        double rise = now.mean() - good.mean();
        if (!(rise > limit)) {
            return null;
        }
        if (good.error() == 0 && now.error() == 0) { // exact sums: any rise is the step's, the floor decides
            return String.format(Locale.ROOT, "exact energy rose from %.10g to %.10g, by more than %.0e x the norm"
                    + " bound (%.3g): the step overshot", good.mean(), now.mean(), RISE_FLOOR, limit);
        }
        return String.format(Locale.ROOT, "energy rose from %.6g ± %.2g to %.6g ± %.2g, by more than %.0f combined"
                + " error bars + %.0e x the norm bound: the step wrecked the state", good.mean(), good.error(),
                now.mean(), now.error(), RISE_SIGMAS, RISE_FLOOR);
    }

    /**
     * Why the local-energy variance of the state after a step shows that the step wrecked it, or
     * null: a rise from the last good state's s_g² to s² > {@value #VARIANCE_JUMP} s_g² +
     * {@value #VARIANCE_JUMP_FLOOR} ‖H‖²/N (N the sites or modes of a configuration). Such a step has
     * grown |ψ|² where the good state's samples could not see it (the step-infidelity estimate, from
     * those samples, misses it too), in configurations near nodes of ψ whose local energies are huge:
     * the local energies turn heavy-tailed, so their error bar, which {@link #catastrophicRise} trusts,
     * is itself unreliable, and the chains later fall into the spurious region and stay there
     * (measured: J1-J2 6×6, a complex symmetric RBM α = 16 at E/N = −0.5007, s² from 0.54 to 1,935 in
     * one accepted step, then 19,242, and from the next kept step on τ ≈ 133, R̂ ≈ 10 and E/N = −0.457
     * for good; every earlier check passed, as the rise of 0.6 was within 5 error bars of 0.84). An SR
     * step changes s² gradually; the floor keeps a state near an eigenstate (s_g² → 0) from counting,
     * and a false alarm costs one retried step with a larger shift. The floor is extensive, as a
     * variance is: ‖H‖²/N = N h² for the per-site bound h. (It was 0.1‖H‖², which grows as N²: on the
     * 6×6 cluster 656 against variances of 0.2–0.5, and a step that took s² from 0.28 to 432, with
     * R̂ 1.04 and an error bar of 1.6, was kept; the chains stuck from the next step on, τ ≈ 268,
     * R̂ ≈ 15, E/N −0.40 instead of −0.50.) Needs the bound ‖H‖: without one, nothing is judged.
     */
    static String varianceBlowUp(Estimate good, Estimate now, double normBound, int nSites) {
        if (!Double.isFinite(normBound)) {
            return null;
        }
        double floor = VARIANCE_JUMP_FLOOR * normBound * normBound / nSites;
        double limit = VARIANCE_JUMP * good.variance() + floor;
        if (!(now.variance() > limit)) {
            return null;
        }
        return String.format(Locale.ROOT, "local-energy variance rose from %.3g to %.3g in one step (above %.0f x"
                + " the old one + %.0e x the squared norm bound per site, %.3g): the step grew the state where the"
                + " samples could not see it (heavy-tailed local energies)", good.variance(), now.variance(),
                VARIANCE_JUMP, VARIANCE_JUMP_FLOOR, floor);
    }

    /**
     * Why the chains after a step show that it wrecked the state, or null: the good state's chains
     * agreed (split-R̂ ≤ {@value #R_HAT_MIXED}) and the new state's disagree (R̂ &gt; {@value #R_HAT_SPLIT},
     * the usual bound for chains that have not mixed; Gelman et al., Bayesian Data Analysis, §11.4),
     * both sets of chains moving (acceptance at least {@link ConvergenceDiagnostics#FROZEN_ACCEPTANCE}:
     * frozen chains make R̂ meaningless, 1.000 one step and 10¹² the next). The step grew a region of
     * |ψ|² that some chains found and others did not, so the estimate and the next force average over
     * whichever chains fell in (J1-J2 6×6: the variance rose 120-fold, below {@link #varianceBlowUp}'s
     * floor, with R̂ 1.31; from the next step on R̂ ≈ 12, τ ≈ 133, and the energy 10 % higher for
     * good). Exact sums (R̂ = 1) never count.
     */
    static String chainsSplit(Estimate good, double goodAcceptance, Estimate now, double acceptance) {
        boolean moving = goodAcceptance >= ConvergenceDiagnostics.FROZEN_ACCEPTANCE
                && acceptance >= ConvergenceDiagnostics.FROZEN_ACCEPTANCE;
        if (!(moving && good.rHat() <= R_HAT_MIXED && now.rHat() > R_HAT_SPLIT)) {
            return null;
        }
        return String.format(Locale.ROOT, "the chains split: split R-hat rose from %.3f to %.3f in one step (above %.1f):"
                + " the step grew a region of the state that only some chains found", good.rHat(), now.rHat(),
                R_HAT_SPLIT);
    }

    /**
     * Why an energy estimate cannot come from chains that sample |ψ|², or null. With ‖H‖ ≤ R every
     * ⟨H⟩ lies in [−R, R] and Var H ≤ R², so (i) a mean more than 4 error bars below −R is
     * impossible, and (ii) the sample variance s², whose expectation is at most R², exceeds
     * {@value #VARIANCE_FACTOR} R² with probability at most 1/{@value #VARIANCE_FACTOR} (Markov's
     * inequality, whatever the distribution of E_loc). Both happen when the chains sit far out of
     * equilibrium in regions of tiny |ψ| (an SR step that collapsed the acceptance), where the
     * ratios and so the local energies are huge; such samples would steer the next step anywhere.
     */
    static String impossibleEnergy(Estimate energy, double normBound) {
        if (!Double.isFinite(normBound)) {
            return null;
        }
        if (energy.mean() < -normBound - 4 * energy.error() - 1e-12 * normBound) {
            return String.format(Locale.ROOT, "energy estimate %.6g ± %.2g lies below -%.6g, the lowest"
                    + " eigenvalue the Hamiltonian can have (the sum of its |coefficients|): the chains are far from"
                    + " equilibrium", energy.mean(), energy.error(), normBound);
        }
        if (energy.variance() > VARIANCE_FACTOR * normBound * normBound) {
            return String.format(Locale.ROOT, "local-energy variance %.3g exceeds %.0f x %.6g^2 (the"
                    + " variance of any state is at most the squared norm bound): the chains are far from"
                    + " equilibrium", energy.variance(), VARIANCE_FACTOR, normBound);
        }
        return null;
    }

    /** A copy of the state carried between steps; take it between two calls of {@link #step}. */
    public DriverState saveState() {
        double[] p = new double[psi.parameterArrayLength()];
        psi.getParameters(p);
        return new DriverState(p, optimizer.saveState(), preconditioner.saveState(), gatherChains(sampler.saveState()),
                consecutiveFailures, shiftScale);
    }

    /**
     * The state of every chain: each rank's own chains' configurations and random streams, sent to
     * all (the numbers are exact in doubles: local values, bytes 0..255), so that any rank can write
     * a checkpoint that resumes on any rank count.
     */
    private SamplerState gatherChains(SamplerState own) {
        if (blocks.collective().size() == 1) {
            return own;
        }
        int nChains = sampler.nChains();
        int numbers = own.configurations()[blocks.first()].length; // N, or R·N: every replica's under tempering
        int rngBytes = own.randomStates()[blocks.first()].length;
        int perChain = numbers + rngBytes;
        double[] data = new double[nChains * perChain];
        for (int c = blocks.first(); c < blocks.end(); c++) {
            for (int i = 0; i < numbers; i++) {
                data[c * perChain + i] = own.configurations()[c][i];
            }
            for (int b = 0; b < rngBytes; b++) {
                data[c * perChain + numbers + b] = own.randomStates()[c][b];
            }
        }
        blocks.gather(data, perChain);
        int[][] conf = new int[nChains][numbers];
        byte[][] rng = new byte[nChains][rngBytes];
        for (int c = 0; c < nChains; c++) {
            for (int i = 0; i < numbers; i++) {
                conf[c][i] = (int) data[c * perChain + i];
            }
            for (int b = 0; b < rngBytes; b++) {
                rng[c][b] = (byte) data[c * perChain + numbers + b];
            }
        }
        return new SamplerState(conf, rng);
    }

    /** Puts the driver back into a saved state (of a driver built from the same config). */
    public void restoreState(DriverState state) {
        if (state.parameters().length != psi.parameterArrayLength()) {
            throw new IllegalArgumentException("the saved state has " + state.parameters().length
                    + " parameter doubles, the ansatz " + psi.parameterArrayLength());
        }
        if (!allFinite(state.parameters())) {
            throw new IllegalArgumentException("the saved parameters are not all finite");
        }
        if (!(state.shiftScale() >= 1) || state.consecutiveFailures() < 0
                || state.consecutiveFailures() >= MAX_CONSECUTIVE_FAILURES) {
            throw new IllegalArgumentException("invalid saved failure count " + state.consecutiveFailures()
                    + " or shift factor " + state.shiftScale());
        }
        sampler.restoreState(state.sampler());
        optimizer.restoreState(state.optimizer());
        preconditioner.restoreState(state.preconditioner());
        psi.setParameters(state.parameters());
        consecutiveFailures = state.consecutiveFailures();
        shiftScale = state.shiftScale();
    }

    /**
     * Continues the judgment of {@code previous}, whose ψ this driver's represents exactly with the
     * parameters {@code map} gives (a stage hand-over, after {@link #restoreState}): this driver's
     * next samples judge the previous driver's last step as its own next step would have, and an
     * undone step goes back to the previous driver's last good state, mapped, with this driver's
     * current optimiser and preconditioner state.
     */
    public void continueJudgment(VmcDriver previous, UnaryOperator<double[]> map) {
        unjudged = previous.unjudged;
        goodIteration = previous.goodIteration;
        if (goodIteration >= 0) {
            System.arraycopy(map.apply(previous.goodParameters), 0, goodParameters, 0, goodParameters.length);
            goodOptimizer = optimizer.saveState();
            goodPreconditioner = preconditioner.saveState();
            goodFailures = consecutiveFailures;
            goodShiftScale = shiftScale;
            goodEnergy = previous.goodEnergy;
            goodAcceptance = previous.goodAcceptance;
            // every chain's, as the previous driver's split (dealt by speed) need not be this one's
            goodChains = previous.gatherChains(previous.goodChains);
        }
    }

    /**
     * The estimate of interleaved (re, im) local values, part {@code offset}: chain statistics of
     * Monte Carlo samples, or the exact weighted sum of a full-sum sampler.
     */
    private Estimate estimate(double[] values, int offset, int perChain) {
        int nChains = sampler.nChains();
        return sampler.weighsSamples()
                ? Estimate.ofWeightedSum(values, offset, 2, sampler.weights(), nChains * perChain)
                : ChainStatistics.of(values, offset, 2, nChains, perChain);
    }

    private static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Estimates the energy and the observables at the current parameters from
     * {@code samplesPerChain} fresh samples per chain, after {@code discard} sweeps of burn-in; with
     * {@code lanczos} other than NONE also the energy after one Lanczos step ({@link LanczosStep}) from the
     * same samples, at the cost of the second local value (Ĥ²ψ)/ψ per sample; SAMPLED then draws that state
     * from its own |ψ₁|² ({@link #sampleLanczosStates}).
     */
    public Evaluation evaluate(int evalPerChain, int discard, List<NamedOperator> observables, LanczosStep.Mode lanczos) {
        return evaluate(evalPerChain, discard, observables, lanczos, 1);
    }

    /** {@link #evaluate} with {@code lanczosSteps} sampled Lanczos steps in a row when {@code lanczos} is SAMPLED. */
    public Evaluation evaluate(int evalPerChain, int discard, List<NamedOperator> observables, LanczosStep.Mode lanczos,
                               int lanczosSteps) {
        boolean lanczosStep = lanczos != LanczosStep.Mode.NONE;
        int nChains = sampler.nChains();
        int n = nChains * evalPerChain;
        double[] energy = new double[2 * n];
        double[] second = lanczosStep ? new double[2 * n] : null;
        double[][] values = new double[observables.size()][2 * n];
        ChainScratch[][] obsScratch = new ChainScratch[observables.size()][nChains];
        for (int k = 0; k < observables.size(); k++) {
            for (int c = 0; c < nChains; c++) {
                obsScratch[k][c] = new ChainScratch(observables.get(k).operator());
            }
        }
        sampleLocalEnergies(sampler, psi, evalPerChain, discard, energy, second, (c, s, cache) -> {
            for (int k = 0; k < values.length; k++) {
                obsScratch[k][c].storeLocalValue(cache, values[k], c * evalPerChain + s);
            }
        });
        for (double[] v : values) {
            blocks.gather(v, 2 * evalPerChain);
        }
        double acceptance = acceptances(sampler).moves();
        Map<String, Estimate> obs = new LinkedHashMap<>();
        for (int k = 0; k < values.length; k++) {
            obs.put(observables.get(k).name(), estimate(values[k], 0, evalPerChain));
        }
        Estimate e = estimate(energy, 0, evalPerChain);
        Optional<LanczosStep> step = !lanczosStep ? Optional.empty() : Optional.of(sampler.weighsSamples()
                ? LanczosStep.ofWeightedSum(energy, second, sampler.weights(), n)
                : LanczosStep.ofChains(energy, second, nChains, evalPerChain, e.tauCorr()));
        Optional<WaveFunction> stepped = Optional.empty();
        if (lanczos == LanczosStep.Mode.SAMPLED && sampler instanceof MetropolisSampler metropolis
                && Double.isFinite(step.orElseThrow().alpha())) {
            SteppedStates s = sampleLanczosStates(metropolis, step.orElseThrow(), e.mean(), evalPerChain, discard,
                    lanczosSteps);
            step = Optional.of(s.step());
            stepped = Optional.of(s.last());
        }
        return new Evaluation(e, estimate(energy, 1, evalPerChain).mean(), acceptance, obs, step, stepped);
    }

    /**
     * The energy of ψ drawn by {@code chains}, chains of ψ other than the driver's with as many of them (the fresh
     * chains that check the final estimate): {@code perChain} samples each after {@code discard} sweeps, this rank's
     * chains sampled and every rank's gathered, as the driver's own.
     */
    public ChainEnergy energyFrom(Sampler chains, int perChain, int discard) {
        if (chains.nChains() != sampler.nChains() || chains.weighsSamples()) {
            throw new IllegalArgumentException("energyFrom takes " + sampler.nChains() + " Markov chains, got "
                    + chains.nChains() + (chains.weighsSamples() ? " weighted samples" : ""));
        }
        double[] energy = new double[2 * chains.nChains() * perChain];
        sampleLocalEnergies(chains, psi, perChain, discard, energy, null, (c, s, cache) -> { });
        return new ChainEnergy(ChainStatistics.of(energy, 0, 2, chains.nChains(), perChain),
                acceptances(chains).moves());
    }

    /**
     * Samples {@code perChain} values per chain of this rank's chains of {@code s} after {@code discard} sweeps:
     * E_L of {@code state} into {@code energy} and, when {@code second} is not null, (Ĥ²ψ)/ψ into it (a probe
     * cache of {@code state} per chain, {@link NeighbourValue}), both gathered from every rank; {@code also}
     * visits each sample after them (observables).
     */
    private void sampleLocalEnergies(Sampler s, WaveFunction state, int perChain, int discard, double[] energy,
                                     double[] second, SampleVisitor also) {
        NeighbourValue[] neighbours = new NeighbourValue[s.nChains()];
        if (second != null) {
            for (int c = blocks.first(); c < blocks.end(); c++) {
                neighbours[c] = new NeighbourValue(state.newCache(), hamiltonian.newLocalValue());
            }
        }
        s.sample(perChain, discard, (c, i, cache) -> {
            int index = c * perChain + i;
            if (second != null) {
                scratch[c].storeLocalValues(cache, neighbours[c], energy, second, index);
            } else {
                scratch[c].storeLocalValue(cache, energy, index);
            }
            also.visit(c, i, cache);
        }, pool, blocks.first(), blocks.end());
        blocks.gather(energy, 2 * perChain);
        if (second != null) {
            blocks.gather(second, 2 * perChain);
        }
    }

    /** The step with its sampled energies, and the last state sampled. */
    private record SteppedStates(LanczosStep step, WaveFunction last) {
    }

    /**
     * {@code step} with the energies of ψ₁ = ψ + α(Ĥ − h₁)ψ (its α, h₁ = {@code shift} the sample mean of E_L)
     * and, for {@code steps} &gt; 1, of ψ_{k+1} = ψ_k + α_{k+1}(Ĥ − h_{k+1})ψ_k, each sampled from its own |ψ_k|²
     * ({@link LanczosState}), α_{k+1} and h_{k+1} from the moments of ψ_k's samples: each state's chains start
     * where the previous state's ended, with copies of their random streams (ψ's chains do not move),
     * {@code discard} sweeps of burn-in, {@code perChain} samples each. A step on ψ_k costs a local energy of
     * ψ_k per proposal and connection, so each further step multiplies the cost by about the number of
     * connections of a configuration.
     */
    private SteppedStates sampleLanczosStates(MetropolisSampler metropolis, LanczosStep step, double shift,
                                              int perChain, int discard, int steps) {
        int nChains = metropolis.nChains();
        WaveFunction state = psi;
        MetropolisSampler chains = metropolis;
        double alpha = step.alpha();
        List<Estimate> energies = new ArrayList<>();
        List<Double> alphas = new ArrayList<>();
        for (int k = 1; k <= steps && Double.isFinite(alpha); k++) {
            state = new LanczosState(state, hamiltonian, alpha, shift);
            chains = chains.over(state);
            boolean more = k < steps;
            double[] local = new double[2 * nChains * perChain];
            double[] second = more ? new double[local.length] : null;
            sampleLocalEnergies(chains, state, perChain, discard, local, second, (c, s, cache) -> { });
            Estimate e = ChainStatistics.of(local, 0, 2, nChains, perChain);
            energies.add(e);
            alphas.add(alpha);
            if (more) {
                alpha = LanczosStep.ofChains(local, second, nChains, perChain, e.tauCorr()).alpha();
                shift = e.mean();
            }
        }
        return new SteppedStates(step.withSampled(energies, alphas, acceptances(chains).moves()), state);
    }
}
