package org.nqs4j.optimizers;

import org.nqs4j.ansatz.RbmLogDerivativeLayout;

/**
 * The factors σ_s and t_s = tanh θ(σ_s) of every uncentred RBM log-derivative row
 * O_s = (σ_s, t_s, t_s ⊗ σ_s) ({@link RbmLogDerivativeLayout}), copied from the first N + M
 * columns of the rows by {@link LogDerivativeSamples#center} before it subtracts the means: what
 * the structured minSR Gram matrix needs, O(N_s (N + M)) numbers instead of O(N_s N M).
 */
public final class RbmFactors {
    private final RbmLogDerivativeLayout layout;
    private final int nSamples;
    private final boolean complex;
    private final double[] spins;
    private final double[] tanh;

    RbmFactors(RbmLogDerivativeLayout layout, int nSamples, boolean complex) {
        this.layout = layout;
        this.nSamples = nSamples;
        this.complex = complex;
        this.spins = new double[nSamples * layout.nVisible()];
        this.tanh = new double[nSamples * layout.nHidden() * (complex ? 2 : 1)];
    }

    /** Copies σ_s and t_s out of the uncentred rows of {@code data} (row length {@code row}). */
    void capture(double[] data, int row) {
        int n = layout.nVisible();
        int c = complex ? 2 : 1;
        int hidden = c * layout.nHidden();
        for (int s = 0; s < nSamples; s++) {
            int off = s * row;
            for (int i = 0; i < n; i++) {
                spins[s * n + i] = data[off + c * i];
            }
            System.arraycopy(data, off + c * n, tanh, s * hidden, hidden);
        }
    }

    public RbmLogDerivativeLayout layout() {
        return layout;
    }

    public int nSamples() {
        return nSamples;
    }

    public boolean isComplex() {
        return complex;
    }

    /** σ, N_s × N row-major (real). */
    public double[] spins() {
        return spins;
    }

    /** t = tanh θ, N_s × M row-major, complex interleaved when {@link #isComplex()}. */
    public double[] tanh() {
        return tanh;
    }
}
