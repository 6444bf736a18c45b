package org.nqs4j.ansatz;

import java.util.Optional;

/**
 * ψ(n) = φ(σ(n)): a spin-½ network φ (an {@link Rbm}, a {@link SymmetricRbm}, …) evaluated on a
 * fixed encoding σ(n) of the local states n in spins. Parameters, log-derivatives and the
 * outer-product Jacobian are the network's, so the optimisers' fast paths apply unchanged; a move
 * of the local states becomes the list of spins it flips, handed to the network's cache, whose
 * kernels (log-cosh in the log domain, stable when hidden units saturate) serve every encoding.
 *
 * <p>Subclasses give the encoding: {@link #encode} of a whole configuration (checking it) and
 * {@link #flips} of a move.
 */
public abstract class SpinEncodedWaveFunction implements WaveFunction {
    /** φ, over {@code network.nSites()} spins. */
    protected final WaveFunction network;

    protected SpinEncodedWaveFunction(WaveFunction network) {
        this.network = network;
    }

    /**
     * Writes σ(n) into {@code sigma} (network.nSites() spins).
     *
     * @throws IllegalArgumentException for a configuration outside the local states
     */
    protected abstract void encode(int[] n, int[] sigma);

    /**
     * The spins flipped by setting n[sites[k]] = values[k] for k in [offset, offset + count), from
     * the configuration {@code n} before the move, written into {@code spins}.
     *
     * @return how many spins flip
     */
    protected abstract int flips(int[] n, int[] sites, int[] values, int offset, int count, int[] spins);

    /** The most spins one move of at most {@code changes} changed local states can flip. */
    protected abstract int maxFlips(int changes);

    @Override
    public final int nParameters() {
        return network.nParameters();
    }

    @Override
    public final boolean isComplex() {
        return network.isComplex();
    }

    @Override
    public final void getParameters(double[] dst) {
        network.getParameters(dst);
    }

    @Override
    public final void setParameters(double[] src) {
        network.setParameters(src);
    }

    @Override
    public final void logPsi(int[] n, double[] out) {
        int[] sigma = new int[network.nSites()];
        encode(n, sigma);
        network.logPsi(sigma, out);
    }

    @Override
    public final WalkerCache newCache() {
        return new Cache();
    }

    @Override
    public final Optional<OuterProductJacobian> outerProductJacobian() {
        return network.outerProductJacobian();
    }

    @Override
    public final boolean embedSmaller(double[] smaller, double[] params) {
        return network.embedSmaller(smaller, params);
    }

    /** The network's cache at σ(n), with n kept beside it. */
    private final class Cache implements WalkerCache {
        private final WalkerCache spins = network.newCache();
        private final int[] configuration = new int[configurationSize()];
        private final int[] sigma = new int[network.nSites()];
        private final int[] flipped = new int[maxFlips(configuration.length)];
        /** −σ of each flipped spin: what a spin-½ cache is told (and ignores). */
        private final int[] flippedValues = new int[flipped.length];

        @Override
        public void reset(int[] n) {
            encode(n, sigma);
            System.arraycopy(n, 0, configuration, 0, configuration.length);
            spins.reset(sigma);
        }

        @Override
        public int[] configuration() {
            return configuration;
        }

        /** The flips of the move into {@link #flipped} and {@link #flippedValues}; returns their number. */
        private int spinMove(int[] sites, int[] values, int offset, int count) {
            int f = flips(configuration, sites, values, offset, count, flipped);
            int[] current = spins.configuration();
            for (int k = 0; k < f; k++) {
                flippedValues[k] = -current[flipped[k]];
            }
            return f;
        }

        @Override
        public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
            spins.logRatio(flipped, flippedValues, 0, spinMove(sites, values, offset, count), out);
        }

        @Override
        public void ratio(int[] sites, int[] values, int offset, int count, double[] out) {
            spins.ratio(flipped, flippedValues, 0, spinMove(sites, values, offset, count), out);
        }

        @Override
        public void applyMove(int[] sites, int[] values, int offset, int count) {
            spins.applyMove(flipped, flippedValues, 0, spinMove(sites, values, offset, count));
            for (int k = offset; k < offset + count; k++) {
                configuration[sites[k]] = values[k];
            }
        }

        @Override
        public void logPsi(double[] out) {
            spins.logPsi(out);
        }

        @Override
        public void logDerivatives(double[] out, int offset) {
            spins.logDerivatives(out, offset);
        }

        @Override
        public void logDerivativeFactors(double[] out, int offset) {
            spins.logDerivativeFactors(out, offset);
        }
    }
}
