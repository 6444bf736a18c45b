package org.nqs4j.samplers;

import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.hamiltonians.hilbert.Hilbert;

/**
 * Every basis state of an enumerable sector once, weighted by its Born probability
 * p_i = |ψ(x_i)|² / Σ_j |ψ(x_j)|² ({@link #weights}): expectation values become exact sums,
 * ⟨A⟩ = Σ_i p_i A_loc(x_i), and so do the force and the quantum geometric tensor, with no sampling
 * noise (NetKet's {@code FullSumState}). This is the deterministic optimisation that ab-initio
 * neural-network states need where |ψ|² is peaked: sampled, a molecule's Hartree–Fock configuration
 * takes almost every sample and the small amplitudes that carry the correlation energy are seen
 * too rarely to be learned (Li et al., JCTC 19, 8156 (2023); Liu &amp; Clark, PRB 110, 115137
 * (2024) sum over a selected subspace instead).
 *
 * <p>Slot k = c·perChain + s of the {@link #sample} call holds basis state k; chains only split the
 * work. Slots past the last state, and nodes of ψ (p = 0, where a cache cannot sit), visit the most
 * probable state with weight 0, so that every slot holds finite values that count for nothing.
 * Results are the same for any thread or rank count: each slot is one state, and p is normalised
 * serially. The ratios of the local estimators are read from the table of log ψ
 * ({@link TabulatedCache}), so a local energy costs a ranking per connection.
 */
public final class FullSumSampler implements Sampler {
    private final SectorWeights weights;
    private final TabulatedCache[] caches;
    private final int nChains;
    private final int[][] configurations;
    private final long[] visits;
    private double[] slotWeights = new double[0];

    public FullSumSampler(WaveFunction psi, Hilbert hilbert, int nChains) {
        if (nChains < 1) {
            throw new IllegalArgumentException("the sampler needs at least one chain, got " + nChains);
        }
        this.weights = new SectorWeights(psi, hilbert);
        this.nChains = nChains;
        this.caches = new TabulatedCache[nChains];
        this.configurations = new int[nChains][hilbert.size()];
        this.visits = new long[nChains];
        for (int c = 0; c < nChains; c++) {
            caches[c] = new TabulatedCache(weights, psi.newCache());
            hilbert.state(0, configurations[c]);
        }
    }

    /** Basis states of the sector. */
    public int nStates() {
        return weights.nStates();
    }

    /** Samples per chain that cover every state: ⌈D / chains⌉. */
    public static int samplesPerChain(Hilbert hilbert, int nChains) {
        return (int) ((hilbert.nStates() + nChains - 1) / nChains);
    }

    @Override
    public int nChains() {
        return nChains;
    }

    /**
     * Visits slots [first·perChain, end·perChain); {@code discardSweeps} is ignored.
     *
     * @throws IllegalArgumentException when the slots of all chains do not cover every basis state
     */
    @Override
    public void sample(int samplesPerChain, int discardSweeps, SampleVisitor visitor, ChainPool pool, int first,
                       int end) {
        Sampler.requireArguments(samplesPerChain, discardSweeps, first, end, nChains);
        if ((long) samplesPerChain * nChains < weights.nStates()) {
            throw new IllegalArgumentException(nChains + " chains of " + samplesPerChain + " samples cannot hold the "
                    + weights.nStates() + " states of the sector");
        }
        weights.tabulate(pool);
        int slots = samplesPerChain * nChains;
        if (slotWeights.length != slots) {
            slotWeights = new double[slots];
        }
        for (int k = 0; k < slots; k++) {
            slotWeights[k] = k < weights.nStates() ? weights.probability(k) : 0.0;
        }
        pool.forEach(end - first, i -> visitChain(first + i, samplesPerChain, visitor));
    }

    private void visitChain(int c, int samples, SampleVisitor visitor) {
        TabulatedCache cache = caches[c];
        int[] x = configurations[c];
        cache.invalidate(); // the parameters changed since the last call
        for (int s = 0; s < samples; s++) {
            int k = c * samples + s;
            cache.moveTo(slotWeights[k] > 0 ? k : weights.mostProbable(), x);
            visitor.visit(c, s, cache);
        }
        visits[c] = samples;
    }

    /** p of each slot of the last {@link #sample} call (Σ = 1); 0 for padding and nodes. */
    @Override
    public double[] weights() {
        return slotWeights;
    }

    @Override
    public boolean weighsSamples() {
        return true;
    }

    /** States visited by chain c in the last call; all count as accepted. */
    @Override
    public long proposed(int c) {
        return visits[c];
    }

    @Override
    public long accepted(int c) {
        return visits[c];
    }

    @Override
    public int[] configuration(int c) {
        return configurations[c].clone();
    }

    /** Nothing random to save: the configurations are the last states visited. */
    @Override
    public SamplerState saveState() {
        int[][] conf = new int[nChains][];
        byte[][] rng = new byte[nChains][0];
        for (int c = 0; c < nChains; c++) {
            conf[c] = configurations[c].clone();
        }
        return new SamplerState(conf, rng);
    }

    @Override
    public void restoreState(SamplerState state) {
        if (state.configurations().length != nChains) {
            throw new IllegalArgumentException("the saved state has " + state.configurations().length
                    + " chains, the sampler " + nChains);
        }
        for (int c = 0; c < nChains; c++) {
            if (!weights.hilbert().contains(state.configurations()[c])) {
                throw new IllegalArgumentException("saved configuration of chain " + c + " is not in " + weights.hilbert());
            }
            configurations[c] = state.configurations()[c].clone();
        }
    }

    @Override
    public String toString() {
        return "full sum over " + weights.nStates() + " states, " + nChains + " chains";
    }
}
