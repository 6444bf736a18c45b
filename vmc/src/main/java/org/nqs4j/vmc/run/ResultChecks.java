package org.nqs4j.vmc.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.nqs4j.vmc.driver.ChainEnergy;
import org.nqs4j.vmc.stats.Estimate;
import org.nqs4j.vmc.stats.LanczosStep;

/**
 * The run's own verdict on its final estimate: a result that fails any of these checks is
 * reported with {@code status: "suspect"} (exit code 4), never as a clean success.
 *
 * <ul>
 * <li>{@code finite}: the mean and its error bar are finite numbers.</li>
 * <li>{@code acceptance} &gt; 0: with no accepted move the chains never left their starting
 * configurations; the variance and error bar (zero for a frozen chain) then say nothing.</li>
 * <li>{@code r_hat} ≤ {@value #MAX_R_HAT}: split-R̂ (Gelman et al., BDA3 §11.4) compares the
 * variance between and within (half-)chains. Vats &amp; Knudson (Stat. Sci. 2021) show
 * R̂ ≈ √(1 + m/n_eff) for m chains with n_eff effective samples in all, so R̂ ≤ 1.05 with the
 * default 16 chains asks for n_eff ≳ 160 over the chains; 1.01 (Vehtari et al. 2021) would
 * flag honest short evaluations, 1.1 (BDA3) lets chains disagree by a third of a standard
 * deviation.</li>
 * <li>{@code effective_samples} ≥ {@value #MIN_EFFECTIVE_PER_CHAIN} per chain: n_eff = N/τ, i.e.
 * every chain at least {@value #MIN_EFFECTIVE_PER_CHAIN} τ long. Sokal's windowed τ needs a window
 * W ≥ 5τ inside each chain (Sokal 1997, §3), so a shorter chain cannot measure its own
 * correlation time and its error bar is not to be trusted.</li>
 * <li>{@code trial_deviation}: |E_VMC − E_trial| ≤ {@value #MAX_SIGMAS} error bars, where the
 * energy of the trial state is summed over the Hilbert space: the difference is pure sampling
 * error (4σ: a false alarm 6·10⁻⁵ of the time for honest Gaussian bars).</li>
 * <li>{@code variational_bound}: E_VMC ≥ E_0 − {@value #MAX_SIGMAS} error bars where the exact
 * ground energy is known: no state lies below it.</li>
 * </ul>
 * An exact sum over the sector ({@link #ofExactSum}) has no chains to judge: it keeps the
 * {@code finite}, {@code trial_deviation} (to round-off) and {@code variational_bound} checks.
 */
public final class ResultChecks {
    public static final double MAX_R_HAT = 1.05;
    public static final double MIN_EFFECTIVE_PER_CHAIN = 10;
    public static final double MAX_SIGMAS = 4;

    private ResultChecks() {
    }

    /**
     * The checks of an estimate from {@code nChains} chains with Metropolis {@code acceptance};
     * {@code trialEnergy} and {@code exactEnergy} when they are known.
     */
    public static List<ResultCheck> of(Estimate e, double acceptance, int nChains, OptionalDouble trialEnergy,
                                       OptionalDouble exactEnergy) {
        List<ResultCheck> checks = new ArrayList<>();
        checks.add(new ResultCheck("acceptance", acceptance, 0, acceptance > 0, acceptance > 0
                ? fmt("%.3g of the proposed moves were accepted (1 for independent or enumerated states)", acceptance)
                : "no Metropolis move was accepted: the chains are frozen, and their variance "
                        + fmt("%.3g", e.variance()) + " and error bar " + fmt("%.3g", e.error())
                        + " say nothing about the state (a collapsed state, or moves that cannot leave it)"));
        boolean rHat = e.rHat() <= MAX_R_HAT;
        checks.add(new ResultCheck("r_hat", e.rHat(), MAX_R_HAT, rHat, Double.isNaN(e.rHat())
                ? "split R-hat needs at least 4 samples per chain; raise evaluation.samples"
                : rHat ? fmt("split R-hat %.4f: the chains agree", e.rHat())
                : fmt("split R-hat %.3f > %.2f: the chains sample different distributions (not mixed; try"
                        + " more discard sweeps or more evaluation samples, or a move that reaches further where the"
                        + " Hilbert space has one: sampler.move exchange-any for spins, hop-any for lattice fermions;"
                        + " or parallel tempering, sampler.replicas)", e.rHat(),
                        MAX_R_HAT)));
        double effective = e.nSamples() / e.tauCorr();
        double minEffective = MIN_EFFECTIVE_PER_CHAIN * nChains;
        boolean enough = effective >= minEffective;
        checks.add(new ResultCheck("effective_samples", effective, minEffective, enough, enough
                ? fmt("%.0f effective samples (tau_corr %.3g)", effective, e.tauCorr())
                : fmt("only %.1f effective samples (tau_corr %.3g of %d samples per chain): the chains are too short"
                        + " against their correlation time for the error bar to be trusted; raise evaluation.samples or"
                        + " sampler.sweep", effective, e.tauCorr(), e.nSamples() / nChains)));
        return of(e, trialEnergy, exactEnergy, checks);
    }

    /** The finite check first, then {@code sampled}, then the comparisons with the trial state and the exact energy. */
    private static List<ResultCheck> of(Estimate e, OptionalDouble trialEnergy, OptionalDouble exactEnergy,
                                        List<ResultCheck> sampled) {
        List<ResultCheck> checks = new ArrayList<>();
        boolean finite = Double.isFinite(e.mean()) && Double.isFinite(e.error());
        checks.add(new ResultCheck("finite", e.mean(), Double.NaN, finite, finite ? "the estimate is finite"
                : "the estimate " + e.mean() + " ± " + e.error() + " is not a finite number"));
        checks.addAll(sampled);
        trialEnergy.ifPresent(t -> checks.add(sigmaCheck("trial_deviation", e.mean(), e.error(), t, true,
                "the exact energy of the same trial state, summed over the Hilbert space")));
        exactEnergy.ifPresent(x -> checks.add(sigmaCheck("variational_bound", e.mean(), e.error(), x, false,
                "the exact ground-state energy")));
        return List.copyOf(checks);
    }

    /** The checks of an exact sum over the sector (samplers.FullSumSampler): no acceptance, R̂ or τ to judge. */
    public static List<ResultCheck> ofExactSum(Estimate e, OptionalDouble trialEnergy, OptionalDouble exactEnergy) {
        return of(e, trialEnergy, exactEnergy, new ArrayList<>());
    }

    /**
     * {@code spectral_bound}: what any state of Ĥ allows, |E| ≤ ‖Ĥ‖ and Var(E_L) ≤ ‖Ĥ‖² (for exact moments
     * Var = ⟨Ĥ²⟩ − ⟨Ĥ⟩² ≤ ‖Ĥ‖²), with ‖Ĥ‖ ≤ {@code normBound}. An estimate beyond either is ruled by a few
     * huge local energies from a region of ψ the chains rarely visit (near its nodes, or a state broken
     * there), and then the error bar is as wild as the mean: E = −5·10⁸ ± 5·10⁸ passes every check of a
     * mean against its own error bar. The value is max(|E|, √Var)/‖Ĥ‖; empty when no bound is known.
     */
    public static Optional<ResultCheck> spectralBound(Estimate e, double normBound) {
        if (!(normBound > 0) || !Double.isFinite(normBound)) {
            return Optional.empty();
        }
        double ratio = Math.max(Math.abs(e.mean()), Math.sqrt(e.variance())) / normBound;
        boolean passed = ratio <= 1 || Double.isNaN(ratio); // a NaN mean is the finite check's
        return Optional.of(new ResultCheck("spectral_bound", ratio, 1, passed, passed
                ? fmt("|E| and the local-energy spread within the bound %.4g on ||H||", normBound)
                : fmt("|E| = %.3g or the local-energy spread %.3g exceeds %.4g, a bound on ||H|| that no state"
                        + " can pass: a few huge local energies rule the sample (a region of psi the chains rarely"
                        + " visit), so neither the energy nor its error bar means anything", Math.abs(e.mean()),
                        Math.sqrt(e.variance()), normBound)));
    }

    /** The Lanczos step's error bar may be at most this many times the energy's own (measured 0.98–1.2 where ψ has no nodes). */
    public static final double MAX_LANCZOS_SPREAD = 3;

    /**
     * {@code lanczos_tail}: the error bar σ₁ of the energy after the Lanczos step at most
     * {@value #MAX_LANCZOS_SPREAD} times the energy's own σ. Where ψ has no nodes the two are alike (10×10,
     * J1-J2 6×6: 0.98–1.2); near nodes the estimator of ⟨(Ĥ − E)³⟩ has two factors 1/ψ(x) and a heavy tail
     * (kagome 2×4 at k ≠ 0: 7.2× on 8,000 samples, 1.0× on 320 — the tail shows only with enough samples),
     * and then E₁ can land anywhere within its wide bar, near E₀ by luck. Empty for an exact sum.
     */
    public static Optional<ResultCheck> lanczosTail(double error, Estimate e) {
        if (!(e.error() > 0)) {
            return Optional.empty();
        }
        double spread = error / e.error();
        boolean passed = spread <= MAX_LANCZOS_SPREAD;
        return Optional.of(new ResultCheck("lanczos_tail", spread, MAX_LANCZOS_SPREAD, passed, passed
                ? fmt("the Lanczos step's error bar is %.2g times the energy's", spread)
                : fmt("the Lanczos step's error bar is %.2g times the energy's (above %.0f): its third moment is"
                        + " heavy-tailed (nodes of psi, or small amplitudes the chains rarely reach), so its energy is"
                        + " not to be used; evaluation.lanczos_step: sampled draws the stepped state itself", spread,
                        MAX_LANCZOS_SPREAD)));
    }

    /**
     * {@code lanczos_sampling}: the checks {@link #of} makes of ψ's own chains (finite, acceptance &gt; 0, split
     * R̂ ≤ {@value #MAX_R_HAT}, at least {@value #MIN_EFFECTIVE_PER_CHAIN} τ per chain), made of the chains that drew
     * the stepped state ψ₁ from |ψ₁|² (evaluation.lanczos_step: sampled), as one check.
     */
    public static ResultCheck lanczosSampling(LanczosStep.Sampled sampled, int nChains) {
        Estimate e = sampled.estimate();
        List<String> failed = chainFailures(e, sampled.acceptance(), nChains);
        return new ResultCheck("lanczos_sampling", e.rHat(), MAX_R_HAT, failed.isEmpty(), failed.isEmpty()
                ? fmt("the stepped state's chains: split R-hat %.4f, tau_corr %.3g, acceptance %.3g", e.rHat(),
                        e.tauCorr(), sampled.acceptance())
                : "the stepped state's chains fail " + String.join("; ", failed));
    }

    /**
     * {@code lanczos_trial_deviation}: the sampled energy of the stepped state within {@value #MAX_SIGMAS} error
     * bars of its exact energy, summed over the Hilbert space (where the space is small enough): as
     * {@code trial_deviation} for ψ.
     */
    public static ResultCheck lanczosTrialDeviation(double energy, double error, double trialEnergy) {
        return sigmaCheck("lanczos_trial_deviation", energy, error, trialEnergy, true,
                "the exact energy of the same stepped state, summed over the Hilbert space");
    }

    /**
     * {@code lanczos_bound}: the energy E₁ ± σ₁ of the state after one Lanczos step
     * ({@link org.nqs4j.vmc.stats.LanczosStep}) ≥ E_0 − {@value #MAX_SIGMAS} σ₁, as for the trained state.
     */
    public static ResultCheck lanczosBound(double energy, double error, double exactEnergy) {
        return sigmaCheck("lanczos_bound", energy, error, exactEnergy, false,
                "the exact ground-state energy (after the Lanczos step)");
    }

    /**
     * {@code fresh_chains}: the energy that {@code fresh} chains of the trained ψ found (random starts, the run's
     * move in its far-reaching form {@code move}; {@link FreshChainsCheck}) lies within {@value #MAX_SIGMAS}
     * combined error bars of the estimate {@code e}, and those chains pass what {@link #of} asks of the run's own
     * (finite, acceptance &gt; 0, split R̂, τ). Chains that all sit in one region of |ψ|² that their moves cannot
     * leave give a biased estimate with an honest-looking error bar; where the trial state is summed over the
     * sector, {@code trial_deviation} sees it, elsewhere only other chains can (measured on the 10-site ring G-CNN
     * whose bond-exchange chains missed its ferromagnetic domains: fresh any-pair chains 5.0 error bars away).
     */
    public static ResultCheck freshChains(Estimate e, ChainEnergy fresh, int nChains, String move) {
        Estimate f = fresh.energy();
        List<String> failed = chainFailures(f, fresh.acceptance(), nChains);
        double sigmas = combinedSigmas(f.mean(), f.error(), e.mean(), e.error());
        boolean agree = Math.abs(sigmas) <= MAX_SIGMAS;
        String found = fmt("chains started afresh (random configurations, %s moves) find E = %.10g ± %.3g, %+.1f"
                + " combined error bars from the estimate", move, f.mean(), f.error(), sigmas);
        String message = !failed.isEmpty() ? found + ", but they fail " + String.join("; ", failed) + ": chains from"
                + " other starts do not agree, so |ψ|² has regions that chains do not leave, which the run's may have"
                + " missed too (or the fresh chains needed a longer burn-in)"
                : agree ? found
                : found + ": the run's chains miss a region of |ψ|² that their moves do not reach; sample with a move"
                        + " that reaches further (sampler.move exchange-any, hop-any) or with parallel tempering"
                        + " (sampler.replicas), e.g. evaluate again with iterations: 0 and ansatz.init_from";
        return new ResultCheck("fresh_chains", sigmas, MAX_SIGMAS, agree && failed.isEmpty(), message);
    }

    /**
     * "name: message" of each of the checks {@link #of} makes of chains (finite, acceptance, split R̂, τ) that
     * {@code e} with {@code acceptance} from {@code nChains} chains fails: chains other than the run's, judged alike.
     */
    private static List<String> chainFailures(Estimate e, double acceptance, int nChains) {
        return of(e, acceptance, nChains, OptionalDouble.empty(), OptionalDouble.empty()).stream()
                .filter(c -> !c.passed()).map(c -> c.name() + ": " + c.message()).toList();
    }

    /**
     * (mean − reference)/√(error² + referenceError²): how many combined error bars apart two independent
     * estimates are. Without error bars, 0 for values equal to round-off, else ±∞.
     */
    static double combinedSigmas(double mean, double error, double reference, double referenceError) {
        double diff = mean - reference;
        double sigma = Math.hypot(error, referenceError);
        return sigma > 0 ? diff / sigma : Math.abs(diff) <= 1e-12 * Math.max(1, Math.abs(reference)) ? 0
                : Math.copySign(Double.POSITIVE_INFINITY, diff);
    }

    /**
     * (E − reference)/σ held to ±{@value #MAX_SIGMAS} ({@code twoSided}) or to ≥ −{@value #MAX_SIGMAS}.
     * A zero error bar passes only an estimate equal to the reference to round-off.
     */
    private static ResultCheck sigmaCheck(String name, double mean, double error, double reference, boolean twoSided,
                                          String what) {
        double diff = mean - reference;
        double sigmas = combinedSigmas(mean, error, reference, 0);
        boolean passed = twoSided ? Math.abs(sigmas) <= MAX_SIGMAS : sigmas >= -MAX_SIGMAS;
        if (error == 0) { // an exact sum (or a single configuration): no error bars to count
            return new ResultCheck(name, sigmas, twoSided ? MAX_SIGMAS : -MAX_SIGMAS, passed, passed
                    ? fmt("no sampling error; E - %s %.10g = %.3g", what, reference, diff)
                    : fmt("no sampling error, yet E - %s %.10g = %.3g: %s", what, reference, diff, twoSided
                            ? "the estimate is not the energy of this state" : "below what any state can reach"));
        }
        String verdict = passed ? fmt("%+.1f error bars from %s %.10g", sigmas, what, reference)
                : twoSided ? fmt("%+.1f error bars from %s %.10g: the sampling is biased or the error bar too small"
                        + " (chains not mixed)", sigmas, what, reference)
                : fmt("%.1f error bars below %s %.10g, which no state can be: the sampling is biased or the error"
                        + " bar too small", -sigmas, what, reference);
        return new ResultCheck(name, sigmas, twoSided ? MAX_SIGMAS : -MAX_SIGMAS, passed, verdict);
    }

    /** True when every check passed. */
    public static boolean allPassed(List<ResultCheck> checks) {
        return checks.stream().allMatch(ResultCheck::passed);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
