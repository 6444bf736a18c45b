package org.nqs4j.optimizers;

import org.nqs4j.ansatz.OuterProductJacobian;
import org.nqs4j.optimizers.linalg.TaskRunner;

/**
 * The factors σ_s and t_s = tanh θ(σ_s) of every uncentred RBM log-derivative row
 * O_s = (σ_s, t_s, t_s ⊗ σ_s) ({@link OuterProductJacobian}), copied from the stored factored
 * rows by {@link LogDerivativeSamples#center}: all that the force, the products A v, A† w and the
 * minSR Gram matrix need, O(N_s (N + M)) numbers instead of O(N_s N M).
 *
 * <p>Stored transposed (feature-major) with split real and imaginary parts, each feature's N_s
 * values contiguous and zero-padded to {@link #stride()}, so that a kernel loads SIMD vectors of
 * consecutive samples; Im t is zero for a real RBM.
 */
public final class OuterProductFactors {
    /** Padding multiple of the sample dimension (covers two SIMD vectors of up to 8 doubles). */
    private static final int PAD = 16;
    /** Features (σ_i or t_j) per task of {@link #capture}. */
    private static final int CAPTURE_FEATURES = 8;
    private final OuterProductJacobian layout;
    private final int nSamples;
    private final int stride;
    private final boolean complex;
    private final double[] spins;
    private final double[] tanhRe;
    private final double[] tanhIm;
    private final double[] weightedRe;
    private final double[] weightedIm;
    private final double[] sampleRe;
    private final double[] sampleIm;
    private final double[] hiddenUnits;

    /** Zero factors for {@code nSamples} rows of the given layout; fill them with {@link #capture}. */
    public OuterProductFactors(OuterProductJacobian layout, int nSamples, boolean complex) {
        this.layout = layout;
        this.nSamples = nSamples;
        this.complex = complex;
        this.stride = (nSamples + PAD - 1) / PAD * PAD;
        this.spins = new double[layout.nVisible() * stride];
        this.tanhRe = new double[layout.nHidden() * stride];
        this.tanhIm = new double[layout.nHidden() * stride];
        this.weightedRe = new double[layout.nHidden() * stride];
        this.weightedIm = new double[layout.nHidden() * stride];
        this.sampleRe = new double[stride];
        this.sampleIm = new double[stride];
        this.hiddenUnits = new double[(complex ? 2 : 1) * (1 + layout.nVisible()) * layout.nHidden()];
    }

    /**
     * Copies σ_s and t_s out of the uncentred rows of {@code data} (row length {@code row}): the
     * first N + M entries of each row (interleaved when complex), so a row may stop there.
     */
    public void capture(double[] data, int row, TaskRunner tasks) {
        int c = complex ? 2 : 1;
        int n = layout.nVisible();
        int features = n + layout.nHidden();
        // tasks over blocks of features: each writes its own contiguous feature rows, sample by sample
        tasks.forEach((features + CAPTURE_FEATURES - 1) / CAPTURE_FEATURES, b -> {
            int end = Math.min(features, (b + 1) * CAPTURE_FEATURES);
            for (int s = 0; s < nSamples; s++) {
                int off = s * row;
                for (int f = b * CAPTURE_FEATURES; f < end; f++) {
                    double v = data[off + c * f];
                    if (f < n) {
                        spins[f * stride + s] = v;
                    } else {
                        tanhRe[(f - n) * stride + s] = v;
                        if (complex) {
                            tanhIm[(f - n) * stride + s] = data[off + c * f + 1];
                        }
                    }
                }
            }
        });
    }

    public OuterProductJacobian layout() {
        return layout;
    }

    public int nSamples() {
        return nSamples;
    }

    public boolean isComplex() {
        return complex;
    }

    /** Row length of the transposed arrays: N_s rounded up to a multiple of 16, zero beyond N_s. */
    public int stride() {
        return stride;
    }

    /** σ_si at {@code i * stride() + s}. */
    public double[] spins() {
        return spins;
    }

    /** Re t_sj at {@code j * stride() + s}. */
    public double[] tanhRe() {
        return tanhRe;
    }

    /** Im t_sj at {@code j * stride() + s}; zero for a real RBM. */
    public double[] tanhIm() {
        return tanhIm;
    }

    /** Scratch of the tanh layout (M rows of {@link #stride()}) for kernels that weight t by a sample vector. */
    public double[] weightedTanhRe() {
        return weightedRe;
    }

    public double[] weightedTanhIm() {
        return weightedIm;
    }

    /** Scratch of {@link #stride()} doubles for kernels that produce one number per sample. */
    public double[] sampleScratchRe() {
        return sampleRe;
    }

    public double[] sampleScratchIm() {
        return sampleIm;
    }

    /** Scratch of (1 + N)·M numbers (b_j and W_j· unit by unit, interleaved when complex) for the exchange between ranks. */
    public double[] hiddenUnitScratch() {
        return hiddenUnits;
    }
}
