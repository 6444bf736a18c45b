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
    private final WalkerCache[] caches;
    private final ChainStreams chains;
    private final RestorableUniformRandomProvider[] rngs;
    private final int[][] configurations;
    private final long[] proposed;
    private final long[] accepted;

    public MetropolisSampler(WaveFunction psi, Hilbert hilbert, TransitionRule rule, int nChains,
                             int sweepSize, long seed) {
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
        this.chains = new ChainStreams(hilbert, nChains, seed);
        this.caches = new WalkerCache[nChains];
        this.rngs = chains.rngs;
        this.configurations = chains.configurations;
        this.proposed = new long[nChains];
        this.accepted = new long[nChains];
        for (int c = 0; c < nChains; c++) {
            caches[c] = psi.newCache();
            configurations[c] = startConfiguration(psi, hilbert, rngs[c]);
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
            System.arraycopy(x, 0, c, 0, c.length);
        }
    }

    /**
     * A sampler of another ansatz {@code other} on the same space, with this one's rule, chains and sweep,
     * whose chains start where this one's are, each with a copy of its random stream (this sampler's
     * chains do not move): e.g. to sample a state derived from this ψ (one Lanczos step) from ψ's chains.
     */
    public MetropolisSampler over(WaveFunction other) {
        MetropolisSampler s = new MetropolisSampler(other, hilbert, rule, nChains, sweepSize, 0);
        s.restoreState(saveState());
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

    @Override
    public void sample(int samplesPerChain, int discardSweeps, SampleVisitor visitor, ChainPool pool, int first,
                       int end) {
        Sampler.requireArguments(samplesPerChain, discardSweeps, first, end, nChains);
        Arrays.fill(proposed, 0);
        Arrays.fill(accepted, 0);
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
        WalkerCache cache = caches[c];
        cache.reset(configurations[c]); // parameters may have changed since the last call
        RestorableUniformRandomProvider rng = ChainStreams.SOURCE.create(COPY_SEED);
        rng.restoreState(rngs[c].saveState());
        int[] sites = new int[rule.maxChanges()];
        int[] values = new int[rule.maxChanges()];
        double[] r = new double[2];
        proposed[c] = 0;
        accepted[c] = 0;
        for (int d = 0; d < discard; d++) {
            sweep(c, cache, rng, sites, values, r);
        }
        for (int s = 0; s < samples; s++) {
            sweep(c, cache, rng, sites, values, r);
            visitor.visit(c, s, cache);
        }
        rngs[c].restoreState(rng.saveState());
        System.arraycopy(cache.configuration(), 0, configurations[c], 0, configurations[c].length);
    }

    /**
     * One sweep of chain c. The counters are kept in locals and stored once: chains on different
     * threads would otherwise write neighbouring elements of {@code proposed}/{@code accepted}
     * on every proposal (false sharing of one cache line).
     */
    private void sweep(int c, WalkerCache cache, UniformRandomProvider rng, int[] sites, int[] values,
                       double[] r) {
        long nProposed = 0;
        long nAccepted = 0;
        for (int step = 0; step < sweepSize; step++) {
            int n = rule.propose(cache.configuration(), rng, sites, values);
            if (n == 0) {
                continue;
            }
            nProposed++;
            if (symmetric ? accepts(cache, rng, sites, values, n, r) : acceptsAsymmetric(cache, rng, sites, values, n, r)) {
                cache.applyMove(sites, values, 0, n);
                nAccepted++;
            }
        }
        proposed[c] += nProposed;
        accepted[c] += nAccepted;
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

    /** The decision with the proposal ratio T(x'→x)/T(x→x') of an asymmetric rule, from the exact ratio. */
    private boolean acceptsAsymmetric(WalkerCache cache, UniformRandomProvider rng, int[] sites, int[] values, int n,
                                      double[] r) {
        double acceptance = exactModulus2(cache, sites, values, n, r)
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

    /** Fraction of non-null proposals accepted by chain c in the last {@link #sample} call. */
    public double acceptance(int c) {
        return proposed[c] == 0 ? Double.NaN : (double) accepted[c] / proposed[c];
    }

    @Override
    public int[] configuration(int c) {
        return configurations[c].clone();
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
                + " (" + psi.description() + ")";
    }
}
