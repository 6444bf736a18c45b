package org.nqs4j.samplers;

/**
 * Draws samples of |ψ(x)|² with many persistent Markov chains, each with its own random stream, so
 * that results do not depend on how chains are spread over threads or processes. The driver sees
 * only this interface: Metropolis–Hastings ({@link MetropolisSampler}) today; exact sampling or
 * parallel tempering can plug in behind it.
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

    /** Non-null proposals of chain c in the last {@link #sample} call. */
    long proposed(int c);

    /** Proposals of chain c accepted in the last {@link #sample} call. */
    long accepted(int c);

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
