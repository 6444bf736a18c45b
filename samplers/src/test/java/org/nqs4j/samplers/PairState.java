package org.nqs4j.samplers;

/**
 * Test fixture on occupation configurations: log ψ(x) = Σ_a h_a x_a + g Σ_a x_a x_{a+1} (cyclic in a),
 * every ratio computed from scratch, so that sampling tests check the rules and the acceptance, not
 * a cache. Its Born distribution is summed exactly over a small Hilbert space.
 */
final class PairState extends ScratchState {
    private final double[] h;
    private final double g;

    PairState(int nSites, double g, double... h) {
        super(nSites, h.length);
        this.g = g;
        this.h = h.clone();
    }

    @Override
    protected double logAmplitude(int[] x) {
        double s = 0;
        for (int a = 0; a < h.length; a++) {
            s += h[a] * x[a] + g * x[a] * x[(a + 1) % h.length];
        }
        return s;
    }

    @Override
    protected void logDerivatives(int[] x, double[] out, int offset) {
    }

    @Override
    public String description() {
        return "pair state";
    }
}
