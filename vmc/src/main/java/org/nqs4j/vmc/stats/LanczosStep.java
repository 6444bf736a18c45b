package org.nqs4j.vmc.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Lanczos step on a trained state (Sorella, PRB 64, 024512 (2001); Becca &amp; Sorella, <i>Quantum
 * Monte Carlo Approaches for Correlated Systems</i>, 2017, §6.5; mVMC's {@code NLanczosMode}): the
 * lowest-energy state ψ₁ = ψ + α (Ĥ − h₁)ψ of the Krylov space {ψ, Ĥψ}. In the orthonormal basis
 * {ψ, (Ĥ − h₁)ψ/√μ₂}, with h₁ = ⟨Ĥ⟩ and the central moments μ_k = ⟨(Ĥ − h₁)^k⟩ of ψ, Ĥ is
 * [[h₁, √μ₂], [√μ₂, h₁ + μ₃/μ₂]], whose lower eigenvalue is
 * <pre>
 *   E₁ = h₁ + μ₃/(2μ₂) − √((μ₃/(2μ₂))² + μ₂),   α = (E₁ − h₁)/μ₂,
 * </pre>
 * never above h₁ and, for exact moments, an upper bound on E₀ (the energy of a state). ψ₁ is not
 * sampled: ψ's own samples of |ψ|² give the moments, through the local values a = E_L − c and
 * b = ((Ĥ − c)²ψ)/ψ = E²_L − 2cE_L + c² (E²_L = (Ĥ²ψ)/ψ, c the plain mean of E_L, so that a and b are
 * small): with d = E[a],
 * <pre>
 *   h₁ = c + d,   μ₂ = E[|a|²] − d²,   μ₃ = E[Re(a* b)] − 2d E[|a|²] − d E[Re b] + 2d³,
 * </pre>
 * the last being E[Re((a − d)* ((Ĥ − h₁)²ψ)/ψ)]: the third moment about the sample's own energy, whose
 * fluctuations are of second order in E_L − h₁ near an eigenstate. (The raw moments ⟨Ĥ³⟩ − 3h₁⟨Ĥ²⟩ + 2h₁³
 * of the same samples differ by a term h₁ (E[Re b] − E[|a|²]), zero in expectation but of first order,
 * which swamps μ₃ where μ₂ is small.) The cost is E²_L: about as many local values per sample as a
 * configuration has connections.
 *
 * <p>The error bar is the jackknife's over blocks of consecutive samples of each chain, blocks of at
 * least {@value #TAU_PER_BLOCK} autocorrelation times of the energy (Efron &amp; Stein, Ann. Stat. 9,
 * 586 (1981)); the energy is the jackknife's bias-corrected estimate (E₁ is a non-linear function of
 * sample means, biased at order 1/N).
 *
 * <p>Near the nodes of ψ (a projection on characters ≠ 1) the moments have a heavy tail, and their E₁
 * says little. {@link Mode#SAMPLED} then draws ψ₁ itself, with this α and h₁, from |ψ₁|² and averages
 * its own local energy ({@code vmc.driver.LanczosState}): the energy of that state with an ordinary
 * error bar, a variational bound whatever α the moments gave ({@link #sampled}).
 *
 * @param energy  the energy E₁ of ψ₁ from the moments
 * @param error   its standard error (0 for an exact sum over the sector)
 * @param alpha   the coefficient α of (Ĥ − h₁)ψ in ψ₁
 * @param blocks  the number of jackknife blocks (0 for an exact sum)
 * @param sampled the energy of ψ₁ sampled from |ψ₁|², when asked for
 */
public record LanczosStep(double energy, double error, double alpha, int blocks, Optional<Sampled> sampled) {
    /** What {@code evaluation.lanczos_step} asks for. */
    public enum Mode {
        /** no step */
        NONE,
        /** E₁ from the moments of ψ's own samples (the cost of one second local value per sample) */
        MOMENTS,
        /** the moments' α, then ψ₁ sampled from |ψ₁|² (a local energy of ψ per proposal and per connection) */
        SAMPLED
    }

    /**
     * ψ₁ = ψ + α(Ĥ − h₁)ψ, and each further ψ_{k+1} = ψ_k + α_{k+1}(Ĥ − h_{k+1})ψ_k, sampled from its own |ψ_k|²:
     * the estimates of their local energies and their α, in order, and the acceptance of the last state's chains.
     */
    public record Sampled(List<Estimate> energies, List<Double> alphas, double acceptance) {
        public Sampled {
            energies = List.copyOf(energies);
            alphas = List.copyOf(alphas);
        }

        /** The energy of the last state sampled. */
        public Estimate estimate() {
            return energies.getLast();
        }
    }

    /** The step from the moments alone. */
    public LanczosStep(double energy, double error, double alpha, int blocks) {
        this(energy, error, alpha, blocks, Optional.empty());
    }

    /** This step with the sampled energies of ψ₁ (and of further steps), their α, and the last chains' acceptance. */
    public LanczosStep withSampled(List<Estimate> energies, List<Double> alphas, double acceptance) {
        return new LanczosStep(energy, error, alpha, blocks, Optional.of(new Sampled(energies, alphas, acceptance)));
    }

    /** The energy after the step that a run reports and validate judges: the sampled one when taken, else the moments'. */
    public double judgedEnergy() {
        return sampled.map(s -> s.estimate().mean()).orElse(energy);
    }

    /** The error bar of {@link #judgedEnergy}. */
    public double judgedError() {
        return sampled.map(s -> s.estimate().error()).orElse(error);
    }

    /** The jackknife's blocks are this many energy autocorrelation times long at least. */
    static final int TAU_PER_BLOCK = 10;
    /** As many blocks as this (over all chains) where the chains are long enough. */
    static final int TARGET_BLOCKS = 64;

    /**
     * {@code energy} and {@code error} (the judged ones), {@code alpha}, {@code jackknife_blocks}, and when
     * sampled {@code moments} (the moments' energy and error) and {@code sampled} (τ, R̂, samples,
     * acceptance of ψ₁'s chains): the step as summary.json and validation.json hold it.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energy", judgedEnergy());
        m.put("error", judgedError());
        m.put("alpha", alpha);
        m.put("jackknife_blocks", blocks);
        sampled.ifPresent(s -> {
            m.put("moments", Map.of("energy", energy, "error", error));
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("tau_corr", s.estimate().tauCorr());
            x.put("r_hat", s.estimate().rHat());
            x.put("samples", s.estimate().nSamples());
            x.put("acceptance", s.acceptance());
            if (s.energies().size() > 1) {
                List<Map<String, Object>> steps = new ArrayList<>();
                for (int k = 0; k < s.energies().size(); k++) {
                    steps.add(Map.of("energy", s.energies().get(k).mean(), "error", s.energies().get(k).error(),
                            "alpha", s.alphas().get(k)));
                }
                x.put("steps", steps);
            }
            m.put("sampled", x);
        });
        return m;
    }

    /** The number of sums kept per block of samples: of Re a, |a|², Re(a* b) and Re b (see above). */
    private static final int SUMS = 4;

    /** E₁ from the means (E[Re a], E[|a|²], E[Re(a* b)], E[Re b]) about c; h₁ itself when μ₂ ≤ 0. */
    private static double[] energyAndAlpha(double c, double[] m) {
        double d = m[0];
        double mu2 = m[1] - d * d;
        if (!(mu2 > 0)) { // an eigenstate: nothing to improve
            return new double[] {c + d, 0.0};
        }
        double mu3 = m[2] - 2 * d * m[1] - d * m[3] + 2 * d * d * d;
        double half = mu3 / (2 * mu2);
        double lowering = half - Math.hypot(half, Math.sqrt(mu2));
        return new double[] {c + d + lowering, lowering / mu2};
    }

    /**
     * From Markov chains: the interleaved (re, im) local values E_L and E²_L, chain-major (value s of
     * chain c at index c·perChain + s), and the energy's autocorrelation time {@code tau} in samples.
     */
    public static LanczosStep ofChains(double[] local, double[] second, int nChains, int perChain, double tau) {
        int minLength = (int) Math.ceil(TAU_PER_BLOCK * Math.max(1.0, tau));
        int perChainBlocks = Math.max(1, Math.min(perChain / minLength, (TARGET_BLOCKS + nChains - 1) / nChains));
        int blocks = nChains * perChainBlocks;
        long n = (long) nChains * perChain;
        double c = 0;
        for (long i = 0; i < n; i++) {
            c += local[(int) (2 * i)];
        }
        c /= n;
        double[][] sums = new double[blocks][SUMS];
        long[] counts = new long[blocks];
        for (int ch = 0; ch < nChains; ch++) {
            for (int s = 0; s < perChain; s++) {
                int b = ch * perChainBlocks + (int) ((long) s * perChainBlocks / perChain);
                addSums(local, second, ch * perChain + s, c, 1.0, sums[b]);
                counts[b]++;
            }
        }
        double[] total = new double[SUMS];
        for (double[] sum : sums) {
            for (int k = 0; k < SUMS; k++) {
                total[k] += sum[k];
            }
        }
        double[] full = energyAndAlpha(c, scaled(total, null, 1.0 / n));
        if (blocks < 2) {
            return new LanczosStep(full[0], Double.NaN, full[1], blocks);
        }
        double[] leaveOut = new double[blocks];
        double meanLeaveOut = 0;
        for (int b = 0; b < blocks; b++) {
            leaveOut[b] = energyAndAlpha(c, scaled(total, sums[b], 1.0 / (n - counts[b])))[0];
            meanLeaveOut += leaveOut[b] / blocks;
        }
        double ss = 0;
        for (double e : leaveOut) {
            ss += (e - meanLeaveOut) * (e - meanLeaveOut);
        }
        double corrected = blocks * full[0] - (blocks - 1) * meanLeaveOut;
        return new LanczosStep(corrected, Math.sqrt((blocks - 1.0) / blocks * ss), full[1], blocks);
    }

    /** The exact step from a weighted sum over the sector (weights w_s, Σ = 1): no error. */
    public static LanczosStep ofWeightedSum(double[] local, double[] second, double[] weights, int n) {
        double c = 0;
        for (int s = 0; s < n; s++) {
            c += weights[s] * local[2 * s];
        }
        double[] m = new double[SUMS];
        for (int s = 0; s < n; s++) {
            addSums(local, second, s, c, weights[s], m);
        }
        double[] e = energyAndAlpha(c, m);
        return new LanczosStep(e[0], 0.0, e[1], 0);
    }

    /** (total − left out) · scale, entry by entry ({@code leftOut} null: nothing left out). */
    private static double[] scaled(double[] total, double[] leftOut, double scale) {
        double[] m = new double[SUMS];
        for (int k = 0; k < SUMS; k++) {
            m[k] = (total[k] - (leftOut == null ? 0 : leftOut[k])) * scale;
        }
        return m;
    }

    /** Adds w · (Re a, |a|², Re(a* b), Re b) of sample i, about c, to {@code into}. */
    private static void addSums(double[] local, double[] second, int i, double c, double w, double[] into) {
        double aRe = local[2 * i] - c;
        double aIm = local[2 * i + 1];
        double bRe = second[2 * i] - 2 * c * local[2 * i] + c * c;
        double bIm = second[2 * i + 1] - 2 * c * local[2 * i + 1];
        into[0] += w * aRe;
        into[1] += w * (aRe * aRe + aIm * aIm);
        into[2] += w * (aRe * bRe + aIm * bIm);
        into[3] += w * bRe;
    }
}
