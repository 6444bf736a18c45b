package org.nqs4j.samplers;

import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;

/**
 * Test fixture on occupation configurations: log ψ(x) = Σ_a h_a x_a + g Σ_a x_a x_{a+1} (cyclic in a),
 * every ratio computed from scratch, so that sampling tests check the rules and the acceptance, not
 * a cache. Its Born distribution is summed exactly over a small Hilbert space.
 */
final class PairState implements WaveFunction {
    private final double[] h;
    private final double g;
    private final int nSites;

    PairState(int nSites, double g, double... h) {
        this.nSites = nSites;
        this.g = g;
        this.h = h.clone();
    }

    @Override
    public int nSites() {
        return nSites;
    }

    @Override
    public int configurationSize() {
        return h.length;
    }

    @Override
    public int nParameters() {
        return 0;
    }

    @Override
    public boolean isComplex() {
        return false;
    }

    @Override
    public void getParameters(double[] dst) {
    }

    @Override
    public void setParameters(double[] src) {
    }

    @Override
    public void logPsi(int[] x, double[] out) {
        double s = 0;
        for (int a = 0; a < h.length; a++) {
            s += h[a] * x[a] + g * x[a] * x[(a + 1) % h.length];
        }
        out[0] = s;
        out[1] = 0;
    }

    @Override
    public WalkerCache newCache() {
        return new WalkerCache() {
            private final int[] x = new int[h.length];
            private final int[] moved = new int[h.length];
            private final double[] a = new double[2];
            private final double[] b = new double[2];

            @Override
            public void reset(int[] s) {
                System.arraycopy(s, 0, x, 0, x.length);
            }

            @Override
            public int[] configuration() {
                return x;
            }

            @Override
            public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
                System.arraycopy(x, 0, moved, 0, x.length);
                for (int k = offset; k < offset + count; k++) {
                    moved[sites[k]] = values[k];
                }
                PairState.this.logPsi(moved, b);
                PairState.this.logPsi(x, a);
                out[0] = b[0] - a[0];
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
                PairState.this.logPsi(x, out);
            }

            @Override
            public void logDerivatives(double[] out, int offset) {
            }
        };
    }

    @Override
    public String description() {
        return "pair state";
    }
}
