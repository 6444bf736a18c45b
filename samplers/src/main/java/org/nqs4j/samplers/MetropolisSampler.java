package org.nqs4j.samplers;

import java.util.Arrays;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.hamiltonians.SpinHilbert;

/**
 * Metropolis–Hastings sampling of |ψ(σ)|² with many independent Markov chains.
 *
 * <p>A move σ→σ' from a symmetric {@link TransitionRule} is accepted with probability
 * min(1, |ψ(σ')/ψ(σ)|²), the ratio taken directly from the cache ({@link WalkerCache#ratio}). One sweep is
 * {@code sweepSize} proposals (default N). Chains persist across calls to {@link #sample}, so
 * each optimisation step continues the previous chains after a short burn-in.
 *
 * <p>Chain c draws from its own xoshiro256++ stream: the c-th jump (2^128 steps) of a generator
 * seeded from the run seed. Streams are therefore disjoint and independent of how chains are
 * spread over threads.
 */
public final class MetropolisSampler {
    private static final RandomSource SOURCE = RandomSource.XO_SHI_RO_256_PP;
    /** Any valid state: it is overwritten by the chain's saved state at once. */
    private static final long[] COPY_SEED = {1, 2, 3, 4};

    private final WaveFunction psi;
    private final SpinHilbert hilbert;
    private final TransitionRule rule;
    private final int nChains;
    private final int sweepSize;
    private final WalkerCache[] caches;
    private final RestorableUniformRandomProvider[] rngs;
    private final int[][] configurations;
    private final long[] proposed;
    private final long[] accepted;

    public MetropolisSampler(WaveFunction psi, SpinHilbert hilbert, TransitionRule rule, int nChains,
                             int sweepSize, long seed) {
        if (nChains < 1) {
            throw new IllegalArgumentException("the sampler needs at least one chain, got " + nChains);
        }
        if (sweepSize < 1) {
            throw new IllegalArgumentException("a sweep needs at least one proposal, got " + sweepSize);
        }
        if (psi.nSites() != hilbert.nSites()) {
            throw new IllegalArgumentException("the ansatz has " + psi.nSites() + " sites, the Hilbert space "
                    + hilbert.nSites());
        }
        if (hilbert.hasFixedMagnetization() && !rule.conservesMagnetization()) {
            throw new IllegalArgumentException("the Hilbert space fixes the total magnetisation but "
                    + rule.description() + " do not conserve it; use exchange moves");
        }
        this.psi = psi;
        this.hilbert = hilbert;
        this.rule = rule;
        this.nChains = nChains;
        this.sweepSize = sweepSize;
        this.caches = new WalkerCache[nChains];
        this.rngs = new RestorableUniformRandomProvider[nChains];
        this.configurations = new int[nChains][];
        this.proposed = new long[nChains];
        this.accepted = new long[nChains];
        JumpableUniformRandomProvider base = (JumpableUniformRandomProvider) SOURCE.create(seed);
        for (int c = 0; c < nChains; c++) {
            rngs[c] = (RestorableUniformRandomProvider) base.jump();
            caches[c] = psi.newCache();
            configurations[c] = randomConfiguration(hilbert, rngs[c]);
        }
    }

    /** A uniformly random configuration of the Hilbert space (of its Σσ sector when fixed). */
    static int[] randomConfiguration(SpinHilbert hilbert, UniformRandomProvider rng) {
        int n = hilbert.nSites();
        int[] sigma = new int[n];
        if (!hilbert.hasFixedMagnetization()) {
            for (int i = 0; i < n; i++) {
                sigma[i] = rng.nextBoolean() ? 1 : -1;
            }
            return sigma;
        }
        int up = (n + hilbert.sumSigma()) / 2;
        for (int i = 0; i < n; i++) {
            sigma[i] = i < up ? 1 : -1;
        }
        for (int i = n - 1; i > 0; i--) { // Fisher–Yates shuffle
            int j = rng.nextInt(i + 1);
            int t = sigma[i];
            sigma[i] = sigma[j];
            sigma[j] = t;
        }
        return sigma;
    }

    public int nChains() {
        return nChains;
    }

    public int sweepSize() {
        return sweepSize;
    }

    public TransitionRule rule() {
        return rule;
    }

    /**
     * Continues every chain: {@code discardSweeps} sweeps of burn-in, then {@code samplesPerChain}
     * samples one sweep apart, each handed to {@code visitor} with the live cache. Acceptance
     * counters restart at each call.
     */
    public void sample(int samplesPerChain, int discardSweeps, SampleVisitor visitor, ChainPool pool) {
        sample(samplesPerChain, discardSweeps, visitor, pool, 0, nChains);
    }

    /**
     * {@link #sample} of the chains [{@code first}, {@code end}) only (those of one process of a
     * distributed run); the others keep their state and report no proposals.
     */
    public void sample(int samplesPerChain, int discardSweeps, SampleVisitor visitor, ChainPool pool, int first,
                       int end) {
        if (samplesPerChain < 1 || discardSweeps < 0) {
            throw new IllegalArgumentException("need samplesPerChain >= 1 and discardSweeps >= 0");
        }
        if (first < 0 || end > nChains || first > end) {
            throw new IllegalArgumentException("chains [" + first + ", " + end + ") of " + nChains);
        }
        Arrays.fill(proposed, 0);
        Arrays.fill(accepted, 0);
        pool.forEach(end - first, i -> runChain(first + i, samplesPerChain, discardSweeps, visitor));
    }

    /**
     * Runs chain c on the calling thread. The random stream, the move sites and the ratio, all
     * written on every proposal, are worked on in copies allocated here, by the thread that runs
     * the chain: the pool's threads would otherwise write to neighbouring small objects (a
     * garbage collection copies the per-chain generators next to each other) and share their
     * cache lines.
     */
    private void runChain(int c, int samples, int discard, SampleVisitor visitor) {
        WalkerCache cache = caches[c];
        cache.reset(configurations[c]); // parameters may have changed since the last call
        RestorableUniformRandomProvider rng = SOURCE.create(COPY_SEED);
        rng.restoreState(rngs[c].saveState());
        int[] sites = new int[rule.maxFlips()];
        double[] r = new double[2];
        proposed[c] = 0;
        accepted[c] = 0;
        for (int d = 0; d < discard; d++) {
            sweep(c, cache, rng, sites, r);
        }
        for (int s = 0; s < samples; s++) {
            sweep(c, cache, rng, sites, r);
            visitor.visit(c, s, cache);
        }
        rngs[c].restoreState(rng.saveState());
        System.arraycopy(cache.sigma(), 0, configurations[c], 0, configurations[c].length);
    }

    /**
     * One sweep of chain c. The counters are kept in locals and stored once: chains on different
     * threads would otherwise write neighbouring elements of {@code proposed}/{@code accepted}
     * on every proposal (false sharing of one cache line).
     */
    private void sweep(int c, WalkerCache cache, UniformRandomProvider rng, int[] sites, double[] r) {
        long nProposed = 0;
        long nAccepted = 0;
        for (int step = 0; step < sweepSize; step++) {
            int n = rule.propose(cache.sigma(), rng, sites);
            if (n == 0) {
                continue;
            }
            nProposed++;
            cache.ratio(sites, 0, n, r);
            double acceptance = r[0] * r[0] + r[1] * r[1]; // |ψ(σ')/ψ(σ)|², no exp needed
            if (acceptance >= 1 || rng.nextDouble() < acceptance) {
                cache.applyFlips(sites, 0, n);
                nAccepted++;
            }
        }
        proposed[c] += nProposed;
        accepted[c] += nAccepted;
    }

    /** Non-null proposals of chain c in the last {@link #sample} call. */
    public long proposed(int c) {
        return proposed[c];
    }

    /** Proposals of chain c accepted in the last {@link #sample} call. */
    public long accepted(int c) {
        return accepted[c];
    }

    /** Fraction of non-null proposals accepted by chain c in the last {@link #sample} call. */
    public double acceptance(int c) {
        return proposed[c] == 0 ? Double.NaN : (double) accepted[c] / proposed[c];
    }

    /** Fraction of non-null proposals accepted over all chains in the last call. */
    public double acceptance() {
        long p = 0;
        long a = 0;
        for (int c = 0; c < nChains; c++) {
            p += proposed[c];
            a += accepted[c];
        }
        return p == 0 ? Double.NaN : (double) a / p;
    }

    /** The configuration chain c ended on (a copy). */
    public int[] configuration(int c) {
        return configurations[c].clone();
    }

    /** The state of every chain (configuration and random stream), for checkpoints. */
    public SamplerState saveState() {
        int[][] conf = new int[nChains][];
        byte[][] rng = new byte[nChains][];
        for (int c = 0; c < nChains; c++) {
            conf[c] = configurations[c].clone();
            rng[c] = ((RandomProviderDefaultState) rngs[c].saveState()).getState();
        }
        return new SamplerState(conf, rng);
    }

    public void restoreState(SamplerState state) {
        if (state.configurations().length != nChains) {
            throw new IllegalArgumentException("the saved state has " + state.configurations().length
                    + " chains, the sampler " + nChains);
        }
        for (int c = 0; c < nChains; c++) {
            if (!hilbert.contains(state.configurations()[c])) {
                throw new IllegalArgumentException("saved configuration of chain " + c + " is not in " + hilbert);
            }
            configurations[c] = state.configurations()[c].clone();
            rngs[c].restoreState(new RandomProviderDefaultState(state.randomStates()[c]));
        }
    }

    @Override
    public String toString() {
        return "Metropolis, " + nChains + " chains, sweep " + sweepSize + ", " + rule.description()
                + " (" + psi.description() + ")";
    }
}
