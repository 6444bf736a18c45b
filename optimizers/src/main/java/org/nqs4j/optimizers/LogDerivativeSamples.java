package org.nqs4j.optimizers;

/**
 * The matrix O_{sk} = ∂ log ψ(σ_s) / ∂p_k of log-derivatives over a batch of N_s samples
 * (rows) and P parameters (columns), row-major; complex entries interleaved (re, im) when the
 * ansatz is complex, so a row holds {@link #rowLength()} doubles in the ansatz's parameter
 * layout. Estimators fill the rows; {@link #center} turns O into ΔO = O − ⟨O⟩, the form the
 * quantum geometric tensor S = ⟨ΔO†ΔO⟩ and the force F = ⟨ΔO† ΔE_loc⟩ need.
 */
public final class LogDerivativeSamples {
    private final int nSamples;
    private final int nParameters;
    private final boolean complex;
    private final double[] data;

    public LogDerivativeSamples(int nSamples, int nParameters, boolean complex) {
        if (nSamples < 1 || nParameters < 1) {
            throw new IllegalArgumentException("need at least one sample and one parameter");
        }
        long len = (long) nSamples * nParameters * (complex ? 2 : 1);
        if (len > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("O matrix of " + nSamples + " x " + nParameters
                    + " does not fit one Java array; use fewer samples per iteration");
        }
        this.nSamples = nSamples;
        this.nParameters = nParameters;
        this.complex = complex;
        this.data = new double[(int) len];
    }

    public int nSamples() {
        return nSamples;
    }

    public int nParameters() {
        return nParameters;
    }

    public boolean isComplex() {
        return complex;
    }

    /** Doubles per row: P, or 2P when complex. */
    public int rowLength() {
        return complex ? 2 * nParameters : nParameters;
    }

    /** Backing row-major array; row s starts at {@code s * rowLength()}. */
    public double[] data() {
        return data;
    }

    /** Subtracts the column means, writing them into {@code mean} (length {@link #rowLength()}). */
    public void center(double[] mean) {
        int row = rowLength();
        java.util.Arrays.fill(mean, 0, row, 0.0);
        for (int s = 0; s < nSamples; s++) {
            int off = s * row;
            for (int k = 0; k < row; k++) {
                mean[k] += data[off + k];
            }
        }
        double inv = 1.0 / nSamples;
        for (int k = 0; k < row; k++) {
            mean[k] *= inv;
        }
        for (int s = 0; s < nSamples; s++) {
            int off = s * row;
            for (int k = 0; k < row; k++) {
                data[off + k] -= mean[k];
            }
        }
    }
}
