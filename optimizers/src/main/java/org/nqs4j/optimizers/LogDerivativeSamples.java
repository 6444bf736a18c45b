package org.nqs4j.optimizers;

import java.util.Optional;

import org.nqs4j.ansatz.RbmLogDerivativeLayout;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.optimizers.linalg.TaskRunner;

/**
 * The matrix O_{sk} = ∂ log ψ(σ_s) / ∂p_k of log-derivatives over a batch of N_s samples
 * (rows) and P parameters (columns), row-major; complex entries interleaved (re, im) when the
 * ansatz is complex, so a row holds {@link #rowLength()} doubles in the ansatz's parameter
 * layout. Estimators fill the rows; {@link #center} turns O into ΔO = O − ⟨O⟩, the form the
 * quantum geometric tensor S = ⟨ΔO†ΔO⟩ and the force F = ⟨ΔO† ΔE_loc⟩ need.
 *
 * <p>Centring is lazy: {@link #center} computes the column means (one read of O), and the
 * subtraction (a read and a write of all N_s P entries: 650 MB at 10×10, α = 4, 2,000 samples)
 * happens only when {@link #data} is asked for ΔO. Kernels that apply the rank-one correction
 * themselves, ΔO v = O v − (Ō·v) 1 and ΔO† w = O† w − conj(Ō) Σ_s w_s ({@link #rawRows},
 * {@link #pendingMean}), never pay for it: the force and sample-space SR of an RBM.
 *
 * <p>For an RBM ({@link #forAnsatz} with a {@link WaveFunction#rbmLogDerivativeLayout}), {@link #center}
 * first keeps the factors σ_s, tanh θ_s of the uncentred rows ({@link #rbmFactors}), from which
 * sample-space SR forms ΔO ΔO† in O(N_s²(N + M)).
 */
public final class LogDerivativeSamples {
    private final int nSamples;
    private final int nParameters;
    private final boolean complex;
    private final double[] data;
    /** The RBM row factors, or null when the rows have no declared product structure. */
    private final RbmFactors rbmFactors;
    private boolean factorsCaptured;
    /** Column means not yet subtracted from {@link #data}, or null when the rows are as stored. */
    private double[] pendingMean;
    private double[] meanBuffer;
    private TaskRunner pendingTasks = TaskRunner.SERIAL;
    /** Columns per task of {@link #center(double[], TaskRunner)} (a multiple of 2: whole complex numbers). */
    static final int COLUMN_BLOCK = 512;

    public LogDerivativeSamples(int nSamples, int nParameters, boolean complex) {
        this(nSamples, nParameters, complex, null);
    }

    /** Rows of the ansatz {@code psi}, with its RBM product structure when it declares one. */
    public static LogDerivativeSamples forAnsatz(int nSamples, WaveFunction psi) {
        return new LogDerivativeSamples(nSamples, psi.nParameters(), psi.isComplex(),
                psi.rbmLogDerivativeLayout().orElse(null));
    }

    /** Rows of the RBM form (σ, t, t ⊗ σ) with the given layout (P = N + M + N M). */
    public static LogDerivativeSamples ofRbm(int nSamples, RbmLogDerivativeLayout layout, boolean complex) {
        return new LogDerivativeSamples(nSamples, layout.nParameters(), complex, layout);
    }

    private LogDerivativeSamples(int nSamples, int nParameters, boolean complex, RbmLogDerivativeLayout layout) {
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
        if (layout != null && layout.nParameters() != nParameters) {
            throw new IllegalArgumentException("the RBM layout has " + layout.nParameters()
                    + " parameters, the rows " + nParameters);
        }
        this.rbmFactors = layout == null ? null : new RbmFactors(layout, nSamples, complex);
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

    /**
     * Backing row-major array, row s at {@code s * rowLength()}: the rows as filled, or ΔO after
     * {@link #center} (the pending subtraction is carried out here, once).
     */
    public double[] data() {
        if (pendingMean != null) {
            subtract(pendingMean, pendingTasks);
            pendingMean = null;
        }
        return data;
    }

    /**
     * The backing array, for estimators about to overwrite every row: a pending centring of the
     * old rows is dropped rather than carried out, and the old RBM factors are forgotten.
     */
    public double[] rowsToFill() {
        pendingMean = null;
        factorsCaptured = false;
        return data;
    }

    /**
     * The backing array without carrying out a pending subtraction: O itself while
     * {@link #pendingMean} is non-null, else the same as {@link #data}.
     */
    public double[] rawRows() {
        return data;
    }

    /**
     * The column means Ō that {@link #rawRows} still contain (length {@link #rowLength()}), or null
     * when the raw rows are already ΔO or were never centred. Do not modify.
     */
    public double[] pendingMean() {
        return pendingMean;
    }

    /**
     * σ_s and tanh θ_s of the rows as they were before the last {@link #center}; empty when the
     * rows have no RBM structure or were never centred. Valid as long as the data are not
     * changed by other means after centring.
     */
    public Optional<RbmFactors> rbmFactors() {
        return factorsCaptured ? Optional.of(rbmFactors) : Optional.empty();
    }

    /** Subtracts the column means, writing them into {@code mean} (length {@link #rowLength()}). */
    public void center(double[] mean) {
        center(mean, TaskRunner.SERIAL);
    }

    /**
     * {@link #center(double[])} with the columns split into fixed blocks over {@code tasks}; each
     * column's mean is summed over the samples in order, so ΔO does not depend on the runner. The
     * subtraction is deferred to the first {@link #data} call (on the same runner).
     */
    public void center(double[] mean, TaskRunner tasks) {
        double[] rows = data(); // a second centring acts on ΔO, as if the first had been carried out
        int row = rowLength();
        if (rbmFactors != null) {
            rbmFactors.capture(rows, row);
            factorsCaptured = true;
        }
        int blocks = (row + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
        tasks.forEach(blocks, b -> {
            int from = b * COLUMN_BLOCK;
            int to = Math.min(row, from + COLUMN_BLOCK);
            java.util.Arrays.fill(mean, from, to, 0.0);
            for (int s = 0; s < nSamples; s++) {
                int off = s * row;
                for (int k = from; k < to; k++) {
                    mean[k] += rows[off + k];
                }
            }
            double inv = 1.0 / nSamples;
            for (int k = from; k < to; k++) {
                mean[k] *= inv;
            }
        });
        if (meanBuffer == null) {
            meanBuffer = new double[row];
        }
        System.arraycopy(mean, 0, meanBuffer, 0, row);
        pendingMean = meanBuffer;
        pendingTasks = tasks;
    }

    /** data −= 1 meanᵀ over fixed column blocks. */
    private void subtract(double[] mean, TaskRunner tasks) {
        int row = rowLength();
        int blocks = (row + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
        tasks.forEach(blocks, b -> {
            int from = b * COLUMN_BLOCK;
            int to = Math.min(row, from + COLUMN_BLOCK);
            for (int s = 0; s < nSamples; s++) {
                int off = s * row;
                for (int k = from; k < to; k++) {
                    data[off + k] -= mean[k];
                }
            }
        });
    }
}
