package org.nqs4j.samplers;

import java.util.Arrays;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * Metropolis–Hastings sampling of |ψ(x)|² with many independent Markov chains, on any
 * {@link Hilbert} space.
 *
 * <p>A move x→x' from a {@link TransitionRule} is accepted with probability
 * min(1, |ψ(x')/ψ(x)|² · T(x'→x)/T(x→x')), the ratio taken directly from the cache
 * ({@link WalkerCache#ratio}) and the proposal ratio asked only of asymmetric rules. A symmetric rule's
 * decision starts from the cache's bounded estimate of |ψ(x')/ψ(x)|² ({@link WalkerCache#ratioModulus2}) and
 * asks for the exact ratio only where the estimate cannot decide: the same decisions and draws. One sweep is
 * {@code sweepSize} proposals (default N). Chains persist across calls to {@link #sample}, so
 * each optimisation step continues the previous chains after a short burn-in.
 *
 * <p>Chain c draws from its own xoshiro256++ stream: the c-th jump (2^128 steps) of a generator
 * seeded from the run seed. Streams are therefore disjoint and independent of how chains are
 * spread over threads.
 *
 * <p>Parallel tempering ({@link Temperatures} with R &gt; 1 replicas): each chain is R walkers, replica k
 * sampling |ψ|^{2β_k} (acceptance min(1, |ψ(x')/ψ(x)|^{2β_k}), the same bracketed decision with the
 * threshold u^{1/β_k}); after every sweep of all R, neighbours k, k + 1 swap their configurations with
 * probability min(1, exp((β_k − β_{k+1})(ℓ_{k+1} − ℓ_k))), ℓ = log|ψ|², from the top of the ladder down,
 * which keeps every replica's distribution stationary (detailed balance of the joint chain). The
 * samples, and the acceptance counted, are those of the β = 1 walker; a chain's replicas share its
 * random stream, so the results stay independent of threads and ranks. Cost: R sweeps per sample.
 */
public final class MetropolisSampler implements Sampler {
    /** Any valid state: it is overwritten by the chain's saved state at once. */
    private static final long[] COPY_SEED = {1, 2, 3, 4};

    private final WaveFunction psi;
    private final Hilbert hilbert;
    private final TransitionRule rule;
    private final boolean symmetric;
    private final int nChains;
    private final int sweepSize;
    private final Temperatures temperatures;
    private final int replicas;
    /** Chain c's walkers at [c·R, (c + 1)·R), in the order of the ladder (β₀ = 1 first). */
    private final WalkerCache[] caches;
    private final ChainStreams chains;
    private final RestorableUniformRandomProvider[] rngs;
    /** Chain c's configurations, replica after replica (R·N numbers). */
    private final int[][] configurations;
    private final long[] proposed;
    private final long[] accepted;
    private final long[] swapsProposed;
    private final long[] swapsAccepted;

    /** Plain Metropolis: one walker per chain, at β = 1. */
    public MetropolisSampler(WaveFunction psi, Hilbert hilbert, TransitionRule rule, int nChains,
                             int sweepSize, long seed) {
        this(psi, hilbert, rule, nChains, sweepSize, Temperatures.single(), seed);
    }

    public MetropolisSampler(WaveFunction psi, Hilbert hilbert, TransitionRule rule, int nChains,
                             int sweepSize, Temperatures temperatures, long seed) {
        if (sweepSize < 1) {
            throw new IllegalArgumentException("a sweep needs at least one proposal, got " + sweepSize);
        }
        if (psi.configurationSize() != hilbert.size()) {
            throw new IllegalArgumentException("the ansatz takes configurations of " + psi.configurationSize()
                    + " entries, the Hilbert space has " + hilbert.size());
        }
        rule.incompatibility(hilbert).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        this.psi = psi;
        this.hilbert = hilbert;
        this.rule = rule;
        this.symmetric = rule.isSymmetric();
        this.nChains = nChains;
        this.sweepSize = sweepSize;
        this.temperatures = temperatures;
        this.replicas = temperatures.replicas();
        this.chains = new ChainStreams(hilbert, nChains, replicas, seed);
        this.caches = new WalkerCache[nChains * replicas];
        this.rngs = chains.rngs;
        this.configurations = chains.configurations;
        this.proposed = new long[nChains];
        this.accepted = new long[nChains];
        this.swapsProposed = new long[nChains];
        this.swapsAccepted = new long[nChains];
        int size = hilbert.size();
        for (int c = 0; c < nChains; c++) {
            configurations[c] = new int[replicas * size];
            for (int k = 0; k < replicas; k++) { // one start per replica, each drawn from the chain's stream
                caches[c * replicas + k] = psi.newCache();
                System.arraycopy(startConfiguration(psi, hilbert, rngs[c]), 0, configurations[c], k * size, size);
            }
        }
    }

    /** Random draws a chain's start takes at most to find a configuration where ψ ≠ 0. */
    static final int MAX_START_DRAWS = 100;

    /**
     * A uniformly random configuration of the sector where ψ ≠ 0, from the chain's own stream: a
     * Slater determinant vanishes on some configurations (its nodes), where no walker can sit, so
     * the draw is repeated there. An ansatz that never vanishes takes the first draw, as before; one
     * that vanishes almost everywhere (a Hartree–Fock determinant in its own orbitals) keeps the first
     * draw too, and its run places the chains with {@link #startAt}.
     */
    private static int[] startConfiguration(WaveFunction psi, Hilbert hilbert, UniformRandomProvider rng) {
        double[] log = new double[2];
        int[] first = null;
        for (int draw = 0; draw < MAX_START_DRAWS; draw++) {
            int[] x = new int[hilbert.size()];
            hilbert.randomState(new RandomGeneratorView(rng), x);
            psi.logPsi(x, log);
            if (log[0] > Double.NEGATIVE_INFINITY) {
                return x;
            }
            first = first == null ? x : first;
        }
        return first;
    }

    /**
     * Puts every chain at {@code x} instead of its random start: for an ansatz that vanishes on most
     * of the sector (a Hartree–Fock determinant in its own orbitals is non-zero on one configuration
     * only), where a random start would sit on a node.
     */
    public void startAt(int[] x) {
        if (x.length != hilbert.size() || !hilbert.contains(x)) {
            throw new IllegalArgumentException("the start " + Arrays.toString(x) + " is not a state of " + hilbert);
        }
        for (int[] c : configurations) {
            for (int k = 0; k < replicas; k++) {
                System.arraycopy(x, 0, c, k * x.length, x.length);
            }
        }
    }

    /**
     * A sampler of another ansatz {@code other} on the same space, with this one's rule, chains and sweep,
     * whose chains start where this one's β = 1 walkers are, each with a copy of its random stream (this
     * sampler's chains do not move): e.g. to sample a state derived from this ψ (one Lanczos step) from ψ's
     * chains. One walker per chain, without tempering: such a state costs many ratios of ψ per ratio, and
     * from ψ's equilibrated walkers its chains were measured to mix (kagome 2×4: τ ≈ 1, R̂ 1.000 where ψ's
     * own untempered chains had split; validation/README.md), which its run checks.
     */
    public MetropolisSampler over(WaveFunction other) {
        MetropolisSampler s = new MetropolisSampler(other, hilbert, rule, nChains, sweepSize, 0);
        SamplerState own = saveState();
        int[][] walkers = new int[nChains][];
        for (int c = 0; c < nChains; c++) {
            walkers[c] = Arrays.copyOf(own.configurations()[c], hilbert.size());
        }
        s.restoreState(new SamplerState(walkers, own.randomStates()));
        return s;
    }

    @Override
    public int nChains() {
        return nChains;
    }

    public int sweepSize() {
        return sweepSize;
    }

    public TransitionRule rule() {
        return rule;
    }

    public Temperatures temperatures() {
        return temperatures;
    }

    @Override
    public void sample(int samplesPerChain, int discardSweeps, SampleVisitor visitor, ChainPool pool, int first,
                       int end) {
        Sampler.requireArguments(samplesPerChain, discardSweeps, first, end, nChains);
        Arrays.fill(proposed, 0);
        Arrays.fill(accepted, 0);
        Arrays.fill(swapsProposed, 0);
        Arrays.fill(swapsAccepted, 0);
        pool.forEach(end - first, i -> runChain(first + i, samplesPerChain, discardSweeps, visitor));
    }

    /**
     * Runs chain c on the calling thread. The random stream, the move and the ratio, all
     * written on every proposal, are worked on in copies allocated here, by the thread that runs
     * the chain: the pool's threads would otherwise write to neighbouring small objects (a
     * garbage collection copies the per-chain generators next to each other) and share their
     * cache lines.
     */
    private void runChain(int c, int samples, int discard, SampleVisitor visitor) {
        int size = hilbert.size();
        int[] own = configurations[c];
        for (int k = 0; k < replicas; k++) { // parameters may have changed since the last call
            caches[c * replicas + k].reset(replicas == 1 ? own : Arrays.copyOfRange(own, k * size, (k + 1) * size));
        }
        RestorableUniformRandomProvider rng = ChainStreams.SOURCE.create(COPY_SEED);
        rng.restoreState(rngs[c].saveState());
        int[] sites = new int[rule.maxChanges()];
        int[] values = new int[rule.maxChanges()];
        double[] r = new double[2];
        double[] logModulus2 = new double[replicas];
        proposed[c] = 0;
        accepted[c] = 0;
        swapsProposed[c] = 0;
        swapsAccepted[c] = 0;
        for (int s = -discard; s < samples; s++) {
            sweep(c, caches[c * replicas], 1.0, rng, sites, values, r, true);
            for (int k = 1; k < replicas; k++) {
                sweep(c, caches[c * replicas + k], temperatures.beta(k), rng, sites, values, r, false);
            }
            if (replicas > 1) {
                swapReplicas(c, rng, r, logModulus2);
            }
            if (s >= 0) {
                visitor.visit(c, s, caches[c * replicas]);
            }
        }
        rngs[c].restoreState(rng.saveState());
        for (int k = 0; k < replicas; k++) {
            System.arraycopy(caches[c * replicas + k].configuration(), 0, own, k * size, size);
        }
    }

    /**
     * The replica-exchange moves of chain c after a sweep: pairs (k, k + 1) from the top of the ladder
     * down, each swapped with probability min(1, exp((β_k − β_{k+1})(ℓ_{k+1} − ℓ_k))), ℓ = 2 Re log ψ
     * of the walker's configuration. A swap exchanges the walkers (caches) between the rungs, so no
     * table is rebuilt.
     */
    private void swapReplicas(int c, UniformRandomProvider rng, double[] r, double[] logModulus2) {
        int base = c * replicas;
        for (int k = 0; k < replicas; k++) {
            caches[base + k].logPsi(r);
            logModulus2[k] = 2 * r[0];
        }
        for (int k = replicas - 2; k >= 0; k--) {
            double exponent = (temperatures.beta(k) - temperatures.beta(k + 1)) * (logModulus2[k + 1] - logModulus2[k]);
            swapsProposed[c]++;
            if (exponent >= 0 || rng.nextDouble() < Math.exp(exponent)) {
                WalkerCache walker = caches[base + k];
                caches[base + k] = caches[base + k + 1];
                caches[base + k + 1] = walker;
                double l = logModulus2[k];
                logModulus2[k] = logModulus2[k + 1];
                logModulus2[k + 1] = l;
                swapsAccepted[c]++;
            }
        }
    }

    /**
     * One sweep of a walker of chain c at inverse temperature β; the β = 1 walker's proposals and
     * acceptances are counted ({@code counted}). The counters are kept in locals and stored once:
     * chains on different threads would otherwise write neighbouring elements of
     * {@code proposed}/{@code accepted} on every proposal (false sharing of one cache line).
     */
    private void sweep(int c, WalkerCache cache, double beta, UniformRandomProvider rng, int[] sites, int[] values,
                       double[] r, boolean counted) {
        long nProposed = 0;
        long nAccepted = 0;
        for (int step = 0; step < sweepSize; step++) {
            int n = rule.propose(cache.configuration(), rng, sites, values);
            if (n == 0) {
                continue;
            }
            nProposed++;
            boolean accept = !symmetric ? acceptsAsymmetric(cache, rng, sites, values, n, r, beta)
                    : beta == 1.0 ? accepts(cache, rng, sites, values, n, r) : acceptsAt(beta, cache, rng, sites, values, n, r);
            if (accept) {
                cache.applyMove(sites, values, 0, n);
                nAccepted++;
            }
        }
        if (counted) {
            proposed[c] += nProposed;
            accepted[c] += nAccepted;
        }
    }

    /**
     * The decision acceptance ≥ 1 or u &lt; acceptance for acceptance = |ψ(x')/ψ(x)|², u drawn only when
     * acceptance &lt; 1, taken from the cache's estimate e ± b ({@link WalkerCache#ratioModulus2}) where the
     * bracket [e − b, e + b] decides it: e − b ≥ 1 accepts undrawn; e + b &lt; 1 draws u, which accepts below
     * e − b and rejects from e + b on. Only between (or at a bound b = 0, the exact value) does the exact
     * |ratio|² decide, so every decision and every random number drawn are those of the exact value.
     * Public for the benchmarks' hot loop; {@code r} is scratch of 2 doubles.
     */
    public static boolean accepts(WalkerCache cache, UniformRandomProvider rng, int[] sites, int[] values, int n,
                                   double[] r) {
        cache.ratioModulus2(sites, values, 0, n, r);
        double estimate = r[0];
        double bound = r[1];
        if (bound == 0.0) {
            return estimate >= 1 || rng.nextDouble() < estimate;
        }
        if (estimate - bound >= 1) {
            return true;
        }
        if (estimate + bound < 1) {
            double u = rng.nextDouble();
            return u < estimate - bound || (u < estimate + bound && u < exactModulus2(cache, sites, values, n, r));
        }
        double acceptance = exactModulus2(cache, sites, values, n, r);
        return acceptance >= 1 || rng.nextDouble() < acceptance;
    }

    /** |ψ(x')/ψ(x)|² from the exact ratio, no exp needed. */
    private static double exactModulus2(WalkerCache cache, int[] sites, int[] values, int n, double[] r) {
        cache.ratio(sites, values, 0, n, r);
        return r[0] * r[0] + r[1] * r[1];
    }

    /**
     * The decision of a walker at β &lt; 1, acceptance |ψ(x')/ψ(x)|^{2β} = m^β: u drawn first, the move is
     * accepted when m &gt; u^{1/β}, decided from the cache's bracket of m where it can be, else from the exact m.
     */
    private static boolean acceptsAt(double beta, WalkerCache cache, UniformRandomProvider rng, int[] sites,
                                     int[] values, int n, double[] r) {
        cache.ratioModulus2(sites, values, 0, n, r);
        double estimate = r[0];
        double bound = r[1];
        if (estimate - bound >= 1) {
            return true;
        }
        double threshold = Math.pow(rng.nextDouble(), 1 / beta);
        if (bound == 0.0) {
            return estimate > threshold;
        }
        if (threshold < estimate - bound) {
            return true;
        }
        return threshold < estimate + bound && exactModulus2(cache, sites, values, n, r) > threshold;
    }

    /**
     * The decision with the proposal ratio T(x'→x)/T(x→x') of an asymmetric rule, from the exact ratio:
     * acceptance m^β T(x'→x)/T(x→x') (Math.pow(m, 1) is m itself).
     */
    private boolean acceptsAsymmetric(WalkerCache cache, UniformRandomProvider rng, int[] sites, int[] values, int n,
                                      double[] r, double beta) {
        double acceptance = Math.pow(exactModulus2(cache, sites, values, n, r), beta)
                * Math.exp(rule.logProposalRatio(cache.configuration(), sites, values, n));
        return acceptance >= 1 || rng.nextDouble() < acceptance;
    }

    @Override
    public long proposed(int c) {
        return proposed[c];
    }

    @Override
    public long accepted(int c) {
        return accepted[c];
    }

    @Override
    public long swapsProposed(int c) {
        return swapsProposed[c];
    }

    @Override
    public long swapsAccepted(int c) {
        return swapsAccepted[c];
    }

    /** Fraction of non-null proposals accepted by chain c in the last {@link #sample} call. */
    public double acceptance(int c) {
        return proposed[c] == 0 ? Double.NaN : (double) accepted[c] / proposed[c];
    }

    @Override
    public int[] configuration(int c) {
        return Arrays.copyOf(configurations[c], hilbert.size());
    }

    @Override
    public SamplerState saveState() {
        return chains.save();
    }

    @Override
    public void restoreState(SamplerState state) {
        chains.restore(state);
    }

    @Override
    public String toString() {
        return "Metropolis, " + nChains + " chains, sweep " + sweepSize + ", " + rule.description()
                + (replicas > 1 ? ", parallel tempering over " + temperatures : "") + " (" + psi.description() + ")";
    }
}
