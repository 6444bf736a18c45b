package org.nqs4j.samplers;

import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;

/**
 * Test fixture with two modes: log ψ(σ) = J Σᵢ σᵢσᵢ₊₁ on an open chain of spins ±1, so |ψ|² is the
 * Boltzmann weight of a ferromagnetic Ising chain at coupling 2J. For large J nearly all weight sits
 * on the two aligned configurations, and a single flip from either costs a factor e^{−4J}: a
 * Metropolis chain of local flips stays in the mode it started in. Summed exactly over 2^N states.
 */
final class IsingState implements WaveFunction {
    private final int n;
    private final double j;

    IsingState(int n, double j) {
        this.n = n;
        this.j = j;
    }

    /** Σᵢ σᵢσᵢ₊₁. */
    static int bonds(int[] sigma) {
        int b = 0;
        for (int i = 0; i + 1 < sigma.length; i++) {
            b += sigma[i] * sigma[i + 1];
        }
        return b;
    }

    @Override
    public int nSites() {
        return n;
    }

    @Override
    public int nParameters() {
        return 1;
    }

    @Override
    public boolean isComplex() {
        return false;
    }

    @Override
    public void getParameters(double[] dst) {
        dst[0] = j;
    }

    @Override
    public void setParameters(double[] src) {
        throw new UnsupportedOperationException("a fixture");
    }

    @Override
    public WalkerCache newCache() {
        return new WalkerCache() {
            private final int[] sigma = new int[n];

            @Override
            public void reset(int[] s) {
                System.arraycopy(s, 0, sigma, 0, n);
            }

            @Override
            public int[] configuration() {
                return sigma;
            }

            @Override
            public void logRatio(int[] sites, int[] values, int offset, int count, double[] out) {
                int before = bonds(sigma);
                int[] moved = sigma.clone();
                for (int k = offset; k < offset + count; k++) {
                    moved[sites[k]] = values[k];
                }
                out[0] = j * (bonds(moved) - before);
                out[1] = 0;
            }

            @Override
            public void applyMove(int[] sites, int[] values, int offset, int count) {
                for (int k = offset; k < offset + count; k++) {
                    sigma[sites[k]] = values[k];
                }
            }

            @Override
            public void logPsi(double[] out) {
                out[0] = j * bonds(sigma);
                out[1] = 0;
            }

            @Override
            public void logDerivatives(double[] out, int offset) {
                out[offset] = bonds(sigma);
            }
        };
    }

    @Override
    public String description() {
        return "Ising chain state";
    }
}
