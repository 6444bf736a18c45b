package org.nqs4j.samplers;

import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;

/**
 * Test fixture base: a real, positive ψ given by log ψ(x) of whole configurations, every ratio computed
 * from scratch (log ψ(x') − log ψ(x), no look-up tables), so that a test of a sampler or a driver checks
 * them, not a cache. Its parameters are an array that {@link #logAmplitude} reads. Shared with the vmc
 * module's tests (this module's test jar).
 */
public abstract class ScratchState implements WaveFunction {
    private final int nSites;
    private final int size;
    /** The parameters {@link #logAmplitude} and {@link #logDerivatives(int[], double[], int)} read. */
    protected final double[] parameters;

    /** ψ on {@code size} entries per configuration over {@code nSites} sites, with these parameters. */
    protected ScratchState(int nSites, int size, double... parameters) {
        this.nSites = nSites;
        this.size = size;
        this.parameters = parameters.clone();
    }

    /** log ψ(x), real. */
    protected abstract double logAmplitude(int[] x);

    /** ∂ log ψ(x)/∂p_k into {@code out[offset + k]}. */
    protected abstract void logDerivatives(int[] x, double[] out, int offset);

    @Override
    public final int nSites() {
        return nSites;
    }

    @Override
    public final int configurationSize() {
        return size;
    }

    @Override
    public final int nParameters() {
        return parameters.length;
    }

    @Override
    public final boolean isComplex() {
        return false;
    }

    @Override
    public final void getParameters(double[] dst) {
        System.arraycopy(parameters, 0, dst, 0, parameters.length);
    }

    @Override
    public final void setParameters(double[] src) {
        System.arraycopy(src, 0, parameters, 0, parameters.length);
    }

    @Override
    public final void logPsi(int[] x, double[] out) {
        out[0] = logAmplitude(x);
        out[1] = 0;
    }

    @Override
    public final WalkerCache newCache() {
        return new WalkerCache() {
            private final int[] x = new int[size];
            private final int[] moved = new int[size];

            @Override
            public void reset(int[] s) {
                System.arraycopy(s, 0, x, 0, size);
            }

            @Override
            public int[] configuration() {
                return x;
            }

            @Override
            public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
                System.arraycopy(x, 0, moved, 0, size);
                for (int k = offset; k < offset + count; k++) {
                    moved[sites[k]] = values[k];
                }
                out[0] = logAmplitude(moved) - logAmplitude(x);
                out[1] = 0;
            }

            @Override
            public void applyMove(int[] sites, int[] values, int offset, int count) {
                for (int k = offset; k < offset + count; k++) {
                    x[sites[k]] = values[k];
                }
            }

            @Override
            public void logPsi(double[] out) {
                ScratchState.this.logPsi(x, out);
            }

            @Override
            public void logDerivatives(double[] out, int offset) {
                ScratchState.this.logDerivatives(x, out, offset);
            }
        };
    }
}
