package org.nqs4j.samplers;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * Independent draws from p(x) = |ψ(x)|² / Σ_y |ψ(y)|² over a sector small enough to enumerate
 * (NetKet's {@code ExactSampler}): at each {@link #sample} call the {@link SectorWeights} of the
 * current parameters, then per draw the state whose cumulative weight first exceeds a uniform u.
 * Samples are exactly independent (τ = 1) and no chain can get stuck: Metropolis chains of a
 * molecule sit on the Hartree–Fock configuration with acceptance 0.1–1 %.
 *
 * <p>Cost per call: D evaluations of log ψ and a {@link WalkerCache#reset} per draw that lands on
 * another state than the chain's previous one; the ratios of the local estimators are read from the
 * table of log ψ ({@link TabulatedCache}). Chain c draws from its own stream
 * ({@link ChainStreams}), so results do not depend on threads or ranks.
 */
public final class ExactSampler implements Sampler {
    /** The largest sector enumerated. */
    public static final long MAX_STATES = SectorWeights.MAX_STATES;

    private final SectorWeights weights;
    private final TabulatedCache[] caches;
    private final ChainStreams chains;
    private final long[] draws;

    public ExactSampler(WaveFunction psi, Hilbert hilbert, int nChains, long seed) {
        this.weights = new SectorWeights(psi, hilbert);
        this.chains = new ChainStreams(hilbert, nChains, seed);
        this.caches = new TabulatedCache[nChains];
        this.draws = new long[nChains];
        for (int c = 0; c < nChains; c++) {
            caches[c] = new TabulatedCache(weights, psi.newCache());
            chains.configurations[c] = new int[hilbert.size()];
            hilbert.state(0, chains.configurations[c]);
        }
    }

    @Override
    public int nChains() {
        return chains.nChains();
    }

    /** {@code discardSweeps} is ignored: independent draws need no burn-in. */
    @Override
    public void sample(int samplesPerChain, int discardSweeps, SampleVisitor visitor, ChainPool pool, int first,
                       int end) {
        Sampler.requireArguments(samplesPerChain, discardSweeps, first, end, nChains());
        weights.tabulate(pool);
        Arrays.fill(draws, 0);
        pool.forEach(end - first, i -> drawChain(first + i, samplesPerChain, visitor));
    }

    private void drawChain(int c, int samples, SampleVisitor visitor) {
        TabulatedCache cache = caches[c];
        UniformRandomProvider rng = chains.rngs[c];
        int[] x = chains.configurations[c];
        cache.invalidate(); // the parameters may have changed since the last call
        for (int s = 0; s < samples; s++) {
            cache.moveTo(weights.draw(rng.nextDouble()), x);
            visitor.visit(c, s, cache);
        }
        draws[c] = samples;
    }

    /** Draws of chain c in the last call: each is a new independent sample. */
    @Override
    public long proposed(int c) {
        return draws[c];
    }

    /** Every draw is a sample of |ψ|², so all count as accepted. */
    @Override
    public long accepted(int c) {
        return draws[c];
    }

    @Override
    public int[] configuration(int c) {
        return chains.configurations[c].clone();
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
        return "exact sampling of " + weights.nStates() + " states, " + nChains() + " chains";
    }
}
