package org.nqs4j.samplers;

/**
 * Draws samples of |ψ(x)|² with many persistent Markov chains, each with its own random stream, so
 * that results do not depend on how chains are spread over threads or processes. The driver sees
 * only this interface: Metropolis–Hastings ({@link MetropolisSampler}) today; independent exact draws
 * ({@link ExactSampler}), the weighted full sum over a small sector ({@link FullSumSampler}); parallel
 * tempering is a Metropolis sampler with several replicas per chain ({@link Temperatures}).
 */
public interface Sampler {
    int nChains();

    /**
     * Continues the chains [{@code first}, {@code end}): {@code discardSweeps} sweeps of burn-in,
     * then {@code samplesPerChain} samples one sweep apart, each handed to {@code visitor} with the
     * live cache. The other chains keep their state. Acceptance counters restart at each call.
     */
    void sample(int samplesPerChain, int discardSweeps, SampleVisitor visitor, ChainPool pool, int first, int end);

    /** {@link #sample} of every chain. */
    default void sample(int samplesPerChain, int discardSweeps, SampleVisitor visitor, ChainPool pool) {
        sample(samplesPerChain, discardSweeps, visitor, pool, 0, nChains());
    }

    /**
     * The probability weight of each sample of the last {@link #sample} call, in slot order
     * c·samplesPerChain + s (Σ = 1), for samplers that {@link #weighsSamples}; null for Monte Carlo
     * samplers, whose N samples weigh 1/N each.
     */
    default double[] weights() {
        return null;
    }

    /** True when expectation values are the {@link #weights}-weighted sums of the samples rather than their means. */
    default boolean weighsSamples() {
        return false;
    }

    /** The argument checks of {@link #sample}. */
    static void requireArguments(int samplesPerChain, int discardSweeps, int first, int end, int nChains) {
        if (samplesPerChain < 1 || discardSweeps < 0) {
            throw new IllegalArgumentException("need samplesPerChain >= 1 and discardSweeps >= 0");
        }
        if (first < 0 || end > nChains || first > end) {
            throw new IllegalArgumentException("chains [" + first + ", " + end + ") of " + nChains);
        }
    }

    /** Non-null proposals of chain c in the last {@link #sample} call. */
    long proposed(int c);

    /** Proposals of chain c accepted in the last {@link #sample} call. */
    long accepted(int c);

    /** Replica swaps chain c attempted in the last {@link #sample} call (parallel tempering; else 0). */
    default long swapsProposed(int c) {
        return 0;
    }

    /** Replica swaps of chain c accepted in the last {@link #sample} call. */
    default long swapsAccepted(int c) {
        return 0;
    }

    /** Fraction of non-null proposals accepted over all chains in the last call. */
    default double acceptance() {
        long p = 0;
        long a = 0;
        for (int c = 0; c < nChains(); c++) {
            p += proposed(c);
            a += accepted(c);
        }
        return p == 0 ? Double.NaN : (double) a / p;
    }

    /** The configuration chain c ended on (a copy). */
    int[] configuration(int c);

    /** The state of every chain (configuration and random stream), for checkpoints. */
    SamplerState saveState();

    /** Restores a {@link #saveState}; refuses configurations outside the Hilbert space. */
    void restoreState(SamplerState state);
}
