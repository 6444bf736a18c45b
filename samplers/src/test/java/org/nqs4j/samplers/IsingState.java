package org.nqs4j.samplers;

/**
 * Test fixture with two modes: log ψ(σ) = J Σᵢ σᵢσᵢ₊₁ on an open chain of spins ±1, so |ψ|² is the
 * Boltzmann weight of a ferromagnetic Ising chain at coupling 2J. For large J nearly all weight sits
 * on the two aligned configurations, and a single flip from either costs a factor e^{−4J}: a
 * Metropolis chain of local flips stays in the mode it started in. Summed exactly over 2^N states.
 */
final class IsingState extends ScratchState {
    IsingState(int n, double j) {
        super(n, n, j);
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
    protected double logAmplitude(int[] sigma) {
        return parameters[0] * bonds(sigma);
    }

    @Override
    protected void logDerivatives(int[] sigma, double[] out, int offset) {
        out[offset] = bonds(sigma);
    }

    @Override
    public String description() {
        return "Ising chain state";
    }
}
