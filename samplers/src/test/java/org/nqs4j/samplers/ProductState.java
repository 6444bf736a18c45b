package org.nqs4j.samplers;

import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;

/**
 * Test fixture: the product state log ψ(σ) = Σᵢ hᵢσᵢ, whose Born distribution is known in closed
 * form: the σᵢ are independent with ⟨σᵢ⟩ = tanh(2hᵢ).
 */
final class ProductState implements WaveFunction {
    private final double[] h;

    ProductState(double... h) {
        this.h = h.clone();
    }

    @Override
    public int nSites() {
        return h.length;
    }

    @Override
    public int nParameters() {
        return h.length;
    }

    @Override
    public boolean isComplex() {
        return false;
    }

    @Override
    public void getParameters(double[] dst) {
        System.arraycopy(h, 0, dst, 0, h.length);
    }

    @Override
    public void setParameters(double[] src) {
        System.arraycopy(src, 0, h, 0, h.length);
    }

    @Override
    public void logPsi(int[] sigma, double[] out) {
        double s = 0;
        for (int i = 0; i < h.length; i++) {
            s += h[i] * sigma[i];
        }
        out[0] = s;
        out[1] = 0;
    }

    @Override
    public WalkerCache newCache() {
        return new WalkerCache() {
            private final int[] sigma = new int[h.length];

            @Override
            public void reset(int[] s) {
                System.arraycopy(s, 0, sigma, 0, sigma.length);
            }

            @Override
            public int[] configuration() {
                return sigma;
            }

            @Override
            public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
                double d = 0;
                for (int k = offset; k < offset + count; k++) {
                    d -= 2 * h[sites[k]] * sigma[sites[k]];
                }
                out[0] = d;
                out[1] = 0;
            }

            @Override
            public void applyMove(int[] sites, int[] values, int offset, int count) {
                for (int k = offset; k < offset + count; k++) {
                    sigma[sites[k]] = -sigma[sites[k]];
                }
            }

            @Override
            public void logPsi(double[] out) {
                ProductState.this.logPsi(sigma, out);
            }

            @Override
            public void logDerivatives(double[] out, int offset) {
                for (int i = 0; i < sigma.length; i++) {
                    out[offset + i] = sigma[i];
                }
            }
        };
    }

    @Override
    public String description() {
        return "product state";
    }
}
