package org.nqs4j.optimizers;

import java.util.Arrays;
import java.util.Optional;

import org.nqs4j.ansatz.OuterProductJacobian;
import org.nqs4j.ansatz.WalkerCache;
import org.nqs4j.ansatz.WaveFunction;
import org.nqs4j.optimizers.linalg.OuterProductRowProducts;
import org.nqs4j.optimizers.linalg.RankExchange;
import org.nqs4j.optimizers.linalg.TaskRunner;

/**
 * The matrix O_{sk} = ∂ log ψ(σ_s) / ∂p_k of log-derivatives over a batch of N_s samples
 * (rows) and P parameters (columns), row-major; complex entries interleaved (re, im) when the
 * ansatz is complex, so a row holds {@link #rowLength()} doubles in the ansatz's parameter
 * layout. Estimators fill the rows ({@link #store}); {@link #center} turns O into
 * ΔO = O − ⟨O⟩, the form the quantum geometric tensor S = ⟨ΔO†ΔO⟩ and the force
 * F = ⟨ΔO† ΔE_loc⟩ need.
 *
 * <p>Centring is lazy: {@link #center} computes the column means (one read of O), and the
 * subtraction (a read and a write of all N_s P entries) happens only when {@link #data} is asked
 * for ΔO. Kernels that apply the rank-one correction themselves, ΔO v = O v − (Ō·v) 1 and
 * ΔO† w = O† w − conj(Ō) Σ_s w_s ({@link #rawRows}, {@link #pendingMean}), never pay for it.
 *
 * <p>Factored RBM rows ({@link #forAnsatz} of an ansatz with a
 * {@link WaveFunction#outerProductJacobian}, or {@link #ofOuterProduct}): only the factors σ_s and
 * t_s = tanh θ(σ_s) of each row are stored, N + M numbers instead of N + M + N M (the rest is
 * t_s ⊗ σ_s). Filling, centring, the force and the products A v, A† w and ΔO ΔO† then run on the
 * factors ({@link #outerProductFactors}, {@link #means}) and never touch an N_s × P array: at L = 40,
 * α = 1 and 1,000 complex samples that is 27 MB written and read four times per iteration, at
 * 10×10, α = 4 650 MB. {@link #data} still gives the full ΔO, expanded on first use, to the
 * solvers that need it (dense S, CG, a relative shift).
 */
public final class LogDerivativeSamples {
    private final int nSamples;
    private final int nParameters;
    private final boolean complex;
    /** The rows as stored: full rows, or for factored RBM rows their first N + M entries. */
    private final double[] rows;
    private final int storedRowLength;
    /** The RBM row factors, or null when the rows are stored in full. */
    private final OuterProductFactors outerProductFactors;
    private boolean centred;
    /** Column means not yet subtracted from the full rows, or null when the rows are as stored. */
    private double[] pendingMean;
    private double[] meanBuffer;
    private TaskRunner pendingTasks = TaskRunner.SERIAL;
    /** Factored rows only: the full rows, expanded by {@link #data} on demand. */
    private double[] expanded;
    private boolean expandedCurrent;
    /** Probability weights of the samples (Σ = 1), or null when each weighs 1/N_s. */
    private double[] weights;
    /** Columns per task of {@link #center(double[], TaskRunner)} (a multiple of 2: whole complex numbers). */
    static final int COLUMN_BLOCK = 512;

    /** N_s full rows of P parameters (no declared structure). */
    public LogDerivativeSamples(int nSamples, int nParameters, boolean complex) {
        this(nSamples, nParameters, complex, null);
    }

    /** Rows of the ansatz {@code psi}, factored when it declares the RBM product structure. */
    public static LogDerivativeSamples forAnsatz(int nSamples, WaveFunction psi) {
        return new LogDerivativeSamples(nSamples, psi.nParameters(), psi.isComplex(),
                psi.outerProductJacobian().orElse(null));
    }

    /** Factored rows of the RBM form (σ, t, t ⊗ σ) with the given layout (P = N + M + N M). */
    public static LogDerivativeSamples ofOuterProduct(int nSamples, OuterProductJacobian layout, boolean complex) {
        return new LogDerivativeSamples(nSamples, layout.nParameters(), complex, layout);
    }

    private LogDerivativeSamples(int nSamples, int nParameters, boolean complex, OuterProductJacobian layout) {
        if (nSamples < 1 || nParameters < 1) {
            throw new IllegalArgumentException("need at least one sample and one parameter");
        }
        if (layout != null && layout.nParameters() != nParameters) {
            throw new IllegalArgumentException("the RBM layout has " + layout.nParameters()
                    + " parameters, the rows " + nParameters);
        }
        int c = complex ? 2 : 1;
        this.nSamples = nSamples;
        this.nParameters = nParameters;
        this.complex = complex;
        this.storedRowLength = c * (layout == null ? nParameters : layout.nVisible() + layout.nHidden());
        this.rows = new double[checkedLength(nSamples, storedRowLength)];
        this.outerProductFactors = layout == null ? null : new OuterProductFactors(layout, nSamples, complex);
    }

    private static int checkedLength(int nSamples, int row) {
        long len = (long) nSamples * row;
        if (len > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("O matrix of " + nSamples + " rows of " + row
                    + " doubles does not fit one Java array; use fewer samples per iteration");
        }
        return (int) len;
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

    /** Doubles per stored row in {@link #rowsToFill}: {@link #rowLength}, or (N + M)(1 or 2) when factored. */
    public int storedRowLength() {
        return storedRowLength;
    }

    /** True when only the RBM factors of each row are stored. */
    public boolean isFactored() {
        return outerProductFactors != null;
    }

    /**
     * Writes row s from the cache of the chain at σ_s: the full row, or its factors. Rows are
     * disjoint, so chains on different threads may store concurrently (after {@link #rowsToFill}).
     */
    public void store(int s, WalkerCache cache) {
        if (outerProductFactors != null) {
            cache.logDerivativeFactors(rows, s * storedRowLength);
        } else {
            cache.logDerivatives(rows, s * storedRowLength);
        }
    }

    /**
     * Full ΔO (or O, before centring), row s at {@code s * rowLength()}: the stored rows with the
     * pending subtraction carried out here, once; factored rows are expanded first.
     */
    public double[] data() {
        if (outerProductFactors != null) {
            if (!expandedCurrent) {
                expand();
            }
        } else if (pendingMean != null) {
            subtract(rows, pendingMean, pendingTasks);
            pendingMean = null;
        }
        return outerProductFactors != null ? expanded : rows;
    }

    /**
     * The stored rows, for estimators about to overwrite every row ({@link #storedRowLength}
     * doubles each): a pending centring of the old rows is dropped rather than carried out, and
     * the old factors and expansion are forgotten.
     */
    public double[] rowsToFill() {
        pendingMean = null;
        weights = null;
        centred = false;
        expandedCurrent = false;
        return rows;
    }

    /**
     * Full rows without carrying out a pending subtraction: O itself while {@link #pendingMean}
     * is non-null, else the same as {@link #data} (for factored rows, always {@link #data}).
     */
    public double[] rawRows() {
        return outerProductFactors != null ? data() : rows;
    }

    /**
     * The column means Ō that {@link #rawRows} still contain (length {@link #rowLength()}), or null
     * when the raw rows are already ΔO or were never centred. Do not modify.
     */
    public double[] pendingMean() {
        return outerProductFactors != null ? null : pendingMean;
    }

    /** The column means Ō of the last {@link #center} (length {@link #rowLength()}), or null before. Do not modify. */
    public double[] means() {
        return centred ? meanBuffer : null;
    }

    /**
     * σ_s and tanh θ_s of the factored rows as they were before the last {@link #center}; empty
     * when the rows are stored in full or were never centred.
     */
    public Optional<OuterProductFactors> outerProductFactors() {
        return centred && outerProductFactors != null ? Optional.of(outerProductFactors) : Optional.empty();
    }

    /**
     * Declares the samples of the rows just filled weighted, w_s ≥ 0 with Σ_s w_s = 1 (an exact sum
     * over basis states, samplers.FullSumSampler), instead of 1/N_s each. {@link #center} then takes
     * the weighted means Ō = Σ_s w_s O_s and leaves the rows √(N_s w_s) (O_s − Ō), so that every
     * kernel's S = ΔO†ΔO / N_s is the weighted Σ_s w_s ΔO_s† ΔO_s; {@link Forces} weighs the local
     * energies to match. Rows stored in full only; cleared by {@link #rowsToFill}.
     */
    public void weigh(double[] w) {
        if (outerProductFactors != null) {
            throw new IllegalStateException("weighted samples need rows stored in full, not factored");
        }
        if (w.length < nSamples) {
            throw new IllegalArgumentException("need " + nSamples + " weights, got " + w.length);
        }
        weights = w;
    }

    /** The weights of {@link #weigh}, or null when every sample weighs 1/N_s. Do not modify. */
    public double[] weights() {
        return weights;
    }

    /** Subtracts the column means, writing them into {@code mean} (length {@link #rowLength()}). */
    public void center(double[] mean) {
        center(mean, TaskRunner.SERIAL);
    }

    /**
     * {@link #center(double[])} with the columns split into fixed blocks over {@code tasks}; each
     * column's mean is summed over the samples in order, so ΔO does not depend on the runner. The
     * subtraction is deferred to the first {@link #data} call (on the same runner). A second
     * centring acts on ΔO, as if the first had been carried out (equal weights only: weighted rows
     * are rescaled by each centring, so they are centred once per fill).
     */
    public void center(double[] mean, TaskRunner tasks) {
        center(mean, RankExchange.SINGLE, tasks);
    }

    /**
     * {@link #center(double[], TaskRunner)} by ranks that hold the same rows: each computes the
     * means of its slice of the columns (of the hidden units, for factored rows) and the ranks
     * all-gather them; every mean is summed as on one process. Weighted rows are centred whole on
     * every rank.
     */
    public void center(double[] mean, RankExchange ranks, TaskRunner tasks) {
        int row = rowLength();
        if (outerProductFactors != null && centred) {
            Arrays.fill(mean, 0, row, 0.0); // the factored rows are ΔO already: the means of ΔO
            return;
        }
        if (meanBuffer == null) {
            meanBuffer = new double[row];
        }
        if (outerProductFactors != null) {
            outerProductFactors.capture(rows, storedRowLength, tasks);
            OuterProductRowProducts.columnMeans(outerProductFactors, mean, ranks, tasks);
            expandedCurrent = false;
        } else if (weights != null) {
            centerWeighted(mean, tasks);
        } else {
            double[] full = data();
            int blocks = (row + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
            int b0 = ranks.first(blocks, ranks.rank());
            tasks.forEach(ranks.first(blocks, ranks.rank() + 1) - b0, t -> {
                int from = (b0 + t) * COLUMN_BLOCK;
                int to = Math.min(row, from + COLUMN_BLOCK);
                Arrays.fill(mean, from, to, 0.0);
                for (int s = 0; s < nSamples; s++) {
                    int off = s * row;
                    for (int k = from; k < to; k++) {
                        mean[k] += full[off + k];
                    }
                }
                double inv = 1.0 / nSamples;
                for (int k = from; k < to; k++) {
                    mean[k] *= inv;
                }
            });
            ranks.allgatherRanges(mean, 0, blocks, COLUMN_BLOCK, row);
            pendingMean = meanBuffer;
        }
        System.arraycopy(mean, 0, meanBuffer, 0, row);
        centred = true;
        pendingTasks = tasks;
    }

    /** Ō = Σ_s w_s O_s, then each row becomes √(N_s w_s)(O_s − Ō), at once (no pending subtraction). */
    private void centerWeighted(double[] mean, TaskRunner tasks) {
        int row = rowLength();
        double[] full = data();
        int blocks = (row + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
        tasks.forEach(blocks, b -> {
            int from = b * COLUMN_BLOCK;
            int to = Math.min(row, from + COLUMN_BLOCK);
            Arrays.fill(mean, from, to, 0.0);
            for (int s = 0; s < nSamples; s++) {
                int off = s * row;
                for (int k = from; k < to; k++) {
                    mean[k] += weights[s] * full[off + k];
                }
            }
        });
        tasks.forEach(nSamples, s -> {
            double scale = Math.sqrt(nSamples * weights[s]);
            int off = s * row;
            for (int k = 0; k < row; k++) {
                full[off + k] = scale * (full[off + k] - mean[k]);
            }
        });
        pendingMean = null;
    }

    /** Factored rows: the full rows t ⊗ σ written out, minus the means once centred. */
    private void expand() {
        int row = rowLength();
        if (expanded == null) {
            expanded = new double[checkedLength(nSamples, row)];
        }
        OuterProductJacobian layout = outerProductFactors.layout();
        int nv = layout.nVisible();
        int nh = layout.nHidden();
        int c = complex ? 2 : 1;
        pendingTasks.forEach(nSamples, s -> {
            int in = s * storedRowLength;
            int out = s * row;
            System.arraycopy(rows, in, expanded, out, storedRowLength);
            for (int j = 0; j < nh; j++) {
                double tr = rows[in + c * (nv + j)];
                double ti = complex ? rows[in + 2 * (nv + j) + 1] : 0.0;
                int w = out + c * (nv + nh + j * nv);
                for (int i = 0; i < nv; i++) {
                    double sg = rows[in + c * i];
                    expanded[w + c * i] = sg * tr;
                    if (complex) {
                        expanded[w + 2 * i + 1] = sg * ti;
                    }
                }
            }
        });
        if (centred) {
            subtract(expanded, meanBuffer, pendingTasks);
        }
        expandedCurrent = true;
    }

    /** full −= 1 meanᵀ over fixed column blocks. */
    private void subtract(double[] full, double[] mean, TaskRunner tasks) {
        int row = rowLength();
        int blocks = (row + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
        tasks.forEach(blocks, b -> {
            int from = b * COLUMN_BLOCK;
            int to = Math.min(row, from + COLUMN_BLOCK);
            for (int s = 0; s < nSamples; s++) {
                int off = s * row;
                for (int k = from; k < to; k++) {
                    full[off + k] -= mean[k];
                }
            }
        });
    }
}
